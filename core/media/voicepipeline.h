// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "capturefilter.h"
#include "jitterbuffer.h"
#include "mixer.h"
#include "opuscodec.h"
#include "spscring.h"
#include "tones.h"

#include <QByteArray>
#include <QHash>

#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace floorline::media {

/**
 * @brief The voice path of one console or unit, one frame period at a time.
 *
 * Capture: samples from the microphone ring are cut into frames; while transmitting each frame
 * is Opus-encoded and handed to `send` (RTP). The last `preRollMs` of audio before transmission
 * starts are sent first, so a word begun as the talk-permit tone ends is not clipped.
 * Receive: each talker (SSRC) has its own jitter buffer and decoder; every frame period all of
 * them are popped, decoded (packet, FEC or PLC), weighted by the talker's group volume, routed
 * to the headset or the speaker, mixed with any tone and soft-clipped into the output rings.
 *
 * Thread rule: every method runs on the media thread. Only the rings cross to audio callbacks.
 * tick() is driven by the media thread's clock, or by a test's virtual clock.
 */
class VoicePipeline
{
public:
    struct Config
    {
        int frameMs = 20; ///< 20, or 10 for low delay
        /// Opus without look-ahead beyond 2.5 ms (and so without FEC); on by default with
        /// 10 ms frames, where every millisecond counts.
        std::optional<bool> lowDelayCodec;
        int bitrate = 24000;
        bool inbandFec = true;
        int preRollMs = 20;
        CaptureFilter::Config filter; ///< noise suppression and AGC, both off by default
        JitterBuffer::Config jitter;
        /// A talker is played only once setStream() has said where (a console, which knows
        /// each group's routing, volume and mute); otherwise at full gain in the headset.
        bool playRoutedOnly = false;
    };
    using Send = std::function<void(const QByteArray &payload, bool marker, uint32_t timestamp)>;

    VoicePipeline(Config config, SpscRing<float> &capture, SpscRing<float> &headset,
                  SpscRing<float> &speaker, Send send);
    ~VoicePipeline();

    void setTransmitting(bool on);
    bool isTransmitting() const { return m_transmitting; }
    /// Routing and volume of a talker's stream (from the group it talks in).
    void setStream(uint32_t ssrc, Route route, float gain);
    void receive(uint32_t ssrc, uint16_t sequence, uint32_t timestamp, bool marker,
                 const QByteArray &payload, int64_t arrivalMs);
    void playTone(Tone tone, Route route);
    /// One output device only: speaker-routed audio is mixed into the headset instead, so
    /// unselected groups stay audible.
    void setSingleOutput(bool single) { m_singleOutput = single; }
    /// Where Route::Alert tones go: their own device's ring, or null (the headset).
    void setAlertOutput(SpscRing<float> *alert) { m_alert = alert; }

    /// Encodes and sends every whole frame the microphone has delivered (while transmitting;
    /// otherwise keeps the pre-roll). Called as often as possible: a frame waits for nothing.
    void pumpCapture();
    /// The loudest captured sample (after the capture filter) since the last call, 0..1.
    float takeInputPeak() { return std::exchange(m_inputPeak, 0.0f); }
    /// Mixes the next playout frame at `nowMs`: pops every talker, decodes, mixes with tones.
    /// The frame waits in the pipeline until flush() or keepQueued() hands it to the rings.
    void playout(int64_t nowMs);
    /// Hands up to `samples` of the mixed frame to the output rings.
    void flush(std::size_t samples);
    /// Tops the headset ring up to `samples`, mixing frames as needed: the media thread's
    /// policy, driven by the headset device's consumption. Returns the frames mixed.
    int keepQueued(std::size_t samples, int64_t nowMs);
    /// One whole frame period at `nowMs` (virtual-clock tests and tools).
    void tick(int64_t nowMs)
    {
        pumpCapture();
        playout(nowMs);
        flush(std::size_t(m_frame));
    }

    int frameSamples() const { return m_frame; }
    QHash<uint32_t, StreamStats> stats() const;
    /// The largest jitter any talker has shown (ms), or -1 before any has.
    double networkJitterMs() const;
    uint64_t framesSent() const { return m_framesSent; }
    uint64_t outputOverruns() const { return m_outputOverruns; }

private:
    struct Stream
    {
        explicit Stream(const JitterBuffer::Config &config)
            : buffer(config)
        { }
        JitterBuffer buffer;
        OpusVoiceDecoder decoder {48000};
        Route route = Route::Headset;
        float gain = 1.0f;
        /// The console has said where this talker goes. Until then its packets wait in the
        /// buffer: a first packet that beats Floor Taken must not play at full gain in the
        /// headset of a dispatcher who muted that group.
        bool routed = false;
        int64_t lastPacketMs = 0;
        std::vector<float> frame;
    };
    void sendFrame(std::span<const int16_t> pcm, bool marker);
    Stream &stream(uint32_t ssrc);
    bool somethingToStart(int64_t nowMs) const;
    /// Pops and decodes `s`'s next frame into m_pcm; returns the samples decoded.
    int decodeNext(Stream &s, int64_t nowMs, bool *surplus);

    Config m_config;
    int m_frame;
    SpscRing<float> &m_capture;
    SpscRing<float> &m_headset;
    SpscRing<float> &m_speaker;
    Send m_send;
    OpusVoiceEncoder m_encoder;
    CaptureFilter m_filter;
    bool m_transmitting = false;
    bool m_singleOutput = false;
    bool m_startSpurt = false;
    uint32_t m_timestamp;
    std::deque<std::vector<int16_t>> m_preRoll;
    std::vector<float> m_captureFrame;
    std::vector<int16_t> m_capturePcm;
    std::vector<int16_t> m_pcm;
    QHash<uint32_t, std::shared_ptr<Stream>> m_streams;
    struct PlayingTone
    {
        std::vector<float> samples;
        std::size_t at = 0;
        Route route;
    };
    std::vector<PlayingTone> m_tones;
    std::vector<float> m_toneHeadset, m_toneSpeaker, m_toneAlert;
    SpscRing<float> *m_alert = nullptr;
    std::vector<float> m_outHeadset, m_outSpeaker; ///< the mixed frame, from m_pendingAt on
    std::size_t m_pendingAt = 0;
    bool m_pendingSilent = true; ///< nobody talking and no tone: may be cut short
    uint64_t m_framesSent = 0;
    uint64_t m_outputOverruns = 0;
    double m_forgottenJitterMs = -1;
    float m_inputPeak = 0.0f;
};

} // namespace floorline::media
