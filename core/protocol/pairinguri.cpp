// SPDX-License-Identifier: Apache-2.0
#include "pairinguri.h"

#include "fingerprint.h"

#include <QUrlQuery>

namespace floorline::proto {

QString PairingUri::toString() const
{
    QUrlQuery query;
    // ':' and '/' may stand in a query value (RFC 3986 §3.4); QUrlQuery encodes the rest.
    query.addQueryItem(QStringLiteral("server"), server.toString());
    query.addQueryItem(QStringLiteral("console"), console);
    query.addQueryItem(QStringLiteral("token"), token);
    query.addQueryItem(QStringLiteral("expires"), QString::number(expires));
    if (!fingerprint.isEmpty())
        query.addQueryItem(QStringLiteral("fp"), QString::fromLatin1(fingerprint.toHex()));
    return QStringLiteral("floorline://pair?") + query.toString(QUrl::FullyEncoded);
}

QString PairingUri::toWebUrl() const
{
    QUrl page;
    page.setScheme(server.scheme() == QLatin1String("wss") ? QStringLiteral("https")
                                                            : QStringLiteral("http"));
    page.setHost(server.host());
    page.setPort(server.port());
    page.setPath(QStringLiteral("/pair/") + token);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("console"), console);
    query.addQueryItem(QStringLiteral("expires"), QString::number(expires));
    if (!fingerprint.isEmpty())
        query.addQueryItem(QStringLiteral("fp"), QString::fromLatin1(fingerprint.toHex()));
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
    const bool web = url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http");
    if (web) {
        // The phone page's address (§10.10): the signaling server is the page's own origin.
        const QStringList path = url.path().split(QLatin1Char('/'));
        if (path.size() != 3 || !path[0].isEmpty() || path[1] != QLatin1String("pair")
            || !url.fragment().isEmpty() || url.host().isEmpty())
            return std::nullopt;
        out.token = path[2];
        out.server.setScheme(url.scheme() == QLatin1String("https") ? QStringLiteral("wss")
                                                                    : QStringLiteral("ws"));
        out.server.setHost(url.host());
        out.server.setPort(url.port());
    } else if (url.scheme() == QLatin1String("floorline") && url.host() == QLatin1String("pair")) {
        out.server = QUrl(query.queryItemValue(QStringLiteral("server"), QUrl::FullyDecoded),
                          QUrl::StrictMode);
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
        || (scheme != QLatin1String("ws") && scheme != QLatin1String("wss")))
        return std::nullopt;
    return out;
}

} // namespace floorline::proto
