// SPDX-License-Identifier: Apache-2.0
#include "floorview.h"

#include "activitylogmodel.h"
#include "grouptreemodel.h"
#include "mediacache.h"
#include "sessionids.h"
#include "sessionlistmodel.h"
#include "unitlistmodel.h"

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

FloorView::FloorView(Context context, QObject *parent)
    : QObject(parent)
    , m_ctx(std::move(context))
{
    connect(&m_ctx.cache, &MediaCache::stateChanged, this, &FloorView::onMediaStateChanged);
}

bool FloorView::handle(const proto::Event &event)
{
    if (const auto *t = std::get_if<proto::FloorTaken>(&event)) {
        if (m_ctx.voice && !t->key.isEmpty())
            m_ctx.voice->setTalkerKey(t->ssrc, t->key);
        taken(FloorHolder::of(*t));
    } else if (const auto *i = std::get_if<proto::FloorIdle>(&event))
        idle(i->session);
    else
        return false;
    return true;
}

void FloorView::route(const QString &session)
{
    const auto it = m_holders.constFind(session);
    if (!m_ctx.voice || it == m_holders.constEnd())
        return;
    const QString group = groupOf(session);
    if (group.isEmpty()) {
        // A call we are in is the conversation we are having: always in the headset.
        m_ctx.voice->setStream(it->ssrc, media::Route::Headset, 1.0f);
        return;
    }
    m_ctx.voice->setStream(
        it->ssrc, m_ctx.groups.isSelected(group) ? media::Route::Headset : media::Route::Speaker,
        m_ctx.groups.gain(group));
}

void FloorView::taken(const FloorHolder &holder)
{
    const auto current = m_holders.constFind(holder.session);
    if (current != m_holders.constEnd() && current->sameSpurt(holder))
        return; // seen again in a snapshot (a re-login): nothing new to show or log
    const QString group = groupOf(holder.session);
    const QString talker = holder.name();
    const qint64 now = nowMs();
    if (!group.isEmpty()) {
        m_ctx.groups.setTalker(group, talker, holder.emergency(), now);
        m_ctx.units.setCurrentGroup(holder.talker, group);
    } else if (m_ctx.sessions.contains(holder.session)) {
        m_ctx.sessions.setTalker(holder.session, talker, holder.emergency(), now);
    } else {
        return;
    }
    const QString where = m_ctx.sessionName(holder.session);
    const auto item = m_ctx.cache.item(holder.media);
    m_ctx.activity.started(holder.session, where, talker, holder.emergency(), now, holder.media,
                           item ? item->name : QString());
    showSpurtMedia(holder.session, talker, holder.media);
    m_holders.insert(holder.session, holder);
    m_streamNames.insert(holder.ssrc, {talker, where, now});
    route(holder.session); // the alert itself comes as emergency.raised (EmergencyList)
}

void FloorView::idle(const QString &session)
{
    end(session, nowMs());
}

void FloorView::linkLost()
{
    if (m_lostAt == 0)
        m_lostAt = nowMs();
}

void FloorView::idleWhileAway(const QString &session)
{
    end(session, m_lostAt != 0 ? m_lostAt : nowMs());
}

void FloorView::end(const QString &session, qint64 atMs)
{
    if (!m_holders.remove(session))
        return;
    m_ctx.groups.clearTalker(groupOf(session));
    m_ctx.sessions.clearTalker(session);
    m_ctx.activity.ended(session, atMs);
    showSpurtMedia(session, {}, {});
}

QVariantList FloorView::streamStats() const
{
    if (!m_ctx.voice)
        return {};
    const QHash<quint32, media::StreamStats> stats = m_ctx.voice->stats();
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

QVariantMap FloorView::voiceTransport() const
{
    if (!m_ctx.voice)
        return {};
    const media::VoiceEngine::Transport t = m_ctx.voice->transport();
    return {{QStringLiteral("connected"), t.connected},
            {QStringLiteral("secure"), t.secure},
            {QStringLiteral("refused"), double(t.refused)},
            {QStringLiteral("replayed"), double(t.replayed)}};
}

// The item a talk spurt shows, from its Floor Taken until the session's next Floor Taken or
// Floor Idle (docs/protocol.md §9.7).
void FloorView::showSpurtMedia(const QString &session, const QString &talker, const QString &media)
{
    const bool had = m_spurtMedia.contains(session);
    if (media.isEmpty()) {
        m_spurtMedia.remove(session);
    } else {
        // Fetched now if not cached; the placeholder shows until it is (onMediaStateChanged).
        m_ctx.cache.fetch(media);
        m_spurtMedia.insert(session, {talker, media, nowMs()});
    }
    // The large view first: the picture that goes with the words; the tile's thumbnail after.
    if (had || !media.isEmpty())
        Q_EMIT onAirChanged();
    const QString group = groupOf(session);
    if (!group.isEmpty())
        m_ctx.groups.setSpurtMedia(group, media, m_ctx.cache.url(media));
}

void FloorView::onMediaStateChanged(const QString &media)
{
    bool shown = false;
    for (auto it = m_spurtMedia.cbegin(); it != m_spurtMedia.cend(); ++it) {
        if (it->media != media)
            continue;
        shown = true;
        if (const QString group = groupOf(it.key()); !group.isEmpty())
            m_ctx.groups.setSpurtMedia(group, media, m_ctx.cache.url(media));
    }
    if (shown)
        Q_EMIT onAirChanged();
}

QVariantList FloorView::onAir() const
{
    QList<QString> sessions = m_spurtMedia.keys();
    std::sort(sessions.begin(), sessions.end(), [this](const QString &a, const QString &b) {
        return m_spurtMedia.value(a).since > m_spurtMedia.value(b).since;
    });
    QVariantList out;
    for (const QString &session : std::as_const(sessions)) {
        const SpurtMedia &s = m_spurtMedia[session];
        const auto item = m_ctx.cache.item(s.media);
        const QString kind = mediaKind(item ? item->type : QString());
        out << QVariantMap {{QStringLiteral("session"), session},
                            {QStringLiteral("where"), m_ctx.sessionName(session)},
                            {QStringLiteral("talker"), s.talker},
                            {QStringLiteral("media"), s.media},
                            {QStringLiteral("name"), item ? item->name : QString()},
                            {QStringLiteral("kind"), kind},
                            {QStringLiteral("url"), m_ctx.cache.url(s.media)}};
    }
    return out;
}

} // namespace floorline::console
