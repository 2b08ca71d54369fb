// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bulkpacer.h"

#include "core/protocol/media.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <memory>
#include <unordered_map>

class QFile;
class QNetworkReply;

namespace floorline {
class SignalingClient;
}

namespace floorline::console {

class MediaHttpClient;

/// How the console shows an item of `contentType`: "image", "video" or "file". An item whose
/// description has not arrived yet counts as an image: most items shown with spurts are.
QString mediaKind(const QString &contentType);

/**
 * @brief The console's copy of media items: fetched once with `media.get`, kept on disk
 * under their SHA-256 and checked against it, so a picture shown with a talk spurt is a local
 * file by the time the talker's next spurt names it.
 *
 * Bytes come over HTTPS when the console holds an HTTP token (MediaHttpClient): as fast as
 * TCP carries them, and a dropped transfer continues with a Range from the first byte not
 * received. Otherwise (an older server) they come as `media.get` chunks, a window of requests
 * per item inside the server's message rate (SignalingClient::limits()). A fetch that fails
 * (item gone, hash mismatch, link lost for good) is reported and may be asked for again.
 * Thread rule: GUI thread (it shares the console's SignalingClient).
 */
class MediaCache : public QObject
{
    Q_OBJECT
public:
    enum class State { Missing, Loading, Ready, Failed };

    static constexpr int kWindow = 4; ///< chunk requests in flight per item

    static constexpr int kHttpAttempts = 5; ///< a transfer that drops this often falls back

    /// `http` may be null: then every fetch uses signaling.
    MediaCache(SignalingClient &client, BulkPacer &pacer, MediaHttpClient *http,
               QObject *parent = nullptr);
    ~MediaCache() override;

    /// Where files go; created if needed. Items already there are used without fetching.
    void setDirectory(const QString &path);
    QString directory() const { return m_directory; }

    /// Starts fetching `id` unless it is here or on its way; returns its state now.
    State fetch(const QString &id);
    State state(const QString &id) const;
    /// The local file of a Ready item (empty otherwise).
    QUrl url(const QString &id) const;
    /// What the server said about the item, once any of it arrived.
    std::optional<proto::MediaItem> item(const QString &id) const;
    /// Bytes received / size of a Loading item, 0..1.
    double progress(const QString &id) const;
    /// Notes what an item is (from a push or a shelf) before any of it is fetched.
    void remember(const proto::MediaItem &item) { m_items.insert(item.id, item); }
    /// Puts bytes we already hold (our own upload) into the cache.
    void insert(const proto::MediaItem &item, const QByteArray &bytes);

Q_SIGNALS:
    void stateChanged(const QString &id);
    void progressChanged(const QString &id);
    /// `id` is here, or was asked for while here: worth preparing to show (decoding).
    void available(const QString &id);

private:
    struct Fetch
    {
        std::unique_ptr<QFile> file;
        proto::MediaItem item;
        qint64 received = 0; ///< bytes written, in order
        qint64 requested = 0; ///< next offset to ask for
        int inFlight = 0;
        QHash<qint64, QByteArray> early; ///< chunks that overtook one still in flight
        QNetworkReply *reply = nullptr; ///< the HTTP transfer running, if any
        int attempts = 0; ///< HTTP transfers started for this fetch
        qint64 resumeAt = 0; ///< the running transfer asked for the bytes from here
    };
    QString pathOf(const QString &id) const;
    void pump();
    void fetchHttp(const QString &id);
    void onHttpData(const QString &id, QNetworkReply *reply);
    void onHttpDone(const QString &id, QNetworkReply *reply);
    void learn(const QString &id);
    void onChunk(const QString &id, const proto::MediaData &data);
    void complete(const QString &id);
    void fail(const QString &id, const QString &why);

    SignalingClient &m_client;
    BulkPacer &m_pacer;
    MediaHttpClient *m_http;
    QTimer m_pumpTimer; ///< waits for the pacer's next token
    QString m_directory;
    QHash<QString, State> m_states;
    QHash<QString, proto::MediaItem> m_items;
    std::unordered_map<QString, Fetch> m_fetches;
};

} // namespace floorline::console
