// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QTimer>

#include <deque>
#include <memory>
#include <unordered_map>

class QUdpSocket;

namespace floorline {

namespace srtp {
class Context;
}

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
 * Sends keep-alives that prove the login's media key so the relay latches this socket's address
 * (symmetric RTP), numbers outgoing packets, and parses incoming ones with the bounds-checked
 * parser. With SRTP (a 56-digit key, §6.5) keep-alives are authenticated SRTP packets, media
 * goes out under the talk key of our floor grant and comes in under each talker's key from
 * Floor Taken; a packet that arrives before its key waits for it (briefly). Lives on whichever
 * thread owns it; the voice engine moves it to its media thread.
 */
class RtpEndpoint : public QObject
{
    Q_OBJECT
public:
    explicit RtpEndpoint(QObject *parent = nullptr);
    ~RtpEndpoint() override;
    RtpEndpoint(const RtpEndpoint &) = delete;
    RtpEndpoint &operator=(const RtpEndpoint &) = delete;

    bool open(const QHostAddress &local = QHostAddress::LocalHost, quint16 port = 0);
    quint16 localPort() const;
    /// Targets the relay and starts keep-alives; key is the login's media key: 32 hex digits
    /// for plain RTP, 56 for SRTP.
    void start(const QHostAddress &server, quint16 port, quint32 ssrc, const QString &key,
               int keepAliveSeconds = 5);
    void stop();
    bool isSecure() const { return m_keepAliveContext != nullptr; }
    /// SRTP: the key our media goes out under from now on (Floor Granted's `key`).
    void setTalkKey(const QString &key);
    /// SRTP: the key media from `ssrc` comes under (Floor Taken's `key`).
    void setTalkerKey(quint32 ssrc, const QString &key);
    /// Tests: the next media packet's sequence number (a long talk about to roll over).
    void setNextSequence(quint16 sequence) { m_sequence = sequence; }

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
    /// SRTP packets that never verified: wrong key, forged, or their key never came.
    quint64 rejected() const { return m_rejected; }
    quint64 replayed() const { return m_replayed; }

Q_SIGNALS:
    void packetReceived(const floorline::ReceivedRtp &packet);
    /// The relay answered a keep-alive: media sent now reaches it, media for us reaches us.
    void latched();

private:
    struct Waiting
    {
        QByteArray datagram;
        qint64 arrivalUs = 0;
    };

    void onReadyRead();
    void deliver(QByteArray data, qint64 arrivalUs);
    /// SRTP: verifies and decrypts in place; false when the packet is kept waiting or dropped.
    bool unprotect(QByteArray &data, quint32 ssrc, qint64 arrivalUs);
    void expireWaiting(qint64 nowUs);

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
    quint64 m_rejected = 0;
    quint64 m_replayed = 0;
    std::unique_ptr<srtp::Context> m_keepAliveContext; ///< SRTP mode when set
    std::unique_ptr<srtp::Context> m_talkContext;
    quint16 m_keepAliveSequence = 0;
    std::unordered_map<quint32, std::unique_ptr<srtp::Context>> m_talkers;
    std::unordered_map<quint32, std::deque<Waiting>> m_waiting;
};

} // namespace floorline
