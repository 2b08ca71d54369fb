// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/protocol/requests.h"

#include <QObject>

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

    Config m_config;
    const FleetIndex &m_fleet;
    Logins &m_logins;
    Presence &m_presence;
    SignalingStats &m_stats;
};

} // namespace floorline::server
