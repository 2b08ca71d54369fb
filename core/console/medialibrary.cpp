// SPDX-License-Identifier: Apache-2.0
#include "medialibrary.h"

#include <QDir>
#include <QFutureWatcher>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

#include "core/signaling/signalingclient.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMimeDatabase>
#include <QUuid>

Q_LOGGING_CATEGORY(lcLibrary, "floorline.console.library", QtInfoMsg)

namespace floorline::console {

namespace {
/// The server's own limit (docs/protocol.md §8); checked here so a dispatcher hears at once.
constexpr qint64 kMaxShareBytes = 64LL * 1024 * 1024;

QString stateName(MediaCache::State state)
{
    switch (state) {
    case MediaCache::State::Loading:
        return QStringLiteral("loading");
    case MediaCache::State::Ready:
        return QStringLiteral("ready");
    case MediaCache::State::Failed:
        return QStringLiteral("failed");
    case MediaCache::State::Missing:
        break;
    }
    return QStringLiteral("missing");
}

/// Errors that say nothing about the upload itself: the link dropped or an answer was lost.
bool isTransient(const proto::Error &error)
{
    return error.code == proto::ErrorCode::Disconnected || error.code == proto::ErrorCode::Timeout;
}
} // namespace

MediaLibrary::MediaLibrary(SignalingClient &client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_http(client)
    , m_cache(client, m_pacer, &m_http)
    , m_shelf({[this](const QString &m) { return stateName(m_cache.state(m)); },
               [this](const QString &m) { return m_cache.progress(m); },
               [this](const QString &m) { return m_cache.url(m); }})
{
    m_pumpTimer.setSingleShot(true);
    connect(&m_pumpTimer, &QTimer::timeout, this, &MediaLibrary::pumpUploads);
    connect(&m_cache, &MediaCache::stateChanged, &m_shelf, &MediaShelfModel::mediaChanged);
    connect(&m_http, &MediaHttpClient::settled, this, [this] {
        for (Upload &u : m_uploads) {
            if (std::exchange(u.awaitingToken, false))
                startUpload(u);
        }
    });
    connect(&m_cache, &MediaCache::progressChanged, &m_shelf, &MediaShelfModel::mediaChanged);
    connect(&m_cache, &MediaCache::stateChanged, this, [this](const QString &media) {
        if (media == m_viewing)
            Q_EMIT viewingChanged();
        if (!m_incoming.isEmpty() && m_shelf.entry(m_incoming.front())->media == media)
            Q_EMIT incomingChanged();
    });
}

QVariantMap MediaLibrary::incoming() const
{
    if (m_incoming.isEmpty())
        return {};
    const auto e = m_shelf.entry(m_incoming.front());
    if (!e)
        return {};
    const QString kind = e->media.isEmpty() ? QStringLiteral("link") : mediaKind(e->contentType);
    return {{QStringLiteral("key"), e->key},
            {QStringLiteral("from"), e->fromAlias.isEmpty() ? e->from : e->fromAlias},
            {QStringLiteral("name"), e->name.isEmpty() ? e->link : e->name},
            {QStringLiteral("kind"), kind},
            {QStringLiteral("url"), m_cache.url(e->media)},
            {QStringLiteral("link"), e->link},
            {QStringLiteral("note"), e->note}};
}

QVariantList MediaLibrary::sent() const
{
    QVariantList out;
    for (const Sent &s : m_sent) {
        proto::PushState furthest = proto::PushState::Queued;
        for (const proto::PushState state : s.states)
            furthest = std::max(furthest, state);
        out << QVariantMap {{QStringLiteral("push"), s.push},
                            {QStringLiteral("to"), s.to},
                            {QStringLiteral("name"), s.name},
                            {QStringLiteral("state"),
                             s.states.isEmpty()
                                 ? QStringLiteral("sending")
                                 : QString(proto::enumName(proto::kPushStates, furthest))}};
    }
    return out;
}

void MediaLibrary::sendTo(const QString &key, const QString &unit, const QString &label)
{
    const auto entry = m_shelf.entry(key);
    if (!entry || (entry->media.isEmpty() && entry->link.isEmpty()))
        return;
    proto::MediaPush push;
    push.push = QUuid::createUuid().toString(QUuid::Id128);
    push.to.unit = unit;
    push.to.bound = unit.isEmpty();
    push.media = entry->media;
    push.link = entry->media.isEmpty() ? entry->link : QString();
    m_sent.push_front({push.push,
                       unit.isEmpty() ? tr("your displays") : label,
                       entry->name.isEmpty() ? entry->link : entry->name,
                       {}});
    if (m_sent.size() > kMaxSent)
        m_sent.pop_back();
    Q_EMIT sentChanged();
    const QString id = push.push;
    m_client.send(push, [this, id](const Reply<proto::PushResult> &reply) {
        const auto it = std::find_if(m_sent.begin(), m_sent.end(),
                                     [&](const Sent &s) { return s.push == id; });
        if (it == m_sent.end())
            return;
        if (!reply.ok()) {
            setNotice(tr("Not sent to %1: %2").arg(it->to, reply.error.message));
            m_sent.erase(it);
        } else {
            for (const proto::PushRecipient &r : reply.value->recipients)
                it->states[r.unit] = std::max(it->states.value(r.unit), r.state);
        }
        Q_EMIT sentChanged();
    });
}

QVariantMap MediaLibrary::viewing() const
{
    if (m_viewing.isEmpty())
        return {};
    const auto item = m_cache.item(m_viewing);
    return {{QStringLiteral("media"), m_viewing},
            {QStringLiteral("caption"), m_viewingCaption},
            {QStringLiteral("kind"), mediaKind(item ? item->type : QString())},
            {QStringLiteral("url"), m_cache.url(m_viewing)}};
}

void MediaLibrary::view(const QString &media, const QString &caption)
{
    m_viewing = media;
    m_viewingCaption = caption;
    m_cache.fetch(media);
    Q_EMIT viewingChanged();
}

void MediaLibrary::closeView()
{
    m_viewing.clear();
    Q_EMIT viewingChanged();
}

void MediaLibrary::dismissIncoming()
{
    if (m_incoming.isEmpty())
        return;
    open(m_incoming.takeFirst());
    Q_EMIT incomingChanged();
}

QString MediaLibrary::armedName() const
{
    if (m_armed.isEmpty())
        return {};
    if (const auto item = m_cache.item(m_armed); item && !item->name.isEmpty())
        return item->name;
    return m_armed.left(12);
}

void MediaLibrary::onLoggedIn(const QString &unit, bool resumed)
{
    if (unit != m_unit) {
        // Another account: its shelves and pushes are not this one's.
        m_shelf.clear();
        m_seen.clear();
        m_delivery.clear();
        m_incoming.clear();
        m_sent.clear();
        Q_EMIT incomingChanged();
        Q_EMIT sentChanged();
        m_uploads.clear();
        Q_EMIT uploadingChanged();
        arm({});
    }
    m_unit = unit;
    if (!resumed)
        m_shelvesLoaded.clear();
    // A new login may find HTTPS open again (a server restart closed it for the last one).
    m_http.renew();
    for (Upload &u : m_uploads) {
        if (u.stalled) {
            u.overSignaling = false;
            startUpload(u);
        }
    }
    if (!m_shelf.group().isEmpty())
        showShelf(m_shelf.group());
}

bool MediaLibrary::handle(const proto::Event &event)
{
    if (const auto *pushed = std::get_if<proto::MediaPushed>(&event)) {
        onPushed(*pushed);
        return true;
    }
    if (const auto *status = std::get_if<proto::MediaPushStatus>(&event)) {
        onPushStatus(*status);
        return true;
    }
    return false;
}

ShelfEntry MediaLibrary::entryOf(const proto::Pushed &p)
{
    ShelfEntry e;
    e.key = p.from + QLatin1Char('/') + p.push;
    e.from = p.from;
    e.fromAlias = p.fromAlias;
    if (p.media) {
        e.media = p.media->id;
        e.name = p.media->name;
        e.contentType = p.media->type;
        e.size = p.media->size;
    }
    e.link = p.link;
    e.note = p.note;
    e.sent = p.sent;
    return e;
}

void MediaLibrary::onPushed(const proto::Pushed &p)
{
    const ShelfEntry entry = entryOf(p);
    // Acknowledge every time: the server sends again until it hears this.
    m_client.send(proto::MediaAck {p.from, p.push, proto::PushState::Delivered});
    if (m_seen.contains(entry.key))
        return;
    m_seen.insert(entry.key);
    if (p.media)
        m_cache.remember(*p.media);
    m_shelf.put(p.group.isEmpty() ? kInbox : p.group, entry);
    if (p.group.isEmpty()) {
        // Sent to this console itself: fetched whatever it is, and shown until looked at.
        m_incoming.append(entry.key);
        if (!entry.media.isEmpty())
            m_cache.fetch(entry.media);
        Q_EMIT incomingChanged();
        return;
    }
    // Pictures are fetched at once: the next spurt that names one shows it without a wait.
    if (!entry.media.isEmpty() && entry.contentType.startsWith(QLatin1String("image/")))
        m_cache.fetch(entry.media);
}

void MediaLibrary::onPushStatus(const proto::MediaPushStatus &status)
{
    for (Sent &s : m_sent) {
        if (s.push == status.push) {
            s.states[status.unit] = std::max(s.states.value(status.unit), status.state);
            Q_EMIT sentChanged();
            return;
        }
    }
    auto it = m_delivery.find(status.push);
    if (it == m_delivery.end())
        return;
    (*it)[status.unit] = std::max((*it)[status.unit], status.state);
    int delivered = 0;
    int opened = 0;
    for (const proto::PushState s : std::as_const(*it)) {
        delivered += s != proto::PushState::Queued ? 1 : 0;
        opened += s == proto::PushState::Opened ? 1 : 0;
    }
    const QString text = opened > 0
        ? tr("Delivered to %1 of %2 · opened by %3").arg(delivered).arg(it->size()).arg(opened)
        : tr("Delivered to %1 of %2").arg(delivered).arg(it->size());
    m_shelf.update(m_unit + QLatin1Char('/') + status.push,
                   [&](ShelfEntry &e) { e.delivery = text; });
}

void MediaLibrary::showShelf(const QString &group)
{
    m_shelf.setGroup(group);
    if (group.isEmpty() || group == kInbox || m_shelvesLoaded.contains(group)
        || m_client.state() != SignalingClient::State::Online)
        return;
    m_shelvesLoaded.insert(group);
    m_client.send(
        proto::MediaShelfGet {group}, [this, group](const Reply<proto::MediaShelf> &reply) {
            if (!reply.ok()) {
                m_shelvesLoaded.remove(group);
                return;
            }
            for (const proto::Pushed &p : reply.value->items) {
                ShelfEntry e = entryOf(p);
                if (p.media)
                    m_cache.remember(*p.media);
                if (m_shelf.entry(e.key))
                    continue; // ours, still uploading or with its delivery text
                m_shelf.put(group, e);
                if (!e.media.isEmpty() && e.contentType.startsWith(QLatin1String("image/")))
                    m_cache.fetch(e.media);
            }
        });
}

void MediaLibrary::arm(const QString &media)
{
    if (media == m_armed)
        return;
    m_armed = media;
    m_shelf.setArmed(media);
    if (!media.isEmpty())
        m_cache.fetch(media);
    Q_EMIT armedChanged();
}

QString MediaLibrary::takeArmed()
{
    const QString media = m_armed;
    arm({});
    return media;
}

void MediaLibrary::open(const QString &key)
{
    const auto entry = m_shelf.entry(key);
    if (!entry)
        return;
    if (!entry->media.isEmpty())
        m_cache.fetch(entry->media);
    // Pushed to us (by anyone, our own console included when this is its display): the sender
    // learns it was opened. Our own shares have nobody to tell.
    if (m_seen.contains(key))
        m_client.send(proto::MediaAck {entry->from, key.section(QLatin1Char('/'), 1),
                                       proto::PushState::Opened});
}

void MediaLibrary::setNotice(const QString &notice)
{
    if (notice == m_notice)
        return;
    m_notice = notice;
    Q_EMIT noticeChanged();
}

MediaLibrary::Upload *MediaLibrary::uploadOf(const QString &key)
{
    for (Upload &u : m_uploads) {
        if (u.key == key)
            return &u;
    }
    return nullptr;
}

namespace {
/// A file read and hashed for sharing: done on a worker thread, so a 64 MiB file does not stop
/// the console's window (and its push-to-talk) while it is read.
struct PreparedFile
{
    QByteArray bytes;
    QString type;
    QString sha256;
    QString error;
};

PreparedFile prepare(const QString &path, const QString &name)
{
    PreparedFile out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        out.error = MediaLibrary::tr("Cannot read %1: %2").arg(name, file.errorString());
        return out;
    }
    out.bytes = file.readAll();
    out.type = QMimeDatabase().mimeTypeForFileNameAndData(name, out.bytes).name();
    out.sha256 = QString::fromLatin1(
        QCryptographicHash::hash(out.bytes, QCryptographicHash::Sha256).toHex());
    return out;
}
} // namespace

bool MediaLibrary::share(const QUrl &fileUrl, const QString &group)
{
    const QString path = fileUrl.isLocalFile() ? fileUrl.toLocalFile() : fileUrl.toString();
    const QFileInfo info(path);
    const QString name = info.fileName();
    if (!info.isFile() || !info.isReadable()) {
        setNotice(tr("Cannot read %1").arg(name.isEmpty() ? path : name));
        return false;
    }
    if (info.size() > kMaxShareBytes) {
        setNotice(tr("%1 is larger than 64 MiB").arg(name));
        return false;
    }
    if (info.size() == 0) {
        setNotice(tr("%1 is empty").arg(name));
        return false;
    }
    setPickFolder(QUrl::fromLocalFile(info.absolutePath()));
    Upload u;
    u.push = QUuid::createUuid().toString(QUuid::Id128);
    u.key = m_unit + QLatin1Char('/') + u.push;
    u.group = group;
    u.name = name;
    // On the shelf at once (progress 0) while the file is read and hashed.
    ShelfEntry e;
    e.key = u.key;
    e.from = m_unit;
    e.fromAlias = tr("You");
    e.name = name;
    e.size = info.size();
    e.sent = QDateTime::currentMSecsSinceEpoch();
    e.uploadProgress = 0;
    m_shelf.put(group, e);
    setNotice({});
    ++m_preparing;
    Q_EMIT uploadingChanged();
    auto *watcher = new QFutureWatcher<PreparedFile>(this);
    connect(watcher, &QFutureWatcher<PreparedFile>::finished, this,
            [this, watcher, u = std::move(u), e]() mutable {
                watcher->deleteLater();
                --m_preparing;
                PreparedFile file = watcher->result();
                if (!file.error.isEmpty()) {
                    m_shelf.remove(u.key);
                    setNotice(file.error);
                    Q_EMIT uploadingChanged();
                    return;
                }
                u.bytes = std::move(file.bytes);
                u.type = file.type;
                u.sha256 = file.sha256;
                e.contentType = u.type;
                e.size = u.bytes.size();
                m_shelf.put(u.group, e);
                m_uploads.push_back(std::move(u));
                Q_EMIT uploadingChanged();
                startUpload(m_uploads.back());
            });
    watcher->setFuture(QtConcurrent::run(prepare, path, name));
    return true;
}

void MediaLibrary::setPickFolder(const QUrl &folder)
{
    if (folder == m_pickFolder)
        return;
    m_pickFolder = folder;
    Q_EMIT pickFolderChanged();
}

QUrl MediaLibrary::defaultPickFolder()
{
    // Where field photos usually are; the home folder when there is no Pictures folder.
    const QString pictures = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    return QUrl::fromLocalFile(QDir(pictures).exists() ? pictures : QDir::homePath());
}

void MediaLibrary::startHttpUpload(Upload &u)
{
    qCInfo(lcLibrary) << "uploading" << u.name << "over HTTPS";
    auto *http = new HttpUpload(m_http, {u.name, u.type, u.bytes.size(), u.sha256}, u.bytes,
                                u.upload, this);
    u.http = http;
    const QString key = u.key;
    connect(http, &HttpUpload::progress, this, [this, key](double done) {
        m_shelf.update(key, [&](ShelfEntry &e) { e.uploadProgress = done; });
    });
    connect(http, &HttpUpload::stored, this, [this, key, http](const proto::MediaItem &item) {
        http->deleteLater();
        if (uploadOf(key))
            pushShared(key, item);
    });
    connect(http, &HttpUpload::failed, this, [this, key, http](const QString &why, bool transient) {
        http->deleteLater();
        Upload *up = uploadOf(key);
        if (!up)
            return;
        up->http = nullptr; // deleted later, but done now: startUpload must not wait for it
        if (!transient) {
            failUpload(key, why);
            return;
        }
        // HTTPS does not get through (a proxy, a token that ended): the same upload goes on in
        // chunks over signaling from where the server stands.
        qCInfo(lcLibrary) << "uploading" << up->name << "over signaling:" << why;
        if (m_http.ready()) // not a token that ended: the way itself is shut
            m_http.giveUp();
        up->overSignaling = true;
        up->upload = http->upload();
        startUpload(*up);
    });
    http->start();
}

void MediaLibrary::startUpload(Upload &u)
{
    if (u.http)
        return; // already on its way over HTTPS
    if (!u.overSignaling && m_http.ready()) {
        startHttpUpload(u);
        return;
    }
    if (!u.overSignaling && m_http.asking()) {
        u.awaitingToken = true; // the token's answer decides the way
        return;
    }
    u.stalled = false;
    u.inFlight = 0;
    const QString key = u.key;
    auto onState = [this, key](const Reply<proto::UploadState> &reply) {
        Upload *up = uploadOf(key);
        if (!up)
            return;
        if (!reply.ok()) {
            if (isTransient(reply.error))
                up->stalled = true; // resumes when the link is back
            else
                failUpload(key, reply.error.message);
            return;
        }
        if (reply.value->media) { // already stored: nothing to send
            pushShared(key, *reply.value->media);
            return;
        }
        up->upload = reply.value->upload.isEmpty() ? up->upload : reply.value->upload;
        up->acked = up->next = reply.value->received;
        pumpUploads();
    };
    if (u.upload.isEmpty())
        m_client.send(proto::MediaUpload {u.name, u.type, u.bytes.size(), u.sha256}, onState);
    else
        m_client.send(proto::MediaUploadStatus {u.upload}, onState);
}

void MediaLibrary::pumpUploads()
{
    m_pacer.setRate(m_client.limits().messagesPerSecond);
    for (Upload &u : m_uploads) {
        if (u.upload.isEmpty() || u.stalled || u.http)
            continue;
        while (u.inFlight < kWindow && u.next < u.bytes.size()) {
            if (!m_pacer.take()) {
                m_pumpTimer.start(m_pacer.waitMs());
                return;
            }
            const qint64 length = std::min<qint64>(proto::kMaxMediaChunk, u.bytes.size() - u.next);
            proto::MediaChunk chunk {u.upload, u.next, u.bytes.mid(u.next, length)};
            u.next += length;
            ++u.inFlight;
            const QString key = u.key;
            m_client.send(chunk, [this, key, length](const Reply<proto::UploadState> &reply) {
                onChunkResult(key, length, reply);
            });
        }
    }
}

void MediaLibrary::onChunkResult(const QString &key, qint64 length,
                                 const Reply<proto::UploadState> &reply)
{
    Upload *u = uploadOf(key);
    if (!u)
        return;
    --u->inFlight;
    if (!reply.ok()) {
        if (!isTransient(reply.error)) {
            failUpload(key, reply.error.message);
            return;
        }
        // A dropped link or a lost answer: ask where the server stands (now, or when the link
        // is back) and go on from there.
        u->stalled = true;
        if (u->inFlight == 0 && m_client.state() == SignalingClient::State::Online)
            startUpload(*u);
        return;
    }
    u->acked = std::max(u->acked, reply.value->received);
    (void)length;
    const double progress = double(u->acked) / double(u->bytes.size());
    m_shelf.update(key, [&](ShelfEntry &e) { e.uploadProgress = progress; });
    if (u->acked >= u->bytes.size() && u->inFlight == 0)
        finishUpload(key);
    else
        pumpUploads();
}

void MediaLibrary::finishUpload(const QString &key)
{
    Upload *u = uploadOf(key);
    m_client.send(proto::MediaFinish {u->upload},
                  [this, key](const Reply<proto::MediaItem> &reply) {
                      if (!uploadOf(key))
                          return;
                      if (!reply.ok()) {
                          failUpload(key, reply.error.message);
                          return;
                      }
                      pushShared(key, *reply.value);
                  });
}

void MediaLibrary::pushShared(const QString &key, const proto::MediaItem &item)
{
    Upload *u = uploadOf(key);
    m_cache.insert(item, u->bytes);
    proto::MediaPush push;
    push.push = u->push;
    push.to.group = u->group;
    push.media = item.id;
    const QString pushId = u->push;
    m_shelf.update(key, [&](ShelfEntry &e) {
        e.media = item.id;
        e.uploadProgress = -1;
        e.delivery = tr("Sharing…");
    });
    m_uploads.erase(std::find_if(m_uploads.begin(), m_uploads.end(),
                                 [&](const Upload &x) { return x.key == key; }));
    Q_EMIT uploadingChanged();
    m_client.send(push, [this, key, pushId](const Reply<proto::PushResult> &reply) {
        if (!reply.ok()) {
            m_shelf.update(key, [&](ShelfEntry &e) { e.problem = reply.error.message; });
            setNotice(reply.error.message);
            return;
        }
        auto &states = m_delivery[pushId];
        for (const proto::PushRecipient &r : reply.value->recipients)
            states.insert(r.unit, r.state);
        if (!reply.value->recipients.isEmpty())
            onPushStatus({pushId, reply.value->recipients.front().unit,
                          reply.value->recipients.front().state});
        else
            m_shelf.update(key, [&](ShelfEntry &e) { e.delivery = tr("Shared"); });
    });
    qCInfo(lcLibrary) << "shared" << item.name << "with" << push.to.group;
}

void MediaLibrary::failUpload(const QString &key, const QString &why)
{
    m_shelf.update(key, [&](ShelfEntry &e) {
        e.uploadProgress = -1;
        e.problem = why;
    });
    m_uploads.erase(std::find_if(m_uploads.begin(), m_uploads.end(),
                                 [&](const Upload &x) { return x.key == key; }));
    Q_EMIT uploadingChanged();
    setNotice(tr("Sharing failed: %1").arg(why));
}

} // namespace floorline::console
