// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/protocol/media.h"

#include <QObject>
#include <QPointer>

class QNetworkReply;

namespace floorline::console {

class MediaHttpClient;

/**
 * @brief One upload over HTTPS (docs/protocol.md §13.4): `POST /media/uploads`, then the bytes
 * in one `PUT`; after a drop it asks where the upload stands and sends the rest from there.
 *
 * It reports the upload id as soon as the server names it, so that a caller that gives up on
 * HTTP (a transfer that keeps failing) can go on over signaling from the same byte: both ways
 * fill the same upload in the server's store.
 * Thread rule: GUI thread.
 */
class HttpUpload : public QObject
{
    Q_OBJECT
public:
    static constexpr int kAttempts = 5; ///< transfers started before giving up on HTTP

    /// `upload` non-empty continues an upload the server already has.
    HttpUpload(MediaHttpClient &http, const proto::MediaUpload &what, const QByteArray &bytes,
               const QString &upload, QObject *parent = nullptr);
    ~HttpUpload() override;

    void start();
    QString upload() const { return m_upload; }

Q_SIGNALS:
    /// Bytes the server confirmed or that are on their way, 0..1.
    void progress(double done);
    /// The item is stored (it may have been stored before: nothing was sent).
    void stored(const floorline::proto::MediaItem &item);
    /// The server refused the upload (`transient` false: too large, a hash that does not
    /// match), or HTTP did not work (`transient` true: go on another way from upload()).
    void failed(const QString &why, bool transient);

private:
    void track(QNetworkReply *reply);
    void onAnswer(QNetworkReply *reply);
    void sendFrom(qint64 offset);
    void retry(const QString &why);

    MediaHttpClient &m_http;
    proto::MediaUpload m_what;
    QByteArray m_bytes;
    QString m_upload;
    QPointer<QNetworkReply> m_reply;
    qint64 m_sendingFrom = 0;
    int m_attempts = 0;
};

} // namespace floorline::console
