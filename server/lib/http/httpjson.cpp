// SPDX-License-Identifier: Apache-2.0
#include "httpjson.h"

#include "core/protocol/jsonstrict.h"

#include <QJsonDocument>
#include <QUrlQuery>

namespace floorline::server {

HttpResponse jsonResponse(int status, const QJsonObject &object)
{
    return HttpResponse::text(status, QJsonDocument(object).toJson(QJsonDocument::Compact),
                              "application/json");
}

std::unique_ptr<HttpExchange> fixedExchange(HttpResponse response)
{
    return std::make_unique<FixedExchange>(std::move(response));
}

QByteArray bearerToken(const HttpRequest &request)
{
    QByteArray token;
    const QByteArray auth = request.header("authorization");
    if (auth.startsWith("Bearer "))
        token = auth.mid(7).trimmed();
    else
        token = QUrlQuery(QString::fromLatin1(request.query))
                    .queryItemValue(QStringLiteral("token"))
                    .toLatin1();
    return token.size() > 128 ? QByteArray() : token;
}

HttpResponse unauthorized(const QString &how)
{
    HttpResponse r = HttpResponse::error(401, "not-authenticated", how);
    r.headers.append(
        qMakePair(QByteArray("www-authenticate"), QByteArray("Bearer realm=\"floorline\"")));
    return r;
}

std::optional<HttpResponse> JsonExchange::data(const QByteArray &piece)
{
    m_body += piece;
    if (m_body.size() > kMaxBody)
        return HttpResponse::error(413, "too-large", QStringLiteral("the body is too large"));
    return std::nullopt;
}

HttpResponse JsonExchange::finish()
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(m_body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return HttpResponse::error(400, "bad-json",
                                   QStringLiteral("the body must be a JSON object"));
    if (const std::optional<QString> twice = proto::firstDuplicateKey(m_body))
        return HttpResponse::error(400, "bad-json",
                                   QStringLiteral("duplicate key \"%1\"").arg(*twice));
    return m_answer(doc.object());
}

} // namespace floorline::server
