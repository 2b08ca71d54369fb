// SPDX-License-Identifier: Apache-2.0
// SRTP (AES-128-GCM) at a receiver and at the relay's keep-alive check, any bytes. The first byte
// picks what the rest is: an SRTP datagram off the network (0), or an RTP packet a client
// protects and a receiver opens again (1).
#include "core/net/srtp.h"
#include "core/protocol/rtp.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>

using namespace floorline;

namespace {
const QByteArray &key()
{
    static const QByteArray k
        = QByteArray::fromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b");
    return k;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, std::size_t size)
{
    if (size < 1 + proto::kRtpHeaderSize || size - 1 > proto::kMaxDatagramSize)
        return 0;
    const bool roundTrip = data[0] & 1;
    ++data;
    --size;
    const uint32_t ssrc = proto::peekSsrc(data);
    auto receiver = srtp::Context::receiver(key(), ssrc);
    std::array<uint8_t, proto::kMaxDatagramSize + srtp::kTrailerRoom> buffer {};
    std::memcpy(buffer.data(), data, size);

    if (!roundTrip) {
        std::size_t length = size;
        const srtp::Result result = receiver->unprotect(buffer.data(), length);
        if (result != srtp::Result::Ok) {
            // A refused packet is left exactly as it came.
            if (length != size || std::memcmp(buffer.data(), data, size) != 0)
                __builtin_trap();
            return 0;
        }
        // Verified (only a real key does that): what is left lies inside the datagram.
        if (length + srtp::kOverhead != size)
            __builtin_trap();
        return 0;
    }

    // A client protects what its own writer made: the parsed header and payload of the input.
    proto::RtpPacket packet;
    if (proto::parseRtp({data, size}, packet) != proto::RtpError::None)
        return 0;
    std::array<uint8_t, proto::kMaxDatagramSize + srtp::kTrailerRoom> plain {};
    const std::size_t written = proto::writeRtp(packet, packet.payload, plain);
    if (written == 0)
        return 0;
    auto sender = srtp::Context::sender(key());
    std::memcpy(buffer.data(), plain.data(), written);
    std::size_t length = sender->protect(buffer.data(), written, buffer.size());
    if (length != written + srtp::kOverhead)
        __builtin_trap();
    if (receiver->unprotect(buffer.data(), length) != srtp::Result::Ok || length != written
        || std::memcmp(buffer.data(), plain.data(), written) != 0)
        __builtin_trap();
    return 0;
}
