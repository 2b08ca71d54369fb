// SPDX-License-Identifier: Apache-2.0
#include "pairinguri.h"

#include "fingerprint.h"

#include <QUrlQuery>

namespace floorline::proto {

namespace {
/// QUrlQuery takes a value's "%41" as an escape already made, so a token or server address
/// holding a literal '%' would read back as something else: every value is escaped here, all
/// but the characters a query value may hold as they are (RFC 3986 §3.4).
void add(QUrlQuery &query, const QString &key, const QString &value)
{
    query.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value, ":/")));
}
} // namespace

QString PairingUri::toString() const
{
    QUrlQuery query;
    add(query, QStringLiteral("server"), server.toString(QUrl::FullyEncoded));
    add(query, QStringLiteral("console"), console);
    add(query, QStringLiteral("token"), token);
    add(query, QStringLiteral("expires"), QString::number(expires));
    if (!fingerprint.isEmpty())
        add(query, QStringLiteral("fp"), QString::fromLatin1(fingerprint.toHex()));
    return QStringLiteral("floorline://pair?") + query.toString(QUrl::FullyEncoded);
}

QString PairingUri::toWebUrl() const
{
    QUrl page;
    page.setScheme(server.scheme() == QLatin1String("wss") ? QStringLiteral("https")
                                                           : QStringLiteral("http"));
    page.setHost(server.host());
    page.setPort(server.port());
    // The token is one path segment even if it holds a '/'.
    page.setPath(QStringLiteral("/pair/") + QString::fromLatin1(QUrl::toPercentEncoding(token)),
                 QUrl::StrictMode);
    QUrlQuery query;
    add(query, QStringLiteral("console"), console);
    add(query, QStringLiteral("expires"), QString::number(expires));
    if (!fingerprint.isEmpty())
        add(query, QStringLiteral("fp"), QString::fromLatin1(fingerprint.toHex()));
    page.setQuery(query);
    return page.toString(QUrl::FullyEncoded);
}

std::optional<PairingUri> PairingUri::parse(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return std::nullopt;
    const QUrlQuery query(url);
    PairingUri out;
    const bool web
        = url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http");
    if (web) {
        // The phone page's address (§10.10): the signaling server is the page's own origin.
        const QStringList path = url.path(QUrl::FullyEncoded).split(QLatin1Char('/'));
        if (path.size() != 3 || !path[0].isEmpty() || path[1] != QLatin1String("pair")
            || !url.fragment().isEmpty() || url.host().isEmpty())
            return std::nullopt;
        out.token = QUrl::fromPercentEncoding(path[2].toLatin1());
        out.server.setScheme(url.scheme() == QLatin1String("https") ? QStringLiteral("wss")
                                                                    : QStringLiteral("ws"));
        out.server.setHost(url.host());
        out.server.setPort(url.port());
    } else if (url.scheme() == QLatin1String("floorline") && url.host() == QLatin1String("pair")) {
        const QUrl given(query.queryItemValue(QStringLiteral("server"), QUrl::FullyDecoded),
                         QUrl::StrictMode);
        // A WebSocket address has no fragment (RFC 6455 §3), and a code shown on a screen
        // carries no password; the rest is kept in its one encoded form, so it reads back the
        // same from either form of the code.
        if (given.hasFragment() || given.authority().contains(QLatin1Char('@')))
            return std::nullopt;
        out.server = QUrl(given.toString(QUrl::FullyEncoded), QUrl::StrictMode);
        out.token = query.queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded);
    } else {
        return std::nullopt;
    }
    out.console = query.queryItemValue(QStringLiteral("console"), QUrl::FullyDecoded);
    bool ok = false;
    out.expires = query.queryItemValue(QStringLiteral("expires")).toLongLong(&ok);
    const QString scheme = out.server.scheme();
    if (query.hasQueryItem(QStringLiteral("fp"))) {
        // A damaged fingerprint must not quietly become "no pin": the device would ask, or
        // worse, trust what an authority says about a server it was told to pin.
        out.fingerprint = parseFingerprint(query.queryItemValue(QStringLiteral("fp")));
        if (out.fingerprint.isEmpty() || scheme != QLatin1String("wss"))
            return std::nullopt;
    }
    if (!ok || out.console.isEmpty() || out.token.isEmpty() || !out.server.isValid()
        || out.server.host().isEmpty()
        || (scheme != QLatin1String("ws") && scheme != QLatin1String("wss")))
        return std::nullopt;
    return out;
}

} // namespace floorline::proto
