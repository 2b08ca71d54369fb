// SPDX-License-Identifier: Apache-2.0
#include "floorservice.h"

#include "core/net/srtp.h"

#include "authorization.h"
#include "emergencyservice.h"
#include "logins.h"
#include "mediastore.h"
#include "recording/recordingservice.h"
#include "reply.h"
#include "sessiontable.h"
#include "stats.h"
#include "supervisorfeed.h"

#include "core/protocol/clock.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcFloor, "floorline.server.floor", QtInfoMsg)

namespace floorline::server {

using proto::ErrorCode;

FloorService::FloorService(SessionTable &sessions, Logins &logins, SupervisorFeed &feed,
                           SignalingStats &stats, bool srtp, QObject *parent)
    : QObject(parent)
    , m_sessions(sessions)
    , m_logins(logins)
    , m_feed(feed)
    , m_stats(stats)
    , m_srtp(srtp)
{
    const auto watchTimer = [this](Session *s) {
        connect(&s->timer, &QTimer::timeout, this, [this, s] { onTimer(*s); });
    };
    for (const auto &[id, session] : sessions.all())
        watchTimer(session.get());
    connect(&sessions, &SessionTable::added, this, watchTimer);
    connect(&logins, &Logins::detached, this, [this](Login *login) { releaseAll(*login); });
}

FloorArbiter::Requester FloorService::requester(const Login &l, const proto::FloorRequest &r,
                                                const Session &s) const
{
    FloorArbiter::Requester q;
    q.participant = l.id;
    q.unit = l.unit();
    q.alias = l.account->unit.alias;
    q.ssrc = l.ssrc;
    q.priority = std::min(r.priority, Authorization::maxPriority(Authorization::callerOf(l)));
    q.type = r.type;
    q.media = r.media;
    // A broadcast is one-way: only its creator talks.
    q.receiveOnly = s.kind == proto::SessionKind::Broadcast && l.id != s.ownerLogin;
    return q;
}

void FloorService::count(proto::FloorOutcome outcome)
{
    switch (outcome) {
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
}

void FloorService::handle(Login &l, Reply &reply, const proto::FloorRequest &r)
{
    Session *session = m_sessions.memberSession(l, reply, r.session);
    if (!session)
        return;
    if (!r.media.isEmpty() && (!m_media || !m_media->media(r.media))) {
        // Receivers would wait for an item that does not exist: refuse before arbitrating.
        ++m_stats.mediaRefused;
        reply.fail(ErrorCode::NotFound, MediaStore::errorText(MediaError::UnknownMedia));
        return;
    }
    if (!r.media.isEmpty())
        shareMedia(r.media, m_sessions.info(session->id).members);
    FloorArbiter::Actions actions;
    // A holder that asks again (a lost answer) is told the key it talks under, not a new one:
    // its listeners got that one with Floor Taken, and no new Floor Taken follows a repeat.
    const bool repeat = session->arbiter.holder() && session->arbiter.holder()->participant == l.id;
    auto result = session->arbiter.request(requester(l, r, *session), monotonicMs(), actions);
    count(result.outcome);
    if (result.outcome == proto::FloorOutcome::Granted)
        result.key = repeat ? talkKey(l.id) : startTalk(*session, l.id);
    // The answer is written before any event, so this connection sees Granted before the
    // Floor Taken or Queue Position Info its own request caused (docs/protocol.md §2.4).
    reply.ok(result.toJson());
    apply(*session, actions, l.id);
    // A unit's emergency call is also its emergency alert, whatever the floor did with it
    // (docs/protocol.md §5.1, §11.1).
    if (r.type == proto::FloorType::Emergency && !l.isConsole() && m_emergencies)
        m_emergencies->onEmergencyFloorRequest(*l.account, session->group, session->id);
    qCDebug(lcFloor) << session->id << l.unit()
                     << "request:" << proto::enumName(proto::kFloorOutcomes, result.outcome);
}

void FloorService::handle(Login &l, Reply &reply, const proto::FloorRelease &r)
{
    Session *session = m_sessions.memberSession(l, reply, r.session);
    if (!session)
        return;
    FloorArbiter::Actions actions;
    session->arbiter.release(l.id, monotonicMs(), actions);
    reply.ok();
    apply(*session, actions);
}

void FloorService::handle(Login &l, Reply &reply, const proto::QueuePositionRequest &r)
{
    if (Session *session = m_sessions.memberSession(l, reply, r.session))
        reply.ok(proto::QueuePosition {r.session, session->arbiter.positionOf(l.id)}.toJson());
}

void FloorService::shareMedia(const QString &media, const QStringList &units)
{
    if (m_media && !media.isEmpty())
        m_media->grant(media, units);
}

void FloorService::release(Session &session, quint64 login)
{
    FloorArbiter::Actions actions;
    session.arbiter.release(login, monotonicMs(), actions);
    apply(session, actions);
}

void FloorService::releaseAll(Login &login)
{
    for (const QString &id : QStringList(login.sessions)) {
        if (Session *session = m_sessions.find(id))
            release(*session, login.id);
    }
}

void FloorService::apply(Session &session, const FloorArbiter::Actions &actions, quint64 quietFor)
{
    bool holderChanged = false;
    for (const FloorArbiter::Action &a : actions) {
        switch (a.kind) {
        case FloorArbiter::Action::Granted: {
            const auto &holder = session.arbiter.holder();
            ++m_stats.floorGranted;
            m_logins.deliver(a.participant,
                             proto::FloorGranted {session.id, a.value, holder->type,
                                                  holder->priority,
                                                  startTalk(session, a.participant)});
            break;
        }
        case FloorArbiter::Action::Taken: {
            holderChanged = true;
            const auto &h = *session.arbiter.holder();
            m_logins.deliverTo(session.members,
                               proto::FloorTaken {session.id, h.unit, h.alias, h.ssrc, h.type,
                                                  h.priority, h.media, talkKey(h.participant)},
                               a.participant);
            break;
        }
        case FloorArbiter::Action::Idle:
            holderChanged = true;
            m_logins.deliverTo(session.members, proto::FloorIdle {session.id});
            break;
        case FloorArbiter::Action::Revoke:
            ++m_stats.floorRevoked;
            m_logins.deliver(a.participant,
                             proto::FloorRevoke {session.id, a.value,
                                                 proto::describe(proto::RevokeCause(a.value))});
            break;
        case FloorArbiter::Action::Deny:
            m_logins.deliver(
                a.participant,
                proto::FloorDeny {session.id, a.value, proto::describe(proto::DenyCause(a.value))});
            break;
        case FloorArbiter::Action::QueuePosition:
            if (a.participant != quietFor)
                m_logins.deliver(a.participant, proto::QueuePositionInfo {{session.id, a.value}});
            break;
        }
    }
    if (holderChanged) {
        // The recording starts before the relay taps the new holder's packets.
        if (m_recordings)
            m_recordings->floorMoved(session);
        m_sessions.publishRoutes();
        const auto &holder = session.arbiter.holder();
        m_feed.floorMoved(session.id, holder ? holder->unit : QString());
    }
    // Every arbiter change comes through here: the queue may have moved without an action.
    m_feed.touchSession(session.id);
    m_feed.touchConsoles();
    armTimer(session);
}

QString FloorService::startTalk(Session &session, quint64 participant)
{
    Login *login = m_logins.find(participant);
    if (!m_srtp || !login)
        return {};
    const bool talking
        = std::any_of(login->sessions.cbegin(), login->sessions.cend(), [&](const QString &id) {
              const Session *other = m_sessions.find(id);
              return other && other != &session && other->arbiter.holder()
                  && other->arbiter.holder()->participant == participant;
          });
    if (!talking || login->talkKey.isEmpty())
        login->talkKey = srtp::randomKey();
    return QString::fromLatin1(login->talkKey.toHex());
}

QString FloorService::talkKey(quint64 holder) const
{
    const Login *login = m_srtp ? m_logins.find(holder) : nullptr;
    return login ? QString::fromLatin1(login->talkKey.toHex()) : QString();
}

qint64 FloorService::lastMediaOfHolder(const Session &session) const
{
    const auto &holder = session.arbiter.holder();
    if (!holder)
        return 0;
    const Login *login = m_logins.find(holder->participant);
    return login ? login->lastMediaMs->load(std::memory_order_relaxed) : 0;
}

void FloorService::armTimer(Session &session)
{
    const auto deadline = session.arbiter.nextDeadline(lastMediaOfHolder(session));
    if (!deadline) {
        session.timer.stop();
        return;
    }
    session.timer.start(int(std::max<qint64>(0, *deadline - monotonicMs())));
}

void FloorService::onTimer(Session &session)
{
    FloorArbiter::Actions actions;
    session.arbiter.onTimer(monotonicMs(), lastMediaOfHolder(session), actions);
    apply(session, actions);
}

} // namespace floorline::server
