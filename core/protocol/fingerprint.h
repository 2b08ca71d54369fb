// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

class QSslCertificate;

namespace floorline::proto {

/**
 * A server's TLS identity as clients pin it: the SHA-256 of its certificate (DER), 32 bytes.
 * People compare it as 32 colon-separated upper-case hex pairs, the way `openssl x509
 * -fingerprint -sha256` prints it; URIs and command lines may carry the 64 digits bare.
 */
QByteArray certificateFingerprint(const QSslCertificate &certificate);
QString formatFingerprint(const QByteArray &sha256);
/// 64 hex digits, with or without ':' or white space between pairs (a line as printed, with
/// its newline); empty if `text` is not one.
QByteArray parseFingerprint(const QString &text);

} // namespace floorline::proto
