// SPDX-License-Identifier: Apache-2.0
#include "mediahttpclient.h"

#include "core/protocol/fingerprint.h"
#include "core/signaling/signalingclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSslConfiguration>

Q_LOGGING_CATEGORY(lcMediaHttp, "floorline.console.http", QtInfoMsg)

namespace floorline::console {

MediaHttpClient::MediaHttpClient(SignalingClient &client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    // Media is named by its hash and checked against it: nothing to gain from a cache, and
    // proxies from the environment would see a console's bearer token.
    m_network.setProxy(QNetworkProxy::NoProxy);
    m_network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    connect(&m_network, &QNetworkAccessManager::sslErrors, this,
            [this](QNetworkReply *reply, const QList<QSslError> &) {
                // The very certificate the signaling connection accepted (pinned, or asked
                // for and trusted): the server is the same process on the same port.
                const QByteArray presented
                    = proto::certificateFingerprint(reply->sslConfiguration().peerCertificate());
                if (!presented.isEmpty() && presented == m_client.presentedCertificate())
                    reply->ignoreSslErrors();
            });
    connect(&m_client, &SignalingClient::loggedIn, this,
            [this](const proto::LoginResult &, bool resumed) {
                if (!resumed || !ready())
                    askToken();
            });
    connect(&m_client, &SignalingClient::stateChanged, this, [this](SignalingClient::State s) {
        if (s == SignalingClient::State::Disconnected)
            setToken({});
    });
}

void MediaHttpClient::askToken()
{
    if (m_asking)
        return;
    m_asking = true;
    m_client.send(proto::MediaTokenGet {}, [this](const Reply<proto::HttpToken> &reply) {
        m_asking = false;
        if (!reply.ok()) {
            // An older server, or the link dropped: media move over signaling until the next
            // login asks again.
            qCInfo(lcMediaHttp) << "no HTTP token:" << reply.error.message;
            setToken({});
            Q_EMIT settled();
            return;
        }
        setToken(reply.value->token.toLatin1());
        Q_EMIT settled();
    });
}

void MediaHttpClient::setToken(const QByteArray &token)
{
    if (token == m_token)
        return;
    m_token = token;
    Q_EMIT readyChanged();
}

void MediaHttpClient::giveUp()
{
    qCInfo(lcMediaHttp) << "HTTPS does not get through: media go over signaling until the next "
                           "login";
    setToken({});
}

void MediaHttpClient::tokenRefused()
{
    setToken({});
    if (m_client.state() == SignalingClient::State::Online)
        askToken();
}

QNetworkRequest MediaHttpClient::request(const QString &path) const
{
    QUrl url = m_client.url();
    url.setScheme(url.scheme() == QLatin1String("wss") ? QStringLiteral("https")
                                                       : QStringLiteral("http"));
    url.setPath(path);
    url.setQuery(QString());
    QNetworkRequest r(url);
    r.setRawHeader("Authorization", "Bearer " + m_token);
    r.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    // Answers are plain bytes already compressed (JPEG, MP4); ranges count raw bytes.
    r.setRawHeader("Accept-Encoding", "identity");
    r.setTransferTimeout(30000);
    return r;
}

QNetworkReply *MediaHttpClient::get(const QString &id, qint64 offset)
{
    QNetworkRequest r = request(QStringLiteral("/media/") + id);
    if (offset > 0)
        r.setRawHeader("Range", "bytes=" + QByteArray::number(offset) + '-');
    return m_network.get(r);
}

QNetworkReply *MediaHttpClient::json(const QByteArray &method, const QString &path,
                                     const QJsonObject &body)
{
    QNetworkRequest r = request(path);
    if (method == "GET")
        return m_network.get(r);
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    return m_network.sendCustomRequest(r, method,
                                       QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QNetworkReply *MediaHttpClient::put(const QString &upload, qint64 offset, const QByteArray &bytes,
                                    qint64 size)
{
    QNetworkRequest r = request(QStringLiteral("/media/uploads/") + upload);
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/octet-stream"));
    r.setRawHeader("Content-Range",
                   "bytes " + QByteArray::number(offset) + '-'
                       + QByteArray::number(offset + bytes.size() - 1) + '/'
                       + QByteArray::number(size));
    return m_network.put(r, bytes);
}

int httpStatus(const QNetworkReply &reply)
{
    return reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

QJsonObject replyJson(QNetworkReply &reply)
{
    return QJsonDocument::fromJson(reply.readAll()).object();
}

QString replyProblem(QNetworkReply &reply, const QJsonObject &body)
{
    const QString message = body.value(QStringLiteral("message")).toString();
    return message.isEmpty() ? reply.errorString() : message;
}

} // namespace floorline::console
