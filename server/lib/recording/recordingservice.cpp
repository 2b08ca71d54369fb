// SPDX-License-Identifier: Apache-2.0
#include "recordingservice.h"

#include "server/lib/fleetindex.h"
#include "server/lib/login.h"
#include "server/lib/logins.h"
#include "server/lib/session.h"

#include <QDateTime>
#include <QFileInfo>

namespace floorline::server {

namespace {
qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}
constexpr int kSweepMs = 3600 * 1000;
} // namespace

RecordingService::RecordingService(RecordingStore &store, Retention retention, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_retention(retention)
    , m_recorder([this](Recorder::Finished finished) {
        // From the recorder's thread to this one, where the index is written.
        QMetaObject::invokeMethod(
            this,
            [this, finished = std::move(finished)] {
                const auto ended = m_endedAt.find(qint64(finished.id));
                const qint64 at = ended == m_endedAt.end() ? nowMs() : ended->second;
                if (ended != m_endedAt.end())
                    m_endedAt.erase(ended);
                onFinished(finished, at);
            },
            Qt::QueuedConnection);
    })
{
    m_bytes = m_store.totalBytes();
    connect(&m_sweep, &QTimer::timeout, this, &RecordingService::enforceRetention);
    m_sweep.start(kSweepMs);
}

RecordingService::~RecordingService()
{
    shutdown();
}

void RecordingService::attach(const Logins *logins, const FleetIndex *fleet)
{
    m_logins = logins;
    m_fleet = fleet;
}

bool RecordingService::isRecorded(const Session &session) const
{
    if (session.group.isEmpty())
        return true; // calls and broadcasts: always
    const auto group = m_fleet ? m_fleet->groups().value(session.group) : nullptr;
    return !group || group->recorded;
}

void RecordingService::floorMoved(const Session &session)
{
    const auto &holder = session.arbiter.holder();
    const auto running = m_running.find(session.id);
    if (running != m_running.end() && holder && running->second.participant == holder->participant
        && running->second.ssrc == holder->ssrc)
        return; // the same spurt goes on
    end(session.id);
    if (!holder || !m_logins || !isRecorded(session))
        return;
    const Login *login = m_logins->find(holder->participant);
    if (!login)
        return;
    RecordingRow row;
    row.session = session.id;
    row.group = session.group;
    row.talker = holder->unit;
    row.alias = holder->alias;
    row.startedMs = nowMs();
    row.priority = holder->priority;
    row.emergency = holder->type == proto::FloorType::Emergency;
    row.media = holder->media;
    if (!m_store.begin(row))
        return;
    Recorder::Start start;
    start.id = quint64(row.id);
    start.ssrc = holder->ssrc;
    start.key = login->talkKey;
    start.path = m_store.absolutePath(row);
    const QDateTime started = QDateTime::fromMSecsSinceEpoch(row.startedMs, Qt::UTC);
    start.tags = {{QStringLiteral("TITLE"), QStringLiteral("%1 – %2").arg(session.name, row.alias)},
                  {QStringLiteral("ARTIST"), row.alias},
                  {QStringLiteral("ALBUM"), session.name},
                  {QStringLiteral("DATE"), started.toString(Qt::ISODateWithMs)},
                  {QStringLiteral("FLOORLINE_SESSION"), session.id},
                  {QStringLiteral("FLOORLINE_TALKER"), row.talker}};
    if (row.emergency)
        start.tags.append({QStringLiteral("FLOORLINE_EMERGENCY"), QStringLiteral("1")});
    if (!row.media.isEmpty())
        start.tags.append({QStringLiteral("FLOORLINE_MEDIA"), row.media});
    m_recorder.start(std::move(start));
    m_running[session.id] = {row.id, holder->participant, holder->ssrc};
}

void RecordingService::sessionEnded(const QString &session)
{
    end(session);
}

void RecordingService::end(const QString &session)
{
    const auto running = m_running.find(session);
    if (running == m_running.end())
        return;
    m_endedAt[running->second.id] = nowMs();
    m_recorder.stop(quint64(running->second.id));
    m_running.erase(running);
}

std::unordered_set<uint32_t> RecordingService::recordedSsrcs() const
{
    std::unordered_set<uint32_t> out;
    for (const auto &[session, running] : m_running)
        out.insert(running.ssrc);
    return out;
}

void RecordingService::onFinished(const Recorder::Finished &finished, qint64 endedMs)
{
    const qint64 id = qint64(finished.id);
    if (finished.ok) {
        const qint64 bytes = finished.summary.bytes;
        m_store.finish(id, RecordingRow::State::Complete, endedMs, bytes,
                       finished.summary.durationMs());
        m_bytes += bytes;
    } else {
        m_store.finish(id, RecordingRow::State::Lost, endedMs, 0, 0);
    }
    if (const auto row = m_store.row(id))
        Q_EMIT recorded(*row);
    if (m_retention.maxBytes > 0 && m_bytes > m_retention.maxBytes)
        enforceRetention();
}

void RecordingService::shutdown()
{
    for (const auto &[session, running] : m_running)
        m_endedAt[running.id] = nowMs();
    m_running.clear();
    for (const Recorder::Finished &finished : m_recorder.shutdown()) {
        const auto ended = m_endedAt.find(qint64(finished.id));
        onFinished(finished, ended == m_endedAt.end() ? nowMs() : ended->second);
    }
    m_endedAt.clear();
}

int RecordingService::enforceRetention()
{
    const qint64 olderThan = m_retention.maxAgeMs > 0 ? nowMs() - m_retention.maxAgeMs : 0;
    const int removed = m_store.sweep(olderThan, m_retention.maxBytes);
    m_bytes = m_store.totalBytes();
    return removed;
}

} // namespace floorline::server
