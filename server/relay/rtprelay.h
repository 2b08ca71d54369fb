// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "packettap.h"
#include "udpsocket.h"

#include "core/protocol/rtp.h"

#include <QHostAddress>

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace floorline::srtp {
class Context;
}

namespace floorline::server {

/**
 * @brief The RTP relay: forwards the floor holder's packets to its session's other members.
 *
 * Threads: everything below run() executes on the relay's own thread and owns the latch table.
 * The signaling thread only calls publish(), which swaps in an immutable Routes snapshot under a
 * mutex the relay takes once per changed generation, never per packet. Counters are atomics read
 * by anyone.
 */
/// An IP address as the relay compares it: IPv4 (also when IPv4-mapped in IPv6) or IPv6.
struct PeerIp
{
    bool v4 = true;
    std::array<uint8_t, 16> bytes {}; ///< IPv4: the first 4
    static PeerIp of(const QHostAddress &address);
    static PeerIp of(const sockaddr_storage &address);
    bool operator==(const PeerIp &) const = default;
};

class RtpRelay
{
public:
    /// A login's media identity, fixed at login (docs/protocol.md §6.2).
    struct Binding
    {
        /// Plain RTP: the first 16 bytes are sent in keep-alives. SRTP: all 28 are the
        /// master key and salt that authenticate them.
        std::array<uint8_t, 28> key {};
        /// monotonicMs() of the last relayed packet, read by the session's T1 timer.
        std::shared_ptr<std::atomic<int64_t>> lastMediaMs;
        /// The only IP address this SSRC may latch from: its login's signaling peer. Media
        /// cannot be pointed at a third party (a reflector) even with the key. Unset: any.
        std::optional<PeerIp> from;
    };

    /// Immutable routing snapshot built by the signaling thread.
    struct Routes
    {
        std::shared_ptr<const std::unordered_map<uint32_t, Binding>> bindings;
        /// holder SSRC -> SSRCs that receive its media (deduplicated across sessions)
        std::unordered_map<uint32_t, std::vector<uint32_t>> forwards;
        /// holder SSRCs whose spurts are recorded: their packets also go to the tap
        std::unordered_set<uint32_t> recorded;
    };

    struct Counters
    {
        std::atomic<uint64_t> received {0};
        std::atomic<uint64_t> relayedIn {0}; ///< holder packets accepted for forwarding
        std::atomic<uint64_t> forwarded {0}; ///< packets sent to receivers
        std::atomic<uint64_t> keepAlives {0};
        std::atomic<uint64_t> droppedMalformed {0};
        std::atomic<uint64_t> droppedOversize {0};
        std::atomic<uint64_t> droppedUnknownSsrc {0};
        std::atomic<uint64_t> droppedUnlatched {0}; ///< SSRC not latched, or from another address
        std::atomic<uint64_t> droppedBadKey {0}; ///< SRTP: includes forged keep-alives
        /// SRTP keep-alives authentic but already seen (a replay) or older than the window
        std::atomic<uint64_t> droppedReplayed {0};
        /// keep-alives with the right key from an address other than the login's signaling peer
        std::atomic<uint64_t> droppedForeignAddress {0};
        std::atomic<uint64_t> droppedNotHolder {0};
        std::atomic<uint64_t> droppedPayloadType {0};
        uint64_t dropped() const;
    };

    RtpRelay();
    ~RtpRelay();

    /// SRTP (the default): keep-alives are authenticated SRTP packets (docs/protocol.md §6.5);
    /// false: plain RTP keep-alives carrying the key. Before start().
    void setSecure(bool secure) { m_secure = secure; }
    /// Who gets a copy of the recorded SSRCs' packets (Routes::recorded). Before start().
    void setTap(PacketTap *tap) { m_tap = tap; }
    bool secure() const { return m_secure; }

    bool start(const QHostAddress &address, quint16 port, QString *error);
    void stop();
    quint16 port() const { return m_socket.localPort(); }
    void publish(std::shared_ptr<const Routes> routes);
    const Counters &counters() const { return m_counters; }

private:
    struct Latch
    {
        sockaddr_storage address {};
        socklen_t length = 0;
    };

    void run();
    void refreshRoutes();
    void handle(const Datagram &datagram, int64_t nowMs);
    bool sameAddress(const Latch &latch, const Datagram &datagram) const;
    bool keepAliveProven(const Datagram &datagram, const proto::RtpPacket &packet,
                         const Binding &binding);

    UdpSocket m_socket;
    std::thread m_thread;
    std::atomic<bool> m_stop {false};
    Counters m_counters;

    std::mutex m_routesMutex;
    std::shared_ptr<const Routes> m_pending;
    std::atomic<uint64_t> m_generation {0};

    // Relay thread only.
    std::shared_ptr<const Routes> m_routes;
    uint64_t m_seenGeneration = 0;
    std::unordered_map<uint32_t, Latch> m_latches;
    /// SRTP: one receiver per SSRC that sent a keep-alive, under its login's key; its replay
    /// window is what makes a captured keep-alive useless to anyone else.
    std::unordered_map<uint32_t, std::unique_ptr<srtp::Context>> m_keepAlives;
    bool m_secure = true;
    std::vector<Outgoing> m_out;
    PacketTap *m_tap = nullptr;
    std::vector<TappedPacket> m_tapped; ///< this batch's, handed over once per batch
    std::vector<uint8_t> m_tapBytes;
};

} // namespace floorline::server
