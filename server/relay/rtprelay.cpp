// SPDX-License-Identifier: Apache-2.0
#include "rtprelay.h"

#include "core/net/srtp.h"
#include "core/protocol/clock.h"
#include "core/protocol/rtp.h"

#include <QLoggingCategory>

#include <cstring>

Q_LOGGING_CATEGORY(lcRelay, "floorline.server.relay", QtInfoMsg)

namespace floorline::server {

namespace {
constexpr int kBatch = 64;
constexpr std::size_t kBufferSize = 2048; // > kMaxDatagramSize, so oversize is detectable
} // namespace

uint64_t RtpRelay::Counters::dropped() const
{
    return droppedMalformed + droppedOversize + droppedUnknownSsrc + droppedUnlatched
        + droppedBadKey + droppedReplayed + droppedForeignAddress + droppedNotHolder
        + droppedPayloadType;
}

RtpRelay::RtpRelay() = default;

RtpRelay::~RtpRelay()
{
    stop();
}

bool RtpRelay::start(const QHostAddress &address, quint16 port, QString *error)
{
    if (!m_socket.bind(address, port, error))
        return false;
    auto empty = std::make_shared<Routes>();
    empty->bindings = std::make_shared<std::unordered_map<uint32_t, Binding>>();
    m_routes = empty;
    m_stop = false;
    m_thread = std::thread([this] { run(); });
    qCInfo(lcRelay) << (m_secure ? "SRTP" : "plain RTP") << "relay on" << address.toString()
                    << m_socket.localPort();
    return true;
}

void RtpRelay::stop()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
    m_socket.close();
}

void RtpRelay::publish(std::shared_ptr<const Routes> routes)
{
    std::lock_guard lock(m_routesMutex);
    m_pending = std::move(routes);
    m_generation.fetch_add(1, std::memory_order_release);
}

void RtpRelay::refreshRoutes()
{
    const uint64_t generation = m_generation.load(std::memory_order_acquire);
    if (generation == m_seenGeneration)
        return;
    {
        std::lock_guard lock(m_routesMutex);
        m_routes = m_pending;
    }
    m_seenGeneration = generation;
    // A logged-out SSRC loses its latch, so a reused SSRC must prove its key again; so does
    // one whose login now signals from another address (a resume after a network change).
    for (auto it = m_latches.begin(); it != m_latches.end();) {
        const auto binding = m_routes->bindings->find(it->first);
        if (binding == m_routes->bindings->end()
            || (binding->second.from && !(*binding->second.from == PeerIp::of(it->second.address))))
            it = m_latches.erase(it);
        else
            ++it;
    }
    for (auto it = m_keepAlives.begin(); it != m_keepAlives.end();) {
        const auto binding = m_routes->bindings->find(it->first);
        const bool sameKey = binding != m_routes->bindings->end()
            && std::memcmp(binding->second.key.data(), it->second->key().constData(),
                           binding->second.key.size())
                == 0;
        it = sameKey ? std::next(it) : m_keepAlives.erase(it);
    }
}

bool RtpRelay::keepAliveProven(const Datagram &datagram, const proto::RtpPacket &packet,
                               const Binding &binding)
{
    const uint32_t ssrc = packet.ssrc;
    if (!m_secure) {
        // Plain RTP: the payload is the key itself (whoever sees one keep-alive knows it).
        if (packet.payload.size() == proto::kMediaKeySize
            && std::memcmp(packet.payload.data(), binding.key.data(), proto::kMediaKeySize) == 0)
            return true;
        m_counters.droppedBadKey.fetch_add(1, std::memory_order_relaxed);
        return false;
    }
    auto &context = m_keepAlives[ssrc];
    if (!context) {
        context = srtp::Context::receiver(
            QByteArray(reinterpret_cast<const char *>(binding.key.data()), int(binding.key.size())),
            ssrc);
        if (!context) {
            m_keepAlives.erase(ssrc);
            m_counters.droppedBadKey.fetch_add(1, std::memory_order_relaxed);
            return false;
        }
    }
    // In place: a refused packet is left as it came, and a verified one is only overwritten
    // by its echo (from `packet`, parsed before).
    std::size_t size = datagram.size;
    switch (context->unprotect(datagram.data, size)) {
    case srtp::Result::Ok:
        return true;
    case srtp::Result::Replayed:
        m_counters.droppedReplayed.fetch_add(1, std::memory_order_relaxed);
        return false;
    case srtp::Result::AuthFailed:
    case srtp::Result::Malformed:
        break;
    }
    m_counters.droppedBadKey.fetch_add(1, std::memory_order_relaxed);
    return false;
}

void RtpRelay::run()
{
    std::vector<std::array<uint8_t, kBufferSize>> buffers(kBatch);
    std::vector<Datagram> batch(kBatch);
    m_out.reserve(kBatch * 64);
    while (!m_stop.load(std::memory_order_relaxed)) {
        if (!m_socket.waitReadable(50)) {
            refreshRoutes();
            continue;
        }
        for (int i = 0; i < kBatch; ++i) {
            batch[i].data = buffers[i].data();
            batch[i].size = kBufferSize;
        }
        const int n = m_socket.receive(batch);
        refreshRoutes();
        const int64_t now = monotonicMs();
        for (int i = 0; i < n; ++i)
            handle(batch[i], now);
        if (!m_out.empty()) {
            m_socket.send(m_out);
            m_out.clear();
        }
        // After sending: the listeners hear it first, the recorder copies it after.
        if (!m_tapped.empty()) {
            m_tap->tapped(m_tapped, m_tapBytes);
            m_tapped.clear();
            m_tapBytes.clear();
        }
    }
}

PeerIp PeerIp::of(const QHostAddress &address)
{
    PeerIp ip;
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4); // also for ::ffff:a.b.c.d
    if (isV4) {
        for (int i = 0; i < 4; ++i)
            ip.bytes[std::size_t(i)] = uint8_t(v4 >> (24 - 8 * i));
        return ip;
    }
    ip.v4 = false;
    const Q_IPV6ADDR v6 = address.toIPv6Address();
    std::memcpy(ip.bytes.data(), v6.c, 16);
    return ip;
}

PeerIp PeerIp::of(const sockaddr_storage &address)
{
    PeerIp ip;
    if (address.ss_family == AF_INET) {
        const auto *a = reinterpret_cast<const sockaddr_in *>(&address);
        std::memcpy(ip.bytes.data(), &a->sin_addr, 4);
        return ip;
    }
    const auto *a = reinterpret_cast<const sockaddr_in6 *>(&address);
    static constexpr uint8_t kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (std::memcmp(&a->sin6_addr, kMapped, 12) == 0) {
        std::memcpy(ip.bytes.data(), reinterpret_cast<const uint8_t *>(&a->sin6_addr) + 12, 4);
        return ip;
    }
    ip.v4 = false;
    std::memcpy(ip.bytes.data(), &a->sin6_addr, 16);
    return ip;
}

bool RtpRelay::sameAddress(const Latch &latch, const Datagram &datagram) const
{
    if (latch.length != datagram.peerLength)
        return false;
    const auto family = datagram.peer.ss_family;
    if (family == AF_INET) {
        const auto *a = reinterpret_cast<const sockaddr_in *>(&latch.address);
        const auto *b = reinterpret_cast<const sockaddr_in *>(&datagram.peer);
        return a->sin_port == b->sin_port && a->sin_addr.s_addr == b->sin_addr.s_addr;
    }
    if (family == AF_INET6) {
        const auto *a = reinterpret_cast<const sockaddr_in6 *>(&latch.address);
        const auto *b = reinterpret_cast<const sockaddr_in6 *>(&datagram.peer);
        return a->sin6_port == b->sin6_port
            && std::memcmp(&a->sin6_addr, &b->sin6_addr, sizeof a->sin6_addr) == 0;
    }
    return false;
}

void RtpRelay::handle(const Datagram &datagram, int64_t nowMs)
{
    m_counters.received.fetch_add(1, std::memory_order_relaxed);
    if (datagram.truncated || datagram.size > proto::kMaxDatagramSize) {
        m_counters.droppedOversize.fetch_add(1, std::memory_order_relaxed);
        return;
    }
    proto::RtpPacket packet;
    if (proto::parseRtp({datagram.data, datagram.size}, packet) != proto::RtpError::None) {
        m_counters.droppedMalformed.fetch_add(1, std::memory_order_relaxed);
        return;
    }
    const auto binding = m_routes->bindings->find(packet.ssrc);
    if (binding == m_routes->bindings->end()) {
        m_counters.droppedUnknownSsrc.fetch_add(1, std::memory_order_relaxed);
        return;
    }

    if (packet.payloadType == proto::kKeepAlivePayloadType) {
        // Symmetric RTP latching: the key proves the sender owns this SSRC's login. The
        // address is checked first: nobody else's keep-alive may cost a decryption, or move
        // the replay window of the real one.
        if (binding->second.from && !(*binding->second.from == PeerIp::of(datagram.peer))) {
            m_counters.droppedForeignAddress.fetch_add(1, std::memory_order_relaxed);
            return;
        }
        if (!keepAliveProven(datagram, packet, binding->second))
            return;
        Latch &latch = m_latches[packet.ssrc];
        std::memcpy(&latch.address, &datagram.peer, sizeof(sockaddr_storage));
        latch.length = datagram.peerLength;
        m_counters.keepAlives.fetch_add(1, std::memory_order_relaxed);
        // Echo a keep-alive so the client knows it is latched and its NAT binding stays open.
        // The echo is written over this datagram's own buffer: each echo in a batch keeps its
        // own SSRC and sequence number.
        proto::RtpPacket reply;
        reply.payloadType = proto::kKeepAlivePayloadType;
        reply.sequence = packet.sequence;
        reply.ssrc = packet.ssrc;
        const std::size_t size = proto::writeRtp(reply, {}, {datagram.data, datagram.size});
        m_out.push_back({datagram.data, size, &latch.address, latch.length});
        return;
    }

    const auto latch = m_latches.find(packet.ssrc);
    if (latch == m_latches.end() || !sameAddress(latch->second, datagram)) {
        m_counters.droppedUnlatched.fetch_add(1, std::memory_order_relaxed);
        return;
    }
    if (packet.payloadType != proto::kOpusPayloadType) {
        m_counters.droppedPayloadType.fetch_add(1, std::memory_order_relaxed);
        return;
    }
    const auto route = m_routes->forwards.find(packet.ssrc);
    if (route == m_routes->forwards.end()) {
        m_counters.droppedNotHolder.fetch_add(1, std::memory_order_relaxed);
        return;
    }
    m_counters.relayedIn.fetch_add(1, std::memory_order_relaxed);
    binding->second.lastMediaMs->store(nowMs, std::memory_order_relaxed);
    uint64_t sent = 0;
    for (const uint32_t destination : route->second) {
        const auto peer = m_latches.find(destination);
        if (peer == m_latches.end())
            continue; // receiver has not latched yet: it gets media from its first keep-alive on
        m_out.push_back({datagram.data, datagram.size, &peer->second.address, peer->second.length});
        ++sent;
    }
    m_counters.forwarded.fetch_add(sent, std::memory_order_relaxed);
    if (m_tap && m_routes->recorded.count(packet.ssrc)) {
        m_tapped.push_back({packet.ssrc, m_tapBytes.size(), datagram.size});
        m_tapBytes.insert(m_tapBytes.end(), datagram.data, datagram.data + datagram.size);
    }
}

} // namespace floorline::server
