// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "hotkeys.h"

#include <QDBusConnection>
#include <QDBusObjectPath>
#include <QSet>
#include <QVariantMap>

namespace floorline::input {

/**
 * @brief Global keys through the XDG desktop portal's GlobalShortcuts interface (Wayland,
 * where no program may grab keys from the compositor), over QtDBus.
 *
 * The portal binds shortcuts per session, once: a new set of bindings closes the session and
 * binds in a new one. Each binding goes with its preferred trigger (the key the dispatcher
 * chose); the desktop may show its own dialog and bind another key or none: a shortcut the
 * portal did not bind is in refused(). Every call is asynchronous: the desktop's dialog may
 * take as long as the dispatcher needs, and the console goes on meanwhile.
 * Thread rule: GUI thread.
 */
class PortalHotkeys : public Hotkeys
{
    Q_OBJECT
public:
    /// Asks `bus` (the session bus by default) for the portal.
    explicit PortalHotkeys(QDBusConnection bus = QDBusConnection::sessionBus(),
                           QObject *parent = nullptr);
    ~PortalHotkeys() override;

    void setBindings(const QHash<QString, KeyChord> &bindings) override;
    bool available() const override { return m_available; }
    QString status() const override;
    QStringList refused() const override { return m_refused; }
    /// What the desktop says triggers each bound shortcut ("Ctrl+F1"), by id.
    QHash<QString, QString> triggers() const { return m_triggers; }

private Q_SLOTS:
    void onActivated(const QDBusObjectPath &session, const QString &id, qulonglong timestamp,
                     const QVariantMap &options);
    void onDeactivated(const QDBusObjectPath &session, const QString &id, qulonglong timestamp,
                       const QVariantMap &options);
    void onResponse(uint response, const QVariantMap &results);

private:
    enum class Pending { None, Session, Bind };
    void probe();
    void createSession();
    void bind();
    void closeSession();
    /// Calls `method` with `args`, expecting the Request's Response at the path our token
    /// makes (subscribed before the call, so a fast answer cannot be missed).
    void request(Pending kind, const QString &method, QList<QVariant> args, QVariantMap options);
    void fail(const QString &why);

    QDBusConnection m_bus;
    bool m_available = false;
    QString m_problem;
    Pending m_pending = Pending::None;
    QString m_requestPath;
    QString m_session;
    int m_token = 0;
    bool m_rebind = false; ///< bindings changed while a request was out
    QHash<QString, KeyChord> m_bindings;
    QHash<QString, QString> m_triggers;
    QStringList m_refused;
    QSet<QString> m_held;
};

} // namespace floorline::input
