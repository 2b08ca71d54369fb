// SPDX-License-Identifier: Apache-2.0
#include "httpupload.h"

#include "mediahttpclient.h"

#include "core/protocol/jsonreader.h"

#include <QLoggingCategory>
#include <QNetworkReply>
#include <QTimer>

Q_LOGGING_CATEGORY(lcHttpUpload, "floorline.console.http", QtInfoMsg)

namespace floorline::console {

HttpUpload::HttpUpload(MediaHttpClient &http, const proto::MediaUpload &what,
                       const QByteArray &bytes, const QString &upload, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_what(what)
    , m_bytes(bytes)
    , m_upload(upload)
{ }

HttpUpload::~HttpUpload()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void HttpUpload::start()
{
    ++m_attempts;
    if (m_upload.isEmpty())
        track(m_http.json("POST", QStringLiteral("/media/uploads"), m_what.toJson()));
    else
        track(m_http.json("GET", QStringLiteral("/media/uploads/") + m_upload));
}

void HttpUpload::track(QNetworkReply *reply)
{
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onAnswer(reply); });
}

void HttpUpload::sendFrom(qint64 offset)
{
    m_sendingFrom = offset;
    QNetworkReply *reply
        = m_http.put(m_upload, offset, m_bytes.mid(offset), qint64(m_bytes.size()));
    connect(reply, &QNetworkReply::uploadProgress, this, [this](qint64 sent, qint64) {
        Q_EMIT progress(double(m_sendingFrom + sent) / double(m_bytes.size()));
    });
    track(reply);
}

void HttpUpload::onAnswer(QNetworkReply *reply)
{
    reply->deleteLater();
    m_reply.clear();
    const int status = httpStatus(*reply);
    const QJsonObject body = replyJson(*reply);
    proto::JsonReader reader(body);
    if (status == 200 || status == 201 || status == 409) {
        // An UploadState (a start, a state, a PUT that did not finish it, a wrong offset), or
        // the MediaItem a PUT finished.
        const bool item = status == 201 && body.contains(QStringLiteral("id"));
        if (item) {
            proto::MediaItem done;
            done.read(reader);
            if (reader.ok()) {
                Q_EMIT stored(done);
                return;
            }
        } else {
            proto::UploadState state;
            state.read(reader);
            if (reader.ok()) {
                if (state.media) {
                    Q_EMIT stored(*state.media);
                    return;
                }
                m_upload = state.upload.isEmpty() ? m_upload : state.upload;
                Q_EMIT progress(double(state.received) / double(m_bytes.size()));
                sendFrom(state.received);
                return;
            }
        }
        retry(QStringLiteral("unreadable answer: ") + reader.error());
        return;
    }
    if (status == 401) {
        m_http.tokenRefused();
        Q_EMIT failed(replyProblem(*reply, body), true);
        return;
    }
    if (status >= 400 && status < 600 && status != 408 && status != 429 && status != 503) {
        // The server looked at this upload and said no: another way would hear the same.
        if (status == 404 || status == 422)
            m_upload.clear(); // gone (a hash that did not match ends it): start again elsewhere
        Q_EMIT failed(replyProblem(*reply, body), status == 404 || status == 500);
        return;
    }
    retry(replyProblem(*reply, body));
}

void HttpUpload::retry(const QString &why)
{
    qCInfo(lcHttpUpload) << "upload of" << m_what.name << "interrupted:" << why;
    if (m_attempts >= kAttempts || !m_http.ready()) {
        Q_EMIT failed(why, true);
        return;
    }
    QTimer::singleShot(200 * m_attempts, this, [this] {
        if (m_http.ready())
            start();
        else
            Q_EMIT failed(QStringLiteral("no HTTP token"), true);
    });
}

} // namespace floorline::console
