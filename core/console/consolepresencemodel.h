// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/protocol/supervision.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace floorline::console {

/**
 * @brief The dispatchers and supervisors logged in to the server, and where each talks
 * (docs/protocol.md §12), ordered by alias as the server sends them.
 *
 * Roles: `unit`, `alias`, `role` ("dispatcher", "supervisor"), `logins`, `monitoring` (groups),
 * `calls` (call names, comma separated), `talking` (where it holds the floor now, a name;
 * empty: it does not), `talkingSession` (its id), `queued` (where it waits, a name),
 * `lastWhere` (where it talked last, a name), `lastTalkAt` (when that talk ended, ms since the
 * epoch on this machine's clock; 0 while it talks or when it has not), `self` (this login).
 * Thread rule: GUI thread.
 */
class ConsolePresenceModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Part of the Supervision")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    enum Role {
        UnitRole = Qt::UserRole + 1,
        AliasRole,
        RoleRole,
        LoginsRole,
        MonitoringRole,
        CallsRole,
        TalkingRole,
        TalkingSessionRole,
        QueuedRole,
        LastWhereRole,
        LastTalkAtRole,
        SelfRole,
    };
    Q_ENUM(Role)

    using SessionName = std::function<QString(const QString &session)>;
    explicit ConsolePresenceModel(SessionName sessionName, QObject *parent = nullptr);

    void setSelf(const QString &unit) { m_self = unit; }
    void reset(const QList<proto::ConsoleView> &consoles);
    /// A console changed; one that went offline (`online` false) is removed.
    void put(const proto::ConsoleView &console);
    void clear() { reset({}); }
    /// Session names may have become known: every row looks again.
    void refresh();
    int count() const { return int(m_rows.size()); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void countChanged();

private:
    struct Row
    {
        proto::ConsoleView view;
        qint64 receivedAt = 0;
    };
    int indexOf(const QString &unit) const;

    SessionName m_sessionName;
    QString m_self;
    QList<Row> m_rows;
};

} // namespace floorline::console
