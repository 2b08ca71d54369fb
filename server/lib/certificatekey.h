// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>

namespace floorline::server {

/// Whether `keyPem` is the private key of the first certificate in `certificatePem`. A server
/// given a certificate and some other key starts and then fails every TLS handshake; it is
/// refused at start instead.
bool keyMatchesCertificate(const QByteArray &certificatePem, const QByteArray &keyPem);

} // namespace floorline::server
