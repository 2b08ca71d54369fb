// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "backoff.h"
#include "core/protocol/codec.h"

#include <QAbstractSocket>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <optional>

class QWebSocket;
class QSslError;

namespace floorline {

/// Outcome of a request: a typed result or an error.
template<typename T> struct Reply
{
    std::optional<T> value;
    proto::Error error;
    bool ok() const { return value.has_value(); }
};

/**
 * @brief Client side of the signaling protocol over QWebSocket.
 *
 * Performs hello + login, correlates requests with responses, dispatches events in sequence
 * order, and reconnects with jittered exponential backoff, resuming from the last event it
 * processed. It never re-sends floor requests after a reconnect: the server released the floor
 * when the connection dropped, and talking again is the user's decision.
 */
class SignalingClient : public QObject
{
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, LoggingIn, Online, Reconnecting };
    Q_ENUM(State)

    explicit SignalingClient(QObject *parent = nullptr);
    ~SignalingClient() override;

    void connectToServer(const QUrl &url, const QString &user, const QString &password);
    void disconnectFromServer();
    /// Tries the last server again at once with the same login (a certificate trusted now).
    void retry();
    /// Drops the socket as a network fault would, then reconnects (tests, "reconnect now").
    void simulateConnectionLoss();

    State state() const { return m_state; }
    const proto::LoginResult &login() const { return m_login; }
    /// What the server allows per connection (from hello): bulk senders pace themselves.
    const proto::Limits &limits() const { return m_limits; }
    quint64 lastSeq() const { return m_lastSeq; }
    QUrl url() const { return m_url; }
    void setAutoReconnect(bool on) { m_autoReconnect = on; }
    void setRequestTimeout(int ms) { m_requestTimeoutMs = ms; }
    /// Log in as a display client (docs/protocol.md §3.2): takes the account's `bound` pushes.
    void setDisplay(bool on) { m_display = on; }
    /// wss://: the certificate trusted besides those the system's authorities vouch for (a
    /// self-signed server), by its SHA-256 (proto/fingerprint.h); empty: authorities only.
    void setPinnedCertificate(const QByteArray &sha256) { m_pin = sha256; }
    QByteArray pinnedCertificate() const { return m_pin; }
    /// SHA-256 of the certificate the server presented on the last wss:// connection.
    QByteArray presentedCertificate() const { return m_presented; }
    /// Why the last connection attempt failed at the socket (refused, no such host, closed
    /// before the WebSocket handshake, TLS failed), with Qt's wording; cleared once connected.
    QAbstractSocket::SocketError lastSocketError() const { return m_socketError; }
    QString lastSocketErrorString() const { return m_socketErrorString; }

    /// Sends a request; `done` gets its typed result or error (also on timeout or disconnect).
    template<typename R>
    quint64 send(const R &request, std::function<void(const Reply<typename R::Result> &)> done = {})
    {
        return sendRaw(request, [done](const proto::ResponseFrame *response, proto::Error error) {
            Reply<typename R::Result> reply;
            if (response && !response->error) {
                QString parseError;
                reply.value = proto::parseResult<R>(response->result, &parseError);
                if (!reply.value)
                    reply.error = {proto::ErrorCode::BadMessage, parseError};
            } else {
                reply.error = response ? *response->error : error;
            }
            if (done)
                done(reply);
        });
    }

Q_SIGNALS:
    void stateChanged(floorline::SignalingClient::State state);
    /// A login completed. `resumed` false after a reconnect means events were missed:
    /// refetch the directory and session state.
    void loggedIn(const floorline::proto::LoginResult &result, bool resumed);
    void eventReceived(const floorline::proto::Event &event, quint64 seq);
    /// The connection dropped; floors held through it are gone.
    void connectionLost();
    void errorOccurred(const floorline::proto::Error &error);
    /// The socket failed (lastSocketError() says how). It may come just before or just after
    /// the state change that the failure causes.
    void socketFailed();
    /// The server presented a certificate that is neither the pinned one nor vouched for by an
    /// authority; the client stopped (nothing was sent). `pinned` is empty on a first contact.
    void certificateRejected(const QByteArray &presented, const QByteArray &pinned,
                             const QString &why);

private:
    using Handler = std::function<void(const proto::ResponseFrame *, proto::Error)>;
    quint64 sendRaw(const proto::Request &request, Handler handler);
    void setState(State state);
    void openSocket();
    void onConnected();
    void onDisconnected();
    void onMessage(const QString &message);
    void sendLogin();
    void failPending(const proto::Error &error);
    void scheduleReconnect();
    void onSslErrors(const QList<QSslError> &errors);

    QWebSocket *m_socket = nullptr;
    State m_state = State::Disconnected;
    QUrl m_url;
    QString m_user;
    QString m_password;
    proto::LoginResult m_login;
    bool m_haveLogin = false;
    quint64 m_lastSeq = 0;
    quint64 m_nextId = 1;
    struct Pending
    {
        Handler handler;
        qint64 deadline;
    };
    QHash<quint64, Pending> m_pending;
    QTimer m_timeouts;
    QTimer m_reconnect;
    Backoff m_backoff;
    bool m_autoReconnect = true;
    bool m_display = false;
    proto::Limits m_limits;
    bool m_userDisconnect = false;
    int m_requestTimeoutMs = 10000;
    QByteArray m_pin;
    QByteArray m_presented;
    QString m_rejected; ///< why this socket's certificate was refused; empty: it was not
    QAbstractSocket::SocketError m_socketError = QAbstractSocket::UnknownSocketError;
    QString m_socketErrorString;
};

} // namespace floorline
