// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "changebatcher.h"
#include "core/protocol/types.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace floorline::console {

/**
 * @brief The fleet's talk groups as a tree, with what a dispatcher sets and sees per group.
 *
 * The tree comes from the directory (GroupInfo::parent). Monitor, selection, volume and mute
 * are the dispatcher's; talker, emergency and queue position come from floor events.
 * Thread rule: GUI thread only; the console controller feeds it.
 *
 * Roles (what the group tile binds):
 * - `groupId`, `name`; `members`: configured member count;
 * - `monitored`: its audio is heard (the console is affiliated);
 * - `selected`: heard in the headset and addressed by push-to-talk, else on the speaker;
 * - `volume` 0..1 and `muted`;
 * - `talker`: alias of the floor holder, empty when idle; `talkingSince`: ms since the epoch
 *   when the current holder got the floor (the tile runs its own timer from it);
 * - `emergency`: the holder talks with emergency priority;
 * - `queuePosition`: this console's place in the group's floor queue, 0 when not queued;
 * - `spurtMedia`: the item shown with the current talk spurt (its id), empty when none;
 *   `spurtMediaUrl`: its local file once cached, empty while it is fetched (show a
 *   placeholder). Both change at once, not in batches: the picture goes with the words.
 */
class GroupTreeModel : public QAbstractItemModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by the console")
public:
    enum Role {
        GroupIdRole = Qt::UserRole + 1,
        NameRole,
        MembersRole,
        MonitoredRole,
        SelectedRole,
        VolumeRole,
        MutedRole,
        TalkerRole,
        TalkingSinceRole,
        EmergencyRole,
        AlarmRole, ///< an emergency is open on the group (until it is cancelled)
        QueuePositionRole,
        SpurtMediaRole,
        SpurtMediaUrlRole,
    };
    Q_ENUM(Role)

    /// Talker changes reach views at most this often (see ChangeBatcher); the dispatcher's own
    /// settings show at once.
    static constexpr int kBatchMs = 50;

    explicit GroupTreeModel(QObject *parent = nullptr);

    /// Replaces the tree. `members` counts units per group id. Keeps the dispatcher's settings
    /// for groups that are still there.
    void setGroups(const QList<proto::GroupInfo> &groups, const QHash<QString, int> &members);
    QStringList groupIds() const;
    /// Groups without subgroups (talk groups), in directory order.
    QStringList leaves() const;
    /// Talk groups from the top of the tree down, as the expanded tree lists them.
    QStringList leavesInTreeOrder() const;
    /// Ids of `id` and every group below it, depth first.
    QStringList subtree(const QString &id) const;
    QModelIndex indexOf(const QString &id) const;
    QString groupOf(const QModelIndex &index) const;

    void setTalker(const QString &id, const QString &alias, bool emergency, qint64 sinceMs);
    void clearTalker(const QString &id);
    /// An emergency is open on the group: it stays highlighted until that is cleared.
    void setAlarm(const QString &id, bool on);
    void setQueuePosition(const QString &id, int position);
    /// The item shown with the group's current spurt (`media` empty: none) and its local file.
    void setSpurtMedia(const QString &id, const QString &media, const QUrl &url);

    Q_INVOKABLE void setMonitored(const QString &id, bool on);
    Q_INVOKABLE void setSelected(const QString &id, bool on);
    Q_INVOKABLE void setVolume(const QString &id, double volume);
    Q_INVOKABLE void setMuted(const QString &id, bool on);
    Q_INVOKABLE bool isMonitored(const QString &id) const;
    bool isSelected(const QString &id) const;
    /// The gain a talker in this group plays at: volume, or 0 when muted or not monitored.
    float gain(const QString &id) const;
    QStringList selectedGroups() const;
    /// The dispatcher's settings per group (monitored, selected, volume, muted), for QSettings.
    QVariantMap listeningState() const;
    /// Applies saved settings to the groups that exist; returns false if none matched.
    bool restoreListening(const QVariantMap &state);
    Q_INVOKABLE QString nameOf(const QString &id) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    /// The dispatcher changed how a group is heard: the console re-affiliates and re-routes.
    void listeningChanged(const QString &id);

private:
    struct Node
    {
        proto::GroupInfo info;
        int parent = -1;
        std::vector<int> children;
        int members = 0;
        bool monitored = false;
        bool selected = false;
        double volume = 0.8;
        bool muted = false;
        QString talker;
        qint64 talkingSince = 0;
        bool emergency = false;
        bool alarm = false;
        int queuePosition = 0;
        QString spurtMedia;
        QUrl spurtMediaUrl;
    };
    int rowOf(int node) const;
    void changed(int node, const QList<int> &roles);
    Node *find(const QString &id);
    const Node *find(const QString &id) const;

    std::vector<Node> m_nodes;
    std::vector<int> m_roots;
    QHash<QString, int> m_byId;
    ChangeBatcher m_floorChanges;
};

} // namespace floorline::console
