// SPDX-License-Identifier: Apache-2.0
#include "serverconnection.h"

#include "core/media/voiceengine.h"
#include "core/protocol/fingerprint.h"
#include "core/protocol/jsonreader.h"

#include <QHostAddress>
#include <QHostInfo>
#include <QLoggingCategory>
#include <QMetaEnum>

namespace floorline::console {

Q_LOGGING_CATEGORY(lcLink, "floorline.console", QtInfoMsg)

ServerConnection::ServerConnection(SignalingClient &client, media::VoiceEngine *voice,
                                   QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_voice(voice)
{
    connect(&m_client, &SignalingClient::stateChanged, this, &ServerConnection::onState);
    connect(&m_client, &SignalingClient::loggedIn, this, &ServerConnection::onLoggedIn);
    connect(&m_client, &SignalingClient::socketFailed, this, [this] {
        if (m_everOnline)
            return;
        if (wantsTls()) {
            // Trying ws:// again cannot work, and "Connecting…" behind the advice would say
            // otherwise: stop, once the client has finished handling this failure.
            QMetaObject::invokeMethod(
                this,
                [this] {
                    if (m_everOnline || !wantsTls())
                        return;
                    m_client.disconnectFromServer();
                    setError(whyUnreachable());
                },
                Qt::QueuedConnection);
            return;
        }
        if (m_client.state() == SignalingClient::State::Reconnecting)
            setError(whyUnreachable());
    });
    connect(&m_client, &SignalingClient::errorOccurred, this,
            [this](const proto::Error &e) { setError(e.message); });
    connect(&m_client, &SignalingClient::certificateRejected, this,
            &ServerConnection::onCertificateRejected);
    connect(&m_trust, &ServerTrust::trusted, this, [this](const QUrl &server) {
        if (server != m_serverUrl)
            return;
        setError({});
        m_client.setPinnedCertificate(m_trust.pinFor(server));
        m_client.retry();
    });
}

QString ServerConnection::certificate() const
{
    if (m_link != Link::Online || m_client.url().scheme() != QLatin1String("wss"))
        return {};
    return proto::formatFingerprint(m_client.presentedCertificate());
}

void ServerConnection::onCertificateRejected(const QByteArray &presented, const QByteArray &pinned,
                                             const QString &why)
{
    m_trust.ask(m_client.url(), presented, pinned, why);
    if (pinned.isEmpty())
        setError(tr("First connection to %1: check its certificate below.").arg(m_trust.server()));
    else if (m_trust.given())
        setError(tr("The certificate of %1 is not the one you were given. Not connected.")
                     .arg(m_trust.server()));
    else
        setError(tr("The certificate of %1 has changed. Not connected.").arg(m_trust.server()));
}

bool ServerConnection::needsLogin() const
{
    return m_link == Link::Offline || (m_link == Link::Connecting && !m_everOnline);
}

QString ServerConnection::user() const
{
    const proto::UnitInfo &unit = m_client.login().unit;
    return unit.alias.isEmpty() ? unit.id : unit.alias;
}

void ServerConnection::connectToServer(const QUrl &url, const QString &user,
                                       const QString &password)
{
    setLoginTarget(url, user);
    setError({});
    m_trust.dismiss();
    m_everOnline = false;
    m_client.setPinnedCertificate(m_trust.pinFor(url));
    m_client.connectToServer(url, user, password);
}

void ServerConnection::setLoginTarget(const QUrl &url, const QString &user)
{
    m_serverUrl = url;
    m_account = user;
    Q_EMIT loginTargetChanged();
    Q_EMIT linkChanged();
}

void ServerConnection::login(const QString &url, const QString &user, const QString &password)
{
    // A bare host:port means the encrypted link: nobody should type a scheme to be safe.
    const QString typed = url.trimmed();
    const QUrl server = QUrl::fromUserInput(
        typed.contains(QLatin1String("://")) ? typed : QStringLiteral("wss://") + typed);
    // A new entry replaces the last attempt: an earlier wrong address must not go on being
    // retried (and shown as "Connecting…") behind the form's error.
    const auto refuse = [this](const QString &why) {
        if (m_client.state() != SignalingClient::State::Online)
            m_client.disconnectFromServer();
        setError(why);
    };
    if (!server.isValid()
        || (server.scheme() != QLatin1String("ws") && server.scheme() != QLatin1String("wss"))
        || server.host().isEmpty() || server.port() <= 0) {
        refuse(tr("Enter the server as wss://host:port"));
        return;
    }
    if (server.scheme() == QLatin1String("ws") && !QHostAddress(server.host()).isLoopback()
        && server.host() != QLatin1String("localhost")) {
        refuse(tr("ws:// is not encrypted: your password would cross the network readable. "
                  "Use wss://%1:%2.")
                   .arg(server.host())
                   .arg(server.port()));
        return;
    }
    if (user.trimmed().isEmpty()) {
        refuse(tr("Enter your user name"));
        return;
    }
    if (!proto::JsonReader::isValidId(user.trimmed())) {
        // Most often a password typed into the wrong field: it goes nowhere, not even into a
        // server's log.
        refuse(tr("A user name has at most 48 letters, digits and . _ : @ - only. Check "
                  "that your password did not go into it."));
        return;
    }
    Q_EMIT loginRequested(server, user.trimmed());
    connectToServer(server, user.trimmed(), password);
}

void ServerConnection::declineCertificate()
{
    if (!m_trust.asking())
        return;
    const QString server = m_trust.server();
    const bool given = m_trust.given();
    m_trust.dismiss();
    setError(
        given
            ? tr("Not connected: the certificate of %1 is not the one you were given.").arg(server)
            : tr("Not connected: you did not trust the certificate of %1.").arg(server));
}

void ServerConnection::logout()
{
    m_trust.dismiss();
    m_client.disconnectFromServer();
}

void ServerConnection::onState(SignalingClient::State state)
{
    switch (state) {
    case SignalingClient::State::Disconnected:
        setLink(Link::Offline);
        break;
    case SignalingClient::State::Connecting:
    case SignalingClient::State::LoggingIn:
        setLink(m_everOnline ? Link::Reconnecting : Link::Connecting);
        break;
    case SignalingClient::State::Online:
        m_everOnline = true;
        setError({}); // a login that went through answers whatever went wrong before
        setLink(Link::Online);
        break;
    case SignalingClient::State::Reconnecting:
        if (!m_everOnline) {
            // Nothing here ever reached that server: say so where the address was typed.
            setError(whyUnreachable());
        }
        setLink(m_everOnline ? Link::Reconnecting : Link::Connecting);
        break;
    }
}

bool ServerConnection::wantsTls() const
{
    // A TLS server hangs up on a plain HTTP request at once; a plain one on a TLS hello
    // only after its handshake timeout.
    return m_serverUrl.scheme() == QLatin1String("ws")
        && m_client.lastSocketError() == QAbstractSocket::RemoteHostClosedError;
}

QString ServerConnection::whyUnreachable() const
{
    const QString host = m_serverUrl.host();
    const QString where = QStringLiteral("%1:%2").arg(host).arg(m_serverUrl.port());
    switch (m_client.lastSocketError()) {
    case QAbstractSocket::HostNotFoundError:
        return tr("No server has the name %1. Check the address; trying again.").arg(host);
    case QAbstractSocket::ConnectionRefusedError:
        return tr("Nothing answers at %1 (connection refused). Check the port and that the "
                  "server runs; trying again.")
            .arg(where);
    case QAbstractSocket::RemoteHostClosedError:
        if (wantsTls())
            return tr("%1 hung up without answering: it expects an encrypted connection. "
                      "Not connected. Use wss://%1.")
                .arg(where);
        return tr("%1 hung up during the encryption handshake. Check the address and port; "
                  "trying again.")
            .arg(where);
    case QAbstractSocket::SocketTimeoutError:
        return tr("%1 does not answer. Check the address and the network; trying again.")
            .arg(where);
    default:
        break;
    }
    if (m_client.lastSocketErrorString().isEmpty())
        return tr("Cannot reach %1. Check the address; trying again.").arg(m_serverUrl.toString());
    return tr("Cannot reach %1 (%2). Check the address; trying again.")
        .arg(m_serverUrl.toString(), m_client.lastSocketErrorString());
}

void ServerConnection::setLink(Link link)
{
    if (link == m_link)
        return;
    m_link = link;
    qCInfo(lcLink, "link %s", QMetaEnum::fromType<Link>().valueToKey(int(link)));
    Q_EMIT linkChanged();
}

void ServerConnection::onLoggedIn(const proto::LoginResult &login, bool resumed)
{
    Q_EMIT linkChanged(); // the user's alias is known now
    if (m_voice && !m_display) {
        // The relay is on the signaling host; looked up without blocking the window (a slow
        // DNS server must not freeze the console).
        if (m_lookup >= 0)
            QHostInfo::abortHostLookup(m_lookup);
        const proto::MediaInfo media = login.media;
        m_lookup = QHostInfo::lookupHost(
            m_client.url().host(), this, [this, media](const QHostInfo &info) {
                m_lookup = -1;
                if (info.addresses().isEmpty()) {
                    setError(tr("No voice: cannot resolve %1").arg(info.hostName()));
                    return;
                }
                m_voice->connectMedia(info.addresses().first(), quint16(media.port), media.ssrc,
                                      media.key);
            });
    }
    Q_EMIT loggedIn(login, resumed);
}

void ServerConnection::setError(const QString &error)
{
    if (error == m_lastError)
        return;
    if (!error.isEmpty())
        qCWarning(lcLink) << error;
    m_lastError = error;
    Q_EMIT errorChanged();
}

} // namespace floorline::console
