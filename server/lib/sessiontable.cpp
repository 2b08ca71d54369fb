// SPDX-License-Identifier: Apache-2.0
#include "sessiontable.h"

#include "recording/recordingservice.h"

#include "fleetindex.h"
#include "logins.h"
#include "reply.h"
#include "server/relay/rtprelay.h"

#include <QSet>

namespace floorline::server {

using proto::ErrorCode;

SessionTable::SessionTable(const FleetIndex &fleet, const Logins &logins, RtpRelay &relay,
                           FloorArbiter::Config floor, QObject *parent)
    : QObject(parent)
    , m_logins(logins)
    , m_relay(relay)
    , m_floor(floor)
{
    for (const proto::GroupInfo &g : fleet.groupList()) {
        auto session = std::make_unique<Session>(proto::groupSessionId(g.id),
                                                 proto::SessionKind::Group, g.name, floor);
        session->group = g.id;
        add(std::move(session));
    }
}

SessionTable::~SessionTable() = default;

Session &SessionTable::add(std::unique_ptr<Session> session)
{
    Session &s = *session;
    m_sessions.emplace(s.id, std::move(session));
    Q_EMIT added(&s);
    return s;
}

Session *SessionTable::find(const QString &id)
{
    const auto it = m_sessions.find(id);
    return it == m_sessions.end() ? nullptr : it->second.get();
}

const Session *SessionTable::find(const QString &id) const
{
    const auto it = m_sessions.find(id);
    return it == m_sessions.end() ? nullptr : it->second.get();
}

Session &SessionTable::create(proto::SessionKind kind, const QString &name, const Login &owner)
{
    const QString id = QStringLiteral("%1:%2")
                           .arg(kind == proto::SessionKind::Broadcast ? QStringLiteral("broadcast")
                                                                      : QStringLiteral("adhoc"))
                           .arg(m_next++);
    auto session = std::make_unique<Session>(id, kind, name, m_floor);
    session->ownerUnit = owner.unit();
    session->ownerLogin = owner.id;
    return add(std::move(session));
}

std::unique_ptr<Session> SessionTable::take(const QString &id)
{
    const auto it = m_sessions.find(id);
    if (it == m_sessions.end())
        return nullptr;
    std::unique_ptr<Session> session = std::move(it->second);
    m_sessions.erase(it);
    if (m_recordings)
        m_recordings->sessionEnded(id);
    return session;
}

Session *SessionTable::memberSession(const Login &login, Reply &reply, const QString &id)
{
    Session *session = find(id);
    if (!session) {
        reply.fail(ErrorCode::NotFound, QStringLiteral("no session '%1'").arg(id));
        return nullptr;
    }
    if (!session->hasMember(login.id)) {
        reply.fail(ErrorCode::NotInSession, QStringLiteral("you are not in session '%1'").arg(id));
        return nullptr;
    }
    return session;
}

proto::SessionInfo SessionTable::info(const QString &id) const
{
    proto::SessionInfo info;
    const Session *found = find(id);
    if (!found)
        return info;
    const Session &s = *found;
    info.id = s.id;
    info.kind = s.kind;
    info.name = s.name;
    info.owner = s.ownerUnit;
    // One entry per account (an account may be logged in twice); a set keeps a big group's
    // snapshot linear (supervisors get one per change).
    QSet<QString> seen;
    seen.reserve(s.members.size());
    for (quint64 member : s.members) {
        const QString &unit = m_logins.find(member)->unit();
        if (!seen.contains(unit)) {
            seen.insert(unit);
            info.members.append(unit);
        }
    }
    info.floor.state = s.arbiter.state();
    info.floor.queued = int(s.arbiter.queue().size());
    if (const auto &holder = s.arbiter.holder()) {
        info.floor.talker = holder->unit;
        info.floor.alias = holder->alias;
        info.floor.ssrc = holder->ssrc;
        info.floor.type = holder->type;
        info.floor.priority = holder->priority;
        info.floor.media = holder->media;
    }
    return info;
}

void SessionTable::publishRoutes()
{
    auto routes = std::make_shared<RtpRelay::Routes>();
    routes->bindings = m_logins.bindings();
    for (const auto &[id, session] : m_sessions) {
        const auto &holder = session->arbiter.holder();
        if (!holder)
            continue;
        auto &destinations = routes->forwards[holder->ssrc];
        for (quint64 member : session->members) {
            const Login *login = m_logins.find(member);
            if (!login || login->ssrc == holder->ssrc)
                continue;
            if (std::find(destinations.begin(), destinations.end(), login->ssrc)
                == destinations.end())
                destinations.push_back(login->ssrc);
        }
    }
    if (m_recordings)
        routes->recorded = m_recordings->recordedSsrcs();
    m_relay.publish(std::move(routes));
}

} // namespace floorline::server
