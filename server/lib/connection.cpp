// SPDX-License-Identifier: Apache-2.0
#include "connection.h"

#include <QLoggingCategory>
#include <QSslSocket>
#include <QWebSocket>

Q_LOGGING_CATEGORY(lcConnection, "floorline.server.connection", QtInfoMsg)

namespace floorline::server {

using proto::ErrorCode;
using proto::RequestFrame;

Connection::Connection(QWebSocket *socket, QSslSocket *tls, const proto::Limits &limits,
                       qint64 maxQueuedBytes, Cost cost, SignalingStats &stats, int loginTimeoutMs,
                       QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_tls(tls)
    , m_limits(limits)
    , m_maxQueuedBytes(maxQueuedBytes)
    , m_cost(std::move(cost))
    , m_stats(stats)
    , m_tokens(limits.messageBurst)
{
    m_socket->setParent(this);
    // Qt's own limit closes the socket (code 1009) for a frame far past ours; below it, our
    // limit answers with a too-large error and keeps the connection.
    m_socket->setMaxAllowedIncomingFrameSize(quint64(limits.maxMessageBytes) * 16);
    m_socket->setMaxAllowedIncomingMessageSize(quint64(limits.maxMessageBytes) * 16);
    m_bucketClock.start();
    connect(m_socket, &QWebSocket::textMessageReceived, this, &Connection::onMessage);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &) {
        ++m_stats.badMessage;
        sendFrame(proto::encodeError(
            {ErrorCode::BadMessage, QStringLiteral("binary frames are not part of protocol v1")}));
    });
    connect(m_socket, &QWebSocket::disconnected, this, [this] {
        if (m_socket->closeCode() == QWebSocketProtocol::CloseCodeTooMuchData)
            ++m_stats.closedOversize;
        else if (m_socket->closeCode() == QWebSocketProtocol::CloseCodeProtocolError)
            ++m_stats.closedProtocolError;
        m_closed = true;
        Q_EMIT closed(this);
    });
    m_loginTimer.setSingleShot(true);
    connect(&m_loginTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcConnection) << peer() << "did not log in in time";
        sendFrame(proto::encodeError(
            {ErrorCode::NotAuthenticated, QStringLiteral("no login within the time limit")}));
        close();
    });
    m_loginTimer.start(loginTimeoutMs);
}

Connection::~Connection() = default;

QString Connection::peer() const
{
    return QStringLiteral("%1:%2")
        .arg(m_socket->peerAddress().toString())
        .arg(m_socket->peerPort());
}

QString Connection::peerAddress() const
{
    return m_socket->peerAddress().toString();
}

QHostAddress Connection::peerIp() const
{
    return m_socket->peerAddress();
}

void Connection::setLogin(quint64 login)
{
    m_login = login;
    // After a logout the connection must log in again within the limit, like a new one.
    if (login)
        m_loginTimer.stop();
    else
        m_loginTimer.start();
}

qint64 Connection::queuedBytes() const
{
    // Over TLS the plain text is encrypted at once: what waits for the peer is the ciphertext
    // in the TCP socket beneath, which QWebSocket::bytesToWrite does not count.
    return m_socket->bytesToWrite() + (m_tls ? m_tls->encryptedBytesToWrite() : 0);
}

void Connection::write(const QByteArray &frame)
{
    if (m_closed)
        return;
    m_socket->sendTextMessage(QString::fromUtf8(frame));
    if (queuedBytes() > m_maxQueuedBytes) {
        // It does not read what it asked for: holding more for it would cost everyone memory.
        // A close frame would queue behind the rest, so the connection is reset.
        ++m_stats.closedSlowReader;
        qCInfo(lcConnection) << peer() << "cut off:" << queuedBytes() << "bytes unread";
        m_closed = true; // nothing more is queued from here on
        // Reset later, from the event loop: this write may be deep inside a delivery, and the
        // hub must not see the connection close in the middle of it.
        QMetaObject::invokeMethod(m_socket, &QWebSocket::abort, Qt::QueuedConnection);
    }
}

void Connection::sendFrame(const QByteArray &frame)
{
    if (m_handling)
        m_held.append(frame);
    else
        write(frame);
}

void Connection::sendResult(quint64 id, const QJsonObject &result)
{
    write(proto::encodeResult(id, result));
}

void Connection::sendRawResult(quint64 id, const QByteArray &result)
{
    write(proto::encodeRawResult(id, result));
}

void Connection::sendError(quint64 id, ErrorCode code, const QString &message)
{
    write(proto::encodeErrorResponse(id, {code, message}));
}

void Connection::close()
{
    if (!m_closed)
        m_socket->close();
}

bool Connection::takeTokens(double n)
{
    const double elapsed = double(m_bucketClock.restart()) / 1000.0;
    m_tokens
        = std::min<double>(m_limits.messageBurst, m_tokens + elapsed * m_limits.messagesPerSecond);
    if (m_tokens < n)
        return false;
    m_tokens -= n;
    return true;
}

void Connection::onMessage(const QString &message)
{
    if (!takeTokens(1.0)) {
        ++m_stats.rateLimited;
        sendFrame(
            proto::encodeError({ErrorCode::RateLimited,
                                QStringLiteral("more than %1 messages per second; message dropped")
                                    .arg(m_limits.messagesPerSecond)}));
        return;
    }
    const QByteArray frame = message.toUtf8();
    if (frame.size() > m_limits.maxMessageBytes) {
        ++m_stats.tooLarge;
        sendFrame(proto::encodeError({ErrorCode::TooLarge,
                                      QStringLiteral("message of %1 bytes exceeds the limit of %2")
                                          .arg(frame.size())
                                          .arg(m_limits.maxMessageBytes)}));
        return;
    }
    auto decoded = proto::decodeRequest(frame);
    if (auto *failure = std::get_if<proto::DecodeFailure>(&decoded)) {
        switch (failure->error.code) {
        case ErrorCode::BadJson:
            ++m_stats.badJson;
            break;
        case ErrorCode::UnknownType:
            ++m_stats.unknownType;
            break;
        default:
            ++m_stats.badMessage;
            break;
        }
        if (failure->id)
            sendFrame(proto::encodeErrorResponse(*failure->id, failure->error));
        else
            sendFrame(proto::encodeError(failure->error));
        return;
    }
    // A request that costs the server more than a ping costs more of the budget.
    const RequestFrame &request = std::get<proto::RequestFrame>(decoded);
    if (const int extra = m_cost ? m_cost(request.request) : 0; extra > 0 && !takeTokens(extra)) {
        ++m_stats.rateLimited;
        write(proto::encodeErrorResponse(
            request.id,
            {ErrorCode::RateLimited,
             QStringLiteral("this request costs %1 messages of the rate limit; send "
                            "it again later")
                 .arg(extra + 1)}));
        return;
    }
    ++m_stats.requests;
    m_handling = true;
    Q_EMIT requestReceived(this, std::get<proto::RequestFrame>(decoded));
    m_handling = false;
    for (const QByteArray &frame : std::exchange(m_held, {}))
        write(frame);
}

} // namespace floorline::server
