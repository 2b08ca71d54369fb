// SPDX-License-Identifier: Apache-2.0
#include "consolepresencemodel.h"

#include <QDateTime>

namespace floorline::console {

ConsolePresenceModel::ConsolePresenceModel(SessionName sessionName, QObject *parent)
    : QAbstractListModel(parent)
    , m_sessionName(std::move(sessionName))
{ }

void ConsolePresenceModel::reset(const QList<proto::ConsoleView> &consoles)
{
    beginResetModel();
    m_rows.clear();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const proto::ConsoleView &c : consoles) {
        if (c.online)
            m_rows.append({c, now});
    }
    endResetModel();
    Q_EMIT countChanged();
}

int ConsolePresenceModel::indexOf(const QString &unit) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).view.unit == unit)
            return int(i);
    }
    return -1;
}

void ConsolePresenceModel::put(const proto::ConsoleView &console)
{
    const int i = indexOf(console.unit);
    if (!console.online) {
        if (i < 0)
            return;
        beginRemoveRows({}, i, i);
        m_rows.removeAt(i);
        endRemoveRows();
        Q_EMIT countChanged();
        return;
    }
    const Row row {console, QDateTime::currentMSecsSinceEpoch()};
    if (i >= 0) {
        m_rows[i] = row;
        Q_EMIT dataChanged(index(i), index(i));
        return;
    }
    // Keep the server's order (by alias) for newcomers too.
    int at = 0;
    while (at < m_rows.size() && m_rows.at(at).view.alias.localeAwareCompare(console.alias) <= 0)
        ++at;
    beginInsertRows({}, at, at);
    m_rows.insert(at, row);
    endInsertRows();
    Q_EMIT countChanged();
}

void ConsolePresenceModel::refresh()
{
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1));
}

int ConsolePresenceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ConsolePresenceModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    const proto::ConsoleView &v = row.view;
    switch (role) {
    case UnitRole:
        return v.unit;
    case AliasRole:
        return v.alias.isEmpty() ? v.unit : v.alias;
    case RoleRole:
        return proto::enumName(proto::kRoles, v.role);
    case LoginsRole:
        return v.logins;
    case MonitoringRole:
        return v.monitoring;
    case CallsRole: {
        QStringList names;
        for (const QString &c : v.calls)
            names << m_sessionName(c);
        return names.join(QStringLiteral(", "));
    }
    case TalkingRole:
        return v.talking.isEmpty() ? QString() : m_sessionName(v.talking);
    case TalkingSessionRole:
        return v.talking;
    case QueuedRole:
        return v.queued.isEmpty() ? QString() : m_sessionName(v.queued);
    case LastWhereRole:
        return v.lastSession.isEmpty() ? QString() : m_sessionName(v.lastSession);
    case LastTalkAtRole:
        return v.lastTalkAgoMs > 0 ? double(row.receivedAt - v.lastTalkAgoMs) : 0.0;
    case SelfRole:
        return v.unit == m_self;
    default:
        return {};
    }
}

QHash<int, QByteArray> ConsolePresenceModel::roleNames() const
{
    return {{UnitRole, "unit"},
            {AliasRole, "alias"},
            {RoleRole, "role"},
            {LoginsRole, "logins"},
            {MonitoringRole, "monitoring"},
            {CallsRole, "calls"},
            {TalkingRole, "talking"},
            {TalkingSessionRole, "talkingSession"},
            {QueuedRole, "queued"},
            {LastWhereRole, "lastWhere"},
            {LastTalkAtRole, "lastTalkAt"},
            {SelfRole, "self"}};
}

} // namespace floorline::console
