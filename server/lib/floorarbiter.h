// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/protocol/requests.h"

#include <QList>
#include <QString>

#include <optional>

namespace floorline::server {

/**
 * @brief Floor control for one session, after TS 24.380's floor control server.
 *
 * Pure logic: no timers, no sockets, no Qt objects. Callers pass the time in and carry out the
 * returned actions; the session owning the arbiter arms one timer at nextDeadline(). That keeps
 * the state table testable with a fake clock (tests/unit/tst_floorarbiter.cpp).
 *
 * States: Idle, Taken, PendingRevoke (the holder was sent Floor Revoke and has `revokeGraceMs`
 * to stop before the floor is taken from it). The queue is ordered by floor type (emergency >
 * imminent peril > normal), then priority level, then arrival.
 */
class FloorArbiter
{
public:
    struct Config
    {
        int t1Ms = 4000; ///< T1 end of RTP media
        int t2Ms = 30000; ///< T2 maximum talk time
        int revokeGraceMs = 1000; ///< time a revoked holder has to release (TS 24.380 T3-like)
        bool queueing = true;
        int maxQueue = 8;
    };

    struct Requester
    {
        quint64 participant = 0; ///< login id: one account may be logged in twice
        QString unit;
        QString alias;
        quint32 ssrc = 0;
        int priority = 0;
        proto::FloorType type = proto::FloorType::Normal;
        bool receiveOnly = false;
        QString media; ///< shown to receivers with this spurt (carried, not arbitrated)
    };

    struct Action
    {
        enum Kind { Granted, Taken, Idle, Revoke, Deny, QueuePosition };
        Kind kind;
        quint64 participant
            = 0; ///< Granted/Revoke/Deny/QueuePosition: the addressee; Taken: the holder
        int value = 0; ///< duration in s / cause / position
        bool operator==(const Action &) const = default;
    };
    using Actions = QList<Action>;

    explicit FloorArbiter(Config config);

    /// Floor Request. Returns the requester's immediate answer; other parties' messages go to
    /// `out`.
    proto::FloorRequestResult request(const Requester &requester, qint64 nowMs, Actions &out);
    /// Floor Release by the holder, or cancellation of a queued request. Unknown parties: no-op.
    void release(quint64 participant, qint64 nowMs, Actions &out);
    /// Fires due timers. `holderLastMediaMs` is when the holder's last RTP packet arrived (0:
    /// none).
    void onTimer(qint64 nowMs, qint64 holderLastMediaMs, Actions &out);
    /// When onTimer() must be called next, if a timer runs.
    std::optional<qint64> nextDeadline(qint64 holderLastMediaMs) const;

    proto::FloorState state() const { return m_state; }
    const std::optional<Requester> &holder() const { return m_holder; }
    const QList<Requester> &queue() const { return m_queue; }
    /// 1-based queue position, 0 when not queued.
    int positionOf(quint64 participant) const;
    qint64 grantedAtMs() const { return m_grantedAt; }
    const Config &config() const { return m_config; }

private:
    static bool outranks(const Requester &a, const Requester &b);
    void enqueue(const Requester &requester);
    void grant(const Requester &requester, qint64 nowMs, Actions &out, bool announceToRequester);
    void floorFreed(qint64 nowMs, Actions &out);
    void reportPositions(Actions &out) const;
    int durationSeconds() const { return (m_config.t2Ms + 999) / 1000; }

    Config m_config;
    proto::FloorState m_state = proto::FloorState::Idle;
    std::optional<Requester> m_holder;
    QList<Requester> m_queue;
    qint64 m_grantedAt = 0;
    qint64 m_revokeDeadline = 0;
};

} // namespace floorline::server
