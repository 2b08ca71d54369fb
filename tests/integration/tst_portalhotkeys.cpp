// SPDX-License-Identifier: Apache-2.0
// Global keys through the XDG desktop portal (GlobalShortcuts), over a real private session
// bus (dbus-run-session) with a stand-in portal on it: the calls the portal documents, in its
// order (CreateSession, then BindShortcuts with each key as preferred trigger, answered
// through Request::Response), presses and releases from Activated / Deactivated, a key the
// desktop did not bind, a dialog the user cancelled, new keys in a new session, and a desktop
// without the portal. No desktop here has the real one (Debian 12's GNOME and KDE predate it).
#include "core/input/portalhotkeys.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusVirtualObject>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace floorline;
using floorline::input::KeyChord;
using floorline::input::PortalHotkeys;

namespace {
struct PortalShortcut
{
    QString id;
    QVariantMap properties;
};
using PortalShortcuts = QList<PortalShortcut>;

QDBusArgument &operator<<(QDBusArgument &arg, const PortalShortcut &s)
{
    arg.beginStructure();
    arg << s.id << s.properties;
    arg.endStructure();
    return arg;
}
const QDBusArgument &operator>>(const QDBusArgument &arg, PortalShortcut &s)
{
    arg.beginStructure();
    arg >> s.id >> s.properties;
    arg.endStructure();
    return arg;
}
} // namespace

Q_DECLARE_METATYPE(PortalShortcut)
Q_DECLARE_METATYPE(PortalShortcuts)

namespace {
const QString kPath = QStringLiteral("/org/freedesktop/portal/desktop");
const QString kInterface = QStringLiteral("org.freedesktop.portal.GlobalShortcuts");

/// The portal as xdg-desktop-portal documents it, on a connection of its own.
class FakePortal : public QDBusVirtualObject
{
public:
    explicit FakePortal(const QString &name)
        : m_bus(QDBusConnection::connectToBus(QDBusConnection::SessionBus, name))
    {
        qDBusRegisterMetaType<PortalShortcut>();
        qDBusRegisterMetaType<PortalShortcuts>();
        m_bus.registerVirtualObject(kPath, this, QDBusConnection::SubPath);
        QVERIFY(m_bus.registerService(QStringLiteral("org.freedesktop.portal.Desktop")));
    }
    ~FakePortal() override
    {
        m_bus.unregisterService(QStringLiteral("org.freedesktop.portal.Desktop"));
        m_bus.unregisterObject(kPath, QDBusConnection::UnregisterTree);
        QDBusConnection::disconnectFromBus(m_bus.name());
    }

    QString introspect(const QString &) const override { return {}; }
    bool handleMessage(const QDBusMessage &message, const QDBusConnection &connection) override
    {
        calls << message.member();
        if (message.member() == QLatin1String("Get")) {
            connection.send(message.createReply(QVariant::fromValue(QDBusVariant(2u))));
            return true;
        }
        if (message.member() == QLatin1String("Close")) {
            closed << message.path();
            connection.send(message.createReply());
            return true;
        }
        const QVariantMap options = qdbus_cast<QVariantMap>(message.arguments().last());
        QString sender = message.service().mid(1);
        sender.replace(QLatin1Char('.'), QLatin1Char('_'));
        const QString request
            = QStringLiteral("/org/freedesktop/portal/desktop/request/%1/%2")
                  .arg(sender, options.value(QStringLiteral("handle_token")).toString());
        connection.send(message.createReply(QVariant::fromValue(QDBusObjectPath(request))));
        uint response = 0;
        QVariantMap results;
        if (message.member() == QLatin1String("CreateSession")) {
            session = QStringLiteral("/org/freedesktop/portal/desktop/session/%1/%2")
                          .arg(sender,
                               options.value(QStringLiteral("session_handle_token")).toString());
            results.insert(QStringLiteral("session_handle"), session); // (s), as documented
        } else if (message.member() == QLatin1String("BindShortcuts")) {
            asked.clear();
            message.arguments().at(1).value<QDBusArgument>() >> asked;
            PortalShortcuts bound;
            for (const PortalShortcut &s : std::as_const(asked)) {
                if (s.id != declined)
                    bound << PortalShortcut {
                        s.id,
                        {{QStringLiteral("description"),
                          s.properties.value(QStringLiteral("description"))},
                         {QStringLiteral("trigger_description"),
                          s.properties.value(QStringLiteral("preferred_trigger"))}}};
            }
            results.insert(QStringLiteral("shortcuts"), QVariant::fromValue(bound));
            response = cancel ? 1 : 0;
        }
        // The answer comes after the reply, as the real portal's does (after its dialog).
        QTimer::singleShot(10, [this, request, response, results] {
            QDBusMessage signal = QDBusMessage::createSignal(
                request, QStringLiteral("org.freedesktop.portal.Request"),
                QStringLiteral("Response"));
            signal << response << results;
            m_bus.send(signal);
        });
        return true;
    }

    void emitKey(const QString &name, const QString &id, const QString &inSession = {})
    {
        QDBusMessage signal = QDBusMessage::createSignal(kPath, kInterface, name);
        signal << QVariant::fromValue(QDBusObjectPath(inSession.isEmpty() ? session : inSession))
               << id << qulonglong(1) << QVariantMap();
        m_bus.send(signal);
    }
    QString preferred(const QString &id) const
    {
        for (const PortalShortcut &s : asked) {
            if (s.id == id)
                return s.properties.value(QStringLiteral("preferred_trigger")).toString();
        }
        return {};
    }

    QStringList calls;
    QStringList closed;
    QString session;
    PortalShortcuts asked;
    QString declined; ///< an id the user leaves unbound in the desktop's dialog
    bool cancel = false;

private:
    QDBusConnection m_bus;
};

QHash<QString, KeyChord> keys()
{
    return {{QStringLiteral("talk"), KeyChord::parse(QStringLiteral("ScrollLock"))},
            {QStringLiteral("group:1"), KeyChord::parse(QStringLiteral("Ctrl+F1"))},
            {QStringLiteral("emergency"), KeyChord::parse(QStringLiteral("Ctrl+Alt+E"))}};
}
} // namespace

class TestPortalHotkeys : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (!QDBusConnection::sessionBus().isConnected())
            QFAIL("no session bus: run under dbus-run-session");
    }

    void aDesktopWithoutThePortalSaysSo()
    {
        PortalHotkeys portal;
        QSignalSpy status(&portal, &input::Hotkeys::statusChanged);
        QTRY_VERIFY(!status.isEmpty());
        QVERIFY(!portal.available());
        QVERIFY2(portal.status().startsWith(QStringLiteral("This desktop offers no global keys")),
                 qPrintable(portal.status()));
    }

    void bindsThePreferredKeysAndReportsOnePressPerHold()
    {
        FakePortal fake(QStringLiteral("portal1"));
        PortalHotkeys portal;
        portal.setBindings(keys());
        QTRY_VERIFY(portal.available());
        QCOMPARE(fake.calls,
                 (QStringList {QStringLiteral("Get"), QStringLiteral("CreateSession"),
                               QStringLiteral("BindShortcuts")}));
        QCOMPARE(fake.preferred(QStringLiteral("talk")), QStringLiteral("Scroll_Lock"));
        QCOMPARE(fake.preferred(QStringLiteral("group:1")), QStringLiteral("CTRL+F1"));
        QCOMPARE(fake.preferred(QStringLiteral("emergency")), QStringLiteral("CTRL+ALT+e"));
        QVERIFY(portal.refused().isEmpty());
        QCOMPARE(portal.triggers().value(QStringLiteral("group:1")), QStringLiteral("CTRL+F1"));

        QSignalSpy pressed(&portal, &input::Hotkeys::pressed);
        QSignalSpy released(&portal, &input::Hotkeys::released);
        fake.emitKey(QStringLiteral("Activated"), QStringLiteral("talk"));
        fake.emitKey(QStringLiteral("Activated"), QStringLiteral("talk")); // a repeat
        fake.emitKey(QStringLiteral("Activated"), QStringLiteral("talk"),
                     QStringLiteral("/org/freedesktop/portal/desktop/session/x/other"));
        QTRY_COMPARE(pressed.size(), 1);
        fake.emitKey(QStringLiteral("Deactivated"), QStringLiteral("talk"));
        QTRY_COMPARE(released.size(), 1);
        QTest::qWait(50);
        QCOMPARE(pressed.size(), 1);
        QCOMPARE(pressed.first().first().toString(), QStringLiteral("talk"));
    }

    void aKeyTheDesktopLeftUnboundIsRefused()
    {
        FakePortal fake(QStringLiteral("portal2"));
        fake.declined = QStringLiteral("emergency");
        PortalHotkeys portal;
        portal.setBindings(keys());
        QTRY_VERIFY(portal.available());
        QCOMPARE(portal.refused(), QStringList {QStringLiteral("emergency")});
        QVERIFY2(portal.status().contains(QStringLiteral("did not bind 1")),
                 qPrintable(portal.status()));
    }

    void newKeysAreBoundInANewSession()
    {
        FakePortal fake(QStringLiteral("portal3"));
        PortalHotkeys portal;
        portal.setBindings(keys());
        QTRY_VERIFY(portal.available());
        const QString first = fake.session;
        QSignalSpy pressed(&portal, &input::Hotkeys::pressed);
        QSignalSpy status(&portal, &input::Hotkeys::statusChanged);
        portal.setBindings({{QStringLiteral("talk"), KeyChord::parse(QStringLiteral("Pause"))}});
        QTRY_VERIFY(!status.isEmpty());
        QTRY_COMPARE(fake.closed, QStringList {first});
        QVERIFY(fake.session != first);
        QCOMPARE(fake.preferred(QStringLiteral("talk")), QStringLiteral("Pause"));
        QCOMPARE(fake.asked.size(), 1);
        fake.emitKey(QStringLiteral("Activated"), QStringLiteral("talk"), first); // old session
        QTest::qWait(50);
        QCOMPARE(pressed.size(), 0);
        fake.emitKey(QStringLiteral("Activated"), QStringLiteral("talk"));
        QTRY_COMPARE(pressed.size(), 1);
    }

    void aCancelledDialogSaysSo()
    {
        FakePortal fake(QStringLiteral("portal4"));
        fake.cancel = true;
        PortalHotkeys portal;
        portal.setBindings(keys());
        QTRY_VERIFY(fake.calls.contains(QStringLiteral("BindShortcuts")));
        QTRY_COMPARE(portal.status(),
                     QStringLiteral("Global keys were declined in the desktop's dialog"));
        QVERIFY(!portal.available());
    }
};

QTEST_GUILESS_MAIN(TestPortalHotkeys)
#include "tst_portalhotkeys.moc"
