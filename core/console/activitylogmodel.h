// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <deque>

namespace floorline::console {

/**
 * @brief Who talked, on which group, when and for how long: newest first, the last 500 spurts.
 *
 * Roles: `startedAt` (ms since the epoch), `group` (name), `talker` (alias), `durationMs`
 * (0 while the spurt goes on), `emergency`, `live` (still talking), `media` and `mediaName`:
 * the item shown with the spurt, if any (the log keeps the spurt ↔ media link).
 * New spurts appear in batches, at most kBatchMs after they started, so that a busy fleet
 * does not rebuild the view thousands of times a second.
 * Thread rule: GUI thread only; the console controller feeds it from floor events.
 */
class ActivityLogModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by the console")
public:
    enum Role {
        StartedAtRole = Qt::UserRole + 1,
        GroupRole,
        TalkerRole,
        DurationRole,
        EmergencyRole,
        LiveRole,
        MediaRole,
        MediaNameRole,
    };
    Q_ENUM(Role)
    static constexpr int kMaxEntries = 500;
    /// New spurts reach views at most this often, in one batch.
    static constexpr int kBatchMs = 200;

    explicit ActivityLogModel(QObject *parent = nullptr);

    /// A spurt began on `groupId`; any spurt still open there ends now.
    void started(const QString &groupId, const QString &groupName, const QString &talker,
                 bool emergency, qint64 atMs, const QString &media = {},
                 const QString &mediaName = {});
    /// The spurt on `groupId` ended.
    void ended(const QString &groupId, qint64 atMs);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void flush();

    struct Entry
    {
        QString groupId;
        QString group;
        QString talker;
        bool emergency = false;
        qint64 startedAt = 0;
        qint64 endedAt = 0; ///< 0 while live
        QString media; ///< the item shown with the spurt: the log keeps the link
        QString mediaName;
    };
    std::deque<Entry> m_entries; ///< newest first
    quint64 m_serial = 0; ///< the next entry's serial; row = m_serial - 1 - serial
    QHash<QString, quint64> m_live; ///< group -> serial of its live spurt
    std::size_t m_pending = 0; ///< newest entries not yet shown to views (rows start after)
    bool m_endedShown = false; ///< a shown spurt ended since the last batch
    QTimer m_flush;
};

} // namespace floorline::console
