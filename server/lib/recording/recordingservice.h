// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "recorder.h"
#include "recordingstore.h"

#include <QObject>
#include <QTimer>

#include <unordered_map>
#include <unordered_set>

namespace floorline::server {

class FleetIndex;
class Logins;
struct Session;

/**
 * @brief Records every talk spurt of the sessions whose group asks for it (and every call's):
 * one Ogg Opus file per spurt and session, indexed in RecordingStore.
 *
 * FloorService tells it when a session's floor moves, before the relay's routes change: a
 * spurt's recording starts when its talker takes the floor and ends when the floor moves on.
 * Retention runs at start, hourly and whenever the files grow past their bound.
 * Thread rule: the signaling thread; the files are written on the Recorder's thread.
 */
class RecordingService : public QObject
{
    Q_OBJECT
public:
    struct Retention
    {
        qint64 maxAgeMs = 90LL * 24 * 3600 * 1000; ///< 0: kept however old
        qint64 maxBytes = 0; ///< all recordings together; 0: no bound
    };

    RecordingService(RecordingStore &store, Retention retention, QObject *parent = nullptr);
    ~RecordingService() override;

    /// What it needs of the hub: who talks (their talk keys) and which groups are recorded.
    void attach(const Logins *logins, const FleetIndex *fleet);
    PacketTap &tap() { return m_recorder; }
    const Recorder::Counters &counters() const { return m_recorder.counters(); }
    RecordingStore &store() { return m_store; }

    /// The floor of `session` may have moved: ends the spurt being recorded, starts the next.
    void floorMoved(const Session &session);
    /// A session that goes away ends its recording.
    void sessionEnded(const QString &session);
    /// SSRCs whose packets the relay must tap (RtpRelay::Routes::recorded).
    std::unordered_set<uint32_t> recordedSsrcs() const;
    /// Finishes what is being recorded (the server stops): those spurts end complete.
    void shutdown();
    /// Applies the retention now; returns how many recordings went.
    int enforceRetention();
    int recordingsNow() const { return int(m_running.size()); }

Q_SIGNALS:
    /// A recording was finished and indexed (tests wait for it; history answers may follow).
    void recorded(const floorline::server::RecordingRow &row);

private:
    struct Running
    {
        qint64 id = 0;
        quint64 participant = 0;
        uint32_t ssrc = 0;
    };
    bool isRecorded(const Session &session) const;
    void onFinished(const Recorder::Finished &finished, qint64 endedMs);
    void end(const QString &session);

    RecordingStore &m_store;
    Retention m_retention;
    const Logins *m_logins = nullptr;
    const FleetIndex *m_fleet = nullptr;
    Recorder m_recorder;
    std::unordered_map<QString, Running> m_running; ///< by session id
    std::unordered_map<qint64, qint64> m_endedAt; ///< recording id -> ms the floor moved on
    qint64 m_bytes = 0; ///< the files' total, kept as they finish
    QTimer m_sweep;
};

} // namespace floorline::server
