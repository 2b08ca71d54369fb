// SPDX-License-Identifier: Apache-2.0
#include "signalinglistener.h"

#include "http/httprequest.h"

#include <QLoggingCategory>
#include <QSslSocket>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <memory>

Q_LOGGING_CATEGORY(lcListener, "floorline.server.listener", QtInfoMsg)

namespace floorline::server {
namespace {

constexpr int kHandshakeTimeoutMs = 10000; // a peer that starts TLS and stalls is dropped

/// A request head longer than HTTP takes is not a WebSocket upgrade: HTTP refuses it.
constexpr qint64 kMaxHeadPeek = kMaxHeadBytes + 4;

QString keyOf(const QHostAddress &address, quint16 port)
{
    return address.toString() + QLatin1Char('/') + QString::number(port);
}

/// RFC 6455 §4.1: an "Upgrade: websocket" field (any case) in the head.
bool isUpgrade(const QByteArray &head)
{
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == "upgrade"
            && line.mid(colon + 1).toLower().contains("websocket"))
            return true;
    }
    return false;
}

} // namespace

TlsServer::TlsServer(const QSslConfiguration &configuration, QObject *parent)
    : QTcpServer(parent)
    , m_configuration(configuration)
{ }

void TlsServer::incomingConnection(qintptr descriptor)
{
    // Our own accept instead of QSslServer's: that one closes some failed handshakes (a plain
    // HTTP request) without a word, and every failure must be counted.
    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    socket->setSslConfiguration(m_configuration);
    const QString peer = keyOf(socket->peerAddress(), socket->peerPort());
    auto *timeout = new QTimer(socket);
    timeout->setSingleShot(true);
    const auto fail = [this, socket, peer, timeout](const QString &why) {
        if (!timeout->isActive())
            return; // said once
        timeout->stop();
        Q_EMIT handshakeFailed(peer, why);
        socket->abort();
        socket->deleteLater();
    };
    connect(timeout, &QTimer::timeout, socket, [socket, peer, this] {
        Q_EMIT handshakeFailed(
            peer, QStringLiteral("no handshake within %1 s").arg(kHandshakeTimeoutMs / 1000));
        socket->abort();
        socket->deleteLater();
    });
    connect(socket, &QSslSocket::errorOccurred, socket,
            [socket, fail](QAbstractSocket::SocketError) { fail(socket->errorString()); });
    connect(socket, &QSslSocket::disconnected, socket,
            [fail] { fail(QStringLiteral("closed by the peer")); });
    connect(socket, &QSslSocket::encrypted, this, [this, socket, timeout] {
        timeout->stop();
        socket->disconnect(this);
        socket->setParent(nullptr); // the WebSocket upgrade owns it from here
        Q_EMIT encrypted(socket);
    });
    timeout->start(kHandshakeTimeoutMs);
    socket->startServerEncryption();
}

SignalingListener::SignalingListener(QObject *parent)
    : QObject(parent)
{ }

SignalingListener::~SignalingListener()
{
    close();
}

bool SignalingListener::listen(const QHostAddress &host, quint16 port, const QSslConfiguration *tls,
                               QString *error)
{
    m_webSockets = std::make_unique<QWebSocketServer>(QStringLiteral("floorline-server"),
                                                      QWebSocketServer::NonSecureMode);
    m_webSockets->setMaxPendingConnections(1024);
    m_webSockets->setHandshakeTimeout(kHandshakeTimeoutMs);
    connect(m_webSockets.get(), &QWebSocketServer::newConnection, this,
            &SignalingListener::onUpgraded);
    const auto fail = [&](const QString &why) {
        *error
            = QStringLiteral("cannot listen on %1:%2: %3").arg(host.toString()).arg(port).arg(why);
        close();
        return false;
    };
    if (!tls) {
        m_plain = std::make_unique<QTcpServer>();
        connect(m_plain.get(), &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_plain->nextPendingConnection()) {
                socket->setParent(nullptr);
                route(socket, nullptr);
            }
        });
        return m_plain->listen(host, port) || fail(m_plain->errorString());
    }

    m_tls = std::make_unique<TlsServer>(*tls);
    connect(
        m_tls.get(), &TlsServer::handshakeFailed, this,
        [this](const QString &peer, const QString &why) {
            ++m_handshakeFailures;
            // One line per 10 s at most: a ws:// client retrying, or a scanner, must not
            // fill the log; the counter has them all.
            if (m_logWindow.isValid() && m_logWindow.elapsed() < 10000) {
                ++m_unlogged;
                return;
            }
            qCInfo(lcListener).noquote()
                << "TLS handshake with" << peer << "failed:" << why
                << (m_unlogged
                        ? QStringLiteral("(and %1 more since the last one said)").arg(m_unlogged)
                        : QString());
            m_unlogged = 0;
            m_logWindow.start();
        });
    connect(m_tls.get(), &TlsServer::encrypted, this,
            [this](QSslSocket *socket) { route(socket, socket); });
    return m_tls->listen(host, port) || fail(m_tls->errorString());
}

void SignalingListener::route(QTcpSocket *socket, QSslSocket *tls)
{
    auto *deadline = new QTimer(socket);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, socket, [socket] {
        socket->abort(); // connected, and never asked for anything
        socket->deleteLater();
    });
    connect(socket, &QTcpSocket::disconnected, deadline, [socket, deadline] {
        if (deadline->isActive())
            socket->deleteLater();
    });
    const auto decide = [this, socket, tls, deadline] {
        if (!deadline->isActive())
            return; // decided already
        const QByteArray head = socket->peek(kMaxHeadPeek);
        const qsizetype end = head.indexOf("\r\n\r\n");
        if (end < 0 && head.size() < kMaxHeadPeek)
            return; // more to come
        deadline->stop();
        deadline->deleteLater();
        disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
        if (!isUpgrade(head.left(end < 0 ? head.size() : end))) {
            Q_EMIT httpAccepted(socket);
            return;
        }
        if (tls) {
            const QString key = keyOf(socket->peerAddress(), socket->peerPort());
            m_upgrading.insert(key, tls);
            connect(tls, &QObject::destroyed, this, [this, key] {
                if (const auto it = m_upgrading.find(key); it != m_upgrading.end() && !*it)
                    m_upgrading.erase(it);
            });
        }
        // The head is still in the socket's buffer: the upgrade reads it from the start.
        m_webSockets->handleConnection(socket);
    };
    connect(socket, &QTcpSocket::readyRead, this, decide);
    deadline->start(kHandshakeTimeoutMs);
    decide();
}

void SignalingListener::onUpgraded()
{
    while (m_webSockets && m_webSockets->hasPendingConnections()) {
        QWebSocket *socket = m_webSockets->nextPendingConnection();
        QSslSocket *tls
            = m_tls ? m_upgrading.take(keyOf(socket->peerAddress(), socket->peerPort())) : nullptr;
        Q_EMIT accepted(socket, tls);
    }
}

void SignalingListener::close()
{
    if (m_tls)
        m_tls->close();
    if (m_plain)
        m_plain->close();
    m_plain.reset();
    if (m_webSockets)
        m_webSockets->close();
    m_upgrading.clear();
    m_tls.reset();
    m_webSockets.reset();
}

quint16 SignalingListener::port() const
{
    if (m_tls)
        return m_tls->serverPort();
    return m_plain ? m_plain->serverPort() : 0;
}

} // namespace floorline::server
