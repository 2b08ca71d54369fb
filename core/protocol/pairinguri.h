// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QUrl>

#include <optional>

namespace floorline::proto {

/**
 * @brief What a console's pairing QR code says (docs/protocol.md §10.10):
 * `https://<host>:<port>/pair/<token>?console=<unit id>&expires=<ms>&fp=<hex>` (the phone
 * page), or for apps `floorline://pair?server=<wss URL>&console=…&token=…&expires=…&fp=…`.
 *
 * A device that scans it connects to `server`, trusting the certificate whose SHA-256 is `fp`
 * without a prompt (the code came from a console that trusts it), logs in with its own
 * account and claims `token` (pair.claim) before `expires`.
 */
struct PairingUri
{
    QUrl server;
    QString console;
    QString token;
    qint64 expires = 0; ///< ms since the epoch
    /// SHA-256 of the server's certificate (wss://); empty: one an authority vouches for.
    QByteArray fingerprint;

    /// The app form, `floorline://pair?…`.
    QString toString() const;
    /// The form a console shows: the phone page's address on the server,
    /// `https://<host>:<port>/pair/<token>?console=…&expires=…&fp=…`; an ordinary phone
    /// camera opens it in the browser, and a Floorline device reads the same fields from it.
    QString toWebUrl() const;
    /// Nothing if `text` is not a complete Floorline pairing URI, in either form.
    static std::optional<PairingUri> parse(const QString &text);
};

} // namespace floorline::proto
