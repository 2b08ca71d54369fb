// SPDX-License-Identifier: Apache-2.0
#include "mediacache.h"

#include "mediahttpclient.h"

#include "core/signaling/signalingclient.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QStandardPaths>

Q_LOGGING_CATEGORY(lcMediaCache, "floorline.console.media", QtInfoMsg)

namespace floorline::console {

QString mediaKind(const QString &contentType)
{
    if (contentType.isEmpty() || contentType.startsWith(QLatin1String("image/")))
        return QStringLiteral("image");
    if (contentType.startsWith(QLatin1String("video/")))
        return QStringLiteral("video");
    return QStringLiteral("file");
}

MediaCache::MediaCache(SignalingClient &client, BulkPacer &pacer, MediaHttpClient *http,
                       QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_pacer(pacer)
    , m_http(http)
{
    m_pumpTimer.setSingleShot(true);
    connect(&m_pumpTimer, &QTimer::timeout, this, &MediaCache::pump);
    if (m_http) {
        // Fetches asked for while the token was on its way (right after a login, pushes
        // waiting for us arrive with it) start now: over HTTP if it came.
        connect(m_http, &MediaHttpClient::settled, this, [this] {
            QStringList waiting;
            for (const auto &[id, f] : m_fetches) {
                if (!f.reply && f.inFlight == 0)
                    waiting.append(id);
            }
            for (const QString &id : waiting) {
                if (m_http->ready())
                    fetchHttp(id);
            }
            pump();
        });
    }
    setDirectory(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)
                 + QStringLiteral("/media"));
}

MediaCache::~MediaCache()
{
    for (auto &[id, f] : m_fetches) {
        if (f.reply) {
            f.reply->disconnect(this);
            f.reply->abort();
        }
    }
}

void MediaCache::setDirectory(const QString &path)
{
    m_directory = path;
    QDir().mkpath(path);
}

QString MediaCache::pathOf(const QString &id) const
{
    return m_directory + QLatin1Char('/') + id;
}

MediaCache::State MediaCache::state(const QString &id) const
{
    if (id.isEmpty())
        return State::Missing;
    if (const auto it = m_states.constFind(id); it != m_states.cend())
        return *it;
    // Content-addressed: a file under the item's hash is the item (it was checked when written).
    return QFile::exists(pathOf(id)) ? State::Ready : State::Missing;
}

QUrl MediaCache::url(const QString &id) const
{
    return state(id) == State::Ready ? QUrl::fromLocalFile(pathOf(id)) : QUrl();
}

std::optional<proto::MediaItem> MediaCache::item(const QString &id) const
{
    const auto it = m_items.constFind(id);
    return it == m_items.cend() ? std::nullopt : std::optional(*it);
}

double MediaCache::progress(const QString &id) const
{
    const auto it = m_fetches.find(id);
    if (it == m_fetches.end())
        return state(id) == State::Ready ? 1.0 : 0.0;
    return it->second.item.size > 0 ? double(it->second.received) / double(it->second.item.size)
                                    : 0.0;
}

MediaCache::State MediaCache::fetch(const QString &id)
{
    const State now = state(id);
    if (now == State::Ready && !id.isEmpty()) {
        if (!m_items.contains(id))
            learn(id);
        Q_EMIT available(id);
    }
    if (id.isEmpty() || now == State::Ready || now == State::Loading)
        return now;
    Fetch f;
    f.file = std::make_unique<QFile>(pathOf(id) + QStringLiteral(".part"));
    if (!f.file->open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        fail(id, f.file->errorString());
        return State::Failed;
    }
    if (const auto known = m_items.constFind(id); known != m_items.cend() && known->size > 0)
        f.item = *known;
    m_fetches.emplace(id, std::move(f));
    m_states.insert(id, State::Loading);
    Q_EMIT stateChanged(id);
    if (m_http && (m_http->ready() || m_http->asking()) && m_fetches.at(id).item.size == 0)
        learn(id); // HTTP brings the bytes; what the item is (its name) comes from signaling
    if (m_http && m_http->ready())
        fetchHttp(id);
    else if (!(m_http && m_http->asking()))
        pump();
    return State::Loading;
}

void MediaCache::learn(const QString &id)
{
    // A file kept from an earlier run, or one coming over HTTP: its bytes are (or will be)
    // here, but what it is (type, name) is not. One byte of it brings the description along.
    m_items.insert(id, proto::MediaItem {id, {}, 0, {}, {}, 0}); // asked once
    proto::MediaGet get;
    get.media = id;
    get.length = 1;
    m_client.send(get, [this, id](const Reply<proto::MediaData> &reply) {
        if (!reply.ok())
            return;
        m_items.insert(id, reply.value->media);
        Q_EMIT stateChanged(id);
    });
}

void MediaCache::fetchHttp(const QString &id)
{
    Fetch &f = m_fetches.at(id);
    ++f.attempts;
    f.resumeAt = f.received;
    f.reply = m_http->get(id, f.received);
    QNetworkReply *reply = f.reply;
    connect(reply, &QNetworkReply::readyRead, this, [this, id, reply] { onHttpData(id, reply); });
    connect(reply, &QNetworkReply::finished, this, [this, id, reply] { onHttpDone(id, reply); });
}

void MediaCache::onHttpData(const QString &id, QNetworkReply *reply)
{
    const auto it = m_fetches.find(id);
    if (it == m_fetches.end() || it->second.reply != reply)
        return;
    Fetch &f = it->second;
    const int status = httpStatus(*reply);
    if (status != 200 && status != 206)
        return; // an error's JSON body: read when finished
    if (status == 200 && f.resumeAt > 0) {
        // The server sent the whole item instead of the rest (no range): start over.
        f.file->resize(0);
        f.file->seek(0);
        f.received = f.resumeAt = 0;
    }
    const QByteArray bytes = reply->readAll();
    if (f.file->write(bytes) != bytes.size()) {
        fail(id, f.file->errorString());
        return;
    }
    f.received += bytes.size();
    if (f.item.size == 0) {
        // First bytes of an item we knew nothing of: its size is in the answer.
        const QByteArray range = reply->rawHeader("Content-Range");
        f.item.id = id;
        f.item.size = range.isEmpty()
            ? reply->header(QNetworkRequest::ContentLengthHeader).toLongLong()
            : range.mid(range.lastIndexOf('/') + 1).toLongLong();
        f.item.type = reply->header(QNetworkRequest::ContentTypeHeader).toString();
    }
    Q_EMIT progressChanged(id);
}

void MediaCache::onHttpDone(const QString &id, QNetworkReply *reply)
{
    reply->deleteLater();
    const auto it = m_fetches.find(id);
    if (it == m_fetches.end() || it->second.reply != reply)
        return;
    Fetch &f = it->second;
    onHttpData(id, reply);
    if (m_fetches.find(id) == m_fetches.end())
        return; // failed writing
    f.reply = nullptr;
    const int status = httpStatus(*reply);
    if (reply->error() == QNetworkReply::NoError && (status == 200 || status == 206)) {
        complete(id);
        return;
    }
    const QJsonObject body = replyJson(*reply);
    if (status == 404 || status == 416 || status == 403) {
        fail(id, replyProblem(*reply, body));
        return;
    }
    if (status == 401)
        m_http->tokenRefused();
    qCInfo(lcMediaCache) << "HTTP transfer of" << id << "stopped at" << f.received
                         << "bytes:" << replyProblem(*reply, body);
    // Dropped, timed out, or a token that ended: go on from the first byte not received, over
    // HTTP while it works, else over signaling from there.
    if (f.attempts < kHttpAttempts && m_http->ready()) {
        QTimer::singleShot(200 * f.attempts, this, [this, id] {
            const auto again = m_fetches.find(id);
            if (again == m_fetches.end() || again->second.reply)
                return;
            if (m_http->ready())
                fetchHttp(id);
            else
                pump();
        });
        return;
    }
    if (m_http->ready()) // tried often enough, the token still good: the way itself is shut
        m_http->giveUp();
    f.requested = f.received;
    pump();
}

void MediaCache::pump()
{
    if (m_http && m_http->asking())
        return; // settled() pumps
    m_pacer.setRate(m_client.limits().messagesPerSecond);
    for (auto &[id, f] : m_fetches) {
        if (f.reply)
            continue; // over HTTP
        // Until the first answer the size is unknown: ask for the first chunk alone.
        const bool sizeKnown = f.requested > 0;
        while (f.inFlight < (sizeKnown ? kWindow : 1)
               && (!sizeKnown || f.requested < f.item.size)) {
            if (!m_pacer.take()) {
                m_pumpTimer.start(m_pacer.waitMs());
                return;
            }
            proto::MediaGet get;
            get.media = id;
            get.offset = f.requested;
            f.requested += proto::kMaxMediaChunk;
            ++f.inFlight;
            const QString key = id;
            m_client.send(get, [this, key](const Reply<proto::MediaData> &reply) {
                const auto it = m_fetches.find(key);
                if (it == m_fetches.end())
                    return; // failed meanwhile
                --it->second.inFlight;
                if (!reply.ok()) {
                    fail(key, reply.error.message);
                    return;
                }
                onChunk(key, *reply.value);
            });
            if (!sizeKnown)
                break;
        }
    }
}

void MediaCache::onChunk(const QString &id, const proto::MediaData &data)
{
    Fetch &f = m_fetches.at(id);
    if (f.item.id.isEmpty()) {
        f.item = data.media;
        m_items.insert(id, data.media);
    }
    if (data.media.id != id || data.media.size != f.item.size) {
        fail(id, QStringLiteral("the server answered with another item"));
        return;
    }
    f.early.insert(data.offset, data.data);
    // Chunks are answered in order on one connection, but keep them in order regardless.
    while (f.early.contains(f.received)) {
        const QByteArray bytes = f.early.take(f.received);
        if (f.file->write(bytes) != bytes.size()) {
            fail(id, f.file->errorString());
            return;
        }
        f.received += bytes.size();
        if (bytes.isEmpty())
            break;
    }
    Q_EMIT progressChanged(id);
    if (f.received >= f.item.size && f.inFlight == 0) {
        complete(id);
        return;
    }
    pump();
}

void MediaCache::complete(const QString &id)
{
    auto node = m_fetches.extract(id);
    QFile &file = *node.mapped().file;
    file.close();
    // Named by its hash: what arrived must hash to the name, or it is not the item.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file)) {
        fail(id, file.errorString());
        return;
    }
    file.close();
    if (QString::fromLatin1(hash.result().toHex()) != id) {
        file.remove();
        fail(id, QStringLiteral("the bytes received do not match the item's hash"));
        return;
    }
    QFile::remove(pathOf(id));
    if (!file.rename(pathOf(id))) {
        fail(id, file.errorString());
        return;
    }
    m_states.insert(id, State::Ready);
    qCDebug(lcMediaCache) << "cached" << id << node.mapped().item.size << "bytes";
    Q_EMIT stateChanged(id);
    Q_EMIT available(id);
}

void MediaCache::fail(const QString &id, const QString &why)
{
    if (auto node = m_fetches.extract(id); !node.empty()) {
        if (QNetworkReply *reply = node.mapped().reply) {
            reply->disconnect(this);
            reply->abort();
        }
        node.mapped().file->close();
        node.mapped().file->remove();
    }
    qCWarning(lcMediaCache) << "fetching" << id << "failed:" << why;
    m_states.insert(id, State::Failed);
    Q_EMIT stateChanged(id);
}

void MediaCache::insert(const proto::MediaItem &item, const QByteArray &bytes)
{
    m_items.insert(item.id, item);
    if (state(item.id) == State::Ready)
        return;
    QFile file(pathOf(item.id) + QStringLiteral(".part"));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return;
    file.close();
    QFile::remove(pathOf(item.id));
    if (file.rename(pathOf(item.id))) {
        m_states.insert(item.id, State::Ready);
        Q_EMIT stateChanged(item.id);
        Q_EMIT available(item.id);
    }
}

} // namespace floorline::console
