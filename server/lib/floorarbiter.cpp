// SPDX-License-Identifier: Apache-2.0
#include "floorarbiter.h"

#include <algorithm>

namespace floorline::server {

using proto::DenyCause;
using proto::FloorOutcome;
using proto::FloorRequestResult;
using proto::FloorState;
using proto::FloorType;
using proto::RevokeCause;

namespace {
int typeRank(FloorType type)
{
    switch (type) {
    case FloorType::Emergency:
        return 2;
    case FloorType::ImminentPeril:
        return 1;
    case FloorType::Normal:
        break;
    }
    return 0;
}

FloorRequestResult denied(DenyCause cause)
{
    FloorRequestResult r;
    r.outcome = FloorOutcome::Denied;
    r.cause = int(cause);
    r.reason = proto::describe(cause);
    return r;
}
} // namespace

FloorArbiter::FloorArbiter(Config config)
    : m_config(config)
{ }

bool FloorArbiter::outranks(const Requester &a, const Requester &b)
{
    const int ra = typeRank(a.type), rb = typeRank(b.type);
    return ra != rb ? ra > rb : a.priority > b.priority;
}

int FloorArbiter::positionOf(quint64 participant) const
{
    for (qsizetype i = 0; i < m_queue.size(); ++i) {
        if (m_queue.at(i).participant == participant)
            return int(i + 1);
    }
    return 0;
}

void FloorArbiter::enqueue(const Requester &requester)
{
    // Stable insert after everyone of equal or higher rank: arrival order breaks ties.
    const auto at = std::find_if(m_queue.begin(), m_queue.end(),
                                 [&](const Requester &q) { return outranks(requester, q); });
    m_queue.insert(at, requester);
}

FloorRequestResult FloorArbiter::request(const Requester &requester, qint64 nowMs, Actions &out)
{
    if (requester.receiveOnly)
        return denied(DenyCause::ReceiveOnly);

    if (m_holder && m_holder->participant == requester.participant) {
        // A repeated request from the holder (e.g. a lost response) is answered, not re-granted.
        FloorRequestResult r;
        r.outcome = FloorOutcome::Granted;
        r.duration = std::max<int>(1, int((m_grantedAt + m_config.t2Ms - nowMs + 999) / 1000));
        return r;
    }

    if (m_state == FloorState::Idle) {
        grant(requester, nowMs, out, false);
        FloorRequestResult r;
        r.outcome = FloorOutcome::Granted;
        r.duration = durationSeconds();
        return r;
    }

    // Already queued: a re-request replaces the old entry (it may carry a new priority).
    const bool requeue = positionOf(requester.participant) > 0;
    if (requeue)
        m_queue.removeAt(positionOf(requester.participant) - 1);

    const bool preempts = m_state == FloorState::Taken && outranks(requester, *m_holder);
    if (preempts) {
        enqueue(requester);
        m_state = FloorState::PendingRevoke;
        m_revokeDeadline = nowMs + m_config.revokeGraceMs;
        out.append({Action::Revoke, m_holder->participant, int(RevokeCause::PreEmpted)});
        reportPositions(out);
        FloorRequestResult r;
        r.outcome = FloorOutcome::Queued;
        r.position = positionOf(requester.participant);
        return r;
    }

    if (!m_config.queueing)
        return denied(DenyCause::AnotherHasPermission);
    if (!requeue && m_queue.size() >= m_config.maxQueue)
        return denied(DenyCause::QueueFull);

    enqueue(requester);
    reportPositions(out);
    FloorRequestResult r;
    r.outcome = FloorOutcome::Queued;
    r.position = positionOf(requester.participant);
    return r;
}

void FloorArbiter::release(quint64 participant, qint64 nowMs, Actions &out)
{
    if (m_holder && m_holder->participant == participant) {
        floorFreed(nowMs, out);
        return;
    }
    const int position = positionOf(participant);
    if (position > 0) {
        m_queue.removeAt(position - 1);
        reportPositions(out);
    }
}

void FloorArbiter::grant(const Requester &requester, qint64 nowMs, Actions &out,
                         bool announceToRequester)
{
    m_holder = requester;
    m_state = FloorState::Taken;
    m_grantedAt = nowMs;
    if (announceToRequester)
        out.append({Action::Granted, requester.participant, durationSeconds()});
    out.append({Action::Taken, requester.participant, 0});
}

void FloorArbiter::floorFreed(qint64 nowMs, Actions &out)
{
    m_holder.reset();
    if (!m_queue.isEmpty()) {
        const Requester next = m_queue.takeFirst();
        grant(next, nowMs, out, true);
        reportPositions(out);
        return;
    }
    m_state = FloorState::Idle;
    out.append({Action::Idle, 0, 0});
}

void FloorArbiter::reportPositions(Actions &out) const
{
    for (qsizetype i = 0; i < m_queue.size(); ++i)
        out.append({Action::QueuePosition, m_queue.at(i).participant, int(i + 1)});
}

std::optional<qint64> FloorArbiter::nextDeadline(qint64 holderLastMediaMs) const
{
    switch (m_state) {
    case FloorState::Idle:
        return std::nullopt;
    case FloorState::PendingRevoke:
        return m_revokeDeadline;
    case FloorState::Taken:
        break;
    }
    const qint64 t1 = std::max(m_grantedAt, holderLastMediaMs) + m_config.t1Ms;
    const qint64 t2 = m_grantedAt + m_config.t2Ms;
    return std::min(t1, t2);
}

void FloorArbiter::onTimer(qint64 nowMs, qint64 holderLastMediaMs, Actions &out)
{
    if (m_state == FloorState::PendingRevoke) {
        if (nowMs >= m_revokeDeadline)
            floorFreed(nowMs, out);
        return;
    }
    if (m_state != FloorState::Taken)
        return;
    if (nowMs >= m_grantedAt + m_config.t2Ms) {
        m_state = FloorState::PendingRevoke;
        m_revokeDeadline = nowMs + m_config.revokeGraceMs;
        out.append({Action::Revoke, m_holder->participant, int(RevokeCause::MediaBurstTooLong)});
        return;
    }
    if (nowMs >= std::max(m_grantedAt, holderLastMediaMs) + m_config.t1Ms)
        floorFreed(nowMs, out);
}

} // namespace floorline::server
