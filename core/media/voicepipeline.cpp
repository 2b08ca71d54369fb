// SPDX-License-Identifier: Apache-2.0
#include "voicepipeline.h"

#include <QRandomGenerator>

#include <algorithm>

namespace floorline::media {

namespace {
/// A talker silent this long is forgotten (its decoder and buffer freed).
constexpr int64_t kStreamIdleMs = 10000;
} // namespace

VoicePipeline::VoicePipeline(Config config, SpscRing<float> &capture, SpscRing<float> &headset,
                             SpscRing<float> &speaker, Send send)
    : m_config(config)
    , m_frame(48 * config.frameMs)
    , m_capture(capture)
    , m_headset(headset)
    , m_speaker(speaker)
    , m_send(std::move(send))
    , m_encoder(
          OpusVoiceEncoder::Config {48000, config.frameMs, config.bitrate, config.inbandFec, 5})
    , m_timestamp(QRandomGenerator::global()->generate())
{
    m_config.jitter.frameMs = config.frameMs;
    m_captureFrame.resize(std::size_t(m_frame));
    m_pcm.resize(std::size_t(m_frame));
    m_toneHeadset.resize(std::size_t(m_frame));
    m_toneSpeaker.resize(std::size_t(m_frame));
    m_outHeadset.resize(std::size_t(m_frame));
    m_outSpeaker.resize(std::size_t(m_frame));
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
}

VoicePipeline::Stream &VoicePipeline::stream(uint32_t ssrc)
{
    auto it = m_streams.find(ssrc);
    if (it == m_streams.end())
        it = m_streams.insert(ssrc, std::make_shared<Stream>(m_config.jitter));
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

void VoicePipeline::sendFrame(const std::vector<float> &frame, bool marker)
{
    for (std::size_t i = 0; i < frame.size(); ++i)
        m_pcm[i] = int16_t(std::clamp(frame[i], -1.0f, 1.0f) * 32767.0f);
    const QByteArray packet = m_encoder.encode(m_pcm);
    if (!packet.isEmpty() && m_send) {
        m_send(packet, marker, m_timestamp);
        ++m_framesSent;
    }
    m_timestamp += uint32_t(m_frame);
}

void VoicePipeline::captureFrames()
{
    const std::size_t preRollFrames = std::size_t(m_config.preRollMs / m_config.frameMs);
    while (m_capture.readable() >= m_captureFrame.size()) {
        m_capture.read(m_captureFrame.data(), m_captureFrame.size());
        if (m_transmitting) {
            bool marker = false;
            if (m_startSpurt) {
                // The spurt starts with the pre-roll: what was said just before the grant.
                marker = true;
                m_startSpurt = false;
                for (const std::vector<float> &old : m_preRoll) {
                    sendFrame(old, marker);
                    marker = false;
                }
                m_preRoll.clear();
            }
            sendFrame(m_captureFrame, marker);
        } else if (preRollFrames > 0) {
            m_preRoll.push_back(m_captureFrame);
            while (m_preRoll.size() > preRollFrames)
                m_preRoll.pop_front();
        }
    }
}

void VoicePipeline::tick(int64_t nowMs)
{
    captureFrames();

    std::vector<MixInput> inputs;
    inputs.reserve(std::size_t(m_streams.size()) + 2);
    for (auto it = m_streams.begin(); it != m_streams.end();) {
        Stream &s = **it;
        const JitterBuffer::Frame f = s.buffer.pop(nowMs);
        int decoded = 0;
        switch (f.kind) {
        case JitterBuffer::Kind::None:
            break;
        case JitterBuffer::Kind::Packet:
            decoded = s.decoder.decode(f.payload, m_pcm);
            break;
        case JitterBuffer::Kind::Fec:
            decoded = s.decoder.decodeFec(f.payload, m_pcm);
            break;
        case JitterBuffer::Kind::Conceal:
            decoded = s.decoder.conceal(m_pcm);
            break;
        }
        if (decoded == m_frame) {
            s.frame.resize(std::size_t(m_frame));
            for (int i = 0; i < m_frame; ++i)
                s.frame[std::size_t(i)] = float(m_pcm[std::size_t(i)]) / 32768.0f;
            inputs.push_back({s.frame, s.gain, s.route});
        }
        if (s.buffer.isIdle() && nowMs - s.lastPacketMs > kStreamIdleMs && s.lastPacketMs > 0)
            it = m_streams.erase(it);
        else
            ++it;
    }

    std::fill(m_toneHeadset.begin(), m_toneHeadset.end(), 0.0f);
    std::fill(m_toneSpeaker.begin(), m_toneSpeaker.end(), 0.0f);
    bool headsetTone = false, speakerTone = false;
    for (PlayingTone &t : m_tones) {
        std::vector<float> &into = t.route == Route::Headset ? m_toneHeadset : m_toneSpeaker;
        (t.route == Route::Headset ? headsetTone : speakerTone) = true;
        for (std::size_t i = 0; i < into.size() && t.at < t.samples.size(); ++i, ++t.at)
            into[i] += t.samples[t.at];
    }
    std::erase_if(m_tones, [](const PlayingTone &t) { return t.at >= t.samples.size(); });
    if (headsetTone)
        inputs.push_back({m_toneHeadset, 1.0f, Route::Headset});
    if (speakerTone)
        inputs.push_back({m_toneSpeaker, 1.0f, Route::Speaker});

    mix(inputs, m_outHeadset, m_outSpeaker);
    // A ring that is full means no device is draining it: drop rather than block.
    if (m_headset.write(m_outHeadset.data(), m_outHeadset.size()) < m_outHeadset.size())
        ++m_outputOverruns;
    if (m_speaker.write(m_outSpeaker.data(), m_outSpeaker.size()) < m_outSpeaker.size())
        ++m_outputOverruns;
}

QHash<uint32_t, StreamStats> VoicePipeline::stats() const
{
    QHash<uint32_t, StreamStats> out;
    for (auto it = m_streams.cbegin(); it != m_streams.cend(); ++it)
        out.insert(it.key(), (*it)->buffer.stats());
    return out;
}

} // namespace floorline::media
