// SPDX-License-Identifier: Apache-2.0
#include "signalinglistener.h"

#include <QLoggingCategory>
#include <QSslServer>
#include <QSslSocket>
#include <QWebSocket>
#include <QWebSocketServer>

Q_LOGGING_CATEGORY(lcListener, "floorline.server.listener", QtInfoMsg)

namespace floorline::server {
namespace {

constexpr int kHandshakeTimeoutMs = 10000; // a peer that starts TLS and stalls is dropped

QString keyOf(const QHostAddress &address, quint16 port)
{
    return address.toString() + QLatin1Char('/') + QString::number(port);
}

} // namespace

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
    if (!tls)
        return m_webSockets->listen(host, port) || fail(m_webSockets->errorString());

    m_tls = std::make_unique<QSslServer>();
    m_tls->setSslConfiguration(*tls);
    m_tls->setHandshakeTimeout(kHandshakeTimeoutMs);
    m_tls->setMaxPendingConnections(1024);
    connect(m_tls.get(), &QSslServer::errorOccurred, this,
            [this](QSslSocket *socket, QAbstractSocket::SocketError code) {
                if (socket->isEncrypted())
                    return; // a later error of a working link: the connection deals with it
                ++m_handshakeFailures;
                qCInfo(lcListener).noquote()
                    << "TLS handshake with" << keyOf(socket->peerAddress(), socket->peerPort())
                    << "failed:" << code << socket->errorString();
            });
    connect(m_tls.get(), &QTcpServer::pendingConnectionAvailable, this, [this] {
        while (m_tls->hasPendingConnections()) {
            auto *socket = static_cast<QSslSocket *>(m_tls->nextPendingConnection());
            const QString key = keyOf(socket->peerAddress(), socket->peerPort());
            m_upgrading.insert(key, socket);
            connect(socket, &QObject::destroyed, this, [this, key] {
                if (const auto it = m_upgrading.find(key); it != m_upgrading.end() && !*it)
                    m_upgrading.erase(it);
            });
            m_webSockets->handleConnection(socket);
        }
    });
    return m_tls->listen(host, port) || fail(m_tls->errorString());
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
    return m_webSockets ? m_webSockets->serverPort() : 0;
}

} // namespace floorline::server
