// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>

#include <memory>

#include <QSslConfiguration>
#include <QTcpServer>

class QSslSocket;
class QTcpSocket;
class QWebSocket;
class QWebSocketServer;

namespace floorline::server {

/// Accepts TCP and runs the server side of each TLS handshake, with a deadline.
class TlsServer : public QTcpServer
{
    Q_OBJECT
public:
    explicit TlsServer(const QSslConfiguration &configuration, QObject *parent = nullptr);

Q_SIGNALS:
    /// Handshake done; the receiver owns `socket`.
    void encrypted(QSslSocket *socket);
    void handshakeFailed(const QString &peer, const QString &why);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    QSslConfiguration m_configuration;
};

/**
 * @brief The signaling port: TCP, then TLS (wss://) or not, then the WebSocket upgrade, or
 * HTTP (media and the phone page, docs/protocol.md §13) for any other request.
 *
 * The first request's head tells them apart: one that asks to upgrade to a WebSocket goes to
 * the WebSocket server, anything else to HTTP. It is peeked at, not read, so whichever takes
 * the socket reads the request from its start.
 *
 * TLS is terminated by a server of our own (TlsServer) and the encrypted socket handed to the
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
    /// An HTTP request came instead (its head still unread in `socket`). The receiver owns
    /// `socket`.
    void httpAccepted(QTcpSocket *socket);

private:
    void onUpgraded();
    /// Waits for the first request's head on `socket` and hands it on.
    void route(QTcpSocket *socket, QSslSocket *tls);

    std::unique_ptr<QWebSocketServer> m_webSockets;
    std::unique_ptr<TlsServer> m_tls;
    std::unique_ptr<QTcpServer> m_plain; ///< ws:// and http:// (loopback)
    /// Encrypted sockets handed to the upgrade, by peer address and port, until it is done.
    QHash<QString, QPointer<QSslSocket>> m_upgrading;
    quint64 m_handshakeFailures = 0;
    QElapsedTimer m_logWindow; ///< since the last failure logged
    quint64 m_unlogged = 0;
};

} // namespace floorline::server
