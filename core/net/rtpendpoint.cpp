// SPDX-License-Identifier: Apache-2.0
#include "rtpendpoint.h"

#include "core/protocol/clock.h"
#include "core/protocol/rtp.h"

#include <QNetworkDatagram>
#include <QNetworkProxy>
#include <QRandomGenerator>
#include <QUdpSocket>

namespace floorline {

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
    m_ssrc = ssrc;
    m_key = QByteArray::fromHex(key.toLatin1());
    m_latched = false;
    sendKeepAlive();
    m_keepAlive.start(keepAliveSeconds * 1000);
}

void RtpEndpoint::stop()
{
    m_keepAlive.stop();
    m_latched = false;
}

void RtpEndpoint::sendKeepAlive()
{
    proto::RtpPacket header;
    header.payloadType = proto::kKeepAlivePayloadType;
    header.sequence = 0;
    header.ssrc = m_ssrc;
    uint8_t buffer[proto::kRtpHeaderSize + proto::kMediaKeySize];
    const std::size_t size = proto::writeRtp(
        header, {reinterpret_cast<const uint8_t *>(m_key.constData()), std::size_t(m_key.size())},
        buffer);
    m_socket->writeDatagram(reinterpret_cast<const char *>(buffer), qint64(size), m_server, m_port);
}

void RtpEndpoint::sendPayload(const QByteArray &payload, bool marker, quint32 timestamp)
{
    proto::RtpPacket header;
    header.marker = marker;
    header.payloadType = proto::kOpusPayloadType;
    header.sequence = m_sequence++;
    header.timestamp = timestamp;
    header.ssrc = m_ssrc;
    uint8_t buffer[proto::kMaxDatagramSize];
    const std::size_t size = proto::writeRtp(
        header,
        {reinterpret_cast<const uint8_t *>(payload.constData()), std::size_t(payload.size())},
        buffer);
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
        const QByteArray data = datagram.data();
        proto::RtpPacket packet;
        const auto error = proto::parseRtp(
            {reinterpret_cast<const uint8_t *>(data.constData()), std::size_t(data.size())},
            packet);
        if (error != proto::RtpError::None) {
            ++m_malformed;
            continue;
        }
        if (packet.payloadType == proto::kKeepAlivePayloadType) {
            // Only the echo of our own keep-alive proves the relay latched this socket.
            if (packet.ssrc != m_ssrc)
                continue;
            if (!m_latched) {
                m_latched = true;
                Q_EMIT latched();
            }
            continue;
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
        out.arrivalUs = monotonicUs();
        Q_EMIT packetReceived(out);
    }
}

} // namespace floorline
