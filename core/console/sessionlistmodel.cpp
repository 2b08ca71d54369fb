// SPDX-License-Identifier: Apache-2.0
#include "sessionlistmodel.h"

#include "unitlistmodel.h"

namespace floorline::console {

SessionListModel::SessionListModel(const UnitListModel &units, QObject *parent)
    : QAbstractListModel(parent)
    , m_units(units)
    , m_memberChanges(kBatchMs, [this](int row, const QList<int> &roles) { changed(row, roles); })
{ }

void SessionListModel::update(const proto::SessionInfo &info)
{
    if (info.kind == proto::SessionKind::Group)
        return;
    // A call we are not in (a dispatcher sees every call) follows its units' statuses.
    const bool joined = info.members.contains(m_self);
    if (!joined) {
        for (const QString &unit : info.members)
            m_busyIn.insert(unit, info.id);
    }
    const int row = rowOf(info.id);
    if (row < 0) {
        Session s;
        s.info = info;
        s.joined = joined;
        insert(std::move(s));
    } else {
        Session &s = m_sessions[row];
        const bool renamed = s.info.name != info.name;
        s.info = info;
        s.joined = joined;
        changed(row, {NameRole, ParticipantsRole, ParticipantCountRole, JoinedRole, OwnedRole});
        if (renamed)
            Q_EMIT named(info.id, nameOf(info.id));
    }
}

void SessionListModel::remove(const QString &session)
{
    const int row = rowOf(session);
    if (row >= 0)
        removeRow(row);
}

void SessionListModel::clear()
{
    m_busyIn.clear();
    m_memberChanges.clear();
    if (m_sessions.isEmpty())
        return;
    beginResetModel();
    m_sessions.clear();
    endResetModel();
    Q_EMIT countChanged();
}

void SessionListModel::unitBusyIn(const QString &unit, const QString &session, const QString &name)
{
    // Leave the session we last saw the unit in, unless it is one we are in ourselves: those
    // have exact membership from the server. Looked up, not searched: a big fleet sends
    // thousands of status changes a second.
    const QString was = m_busyIn.value(unit);
    if (was == session)
        return;
    if (!was.isEmpty()) {
        m_busyIn.remove(unit);
        const int row = rowOf(was);
        if (row >= 0 && !m_sessions[row].joined) {
            Session &s = m_sessions[row];
            s.info.members.removeOne(unit);
            if (s.info.members.isEmpty())
                removeRow(row);
            else
                m_memberChanges.add(row, {ParticipantsRole, ParticipantCountRole});
        }
    }
    if (session.isEmpty())
        return;
    m_busyIn.insert(unit, session);
    const int row = rowOf(session);
    if (row < 0) {
        Session s;
        s.info.id = session;
        s.info.kind = session.startsWith(QLatin1String("broadcast:"))
            ? proto::SessionKind::Broadcast
            : proto::SessionKind::AdHoc;
        s.info.name = name;
        s.info.members = {unit};
        insert(std::move(s));
    } else if (!m_sessions[row].joined && !m_sessions[row].info.members.contains(unit)) {
        m_sessions[row].info.members << unit;
        m_memberChanges.add(row, {ParticipantsRole, ParticipantCountRole});
    }
}

void SessionListModel::setTalker(const QString &session, const QString &alias, bool emergency,
                                 qint64 sinceMs)
{
    const int row = rowOf(session);
    if (row < 0)
        return;
    Session &s = m_sessions[row];
    s.talker = alias;
    s.emergency = emergency;
    s.talkingSince = sinceMs;
    changed(row, {TalkerRole, TalkingSinceRole, EmergencyRole});
}

void SessionListModel::clearTalker(const QString &session)
{
    const int row = rowOf(session);
    if (row < 0 || m_sessions[row].talker.isEmpty())
        return;
    setTalker(session, {}, false, 0);
}

bool SessionListModel::isJoined(const QString &session) const
{
    const int row = rowOf(session);
    return row >= 0 && m_sessions[row].joined;
}

QStringList SessionListModel::members(const QString &session) const
{
    const int row = rowOf(session);
    return row < 0 ? QStringList() : m_sessions[row].info.members;
}

QString SessionListModel::nameOf(const QString &session) const
{
    const int row = rowOf(session);
    if (row < 0 || m_sessions[row].info.name.isEmpty())
        return tr("Call %1").arg(session.section(QLatin1Char(':'), 1));
    return m_sessions[row].info.name;
}

QStringList SessionListModel::sessionIds() const
{
    QStringList out;
    for (const Session &s : m_sessions)
        out << s.info.id;
    return out;
}

QStringList SessionListModel::joinedSessions() const
{
    QStringList out;
    for (const Session &s : m_sessions) {
        if (s.joined)
            out << s.info.id;
    }
    return out;
}

int SessionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_sessions.size());
}

QVariant SessionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Session &s = m_sessions.at(index.row());
    switch (role) {
    case SessionIdRole:
        return s.info.id;
    case KindRole:
        return proto::enumName(proto::kSessionKinds, s.info.kind);
    case Qt::DisplayRole:
    case NameRole:
        return nameOf(s.info.id);
    case ParticipantsRole: {
        // A broadcast can hold hundreds: the card names the first few and counts the rest.
        constexpr int kNamed = 12;
        QStringList aliases;
        for (const QString &u : s.info.members) {
            if (aliases.size() == kNamed) {
                aliases << tr("+%n more", "", int(s.info.members.size()) - kNamed);
                break;
            }
            aliases << (u == m_self ? tr("you") : m_units.alias(u));
        }
        return aliases.join(QStringLiteral(", "));
    }
    case ParticipantCountRole:
        return int(s.info.members.size());
    case JoinedRole:
        return s.joined;
    case OwnedRole:
        return !m_self.isEmpty() && s.info.owner == m_self;
    case TalkerRole:
        return s.talker;
    case TalkingSinceRole:
        return double(s.talkingSince);
    case EmergencyRole:
        return s.emergency;
    }
    return {};
}

QHash<int, QByteArray> SessionListModel::roleNames() const
{
    return {{SessionIdRole, "sessionId"},
            {KindRole, "kind"},
            {NameRole, "name"},
            {ParticipantsRole, "participants"},
            {ParticipantCountRole, "participantCount"},
            {JoinedRole, "joined"},
            {OwnedRole, "owned"},
            {TalkerRole, "talker"},
            {TalkingSinceRole, "talkingSince"},
            {EmergencyRole, "emergency"}};
}

int SessionListModel::rowOf(const QString &session) const
{
    for (int row = 0; row < m_sessions.size(); ++row) {
        if (m_sessions[row].info.id == session)
            return row;
    }
    return -1;
}

void SessionListModel::insert(Session session)
{
    m_memberChanges.flush(); // pending notices name rows; announce them before rows move
    const int row = int(m_sessions.size());
    const QString id = session.info.id;
    beginInsertRows({}, row, row);
    m_sessions.push_back(std::move(session));
    endInsertRows();
    Q_EMIT countChanged();
    Q_EMIT named(id, nameOf(id));
}

void SessionListModel::removeRow(int row)
{
    m_memberChanges.flush();
    beginRemoveRows({}, row, row);
    m_sessions.removeAt(row);
    endRemoveRows();
    Q_EMIT countChanged();
}

void SessionListModel::changed(int row, const QList<int> &roles)
{
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i, roles);
}

} // namespace floorline::console
