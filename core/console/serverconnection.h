// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "consoletypes.h"
#include "servertrust.h"

#include "core/signaling/signalingclient.h"

#include <QObject>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

namespace floorline::media {
class VoiceEngine;
}

namespace floorline::console {

/**
 * @brief One server as the console sees it: where and as whom it logs in, the link's state,
 * what went wrong, and the voice engine's media link to that server's relay.
 *
 * A login that has never reached the server (a typed address, a start with --server) keeps the
 * login form up with the reason until it does, so a wrong address is corrected where it was
 * typed; a link that was up and dropped reconnects behind the console, which marks what it
 * shows as last known. Thread rule: GUI thread.
 */
class ServerConnection : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Part of the ConsoleController")
    Q_PROPERTY(floorline::console::Link link READ link NOTIFY linkChanged)
    /// The login form is needed: offline, or a login that has not reached the server yet.
    Q_PROPERTY(bool needsLogin READ needsLogin NOTIFY linkChanged)
    /// Our alias (or id) once logged in.
    Q_PROPERTY(QString user READ user NOTIFY linkChanged)
    /// The server and account of the last login attempt (the login form starts from them).
    Q_PROPERTY(QString serverUrl READ serverUrl NOTIFY loginTargetChanged)
    Q_PROPERTY(QString account READ account NOTIFY loginTargetChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY errorChanged)
    /// The certificates trusted and the question about one that is not.
    Q_PROPERTY(floorline::console::ServerTrust *trust READ trust CONSTANT)
    /// SHA-256 of the certificate of the server we are logged in to ("AB:CD:…"); empty when
    /// the link is not encrypted (ws:// on this machine).
    Q_PROPERTY(QString certificate READ certificate NOTIFY linkChanged)
public:
    ServerConnection(SignalingClient &client, media::VoiceEngine *voice, QObject *parent = nullptr);

    SignalingClient &client() { return m_client; }
    Link link() const { return m_link; }
    bool needsLogin() const;
    QString user() const;
    QString serverUrl() const { return m_serverUrl.toString(); }
    QString account() const { return m_account; }
    QString lastError() const { return m_lastError; }
    ServerTrust *trust() { return &m_trust; }
    QString certificate() const;
    /// Before the first login: log in as a display client (no groups, no voice).
    void setDisplay(bool on)
    {
        m_display = on;
        m_client.setDisplay(on);
    }
    bool display() const { return m_display; }
    /// Ever logged in on this connection: what the console shows came from a server.
    bool everOnline() const { return m_everOnline; }

    void connectToServer(const QUrl &url, const QString &user, const QString &password);
    /// Remembers where to log in without connecting yet (the login form shows it).
    void setLoginTarget(const QUrl &url, const QString &user);
    /// The login form: checks what was typed, then connects and logs in.
    Q_INVOKABLE void login(const QString &url, const QString &user, const QString &password);
    /// Stops trying (the form's Cancel) or logs out; the login form comes back.
    Q_INVOKABLE void logout();
    /// The dispatcher does not trust the certificate asked about: not connected, and the form
    /// says so (not "check its certificate below" with nothing below any more).
    Q_INVOKABLE void declineCertificate();
    void setError(const QString &error);

Q_SIGNALS:
    void linkChanged();
    /// Where and as whom the next login goes changed (not on a refused entry: the form keeps
    /// what was typed).
    void loginTargetChanged();
    void errorChanged();
    /// A login was asked for with these details: worth remembering (not the password).
    void loginRequested(const QUrl &url, const QString &user);
    /// Logged in; `resumed` false: the server kept nothing of an earlier login.
    void loggedIn(const floorline::proto::LoginResult &login, bool resumed);

private:
    void onState(SignalingClient::State state);
    void onLoggedIn(const proto::LoginResult &login, bool resumed);
    void onCertificateRejected(const QByteArray &presented, const QByteArray &pinned,
                               const QString &why);
    void setLink(Link link);
    /// What to tell a dispatcher whose first connection failed: what the socket said, and
    /// what to change (the port, the name, wss:// for ws://).
    QString whyUnreachable() const;
    /// The first connection was ws:// and the server hung up on it at once: it speaks TLS.
    bool wantsTls() const;

    SignalingClient &m_client;
    media::VoiceEngine *m_voice;
    ServerTrust m_trust;
    Link m_link = Link::Offline;
    QString m_lastError;
    QUrl m_serverUrl;
    QString m_account;
    bool m_display = false;
    bool m_everOnline = false; ///< this attempt has reached the server at least once
    int m_lookup = -1; ///< the pending host lookup for the media link
};

} // namespace floorline::console
