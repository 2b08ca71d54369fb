// SPDX-License-Identifier: Apache-2.0
#include "signalingclient.h"

#include "core/protocol/clock.h"
#include "core/protocol/fingerprint.h"

#include <QHostAddress>
#include <QLoggingCategory>
#include <QNetworkProxy>
#include <QSslError>
#include <QWebSocket>

Q_LOGGING_CATEGORY(lcClient, "floorline.signaling", QtInfoMsg)

namespace floorline {

using proto::ErrorCode;

SignalingClient::SignalingClient(QObject *parent)
    : QObject(parent)
{
    m_timeouts.setInterval(250);
    connect(&m_timeouts, &QTimer::timeout, this, [this] {
        const qint64 now = monotonicMs();
        QList<quint64> expired;
        for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
            if (it->deadline <= now)
                expired.append(it.key());
        }
        for (quint64 id : expired) {
            const Handler handler = m_pending.take(id).handler;
            handler(nullptr, {ErrorCode::Timeout, QStringLiteral("no response in time")});
        }
    });
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &SignalingClient::openSocket);
}

SignalingClient::~SignalingClient()
{
    m_userDisconnect = true;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void SignalingClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void SignalingClient::connectToServer(const QUrl &url, const QString &user, const QString &password)
{
    m_url = url;
    m_user = user;
    m_password = password;
    m_haveLogin = false;
    m_lastSeq = 0;
    m_userDisconnect = false;
    m_backoff.reset();
    // A retry to the last address must not fire later and tear down this connection (a wrong
    // address corrected while it was being retried dropped the new login seconds after).
    m_reconnect.stop();
    setState(State::Connecting);
    openSocket();
}

void SignalingClient::openSocket()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        // Their answers would have come on that socket: they never will. Said now, so callers
        // retry after the next login instead of waiting for their timeouts.
        failPending({ErrorCode::Disconnected, QStringLiteral("connection replaced")});
    }
    m_socket = new QWebSocket(QStringLiteral("floorline"), QWebSocketProtocol::VersionLatest, this);
    // A directory of 10,000 units is about 2 MB; anything far beyond is not a server we trust.
    m_socket->setMaxAllowedIncomingMessageSize(64 << 20);
    m_socket->setMaxAllowedIncomingFrameSize(64 << 20);
    // A server on this machine is never behind a proxy; elsewhere the system settings apply.
    if (QHostAddress(m_url.host()).isLoopback() || m_url.host() == QLatin1String("localhost"))
        m_socket->setProxy(QNetworkProxy::NoProxy);
    connect(m_socket, &QWebSocket::connected, this, &SignalingClient::onConnected);
    connect(m_socket, &QWebSocket::disconnected, this, &SignalingClient::onDisconnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &SignalingClient::onMessage);
    connect(m_socket, &QWebSocket::sslErrors, this, &SignalingClient::onSslErrors);
    m_rejected.clear();
    m_socketError = QAbstractSocket::UnknownSocketError;
    m_socketErrorString.clear();
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError error) {
                m_socketError = error;
                m_socketErrorString = m_socket->errorString();
                qCInfo(lcClient).noquote() << m_url.toString() << m_socketErrorString;
                Q_EMIT socketFailed();
                // A refused or failed connect never emits disconnected(): treat it as one.
                if (m_socket->state() == QAbstractSocket::UnconnectedState)
                    onDisconnected();
            });
    m_socket->open(m_url);
}

void SignalingClient::disconnectFromServer()
{
    m_userDisconnect = true;
    m_reconnect.stop();
    if (m_socket && m_socket->state() != QAbstractSocket::UnconnectedState) {
        if (m_state == State::Online)
            send(proto::Logout {});
        m_socket->close();
    }
    failPending({ErrorCode::Disconnected, QStringLiteral("disconnected by the user")});
    setState(State::Disconnected);
}

void SignalingClient::retry()
{
    if (m_url.isEmpty())
        return;
    m_userDisconnect = false;
    m_backoff.reset();
    m_reconnect.stop();
    setState(State::Connecting);
    openSocket();
}

void SignalingClient::simulateConnectionLoss()
{
    if (m_socket)
        m_socket->abort();
}

quint64 SignalingClient::sendRaw(const proto::Request &request, Handler handler)
{
    const quint64 id = m_nextId++;
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState) {
        // Answer asynchronously, like a real response would arrive.
        QTimer::singleShot(0, this, [handler] {
            handler(nullptr, {ErrorCode::Disconnected, QStringLiteral("not connected")});
        });
        return id;
    }
    m_pending.insert(id, {std::move(handler), monotonicMs() + m_requestTimeoutMs});
    if (!m_timeouts.isActive())
        m_timeouts.start();
    m_socket->sendTextMessage(QString::fromUtf8(proto::encodeRequest(id, request)));
    return id;
}

void SignalingClient::onSslErrors(const QList<QSslError> &errors)
{
    const QSslCertificate presented = m_socket->sslConfiguration().peerCertificate();
    m_presented = proto::certificateFingerprint(presented);
    if (!m_pin.isEmpty() && m_presented == m_pin) {
        // The pin is the very certificate: its name or authority do not matter any more.
        m_socket->ignoreSslErrors();
        return;
    }
    QStringList why;
    for (const QSslError &error : errors)
        why.append(error.errorString());
    m_rejected = why.join(QStringLiteral("; "));
    qCWarning(lcClient).noquote() << "refused the certificate of" << m_url.toString() << "SHA-256"
                                  << proto::formatFingerprint(m_presented) << ":" << m_rejected;
}

void SignalingClient::onConnected()
{
    m_socketError = QAbstractSocket::UnknownSocketError;
    m_socketErrorString.clear();
    if (m_url.scheme() == QLatin1String("wss"))
        m_presented = proto::certificateFingerprint(m_socket->sslConfiguration().peerCertificate());
    setState(State::LoggingIn);
    proto::Hello hello;
    hello.client = QStringLiteral("floorline/0.1");
    send(hello, [this](const Reply<proto::HelloResult> &reply) {
        if (!reply.ok()) {
            qCWarning(lcClient) << "hello failed:" << reply.error.message;
            Q_EMIT errorOccurred(reply.error);
            if (m_socket)
                m_socket->close();
            return;
        }
        m_limits = reply.value->limits;
        sendLogin();
    });
}

void SignalingClient::sendLogin()
{
    proto::Login login;
    login.user = m_user;
    if (m_haveLogin) {
        login.resumeToken = m_login.token;
        login.lastSeq = m_lastSeq;
    } else {
        login.password = m_password;
        login.display = m_display;
    }
    const bool resuming = m_haveLogin;
    send(login, [this, resuming](const Reply<proto::LoginResult> &reply) {
        if (!reply.ok()) {
            if (resuming && reply.error.code == ErrorCode::AuthFailed) {
                // The resume window closed: start a fresh login; state must be refetched.
                m_haveLogin = false;
                sendLogin();
                return;
            }
            if (reply.error.code == ErrorCode::Busy) {
                // Every password check of the server is taken (many logging in at once): a
                // moment later one is free. Retried on this connection, within its login time.
                const int delay = m_backoff.next();
                qCInfo(lcClient) << "login: server busy, trying again in" << delay << "ms";
                QTimer::singleShot(delay, this, [this] {
                    if (m_state == State::LoggingIn && m_socket
                        && m_socket->state() == QAbstractSocket::ConnectedState)
                        sendLogin();
                });
                return;
            }
            qCWarning(lcClient).noquote() << "login of" << m_user << "to" << m_url.toString()
                                          << "failed:" << reply.error.message;
            Q_EMIT errorOccurred(reply.error);
            // A wrong password does not heal by retrying, and a login that must back off or
            // whose account is logged in too often (docs/protocol.md §3.2) is the person's to
            // try again, not a loop's.
            if (reply.error.code == ErrorCode::AuthFailed
                || reply.error.code == ErrorCode::RateLimited
                || reply.error.code == ErrorCode::Forbidden)
                disconnectFromServer();
            return;
        }
        m_login = *reply.value;
        m_haveLogin = true;
        if (!m_login.resumed)
            m_lastSeq = m_login.seq;
        m_backoff.reset();
        setState(State::Online);
        Q_EMIT loggedIn(m_login, m_login.resumed);
    });
}

void SignalingClient::onMessage(const QString &message)
{
    auto decoded = proto::decodeServerFrame(message.toUtf8());
    if (auto *failure = std::get_if<proto::DecodeFailure>(&decoded)) {
        qCWarning(lcClient) << "undecodable frame from server:" << failure->error.message;
        return;
    }
    auto &frame = std::get<proto::ServerFrame>(decoded);
    if (auto *response = std::get_if<proto::ResponseFrame>(&frame)) {
        const auto it = m_pending.find(response->id);
        if (it == m_pending.end())
            return; // timed out earlier
        const Handler handler = it->handler;
        m_pending.erase(it);
        handler(response, {});
    } else if (auto *event = std::get_if<proto::EventFrame>(&frame)) {
        if (event->seq <= m_lastSeq)
            return; // already seen before a resume
        if (event->seq != m_lastSeq + 1)
            qCWarning(lcClient) << "event gap:" << m_lastSeq << "->" << event->seq;
        m_lastSeq = event->seq;
        Q_EMIT eventReceived(event->event, event->seq);
    } else if (auto *unknown = std::get_if<proto::UnknownEventFrame>(&frame)) {
        // Forward compatibility: skip the event but keep the sequence gap-free for resume.
        if (unknown->seq > m_lastSeq)
            m_lastSeq = unknown->seq;
        if (unknown->error.isEmpty())
            qCDebug(lcClient) << "skipped unknown event" << unknown->name;
        else
            qCWarning(lcClient) << "skipped invalid event" << unknown->name << unknown->error;
    } else if (auto *error = std::get_if<proto::ErrorFrame>(&frame)) {
        qCWarning(lcClient) << "server error:" << error->error.message;
        Q_EMIT errorOccurred(error->error);
    }
}

void SignalingClient::failPending(const proto::Error &error)
{
    const auto pending = std::exchange(m_pending, {});
    for (const Pending &p : pending)
        p.handler(nullptr, error);
}

void SignalingClient::onDisconnected()
{
    const bool wasOnline = m_state == State::Online;
    failPending({ErrorCode::Disconnected, QStringLiteral("connection lost")});
    if (wasOnline)
        Q_EMIT connectionLost();
    if (!m_rejected.isEmpty()) {
        // Retrying would meet the same certificate: the person decides whether to trust it.
        m_userDisconnect = true;
        m_reconnect.stop();
        setState(State::Disconnected);
        Q_EMIT certificateRejected(m_presented, m_pin, std::exchange(m_rejected, {}));
        return;
    }
    if (m_userDisconnect || !m_autoReconnect) {
        setState(State::Disconnected);
        return;
    }
    scheduleReconnect();
}

void SignalingClient::scheduleReconnect()
{
    if (m_reconnect.isActive())
        return;
    setState(State::Reconnecting);
    const int delay = m_backoff.next();
    qCInfo(lcClient) << "reconnecting in" << delay << "ms";
    m_reconnect.start(delay);
}

} // namespace floorline
