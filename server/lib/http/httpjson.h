// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "httpexchange.h"

#include <QJsonObject>

namespace floorline::server {

/// A JSON answer with `status`.
HttpResponse jsonResponse(int status, const QJsonObject &object);
/// An exchange that answers `response` whatever the body.
std::unique_ptr<HttpExchange> fixedExchange(HttpResponse response);
/// The bearer token of a request: `Authorization: Bearer`, or `?token=` for what a page's
/// <img>/<video> fetches (they cannot send a header). Empty when there is none or it is
/// longer than any token the server makes.
QByteArray bearerToken(const HttpRequest &request);
/// 401 with the challenge, saying `how` a client gets a token.
HttpResponse unauthorized(const QString &how);

/**
 * @brief A request whose body is one JSON object of at most 4 096 bytes: read to its end, then
 * answered by `answer` (docs/protocol.md §13.1: bad-json, too-large).
 */
class JsonExchange : public HttpExchange
{
public:
    static constexpr qint64 kMaxBody = 4096;
    using Answer = std::function<HttpResponse(const QJsonObject &)>;
    explicit JsonExchange(Answer answer)
        : m_answer(std::move(answer))
    { }
    std::optional<HttpResponse> data(const QByteArray &piece) override;
    HttpResponse finish() override;

private:
    Answer m_answer;
    QByteArray m_body;
};

} // namespace floorline::server
