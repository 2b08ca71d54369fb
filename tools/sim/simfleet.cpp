// SPDX-License-Identifier: Apache-2.0
#include "simfleet.h"

#include "core/media/opuscodec.h"
#include "core/protocol/clock.h"
#include "resources/speechclips.h"

#include <QLoggingCategory>

#include <cmath>

Q_LOGGING_CATEGORY(lcSim, "floorline.sim", QtInfoMsg)

namespace floorline::sim {

SimFleet::SimFleet(const proto::Fleet &fleet, Options options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_random(options.seed ? options.seed : QRandomGenerator::system()->generate())
{
    for (const proto::Account &account : fleet.accounts) {
        if (account.unit.role != proto::Role::Unit)
            continue; // dispatchers and supervisors are people at consoles, not simulated
        m_units.push_back(
            std::make_unique<SimUnit>(account, options.server, options.fingerprint, this));
        connect(m_units.back().get(), &SimUnit::failed, this, &SimFleet::failed,
                Qt::UniqueConnection);
        for (const QString &group : account.unit.groups)
            m_members[group].append(m_units.back().get());
    }
    media::VoicePipeline::Config voice;
    voice.frameMs = options.frameMs;
    for (const media::PcmClip &clip : resources::speechClips())
        m_clips.push_back(media::recordSpurt(media::toFloat48k(clip), voice));
    m_pacing.setTimerType(Qt::PreciseTimer);
    m_pacing.setInterval(10);
    connect(&m_pacing, &QTimer::timeout, this, &SimFleet::onTick);
    m_ramp.setInterval(100);
    connect(&m_ramp, &QTimer::timeout, this, &SimFleet::startBatch);
}

void SimFleet::startBatch()
{
    const std::size_t batch
        = std::max<std::size_t>(1, std::size_t(m_options.connectsPerSecond) / 10);
    for (std::size_t i = 0; i < batch && m_started < m_units.size(); ++i)
        m_units[m_started++]->start();
    if (m_started == m_units.size())
        m_ramp.stop();
}

SimFleet::~SimFleet() = default;

void SimFleet::start()
{
    qCInfo(lcSim) << "starting" << m_units.size() << "units in" << m_members.size()
                  << "talk groups with" << m_clips.size() << "speech clips";
    const qint64 now = monotonicMs();
    for (auto it = m_members.cbegin(); it != m_members.cend(); ++it)
        scheduleGroup(it.key(), now);
    m_ramp.start();
    startBatch();
    m_pacing.start();
}

void SimFleet::stop()
{
    m_pacing.stop();
    m_ramp.stop();
    for (auto &unit : m_units)
        unit->stop();
}

void SimFleet::scheduleGroup(const QString &group, qint64 nowMs)
{
    // Exponential inter-arrival times: spurts arrive as a Poisson process per group.
    const double u = std::max(1e-9, m_random.generateDouble());
    const qint64 delay = qint64(-std::log(u) * m_options.talkIntervalSeconds * 1000.0);
    m_nextSpurt.insert(group, nowMs + std::max<qint64>(delay, 200));
}

void SimFleet::onTick()
{
    const qint64 now = monotonicMs();
    for (auto &unit : m_units)
        unit->pace(now);
    if (m_options.resetIntervalSeconds > 0 && now >= m_nextReset && !m_units.empty()) {
        if (m_nextReset > 0)
            m_units.at(m_random.bounded(int(m_units.size())))
                ->reset(int(m_options.resetDownSeconds * 1000));
        m_nextReset = now
            + qint64(-std::log(1.0 - m_random.generateDouble()) * m_options.resetIntervalSeconds
                     * 1000);
    }
    if (m_clips.empty())
        return;
    for (auto it = m_nextSpurt.begin(); it != m_nextSpurt.end(); ++it) {
        if (it.value() > now)
            continue;
        const QString group = it.key();
        QList<SimUnit *> idle;
        for (SimUnit *member : m_members.value(group)) {
            if (member->isIdle())
                idle.append(member);
        }
        if (!idle.isEmpty()) {
            SimUnit *talker = idle.at(int(m_random.bounded(int(idle.size()))));
            const bool emergency = m_random.generateDouble() < m_options.emergencyShare;
            const auto &clip = m_clips.at(m_random.bounded(int(m_clips.size())));
            if (!m_uploading && m_pictureIds.size() < m_options.pictures.size())
                uploadPictures(*talker);
            const QString picture
                = !m_pictureIds.isEmpty() && m_random.generateDouble() < m_options.pictureShare
                ? m_pictureIds.at(m_random.bounded(int(m_pictureIds.size())))
                : QString();
            talker->talk(proto::groupSessionId(group), &clip,
                         emergency ? proto::FloorType::Emergency : proto::FloorType::Normal,
                         int(m_random.bounded(4)), picture);
        }
        scheduleGroup(group, now);
    }
}

void SimFleet::uploadPictures(SimUnit &unit)
{
    // One unit uploads them all, one after the other; the fleet's spurts then show them.
    const auto &[name, bytes] = m_options.pictures.at(m_pictureIds.size());
    m_uploading = true;
    unit.upload(bytes, name, QStringLiteral("image/png"), [this, &unit](const QString &id) {
        m_uploading = false;
        if (id.isEmpty())
            return; // tried again with the next spurt
        m_pictureIds.append(id);
        if (m_pictureIds.size() < m_options.pictures.size() && unit.isOnline())
            uploadPictures(unit);
    });
}

int SimFleet::onlineCount() const
{
    int online = 0;
    for (const auto &unit : m_units)
        online += unit->isOnline() ? 1 : 0;
    return online;
}

UnitCounters SimFleet::totals() const
{
    UnitCounters t;
    for (const auto &unit : m_units) {
        const UnitCounters &c = unit->counters();
        t.requests += c.requests;
        t.granted += c.granted;
        t.queued += c.queued;
        t.denied += c.denied;
        t.revoked += c.revoked;
        t.spurts += c.spurts;
        t.packetsSent += c.packetsSent;
        t.packetsReceived += c.packetsReceived;
        t.packetsLost += c.packetsLost;
        t.packetsRejected += c.packetsRejected;
        t.reconnects += c.reconnects;
        t.mediaShown += c.mediaShown;
        t.mediaFetched += c.mediaFetched;
        t.pushesReceived += c.pushesReceived;
        t.resets += c.resets;
        t.emergencies += c.emergencies;
        t.emergenciesAcknowledged += c.emergenciesAcknowledged;
        t.emergencyCancels += c.emergencyCancels;
    }
    return t;
}

QJsonObject SimFleet::statsJson() const
{
    const UnitCounters t = totals();
    return {{QStringLiteral("units"), unitCount()},
            {QStringLiteral("online"), onlineCount()},
            {QStringLiteral("requests"), qint64(t.requests)},
            {QStringLiteral("granted"), qint64(t.granted)},
            {QStringLiteral("queued"), qint64(t.queued)},
            {QStringLiteral("denied"), qint64(t.denied)},
            {QStringLiteral("revoked"), qint64(t.revoked)},
            {QStringLiteral("spurts"), qint64(t.spurts)},
            {QStringLiteral("packetsSent"), qint64(t.packetsSent)},
            {QStringLiteral("packetsReceived"), qint64(t.packetsReceived)},
            {QStringLiteral("packetsLost"), qint64(t.packetsLost)},
            {QStringLiteral("packetsRejected"), qint64(t.packetsRejected)},
            {QStringLiteral("reconnects"), qint64(t.reconnects)},
            {QStringLiteral("mediaShown"), qint64(t.mediaShown)},
            {QStringLiteral("mediaFetched"), qint64(t.mediaFetched)},
            {QStringLiteral("pushesReceived"), qint64(t.pushesReceived)},
            {QStringLiteral("resets"), qint64(t.resets)},
            {QStringLiteral("emergencies"), qint64(t.emergencies)},
            {QStringLiteral("emergenciesAcknowledged"), qint64(t.emergenciesAcknowledged)},
            {QStringLiteral("emergencyCancels"), qint64(t.emergencyCancels)}};
}

} // namespace floorline::sim
