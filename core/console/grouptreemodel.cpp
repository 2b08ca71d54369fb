// SPDX-License-Identifier: Apache-2.0
#include "grouptreemodel.h"

#include <algorithm>

namespace floorline::console {

GroupTreeModel::GroupTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_floorChanges(kBatchMs, [this](int node, const QList<int> &roles) { changed(node, roles); })
{ }

void GroupTreeModel::setGroups(const QList<proto::GroupInfo> &groups,
                               const QHash<QString, int> &members)
{
    beginResetModel();
    m_floorChanges.clear();
    std::vector<Node> old;
    old.swap(m_nodes);
    const QHash<QString, int> oldById = std::exchange(m_byId, {});
    m_roots.clear();
    for (const proto::GroupInfo &g : groups) {
        Node n;
        if (const auto it = oldById.constFind(g.id); it != oldById.constEnd()) {
            const Node &was = old[std::size_t(*it)];
            n.monitored = was.monitored;
            n.selected = was.selected;
            n.volume = was.volume;
            n.muted = was.muted;
        }
        n.info = g;
        n.members = members.value(g.id);
        m_byId.insert(g.id, int(m_nodes.size()));
        m_nodes.push_back(std::move(n));
    }
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        const QString &parentId = m_nodes[i].info.parent;
        const auto it = m_byId.constFind(parentId);
        if (parentId.isEmpty() || it == m_byId.constEnd()) {
            m_roots.push_back(int(i)); // a parent we do not know makes a root, not a lost group
        } else {
            m_nodes[i].parent = *it;
            m_nodes[std::size_t(*it)].children.push_back(int(i));
        }
    }
    endResetModel();
}

QStringList GroupTreeModel::groupIds() const
{
    QStringList out;
    for (const Node &n : m_nodes)
        out << n.info.id;
    return out;
}

QStringList GroupTreeModel::leaves() const
{
    QStringList out;
    for (const Node &n : m_nodes) {
        if (n.children.empty())
            out << n.info.id;
    }
    return out;
}

QStringList GroupTreeModel::leavesInTreeOrder() const
{
    QStringList out;
    for (const int root : m_roots) {
        for (const QString &id : subtree(m_nodes[std::size_t(root)].info.id)) {
            if (m_nodes[std::size_t(m_byId.value(id))].children.empty())
                out << id;
        }
    }
    return out;
}

QStringList GroupTreeModel::subtree(const QString &id) const
{
    QStringList out;
    const auto it = m_byId.constFind(id);
    if (it == m_byId.constEnd())
        return out;
    std::vector<int> stack {*it};
    while (!stack.empty()) {
        const int n = stack.back();
        stack.pop_back();
        out << m_nodes[std::size_t(n)].info.id;
        const auto &children = m_nodes[std::size_t(n)].children;
        stack.insert(stack.end(), children.rbegin(), children.rend());
    }
    return out;
}

int GroupTreeModel::rowOf(int node) const
{
    const int parent = m_nodes[std::size_t(node)].parent;
    const std::vector<int> &siblings = parent < 0 ? m_roots : m_nodes[std::size_t(parent)].children;
    return int(std::find(siblings.begin(), siblings.end(), node) - siblings.begin());
}

QModelIndex GroupTreeModel::indexOf(const QString &id) const
{
    const auto it = m_byId.constFind(id);
    return it == m_byId.constEnd() ? QModelIndex() : createIndex(rowOf(*it), 0, quintptr(*it));
}

QString GroupTreeModel::groupOf(const QModelIndex &index) const
{
    return index.isValid() ? m_nodes[std::size_t(index.internalId())].info.id : QString();
}

GroupTreeModel::Node *GroupTreeModel::find(const QString &id)
{
    const auto it = m_byId.constFind(id);
    return it == m_byId.constEnd() ? nullptr : &m_nodes[std::size_t(*it)];
}

const GroupTreeModel::Node *GroupTreeModel::find(const QString &id) const
{
    const auto it = m_byId.constFind(id);
    return it == m_byId.constEnd() ? nullptr : &m_nodes[std::size_t(*it)];
}

void GroupTreeModel::changed(int node, const QList<int> &roles)
{
    const QModelIndex i = createIndex(rowOf(node), 0, quintptr(node));
    Q_EMIT dataChanged(i, i, roles);
}

void GroupTreeModel::setTalker(const QString &id, const QString &alias, bool emergency,
                               qint64 sinceMs)
{
    Node *n = find(id);
    if (!n)
        return;
    n->talker = alias;
    n->emergency = emergency;
    n->talkingSince = sinceMs;
    m_floorChanges.add(m_byId.value(id), {TalkerRole, EmergencyRole, TalkingSinceRole});
}

void GroupTreeModel::clearTalker(const QString &id)
{
    setTalker(id, {}, false, 0);
}

void GroupTreeModel::setAlarm(const QString &id, bool on)
{
    if (Node *n = find(id); n && n->alarm != on) {
        n->alarm = on;
        m_floorChanges.add(m_byId.value(id), {AlarmRole});
    }
}

void GroupTreeModel::setQueuePosition(const QString &id, int position)
{
    if (Node *n = find(id); n && n->queuePosition != position) {
        n->queuePosition = position;
        changed(m_byId.value(id), {QueuePositionRole});
    }
}

void GroupTreeModel::setSpurtMedia(const QString &id, const QString &media, const QUrl &url)
{
    Node *n = find(id);
    if (!n || (n->spurtMedia == media && n->spurtMediaUrl == url))
        return;
    n->spurtMedia = media;
    n->spurtMediaUrl = url;
    changed(m_byId.value(id), {SpurtMediaRole, SpurtMediaUrlRole});
}

void GroupTreeModel::setMonitored(const QString &id, bool on)
{
    Node *n = find(id);
    if (!n || n->monitored == on)
        return;
    n->monitored = on;
    if (!on)
        n->selected = false; // an unmonitored group cannot be talked to from the headset
    changed(m_byId.value(id), {MonitoredRole, SelectedRole});
    Q_EMIT listeningChanged(id);
}

void GroupTreeModel::setSelected(const QString &id, bool on)
{
    Node *n = find(id);
    if (!n || n->selected == on)
        return;
    n->selected = on;
    if (on)
        n->monitored = true;
    changed(m_byId.value(id), {MonitoredRole, SelectedRole});
    Q_EMIT listeningChanged(id);
}

void GroupTreeModel::setVolume(const QString &id, double volume)
{
    Node *n = find(id);
    volume = std::clamp(volume, 0.0, 1.0);
    if (!n || n->volume == volume)
        return;
    n->volume = volume;
    changed(m_byId.value(id), {VolumeRole});
    Q_EMIT listeningChanged(id);
}

void GroupTreeModel::setMuted(const QString &id, bool on)
{
    Node *n = find(id);
    if (!n || n->muted == on)
        return;
    n->muted = on;
    changed(m_byId.value(id), {MutedRole});
    Q_EMIT listeningChanged(id);
}

bool GroupTreeModel::isMonitored(const QString &id) const
{
    const Node *n = find(id);
    return n && n->monitored;
}

bool GroupTreeModel::isSelected(const QString &id) const
{
    const Node *n = find(id);
    return n && n->selected;
}

float GroupTreeModel::gain(const QString &id) const
{
    const Node *n = find(id);
    return n && n->monitored && !n->muted ? float(n->volume) : 0.0f;
}

QStringList GroupTreeModel::selectedGroups() const
{
    QStringList out;
    for (const Node &n : m_nodes) {
        if (n.selected)
            out << n.info.id;
    }
    return out;
}

QVariantMap GroupTreeModel::listeningState() const
{
    QVariantMap out;
    for (const Node &n : m_nodes) {
        if (!n.monitored && !n.selected && !n.muted && n.volume == Node().volume)
            continue; // defaults need no saving
        out.insert(n.info.id,
                   QVariantMap {{QStringLiteral("monitored"), n.monitored},
                                {QStringLiteral("selected"), n.selected},
                                {QStringLiteral("volume"), n.volume},
                                {QStringLiteral("muted"), n.muted}});
    }
    return out;
}

bool GroupTreeModel::restoreListening(const QVariantMap &state)
{
    bool any = false;
    for (auto it = state.cbegin(); it != state.cend(); ++it) {
        if (!find(it.key()))
            continue; // a group that no longer exists
        const QVariantMap g = it.value().toMap();
        any = true;
        setMonitored(it.key(), g.value(QStringLiteral("monitored")).toBool());
        setSelected(it.key(), g.value(QStringLiteral("selected")).toBool());
        setVolume(it.key(), g.value(QStringLiteral("volume"), Node().volume).toDouble());
        setMuted(it.key(), g.value(QStringLiteral("muted")).toBool());
    }
    return any;
}

QString GroupTreeModel::nameOf(const QString &id) const
{
    const Node *n = find(id);
    return n ? n->info.name : QString();
}

QModelIndex GroupTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    const std::vector<int> &rows
        = parent.isValid() ? m_nodes[std::size_t(parent.internalId())].children : m_roots;
    if (std::size_t(row) >= rows.size())
        return {};
    return createIndex(row, 0, quintptr(rows[std::size_t(row)]));
}

QModelIndex GroupTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int parent = m_nodes[std::size_t(child.internalId())].parent;
    return parent < 0 ? QModelIndex() : createIndex(rowOf(parent), 0, quintptr(parent));
}

int GroupTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(parent.isValid() ? m_nodes[std::size_t(parent.internalId())].children.size()
                                : m_roots.size());
}

int GroupTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant GroupTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node &n = m_nodes[std::size_t(index.internalId())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return n.info.name;
    case GroupIdRole:
        return n.info.id;
    case MembersRole:
        return n.members;
    case MonitoredRole:
        return n.monitored;
    case SelectedRole:
        return n.selected;
    case VolumeRole:
        return n.volume;
    case MutedRole:
        return n.muted;
    case TalkerRole:
        return n.talker;
    case TalkingSinceRole:
        return n.talkingSince;
    case EmergencyRole:
        return n.emergency;
    case AlarmRole:
        return n.alarm;
    case QueuePositionRole:
        return n.queuePosition;
    case SpurtMediaRole:
        return n.spurtMedia;
    case SpurtMediaUrlRole:
        return n.spurtMediaUrl;
    default:
        return {};
    }
}

QHash<int, QByteArray> GroupTreeModel::roleNames() const
{
    return {{Qt::DisplayRole, "display"},
            {GroupIdRole, "groupId"},
            {NameRole, "name"},
            {MembersRole, "members"},
            {MonitoredRole, "monitored"},
            {SelectedRole, "selected"},
            {VolumeRole, "volume"},
            {MutedRole, "muted"},
            {TalkerRole, "talker"},
            {TalkingSinceRole, "talkingSince"},
            {EmergencyRole, "emergency"},
            {AlarmRole, "alarm"},
            {QueuePositionRole, "queuePosition"},
            {SpurtMediaRole, "spurtMedia"},
            {SpurtMediaUrlRole, "spurtMediaUrl"}};
}

} // namespace floorline::console
