// SPDX-License-Identifier: Apache-2.0
#include "fleetindex.h"

namespace floorline::server {

FleetIndex::FleetIndex(proto::Fleet fleet)
    : m_fleet(std::move(fleet))
{
    for (const proto::Account &a : m_fleet.accounts)
        m_accounts.insert(a.unit.id, &a);
    for (const proto::GroupInfo &g : m_fleet.groups) {
        m_groups.insert(g.id, &g);
        if (!g.parent.isEmpty())
            m_children[g.parent].append(g.id);
    }
}

QSet<QString> FleetIndex::subtree(const QString &group) const
{
    QSet<QString> out;
    QStringList pending {group};
    while (!pending.isEmpty()) {
        const QString g = pending.takeLast();
        if (!out.contains(g)) { // the fleet has no cycles; this only keeps a bad one finite
            out.insert(g);
            pending += m_children.value(g);
        }
    }
    return out;
}

bool FleetIndex::shareGroup(const proto::Account &a, const QString &unit) const
{
    const proto::Account *other = account(unit);
    if (!other)
        return false;
    for (const QString &g : a.unit.groups) {
        if (other->unit.groups.contains(g))
            return true;
    }
    return false;
}

} // namespace floorline::server
