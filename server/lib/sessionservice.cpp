// SPDX-License-Identifier: Apache-2.0
#include "sessionservice.h"

#include "authorization.h"
#include "fleetindex.h"
#include "floorservice.h"
#include "logins.h"
#include "presence.h"
#include "reply.h"
#include "sessiontable.h"
#include "stats.h"
#include "supervisorfeed.h"

#include "core/protocol/clock.h"

#include <QLoggingCategory>
#include <QSet>

Q_LOGGING_CATEGORY(lcSessions, "floorline.server.sessions", QtInfoMsg)

namespace floorline::server {

using proto::ErrorCode;
using proto::SessionKind;

SessionService::SessionService(const FleetIndex &fleet, SessionTable &sessions, Logins &logins,
                               Presence &presence, FloorService &floors, SupervisorFeed &feed,
                               SignalingStats &stats, QObject *parent)
    : QObject(parent)
    , m_fleet(fleet)
    , m_sessions(sessions)
    , m_logins(logins)
    , m_presence(presence)
    , m_floors(floors)
    , m_feed(feed)
    , m_stats(stats)
{
    connect(&logins, &Logins::aboutToDrop, this, [this](Login *login) { leaveAll(*login); });
}

void SessionService::join(Session &session, Login &login)
{
    if (session.hasMember(login.id))
        return;
    session.members.append(login.id);
    login.sessions.append(session.id);
    m_feed.touchSession(session.id);
    m_feed.touchConsoles();
    // Late entry: the picture that rides the spurt now is the joiner's to fetch too.
    if (const auto &holder = session.arbiter.holder())
        m_floors.shareMedia(holder->media, {login.unit()});
    if (session.kind != SessionKind::Group)
        m_logins.deliver(login, proto::SessionJoined {m_sessions.info(session.id)});
    if (const auto &holder = session.arbiter.holder()) {
        // Late entry: the joiner learns who talks now, and the talk's key; media follows from
        // the next packet. (A call's snapshot names the talker too, but never carries keys.)
        proto::FloorTaken taken {
            session.id,   holder->unit,     holder->alias, holder->ssrc,
            holder->type, holder->priority, holder->media, m_floors.talkKey(holder->participant)};
        m_logins.deliver(login, taken);
    }
}

void SessionService::leave(Session &session, quint64 loginId, bool publish)
{
    FloorArbiter::Actions actions;
    session.arbiter.release(loginId, monotonicMs(), actions);
    session.members.removeOne(loginId);
    if (Login *login = m_logins.find(loginId))
        login->sessions.removeOne(session.id);
    // After the member is gone: the one leaving does not hear the floor go idle.
    m_floors.apply(session, actions);
    if (session.kind != SessionKind::Group) {
        if (loginId == session.ownerLogin || session.members.isEmpty()) {
            end(session.id,
                loginId == session.ownerLogin ? QStringLiteral("the creator left")
                                              : QStringLiteral("everyone left"));
            return; // the session is gone
        }
        m_logins.deliverTo(session.members, proto::SessionUpdated {m_sessions.info(session.id)});
    }
    if (publish)
        m_sessions.publishRoutes();
}

void SessionService::leaveAll(Login &login)
{
    for (const QString &id : QStringList(login.sessions)) {
        if (Session *session = m_sessions.find(id))
            leave(*session, login.id, false);
    }
}

void SessionService::end(const QString &id, const QString &reason)
{
    std::unique_ptr<Session> session = m_sessions.take(id);
    if (!session)
        return;
    m_feed.floorMoved(id, {});
    m_feed.touchSession(id);
    m_feed.touchConsoles();
    QSet<QString> units;
    for (quint64 member : session->members) {
        if (Login *login = m_logins.find(member)) {
            login->sessions.removeOne(id);
            m_logins.deliver(*login, proto::SessionEnded {id, reason});
            units.insert(login->unit());
        }
    }
    m_sessions.publishRoutes();
    for (const QString &unit : units)
        m_presence.broadcast(unit);
    qCInfo(lcSessions) << "session" << id << "ended:" << reason;
}

void SessionService::handle(Login &l, Reply &reply, const Grant &grant, const proto::Affiliate &r)
{
    for (const QString &group : r.groups) {
        if (!m_fleet.hasGroup(group)) {
            reply.fail(ErrorCode::NotFound, QStringLiteral("no group '%1'").arg(group));
            return;
        }
        if (grant.ownOnly && !l.account->unit.groups.contains(group)) {
            reply.fail(ErrorCode::Forbidden,
                       QStringLiteral("unit is not a member of group '%1'").arg(group));
            return;
        }
    }
    proto::SessionList result;
    for (const QString &group : r.groups) {
        Session &session = *m_sessions.group(group);
        join(session, l);
        result.sessions.append(m_sessions.info(session.id));
    }
    m_sessions.publishRoutes();
    reply.ok(result.toJson());
}

void SessionService::handle(Login &l, Reply &reply, const proto::Deaffiliate &r)
{
    for (const QString &group : r.groups) {
        if (Session *session = m_sessions.group(group); session && session->hasMember(l.id))
            leave(*session, l.id, false);
    }
    m_sessions.publishRoutes();
    reply.ok();
}

QStringList SessionService::broadcastAudience(const QString &group) const
{
    const QSet<QString> subtree = m_fleet.subtree(group);
    QStringList units;
    for (const proto::Account &a : m_fleet.accounts()) {
        for (const QString &g : a.unit.groups) {
            if (subtree.contains(g)) {
                units.append(a.unit.id);
                break;
            }
        }
    }
    return units;
}

proto::InviteResult SessionService::invite(Session &session, const QStringList &units)
{
    // The invite planner (DESIGN.md M3): invite only units that are online, not already in this
    // conference and not busy in another one; report everyone else with the reason.
    proto::InviteResult result;
    QSet<QString> seen;
    for (const QString &unit : units) {
        if (seen.contains(unit))
            continue;
        seen.insert(unit);
        if (!m_fleet.account(unit)) {
            result.skipped.append({unit, proto::SkipReason::Unknown, {}});
            continue;
        }
        const QList<quint64> logins = m_logins.ofUnit(unit);
        const bool member = std::any_of(logins.cbegin(), logins.cend(),
                                        [&](quint64 login) { return session.hasMember(login); });
        if (member) {
            result.skipped.append({unit, proto::SkipReason::AlreadyMember, {}});
            continue;
        }
        if (logins.isEmpty()) {
            result.skipped.append({unit, proto::SkipReason::Offline, {}});
            continue;
        }
        QString busyIn;
        if (m_presence.statusOf(unit, &busyIn) == proto::UnitStatus::Busy) {
            result.skipped.append({unit, proto::SkipReason::Busy, busyIn});
            continue;
        }
        for (quint64 login : logins)
            join(session, *m_logins.find(login));
        result.invited.append(unit);
    }
    m_sessions.publishRoutes();
    const proto::SessionInfo info = m_sessions.info(session.id);
    m_logins.deliverTo(session.members, proto::SessionUpdated {info});
    for (const QString &unit : result.invited)
        m_presence.broadcast(unit);
    result.session = info;
    m_stats.unitsInvited += uint64_t(result.invited.size());
    m_stats.unitsSkipped += uint64_t(result.skipped.size());
    return result;
}

void SessionService::handle(Login &l, Reply &reply, const proto::SessionCreate &r)
{
    QStringList units = r.units;
    QString name = r.name;
    if (r.kind == SessionKind::Broadcast) {
        if (!m_fleet.hasGroup(r.group)) {
            reply.fail(ErrorCode::NotFound, QStringLiteral("no group '%1'").arg(r.group));
            return;
        }
        units = broadcastAudience(r.group);
        if (name.isEmpty())
            name = QStringLiteral("Broadcast: ") + m_fleet.groups().value(r.group)->name;
    }
    Session &session = m_sessions.create(r.kind, name, l);
    join(session, l);
    ++m_stats.sessionsCreated;
    units.removeAll(l.unit());
    const proto::InviteResult result = invite(session, units);
    m_presence.broadcast(l.unit());
    reply.ok(result.toJson());
}

void SessionService::handle(Login &l, Reply &reply, const proto::SessionInvite &r)
{
    Session *session = m_sessions.memberSession(l, reply, r.session);
    if (!session)
        return;
    if (session->kind != SessionKind::AdHoc) {
        reply.fail(ErrorCode::Forbidden,
                   QStringLiteral("units can be invited into ad-hoc sessions only"));
        return;
    }
    ++m_stats.invitations;
    reply.ok(invite(*session, r.units).toJson());
}

void SessionService::handle(Login &l, Reply &reply, const proto::SessionLeave &r)
{
    Session *session = m_sessions.memberSession(l, reply, r.session);
    if (!session)
        return;
    const QString unit = l.unit();
    leave(*session, l.id);
    m_presence.broadcast(unit);
    reply.ok();
}

void SessionService::handle(Login &l, Reply &reply, const proto::SessionListGet &r)
{
    proto::SessionList result;
    if (!r.all) {
        for (const QString &s : l.sessions)
            result.sessions.append(m_sessions.info(s));
        reply.ok(result.toJson());
        return;
    }
    // Every call, the sessions we are in, and every group whose floor is taken or queued.
    for (const auto &[sid, session] : m_sessions.all()) {
        const bool live = session->kind != SessionKind::Group || l.sessions.contains(sid)
            || session->arbiter.state() != proto::FloorState::Idle;
        if (live)
            result.sessions.append(m_sessions.info(sid));
    }
    reply.ok(result.toJson());
}

void SessionService::handle(Login &l, Reply &reply, const proto::SessionJoin &r)
{
    Session *session = m_sessions.find(r.session);
    if (!session) {
        reply.fail(ErrorCode::NotFound, QStringLiteral("no session '%1'").arg(r.session));
        return;
    }
    if (session->kind == SessionKind::Group) {
        reply.fail(ErrorCode::BadMessage,
                   QStringLiteral("a talk group is monitored with affiliate, not joined"));
        return;
    }
    reply.ok();
    if (session->hasMember(l.id))
        return;
    join(*session, l);
    m_sessions.publishRoutes();
    m_logins.deliverTo(session->members, proto::SessionUpdated {m_sessions.info(session->id)},
                       l.id);
    m_presence.broadcast(l.unit());
}

} // namespace floorline::server
