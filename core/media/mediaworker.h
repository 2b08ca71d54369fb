// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "voiceengine.h"

#include "core/net/rtpendpoint.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTimer>

#include <array>
#include <atomic>
#include <deque>
#include <functional>
#include <future>
#include <map>
#include <mutex>

namespace floorline::media {

/// @brief The media thread's side of VoiceEngine. Everything here runs on that thread.
class MediaWorker : public QObject
{
    Q_OBJECT
public:
    MediaWorker(AudioBackend &backend, VoiceEngine::Config config);
    ~MediaWorker() override;

    bool openDevices(QString *error);
    void run();
    void shutdown();
    /// Any thread: the next wake-up shuts the worker down and fulfils `done`.
    void requestShutdown(std::promise<void> *done)
    {
        m_shutdownRequest.store(done, std::memory_order_release);
    }
    void connectMedia(const QHostAddress &relay, quint16 port, quint32 ssrc, const QString &key);
    void setTalkKey(const QString &key)
    {
        if (m_rtp)
            m_rtp->setTalkKey(key);
    }
    void setTalkerKey(quint32 ssrc, const QString &key)
    {
        if (m_rtp)
            m_rtp->setTalkerKey(ssrc, key);
    }
    /// Reopens the streams on other devices (empty name: the default); falls back to the
    /// defaults if one cannot be opened. Media thread.
    void switchDevices(const QString &input, const QString &headset, const QString &speaker,
                       const QString &alert);
    /// Any thread: `task` runs on the media thread at its next wake-up (within a millisecond),
    /// in the order posted. Our own queue under a std::mutex rather than Qt's event queue:
    /// ThreadSanitizer sees this hand-over, not the one inside Qt's uninstrumented library.
    void post(std::function<void()> task)
    {
        const std::lock_guard lock(m_tasksMutex);
        m_tasks.push_back(std::move(task));
    }
    /// Why the last device switch or loss fell back (any thread). Handed over under a mutex,
    /// not as a signal argument, for the same reason as post().
    QString deviceMessage() const
    {
        const std::lock_guard lock(m_messageMutex);
        return m_deviceMessage;
    }
    /// The loudest captured sample since the last call, 0..1 (any thread).
    float takeInputPeak() { return m_inputPeak.exchange(0.0f, std::memory_order_relaxed); }
    VoicePipeline &pipeline() { return m_pipeline; }
    VoiceEngine::Transport transport() const
    {
        if (!m_rtp)
            return {};
        return {m_rtp->isLatched(), m_rtp->isSecure(), m_rtp->rejected(), m_rtp->replayed()};
    }

Q_SIGNALS:
    /// A device failed; deviceMessage() says what happened.
    void deviceLost(bool recovered);
    /// switchDevices() finished; deviceMessage() says why when not `ok`.
    void devicesSwitched(bool ok);
    void mediaReady();

private:
    void onWake();
    void runTasks();
    void setDeviceMessage(const QString &message);
    void recoverDevices();
    void closeStreams();
    std::array<AudioStream *, 4> streams() const
    {
        return {m_input.get(), m_headsetOut.get(), m_speakerOut.get(), m_alertOut.get()};
    }
    void onPacket(const ReceivedRtp &packet);
    void releaseDelayed();

    AudioBackend &m_backend;
    VoiceEngine::Config m_config;
    SpscRing<float> m_capture {48000}, m_headset {48000}, m_speaker {48000}, m_alert {48000};
    VoicePipeline m_pipeline;
    std::unique_ptr<AudioStream> m_input, m_headsetOut, m_speakerOut, m_alertOut;
    RtpEndpoint *m_rtp = nullptr;
    QTimer m_wake;
    std::atomic<std::promise<void> *> m_shutdownRequest {nullptr};
    std::mutex m_tasksMutex;
    std::deque<std::function<void()>> m_tasks; ///< guarded by m_tasksMutex
    mutable std::mutex m_messageMutex;
    QString m_deviceMessage; ///< guarded by m_messageMutex
    std::atomic<float> m_inputPeak {0.0f}; ///< for the level meter; the GUI takes and resets it
    QRandomGenerator m_impairRandom;
    std::multimap<qint64, ReceivedRtp> m_delayed; ///< impaired packets by release time (µs)
    static constexpr int kMaxSlackMs = 30;
    int m_slackMs = 0;
    uint64_t m_underruns = 0;
    QElapsedTimer m_playing; ///< since playout began; start-up underruns are not the machine's
};

} // namespace floorline::media
