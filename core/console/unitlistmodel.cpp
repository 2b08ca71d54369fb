// SPDX-License-Identifier: Apache-2.0
#include "unitlistmodel.h"

#include <QSet>

namespace floorline::console {

UnitListModel::UnitListModel(QObject *parent)
    : QAbstractListModel(parent)
    , m_changes(kBatchMs, [this](int row, const QList<int> &roles) { changed(row, roles); })
{ }

void UnitListModel::setUnits(const QList<proto::UnitInfo> &units,
                             const QHash<QString, QString> &groupNames, const QString &self)
{
    beginResetModel();
    m_changes.clear();
    m_units.clear();
    m_byId.clear();
    m_groupNames = groupNames;
    for (const proto::UnitInfo &info : units) {
        if (info.id == self)
            continue;
        Unit u;
        u.info = info;
        u.currentGroup = info.affiliated.value(0);
        m_byId.insert(info.id, int(m_units.size()));
        m_units.push_back(std::move(u));
    }
    endResetModel();
}

void UnitListModel::setStatus(const QString &unit, proto::UnitStatus status, const QString &session)
{
    const int row = m_byId.value(unit, -1);
    if (row < 0)
        return;
    Unit &u = m_units[row];
    const QString busyIn = status == proto::UnitStatus::Busy ? session : QString();
    if (u.info.status == status && u.session == busyIn)
        return;
    u.info.status = status;
    u.session = busyIn;
    m_changes.add(row, {StatusRole, StatusTextRole, SessionRole});
}

void UnitListModel::setCurrentGroup(const QString &unit, const QString &groupId)
{
    const int row = m_byId.value(unit, -1);
    if (row < 0 || m_units[row].currentGroup == groupId)
        return;
    m_units[row].currentGroup = groupId;
    m_changes.add(row, {CurrentGroupRole});
}

void UnitListModel::setSessionName(const QString &session, const QString &name)
{
    if (m_sessionNames.value(session) == name)
        return;
    m_sessionNames.insert(session, name);
    for (int row = 0; row < m_units.size(); ++row) {
        if (m_units[row].session == session)
            m_changes.add(row, {StatusTextRole});
    }
}

proto::UnitStatus UnitListModel::status(const QString &unit) const
{
    const int row = m_byId.value(unit, -1);
    return row < 0 ? proto::UnitStatus::Offline : m_units[row].info.status;
}

QString UnitListModel::session(const QString &unit) const
{
    const int row = m_byId.value(unit, -1);
    return row < 0 ? QString() : m_units[row].session;
}

QString UnitListModel::alias(const QString &unit) const
{
    const int row = m_byId.value(unit, -1);
    return row < 0 || m_units[row].info.alias.isEmpty() ? unit : m_units[row].info.alias;
}

QStringList UnitListModel::membersOf(const QStringList &groups) const
{
    const QSet<QString> wanted(groups.cbegin(), groups.cend());
    QStringList out;
    for (const Unit &u : m_units) {
        for (const QString &g : u.info.groups) {
            if (wanted.contains(g)) {
                out << u.info.id; // once, however many of the groups it belongs to
                break;
            }
        }
    }
    return out;
}

int UnitListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_units.size());
}

QString UnitListModel::statusText(const Unit &u) const
{
    switch (u.info.status) {
    case proto::UnitStatus::Online:
        return tr("Online");
    case proto::UnitStatus::Busy:
        if (u.session.isEmpty())
            return tr("Busy");
        return tr("Busy in %1").arg(m_sessionNames.value(u.session, u.session));
    case proto::UnitStatus::Resetting:
        return tr("Resetting");
    case proto::UnitStatus::Offline:
        break;
    }
    return tr("Offline");
}

QVariant UnitListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Unit &u = m_units.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case AliasRole:
        return u.info.alias.isEmpty() ? u.info.id : u.info.alias;
    case UnitIdRole:
        return u.info.id;
    case UnitRoleRole:
        return proto::enumName(proto::kRoles, u.info.role);
    case StatusRole:
        return proto::enumName(proto::kUnitStatuses, u.info.status);
    case StatusTextRole:
        return statusText(u);
    case SessionRole:
        return u.session;
    case CurrentGroupRole:
        return m_groupNames.value(u.currentGroup);
    case GroupsRole: {
        QStringList names;
        for (const QString &g : u.info.groups)
            names << m_groupNames.value(g, g);
        return names.join(QStringLiteral(", "));
    }
    }
    return {};
}

QHash<int, QByteArray> UnitListModel::roleNames() const
{
    return {{UnitIdRole, "unitId"},
            {AliasRole, "alias"},
            {UnitRoleRole, "role"},
            {StatusRole, "status"},
            {StatusTextRole, "statusText"},
            {SessionRole, "session"},
            {CurrentGroupRole, "currentGroup"},
            {GroupsRole, "groups"}};
}

void UnitListModel::changed(int row, const QList<int> &roles)
{
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i, roles);
}

UnitFilterModel::UnitFilterModel(UnitListModel *units, QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSourceModel(units);
    // Status changes move units in and out of a status filter.
    setDynamicSortFilter(true);
    connect(this, &QAbstractItemModel::rowsInserted, this, &UnitFilterModel::countChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &UnitFilterModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &UnitFilterModel::countChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &UnitFilterModel::countChanged);
}

void UnitFilterModel::setSearch(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_search)
        return;
    m_search = trimmed;
    invalidateRowsFilter();
    Q_EMIT filterChanged();
}

void UnitFilterModel::setStatusFilter(const QString &status)
{
    if (status == m_status)
        return;
    m_status = status;
    invalidateRowsFilter();
    Q_EMIT filterChanged();
}

QString UnitFilterModel::unitAt(int row) const
{
    return index(row, 0).data(UnitListModel::UnitIdRole).toString();
}

bool UnitFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_status.isEmpty() && i.data(UnitListModel::StatusRole).toString() != m_status)
        return false;
    if (m_search.isEmpty())
        return true;
    for (const int role : {UnitListModel::AliasRole, UnitListModel::UnitIdRole,
                           UnitListModel::CurrentGroupRole, UnitListModel::GroupsRole}) {
        if (i.data(role).toString().contains(m_search, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace floorline::console
