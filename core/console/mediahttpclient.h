// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

class QNetworkReply;

namespace floorline {
class SignalingClient;
}

namespace floorline::console {

/**
 * @brief The console's way to media bytes over HTTPS on the signaling port
 * (docs/protocol.md §13): the login's bearer token, the server's address, and its certificate.
 *
 * After every fresh login it asks for a token (`media.token`); a resumed login keeps the one it
 * has. A server that refuses (an older one) leaves it not ready, and media move over signaling.
 * The certificate trusted is exactly the one the signaling connection accepted: same server,
 * same port, no second question to the dispatcher.
 * Thread rule: GUI thread (it shares the console's SignalingClient); the transfers themselves
 * run on Qt's network thread.
 */
class MediaHttpClient : public QObject
{
    Q_OBJECT
public:
    explicit MediaHttpClient(SignalingClient &client, QObject *parent = nullptr);

    bool ready() const { return !m_token.isEmpty(); }
    /// A token was asked for and has not come yet: transfers are worth holding for it.
    bool asking() const { return m_asking; }
    /// `GET /media/<id>` from byte `offset` on (a Range when it is not 0).
    QNetworkReply *get(const QString &id, qint64 offset);
    /// A JSON request (`POST` with `body`, or `GET` without) to `path`.
    QNetworkReply *json(const QByteArray &method, const QString &path,
                        const QJsonObject &body = {});
    /// `PUT /media/uploads/<upload>` of `bytes` starting at `offset` of `size`.
    QNetworkReply *put(const QString &upload, qint64 offset, const QByteArray &bytes, qint64 size);
    /// A 401: the token ended (the login was replaced). Asks for a new one.
    void tokenRefused();
    /// A login (fresh or resumed) without a token: asks for one now, so that transfers
    /// resuming with the login can wait for it (asking()) instead of taking signaling.
    void renew()
    {
        if (!ready())
            askToken();
    }
    /// A transfer failed over HTTPS time after time (a firewall or proxy that passes only the
    /// WebSocket): until the next login every item goes over signaling at once, instead of
    /// trying HTTPS again for each.
    void giveUp();

Q_SIGNALS:
    void readyChanged();
    /// The answer to a token request came (ready() says whether it brought one).
    void settled();

private:
    QNetworkRequest request(const QString &path) const;
    void askToken();
    void setToken(const QByteArray &token);

    SignalingClient &m_client;
    QNetworkAccessManager m_network;
    QByteArray m_token;
    bool m_asking = false;
};

/// The HTTP status of a finished reply (0 when no answer came).
int httpStatus(const QNetworkReply &reply);
/// The JSON object a reply carried, or an empty one.
QJsonObject replyJson(QNetworkReply &reply);
/// What went wrong, for people: the server's `message`, or the network's error.
QString replyProblem(QNetworkReply &reply, const QJsonObject &body);

} // namespace floorline::console
