// SPDX-License-Identifier: Apache-2.0
#include "voicepipeline.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace floorline::media {

namespace {
/// A talker silent this long is forgotten (its decoder and buffer freed).
constexpr int64_t kStreamIdleMs = 10000;
/// Packets a talker must have sent before its jitter says anything about the network.
constexpr uint64_t kJitterEvidence = 10;
/// Below this peak (about -40 dBFS) a frame is silence that may be dropped to shed delay.
constexpr int16_t kQuietPeak = 330;

bool isQuiet(const std::vector<int16_t> &pcm)
{
    return std::all_of(pcm.begin(), pcm.end(),
                       [](int16_t v) { return v < kQuietPeak && v > -kQuietPeak; });
}
OpusVoiceEncoder::Config encoderConfig(const VoicePipeline::Config &c)
{
    OpusVoiceEncoder::Config e;
    e.frameMs = c.frameMs;
    e.bitrate = c.bitrate;
    e.inbandFec = c.inbandFec;
    e.lowDelay = c.lowDelayCodec.value_or(c.frameMs < 20);
    return e;
}

} // namespace

VoicePipeline::VoicePipeline(Config config, SpscRing<float> &capture, SpscRing<float> &headset,
                             SpscRing<float> &speaker, Send send)
    : m_config(config)
    , m_frame(48 * config.frameMs)
    , m_capture(capture)
    , m_headset(headset)
    , m_speaker(speaker)
    , m_send(std::move(send))
    , m_encoder(encoderConfig(config))
    , m_filter(48 * config.frameMs, 48000, config.filter)
    , m_timestamp(QRandomGenerator::global()->generate())
{
    m_config.jitter.frameMs = config.frameMs;
    m_captureFrame.resize(std::size_t(m_frame));
    m_capturePcm.resize(std::size_t(m_frame));
    m_pcm.resize(std::size_t(m_frame));
    m_toneHeadset.resize(std::size_t(m_frame));
    m_toneSpeaker.resize(std::size_t(m_frame));
    m_toneAlert.resize(std::size_t(m_frame));
    m_outHeadset.resize(std::size_t(m_frame));
    m_outSpeaker.resize(std::size_t(m_frame));
    m_pendingAt = std::size_t(m_frame);
}

VoicePipeline::~VoicePipeline() = default;

void VoicePipeline::setTransmitting(bool on)
{
    if (on && !m_transmitting)
        m_startSpurt = true;
    m_transmitting = on;
}

void VoicePipeline::setStream(uint32_t ssrc, Route route, float gain)
{
    Stream &s = stream(ssrc);
    s.route = route;
    s.gain = gain;
    s.routed = true;
}

VoicePipeline::Stream &VoicePipeline::stream(uint32_t ssrc)
{
    auto it = m_streams.find(ssrc);
    if (it == m_streams.end()) {
        // Every talker reaches us through the same relay, so a new talker's buffer starts from
        // the jitter the others have shown instead of a blind guess.
        JitterBuffer::Config config = m_config.jitter;
        const double jitter = networkJitterMs();
        if (jitter >= 0)
            config.initialDelayMs = std::clamp(int(std::ceil(config.minDelayMs + 3.0 * jitter)),
                                               config.minDelayMs, config.maxDelayMs);
        it = m_streams.insert(ssrc, std::make_shared<Stream>(config));
    }
    return **it;
}

void VoicePipeline::receive(uint32_t ssrc, uint16_t sequence, uint32_t timestamp, bool marker,
                            const QByteArray &payload, int64_t arrivalMs)
{
    Stream &s = stream(ssrc);
    s.buffer.push(sequence, timestamp, marker, payload, arrivalMs);
    s.lastPacketMs = arrivalMs;
}

void VoicePipeline::playTone(Tone tone, Route route)
{
    m_tones.push_back({renderTone(tone, 48000), 0, route});
}

void VoicePipeline::sendFrame(std::span<const int16_t> pcm, bool marker)
{
    const QByteArray packet = m_encoder.encode(pcm);
    if (!packet.isEmpty() && m_send) {
        m_send(packet, marker, m_timestamp);
        ++m_framesSent;
    }
    m_timestamp += uint32_t(m_frame);
}

void VoicePipeline::pumpCapture()
{
    const std::size_t preRollFrames = std::size_t(m_config.preRollMs / m_config.frameMs);
    while (m_capture.readable() >= m_captureFrame.size()) {
        m_capture.read(m_captureFrame.data(), m_captureFrame.size());
        for (std::size_t i = 0; i < m_captureFrame.size(); ++i)
            m_capturePcm[i] = int16_t(std::clamp(m_captureFrame[i], -1.0f, 1.0f) * 32767.0f);
        m_filter.process(m_capturePcm);
        for (const int16_t sample : m_capturePcm)
            m_inputPeak = std::max(m_inputPeak, std::abs(float(sample)) / 32768.0f);
        if (m_transmitting) {
            bool marker = false;
            if (m_startSpurt) {
                // The spurt starts with the pre-roll: what was said just before the grant,
                // stamped with the media time it was captured at.
                marker = true;
                m_startSpurt = false;
                m_timestamp -= uint32_t(m_frame) * uint32_t(m_preRoll.size());
                for (const std::vector<int16_t> &old : m_preRoll) {
                    sendFrame(old, marker);
                    marker = false;
                }
                m_preRoll.clear();
            }
            sendFrame(m_capturePcm, marker);
        } else {
            // Off the air the media clock still runs (RFC 3550 §5.1): a listener who joins
            // mid-spurt, having missed its marker, still sees timestamps that match arrival.
            m_timestamp += uint32_t(m_frame);
            if (preRollFrames > 0) {
                m_preRoll.push_back(m_capturePcm);
                while (m_preRoll.size() > preRollFrames)
                    m_preRoll.pop_front();
            }
        }
    }
}

int VoicePipeline::decodeNext(Stream &s, int64_t nowMs, bool *surplus)
{
    const JitterBuffer::Frame f = s.buffer.pop(nowMs);
    *surplus = f.surplus;
    switch (f.kind) {
    case JitterBuffer::Kind::None:
        return 0;
    case JitterBuffer::Kind::Packet:
        return s.decoder.decode(f.payload, m_pcm);
    case JitterBuffer::Kind::Fec:
        return s.decoder.decodeFec(f.payload, m_pcm);
    case JitterBuffer::Kind::Conceal:
        return s.decoder.conceal(m_pcm);
    }
    return 0;
}

void VoicePipeline::playout(int64_t nowMs)
{
    std::vector<MixInput> inputs;
    inputs.reserve(std::size_t(m_streams.size()) + 2);
    for (auto it = m_streams.begin(); it != m_streams.end();) {
        Stream &s = **it;
        if (m_config.playRoutedOnly && !s.routed) {
            // Held until routed (or forgotten, if nobody ever claims it).
            if (nowMs - s.lastPacketMs > kStreamIdleMs && s.lastPacketMs > 0)
                it = m_streams.erase(it);
            else
                ++it;
            continue;
        }
        bool surplus = false;
        int decoded = decodeNext(s, nowMs, &surplus);
        if (surplus && decoded == m_frame && isQuiet(m_pcm)) {
            // A frame of silence we do not need: drop it and play the next one now.
            s.buffer.skipped();
            decoded = decodeNext(s, nowMs, &surplus);
        }
        if (decoded == m_frame) {
            s.frame.resize(std::size_t(m_frame));
            for (int i = 0; i < m_frame; ++i)
                s.frame[std::size_t(i)] = float(m_pcm[std::size_t(i)]) / 32768.0f;
            inputs.push_back({s.frame, s.gain, m_singleOutput ? Route::Headset : s.route});
        }
        if (s.buffer.isIdle() && nowMs - s.lastPacketMs > kStreamIdleMs && s.lastPacketMs > 0) {
            if (s.buffer.stats().received >= kJitterEvidence)
                m_forgottenJitterMs = s.buffer.stats().jitterMs;
            it = m_streams.erase(it);
        } else
            ++it;
    }

    std::fill(m_toneHeadset.begin(), m_toneHeadset.end(), 0.0f);
    std::fill(m_toneSpeaker.begin(), m_toneSpeaker.end(), 0.0f);
    bool headsetTone = false, speakerTone = false, alertTone = false;
    for (PlayingTone &t : m_tones) {
        const bool alert = t.route == Route::Alert && m_alert;
        const bool headset = !alert && (t.route != Route::Speaker || m_singleOutput);
        std::vector<float> &into = alert ? m_toneAlert : headset ? m_toneHeadset : m_toneSpeaker;
        if (alert && !alertTone)
            std::fill(m_toneAlert.begin(), m_toneAlert.end(), 0.0f);
        (alert ? alertTone : headset ? headsetTone : speakerTone) = true;
        for (std::size_t i = 0; i < into.size() && t.at < t.samples.size(); ++i, ++t.at)
            into[i] += t.samples[t.at];
    }
    std::erase_if(m_tones, [](const PlayingTone &t) { return t.at >= t.samples.size(); });
    if (headsetTone)
        inputs.push_back({m_toneHeadset, 1.0f, Route::Headset});
    if (speakerTone)
        inputs.push_back({m_toneSpeaker, 1.0f, Route::Speaker});

    mix(inputs, m_outHeadset, m_outSpeaker);
    if (alertTone) {
        // The alert device plays only alarms: written as they are made, silence is the
        // device's own when nothing is queued.
        for (float &s : m_toneAlert)
            s = softClip(s);
        if (m_alert->write(m_toneAlert.data(), m_toneAlert.size()) < m_toneAlert.size())
            ++m_outputOverruns;
    }
    m_pendingAt = 0;
    m_pendingSilent = inputs.empty();
}

void VoicePipeline::flush(std::size_t samples)
{
    const std::size_t n = std::min(samples, std::size_t(m_frame) - m_pendingAt);
    // A ring that is full means no device is draining it: drop rather than block.
    if (m_headset.write(m_outHeadset.data() + m_pendingAt, n) < n)
        ++m_outputOverruns;
    if (m_speaker.write(m_outSpeaker.data() + m_pendingAt, n) < n)
        ++m_outputOverruns;
    m_pendingAt += n;
}

bool VoicePipeline::somethingToStart(int64_t nowMs) const
{
    if (!m_tones.empty())
        return true;
    for (const auto &s : m_streams) {
        if (s->buffer.readyToStart(nowMs))
            return true;
    }
    return false;
}

int VoicePipeline::keepQueued(std::size_t samples, int64_t nowMs)
{
    // Idle silence already mixed but not yet queued is dropped the moment a talker's first
    // frame or a tone is due, so they start within one wake-up instead of up to a frame late.
    if (m_pendingSilent && m_pendingAt < std::size_t(m_frame) && somethingToStart(nowMs))
        m_pendingAt = std::size_t(m_frame);
    int frames = 0;
    // Top the ring up to exactly `samples`, so the headset never holds more than it needs.
    while (m_headset.readable() < samples && m_headset.writable() > 0) {
        if (m_pendingAt >= std::size_t(m_frame)) {
            playout(nowMs);
            ++frames;
        }
        flush(samples - m_headset.readable());
    }
    return frames;
}

double VoicePipeline::networkJitterMs() const
{
    double jitter = m_forgottenJitterMs;
    for (const auto &s : m_streams) {
        if (s->buffer.stats().received >= kJitterEvidence)
            jitter = std::max(jitter, s->buffer.stats().jitterMs);
    }
    return jitter;
}

QHash<uint32_t, StreamStats> VoicePipeline::stats() const
{
    QHash<uint32_t, StreamStats> out;
    for (auto it = m_streams.cbegin(); it != m_streams.cend(); ++it)
        out.insert(it.key(), (*it)->buffer.stats());
    return out;
}

} // namespace floorline::media
