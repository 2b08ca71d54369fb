// SPDX-License-Identifier: Apache-2.0
#include "portalhotkeys.h"

#include <QDBusArgument>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QLoggingCategory>
#include <QRandomGenerator>

namespace floorline::input {

Q_LOGGING_CATEGORY(lcPortal, "floorline.input.portal", QtInfoMsg)

namespace {
const QString kService = QStringLiteral("org.freedesktop.portal.Desktop");
const QString kPath = QStringLiteral("/org/freedesktop/portal/desktop");
const QString kInterface = QStringLiteral("org.freedesktop.portal.GlobalShortcuts");
const QString kRequest = QStringLiteral("org.freedesktop.portal.Request");
const QString kSession = QStringLiteral("org.freedesktop.portal.Session");

/// One entry of the portal's a(sa{sv}) shortcut lists.
struct Shortcut
{
    QString id;
    QVariantMap properties;
};
using Shortcuts = QList<Shortcut>;

QDBusArgument &operator<<(QDBusArgument &arg, const Shortcut &s)
{
    arg.beginStructure();
    arg << s.id << s.properties;
    arg.endStructure();
    return arg;
}

const QDBusArgument &operator>>(const QDBusArgument &arg, Shortcut &s)
{
    arg.beginStructure();
    arg >> s.id >> s.properties;
    arg.endStructure();
    return arg;
}

QString describe(const QString &id)
{
    if (id == QLatin1String("talk"))
        return PortalHotkeys::tr("Push to talk on the selected groups");
    if (id == QLatin1String("emergency"))
        return PortalHotkeys::tr("Emergency call on the selected groups");
    if (id.startsWith(QLatin1String("group:")))
        return PortalHotkeys::tr("Push to talk on group %1 of the list").arg(id.mid(6));
    if (id == QLatin1String("pedal"))
        return PortalHotkeys::tr("Push to talk (pedal)");
    return id;
}
} // namespace
} // namespace floorline::input

Q_DECLARE_METATYPE(floorline::input::Shortcut)
Q_DECLARE_METATYPE(floorline::input::Shortcuts)

namespace floorline::input {

PortalHotkeys::PortalHotkeys(QDBusConnection bus, QObject *parent)
    : Hotkeys(parent)
    , m_bus(std::move(bus))
{
    qDBusRegisterMetaType<Shortcut>();
    qDBusRegisterMetaType<Shortcuts>();
    // The slots' argument types by name, before QtDBus matches a signal to them: without it
    // the first subscription in a process fails to find QDBusObjectPath.
    qRegisterMetaType<QDBusObjectPath>();
    if (!m_bus.isConnected()) {
        fail(tr("No desktop bus: global keys are off"));
        return;
    }
    // Matched by path, not by the portal's name: QtDBus learns who owns a name
    // asynchronously, and a press in that moment would be lost. The session handle in each
    // signal says whether it is ours.
    m_bus.connect(QString(), kPath, kInterface, QStringLiteral("Activated"), this,
                  SLOT(onActivated(QDBusObjectPath, QString, qulonglong, QVariantMap)));
    m_bus.connect(QString(), kPath, kInterface, QStringLiteral("Deactivated"), this,
                  SLOT(onDeactivated(QDBusObjectPath, QString, qulonglong, QVariantMap)));
    probe();
}

PortalHotkeys::~PortalHotkeys()
{
    closeSession();
}

QString PortalHotkeys::status() const
{
    if (!m_problem.isEmpty())
        return m_problem;
    if (!m_available)
        return tr("Asking the desktop for global keys…");
    if (!m_refused.isEmpty())
        return tr("The desktop did not bind %n of these keys", nullptr, int(m_refused.size()));
    return tr("Global keys work in every program (desktop portal)");
}

void PortalHotkeys::fail(const QString &why)
{
    qCWarning(lcPortal) << why;
    m_problem = why;
    m_available = false;
    for (const QString &id : std::exchange(m_held, {}))
        Q_EMIT released(id);
    Q_EMIT statusChanged();
}

void PortalHotkeys::probe()
{
    // The portal answers for every interface it has; the version property says whether
    // GlobalShortcuts is one of them.
    QDBusMessage get = QDBusMessage::createMethodCall(
        kService, kPath, QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
    get << kInterface << QStringLiteral("version");
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(get, 5000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<QDBusVariant> reply = *w;
        if (reply.isError()) {
            fail(tr("This desktop offers no global keys (%1): push-to-talk works while the "
                    "console has the focus")
                     .arg(reply.error().name()));
            return;
        }
        qCInfo(lcPortal) << "GlobalShortcuts portal version" << reply.value().variant().toUInt();
        createSession();
    });
}

void PortalHotkeys::request(Pending kind, const QString &method, QList<QVariant> args,
                            QVariantMap options)
{
    const QString token = QStringLiteral("floorline%1_%2")
                              .arg(QRandomGenerator::global()->bounded(1000000))
                              .arg(++m_token);
    options.insert(QStringLiteral("handle_token"), token);
    // The Request's path is known before the call: the portal's documented form.
    QString sender = m_bus.baseService().mid(1);
    sender.replace(QLatin1Char('.'), QLatin1Char('_'));
    if (!m_requestPath.isEmpty())
        m_bus.disconnect(QString(), m_requestPath, kRequest, QStringLiteral("Response"), this,
                         SLOT(onResponse(uint, QVariantMap)));
    m_requestPath
        = QStringLiteral("/org/freedesktop/portal/desktop/request/%1/%2").arg(sender, token);
    m_bus.connect(QString(), m_requestPath, kRequest, QStringLiteral("Response"), this,
                  SLOT(onResponse(uint, QVariantMap)));
    m_pending = kind;
    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kInterface, method);
    args << options;
    call.setArguments(args);
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, 10000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, method](QDBusPendingCallWatcher *w) {
                w->deleteLater();
                const QDBusPendingReply<QDBusObjectPath> reply = *w;
                if (reply.isError())
                    fail(tr("The desktop refused global keys (%1)").arg(reply.error().message()));
                else if (reply.value().path() != m_requestPath)
                    qCWarning(lcPortal)
                        << method << "answers at" << reply.value().path() << "not" << m_requestPath;
            });
}

void PortalHotkeys::createSession()
{
    request(Pending::Session, QStringLiteral("CreateSession"), {},
            {{QStringLiteral("session_handle_token"),
              QStringLiteral("floorline_session%1").arg(m_token + 1)}});
}

void PortalHotkeys::bind()
{
    m_rebind = false;
    Shortcuts shortcuts;
    for (auto it = m_bindings.cbegin(); it != m_bindings.cend(); ++it) {
        shortcuts << Shortcut {it.key(),
                               {{QStringLiteral("description"), describe(it.key())},
                                {QStringLiteral("preferred_trigger"), it.value().portalTrigger()}}};
    }
    request(Pending::Bind, QStringLiteral("BindShortcuts"),
            {QVariant::fromValue(QDBusObjectPath(m_session)), QVariant::fromValue(shortcuts),
             QString()},
            {});
}

void PortalHotkeys::closeSession()
{
    if (m_session.isEmpty() || !m_bus.isConnected())
        return;
    m_bus.call(
        QDBusMessage::createMethodCall(kService, m_session, kSession, QStringLiteral("Close")),
        QDBus::NoBlock);
    m_session.clear();
}

void PortalHotkeys::onResponse(uint response, const QVariantMap &results)
{
    const Pending was = std::exchange(m_pending, Pending::None);
    if (response != 0) { // 1: the user cancelled the desktop's dialog, 2: other
        fail(response == 1 ? tr("Global keys were declined in the desktop's dialog")
                           : tr("The desktop could not bind global keys"));
        return;
    }
    if (was == Pending::Session) {
        const QVariant handle = results.value(QStringLiteral("session_handle"));
        m_session = handle.canConvert<QDBusObjectPath>() ? handle.value<QDBusObjectPath>().path()
                                                         : handle.toString();
        bind();
        return;
    }
    if (was != Pending::Bind)
        return;
    if (m_rebind) { // bindings changed while the desktop was asked: ask again
        closeSession();
        createSession();
        return;
    }
    Shortcuts bound;
    const QVariant list = results.value(QStringLiteral("shortcuts"));
    if (list.canConvert<QDBusArgument>())
        list.value<QDBusArgument>() >> bound;
    m_triggers.clear();
    for (const Shortcut &s : std::as_const(bound))
        m_triggers.insert(s.id,
                          s.properties.value(QStringLiteral("trigger_description")).toString());
    m_refused.clear();
    for (const QString &id : m_bindings.keys()) {
        if (!m_triggers.contains(id))
            m_refused << id;
    }
    m_refused.sort();
    m_available = true;
    m_problem.clear();
    qCInfo(lcPortal) << "bound" << m_triggers;
    Q_EMIT statusChanged();
}

void PortalHotkeys::setBindings(const QHash<QString, KeyChord> &bindings)
{
    if (bindings == m_bindings)
        return;
    m_bindings = bindings;
    for (const QString &id : std::exchange(m_held, {}))
        Q_EMIT released(id);
    if (m_pending != Pending::None) {
        m_rebind = true;
        return;
    }
    if (m_session.isEmpty())
        return; // the session being made binds them
    // A session binds once: a new set of keys needs a new session.
    closeSession();
    createSession();
}

void PortalHotkeys::onActivated(const QDBusObjectPath &session, const QString &id, qulonglong,
                                const QVariantMap &)
{
    if (session.path() != m_session || !m_bindings.contains(id) || m_held.contains(id))
        return; // a repeat, or another session's
    m_held.insert(id);
    Q_EMIT pressed(id);
}

void PortalHotkeys::onDeactivated(const QDBusObjectPath &session, const QString &id, qulonglong,
                                  const QVariantMap &)
{
    if (session.path() != m_session || !m_held.remove(id))
        return;
    Q_EMIT released(id);
}

} // namespace floorline::input
