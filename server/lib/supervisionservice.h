// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "supervisorfeed.h"

#include "core/protocol/supervision.h"

namespace floorline::server {

class EmergencyService;
class FleetIndex;
class Logins;
class Reply;
class SessionTable;
struct Login;

/**
 * @brief What supervisors watch (docs/protocol.md §12): `supervise` answers with every live
 * session and console, and the feed it owns follows every change.
 *
 * The other parts mark changes on feed(); this class builds the views the feed sends.
 */
class SupervisionService
{
public:
    SupervisionService(const FleetIndex &fleet, Logins &logins, const SessionTable &sessions);

    void setEmergencies(const EmergencyService *emergencies) { m_emergencies = emergencies; }
    SupervisorFeed &feed() { return m_feed; }
    void handle(Login &login, Reply &reply, const proto::Supervise &r);

private:
    std::optional<proto::SessionView> sessionView(const QString &id) const;
    QList<proto::ConsoleView> consoleViews() const;

    const FleetIndex &m_fleet;
    Logins &m_logins;
    const SessionTable &m_sessions;
    const EmergencyService *m_emergencies = nullptr;
    SupervisorFeed m_feed;
};

} // namespace floorline::server
