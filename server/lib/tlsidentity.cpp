// SPDX-License-Identifier: Apache-2.0
#include "tlsidentity.h"

#include "certificatekey.h"
#include "privatefiles.h"
#include "selfsigned.h"

#include "core/protocol/fingerprint.h"

#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QSslSocket>
#include <QSysInfo>

#include <memory>

namespace floorline::server {
namespace {

QByteArray readAll(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return {};
    }
    return file.readAll();
}

bool writePrivate(const QString &path, const QByteArray &data, QString *error)
{
    // The file is 0600 before the key is in it: there is no moment another user could read it.
    if (!privatefiles::restrictFile(path, error))
        return false;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data) != data.size()
        || !file.flush()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.close();
    return privatefiles::sync(path);
}

} // namespace

std::optional<TlsIdentity> TlsIdentity::fromPem(const QByteArray &certificates,
                                                const QByteArray &key, QString *error)
{
    if (!QSslSocket::supportsSsl()) {
        *error = QStringLiteral("this Qt has no TLS backend (the OpenSSL plugin of Qt Network)");
        return std::nullopt;
    }
    TlsIdentity identity;
    identity.m_chain = QSslCertificate::fromData(certificates, QSsl::Pem);
    if (identity.m_chain.isEmpty() || identity.m_chain.first().isNull()) {
        *error = QStringLiteral("no PEM certificate in it");
        return std::nullopt;
    }
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa, QSsl::Dsa, QSsl::Dh}) {
        identity.m_key = QSslKey(key, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!identity.m_key.isNull())
            break;
    }
    if (identity.m_key.isNull()) {
        *error = QStringLiteral("no unencrypted PEM private key in it");
        return std::nullopt;
    }
    if (!keyMatchesCertificate(certificates, key)) {
        *error = QStringLiteral("the key is not the certificate's (its public key differs)");
        return std::nullopt;
    }
    return identity;
}

std::optional<TlsIdentity> TlsIdentity::load(const QString &certificateFile, const QString &keyFile,
                                             QString *error)
{
    const QByteArray certificates = readAll(certificateFile, error);
    const QByteArray key = error->isEmpty() ? readAll(keyFile, error) : QByteArray();
    if (!error->isEmpty())
        return std::nullopt;
    auto identity = fromPem(certificates, key, error);
    if (!identity)
        *error = QStringLiteral("--cert %1 / --key %2: %3").arg(certificateFile, keyFile, *error);
    return identity;
}

std::optional<TlsIdentity> TlsIdentity::selfSigned(const QString &directory,
                                                   const QStringList &moreNames, QString *error)
{
    const QString certificatePath = QDir(directory).filePath(QStringLiteral("server.crt"));
    const QString keyPath = QDir(directory).filePath(QStringLiteral("server.key"));
    // Two processes on a fresh directory (a server starting, `--fingerprint` run beside it)
    // must end up with one certificate, not each with its own: whoever comes second waits,
    // then loads what the first made.
    std::unique_ptr<QLockFile> lock;
    if (!directory.isEmpty()) {
        if (!privatefiles::makeDirectory(directory, error))
            return std::nullopt;
        lock = std::make_unique<QLockFile>(QDir(directory).filePath(QStringLiteral(".lock")));
        if (!lock->tryLock(10000)) {
            *error = QStringLiteral("%1 is locked by another process").arg(directory);
            return std::nullopt;
        }
    }
    if (!directory.isEmpty() && QFile::exists(certificatePath) && QFile::exists(keyPath)) {
        // Ours: a key someone made readable to others is made private again.
        if (!privatefiles::restrictFile(keyPath, error))
            return std::nullopt;
        return load(certificatePath, keyPath, error);
    }

    // Every name a client on this machine or the network may use for it; a pinned fingerprint,
    // not the name, is what makes a self-signed certificate trusted, but a client that checks
    // names should find one.
    QStringList names {QSysInfo::machineHostName(), QStringLiteral("localhost"),
                       QStringLiteral("127.0.0.1"), QStringLiteral("::1")};
    names += moreNames;
    names.removeAll(QString());
    names.removeDuplicates();
    const SelfSigned made = makeSelfSigned(names, error);
    if (made.certificatePem.isEmpty())
        return std::nullopt;
    if (!directory.isEmpty()) {
        // The key first: a certificate without its key would be loaded and fail next time.
        if (!writePrivate(keyPath, made.keyPem, error)
            || !writePrivate(certificatePath, made.certificatePem, error))
            return std::nullopt;
        privatefiles::syncDirectory(directory);
    }
    auto identity = fromPem(made.certificatePem, made.keyPem, error);
    if (identity)
        identity->m_made = true;
    return identity;
}

QSslConfiguration TlsIdentity::serverConfiguration() const
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(m_chain);
    configuration.setPrivateKey(m_key);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    return configuration;
}

QByteArray TlsIdentity::fingerprint() const
{
    return proto::certificateFingerprint(certificate());
}

} // namespace floorline::server
