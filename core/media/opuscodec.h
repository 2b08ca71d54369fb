// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <span>
#include <vector>

struct OpusEncoder;
struct OpusDecoder;

namespace floorline::media {

/**
 * @brief Opus encoder for voice (RFC 7587 payloads): one packet per frame.
 *
 * Media thread only; libopus state is not thread-safe.
 */
class OpusVoiceEncoder
{
public:
    struct Config
    {
        int sampleRate = 48000; ///< 8000, 12000, 16000, 24000 or 48000
        int frameMs = 20; ///< 10 or 20 (10 = low-delay option)
        int bitrate = 24000;
        bool inbandFec = true;
        int expectedLossPercent = 5;
        /// Opus's restricted low-delay mode (CELT only): 2.5 ms of look-ahead instead of
        /// 6.5, but no in-band FEC (SILK carries it), so loss is left to PLC.
        bool lowDelay = false;
        /// 0-10. Opus defaults to 10; 5 costs about half the CPU for speech at these rates
        /// with little audible difference, which matters with a fleet of encoders.
        int complexity = 5;
    };

    explicit OpusVoiceEncoder(Config config);
    ~OpusVoiceEncoder();
    OpusVoiceEncoder(const OpusVoiceEncoder &) = delete;
    OpusVoiceEncoder &operator=(const OpusVoiceEncoder &) = delete;

    bool isValid() const { return m_encoder != nullptr; }
    QString errorString() const { return m_error; }
    int frameSamples() const { return m_config.sampleRate * m_config.frameMs / 1000; }
    /// RTP timestamp increment per frame: RFC 7587 always counts at 48 kHz.
    uint32_t timestampStep() const { return uint32_t(48 * m_config.frameMs); }
    /// Encodes exactly frameSamples() mono samples; empty on error.
    QByteArray encode(std::span<const int16_t> frame);

private:
    Config m_config;
    OpusEncoder *m_encoder = nullptr;
    QString m_error;
};

/// @brief Opus decoder for one talker at 48 kHz mono, with PLC and in-band FEC.
class OpusVoiceDecoder
{
public:
    explicit OpusVoiceDecoder(int sampleRate = 48000);
    ~OpusVoiceDecoder();
    OpusVoiceDecoder(const OpusVoiceDecoder &) = delete;
    OpusVoiceDecoder &operator=(const OpusVoiceDecoder &) = delete;

    bool isValid() const { return m_decoder != nullptr; }
    /// Decodes a packet into `out`; returns samples written, or a negative libopus error.
    int decode(const QByteArray &packet, std::span<int16_t> out);
    /// Conceals a lost frame of out.size() samples (PLC).
    int conceal(std::span<int16_t> out);
    /// Rebuilds a lost frame of out.size() samples from the in-band FEC of the packet after it.
    int decodeFec(const QByteArray &nextPacket, std::span<int16_t> out);

private:
    OpusDecoder *m_decoder = nullptr;
};

/// Encodes a whole mono clip into frames (the last frame zero-padded).
std::vector<QByteArray> encodeClip(std::span<const int16_t> samples,
                                   const OpusVoiceEncoder::Config &config);

} // namespace floorline::media
