// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/protocol/fleet.h"

#include <QHostAddress>
#include <QList>
#include <QSet>
#include <QString>
#include <QTimer>

#include <array>
#include <atomic>
#include <deque>
#include <memory>
#include <optional>

namespace floorline::server {

class Connection;

/**
 * @brief One login of an account: what the server keeps for it between connections (its
 * event log for a resume, its media identity, the sessions it is in).
 */
struct Login
{
    quint64 id = 0;
    const proto::Account *account = nullptr;
    quint32 ssrc = 0;
    /// Media key: the first 16 bytes over plain RTP, all 28 (SRTP master key and salt) with
    /// SRTP; it authenticates this login's keep-alives.
    std::array<uint8_t, 28> key {};
    /// SRTP: the key of the talk it holds the floor for (one key across the sessions of one
    /// press); a new one for every talk, so a member gone since then cannot listen in.
    QByteArray talkKey;
    QString token;
    Connection *connection = nullptr; ///< null while it waits for a resume
    /// Where its signaling connection was last: the only address its media may latch from.
    std::optional<QHostAddress> peer;
    std::deque<std::pair<quint64, QByteArray>> log;
    quint64 seq = 0;
    QList<QString> sessions;
    std::shared_ptr<std::atomic<int64_t>> lastMediaMs;
    QTimer grace;
    bool display = false; ///< a display client: takes `bound` pushes, no talk groups
    /// Online, or what the unit announced (resetting, offline): pushes wait meanwhile.
    proto::UnitStatus announced = proto::UnitStatus::Online;
    QSet<QString> pushesSent; ///< "sender/push" sent to this login, awaiting an ack

    const QString &unit() const { return account->unit.id; }
    proto::Role role() const { return account->unit.role; }
    bool isConsole() const { return role() != proto::Role::Unit; }
};

} // namespace floorline::server
