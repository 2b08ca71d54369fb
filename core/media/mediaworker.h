// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "voiceengine.h"

#include "core/net/rtpendpoint.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTimer>

#include <atomic>
#include <future>
#include <map>

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
    /// Reopens the streams on other devices (empty name: the default); falls back to the
    /// defaults if one cannot be opened. Media thread.
    void switchDevices(const QString &input, const QString &headset, const QString &speaker);
    /// The loudest captured sample since the last call, 0..1 (any thread).
    float takeInputPeak() { return m_inputPeak.exchange(0.0f, std::memory_order_relaxed); }
    VoicePipeline &pipeline() { return m_pipeline; }

Q_SIGNALS:
    void deviceLost(const QString &message, bool recovered);
    void devicesSwitched(bool ok, const QString &message);
    void mediaReady();

private:
    void onWake();
    void recoverDevices();
    void closeStreams();
    void onPacket(const ReceivedRtp &packet);
    void releaseDelayed();

    AudioBackend &m_backend;
    VoiceEngine::Config m_config;
    SpscRing<float> m_capture {48000}, m_headset {48000}, m_speaker {48000};
    VoicePipeline m_pipeline;
    std::unique_ptr<AudioStream> m_input, m_headsetOut, m_speakerOut;
    RtpEndpoint *m_rtp = nullptr;
    QTimer m_wake;
    std::atomic<std::promise<void> *> m_shutdownRequest {nullptr};
    std::atomic<float> m_inputPeak {0.0f}; ///< for the level meter; the GUI takes and resets it
    QRandomGenerator m_impairRandom;
    std::multimap<qint64, ReceivedRtp> m_delayed; ///< impaired packets by release time (µs)
    static constexpr int kMaxSlackMs = 30;
    int m_slackMs = 0;
    uint64_t m_underruns = 0;
    QElapsedTimer m_playing; ///< since playout began; start-up underruns are not the machine's
};

} // namespace floorline::media
