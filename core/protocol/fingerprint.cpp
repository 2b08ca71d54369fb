// SPDX-License-Identifier: Apache-2.0
#include "fingerprint.h"

#include <QCryptographicHash>
#include <QSslCertificate>

namespace floorline::proto {

QByteArray certificateFingerprint(const QSslCertificate &certificate)
{
    return certificate.isNull() ? QByteArray() : certificate.digest(QCryptographicHash::Sha256);
}

QString formatFingerprint(const QByteArray &sha256)
{
    return QString::fromLatin1(sha256.toHex(':').toUpper());
}

QByteArray parseFingerprint(const QString &text)
{
    QByteArray digits;
    for (const QChar c : text) {
        if (c == QLatin1Char(':') || c.isSpace())
            continue;
        if (!isxdigit(c.unicode()) || c.unicode() > 0x7f)
            return {};
        digits.append(char(c.unicode()));
    }
    if (digits.size() != 64)
        return {};
    return QByteArray::fromHex(digits);
}

} // namespace floorline::proto
