// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace floorline::server {

/// @brief A datagram the relay forwarded, as a tap sees it: its SSRC and where its bytes are.
struct TappedPacket
{
    uint32_t ssrc = 0;
    std::size_t offset = 0;
    std::size_t size = 0;
};

/**
 * @brief Where the relay hands a copy of what it forwards for SSRCs the routes mark
 * (recording): once per receive batch, on the relay's thread. An implementation must return
 * at once (copy and wake its own thread): the relay forwards nothing while it runs.
 */
class PacketTap
{
public:
    virtual ~PacketTap() = default;
    virtual void tapped(std::span<const TappedPacket> packets, std::span<const uint8_t> bytes) = 0;
};

} // namespace floorline::server
