// SPDX-License-Identifier: Apache-2.0
#include "phonehttp.h"

#include "httpjson.h"
#include "phonesessions.h"

#include "../fleetindex.h"
#include "../pushservice.h"

#include "core/protocol/jsonreader.h"

#include <QFile>
#include <QJsonArray>
#include <QUrlQuery>

namespace floorline::server {

namespace {
int statusOf(proto::ErrorCode code)
{
    switch (code) {
    case proto::ErrorCode::NotFound:
        return 404;
    case proto::ErrorCode::Forbidden:
        return 403;
    case proto::ErrorCode::RateLimited:
        return 429;
    case proto::ErrorCode::Internal:
        return 500;
    default:
        return 400;
    }
}

HttpResponse refused(proto::ErrorCode code, const QString &message)
{
    return HttpResponse::error(statusOf(code), proto::enumName(proto::kErrorCodes, code).toLatin1(),
                               message);
}
} // namespace

HttpResponse phoneAsset(const QByteArray &name)
{
    static const QHash<QByteArray, QByteArray> types {
        {"index.html", "text/html; charset=utf-8"},
        {"phone.js", "text/javascript; charset=utf-8"},
        {"strings.js", "text/javascript; charset=utf-8"},
        {"phone.css", "text/css; charset=utf-8"},
        {"icon.svg", "image/svg+xml"}};
    const auto type = types.constFind(name);
    QFile file(QStringLiteral(":/floorline/phone/") + QString::fromLatin1(name));
    if (type == types.cend() || !file.open(QIODevice::ReadOnly))
        return HttpResponse::error(404, "not-found", QStringLiteral("no such page"));
    HttpResponse r = HttpResponse::text(200, file.readAll(), *type);
    // The address holds a pairing code: no referrer carries it off, no other origin frames
    // the page, nothing but the page's own files and the media it shows runs in it.
    r.headers += {{"referrer-policy", "no-referrer"},
                  {"x-content-type-options", "nosniff"},
                  {"x-frame-options", "DENY"},
                  {"content-security-policy",
                   "default-src 'self'; img-src 'self' blob:; media-src 'self' blob:; "
                   "frame-ancestors 'none'"}};
    return r;
}

PhoneHttp::PhoneHttp(PhoneSessions &phones, PushService &pushes, const FleetIndex &fleet,
                     HttpStats &stats, qint64 maxBytes)
    : m_phones(phones)
    , m_pushes(pushes)
    , m_fleet(fleet)
    , m_stats(stats)
    , m_maxBytes(maxBytes)
{ }

std::unique_ptr<HttpExchange> PhoneHttp::begin(const HttpRequest &request, const QHostAddress &)
{
    const QList<QByteArray> parts = request.path.split('/');
    const bool read = request.method == "GET" || request.method == "HEAD";
    // "/pair/<code>" and "/phone": the page (the code stays in the address for the script).
    if ((parts.size() == 3 && parts[1] == "pair") || request.path == "/phone"
        || request.path == "/phone/") {
        if (!read)
            return fixedExchange(
                HttpResponse::error(405, "bad-method", QStringLiteral("GET here")));
        return fixedExchange(phoneAsset("index.html"));
    }
    if (parts.size() < 3 || parts[1] != "phone")
        return fixedExchange(HttpResponse::error(404, "not-found", QStringLiteral("no such page")));
    const QByteArray what = parts[2];
    if (parts.size() == 3 && what.contains('.')) {
        if (!read)
            return fixedExchange(
                HttpResponse::error(405, "bad-method", QStringLiteral("GET here")));
        return fixedExchange(phoneAsset(what));
    }
    if (parts.size() == 3 && what == "claim") {
        if (request.method != "POST")
            return fixedExchange(
                HttpResponse::error(405, "bad-method", QStringLiteral("POST here")));
        return claim();
    }
    const std::optional<PhoneSession> phone = m_phones.resolve(bearerToken(request));
    if (!phone)
        return fixedExchange(unauthorized(
            QStringLiteral("this page is not paired (or its pairing ended): scan the console's "
                           "code again")));
    if (parts.size() == 3 && what == "session" && read)
        return fixedExchange(jsonResponse(200, session(*phone)));
    if (parts.size() == 3 && what == "shelf" && read)
        return fixedExchange(shelf(*phone, request));
    if (parts.size() == 3 && what == "pushes" && request.method == "POST")
        return push(*phone);
    if (parts.size() == 4 && what == "pushes" && read)
        return fixedExchange(pushState(*phone, parts[3]));
    if (parts.size() <= 4 && (what == "session" || what == "shelf" || what == "pushes"))
        return fixedExchange(
            HttpResponse::error(405, "bad-method", QStringLiteral("not with this method")));
    return fixedExchange(HttpResponse::error(404, "not-found", QStringLiteral("no such page")));
}

std::unique_ptr<HttpExchange> PhoneHttp::claim()
{
    return std::make_unique<JsonExchange>([this](const QJsonObject &body) {
        proto::JsonReader reader(body);
        const QString code = reader.hex("code", 32);
        const QString name = reader.string("name", 64, QString()).trimmed();
        if (!reader.ok())
            return HttpResponse::error(400, "bad-message", reader.error());
        const std::optional<QString> console = m_pushes.pairCodeConsole(code);
        if (!console)
            return HttpResponse::error(404, "not-found",
                                       QStringLiteral("pairing code unknown, used or expired"));
        const QByteArray token = m_phones.open(*console, name);
        const PhoneSession phone = *m_phones.resolve(token);
        m_pushes.claimForPhone(code, phone.phone, phone.alias);
        ++m_stats.pairings;
        QJsonObject out = session(phone);
        out.insert(QStringLiteral("token"), QString::fromLatin1(token));
        return jsonResponse(201, out);
    });
}

QJsonObject PhoneHttp::session(const PhoneSession &phone) const
{
    const proto::Account *console = m_fleet.account(phone.console);
    QJsonArray groups;
    for (const QString &id : shelfGroups(phone.console)) {
        if (const proto::GroupInfo *g = m_fleet.groups().value(id))
            groups.append(
                QJsonObject {{QStringLiteral("id"), g->id}, {QStringLiteral("name"), g->name}});
    }
    return {{QStringLiteral("phone"), phone.phone},
            {QStringLiteral("alias"), phone.alias},
            {QStringLiteral("console"), phone.console},
            {QStringLiteral("consoleAlias"), console ? console->unit.alias : QString()},
            {QStringLiteral("expires"), phone.expires},
            {QStringLiteral("groups"), groups},
            {QStringLiteral("maxBytes"), m_maxBytes}};
}

QStringList PhoneHttp::shelfGroups(const QString &console) const
{
    const proto::Account *account = m_fleet.account(console);
    if (account && !account->unit.groups.isEmpty())
        return account->unit.groups;
    QStringList all;
    for (const proto::GroupInfo &g : m_fleet.groupList())
        all.append(g.id);
    return all;
}

std::unique_ptr<HttpExchange> PhoneHttp::push(const PhoneSession &phone)
{
    return std::make_unique<JsonExchange>([this, phone](const QJsonObject &body) {
        proto::JsonReader reader(body);
        proto::MediaPush r;
        r.push = reader.id("push");
        const QString to = reader.string("to", 16);
        r.media = reader.sha256("media");
        r.note = reader.string("note", 256, QString());
        if (reader.ok() && to != QLatin1String("console") && to != QLatin1String("displays"))
            reader.fail(QStringLiteral("to"), QStringLiteral("must be console or displays"));
        if (!reader.ok())
            return HttpResponse::error(400, "bad-message", reader.error());
        r.to.bound = true;
        const PushService::PushOutcome outcome = m_pushes.pushFromPhone(
            phone.phone, phone.alias, phone.console, to == QLatin1String("displays"), r);
        if (!outcome.result)
            return refused(outcome.code, outcome.message);
        return jsonResponse(outcome.result->duplicate ? 200 : 201, outcome.result->toJson());
    });
}

HttpResponse PhoneHttp::pushState(const PhoneSession &phone, const QByteArray &push) const
{
    const auto states = m_pushes.states(phone.phone, QString::fromLatin1(push));
    if (!states)
        return HttpResponse::error(404, "not-found", QStringLiteral("no such push"));
    return jsonResponse(200, proto::PushResult {QString::fromLatin1(push), *states, true}.toJson());
}

HttpResponse PhoneHttp::shelf(const PhoneSession &phone, const HttpRequest &request) const
{
    const QString group = QUrlQuery(QString::fromLatin1(request.query))
                              .queryItemValue(QStringLiteral("group"), QUrl::FullyDecoded);
    if (!shelfGroups(phone.console).contains(group))
        return HttpResponse::error(404, "not-found", QStringLiteral("no such group"));
    return jsonResponse(200, m_pushes.shelf(group).toJson());
}

} // namespace floorline::server
