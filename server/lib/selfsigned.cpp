// SPDX-License-Identifier: Apache-2.0
#include "selfsigned.h"

#include <QHostAddress>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace floorline::server {
namespace {

template<typename T, void (*Free)(T *)> struct Freer
{
    void operator()(T *p) const { Free(p); }
};
using Key = std::unique_ptr<EVP_PKEY, Freer<EVP_PKEY, EVP_PKEY_free>>;
using Cert = std::unique_ptr<X509, Freer<X509, X509_free>>;
using Bio = std::unique_ptr<BIO, Freer<BIO, BIO_free_all>>;
using Extension = std::unique_ptr<X509_EXTENSION, Freer<X509_EXTENSION, X509_EXTENSION_free>>;

QByteArray drain(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(size));
}

bool addExtension(X509 *cert, int nid, const QByteArray &value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, cert, cert, nullptr, nullptr, 0);
    const Extension extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value.constData()));
    return extension && X509_add_ext(cert, extension.get(), -1) == 1;
}

QByteArray subjectAltName(const QStringList &names)
{
    QStringList entries;
    for (const QString &name : names) {
        // An address must be an IP entry: clients that check names never match DNS:127.0.0.1.
        const bool address = !QHostAddress(name).isNull();
        entries.append((address ? QStringLiteral("IP:") : QStringLiteral("DNS:")) + name);
    }
    return entries.join(QLatin1Char(',')).toLatin1();
}

} // namespace

SelfSigned makeSelfSigned(const QStringList &names, QString *error)
{
    const auto fail = [error](const char *step) {
        *error = QStringLiteral("cannot make a self-signed certificate: %1 failed")
                     .arg(QLatin1String(step));
        return SelfSigned {};
    };
    if (names.isEmpty())
        return fail("naming (no host names)");
    const Key key(EVP_EC_gen("P-256"));
    if (!key)
        return fail("EC key generation");
    const Cert cert(X509_new());
    if (!cert || X509_set_version(cert.get(), 2) != 1)
        return fail("X509_new");
    // A random serial: two certificates made by two servers must not look alike to a client.
    unsigned char serial[16];
    if (RAND_bytes(serial, sizeof serial) != 1)
        return fail("RAND_bytes");
    serial[0] &= 0x7f; // positive, as RFC 5280 asks
    BIGNUM *number = BN_bin2bn(serial, sizeof serial, nullptr);
    const bool serialSet = number && BN_to_ASN1_INTEGER(number, X509_get_serialNumber(cert.get()));
    BN_free(number);
    if (!serialSet)
        return fail("serial number");
    // Valid from a day ago (clocks differ) for ten years: the pin, not the date, is the trust.
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -24L * 3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 3650L * 24 * 3600);
    X509_NAME *subject = X509_get_subject_name(cert.get());
    const QByteArray common = names.first().left(64).toUtf8();
    X509_NAME_add_entry_by_txt(subject, "O", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>("Floorline"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>(common.constData()), -1, -1,
                               0);
    X509_set_issuer_name(cert.get(), subject);
    if (X509_set_pubkey(cert.get(), key.get()) != 1)
        return fail("X509_set_pubkey");
    if (!addExtension(cert.get(), NID_subject_alt_name, subjectAltName(names))
        || !addExtension(cert.get(), NID_basic_constraints, "critical,CA:FALSE")
        || !addExtension(cert.get(), NID_key_usage, "critical,digitalSignature")
        || !addExtension(cert.get(), NID_ext_key_usage, "serverAuth")
        || !addExtension(cert.get(), NID_subject_key_identifier, "hash"))
        return fail("adding extensions");
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0)
        return fail("X509_sign");

    const Bio certBio(BIO_new(BIO_s_mem()));
    const Bio keyBio(BIO_new(BIO_s_mem()));
    if (!certBio || !keyBio || PEM_write_bio_X509(certBio.get(), cert.get()) != 1
        || PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr)
            != 1)
        return fail("PEM encoding");
    return SelfSigned {drain(certBio.get()), drain(keyBio.get())};
}

} // namespace floorline::server
