// SPDX-License-Identifier: Apache-2.0
// A UDP datagram on the relay's port or a client's media socket (RFC 3550), any bytes.
#include "core/protocol/rtp.h"

#include <array>
#include <cstddef>
#include <cstdint>

using namespace floorline::proto;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, std::size_t size)
{
    RtpPacket packet;
    if (parseRtp(std::span<const uint8_t>(data, size), packet) != RtpError::None)
        return 0;
    // The views it returns lie inside the datagram.
    if (packet.payload.size() > size
        || (!packet.payload.empty()
            && (packet.payload.data() < data
                || packet.payload.data() + packet.payload.size() > data + size)))
        __builtin_trap();
    // Written again without extension and CSRCs, it parses to the same header and payload.
    std::array<uint8_t, kMaxDatagramSize + 64> out {};
    const std::size_t written = writeRtp(packet, packet.payload, out);
    if (written == 0)
        return 0;
    RtpPacket again;
    if (parseRtp(std::span<const uint8_t>(out.data(), written), again) != RtpError::None
        || again.ssrc != packet.ssrc || again.sequence != packet.sequence
        || again.payload.size() != packet.payload.size())
        __builtin_trap();
    return 0;
}
