// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audiodevice.h"
#include "voicepipeline.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QThread>

#include <functional>
#include <memory>

namespace floorline::media {

class MediaWorker;

/**
 * @brief The voice engine: audio devices, the media thread and the RTP socket, around a
 * VoicePipeline.
 *
 * Thread rule: the public methods may be called from any thread (usually the GUI thread); they
 * are queued to the media thread (through the worker's own task queue, which ThreadSanitizer
 * can follow), which owns the pipeline, the RTP endpoint and the streams.
 * Device callbacks only touch the sample rings.
 */
class VoiceEngine : public QObject
{
    Q_OBJECT
public:
    /// Network trouble made on purpose, on receive: for tests, benchmarks and training.
    struct Impairment
    {
        int jitterMs = 0; ///< each packet held back a uniform 0..jitterMs
        double loss = 0; ///< share of packets dropped, 0..1
        quint32 seed = 1;
    };

    struct Config
    {
        VoicePipeline::Config pipeline;
        AudioStreamConfig stream;
        QString inputDevice; ///< empty: default
        QString headsetDevice; ///< empty: default
        QString speakerDevice; ///< empty: same as the headset
        QString alertDevice; ///< alarms' own output; empty: alarms play in the headset
        /// Playout kept queued beyond one device period, for the media thread's wake-up
        /// jitter. Grows by itself when the headset device runs dry.
        int playoutSlackMs = 3;
        Impairment impairment;
    };

    /// How voice travels, for the statistics a dispatcher or an operator looks at.
    struct Transport
    {
        bool connected = false; ///< the relay answered our keep-alive
        bool secure = false; ///< SRTP; false: plain RTP, as the server was told to use
        quint64 refused = 0; ///< packets that did not verify under any key we hold
        quint64 replayed = 0; ///< packets that verified but had been received before
    };

    /// The media thread wakes this often to send captured frames and top up playout; each
    /// wake-up's wait is paid twice per mouth-to-ear path (sender and listener).
    static constexpr int kWakeMs = 1;

    VoiceEngine(AudioBackend &backend, Config config, QObject *parent = nullptr);
    ~VoiceEngine() override;

    /// Opens the devices and starts the media thread.
    bool start(QString *error);
    void stop();

    /// Binds media to the server's relay with the login's SSRC and key (docs/protocol.md §6).
    void connectMedia(const QHostAddress &relay, quint16 port, quint32 ssrc, const QString &key);
    /// SRTP: the key our media goes out under (Floor Granted's), before setTransmitting(true).
    void setTalkKey(const QString &key);
    /// SRTP: the key media from `ssrc` comes under (Floor Taken's).
    void setTalkerKey(quint32 ssrc, const QString &key);
    void setTransmitting(bool on);
    void setStream(quint32 ssrc, Route route, float gain);
    void playTone(Tone tone, Route route);
    /// Moves to other devices without stopping (empty name: the system default). The answer
    /// comes as devicesSwitched().
    void setDevices(const QString &input, const QString &headset, const QString &speaker,
                    const QString &alert = {});
    /// The loudest microphone sample since the last call, 0..1: the level meter polls it.
    float takeInputPeak();
    /// A snapshot of every stream's statistics (waits briefly for the media thread).
    QHash<quint32, StreamStats> stats() const;
    /// A snapshot of how voice travels (waits briefly for the media thread).
    Transport transport() const;

Q_SIGNALS:
    /// A device disappeared; the engine fell back to the default device (`recovered`) or not.
    void deviceLost(const QString &message, bool recovered);
    /// The relay answered our keep-alive: we can send and receive media.
    void mediaReady();
    /// setDevices() finished: `ok`, or it fell back to the defaults and `message` says why.
    void devicesSwitched(bool ok, const QString &message);

private:
    /// Runs `task` on the media thread (MediaWorker::post).
    void post(std::function<void()> task);
    /// What `question` answers on the media thread; empty when it does not run or is stuck.
    template<typename T> T ask(std::function<T(MediaWorker &)> question) const;

    QThread m_thread;
    MediaWorker *m_worker = nullptr;
};

} // namespace floorline::media
