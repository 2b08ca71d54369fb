// SPDX-License-Identifier: Apache-2.0
#include "rtp.h"

namespace floorline::proto {

namespace {
uint16_t read16(const uint8_t *p)
{
    return uint16_t((p[0] << 8) | p[1]);
}
uint32_t read32(const uint8_t *p)
{
    return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | p[3];
}
void write16(uint8_t *p, uint16_t v)
{
    p[0] = uint8_t(v >> 8);
    p[1] = uint8_t(v);
}
void write32(uint8_t *p, uint32_t v)
{
    p[0] = uint8_t(v >> 24);
    p[1] = uint8_t(v >> 16);
    p[2] = uint8_t(v >> 8);
    p[3] = uint8_t(v);
}
} // namespace

const char *describe(RtpError error)
{
    switch (error) {
    case RtpError::None:
        return "ok";
    case RtpError::TooShort:
        return "shorter than the 12-byte RTP header";
    case RtpError::BadVersion:
        return "RTP version is not 2";
    case RtpError::CsrcPastEnd:
        return "CSRC list runs past the end of the packet";
    case RtpError::ExtensionPastEnd:
        return "header extension runs past the end of the packet";
    case RtpError::BadPadding:
        return "padding count is zero or longer than the payload";
    case RtpError::TooLarge:
        return "datagram larger than the limit";
    }
    return "unknown";
}

RtpError parseRtp(std::span<const uint8_t> datagram, RtpPacket &out, std::size_t maxSize)
{
    const std::size_t size = datagram.size();
    if (size > maxSize)
        return RtpError::TooLarge;
    if (size < kRtpHeaderSize)
        return RtpError::TooShort;
    const uint8_t *p = datagram.data();
    if ((p[0] >> 6) != 2)
        return RtpError::BadVersion;
    const bool padding = p[0] & 0x20;
    out.hasExtension = p[0] & 0x10;
    out.csrcCount = p[0] & 0x0f;
    out.marker = p[1] & 0x80;
    out.payloadType = p[1] & 0x7f;
    out.sequence = read16(p + 2);
    out.timestamp = read32(p + 4);
    out.ssrc = read32(p + 8);

    std::size_t offset = kRtpHeaderSize;
    if (size - offset < std::size_t(out.csrcCount) * 4)
        return RtpError::CsrcPastEnd;
    for (uint8_t i = 0; i < out.csrcCount; ++i, offset += 4)
        out.csrc[i] = read32(p + offset);

    out.extensionProfile = 0;
    out.extension = {};
    if (out.hasExtension) {
        if (size - offset < 4)
            return RtpError::ExtensionPastEnd;
        out.extensionProfile = read16(p + offset);
        const std::size_t words = read16(p + offset + 2);
        offset += 4;
        if (size - offset < words * 4)
            return RtpError::ExtensionPastEnd;
        out.extension = datagram.subspan(offset, words * 4);
        offset += words * 4;
    }

    std::size_t end = size;
    if (padding) {
        // RFC 3550 §5.1: the last octet counts the padding octets, itself included.
        const std::size_t count = p[size - 1];
        if (count == 0 || count > size - offset)
            return RtpError::BadPadding;
        end -= count;
    }
    out.payload = datagram.subspan(offset, end - offset);
    return RtpError::None;
}

std::size_t writeRtp(const RtpPacket &header, std::span<const uint8_t> payload,
                     std::span<uint8_t> out)
{
    const std::size_t size = kRtpHeaderSize + payload.size();
    if (out.size() < size)
        return 0;
    uint8_t *p = out.data();
    p[0] = 0x80; // V=2, no padding, no extension, no CSRC
    p[1] = uint8_t((header.marker ? 0x80 : 0) | (header.payloadType & 0x7f));
    write16(p + 2, header.sequence);
    write32(p + 4, header.timestamp);
    write32(p + 8, header.ssrc);
    for (std::size_t i = 0; i < payload.size(); ++i)
        p[kRtpHeaderSize + i] = payload[i];
    return size;
}

} // namespace floorline::proto
