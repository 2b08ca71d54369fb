// SPDX-License-Identifier: Apache-2.0
// ConsoleController, part two: floor events into model state and voice routing.
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
    const auto it = m_holders.constFind(session);
    if (!m_voice || it == m_holders.constEnd())
        return;
    const QString group = groupOf(session);
    if (group.isEmpty()) {
        // A call we are in is the conversation we are having: always in the headset.
        m_voice->setStream(it->ssrc, media::Route::Headset, 1.0f);
        return;
    }
    m_voice->setStream(it->ssrc,
                       m_groups.isSelected(group) ? media::Route::Headset : media::Route::Speaker,
                       m_groups.gain(group));
}

void ConsoleController::onEvent(const proto::Event &event)
{
    if (m_library.handle(event) || m_pairing.handle(event) || m_talk.handle(event)
        || m_emergencies.handle(event))
        return;
    if (const auto *taken = std::get_if<proto::FloorTaken>(&event))
        onFloorTaken(FloorHolder::of(*taken));
    else if (const auto *idle = std::get_if<proto::FloorIdle>(&event))
        onFloorIdle(idle->session);
    else
        onSessionEvent(event);
}

void ConsoleController::onFloorTaken(const FloorHolder &holder)
{
    const auto current = m_holders.constFind(holder.session);
    if (current != m_holders.constEnd() && current->sameSpurt(holder))
        return; // seen again in a snapshot (a re-login): nothing new to show or log
    const QString group = groupOf(holder.session);
    const QString talker = holder.name();
    const qint64 now = nowMs();
    if (!group.isEmpty()) {
        m_groups.setTalker(group, talker, holder.emergency(), now);
        m_units.setCurrentGroup(holder.talker, group);
    } else if (m_sessions.contains(holder.session)) {
        m_sessions.setTalker(holder.session, talker, holder.emergency(), now);
    } else {
        return;
    }
    const auto item = m_library.cache().item(holder.media);
    m_activity.started(holder.session, sessionName(holder.session), talker, holder.emergency(), now,
                       holder.media, item ? item->name : QString());
    showSpurtMedia(holder.session, talker, holder.media);
    m_holders.insert(holder.session, holder);
    m_streamNames.insert(holder.ssrc, {talker, sessionName(holder.session), now});
    route(holder.session); // the alert itself comes as emergency.raised (EmergencyList)
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
    for (const FloorHolder &h : m_holders)
        live.insert(h.ssrc);
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
    if (!m_holders.remove(session))
        return;
    m_groups.clearTalker(groupOf(session));
    m_sessions.clearTalker(session);
    m_activity.ended(session, nowMs());
    showSpurtMedia(session, {}, {});
}

} // namespace floorline::console
