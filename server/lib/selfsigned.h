// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QStringList>

namespace floorline::server {

/// A private key and the certificate it signed for itself, both PEM.
struct SelfSigned
{
    QByteArray certificatePem;
    QByteArray keyPem;
};

/**
 * @brief Makes an ECDSA P-256 key and a self-signed X.509 certificate for `names` (host
 * names and IP addresses, all in subjectAltName; the first also the common name).
 *
 * A fresh server has no certificate from an authority, yet must never talk in clear on a
 * network: it makes one of these, and clients pin its fingerprint (trust on first use, or
 * from a pairing code). Empty on an OpenSSL failure, with `error` saying which step.
 */
SelfSigned makeSelfSigned(const QStringList &names, QString *error);

} // namespace floorline::server
