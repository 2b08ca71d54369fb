// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/protocol/requests.h"
#include "core/protocol/supervision.h"

#include <QObject>

namespace floorline::server {

class FleetIndex;
class FloorService;
class Logins;
class Presence;
class Reply;
class SessionTable;
class SupervisorFeed;
struct Grant;
struct Login;
struct Session;
struct SignalingStats;

/**
 * @brief Who is in which session (docs/protocol.md §4): affiliation to groups, ad-hoc calls
 * with the invite planner, broadcasts over a group subtree, leaving, listing, and a supervisor
 * joining a call uninvited (§12).
 *
 * A login that ends leaves every session it was in; a call ends when its creator leaves or
 * everyone has.
 */
class SessionService : public QObject
{
    Q_OBJECT
public:
    SessionService(const FleetIndex &fleet, SessionTable &sessions, Logins &logins,
                   Presence &presence, FloorService &floors, SupervisorFeed &feed,
                   SignalingStats &stats, QObject *parent = nullptr);

    void handle(Login &login, Reply &reply, const Grant &grant, const proto::Affiliate &r);
    void handle(Login &login, Reply &reply, const proto::Deaffiliate &r);
    void handle(Login &login, Reply &reply, const proto::SessionCreate &r);
    void handle(Login &login, Reply &reply, const proto::SessionInvite &r);
    void handle(Login &login, Reply &reply, const proto::SessionLeave &r);
    void handle(Login &login, Reply &reply, const proto::SessionListGet &r);
    void handle(Login &login, Reply &reply, const proto::SessionJoin &r);

private:
    void join(Session &session, Login &login);
    void leave(Session &session, quint64 login, bool publish = true);
    void leaveAll(Login &login);
    void end(const QString &id, const QString &reason);
    proto::InviteResult invite(Session &session, const QStringList &units);
    /// Every unit configured in a group of `group`'s subtree, each once, in directory order.
    QStringList broadcastAudience(const QString &group) const;

    const FleetIndex &m_fleet;
    SessionTable &m_sessions;
    Logins &m_logins;
    Presence &m_presence;
    FloorService &m_floors;
    SupervisorFeed &m_feed;
    SignalingStats &m_stats;
};

} // namespace floorline::server
