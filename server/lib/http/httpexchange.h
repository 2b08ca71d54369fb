// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "httprequest.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>

#include <functional>
#include <memory>

namespace floorline::server {

/// @brief What the server answers to one request: a status, fields, and a body given whole or
/// read piece by piece as the peer takes it.
struct HttpResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    /// A body too large to hold: `length` bytes read through `read(offset, max)` (offset from
    /// the start of this body) as the socket drains. Null: `body` is the body.
    std::function<QByteArray(qint64 offset, qint64 max)> read;
    qint64 length = 0;

    /// A small JSON or text answer.
    static HttpResponse text(int status, const QByteArray &body,
                             const QByteArray &type = "text/plain; charset=utf-8");
    /// {"error":"<code>","message":"<why>"} with `status` (docs/protocol.md §13.1).
    static HttpResponse error(int status, const QByteArray &code, const QString &message);
};

/**
 * @brief One request being answered: made when its head is read, fed its body as it arrives,
 * asked for the response when the body is complete (at once for a request without one).
 */
class HttpExchange
{
public:
    virtual ~HttpExchange() = default;
    /// A piece of the body, in order. Returning a response ends the exchange early (the rest
    /// of the body is not read and the connection closes after the answer).
    virtual std::optional<HttpResponse> data(const QByteArray &piece)
    {
        Q_UNUSED(piece);
        return std::nullopt;
    }
    /// The whole body arrived (or there was none): the answer.
    virtual HttpResponse finish() = 0;
};

/// An exchange that answers what it was made with, reading any body to the end.
class FixedExchange : public HttpExchange
{
public:
    explicit FixedExchange(HttpResponse response)
        : m_response(std::move(response))
    { }
    HttpResponse finish() override { return std::move(m_response); }

private:
    HttpResponse m_response;
};

/// @brief Where requests go: one per server, shared by every connection.
class HttpRoutes
{
public:
    virtual ~HttpRoutes() = default;
    /// The exchange for a request whose head was just read.
    virtual std::unique_ptr<HttpExchange> begin(const HttpRequest &request,
                                                const QHostAddress &peer)
        = 0;
};

} // namespace floorline::server
