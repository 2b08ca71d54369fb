// SPDX-License-Identifier: Apache-2.0
#include "supervisedsessionmodel.h"

#include <QDateTime>

#include <algorithm>

namespace floorline::console {

namespace {
constexpr int kParticipantsShown = 8;
} // namespace

SupervisedSessionModel::SupervisedSessionModel(Lookup lookup, QObject *parent)
    : QAbstractListModel(parent)
    , m_lookup(std::move(lookup))
{ }

void SupervisedSessionModel::reset(const QList<proto::SessionView> &sessions)
{
    beginResetModel();
    m_rows.clear();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const proto::SessionView &s : sessions) {
        m_rows.append({s, now, false, {}});
        m_rows.last().key = sortKey(m_rows.last());
    }
    std::stable_sort(m_rows.begin(), m_rows.end(),
                     [](const Row &a, const Row &b) { return a.key < b.key; });
    endResetModel();
    Q_EMIT countChanged();
}

void SupervisedSessionModel::setHeld(bool held)
{
    if (held == m_held)
        return;
    m_held = held;
    Q_EMIT heldChanged();
    if (held)
        return;
    // Let go: what ended goes, and everything moves to its place.
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (!m_rows.at(i).ended)
            continue;
        beginRemoveRows({}, i, i);
        m_rows.removeAt(i);
        endRemoveRows();
        Q_EMIT countChanged();
    }
    sort();
}

bool SupervisedSessionModel::emergency(const Row &row) const
{
    const proto::SessionView &v = row.view;
    return !m_lookup.emergency(v.info.id, v.group).isEmpty()
        || (v.info.floor.state != proto::FloorState::Idle
            && v.info.floor.type == proto::FloorType::Emergency);
}

QString SupervisedSessionModel::sortKey(const Row &row) const
{
    const proto::SessionView &v = row.view;
    const int rank = row.ended                          ? 4
        : emergency(row)                                ? 0
        : v.info.floor.state != proto::FloorState::Idle ? 1
        : !v.queue.isEmpty()                            ? 2
                                                        : 3;
    return QString::number(rank) + v.info.name.toLower() + QChar(0) + v.info.id;
}

void SupervisedSessionModel::sort()
{
    if (m_held)
        return;
    // Selection by moves on the cached keys, so views keep their delegates (and the pointer
    // its row) instead of being reset. Only when emergencies change or a hold ends.
    for (int i = 0; i < m_rows.size(); ++i) {
        int best = i;
        for (int j = i + 1; j < m_rows.size(); ++j) {
            if (m_rows.at(j).key < m_rows.at(best).key)
                best = j;
        }
        if (best == i)
            continue;
        beginMoveRows({}, best, best, {}, i);
        m_rows.move(best, i);
        endMoveRows();
    }
}

void SupervisedSessionModel::reposition(int i)
{
    if (m_held)
        return;
    // The others are in order: one row changed, one row moves (an overview event each).
    int target = 0;
    for (int j = 0; j < m_rows.size(); ++j) {
        if (j != i && m_rows.at(j).key < m_rows.at(i).key)
            ++target;
    }
    if (target == i)
        return;
    beginMoveRows({}, i, i, {}, target > i ? target + 1 : target);
    m_rows.move(i, target);
    endMoveRows();
}

int SupervisedSessionModel::indexOf(const QString &session) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).view.info.id == session)
            return int(i);
    }
    return -1;
}

void SupervisedSessionModel::put(const proto::SessionView &session)
{
    Row row {session, QDateTime::currentMSecsSinceEpoch(), false, {}};
    row.key = sortKey(row);
    const int i = indexOf(session.info.id);
    if (i >= 0) {
        m_rows[i] = row;
        Q_EMIT dataChanged(index(i), index(i));
        Q_EMIT countChanged(); // who talks and who waits
        reposition(i);
        return;
    }
    // Held: at the end, where nothing below it moves.
    int at = int(m_rows.size());
    if (!m_held) {
        at = 0;
        while (at < m_rows.size() && m_rows.at(at).key < row.key)
            ++at;
    }
    beginInsertRows({}, at, at);
    m_rows.insert(at, row);
    endInsertRows();
    Q_EMIT countChanged();
}

void SupervisedSessionModel::remove(const QString &session)
{
    const int i = indexOf(session);
    if (i < 0)
        return;
    if (m_held) {
        Row &row = m_rows[i];
        row.ended = true;
        row.view.info.floor = {};
        row.view.queue.clear();
        row.view.heldMs = 0;
        row.key = sortKey(row);
        Q_EMIT dataChanged(index(i), index(i));
        Q_EMIT countChanged();
        return;
    }
    beginRemoveRows({}, i, i);
    m_rows.removeAt(i);
    endRemoveRows();
    Q_EMIT countChanged();
}

void SupervisedSessionModel::refresh()
{
    if (m_rows.isEmpty())
        return;
    Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1));
    for (Row &row : m_rows)
        row.key = sortKey(row); // an emergency raised or cleared moves its session
    sort();
}

QString SupervisedSessionModel::nameOf(const QString &session) const
{
    const proto::SessionView *v = find(session);
    return v ? v->info.name : QString();
}

const proto::SessionView *SupervisedSessionModel::find(const QString &session) const
{
    const int i = indexOf(session);
    return i < 0 ? nullptr : &m_rows.at(i).view;
}

int SupervisedSessionModel::talking() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &r) {
        return r.view.info.floor.state != proto::FloorState::Idle;
    }));
}

int SupervisedSessionModel::live() const
{
    return int(
        std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &r) { return !r.ended; }));
}

int SupervisedSessionModel::waiting() const
{
    qsizetype n = 0;
    for (const Row &r : m_rows)
        n += r.view.queue.size();
    return int(n);
}

int SupervisedSessionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant SupervisedSessionModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    const proto::SessionView &v = row.view;
    const proto::FloorInfo &floor = v.info.floor;
    const bool talking = floor.state != proto::FloorState::Idle;
    const auto name = [this](const QString &unit, const QString &alias = {}) {
        if (!alias.isEmpty())
            return alias;
        const QString known = m_lookup.alias(unit);
        return known.isEmpty() ? unit : known;
    };
    switch (role) {
    case SessionIdRole:
        return v.info.id;
    case KindRole:
        return proto::enumName(proto::kSessionKinds, v.info.kind);
    case NameRole:
        return v.info.name;
    case GroupIdRole:
        return v.group;
    case OwnerRole:
        return v.info.owner.isEmpty() ? QString() : name(v.info.owner);
    case TalkerRole:
        return talking ? name(floor.talker, floor.alias) : QString();
    case TalkingSinceRole:
        return talking ? double(row.receivedAt - v.heldMs) : 0.0;
    case PriorityRole:
        return talking ? floor.priority : 0;
    case FloorTypeRole:
        return talking ? proto::enumName(proto::kFloorTypes, floor.type) : QString();
    case QueueRole: {
        QStringList lines;
        for (qsizetype i = 0; i < v.queue.size(); ++i) {
            const proto::QueueEntry &q = v.queue.at(i);
            QString line = QStringLiteral("%1  %2").arg(i + 1).arg(name(q.unit, q.alias));
            if (q.type == proto::FloorType::Emergency)
                line += tr(" · emergency");
            else if (q.priority > 0)
                line += tr(" · P%1", "priority level").arg(q.priority);
            lines << line;
        }
        return lines;
    }
    case QueueCountRole:
        return int(v.queue.size());
    case ParticipantsRole: {
        QStringList names;
        for (const QString &m : v.info.members.mid(0, kParticipantsShown))
            names << name(m);
        QString text = names.join(QStringLiteral(", "));
        const qsizetype rest = v.info.members.size() - kParticipantsShown;
        if (rest > 0)
            text += QLatin1Char(' ') + tr("+ %n more", nullptr, int(rest));
        return text;
    }
    case ParticipantCountRole:
        return int(v.info.members.size());
    case EmergencyRole:
        return emergency(row);
    case EmergencyTextRole:
        return m_lookup.emergency(v.info.id, v.group);
    case MonitoredRole:
        return m_lookup.monitored(v.info.id);
    case EndedRole:
        return row.ended;
    default:
        return {};
    }
}

QHash<int, QByteArray> SupervisedSessionModel::roleNames() const
{
    return {{SessionIdRole, "sessionId"},
            {KindRole, "kind"},
            {NameRole, "name"},
            {GroupIdRole, "groupId"},
            {OwnerRole, "owner"},
            {TalkerRole, "talker"},
            {TalkingSinceRole, "talkingSince"},
            {PriorityRole, "priority"},
            {FloorTypeRole, "floorType"},
            {QueueRole, "queue"},
            {QueueCountRole, "queueCount"},
            {ParticipantsRole, "participants"},
            {ParticipantCountRole, "participantCount"},
            {EmergencyRole, "emergency"},
            {EmergencyTextRole, "emergencyText"},
            {MonitoredRole, "monitored"},
            {EndedRole, "ended"}};
}

} // namespace floorline::console
