// SPDX-License-Identifier: Apache-2.0
// ConsoleController, part two: floor events into model state, voice routing and push-to-talk.
#include "consolecontroller.h"
#include "sessionids.h"

#include "core/media/voiceengine.h"

#include <QDateTime>
#include <QSet>

#include <algorithm>

namespace floorline::console {

namespace {
qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}
} // namespace

void ConsoleController::route(const QString &session)
{
    const auto it = m_talkerSsrc.constFind(session);
    if (!m_voice || it == m_talkerSsrc.constEnd())
        return;
    const QString group = groupOf(session);
    if (group.isEmpty()) {
        // A call we are in is the conversation we are having: always in the headset.
        m_voice->setStream(*it, media::Route::Headset, 1.0f);
        return;
    }
    m_voice->setStream(*it,
                       m_groups.isSelected(group) ? media::Route::Headset : media::Route::Speaker,
                       m_groups.gain(group));
}

void ConsoleController::onEvent(const proto::Event &event)
{
    if (m_library.handle(event) || m_pairing.handle(event))
        return;
    if (const auto *taken = std::get_if<proto::FloorTaken>(&event)) {
        onFloorTaken(*taken);
    } else if (const auto *idle = std::get_if<proto::FloorIdle>(&event)) {
        onFloorIdle(idle->session);
    } else if (const auto *granted = std::get_if<proto::FloorGranted>(&event)) {
        if (!m_talkSessions.contains(granted->session))
            return;
        m_groups.setQueuePosition(groupOf(granted->session), 0);
        m_granted.insert(granted->session);
        m_activity.started(granted->session, sessionName(granted->session), user(),
                           granted->type == proto::FloorType::Emergency, nowMs());
        if (m_talkState != TalkState::Granted) {
            setTalk(TalkState::Granted);
            if (m_voice) {
                m_voice->setTransmitting(true);
                m_voice->playTone(media::Tone::TalkPermit, media::Route::Headset);
            }
        }
    } else if (const auto *deny = std::get_if<proto::FloorDeny>(&event)) {
        if (!m_talkSessions.remove(deny->session))
            return;
        m_groups.setQueuePosition(groupOf(deny->session), 0);
        if (m_talkSessions.isEmpty()) {
            setTalk(TalkState::Denied, deny->reason);
            if (m_voice)
                m_voice->playTone(media::Tone::Deny, media::Route::Headset);
        }
    } else if (const auto *revoke = std::get_if<proto::FloorRevoke>(&event)) {
        if (!m_granted.remove(revoke->session))
            return;
        m_activity.ended(revoke->session, nowMs());
        m_talkSessions.remove(revoke->session);
        m_client.send(proto::FloorRelease {revoke->session});
        if (m_granted.isEmpty()) {
            if (m_voice) {
                m_voice->setTransmitting(false);
                m_voice->playTone(media::Tone::Deny, media::Route::Headset);
            }
            setTalk(TalkState::Denied, tr("Floor revoked: %1").arg(revoke->reason));
        }
    } else if (const auto *queued = std::get_if<proto::QueuePositionInfo>(&event)) {
        if (!m_talkSessions.contains(queued->session))
            return;
        m_groups.setQueuePosition(groupOf(queued->session), queued->position);
        if (m_talkState != TalkState::Granted)
            setTalk(TalkState::Queued, {}, queued->position);
    } else {
        onSessionEvent(event);
    }
}

void ConsoleController::onFloorTaken(const proto::FloorTaken &taken)
{
    const QString group = groupOf(taken.session);
    const bool emergency = taken.type == proto::FloorType::Emergency;
    const QString talker = taken.alias.isEmpty() ? taken.talker : taken.alias;
    const qint64 now = nowMs();
    if (!group.isEmpty()) {
        m_groups.setTalker(group, talker, emergency, now);
        m_units.setCurrentGroup(taken.talker, group);
    } else if (m_sessions.contains(taken.session)) {
        m_sessions.setTalker(taken.session, talker, emergency, now);
    } else {
        return;
    }
    const auto item = m_library.cache().item(taken.media);
    m_activity.started(taken.session, sessionName(taken.session), talker, emergency, now,
                       taken.media, item ? item->name : QString());
    showSpurtMedia(taken.session, talker, taken.media);
    m_talkerSsrc.insert(taken.session, taken.ssrc);
    m_streamNames.insert(taken.ssrc, {talker, sessionName(taken.session), now});
    route(taken.session);
    if (emergency) {
        m_emergency = tr("%1 — %2").arg(talker, sessionName(taken.session));
        m_emergencyAlarm.start();
        Q_EMIT emergencyChanged();
        if (m_voice)
            m_voice->playTone(media::Tone::Emergency, media::Route::Headset);
    }
}

QVariantList ConsoleController::streamStats() const
{
    if (!m_voice)
        return {};
    const QHash<quint32, media::StreamStats> stats = m_voice->stats();
    QList<quint32> order = m_streamNames.keys();
    std::sort(order.begin(), order.end(), [this](quint32 a, quint32 b) {
        return m_streamNames.value(a).lastHeard > m_streamNames.value(b).lastHeard;
    });
    QSet<quint32> live;
    for (const quint32 ssrc : m_talkerSsrc)
        live.insert(ssrc);
    QVariantList out;
    for (const quint32 ssrc : std::as_const(order)) {
        const auto it = stats.constFind(ssrc);
        if (it == stats.constEnd())
            continue;
        const StreamName name = m_streamNames.value(ssrc);
        out << QVariantMap {{QStringLiteral("talker"), name.talker},
                            {QStringLiteral("session"), name.session},
                            {QStringLiteral("ssrc"), double(ssrc)},
                            {QStringLiteral("received"), double(it->received)},
                            {QStringLiteral("lost"), double(it->lost)},
                            {QStringLiteral("late"), double(it->late)},
                            {QStringLiteral("concealed"), double(it->concealed)},
                            {QStringLiteral("recovered"), double(it->recovered)},
                            {QStringLiteral("played"), double(it->played)},
                            {QStringLiteral("jitterMs"), it->jitterMs},
                            {QStringLiteral("delayMs"), it->delayMs},
                            {QStringLiteral("live"), live.contains(ssrc)}};
    }
    return out;
}

void ConsoleController::onFloorIdle(const QString &session)
{
    m_groups.clearTalker(groupOf(session));
    m_sessions.clearTalker(session);
    m_activity.ended(session, nowMs());
    m_talkerSsrc.remove(session);
    showSpurtMedia(session, {}, {});
}

void ConsoleController::pressTalk(bool emergency)
{
    if (m_link == Link::Online && m_groups.selectedGroups().isEmpty()) {
        if (m_talkState == TalkState::Idle || m_talkState == TalkState::Denied)
            setTalk(TalkState::Denied, tr("Select a group to talk to"));
        return;
    }
    QStringList sessions;
    for (const QString &g : m_groups.selectedGroups())
        sessions << proto::groupSessionId(g);
    requestFloor(sessions, emergency);
}

void ConsoleController::pressTalkOn(const QString &session)
{
    requestFloor({session}, false);
}

void ConsoleController::requestFloor(const QStringList &sessions, bool emergency)
{
    if (m_talkState == TalkState::Granted || m_talkState == TalkState::Requesting
        || m_talkState == TalkState::Queued)
        return; // key bounce or Space auto-repeat: one press, one request
    if (m_link != Link::Online) {
        setTalk(TalkState::Denied, tr("Not connected"));
        return;
    }
    setTalk(TalkState::Requesting);
    // Emergency pre-empts: the highest priority a dispatcher has (docs/protocol.md §5.1).
    const int priority = emergency ? 15 : 0;
    const proto::FloorType type
        = emergency ? proto::FloorType::Emergency : proto::FloorType::Normal;
    // An armed item goes with this one spurt, to every group it is addressed to.
    const QString media = m_library.takeArmed();
    for (const QString &session : sessions) {
        m_talkSessions.insert(session);
        m_client.send(proto::FloorRequest {session, priority, type, media},
                      [this, session, type](const Reply<proto::FloorRequestResult> &reply) {
                          onRequestResult(session, type, reply);
                      });
    }
}

void ConsoleController::onRequestResult(const QString &session, proto::FloorType type,
                                        const Reply<proto::FloorRequestResult> &reply)
{
    if (!m_talkSessions.contains(session)) {
        // Released before the answer came: give back a floor we no longer want.
        if (reply.ok() && reply.value->outcome != proto::FloorOutcome::Denied)
            m_client.send(proto::FloorRelease {session});
        return;
    }
    if (!reply.ok()) {
        m_talkSessions.remove(session);
        if (m_talkSessions.isEmpty())
            setTalk(TalkState::Denied, reply.error.message);
        return;
    }
    switch (reply.value->outcome) {
    case proto::FloorOutcome::Granted:
        onEvent(proto::FloorGranted {session, reply.value->duration, type, 0});
        break;
    case proto::FloorOutcome::Queued:
        onEvent(proto::QueuePositionInfo {{session, reply.value->position}});
        if (m_voice && m_talkState == TalkState::Queued)
            m_voice->playTone(media::Tone::Queued, media::Route::Headset);
        break;
    case proto::FloorOutcome::Denied:
        onEvent(proto::FloorDeny {session, reply.value->cause, reply.value->reason});
        break;
    }
}

void ConsoleController::releaseTalk()
{
    if (m_voice)
        m_voice->setTransmitting(false);
    const qint64 now = nowMs();
    for (const QString &session : std::as_const(m_talkSessions)) {
        m_client.send(proto::FloorRelease {session});
        m_groups.setQueuePosition(groupOf(session), 0);
        if (m_granted.contains(session))
            m_activity.ended(session, now);
    }
    m_talkSessions.clear();
    m_granted.clear();
    if (m_talkState != TalkState::Denied)
        setTalk(TalkState::Idle);
}

} // namespace floorline::console
