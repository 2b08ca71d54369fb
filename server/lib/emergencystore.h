// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sqlconnection.h"

#include "core/protocol/types.h"

#include <QList>
#include <QString>

namespace floorline::server {

/**
 * @brief Emergencies in SQLite (docs/protocol.md §11.7): an open emergency survives a restart
 * of the server, and ids keep counting up across restarts.
 *
 * Every change is written before the requester hears of it. Rows are never deleted: a cancelled
 * emergency stays as the record of who raised, acknowledged and ended it.
 * Thread rule: the thread that opened it (the server's signaling thread).
 */
class EmergencyStore
{
public:
    EmergencyStore();
    ~EmergencyStore();
    EmergencyStore(const EmergencyStore &) = delete;
    EmergencyStore &operator=(const EmergencyStore &) = delete;

    bool open(const QString &databasePath, QString *error);

    /// Open and acknowledged emergencies with their acks, oldest first.
    QList<proto::EmergencyInfo> active() const;
    /// The highest emergency number ever stored (the n of "em-n"), 0 if none.
    qint64 lastNumber() const;
    /// Stores a new emergency numbered `number`.
    bool add(qint64 number, const proto::EmergencyInfo &emergency, QString *error);
    /// Appends an ack and marks the emergency acknowledged, in one transaction.
    bool acknowledge(qint64 number, const proto::EmergencyAckInfo &ack, QString *error);
    bool cancel(qint64 number, const proto::EmergencyInfo &cancelled, QString *error);

private:
    SqlConnection m_db {QStringLiteral("emergency")};
};

} // namespace floorline::server
