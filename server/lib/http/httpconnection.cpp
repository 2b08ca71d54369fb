// SPDX-License-Identifier: Apache-2.0
#include "httpconnection.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSslSocket>

Q_LOGGING_CATEGORY(lcHttp, "floorline.server.http", QtInfoMsg)

namespace floorline::server {

namespace {
QByteArray reasonOf(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 206:
        return "Partial Content";
    case 302:
        return "Found";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 416:
        return "Range Not Satisfiable";
    case 422:
        return "Unprocessable Content";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 507:
        return "Insufficient Storage";
    default:
        return "Status";
    }
}
} // namespace

HttpResponse HttpResponse::text(int status, const QByteArray &body, const QByteArray &type)
{
    HttpResponse r;
    r.status = status;
    r.headers = {{"content-type", type}};
    r.body = body;
    return r;
}

HttpResponse HttpResponse::error(int status, const QByteArray &code, const QString &message)
{
    const QJsonObject json {{QStringLiteral("error"), QString::fromLatin1(code)},
                            {QStringLiteral("message"), message}};
    return text(status, QJsonDocument(json).toJson(QJsonDocument::Compact), "application/json");
}

HttpConnection::HttpConnection(QTcpSocket *socket, HttpRoutes &routes, HttpStats &stats,
                               HttpPacer &pacer, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_routes(routes)
    , m_stats(stats)
    , m_pacer(pacer)
{
    m_paced.setSingleShot(true);
    connect(&m_paced, &QTimer::timeout, this, [this] {
        if (m_reading)
            onReadable();
        else
            pump();
    });
    ++m_stats.connections;
    m_socket->setParent(this);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        if (m_reading)
            ++m_stats.closedIdle;
        else
            ++m_stats.closedSlowReader;
        m_socket->abort();
        deleteLater();
    });
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadable);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::onWritten);
    // On TLS, bytesWritten means encrypted, not sent: what the peer takes shows here.
    if (auto *tls = qobject_cast<QSslSocket *>(m_socket))
        connect(tls, &QSslSocket::encryptedBytesWritten, this, &HttpConnection::onWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    startHead();
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::onReadable, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection() = default;

qint64 HttpConnection::unsent() const
{
    qint64 n = m_socket->bytesToWrite();
    if (const auto *tls = qobject_cast<const QSslSocket *>(m_socket))
        n += tls->encryptedBytesToWrite();
    return n;
}

void HttpConnection::startHead()
{
    m_reading = true;
    m_inBody = false;
    m_exchange.reset();
    m_deadline.start(kHeadTimeoutMs);
}

void HttpConnection::onReadable()
{
    // m_buffer holds what was read but not yet used: the head so far, or what followed a head
    // (a body's start, a pipelined request).
    while (m_reading) {
        if (m_inBody) {
            QByteArray piece;
            if (!m_buffer.isEmpty()) {
                piece = m_buffer.left(qsizetype(std::min<qint64>(m_bodyLeft, kPieceBytes)));
                m_buffer.remove(0, piece.size());
            } else {
                // Paced: what is not read now waits in the socket, and TCP slows the peer.
                const qint64 allowed
                    = m_pacer.take(std::min({m_bodyLeft, kPieceBytes, m_socket->bytesAvailable()}));
                if (allowed == 0) {
                    if (m_socket->bytesAvailable() > 0 && !m_paced.isActive()) {
                        m_paced.start(m_pacer.retryMs());
                        m_deadline.start(kIdleTimeoutMs); // the peer sends; the server waits
                    }
                    return;
                }
                piece = m_socket->read(allowed);
            }
            if (piece.isEmpty())
                return;
            m_bodyLeft -= piece.size();
            m_deadline.start(kIdleTimeoutMs);
            if (std::optional<HttpResponse> early = m_exchange->data(piece)) {
                answer(std::move(*early), true);
                return;
            }
            if (m_bodyLeft == 0)
                answer(m_exchange->finish());
            continue;
        }
        const qsizetype room = kMaxHeadBytes + 4 - m_buffer.size();
        if (room > 0 && m_socket->bytesAvailable() > 0)
            m_buffer += m_socket->read(room);
        const HttpHeadParse parsed = parseHttpHead(m_buffer, &m_request);
        switch (parsed.outcome) {
        case HttpHeadParse::Incomplete:
            if (m_buffer.size() >= kMaxHeadBytes + 4)
                refuse(431, "request head too large");
            return; // wait for more
        case HttpHeadParse::Bad:
            refuse(400, parsed.error);
            return;
        case HttpHeadParse::TooLarge:
            refuse(431, parsed.error);
            return;
        case HttpHeadParse::NotImplemented:
            refuse(501, parsed.error);
            return;
        case HttpHeadParse::Done:
            break;
        }
        ++m_stats.requests;
        m_buffer.remove(0, parsed.headLength);
        m_exchange = m_routes.begin(m_request, m_socket->peerAddress());
        m_bodyLeft = m_request.contentLength;
        if (m_bodyLeft == 0) {
            answer(m_exchange->finish());
            continue;
        }
        m_inBody = true;
        m_deadline.start(kIdleTimeoutMs);
        // A client that waits to be told before it sends a large body (curl does).
        if (m_request.header("expect").toLower() == "100-continue" && m_buffer.isEmpty())
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    }
}

void HttpConnection::refuse(int status, const QByteArray &why, bool close)
{
    ++m_stats.badRequests;
    qCDebug(lcHttp) << m_socket->peerAddress().toString() << status << why;
    answer(HttpResponse::error(status, "bad-request", QString::fromLatin1(why)), close);
}

void HttpConnection::answer(HttpResponse response, bool close)
{
    m_reading = false;
    m_inBody = false;
    m_closeAfter = close || !m_request.keepAlive;
    if (response.status == 401)
        ++m_stats.unauthorized;
    else if (response.status == 404)
        ++m_stats.notFound;
    else if (response.status >= 400 && response.status != 400 && response.status != 431
             && response.status != 413 && response.status != 501 && response.status != 411)
        ++m_stats.refused;
    else if (response.status == 413 || response.status == 411)
        ++m_stats.badRequests;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
        + reasonOf(response.status) + "\r\n";
    const qint64 length = response.read ? response.length : response.body.size();
    head += "content-length: " + QByteArray::number(length) + "\r\n";
    for (const auto &[name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    head += "cache-control: no-store\r\n";
    head += m_closeAfter ? "connection: close\r\n" : "connection: keep-alive\r\n";
    head += "\r\n";
    if (m_request.method == "HEAD") {
        response.body.clear();
        response.read = nullptr;
        response.length = 0;
    }
    m_socket->write(head);
    if (!response.read) {
        m_socket->write(response.body);
        m_response = {};
        finishResponse();
        return;
    }
    m_response = std::move(response);
    m_sent = 0;
    m_deadline.start(kStalledWriteMs);
    pump();
}

void HttpConnection::pump()
{
    // Read ahead of the socket by at most kWriteAheadBytes: a peer that stops reading holds
    // that much of the server's memory, not the whole item.
    while (m_response.read && m_sent < m_response.length && unsent() < kWriteAheadBytes) {
        const qint64 allowed = m_pacer.take(std::min(kPieceBytes, m_response.length - m_sent));
        if (allowed == 0) {
            if (!m_paced.isActive())
                m_paced.start(m_pacer.retryMs());
            if (unsent() == 0)
                m_deadline.start(kStalledWriteMs); // the server's pace, not a slow peer
            return;
        }
        const QByteArray piece = m_response.read(m_sent, allowed);
        if (piece.isEmpty()) { // the store failed mid-answer: nothing truthful to add
            m_socket->abort();
            deleteLater();
            return;
        }
        m_socket->write(piece);
        m_sent += piece.size();
        m_stats.bytesOut += piece.size();
    }
    if (m_response.read && m_sent >= m_response.length) {
        m_response = {};
        finishResponse();
    }
}

void HttpConnection::onWritten()
{
    if (m_response.read) {
        m_deadline.start(kStalledWriteMs); // progress
        pump();
    } else if (m_draining) {
        m_deadline.start(kStalledWriteMs);
        if (unsent() == 0) {
            m_draining = false;
            finishResponse();
        }
    } else if (m_closeAfter && unsent() == 0) {
        m_socket->disconnectFromHost();
    }
}

void HttpConnection::finishResponse()
{
    if (m_closeAfter) {
        m_deadline.start(kStalledWriteMs);
        if (unsent() == 0)
            m_socket->disconnectFromHost();
        return;
    }
    // The wait for the next head starts when the peer has taken this answer: a phone on a slow
    // link may need longer than kHeadTimeoutMs for the last megabyte (on TLS nearly all of an
    // answer is queued encrypted at once), and cutting it off then loses the answer's tail.
    if (unsent() > 0) {
        m_draining = true;
        m_deadline.start(kStalledWriteMs);
        return;
    }
    startHead();
    if (!m_buffer.isEmpty() || m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::onReadable, Qt::QueuedConnection);
}

} // namespace floorline::server
