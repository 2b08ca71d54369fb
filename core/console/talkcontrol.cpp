// SPDX-License-Identifier: Apache-2.0
#include "talkcontrol.h"

#include "activitylogmodel.h"
#include "grouptreemodel.h"
#include "medialibrary.h"
#include "sessionids.h"

#include "core/media/voiceengine.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QMetaEnum>

// Every push-to-talk state change, for field diagnosis and the desktop tests (debug: off).
namespace floorline::console {

Q_LOGGING_CATEGORY(lcTalk, "floorline.console.talk", QtInfoMsg)

namespace {
qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}
/// The highest priority a dispatcher has: an emergency pre-empts (docs/protocol.md §5.1).
constexpr int kEmergencyPriority = 15;
/// A console's everyday talk: above every radio (units are capped at 7, §5.1), so a radio
/// never cuts a dispatcher off mid-sentence, and a dispatcher's press takes the floor from a
/// talking radio, as dispatch consoles do (console priority). Two consoles are equal: the
/// second waits in the queue.
constexpr int kConsolePriority = 8;
} // namespace

TalkControl::TalkControl(Context context, QObject *parent)
    : QObject(parent)
    , m_ctx(std::move(context))
{ }

QStringList TalkControl::targets() const
{
    QStringList names;
    if (!m_pressedOn.isEmpty()) {
        for (const QString &s : m_pressedOn)
            names << m_ctx.sessionName(s);
        return names;
    }
    for (const QString &g : m_ctx.groups.selectedGroups())
        names << m_ctx.groups.nameOf(g);
    return names;
}

void TalkControl::press(bool emergency)
{
    if (m_online && m_ctx.groups.selectedGroups().isEmpty()) {
        if (m_state == TalkState::Idle || m_state == TalkState::Denied)
            set(TalkState::Denied, tr("Select a group to talk to"));
        return;
    }
    QStringList sessions;
    for (const QString &g : m_ctx.groups.selectedGroups())
        sessions << proto::groupSessionId(g);
    request(sessions, emergency);
}

void TalkControl::pressOn(const QString &session)
{
    request({session}, false);
}

void TalkControl::request(const QStringList &sessions, bool emergency)
{
    if (m_state == TalkState::Granted || m_state == TalkState::Requesting
        || m_state == TalkState::Queued)
        return; // key bounce or a second button: one press, one request
    if (!m_online) {
        set(TalkState::Denied, tr("Not connected"));
        return;
    }
    m_pressedOn = sessions;
    m_emergency = emergency;
    set(TalkState::Requesting);
    const int priority = emergency ? kEmergencyPriority : kConsolePriority;
    const proto::FloorType type
        = emergency ? proto::FloorType::Emergency : proto::FloorType::Normal;
    // An armed item goes with this one spurt, to every group it is addressed to.
    const QString media = m_ctx.library.takeArmed();
    for (const QString &session : sessions) {
        m_talkSessions.insert(session);
        m_ctx.client.send(proto::FloorRequest {session, priority, type, media},
                          [this, session, type](const Reply<proto::FloorRequestResult> &reply) {
                              onResult(session, type, reply);
                          });
    }
    Q_EMIT targetsChanged();
}

void TalkControl::onResult(const QString &session, proto::FloorType type,
                           const Reply<proto::FloorRequestResult> &reply)
{
    if (!m_talkSessions.contains(session)) {
        // Released before the answer came: give back a floor we no longer want.
        if (reply.ok() && reply.value->outcome != proto::FloorOutcome::Denied)
            m_ctx.client.send(proto::FloorRelease {session});
        return;
    }
    if (!reply.ok()) {
        m_talkSessions.remove(session);
        if (m_talkSessions.isEmpty())
            set(TalkState::Denied, reply.error.message);
        return;
    }
    switch (reply.value->outcome) {
    case proto::FloorOutcome::Granted:
        handle(proto::FloorGranted {session, reply.value->duration, type, 0, reply.value->key});
        break;
    case proto::FloorOutcome::Queued:
        handle(proto::QueuePositionInfo {{session, reply.value->position}});
        if (m_ctx.voice && m_state == TalkState::Queued)
            m_ctx.voice->playTone(media::Tone::Queued, media::Route::Headset);
        break;
    case proto::FloorOutcome::Denied:
        handle(proto::FloorDeny {session, reply.value->cause, reply.value->reason});
        break;
    }
}

bool TalkControl::handle(const proto::Event &event)
{
    if (const auto *idle = std::get_if<proto::FloorIdle>(&event)) {
        // The server ended our talk without a revoke (T1: no voice reached it, a dead
        // microphone): the button must not go on saying ON AIR.
        if (m_granted.remove(idle->session)) {
            m_ctx.activity.ended(idle->session, nowMs());
            m_ctx.groups.clearTalker(groupOf(idle->session));
            m_talkSessions.remove(idle->session);
            if (m_granted.isEmpty()) {
                stopSending();
                if (m_ctx.voice)
                    m_ctx.voice->playTone(media::Tone::Deny, media::Route::Headset);
                set(TalkState::Denied, tr("The talk was ended: no voice reached the server"), 0,
                    true);
            }
        }
        return false; // the floor view shows the session idle too
    }
    if (const auto *granted = std::get_if<proto::FloorGranted>(&event)) {
        if (!m_talkSessions.contains(granted->session))
            return true;
        m_ctx.groups.setQueuePosition(groupOf(granted->session), 0);
        const bool first = m_granted.isEmpty();
        m_granted.insert(granted->session);
        const qint64 now = nowMs();
        m_ctx.activity.started(granted->session, m_ctx.sessionName(granted->session), m_ctx.self(),
                               granted->type == proto::FloorType::Emergency, now);
        // Our own row names us while we talk (the server tells the others, not us).
        m_ctx.groups.setTalker(groupOf(granted->session), m_ctx.self(),
                               granted->type == proto::FloorType::Emergency, now);
        if (first) {
            m_grantedAt = now;
            m_endsAt = granted->duration > 0 ? now + qint64(granted->duration) * 1000 : 0;
        }
        if (m_ctx.voice)
            m_ctx.voice->setTalkKey(granted->key); // one key for every session of the press
        if (m_state != TalkState::Granted) {
            set(TalkState::Granted);
            if (m_ctx.voice) {
                m_ctx.voice->setTransmitting(true);
                m_ctx.voice->playTone(media::Tone::TalkPermit, media::Route::Headset);
            }
        }
        return true;
    }
    if (const auto *deny = std::get_if<proto::FloorDeny>(&event)) {
        if (!m_talkSessions.remove(deny->session))
            return true;
        m_ctx.groups.setQueuePosition(groupOf(deny->session), 0);
        if (m_talkSessions.isEmpty()) {
            set(TalkState::Denied, deny->reason);
            if (m_ctx.voice)
                m_ctx.voice->playTone(media::Tone::Deny, media::Route::Headset);
        }
        return true;
    }
    if (const auto *revoke = std::get_if<proto::FloorRevoke>(&event)) {
        if (!m_granted.remove(revoke->session))
            return true;
        m_ctx.activity.ended(revoke->session, nowMs());
        m_ctx.groups.clearTalker(groupOf(revoke->session));
        m_talkSessions.remove(revoke->session);
        m_ctx.client.send(proto::FloorRelease {revoke->session});
        if (m_granted.isEmpty()) {
            stopSending();
            if (m_ctx.voice)
                m_ctx.voice->playTone(media::Tone::Deny, media::Route::Headset);
            set(TalkState::Denied, tr("Floor revoked: %1").arg(revoke->reason), 0, true);
        }
        return true;
    }
    if (const auto *queued = std::get_if<proto::QueuePositionInfo>(&event)) {
        if (!m_talkSessions.contains(queued->session))
            return true;
        m_ctx.groups.setQueuePosition(groupOf(queued->session), queued->position);
        if (m_state != TalkState::Granted)
            set(TalkState::Queued, {}, queued->position);
        return true;
    }
    return false;
}

void TalkControl::release()
{
    stopSending();
    const qint64 now = nowMs();
    for (const QString &session : std::as_const(m_talkSessions)) {
        m_ctx.client.send(proto::FloorRelease {session});
        m_ctx.groups.setQueuePosition(groupOf(session), 0);
        if (m_granted.contains(session)) {
            m_ctx.activity.ended(session, now);
            m_ctx.groups.clearTalker(groupOf(session));
        }
    }
    m_talkSessions.clear();
    m_granted.clear();
    const bool wasPressed = !m_pressedOn.isEmpty();
    m_pressedOn.clear();
    // Letting go ends a denial too; the reason stays readable under the button until the
    // next press.
    set(TalkState::Idle, m_state == TalkState::Denied ? m_notice : QString());
    if (wasPressed)
        Q_EMIT targetsChanged();
}

void TalkControl::setOnline(bool online)
{
    if (online == m_online)
        return;
    m_online = online;
    if (online && m_state == TalkState::Denied) {
        set(TalkState::Idle); // "Not connected" was said while there was no link
        return;
    }
    if (online || m_state == TalkState::Idle || m_state == TalkState::Denied)
        return;
    // The server released our floor when the link dropped (docs/protocol.md §3.3).
    const qint64 now = nowMs();
    for (const QString &session : std::as_const(m_granted)) {
        m_ctx.activity.ended(session, now);
        m_ctx.groups.clearTalker(groupOf(session));
    }
    stopSending();
    m_talkSessions.clear();
    m_granted.clear();
    m_pressedOn.clear();
    set(TalkState::Denied, tr("Connection lost"));
    Q_EMIT targetsChanged();
}

void TalkControl::reset()
{
    if (m_state == TalkState::Denied)
        set(TalkState::Idle); // "Connection lost" belonged to the last link
}

void TalkControl::sessionEnded(const QString &session)
{
    if (m_granted.remove(session) && m_granted.isEmpty())
        stopSending();
    m_pressedOn.removeAll(session);
    if (m_talkSessions.remove(session) && m_talkSessions.isEmpty()) {
        m_pressedOn.clear();
        set(TalkState::Idle);
        Q_EMIT targetsChanged();
    }
}

void TalkControl::stopSending()
{
    if (m_ctx.voice)
        m_ctx.voice->setTransmitting(false);
}

void TalkControl::set(TalkState state, const QString &notice, int position, bool revoked)
{
    if (state != TalkState::Granted) {
        m_grantedAt = 0;
        m_endsAt = 0;
    }
    if (state == m_state && notice == m_notice && position == m_queuePosition
        && revoked == m_revoked)
        return;
    m_state = state;
    m_notice = notice;
    m_queuePosition = position;
    m_revoked = revoked;
    qCDebug(lcTalk, "talk state %s %s", QMetaEnum::fromType<TalkState>().valueToKey(int(state)),
            qPrintable(notice));
    Q_EMIT changed();
}

} // namespace floorline::console
