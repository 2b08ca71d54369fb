// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sqlconnection.h"

#include "core/protocol/pushes.h"

#include <QHash>
#include <QString>

#include <optional>

namespace floorline::server {

/// A push as stored: who sent it, to what, and what it carries.
struct StoredPush
{
    QString sender; ///< unit id
    QString push; ///< the sender's id for it; (sender, push) names it
    QString senderAlias;
    QString group; ///< set for a push to a group
    bool bound = false;
    QString media; ///< a stored item's id, or empty
    QString link;
    QString note;
    qint64 createdMs = 0;
};

/// One recipient of a push, and how far it got.
struct PushDelivery
{
    StoredPush push;
    QString unit;
    bool displayOnly = false; ///< only the unit's display logins take it (a console's `bound`)
    proto::PushState state = proto::PushState::Queued;
};

/**
 * @brief Pushes and pairings in SQLite (DESIGN.md M6): what is owed to whom survives a
 * crash of the server.
 *
 * A push is written with all its recipients in one transaction before anyone is told it
 * exists, so a push is either queued for every recipient or for none. A recipient's state only
 * moves forward (queued → delivered → opened), which makes repeated acks harmless.
 * Thread rule: the thread that opened it (the server's signaling thread).
 */
class PushStore
{
public:
    PushStore();
    ~PushStore();
    PushStore(const PushStore &) = delete;
    PushStore &operator=(const PushStore &) = delete;

    bool open(const QString &databasePath, QString *error);

    /// `unit` sent or was sent a push that carries media `id`.
    bool carried(const QString &id, const QString &unit) const;
    /// The recipients of an earlier push with this id, or nothing if there was none.
    std::optional<QList<proto::PushRecipient>> recipients(const QString &sender,
                                                          const QString &push) const;
    /// Stores a push for `recipients` (unit id → display only).
    bool add(const StoredPush &push, const QList<std::pair<QString, bool>> &recipients,
             QString *error);
    /// Pushes `unit` has not acknowledged yet, oldest first.
    QList<PushDelivery> pending(const QString &unit) const;
    /// How many pushes wait for `unit` (not yet delivered).
    int pendingCount(const QString &unit) const;
    /// Forgets deliveries still waiting after `maxAgeMs` (their recipient never came back);
    /// returns how many.
    int expire(qint64 maxAgeMs);
    enum class Advance {
        Moved,
        Unchanged, ///< already there or further: a repeated or late ack
        Unknown, ///< no such push for this recipient
        Failed, ///< the database failed; nothing changed
    };
    /// Moves a recipient's state forward (never back).
    Advance advance(const QString &sender, const QString &push, const QString &unit,
                    proto::PushState state);
    /// What was pushed to a group, newest first.
    QList<StoredPush> shelf(const QString &group, int limit) const;

    /// Device → console pairings.
    QHash<QString, QString> pairings() const;
    bool pair(const QString &device, const QString &console, QString *error);

private:
    SqlConnection m_db {QStringLiteral("push")};
};

} // namespace floorline::server
