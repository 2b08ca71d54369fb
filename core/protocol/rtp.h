// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

namespace floorline::proto {

/// RTP payload types and limits (docs/protocol.md §6).
inline constexpr uint8_t kOpusPayloadType = 111; ///< dynamic PT for Opus, RFC 7587
inline constexpr uint8_t kKeepAlivePayloadType = 127;
inline constexpr uint32_t kRtpClockRate = 48000; ///< RFC 7587: always 48 kHz
inline constexpr std::size_t kRtpHeaderSize = 12;
inline constexpr std::size_t kMaxDatagramSize = 1500;
inline constexpr std::size_t kMediaKeySize = 16; ///< plain RTP's keep-alive key
/// SRTP (docs/protocol.md §6.5): the one suite, and its master key + salt size.
inline constexpr const char *kSrtpSuite = "AEAD_AES_128_GCM";
inline constexpr std::size_t kSrtpKeySize = 28;

enum class RtpError {
    None,
    TooShort, ///< fewer than 12 bytes
    BadVersion, ///< version field is not 2
    CsrcPastEnd, ///< CSRC list runs past the end of the datagram
    ExtensionPastEnd, ///< header extension runs past the end of the datagram
    BadPadding, ///< padding count is 0 or longer than the payload
    TooLarge, ///< datagram above kMaxDatagramSize
};

const char *describe(RtpError error);

/// @brief Parsed RTP fixed header (RFC 3550 §5.1) plus views into the datagram it came from.
struct RtpPacket
{
    bool marker = false;
    uint8_t payloadType = 0;
    uint16_t sequence = 0;
    uint32_t timestamp = 0;
    uint32_t ssrc = 0;
    uint8_t csrcCount = 0;
    std::array<uint32_t, 15> csrc {};
    bool hasExtension = false;
    uint16_t extensionProfile = 0;
    std::span<const uint8_t> extension; ///< extension data after its 4-byte header
    std::span<const uint8_t> payload; ///< without padding
};

/// Parses one datagram. Every length field is checked against the datagram before it is used.
/// Never throws and never reads outside `datagram`.
RtpError parseRtp(std::span<const uint8_t> datagram, RtpPacket &out,
                  std::size_t maxSize = kMaxDatagramSize);

/// Writes header + payload into `out` (no CSRC list, no extension, no padding: what Floorline
/// senders emit). Returns the datagram size, or 0 when `out` is too small.
std::size_t writeRtp(const RtpPacket &header, std::span<const uint8_t> payload,
                     std::span<uint8_t> out);

/// Reads only the SSRC of a datagram already known to be >= 12 bytes (relay fast path).
inline uint32_t peekSsrc(const uint8_t *datagram)
{
    return (uint32_t(datagram[8]) << 24) | (uint32_t(datagram[9]) << 16)
        | (uint32_t(datagram[10]) << 8) | uint32_t(datagram[11]);
}

/// RFC 3550 sequence-number comparison: true when a is newer than b (modulo 2^16).
inline bool seqNewer(uint16_t a, uint16_t b)
{
    return a != b && uint16_t(a - b) < 0x8000;
}

} // namespace floorline::proto
