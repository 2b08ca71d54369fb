// SPDX-License-Identifier: Apache-2.0
// Hub: floor control — requests, releases, the arbiter's actions and its timers.
#include "hub.h"

#include "core/protocol/clock.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcFloor, "floorline.server.floor", QtInfoMsg)

namespace floorline::server {

using proto::ErrorCode;
using proto::SessionKind;

namespace {
/// Highest priority level each role may request (docs/protocol.md §5.1).
int maxPriority(proto::Role role)
{
    return role == proto::Role::Unit ? 7 : 15;
}
} // namespace

FloorArbiter::Requester Hub::requester(const Login &l, const proto::FloorRequest &r,
                                       const Session &s) const
{
    FloorArbiter::Requester q;
    q.participant = l.id;
    q.unit = l.account->unit.id;
    q.alias = l.account->unit.alias;
    q.ssrc = l.ssrc;
    q.priority = std::min(r.priority, maxPriority(l.account->unit.role));
    q.type = r.type;
    q.media = r.media;
    // A broadcast is one-way: only its creator talks.
    q.receiveOnly = s.kind == SessionKind::Broadcast && l.id != s.ownerLogin;
    return q;
}

proto::FloorRequestResult Hub::outcomeCounted(const proto::FloorRequestResult &result)
{
    switch (result.outcome) {
    case proto::FloorOutcome::Granted:
        ++m_stats.floorGranted;
        break;
    case proto::FloorOutcome::Queued:
        ++m_stats.floorQueued;
        break;
    case proto::FloorOutcome::Denied:
        ++m_stats.floorDenied;
        break;
    }
    return result;
}

void Hub::handleFloorRequest(Login &l, Connection *c, quint64 id, const proto::FloorRequest &r)
{
    Session *session = sessionFor(l, c, id, r.session);
    if (!session)
        return;
    if (!r.media.isEmpty() && (!m_media || !m_media->media(r.media))) {
        // Receivers would wait for an item that does not exist: refuse before arbitrating.
        ++m_stats.mediaRefused;
        c->sendError(id, ErrorCode::NotFound, MediaStore::errorText(MediaError::UnknownMedia));
        return;
    }
    FloorArbiter::Actions actions;
    const auto result = outcomeCounted(
        session->arbiter.request(requester(l, r, *session), monotonicMs(), actions));
    // The answer is written before any event, so this connection sees Granted before the
    // Floor Taken or Queue Position Info its own request caused (docs/protocol.md §2.4).
    c->sendResult(id, result.toJson());
    apply(*session, actions, l.id);
    // A unit's emergency call is also its emergency alert, whatever the floor did with it
    // (docs/protocol.md §5.1, §11.1).
    if (r.type == proto::FloorType::Emergency && l.account->unit.role == proto::Role::Unit
        && m_emergencies)
        m_emergencies->onEmergencyFloorRequest(*l.account, session->group, session->id);
    qCDebug(lcFloor) << session->id << l.account->unit.id
                     << "request:" << proto::enumName(proto::kFloorOutcomes, result.outcome);
}

void Hub::handleFloorRelease(Login &l, Connection *c, quint64 id, const proto::FloorRelease &r)
{
    Session *session = sessionFor(l, c, id, r.session);
    if (!session)
        return;
    FloorArbiter::Actions actions;
    session->arbiter.release(l.id, monotonicMs(), actions);
    c->sendResult(id, {});
    apply(*session, actions);
}

void Hub::handleQueuePosition(Login &l, Connection *c, quint64 id,
                              const proto::QueuePositionRequest &r)
{
    Session *session = sessionFor(l, c, id, r.session);
    if (!session)
        return;
    c->sendResult(id, proto::QueuePosition {r.session, session->arbiter.positionOf(l.id)}.toJson());
}

void Hub::releaseFloors(Login &login)
{
    const qint64 now = monotonicMs();
    for (const QString &id : QStringList(login.sessions)) {
        const auto it = m_sessions.find(id);
        if (it == m_sessions.end())
            continue;
        FloorArbiter::Actions actions;
        it->second->arbiter.release(login.id, now, actions);
        apply(*it->second, actions);
    }
}

void Hub::apply(Session &session, const FloorArbiter::Actions &actions, quint64 quietFor)
{
    bool holderChanged = false;
    for (const FloorArbiter::Action &a : actions) {
        switch (a.kind) {
        case FloorArbiter::Action::Granted: {
            const auto &holder = session.arbiter.holder();
            ++m_stats.floorGranted;
            deliver(a.participant,
                    proto::FloorGranted {session.id, a.value, holder->type, holder->priority});
            break;
        }
        case FloorArbiter::Action::Taken: {
            holderChanged = true;
            const auto &h = *session.arbiter.holder();
            deliverToMembers(session,
                             proto::FloorTaken {session.id, h.unit, h.alias, h.ssrc, h.type,
                                                h.priority, h.media},
                             a.participant);
            break;
        }
        case FloorArbiter::Action::Idle:
            holderChanged = true;
            deliverToMembers(session, proto::FloorIdle {session.id});
            break;
        case FloorArbiter::Action::Revoke:
            ++m_stats.floorRevoked;
            deliver(a.participant,
                    proto::FloorRevoke {session.id, a.value,
                                        proto::describe(proto::RevokeCause(a.value))});
            break;
        case FloorArbiter::Action::Deny:
            deliver(
                a.participant,
                proto::FloorDeny {session.id, a.value, proto::describe(proto::DenyCause(a.value))});
            break;
        case FloorArbiter::Action::QueuePosition:
            if (a.participant != quietFor)
                deliver(a.participant, proto::QueuePositionInfo {{session.id, a.value}});
            break;
        }
    }
    if (holderChanged) {
        publishRoutes();
        const auto &holder = session.arbiter.holder();
        m_supervisors.floorMoved(session.id, holder ? holder->unit : QString());
    }
    // Every arbiter change comes through here: the queue may have moved without an action.
    m_supervisors.touchSession(session.id);
    m_supervisors.touchConsoles();
    armTimer(session);
}

qint64 Hub::lastMediaOfHolder(const Session &session) const
{
    const auto &holder = session.arbiter.holder();
    if (!holder)
        return 0;
    const auto it = m_logins.find(holder->participant);
    return it == m_logins.end() ? 0 : it->second->lastMediaMs->load(std::memory_order_relaxed);
}

void Hub::armTimer(Session &session)
{
    const auto deadline = session.arbiter.nextDeadline(lastMediaOfHolder(session));
    if (!deadline) {
        session.timer.stop();
        return;
    }
    session.timer.start(int(std::max<qint64>(0, *deadline - monotonicMs())));
}

void Hub::onSessionTimer(Session &session)
{
    FloorArbiter::Actions actions;
    session.arbiter.onTimer(monotonicMs(), lastMediaOfHolder(session), actions);
    apply(session, actions);
}

} // namespace floorline::server
