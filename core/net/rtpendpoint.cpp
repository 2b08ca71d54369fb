// SPDX-License-Identifier: Apache-2.0
#include "rtpendpoint.h"

#include "core/protocol/clock.h"
#include "core/protocol/rtp.h"
#include "srtp.h"

#include <QNetworkDatagram>
#include <QNetworkProxy>
#include <QRandomGenerator>
#include <QUdpSocket>

namespace floorline {

namespace {
/// A packet may beat its Floor Taken (UDP against TCP) by a few milliseconds; one that waits
/// longer for its key is not coming right.
constexpr qint64 kKeyWaitUs = 1'000'000;
constexpr std::size_t kMaxWaitingPerTalker = 64;
} // namespace

RtpEndpoint::RtpEndpoint(QObject *parent)
    : QObject(parent)
    , m_socket(new QUdpSocket(this))
    , m_sequence(quint16(QRandomGenerator::global()->generate())) // RFC 3550 §5.1: random start
{
    // RTP goes straight to the relay: no HTTP/SOCKS proxy carries it, and asking the system
    // proxy resolver (libproxy) for one only costs a thread per socket.
    m_socket->setProxy(QNetworkProxy::NoProxy);
    connect(m_socket, &QUdpSocket::readyRead, this, &RtpEndpoint::onReadyRead);
    connect(&m_keepAlive, &QTimer::timeout, this, &RtpEndpoint::sendKeepAlive);
}

RtpEndpoint::~RtpEndpoint() = default;

bool RtpEndpoint::open(const QHostAddress &local, quint16 port)
{
    return m_socket->bind(local, port);
}

quint16 RtpEndpoint::localPort() const
{
    return m_socket->localPort();
}

void RtpEndpoint::start(const QHostAddress &server, quint16 port, quint32 ssrc, const QString &key,
                        int keepAliveSeconds)
{
    m_server = server;
    m_port = port;
    const QByteArray bytes = QByteArray::fromHex(key.toLatin1());
    // A resume keeps its login and so its key: the relay's replay window remembers our
    // keep-alives' numbers, which must go on rising.
    if (ssrc != m_ssrc || bytes != m_key) {
        m_keepAliveContext.reset();
        if (bytes.size() == int(srtp::kKeySize))
            m_keepAliveContext = srtp::Context::sender(bytes);
        // RFC 3711 §3.3.1: start low, so the first rollover is far away.
        m_keepAliveSequence = quint16(QRandomGenerator::global()->bounded(0x8000));
        m_talkContext.reset();
        m_talkers.clear();
        m_waiting.clear();
    }
    m_ssrc = ssrc;
    m_key = bytes;
    m_latched = false;
    sendKeepAlive();
    m_keepAlive.start(keepAliveSeconds * 1000);
}

void RtpEndpoint::stop()
{
    m_keepAlive.stop();
    m_latched = false;
}

void RtpEndpoint::setTalkKey(const QString &key)
{
    const QByteArray bytes = srtp::parseKey(key);
    if (!m_talkContext || m_talkContext->key() != bytes)
        m_talkContext = bytes.isEmpty() ? nullptr : srtp::Context::sender(bytes);
}

void RtpEndpoint::setTalkerKey(quint32 ssrc, const QString &key)
{
    const QByteArray bytes = srtp::parseKey(key);
    if (bytes.isEmpty() || !m_keepAliveContext)
        return;
    auto &context = m_talkers[ssrc];
    if (context && context->key() == bytes)
        return;
    context = srtp::Context::receiver(bytes, ssrc);
    // What came before its key can be played now, in the order it came.
    const auto waiting = m_waiting.find(ssrc);
    if (waiting == m_waiting.end())
        return;
    std::deque<Waiting> packets;
    packets.swap(waiting->second);
    m_waiting.erase(waiting);
    for (Waiting &w : packets)
        deliver(std::move(w.datagram), w.arrivalUs);
}

void RtpEndpoint::sendKeepAlive()
{
    proto::RtpPacket header;
    header.payloadType = proto::kKeepAlivePayloadType;
    header.ssrc = m_ssrc;
    uint8_t buffer[proto::kRtpHeaderSize + proto::kMediaKeySize + srtp::kTrailerRoom];
    std::size_t size = 0;
    if (m_keepAliveContext) {
        // SRTP: no payload; the tag over the header is the proof, the sequence number makes
        // each keep-alive new to the relay's replay window.
        header.sequence = m_keepAliveSequence++;
        size = proto::writeRtp(header, {}, buffer);
        size = m_keepAliveContext->protect(buffer, size, sizeof buffer);
    } else {
        header.sequence = 0;
        size = proto::writeRtp(
            header,
            {reinterpret_cast<const uint8_t *>(m_key.constData()), std::size_t(m_key.size())},
            buffer);
    }
    if (size)
        m_socket->writeDatagram(reinterpret_cast<const char *>(buffer), qint64(size), m_server,
                                m_port);
}

void RtpEndpoint::sendPayload(const QByteArray &payload, bool marker, quint32 timestamp)
{
    proto::RtpPacket header;
    header.marker = marker;
    header.payloadType = proto::kOpusPayloadType;
    header.sequence = m_sequence++;
    header.timestamp = timestamp;
    header.ssrc = m_ssrc;
    uint8_t buffer[proto::kMaxDatagramSize + srtp::kTrailerRoom];
    std::size_t size = proto::writeRtp(
        header,
        {reinterpret_cast<const uint8_t *>(payload.constData()), std::size_t(payload.size())},
        buffer);
    if (m_keepAliveContext) {
        // Never in clear on a secure server: without a talk key nobody could hear it anyway.
        size = m_talkContext ? m_talkContext->protect(buffer, size, sizeof buffer) : 0;
        if (size > proto::kMaxDatagramSize)
            size = 0;
    }
    if (size == 0)
        return;
    m_socket->writeDatagram(reinterpret_cast<const char *>(buffer), qint64(size), m_server, m_port);
    ++m_sent;
}

void RtpEndpoint::sendDatagram(const QByteArray &datagram)
{
    m_socket->writeDatagram(datagram, m_server, m_port);
}

void RtpEndpoint::onReadyRead()
{
    while (m_socket->hasPendingDatagrams()) {
        const QNetworkDatagram datagram = m_socket->receiveDatagram(4096);
        deliver(datagram.data(), monotonicUs());
    }
    if (!m_waiting.empty())
        expireWaiting(monotonicUs());
}

bool RtpEndpoint::unprotect(QByteArray &data, quint32 ssrc, qint64 arrivalUs)
{
    const auto talker = m_talkers.find(ssrc);
    std::size_t size = std::size_t(data.size());
    const srtp::Result result = talker == m_talkers.end()
        ? srtp::Result::AuthFailed
        : talker->second->unprotect(reinterpret_cast<uint8_t *>(data.data()), size);
    switch (result) {
    case srtp::Result::Ok:
        data.truncate(qsizetype(size));
        return true;
    case srtp::Result::Replayed:
        ++m_replayed;
        return false;
    case srtp::Result::Malformed:
        ++m_rejected;
        return false;
    case srtp::Result::AuthFailed:
        break;
    }
    // No key yet, or the key of the talker's last talk: its Floor Taken is on the way.
    std::deque<Waiting> &waiting = m_waiting[ssrc];
    if (waiting.size() == kMaxWaitingPerTalker) {
        waiting.pop_front();
        ++m_rejected;
    }
    waiting.push_back({data, arrivalUs});
    return false;
}

void RtpEndpoint::expireWaiting(qint64 nowUs)
{
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
        std::deque<Waiting> &waiting = it->second;
        while (!waiting.empty() && nowUs - waiting.front().arrivalUs > kKeyWaitUs) {
            waiting.pop_front();
            ++m_rejected;
        }
        it = waiting.empty() ? m_waiting.erase(it) : std::next(it);
    }
}

void RtpEndpoint::deliver(QByteArray data, qint64 arrivalUs)
{
    proto::RtpPacket packet;
    const auto error = proto::parseRtp(
        {reinterpret_cast<const uint8_t *>(data.constData()), std::size_t(data.size())}, packet);
    if (error != proto::RtpError::None) {
        ++m_malformed;
        return;
    }
    if (packet.payloadType == proto::kKeepAlivePayloadType) {
        // Only the echo of our own keep-alive proves the relay latched this socket.
        if (packet.ssrc != m_ssrc)
            return;
        if (!m_latched) {
            m_latched = true;
            Q_EMIT latched();
        }
        return;
    }
    if (m_keepAliveContext) {
        if (!unprotect(data, packet.ssrc, arrivalUs))
            return;
        proto::parseRtp(
            {reinterpret_cast<const uint8_t *>(data.constData()), std::size_t(data.size())},
            packet);
    }
    ++m_received;
    ReceivedRtp out;
    out.ssrc = packet.ssrc;
    out.sequence = packet.sequence;
    out.timestamp = packet.timestamp;
    out.marker = packet.marker;
    out.payloadType = packet.payloadType;
    out.payload = QByteArray(reinterpret_cast<const char *>(packet.payload.data()),
                             qsizetype(packet.payload.size()));
    out.arrivalUs = arrivalUs;
    Q_EMIT packetReceived(out);
}

} // namespace floorline
