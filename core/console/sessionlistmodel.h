// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "changebatcher.h"
#include "core/protocol/types.h"

#include <QAbstractListModel>
#include <QHash>
#include <QtQml/qqmlregistration.h>

namespace floorline::console {

class UnitListModel;

/**
 * @brief The live ad-hoc and broadcast sessions: participants and floor holder.
 *
 * Sessions this console is in come with full detail (`session.joined` / `session.updated`,
 * floor events). Sessions it is not in are still shown, from `unit.status` events that say a
 * unit is busy in them: participants only, since the server sends floor events to members
 * alone. Group sessions are the group tree's business, not this list's.
 * Thread rule: GUI thread only; the console controller feeds it.
 *
 * Roles (what the session card binds):
 * - `sessionId`, `kind` ("adhoc" or "broadcast"), `name`;
 * - `participants`: aliases, comma separated; `participantCount`;
 * - `joined`: this console is a member (it can talk, invite, leave);
 * - `owned`: this console created it (leaving ends it);
 * - `talker`: alias of the floor holder, empty when idle or not known; `talkingSince` (ms since
 *   the epoch); `emergency`.
 */
class SessionListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by the console")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    enum Role {
        SessionIdRole = Qt::UserRole + 1,
        KindRole,
        NameRole,
        ParticipantsRole,
        ParticipantCountRole,
        JoinedRole,
        OwnedRole,
        TalkerRole,
        TalkingSinceRole,
        EmergencyRole,
    };
    Q_ENUM(Role)

    /// Membership changes of calls we are not in reach views at most this often.
    static constexpr int kBatchMs = 100;

    SessionListModel(const UnitListModel &units, QObject *parent = nullptr);

    void setSelf(const QString &unit) { m_self = unit; }
    /// A session this console is in, as the server describes it (joined or updated).
    void update(const proto::SessionInfo &info);
    /// The session ended, or this console left it.
    void remove(const QString &session);
    /// Forgets everything (a new login: the server sends the state again).
    void clear();
    /// Where a unit is busy now (`session` empty: nowhere). Keeps the sessions this console is
    /// not in up to date.
    void unitBusyIn(const QString &unit, const QString &session, const QString &name = {});
    void setTalker(const QString &session, const QString &alias, bool emergency, qint64 sinceMs);
    void clearTalker(const QString &session);

    int count() const { return int(m_sessions.size()); }
    bool contains(const QString &session) const { return rowOf(session) >= 0; }
    bool isJoined(const QString &session) const;
    QStringList members(const QString &session) const;
    QString nameOf(const QString &session) const;
    QStringList joinedSessions() const;
    QStringList sessionIds() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void countChanged();
    /// A session's display name is known or changed (the unit list shows "Busy in <name>").
    void named(const QString &session, const QString &name);

private:
    struct Session
    {
        proto::SessionInfo info;
        bool joined = false;
        QString talker;
        qint64 talkingSince = 0;
        bool emergency = false;
    };
    int rowOf(const QString &session) const;
    void insert(Session session);
    void removeRow(int row);
    void changed(int row, const QList<int> &roles);

    const UnitListModel &m_units;
    QString m_self;
    QList<Session> m_sessions; ///< in the order they appeared
    QHash<QString, QString> m_busyIn; ///< unit -> the session unit.status last named
    ChangeBatcher m_memberChanges;
};

} // namespace floorline::console
