// SPDX-License-Identifier: Apache-2.0
#include "inviteplanner.h"

#include "sessionlistmodel.h"
#include "unitlistmodel.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace floorline::console {

InvitePlan planInvites(const QStringList &units, const QString &target,
                       const QStringList &targetMembers, const UnitListModel &directory,
                       const QString &self)
{
    InvitePlan plan;
    QSet<QString> seen;
    for (const QString &unit : units) {
        if (seen.contains(unit))
            continue; // a unit in two dropped subgroups is one person to call
        seen.insert(unit);
        SkippedUnit skip {unit, SkipReason::Unknown, {}};
        const QString busyIn = directory.session(unit);
        if (unit == self) {
            skip.reason = SkipReason::Self;
        } else if (!directory.contains(unit)) {
            skip.reason = SkipReason::Unknown;
        } else if (targetMembers.contains(unit) || (!target.isEmpty() && busyIn == target)) {
            skip.reason = SkipReason::AlreadyMember;
        } else if (directory.status(unit) == proto::UnitStatus::Offline) {
            skip.reason = SkipReason::Offline;
        } else if (directory.status(unit) == proto::UnitStatus::Resetting) {
            skip.reason = SkipReason::Resetting;
        } else if (directory.status(unit) == proto::UnitStatus::Busy) {
            skip.reason = SkipReason::Busy;
            skip.session = busyIn;
        } else {
            plan.invite << unit;
            continue;
        }
        plan.skipped << skip;
    }
    return plan;
}

QString describeSkipped(const QList<SkippedUnit> &skipped, const UnitListModel &directory,
                        const SessionListModel &sessions)
{
    if (skipped.isEmpty())
        return {};
    // Busy units first: they are the ones a dispatcher may want to pull out of their call.
    QList<SkippedUnit> ordered = skipped;
    std::stable_sort(
        ordered.begin(), ordered.end(),
        [](const SkippedUnit &a, const SkippedUnit &b) { return a.reason > b.reason; });
    constexpr int kNamed = 6; // a broadcast can skip dozens: name a few, count the rest
    QStringList parts;
    for (const SkippedUnit &s : ordered.mid(0, kNamed)) {
        QString why;
        switch (s.reason) {
        case SkipReason::Unknown:
            why = QCoreApplication::translate("InvitePlanner", "unknown unit");
            break;
        case SkipReason::Self:
            why = QCoreApplication::translate("InvitePlanner", "that is you");
            break;
        case SkipReason::AlreadyMember:
            why = QCoreApplication::translate("InvitePlanner", "already in this call");
            break;
        case SkipReason::Offline:
            why = QCoreApplication::translate("InvitePlanner", "offline");
            break;
        case SkipReason::Resetting:
            why = QCoreApplication::translate("InvitePlanner", "resetting");
            break;
        case SkipReason::Busy:
            why = QCoreApplication::translate("InvitePlanner", "busy in %1")
                      .arg(sessions.nameOf(s.session));
            break;
        }
        parts << QStringLiteral("%1 (%2)").arg(directory.alias(s.unit), why);
    }
    if (ordered.size() > kNamed)
        parts << QCoreApplication::translate("InvitePlanner", "%n more", "",
                                             int(ordered.size() - kNamed));
    return QCoreApplication::translate("InvitePlanner", "Not invited: %1")
        .arg(parts.join(QStringLiteral(", ")));
}

} // namespace floorline::console
