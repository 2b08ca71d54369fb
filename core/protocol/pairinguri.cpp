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

std::optional<PairingUri> PairingUri::parse(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("floorline")
        || url.host() != QLatin1String("pair"))
        return std::nullopt;
    const QUrlQuery query(url);
    PairingUri out;
    out.server = QUrl(query.queryItemValue(QStringLiteral("server"), QUrl::FullyDecoded),
                      QUrl::StrictMode);
    out.console = query.queryItemValue(QStringLiteral("console"), QUrl::FullyDecoded);
    out.token = query.queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded);
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
