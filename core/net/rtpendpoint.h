// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QTimer>

class QUdpSocket;

namespace floorline {

/// @brief One RTP packet as received, detached from the socket buffer.
struct ReceivedRtp
{
    quint32 ssrc = 0;
    quint16 sequence = 0;
    quint32 timestamp = 0;
    bool marker = false;
    quint8 payloadType = 0;
    QByteArray payload;
    qint64 arrivalUs = 0; ///< monotonicUs()
};

/**
 * @brief A client's RTP socket towards the server's relay (docs/protocol.md §6).
 *
 * Sends keep-alives carrying the login's media key so the relay latches this socket's address
 * (symmetric RTP), numbers outgoing packets, and parses incoming ones with the bounds-checked
 * parser. Lives on whichever thread owns it; the voice engine moves it to its media thread.
 */
class RtpEndpoint : public QObject
{
    Q_OBJECT
public:
    explicit RtpEndpoint(QObject *parent = nullptr);
    ~RtpEndpoint() override;

    bool open(const QHostAddress &local = QHostAddress::LocalHost, quint16 port = 0);
    quint16 localPort() const;
    /// Targets the relay and starts keep-alives; key is the login's 32-hex-digit media key.
    void start(const QHostAddress &server, quint16 port, quint32 ssrc, const QString &key,
               int keepAliveSeconds = 5);
    void stop();

    /// Sends one Opus packet with the next sequence number.
    void sendPayload(const QByteArray &payload, bool marker, quint32 timestamp);
    /// Sends an arbitrary datagram to the relay (tests of bad input).
    void sendDatagram(const QByteArray &datagram);
    void sendKeepAlive();

    bool isLatched() const { return m_latched; }
    quint32 ssrc() const { return m_ssrc; }
    quint64 sent() const { return m_sent; }
    quint64 received() const { return m_received; }
    quint64 malformed() const { return m_malformed; }

Q_SIGNALS:
    void packetReceived(const floorline::ReceivedRtp &packet);
    /// The relay answered a keep-alive: media sent now reaches it, media for us reaches us.
    void latched();

private:
    void onReadyRead();

    QUdpSocket *m_socket;
    QTimer m_keepAlive;
    QHostAddress m_server;
    quint16 m_port = 0;
    quint32 m_ssrc = 0;
    QByteArray m_key;
    quint16 m_sequence;
    bool m_latched = false;
    quint64 m_sent = 0;
    quint64 m_received = 0;
    quint64 m_malformed = 0;
};

} // namespace floorline
