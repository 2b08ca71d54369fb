// SPDX-License-Identifier: Apache-2.0
// Hub: affiliation, ad-hoc and broadcast sessions, floor control.
#include "hub.h"

#include "core/protocol/clock.h"

#include <QLoggingCategory>
#include <QSet>

Q_DECLARE_LOGGING_CATEGORY(lcHub)

namespace floorline::server {

using proto::ErrorCode;
using proto::SessionKind;

namespace {
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
    m_supervisors.touchSession(session.id);
    m_supervisors.touchConsoles();
    if (session.kind != SessionKind::Group)
        deliver(login, proto::SessionJoined {sessionInfo(session.id)});
    else if (const auto &holder = session.arbiter.holder()) {
        // Late entry: the joiner learns who talks now; media follows from the next packet.
        proto::FloorTaken taken {session.id,   holder->unit,     holder->alias, holder->ssrc,
                                 holder->type, holder->priority, holder->media};
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
    m_supervisors.floorMoved(id, {});
    m_supervisors.touchSession(id);
    m_supervisors.touchConsoles();
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
    m_stats.unitsInvited += uint64_t(result.invited.size());
    m_stats.unitsSkipped += uint64_t(result.skipped.size());
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
    ++m_stats.sessionsCreated;
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
    ++m_stats.invitations;
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

void Hub::handleSessionList(Login &l, Connection *c, quint64 id, const proto::SessionListGet &r)
{
    proto::SessionList result;
    if (!r.all) {
        for (const QString &s : l.sessions)
            result.sessions.append(sessionInfo(s));
        c->sendResult(id, result.toJson());
        return;
    }
    if (l.account->unit.role == proto::Role::Unit) {
        ++m_stats.forbidden;
        c->sendError(id, ErrorCode::Forbidden,
                     QStringLiteral("only dispatchers and supervisors may list every session"));
        return;
    }
    // Every call, the sessions we are in, and every group whose floor is taken or queued.
    for (const auto &[sid, session] : m_sessions) {
        const bool live = session->kind != proto::SessionKind::Group || l.sessions.contains(sid)
            || session->arbiter.state() != proto::FloorState::Idle;
        if (live)
            result.sessions.append(sessionInfo(sid));
    }
    c->sendResult(id, result.toJson());
}

} // namespace floorline::server
