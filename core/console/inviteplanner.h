// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QStringList>

namespace floorline::console {

class UnitListModel;
class SessionListModel;

/// Why a unit dropped into a call is not invited.
enum class SkipReason {
    Unknown, ///< no such unit in the directory
    Self, ///< the console's own account
    AlreadyMember, ///< already in the target session
    Offline, ///< not logged in
    Resetting, ///< announced a reset: it cannot answer now
    Busy, ///< in another ad-hoc or broadcast session (`session` says which)
};

struct SkippedUnit
{
    QString unit;
    SkipReason reason = SkipReason::Unknown;
    QString session; ///< for Busy: where
    bool operator==(const SkippedUnit &) const = default;
};

/// Whom to invite and whom not, and why.
struct InvitePlan
{
    QStringList invite; ///< in drop order, each once
    QList<SkippedUnit> skipped; ///< in drop order; duplicates of the drop are not reported
};

/**
 * Decides whom a drop invites (DESIGN.md M3), before anything is sent: the console tells the
 * dispatcher who was left out and why, and sends no invite for a drop that reaches nobody.
 * The server applies the same rules again (docs/protocol.md §4.6); this is the console's view
 * of the fleet, which can be a moment behind.
 *
 * `target` is the session dropped on, empty for a new call; `targetMembers` its members.
 */
InvitePlan planInvites(const QStringList &units, const QString &target,
                       const QStringList &targetMembers, const UnitListModel &directory,
                       const QString &self);

/// "Not invited: Engine 2 (busy in Structure fire), Medic 1 (offline)"; empty when none.
QString describeSkipped(const QList<SkippedUnit> &skipped, const UnitListModel &directory,
                        const SessionListModel &sessions);

} // namespace floorline::console
