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
    // Parented, so moveToThread() takes the timer along to the media thread.
    m_wake.setParent(this);
    m_wake.setTimerType(Qt::PreciseTimer);
    m_wake.setInterval(2);
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
    for (AudioStream *s : {m_input.get(), m_headsetOut.get(), m_speakerOut.get()}) {
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
    connect(m_rtp, &RtpEndpoint::packetReceived, this, [this](const ReceivedRtp &p) {
        m_pipeline.receive(p.ssrc, p.sequence, p.timestamp, p.marker, p.payload,
                           p.arrivalUs / 1000);
    });
    m_wake.start();
}

void MediaWorker::closeStreams()
{
    for (AudioStream *s : {m_input.get(), m_headsetOut.get(), m_speakerOut.get()}) {
        if (s)
            s->stop();
    }
    m_input.reset();
    m_headsetOut.reset();
    m_speakerOut.reset();
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

void MediaWorker::onWake()
{
    for (AudioStream *s : {m_input.get(), m_headsetOut.get(), m_speakerOut.get()}) {
        if (s && s->hasFailed()) {
            recoverDevices();
            return;
        }
    }
    // The headset device's consumption is the clock: produce a frame whenever fewer than two
    // are queued for it, so playout never starves and never builds up delay.
    const std::size_t frame = std::size_t(m_pipeline.frameSamples());
    while (m_headset.readable() < 2 * frame) {
        m_pipeline.tick(monotonicMs());
        if (!m_speakerOut)
            m_speaker.skip(m_speaker.readable()); // speaker shares the headset device
    }
}

void MediaWorker::recoverDevices()
{
    qCWarning(lcMedia) << "an audio device failed; falling back to the default devices";
    closeStreams();
    QString error;
    m_config.inputDevice.clear();
    m_config.headsetDevice.clear();
    m_config.speakerDevice.clear();
    const bool recovered = m_backend.reinitialize(&error) && openDevices(&error);
    Q_EMIT deviceLost(recovered ? QStringLiteral("audio device lost; using the default device")
                                : QStringLiteral("audio device lost: %1").arg(error),
                      recovered);
    if (!recovered)
        m_wake.stop();
}

} // namespace floorline::media
