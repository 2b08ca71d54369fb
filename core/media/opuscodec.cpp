// SPDX-License-Identifier: Apache-2.0
#include "opuscodec.h"

#include <opus.h>

#include <algorithm>

namespace floorline::media {

OpusVoiceEncoder::OpusVoiceEncoder(Config config)
    : m_config(config)
{
    int error = OPUS_OK;
    m_encoder = opus_encoder_create(
        config.sampleRate, 1,
        config.lowDelay ? OPUS_APPLICATION_RESTRICTED_LOWDELAY : OPUS_APPLICATION_VOIP, &error);
    if (error != OPUS_OK) {
        m_error = QString::fromLatin1(opus_strerror(error));
        m_encoder = nullptr;
        return;
    }
    opus_encoder_ctl(m_encoder, OPUS_SET_BITRATE(config.bitrate));
    opus_encoder_ctl(m_encoder, OPUS_SET_INBAND_FEC(config.inbandFec ? 1 : 0));
    opus_encoder_ctl(m_encoder, OPUS_SET_PACKET_LOSS_PERC(config.expectedLossPercent));
    opus_encoder_ctl(m_encoder, OPUS_SET_SIGNAL(OPUS_SIGNAL_VOICE));
    opus_encoder_ctl(m_encoder, OPUS_SET_COMPLEXITY(config.complexity));
}

OpusVoiceEncoder::~OpusVoiceEncoder()
{
    if (m_encoder)
        opus_encoder_destroy(m_encoder);
}

QByteArray OpusVoiceEncoder::encode(std::span<const int16_t> frame)
{
    if (!m_encoder || int(frame.size()) != frameSamples())
        return {};
    unsigned char packet[1275]; // the largest Opus packet
    const int bytes
        = opus_encode(m_encoder, frame.data(), int(frame.size()), packet, int(sizeof packet));
    if (bytes < 0)
        return {};
    return QByteArray(reinterpret_cast<const char *>(packet), bytes);
}

OpusVoiceDecoder::OpusVoiceDecoder(int sampleRate)
{
    int error = OPUS_OK;
    m_decoder = opus_decoder_create(sampleRate, 1, &error);
    if (error != OPUS_OK)
        m_decoder = nullptr;
}

OpusVoiceDecoder::~OpusVoiceDecoder()
{
    if (m_decoder)
        opus_decoder_destroy(m_decoder);
}

int OpusVoiceDecoder::decode(const QByteArray &packet, std::span<int16_t> out)
{
    if (!m_decoder)
        return OPUS_INVALID_STATE;
    return opus_decode(m_decoder, reinterpret_cast<const unsigned char *>(packet.constData()),
                       opus_int32(packet.size()), out.data(), int(out.size()), 0);
}

int OpusVoiceDecoder::conceal(std::span<int16_t> out)
{
    if (!m_decoder)
        return OPUS_INVALID_STATE;
    return opus_decode(m_decoder, nullptr, 0, out.data(), int(out.size()), 0);
}

int OpusVoiceDecoder::decodeFec(const QByteArray &nextPacket, std::span<int16_t> out)
{
    if (!m_decoder)
        return OPUS_INVALID_STATE;
    return opus_decode(m_decoder, reinterpret_cast<const unsigned char *>(nextPacket.constData()),
                       opus_int32(nextPacket.size()), out.data(), int(out.size()), 1);
}

std::vector<QByteArray> encodeClip(std::span<const int16_t> samples,
                                   const OpusVoiceEncoder::Config &config)
{
    OpusVoiceEncoder encoder(config);
    std::vector<QByteArray> packets;
    if (!encoder.isValid())
        return packets;
    const std::size_t frame = std::size_t(encoder.frameSamples());
    std::vector<int16_t> buffer(frame);
    for (std::size_t at = 0; at < samples.size(); at += frame) {
        const std::size_t n = std::min(frame, samples.size() - at);
        std::fill(buffer.begin(), buffer.end(), int16_t(0));
        std::copy_n(samples.begin() + std::ptrdiff_t(at), n, buffer.begin());
        packets.push_back(encoder.encode(buffer));
    }
    return packets;
}

} // namespace floorline::media
