// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>

#include <memory>

class QSslConfiguration;
class QSslServer;
class QSslSocket;
class QTcpServer;
class QWebSocket;
class QWebSocketServer;

namespace floorline::server {

/**
 * @brief The signaling port: TCP, then TLS (wss://) or not, then the WebSocket upgrade.
 *
 * TLS is terminated by a QSslServer of our own and the encrypted socket handed to the
 * WebSocket server, instead of letting QWebSocketServer do both: the connection must see the
 * socket beneath to measure what waits for a peer that does not read (the ciphertext is queued
 * there, invisible to QWebSocket), and failed handshakes must be counted.
 */
class SignalingListener : public QObject
{
    Q_OBJECT
public:
    explicit SignalingListener(QObject *parent = nullptr);
    ~SignalingListener() override;

    /// `tls` null: plain ws://.
    bool listen(const QHostAddress &host, quint16 port, const QSslConfiguration *tls,
                QString *error);
    void close();
    quint16 port() const;
    bool secure() const { return m_tls != nullptr; }
    /// TLS handshakes that failed or timed out (a scanner, a plain ws:// client, an attack).
    quint64 handshakeFailures() const { return m_handshakeFailures; }

Q_SIGNALS:
    /// A WebSocket is up; `tls` is the encrypted socket beneath it (null over ws://). The
    /// receiver owns `socket`.
    void accepted(QWebSocket *socket, QSslSocket *tls);

private:
    void onUpgraded();

    std::unique_ptr<QWebSocketServer> m_webSockets;
    std::unique_ptr<QSslServer> m_tls;
    /// Encrypted sockets handed to the upgrade, by peer address and port, until it is done.
    QHash<QString, QPointer<QSslSocket>> m_upgrading;
    quint64 m_handshakeFailures = 0;
};

} // namespace floorline::server
