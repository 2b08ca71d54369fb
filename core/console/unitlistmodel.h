// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "changebatcher.h"
#include "core/protocol/types.h"

#include <QAbstractListModel>
#include <QHash>
#include <QSortFilterProxyModel>
#include <QtQml/qqmlregistration.h>

namespace floorline::console {

/**
 * @brief Every account in the fleet but this console's own, with its live status.
 *
 * Comes from the directory and follows `unit.status` events (docs/protocol.md §4.9.4) and the
 * floor: a unit heard on a group has that group as its current one.
 * Thread rule: GUI thread only; the console controller feeds it.
 *
 * Roles (what the unit row binds):
 * - `unitId`, `alias`, `role` ("unit", "dispatcher", "supervisor");
 * - `status`: "online", "busy", "offline" or "resetting"; `statusText`: the same for people,
 *   with the session's name when busy ("Busy in Structure fire");
 * - `session`: the session that makes it busy, empty otherwise;
 * - `currentGroup`: name of the group it was last heard on or is affiliated to;
 * - `groups`: names of its configured groups, comma separated (what the search matches too).
 */
class UnitListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by the console")
public:
    enum Role {
        UnitIdRole = Qt::UserRole + 1,
        AliasRole,
        UnitRoleRole,
        StatusRole,
        StatusTextRole,
        SessionRole,
        CurrentGroupRole,
        GroupsRole,
    };
    Q_ENUM(Role)

    /// Status changes reach views at most this often (see ChangeBatcher).
    static constexpr int kBatchMs = 50;

    explicit UnitListModel(QObject *parent = nullptr);

    /// Replaces the list. `groupNames` maps group id to name; `self` is left out.
    void setUnits(const QList<proto::UnitInfo> &units, const QHash<QString, QString> &groupNames,
                  const QString &self);
    void setStatus(const QString &unit, proto::UnitStatus status, const QString &session);
    void setCurrentGroup(const QString &unit, const QString &groupId);
    /// Names sessions for `statusText` ("Busy in …"); unknown sessions show their id.
    void setSessionName(const QString &session, const QString &name);

    bool contains(const QString &unit) const { return m_byId.contains(unit); }
    proto::UnitStatus status(const QString &unit) const;
    QString session(const QString &unit) const;
    QString alias(const QString &unit) const;
    /// Units with a configured membership in any of `groups`, each once, in directory order.
    QStringList membersOf(const QStringList &groups) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Unit
    {
        proto::UnitInfo info;
        QString session;
        QString currentGroup; ///< id
    };
    void changed(int row, const QList<int> &roles);
    QString statusText(const Unit &unit) const;

    QList<Unit> m_units;
    QHash<QString, int> m_byId;
    QHash<QString, QString> m_groupNames;
    QHash<QString, QString> m_sessionNames;
    ChangeBatcher m_changes;
};

/**
 * @brief The unit list as the dispatcher filters it: free-text search and a status filter.
 *
 * `search` matches alias, id, current group and configured groups, case-insensitively;
 * `statusFilter` is empty (all) or one of the status names.
 */
class UnitFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by the console")
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY filterChanged)
    Q_PROPERTY(QString statusFilter READ statusFilter WRITE setStatusFilter NOTIFY filterChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    explicit UnitFilterModel(UnitListModel *units, QObject *parent = nullptr);

    QString search() const { return m_search; }
    void setSearch(const QString &text);
    QString statusFilter() const { return m_status; }
    void setStatusFilter(const QString &status);
    int count() const { return rowCount(); }
    /// Unit id of a visible row (for multi-select drags).
    Q_INVOKABLE QString unitAt(int row) const;

Q_SIGNALS:
    void filterChanged();
    void countChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_search;
    QString m_status;
};

} // namespace floorline::console
