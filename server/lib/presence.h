// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/protocol/fleet.h"
#include "core/protocol/requests.h"

#include <QHash>

namespace floorline::server {

class FleetIndex;
class Logins;
class SessionTable;
struct Login;

/**
 * @brief What each unit's status is (online, busy in a call, resetting, offline), the directory
 * that shows it, and the `unit.status` events that tell the consoles when it changes
 * (docs/protocol.md §4.9.4).
 */
class Presence
{
public:
    Presence(const FleetIndex &fleet, Logins &logins, const SessionTable &sessions);

    /// `busySession`, when given, is set to the call that makes the unit busy.
    proto::UnitStatus statusOf(const QString &unit, QString *busySession = nullptr) const;
    proto::UnitInfo unitInfo(const proto::Account &account) const;
    /// The directory (groups and every unit with its status) as `directory.get` answers it, in
    /// JSON. Each unit's part is kept encoded and
    /// encoded again only when what it shows has changed: building a 2,000-unit directory anew
    /// held the signaling thread for 25 ms (docs/performance.md, "What one hostile account
    /// costs the others"). Nothing needs to tell it about a change: it compares.
    QByteArray directoryJson();
    /// What `login` announced (docs/protocol.md §10.7); kept for the unit while it is gone.
    void announce(Login &login, proto::UnitStatus state);
    /// A fresh login of `unit`: whatever it announced before is over.
    void back(const QString &unit) { m_announced.remove(unit); }
    /// Tells every console login the unit's status now.
    void broadcast(const QString &unit);

private:
    proto::UnitStatus statusOfPresent(const QList<quint64> &logins, QString *busySession) const;

    const FleetIndex &m_fleet;
    Logins &m_logins;
    const SessionTable &m_sessions;
    /// Units that announced a reset (or going offline) and have not logged in since: they show
    /// that status, not "offline", while they are gone.
    QHash<QString, proto::UnitStatus> m_announced;
    struct EncodedUnit
    {
        proto::UnitInfo info; ///< what `json` shows
        QByteArray json;
    };
    QHash<QString, EncodedUnit> m_encodedUnits;
    QByteArray m_encodedGroups; ///< the fleet's groups never change while the server runs
    qsizetype m_encodedSize = 0; ///< of the last directoryJson(), to allocate once
};

} // namespace floorline::server
