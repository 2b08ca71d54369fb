// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/protocol/supervision.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace floorline::console {

/**
 * @brief Every live session on the server as a supervisor sees it (docs/protocol.md §12), in
 * the supervisor's order: emergencies first, then who talks, then who waits, then quiet calls;
 * by name within each.
 *
 * While `held` (the pointer is over the list) nothing moves: changed rows keep their place,
 * new ones come at the end, and a session that ended stays as `ended` until the hold is let
 * go; then the list sorts itself again. A click never lands on a row that slid under it.
 *
 * Roles (what a session row binds):
 * - `sessionId`, `kind` ("group", "adhoc", "broadcast"), `name`, `groupId`, `owner` (alias);
 * - `talker` (alias, empty when idle), `talkingSince` (ms since the epoch, this machine's
 *   clock), `priority`, `floorType` ("normal", "imminent-peril", "emergency");
 * - `queue`: one line per waiting request, in order ("1  Engine 4"); `queueCount`;
 * - `participants` (aliases, comma separated, at most 8 then "+ n more"), `participantCount`;
 * - `emergency` (an emergency is active on it), `emergencyText` ("Engine 1: not acknowledged");
 * - `monitored`: this console hears it (a monitored group, a call it is in);
 * - `ended`: no longer live, kept in place while the list is held.
 * Thread rule: GUI thread.
 */
class SupervisedSessionModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Part of the Supervision")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    /// Rows that are live (not `ended`).
    Q_PROPERTY(int live READ live NOTIFY countChanged)
    /// Sessions where someone holds the floor now.
    Q_PROPERTY(int talking READ talking NOTIFY countChanged)
    /// Requests waiting for a floor, over all sessions.
    Q_PROPERTY(int waiting READ waiting NOTIFY countChanged)
    /// Rows keep their places (see above).
    Q_PROPERTY(bool held READ held WRITE setHeld NOTIFY heldChanged)
public:
    enum Role {
        SessionIdRole = Qt::UserRole + 1,
        KindRole,
        NameRole,
        GroupIdRole,
        OwnerRole,
        TalkerRole,
        TalkingSinceRole,
        PriorityRole,
        FloorTypeRole,
        QueueRole,
        QueueCountRole,
        ParticipantsRole,
        ParticipantCountRole,
        EmergencyRole,
        EmergencyTextRole,
        MonitoredRole,
        EndedRole,
    };
    Q_ENUM(Role)

    /// What the rows show that the overview does not carry.
    struct Lookup
    {
        std::function<QString(const QString &unit)> alias;
        /// The active emergency on a session (or its group), as one line; empty: none.
        std::function<QString(const QString &session, const QString &group)> emergency;
        std::function<bool(const QString &session)> monitored;
    };
    explicit SupervisedSessionModel(Lookup lookup, QObject *parent = nullptr);

    void reset(const QList<proto::SessionView> &sessions);
    void put(const proto::SessionView &session);
    void remove(const QString &session);
    void clear() { reset({}); }
    /// Emergencies or what this console hears changed: every row looks again.
    void refresh();
    int count() const { return int(m_rows.size()); }
    bool held() const { return m_held; }
    void setHeld(bool held);
    int live() const;
    int talking() const;
    int waiting() const;
    /// The name the overview gives a session; empty when it is not live.
    QString nameOf(const QString &session) const;
    const proto::SessionView *find(const QString &session) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void countChanged();
    void heldChanged();

private:
    struct Row
    {
        proto::SessionView view;
        qint64 receivedAt = 0; ///< ms since the epoch, when the view arrived
        bool ended = false;
        QString key; ///< sortKey(), cached: recomputed when the row or the emergencies change
    };
    int indexOf(const QString &session) const;
    bool emergency(const Row &row) const;
    /// Where a row belongs in the supervisor's order (smaller first).
    QString sortKey(const Row &row) const;
    /// Moves rows to their places (not while held).
    void sort();
    /// Moves row `i` alone to its place among the others (not while held).
    void reposition(int i);

    Lookup m_lookup;
    QList<Row> m_rows;
    bool m_held = false;
};

} // namespace floorline::console
