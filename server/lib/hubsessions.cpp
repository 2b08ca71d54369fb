// SPDX-License-Identifier: Apache-2.0
// Hub: affiliation, ad-hoc and broadcast sessions, floor control.
#include "hub.h"

#include "core/protocol/clock.h"

#include <QLoggingCategory>
#include <QSet>

Q_DECLARE_LOGGING_CATEGORY(lcHub)
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
bool mayCreateSessions(proto::Role role)
{
    return role != proto::Role::Unit;
}
} // namespace

Session *Hub::sessionFor(Login &l, Connection *c, quint64 id, const QString &sessionId)
{
    const auto it = m_sessions.find(sessionId);
    if (it == m_sessions.end()) {
        c->sendError(id, ErrorCode::NotFound, QStringLiteral("no session '%1'").arg(sessionId));
        return nullptr;
    }
    if (!it->second->hasMember(l.id)) {
        c->sendError(id, ErrorCode::NotInSession,
                     QStringLiteral("you are not in session '%1'").arg(sessionId));
        return nullptr;
    }
    return it->second.get();
}

void Hub::join(Session &session, Login &login)
{
    if (session.hasMember(login.id))
        return;
    session.members.append(login.id);
    login.sessions.append(session.id);
    if (session.kind != SessionKind::Group)
        deliver(login, proto::SessionJoined {sessionInfo(session.id)});
    else if (const auto &holder = session.arbiter.holder()) {
        // Late entry: the joiner learns who talks now; media follows from the next packet.
        proto::FloorTaken taken {session.id,   holder->unit, holder->alias,
                                 holder->ssrc, holder->type, holder->priority};
        deliver(login, taken);
    }
}

void Hub::leave(Session &session, quint64 loginId, bool publish)
{
    FloorArbiter::Actions actions;
    session.arbiter.release(loginId, monotonicMs(), actions);
    session.members.removeOne(loginId);
    if (const auto it = m_logins.find(loginId); it != m_logins.end())
        it->second->sessions.removeOne(session.id);
    apply(session, actions);
    if (session.kind != SessionKind::Group) {
        if (loginId == session.ownerLogin || session.members.isEmpty()) {
            endSession(session.id,
                       loginId == session.ownerLogin ? QStringLiteral("the creator left")
                                                     : QStringLiteral("everyone left"));
            return; // session is gone
        }
        deliverToMembers(session, proto::SessionUpdated {sessionInfo(session.id)});
    }
    if (publish)
        publishRoutes();
}

void Hub::endSession(const QString &id, const QString &reason)
{
    const auto it = m_sessions.find(id);
    if (it == m_sessions.end())
        return;
    std::unique_ptr<Session> session = std::move(it->second);
    m_sessions.erase(it);
    QSet<QString> units;
    for (quint64 member : session->members) {
        if (const auto login = m_logins.find(member); login != m_logins.end()) {
            login->second->sessions.removeOne(id);
            deliver(*login->second, proto::SessionEnded {id, reason});
            units.insert(login->second->account->unit.id);
        }
    }
    publishRoutes();
    for (const QString &unit : units)
        broadcastStatus(unit);
    qCInfo(lcHub) << "session" << id << "ended:" << reason;
}

void Hub::handleAffiliate(Login &l, Connection *c, quint64 id, const proto::Affiliate &r)
{
    for (const QString &group : r.groups) {
        if (!m_groups.contains(group)) {
            c->sendError(id, ErrorCode::NotFound, QStringLiteral("no group '%1'").arg(group));
            return;
        }
        if (l.account->unit.role == proto::Role::Unit && !l.account->unit.groups.contains(group)) {
            ++m_stats.forbidden;
            c->sendError(id, ErrorCode::Forbidden,
                         QStringLiteral("unit is not a member of group '%1'").arg(group));
            return;
        }
    }
    proto::SessionList result;
    for (const QString &group : r.groups) {
        Session &session = *m_sessions.at(proto::groupSessionId(group));
        join(session, l);
        result.sessions.append(sessionInfo(session.id));
    }
    publishRoutes();
    c->sendResult(id, result.toJson());
}

void Hub::handleDeaffiliate(Login &l, Connection *c, quint64 id, const proto::Deaffiliate &r)
{
    for (const QString &group : r.groups) {
        const auto it = m_sessions.find(proto::groupSessionId(group));
        if (it != m_sessions.end() && it->second->hasMember(l.id))
            leave(*it->second, l.id, false);
    }
    publishRoutes();
    c->sendResult(id, {});
}

Session *Hub::createSession(SessionKind kind, const QString &name, Login &owner)
{
    const QString id = QStringLiteral("%1:%2")
                           .arg(kind == SessionKind::Broadcast ? QStringLiteral("broadcast")
                                                               : QStringLiteral("adhoc"))
                           .arg(m_nextSession++);
    auto session = std::make_unique<Session>(id, kind, name, m_config.floor);
    session->ownerUnit = owner.account->unit.id;
    session->ownerLogin = owner.id;
    Session *s = session.get();
    connect(&s->timer, &QTimer::timeout, this, [this, s] { onSessionTimer(*s); });
    m_sessions.emplace(id, std::move(session));
    join(*s, owner);
    return s;
}

proto::InviteResult Hub::invite(Session &session, const QStringList &units)
{
    // The invite planner (DESIGN.md M3): invite only units that are online, not already in this
    // conference and not busy in another one; report everyone else with the reason.
    proto::InviteResult result;
    QSet<QString> seen;
    for (const QString &unit : units) {
        if (seen.contains(unit))
            continue;
        seen.insert(unit);
        if (!m_accounts.contains(unit)) {
            result.skipped.append({unit, proto::SkipReason::Unknown, {}});
            continue;
        }
        const QList<quint64> logins = m_loginsByUnit.value(unit);
        bool member = false;
        for (quint64 login : logins)
            member = member || session.hasMember(login);
        if (member) {
            result.skipped.append({unit, proto::SkipReason::AlreadyMember, {}});
            continue;
        }
        if (logins.isEmpty()) {
            result.skipped.append({unit, proto::SkipReason::Offline, {}});
            continue;
        }
        QString busyIn;
        if (statusOf(unit, &busyIn) == proto::UnitStatus::Busy) {
            result.skipped.append({unit, proto::SkipReason::Busy, busyIn});
            continue;
        }
        for (quint64 login : logins)
            join(session, *m_logins.at(login));
        result.invited.append(unit);
    }
    publishRoutes();
    const proto::SessionInfo info = sessionInfo(session.id);
    deliverToMembers(session, proto::SessionUpdated {info});
    for (const QString &unit : result.invited)
        broadcastStatus(unit);
    result.session = info;
    return result;
}

void Hub::handleSessionCreate(Login &l, Connection *c, quint64 id, const proto::SessionCreate &r)
{
    if (!mayCreateSessions(l.account->unit.role)) {
        ++m_stats.forbidden;
        c->sendError(id, ErrorCode::Forbidden, QStringLiteral("units may not create sessions"));
        return;
    }
    QStringList units = r.units;
    QString name = r.name;
    if (r.kind == SessionKind::Broadcast) {
        if (!m_groups.contains(r.group)) {
            c->sendError(id, ErrorCode::NotFound, QStringLiteral("no group '%1'").arg(r.group));
            return;
        }
        // Every member of every group in the subtree, each once, in directory order.
        QSet<QString> subtree;
        QStringList pending {r.group};
        while (!pending.isEmpty()) {
            const QString g = pending.takeLast();
            subtree.insert(g);
            pending += m_children.value(g);
        }
        units.clear();
        for (const proto::Account &a : m_fleet.accounts) {
            for (const QString &g : a.unit.groups) {
                if (subtree.contains(g)) {
                    units.append(a.unit.id);
                    break;
                }
            }
        }
        if (name.isEmpty())
            name = QStringLiteral("Broadcast: ") + m_groups.value(r.group)->name;
    }
    Session *session = createSession(r.kind, name, l);
    units.removeAll(l.account->unit.id);
    const proto::InviteResult result = invite(*session, units);
    broadcastStatus(l.account->unit.id);
    c->sendResult(id, result.toJson());
}

void Hub::handleSessionInvite(Login &l, Connection *c, quint64 id, const proto::SessionInvite &r)
{
    Session *session = sessionFor(l, c, id, r.session);
    if (!session)
        return;
    if (session->kind != SessionKind::AdHoc) {
        c->sendError(id, ErrorCode::Forbidden,
                     QStringLiteral("units can be invited into ad-hoc sessions only"));
        return;
    }
    if (!mayCreateSessions(l.account->unit.role)) {
        ++m_stats.forbidden;
        c->sendError(id, ErrorCode::Forbidden, QStringLiteral("units may not invite"));
        return;
    }
    c->sendResult(id, invite(*session, r.units).toJson());
}

void Hub::handleSessionLeave(Login &l, Connection *c, quint64 id, const proto::SessionLeave &r)
{
    Session *session = sessionFor(l, c, id, r.session);
    if (!session)
        return;
    const QString unit = l.account->unit.id;
    leave(*session, l.id);
    broadcastStatus(unit);
    c->sendResult(id, {});
}

void Hub::handleSessionList(Login &l, Connection *c, quint64 id)
{
    proto::SessionList result;
    for (const QString &s : l.sessions)
        result.sessions.append(sessionInfo(s));
    c->sendResult(id, result.toJson());
}

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
    FloorArbiter::Actions actions;
    const auto result = outcomeCounted(
        session->arbiter.request(requester(l, r, *session), monotonicMs(), actions));
    // The answer goes first, so the requester hears Granted before anyone else hears Taken.
    c->sendResult(id, result.toJson());
    apply(*session, actions, l.id);
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
            deliverToMembers(
                session,
                proto::FloorTaken {session.id, h.unit, h.alias, h.ssrc, h.type, h.priority},
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
    if (holderChanged)
        publishRoutes();
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
