// SPDX-License-Identifier: Apache-2.0
#include "activitylogmodel.h"

namespace floorline::console {

ActivityLogModel::ActivityLogModel(QObject *parent)
    : QAbstractListModel(parent)
{
    m_flush.setSingleShot(true);
    m_flush.setInterval(kBatchMs);
    connect(&m_flush, &QTimer::timeout, this, &ActivityLogModel::flush);
}

void ActivityLogModel::started(const QString &groupId, const QString &groupName,
                               const QString &talker, bool emergency, qint64 atMs,
                               const QString &media, const QString &mediaName)
{
    ended(groupId, atMs); // a pre-emption ends the previous talker's spurt
    m_entries.push_front({groupId, groupName, talker, emergency, atMs, 0, media, mediaName});
    m_live.insert(groupId, m_serial++);
    ++m_pending;
    if (!m_flush.isActive())
        m_flush.start();
}

void ActivityLogModel::flush()
{
    if (std::exchange(m_endedShown, false) && m_entries.size() > m_pending) {
        // One notice for every spurt that ended since the last batch.
        Q_EMIT dataChanged(index(0), index(int(m_entries.size() - m_pending) - 1),
                           {DurationRole, LiveRole});
    }
    // A busy fleet starts thousands of spurts a second; a view shown them one by one would
    // build and throw away a row for each. Shown in batches, a burst costs one layout.
    if (m_pending > 0) {
        beginInsertRows({}, 0, int(m_pending) - 1);
        m_pending = 0;
        endInsertRows();
    }
    if (m_entries.size() > std::size_t(kMaxEntries)) {
        beginRemoveRows({}, kMaxEntries, int(m_entries.size()) - 1);
        while (m_entries.size() > std::size_t(kMaxEntries)) {
            const Entry &oldest = m_entries.back();
            const quint64 serial = m_serial - m_entries.size();
            if (oldest.endedAt == 0 && m_live.value(oldest.groupId) == serial)
                m_live.remove(oldest.groupId);
            m_entries.pop_back();
        }
        endRemoveRows();
    }
}

void ActivityLogModel::ended(const QString &groupId, qint64 atMs)
{
    // Found through the live index, not a scan: a big fleet ends thousands of spurts a second.
    const auto it = m_live.constFind(groupId);
    if (it == m_live.constEnd())
        return;
    const std::size_t at = std::size_t(m_serial - 1 - *it); // the newest entry is at 0
    m_live.erase(it);
    if (at >= m_entries.size())
        return;
    Entry &e = m_entries[at];
    e.endedAt = std::max(atMs, e.startedAt + 1);
    if (at >= m_pending) { // already shown: say so with the next batch
        m_endedShown = true;
        if (!m_flush.isActive())
            m_flush.start();
    }
}

int ActivityLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size() - m_pending);
}

QVariant ActivityLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries[std::size_t(index.row()) + m_pending];
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
    case MediaRole:
        return e.media;
    case MediaNameRole:
        return e.mediaName;
    default:
        return {};
    }
}

QHash<int, QByteArray> ActivityLogModel::roleNames() const
{
    return {{StartedAtRole, "startedAt"}, {GroupRole, "group"},         {TalkerRole, "talker"},
            {DurationRole, "durationMs"}, {EmergencyRole, "emergency"}, {LiveRole, "live"},
            {MediaRole, "media"},         {MediaNameRole, "mediaName"}};
}

} // namespace floorline::console
