// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/protocol/fleet.h"

#include <QHash>
#include <QSet>

namespace floorline::server {

/**
 * @brief The fleet the server runs with, indexed: accounts by unit id, groups by id, the group
 * tree. Built once at start and never changed, so the pointers it hands out stay valid for the
 * server's life.
 */
class FleetIndex
{
public:
    explicit FleetIndex(proto::Fleet fleet);
    FleetIndex(const FleetIndex &) = delete;
    FleetIndex &operator=(const FleetIndex &) = delete;

    const QList<proto::Account> &accounts() const { return m_fleet.accounts; }
    const QList<proto::GroupInfo> &groupList() const { return m_fleet.groups; }
    const QHash<QString, const proto::GroupInfo *> &groups() const { return m_groups; }
    const proto::Account *account(const QString &unit) const { return m_accounts.value(unit); }
    bool hasGroup(const QString &group) const { return m_groups.contains(group); }
    /// `group` and every group below it.
    QSet<QString> subtree(const QString &group) const;
    /// `a` and `unit` are configured members of at least one common group.
    bool shareGroup(const proto::Account &a, const QString &unit) const;

private:
    proto::Fleet m_fleet;
    QHash<QString, const proto::Account *> m_accounts;
    QHash<QString, const proto::GroupInfo *> m_groups;
    QHash<QString, QStringList> m_children;
};

} // namespace floorline::server
