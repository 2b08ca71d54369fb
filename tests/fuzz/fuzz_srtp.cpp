// SPDX-License-Identifier: Apache-2.0
// SRTP (AES-128-GCM) at a receiver and at the relay's keep-alive check, any bytes. The first byte
// picks what the rest is: an SRTP datagram off the network (0), or an RTP packet a client
// protects and a receiver opens again (1).
//
// The libsrtp sessions are made once, not per input: Debian's libsrtp runs on NSS, where a new
// session costs about 2 ms, and 10 million inputs would take days. So every input must leave
// them as it found them, or be made to: a datagram is opened as stream kSsrc (every receiver and
// the relay look a datagram's context up by its SSRC, so no other stream would ever see it), a
// receiver that verified one is replaced, and the round trip numbers its packets in order.
#include "core/net/srtp.h"
#include "core/protocol/rtp.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>

using namespace floorline;

namespace {
/// The SSRC of the valid SRTP packets among the seeds (tests/fuzz/corpus/fuzz_srtp).
constexpr uint32_t kSsrc = 0x11223344;

const QByteArray &key()
{
    static const QByteArray k
        = QByteArray::fromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b");
    return k;
}

using Buffer = std::array<uint8_t, proto::kMaxDatagramSize + srtp::kTrailerRoom>;

void setSsrc(uint8_t *packet, uint32_t ssrc)
{
    packet[8] = uint8_t(ssrc >> 24);
    packet[9] = uint8_t(ssrc >> 16);
    packet[10] = uint8_t(ssrc >> 8);
    packet[11] = uint8_t(ssrc);
}

/// A late entrant's receiver: it has verified nothing yet, so it guesses rollover counters.
void fromNetwork(const uint8_t *data, std::size_t size)
{
    static std::unique_ptr<srtp::Context> receiver = srtp::Context::receiver(key(), kSsrc);
    Buffer datagram {};
    std::memcpy(datagram.data(), data, size);
    setSsrc(datagram.data(), kSsrc);
    Buffer buffer = datagram;
    std::size_t length = size;
    const srtp::Result result = receiver->unprotect(buffer.data(), length);
    if (result != srtp::Result::Ok) {
        // A refused packet is left exactly as it came, and so is the receiver.
        if (length != size || std::memcmp(buffer.data(), datagram.data(), size) != 0)
            __builtin_trap();
        return;
    }
    // Verified (only a real key does that): what is left lies inside the datagram. The
    // receiver now knows this stream; the next input gets one that does not.
    if (length + srtp::kOverhead != size)
        __builtin_trap();
    receiver = srtp::Context::receiver(key(), kSsrc);
}

/// A client protects what its own writer made, the parsed header and payload of the input, and
/// a receiver that follows the stream opens it to the same bytes. The packets are numbered in
/// order (the sender refuses to use an index twice), so a long run also rolls the sequence
/// number over, again and again.
void roundTrip(const uint8_t *data, std::size_t size)
{
    static std::unique_ptr<srtp::Context> sender = srtp::Context::sender(key());
    static std::unique_ptr<srtp::Context> receiver = srtp::Context::receiver(key(), kSsrc);
    static uint16_t sequence = 0;
    proto::RtpPacket packet;
    if (proto::parseRtp({data, size}, packet) != proto::RtpError::None)
        return;
    packet.ssrc = kSsrc;
    packet.sequence = sequence;
    Buffer plain {};
    const std::size_t written = proto::writeRtp(packet, packet.payload, plain);
    if (written == 0)
        return;
    ++sequence;
    Buffer buffer = plain;
    std::size_t length = sender->protect(buffer.data(), written, buffer.size());
    if (length != written + srtp::kOverhead)
        __builtin_trap();
    if (receiver->unprotect(buffer.data(), length) != srtp::Result::Ok || length != written
        || std::memcmp(buffer.data(), plain.data(), written) != 0)
        __builtin_trap();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, std::size_t size)
{
    if (size < 1 + proto::kRtpHeaderSize || size - 1 > proto::kMaxDatagramSize)
        return 0;
    if (data[0] & 1)
        roundTrip(data + 1, size - 1);
    else
        fromNetwork(data + 1, size - 1);
    return 0;
}
