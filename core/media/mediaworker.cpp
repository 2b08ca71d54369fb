// SPDX-License-Identifier: Apache-2.0
#include "mediaworker.h"

#include "core/protocol/clock.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcMedia, "floorline.media", QtInfoMsg)

namespace floorline::media {

MediaWorker::MediaWorker(AudioBackend &backend, VoiceEngine::Config config)
    : m_backend(backend)
    , m_config(config)
    , m_pipeline(config.pipeline, m_capture, m_headset, m_speaker,
                 [this](const QByteArray &payload, bool marker, uint32_t timestamp) {
                     if (m_rtp)
                         m_rtp->sendPayload(payload, marker, timestamp);
                 })
{
    m_slackMs = config.playoutSlackMs;
    m_impairRandom.seed(config.impairment.seed);
    // Parented, so moveToThread() takes the timer along to the media thread.
    m_wake.setParent(this);
    m_wake.setTimerType(Qt::PreciseTimer);
    m_wake.setInterval(VoiceEngine::kWakeMs);
    connect(&m_wake, &QTimer::timeout, this, &MediaWorker::onWake);
}

MediaWorker::~MediaWorker() = default;

bool MediaWorker::openDevices(QString *error)
{
    m_input = m_backend.openInput(m_config.inputDevice, m_config.stream, m_capture, error);
    if (!m_input)
        return false;
    m_headsetOut = m_backend.openOutput(m_config.headsetDevice, m_config.stream, m_headset, error);
    if (!m_headsetOut)
        return false;
    if (!m_config.speakerDevice.isEmpty() && m_config.speakerDevice != m_config.headsetDevice) {
        m_speakerOut
            = m_backend.openOutput(m_config.speakerDevice, m_config.stream, m_speaker, error);
        if (!m_speakerOut)
            return false;
    }
    m_pipeline.setSingleOutput(!m_speakerOut);
    // Alarms get their own stream even on the headset's device: on JACK or PipeWire that is a
    // port of its own, to be wired to a loudspeaker.
    if (!m_config.alertDevice.isEmpty()) {
        m_alertOut = m_backend.openOutput(m_config.alertDevice, m_config.stream, m_alert, error);
        if (!m_alertOut)
            return false;
    }
    m_pipeline.setAlertOutput(m_alertOut ? &m_alert : nullptr);
    for (AudioStream *s : streams()) {
        if (s && !s->start(error))
            return false;
    }
    return true;
}

void MediaWorker::run()
{
    m_rtp = new RtpEndpoint(this);
    m_rtp->open(QHostAddress::AnyIPv4);
    connect(m_rtp, &RtpEndpoint::latched, this, &MediaWorker::mediaReady);
    connect(m_rtp, &RtpEndpoint::packetReceived, this, &MediaWorker::onPacket);
    m_wake.start();
}

void MediaWorker::onPacket(const ReceivedRtp &p)
{
    const VoiceEngine::Impairment &impair = m_config.impairment;
    if (impair.loss > 0 && m_impairRandom.generateDouble() < impair.loss)
        return;
    if (impair.jitterMs > 0) {
        const qint64 hold = qint64(m_impairRandom.bounded(impair.jitterMs * 1000 + 1));
        m_delayed.emplace(p.arrivalUs + hold, p);
        return;
    }
    m_pipeline.receive(p.ssrc, p.sequence, p.timestamp, p.marker, p.payload, p.arrivalUs / 1000);
}

void MediaWorker::releaseDelayed()
{
    const qint64 now = monotonicUs();
    while (!m_delayed.empty() && m_delayed.begin()->first <= now) {
        const ReceivedRtp &p = m_delayed.begin()->second;
        m_pipeline.receive(p.ssrc, p.sequence, p.timestamp, p.marker, p.payload, now / 1000);
        m_delayed.erase(m_delayed.begin());
    }
}

void MediaWorker::closeStreams()
{
    for (AudioStream *s : streams()) {
        if (s)
            s->stop();
    }
    m_pipeline.setAlertOutput(nullptr);
    m_input.reset();
    m_headsetOut.reset();
    m_speakerOut.reset();
    m_alertOut.reset();
}

void MediaWorker::shutdown()
{
    m_wake.stop();
    closeStreams();
    delete m_rtp;
    m_rtp = nullptr;
}

void MediaWorker::connectMedia(const QHostAddress &relay, quint16 port, quint32 ssrc,
                               const QString &key)
{
    if (m_rtp)
        m_rtp->start(relay, port, ssrc, key);
}

void MediaWorker::runTasks()
{
    std::deque<std::function<void()>> tasks;
    {
        const std::lock_guard lock(m_tasksMutex);
        tasks.swap(m_tasks);
    }
    for (const std::function<void()> &task : tasks)
        task();
}

void MediaWorker::setDeviceMessage(const QString &message)
{
    const std::lock_guard lock(m_messageMutex);
    m_deviceMessage = message;
}

void MediaWorker::onWake()
{
    if (std::promise<void> *done = m_shutdownRequest.exchange(nullptr, std::memory_order_acq_rel)) {
        shutdown();
        // The media thread ends its own event loop: a quit() from the owner thread would poke
        // this thread's wake-up descriptor while the loop may already be tearing it down.
        thread()->quit();
        done->set_value();
        return;
    }
    runTasks();
    for (AudioStream *s : streams()) {
        if (s && s->hasFailed()) {
            recoverDevices();
            return;
        }
    }
    releaseDelayed();
    // Sending waits for nothing: every whole frame the microphone has delivered goes out now.
    m_pipeline.pumpCapture();
    const float peak = m_pipeline.takeInputPeak();
    if (peak > m_inputPeak.load(std::memory_order_relaxed))
        m_inputPeak.store(peak, std::memory_order_relaxed);
    // The headset device's consumption is the playout clock. Keep just enough queued for it to
    // reach its next callback plus our wake-up slack; every sample more is delay.
    const uint32_t period = m_headsetOut ? m_headsetOut->largestPeriod() : 0;
    const uint64_t underruns = m_headsetOut ? m_headsetOut->xruns() : 0;
    if (underruns > m_underruns && m_playing.isValid() && m_playing.elapsed() > 500
        && m_slackMs < kMaxSlackMs) {
        // The device ran dry: this machine wakes us later than we assumed. Keep more queued.
        m_slackMs = std::min(kMaxSlackMs, m_slackMs + 2);
        qCDebug(lcMedia) << "headset underrun; playout slack now" << m_slackMs << "ms";
    }
    m_underruns = underruns;
    const std::size_t target = std::size_t(period) + std::size_t(48 * m_slackMs);
    if (m_pipeline.keepQueued(target, monotonicMs()) > 0 && !m_playing.isValid())
        m_playing.start();
    if (!m_speakerOut)
        m_speaker.skip(m_speaker.readable()); // mixed into the headset instead
}

void MediaWorker::switchDevices(const QString &input, const QString &headset,
                                const QString &speaker, const QString &alert)
{
    closeStreams();
    m_config.inputDevice = input;
    m_config.headsetDevice = headset;
    m_config.speakerDevice = speaker;
    m_config.alertDevice = alert;
    QString error;
    if (openDevices(&error)) {
        Q_EMIT devicesSwitched(true);
        return;
    }
    // A dispatcher must never be left deaf: back to the defaults, and say why.
    closeStreams();
    m_config.inputDevice.clear();
    m_config.headsetDevice.clear();
    m_config.speakerDevice.clear();
    m_config.alertDevice.clear();
    QString fallbackError;
    const bool fallback = openDevices(&fallbackError);
    setDeviceMessage(fallback ? QStringLiteral("%1; using the default devices").arg(error)
                              : QStringLiteral("%1; %2").arg(error, fallbackError));
    Q_EMIT devicesSwitched(false);
}

void MediaWorker::recoverDevices()
{
    qCWarning(lcMedia) << "an audio device failed; falling back to the default devices";
    closeStreams();
    QString error;
    m_config.inputDevice.clear();
    m_config.headsetDevice.clear();
    m_config.speakerDevice.clear();
    m_config.alertDevice.clear();
    const bool recovered = m_backend.reinitialize(&error) && openDevices(&error);
    setDeviceMessage(recovered ? QStringLiteral("audio device lost; using the default device")
                               : QStringLiteral("audio device lost: %1").arg(error));
    Q_EMIT deviceLost(recovered);
    // Without devices the timer keeps running: it still serves RTP and the shutdown request.
}

} // namespace floorline::media
