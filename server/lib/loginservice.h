// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "loginthrottle.h"
#include "passwordhasher.h"

#include "core/protocol/requests.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace floorline::server {

class Connection;
class FleetIndex;
class Logins;
class Presence;
class Reply;
struct Login;
struct SignalingStats;

/**
 * @brief A connection's way in and out (docs/protocol.md §3): `hello`, `login` with a
 * password or a resume token, `logout`, and a connection that closes.
 *
 * A password is checked against its argon2id hash on a worker thread; the answer comes when
 * the check is done. Failed logins are logged (account and address, never the secret) and back
 * off per account and per address.
 */
class LoginService : public QObject
{
    Q_OBJECT
public:
    struct Config
    {
        proto::Limits limits;
        QString serverName;
        quint16 mediaPort = 0;
        bool srtp = true; ///< the relay's mode: the media key is an SRTP key
        LoginThrottle::Config throttle;
        int hashThreads = 2;
        int maxPendingChecks = 32; ///< password checks waiting at once, server-wide
        int maxLoginsPerAccount = 8; ///< a console, its displays, a phone: not 40
    };

    LoginService(Config config, const FleetIndex &fleet, Logins &logins, Presence &presence,
                 SignalingStats &stats, QObject *parent = nullptr);

    void handle(Connection &connection, Reply &reply, const proto::Hello &r);
    void handle(Connection &connection, Reply &reply, const proto::Login &r);
    void handle(Connection &connection, Reply &reply, const proto::Logout &r);
    void onClosed(Connection &connection);

Q_SIGNALS:
    /// A login is at its connection and has had its answer (and, resumed, its missed events).
    void loggedIn(floorline::server::Login *login);

private:
    /// The login a resume names, with its old connection closed; null after answering.
    Login *resume(Reply &reply, const proto::Login &r, bool *gapFree);
    /// The password was checked: log in, or count the failure.
    void checked(Connection &c, Reply &reply, const proto::Login &r, bool match);
    /// Below the account's bound of logins, if need be by ending one that waits for a resume.
    bool makeRoom(const QString &unit);
    /// The connection is at `login` now: the answer, and what a resume missed.
    void admit(Connection &c, Reply &reply, Login &login, const proto::Login &r, bool resumed);
    /// How the log names who tried: an account by its id; a name that is no account is not
    /// written down, because it may be a password typed into the wrong field.
    QString whoTried(const QString &user) const;
    /// Logs a login refused during its back-off: one line a second at most, with the count of
    /// those left unsaid, so a flood cannot fill the log (the counter has them all).
    void logThrottled(const QString &user, const QString &address, qint64 waitMs);

    Config m_config;
    const FleetIndex &m_fleet;
    Logins &m_logins;
    Presence &m_presence;
    SignalingStats &m_stats;
    PasswordHasher m_hasher;
    LoginThrottle m_throttle;
    QElapsedTimer m_throttleLogged; ///< since the last back-off line
    int m_throttleUnlogged = 0; ///< refused since that line, any account
    QTimer m_throttleFlush; ///< a quiet second after a burst: says how many went unlogged
};

} // namespace floorline::server
