// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QStringList>

#include <optional>

namespace floorline::server {

/**
 * @brief The certificate and key the server's signaling port presents (wss://).
 *
 * Either the operator's (PEM files, for example from an authority), or a self-signed one the
 * server made on its first start and keeps in its state directory, so that clients that pinned
 * it keep trusting it across restarts.
 */
class TlsIdentity
{
public:
    /// The operator's certificate (chain) and private key, PEM.
    static std::optional<TlsIdentity> load(const QString &certificateFile, const QString &keyFile,
                                           QString *error);
    /// The self-signed identity kept in `directory` (server.crt, server.key), made there on the
    /// first call for this machine's names and `moreNames` (the address it listens on); with
    /// an empty `directory` a fresh one that lives as long as the process.
    static std::optional<TlsIdentity> selfSigned(const QString &directory,
                                                 const QStringList &moreNames, QString *error);

    /// TLS 1.2 or later; no client certificates.
    QSslConfiguration serverConfiguration() const;
    const QSslCertificate &certificate() const { return m_chain.first(); }
    /// SHA-256 of the certificate (proto/fingerprint.h): what clients pin.
    QByteArray fingerprint() const;
    /// Made by this call (the operator may want to hand the fingerprint to the clients).
    bool made() const { return m_made; }

private:
    static std::optional<TlsIdentity> fromPem(const QByteArray &certificates, const QByteArray &key,
                                              QString *error);

    QList<QSslCertificate> m_chain;
    QSslKey m_key;
    bool m_made = false;
};

} // namespace floorline::server
