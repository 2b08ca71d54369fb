// SPDX-License-Identifier: Apache-2.0
#include "activitylogmodel.h"

namespace floorline::console {

ActivityLogModel::ActivityLogModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

void ActivityLogModel::started(const QString &groupId, const QString &groupName,
                               const QString &talker, bool emergency, qint64 atMs)
{
    ended(groupId, atMs); // a pre-emption ends the previous talker's spurt
    beginInsertRows({}, 0, 0);
    m_entries.push_front({groupId, groupName, talker, emergency, atMs, 0});
    endInsertRows();
    if (m_entries.size() > std::size_t(kMaxEntries)) {
        const int last = int(m_entries.size()) - 1;
        beginRemoveRows({}, last, last);
        m_entries.pop_back();
        endRemoveRows();
    }
}

void ActivityLogModel::ended(const QString &groupId, qint64 atMs)
{
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        Entry &e = m_entries[i];
        if (e.groupId == groupId && e.endedAt == 0) {
            e.endedAt = std::max(atMs, e.startedAt + 1);
            const QModelIndex at = index(int(i));
            Q_EMIT dataChanged(at, at, {DurationRole, LiveRole});
            return; // only one spurt per group can be live
        }
    }
}

int ActivityLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant ActivityLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries[std::size_t(index.row())];
    switch (role) {
    case StartedAtRole:
        return e.startedAt;
    case GroupRole:
        return e.group;
    case Qt::DisplayRole:
    case TalkerRole:
        return e.talker;
    case DurationRole:
        return e.endedAt ? e.endedAt - e.startedAt : 0;
    case EmergencyRole:
        return e.emergency;
    case LiveRole:
        return e.endedAt == 0;
    default:
        return {};
    }
}

QHash<int, QByteArray> ActivityLogModel::roleNames() const
{
    return {{StartedAtRole, "startedAt"}, {GroupRole, "group"},         {TalkerRole, "talker"},
            {DurationRole, "durationMs"}, {EmergencyRole, "emergency"}, {LiveRole, "live"}};
}

} // namespace floorline::console
