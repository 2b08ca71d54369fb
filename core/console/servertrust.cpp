// SPDX-License-Identifier: Apache-2.0
#include "servertrust.h"

#include "core/protocol/fingerprint.h"

#include <QLoggingCategory>

namespace floorline::console {

Q_LOGGING_CATEGORY(lcTrust, "floorline.console.trust", QtInfoMsg)

ServerTrust::ServerTrust(QObject *parent)
    : QObject(parent)
{ }

QString ServerTrust::keyOf(const QUrl &server)
{
    // Per host and port, not per URL: a path or a trailing slash is the same server.
    return QStringLiteral("%1:%2").arg(server.host().toLower()).arg(server.port());
}

QByteArray ServerTrust::pinFor(const QUrl &server) const
{
    const QString key = keyOf(server);
    if (key == m_givenFor)
        return m_givenSha;
    if (const auto it = m_runPins.constFind(key); it != m_runPins.cend())
        return *it;
    const QByteArray kept = proto::parseFingerprint(m_pins.value(key).toString());
    // Another name for the given server (localhost for 127.0.0.1) presents the same
    // certificate; an unknown server that presents another one is refused, not offered.
    return kept.isEmpty() ? m_givenSha : kept;
}

void ServerTrust::require(const QUrl &server, const QByteArray &sha256)
{
    m_givenFor = keyOf(server);
    m_givenSha = sha256;
}

void ServerTrust::pin(const QUrl &server, const QByteArray &sha256, bool remember)
{
    const QString key = keyOf(server);
    if (!remember) {
        m_runPins.insert(key, sha256);
        return;
    }
    m_runPins.remove(key);
    m_pins.insert(key, QString::fromLatin1(sha256.toHex()));
    Q_EMIT pinsChanged(m_pins);
}

void ServerTrust::forget(const QUrl &server)
{
    const QString key = keyOf(server);
    m_runPins.remove(key);
    if (m_pins.remove(key) > 0)
        Q_EMIT pinsChanged(m_pins);
}

void ServerTrust::ask(const QUrl &server, const QByteArray &presented, const QByteArray &pinned,
                      const QString &reason)
{
    m_server = server;
    m_presented = presented;
    m_previous = pinned;
    m_reason = reason;
    m_given = !m_givenSha.isEmpty() && pinned == m_givenSha;
    if (m_given)
        qCWarning(lcTrust).noquote() << "refused the certificate of" << keyOf(server) << "SHA-256"
                                     << proto::formatFingerprint(presented) << ": the operator gave"
                                     << proto::formatFingerprint(pinned);
    else if (!pinned.isEmpty())
        qCWarning(lcTrust).noquote()
            << "the certificate of" << keyOf(server) << "changed from"
            << proto::formatFingerprint(pinned) << "to" << proto::formatFingerprint(presented);
    Q_EMIT questionChanged();
}

QString ServerTrust::server() const
{
    return m_server.isEmpty() ? QString() : keyOf(m_server);
}

QString ServerTrust::presented() const
{
    return proto::formatFingerprint(m_presented);
}

QString ServerTrust::previous() const
{
    return proto::formatFingerprint(m_previous);
}

void ServerTrust::trust()
{
    if (!asking() || m_given)
        return;
    const QUrl server = m_server;
    qCInfo(lcTrust).noquote() << "trusting the certificate of" << keyOf(server)
                              << proto::formatFingerprint(m_presented);
    pin(server, m_presented);
    dismiss();
    Q_EMIT trusted(server);
}

void ServerTrust::dismiss()
{
    if (!asking())
        return;
    m_server.clear();
    m_presented.clear();
    m_previous.clear();
    m_reason.clear();
    m_given = false;
    Q_EMIT questionChanged();
}

} // namespace floorline::console
