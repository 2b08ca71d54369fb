// SPDX-License-Identifier: Apache-2.0
#include "mediaservice.h"

#include "login.h"
#include "reply.h"
#include "stats.h"

namespace floorline::server {

using proto::ErrorCode;

namespace {
proto::UploadState stateOf(const MediaUpload &u)
{
    return {u.id, u.received, u.size, std::nullopt};
}
} // namespace

MediaService::MediaService(SignalingStats &stats)
    : m_stats(stats)
{ }

proto::MediaItem MediaService::itemOf(const StoredMedia &m)
{
    return {m.id, m.type, m.size, m.name, m.owner, m.createdMs};
}

void MediaService::refuse(Reply &reply, MediaError error)
{
    ++m_stats.mediaRefused;
    ErrorCode code = ErrorCode::BadMessage;
    switch (error) {
    case MediaError::TooLarge:
    case MediaError::OwnerQuota:
    case MediaError::StoreFull:
        code = ErrorCode::TooLarge;
        break;
    case MediaError::TooManyUploads:
        code = ErrorCode::RateLimited;
        break;
    case MediaError::UnknownUpload:
    case MediaError::UnknownMedia:
        code = ErrorCode::NotFound;
        break;
    case MediaError::Io:
        code = ErrorCode::Internal;
        break;
    default:
        break;
    }
    reply.fail(code, MediaStore::errorText(error));
}

void MediaService::handle(Login &l, Reply &reply, const proto::MediaUpload &r)
{
    if (!m_store) {
        refuse(reply, MediaError::Io);
        return;
    }
    MediaError error = MediaError::None;
    const bool known = m_store->media(r.sha256) && mayRead(r.sha256, l.unit());
    const auto up = m_store->begin(l.unit(), r.name, r.type, r.size, r.sha256, known, &error);
    if (!up) {
        refuse(reply, error);
        return;
    }
    ++m_stats.mediaUploads;
    proto::UploadState state = stateOf(*up);
    if (up->id.isEmpty()) { // already stored: nothing to send
        if (const auto stored = m_store->media(r.sha256))
            state.media = itemOf(*stored);
    }
    reply.ok(state.toJson());
}

std::optional<MediaUpload> MediaService::ownUpload(const Login &l, Reply &reply,
                                                   const QString &upload)
{
    const auto up = m_store ? m_store->upload(upload) : std::nullopt;
    if (!up) {
        refuse(reply, m_store ? MediaError::UnknownUpload : MediaError::Io);
        return std::nullopt;
    }
    if (up->owner != l.unit()) {
        ++m_stats.mediaRefused;
        reply.fail(ErrorCode::Forbidden, QStringLiteral("not your upload"));
        return std::nullopt;
    }
    return up;
}

void MediaService::handle(Login &l, Reply &reply, const proto::MediaUploadStatus &r)
{
    if (const auto up = ownUpload(l, reply, r.upload))
        reply.ok(stateOf(*up).toJson());
}

void MediaService::handle(Login &l, Reply &reply, const proto::MediaChunk &r)
{
    const auto up = ownUpload(l, reply, r.upload);
    if (!up)
        return;
    if (const MediaError error = m_store->write(r.upload, r.offset, r.data);
        error != MediaError::None) {
        refuse(reply, error);
        return;
    }
    m_stats.mediaBytesIn += uint64_t(r.data.size());
    proto::UploadState state = stateOf(*up);
    state.received = r.offset + r.data.size();
    reply.ok(state.toJson());
}

void MediaService::handle(Login &l, Reply &reply, const proto::MediaFinish &r)
{
    if (!ownUpload(l, reply, r.upload))
        return;
    MediaError error = MediaError::None;
    const auto stored = m_store->finish(r.upload, &error);
    if (!stored) {
        refuse(reply, error);
        return;
    }
    ++m_stats.mediaStored;
    reply.ok(itemOf(*stored).toJson());
}

bool MediaService::mayRead(const QString &media, const QString &unit)
{
    const QString key = media + QLatin1Char('/') + unit;
    if (m_readers.contains(key))
        return true;
    const bool may = m_store->mayRead(media, unit) || (m_pushes && m_pushes->carried(media, unit));
    if (may)
        m_readers.insert(key);
    return may;
}

void MediaService::handle(Login &l, Reply &reply, const proto::MediaGet &r)
{
    const auto item = m_store ? m_store->media(r.media) : std::nullopt;
    // An item the caller may not read is answered as if it did not exist: the answer must not
    // tell that someone stored it.
    if (!item || !mayRead(r.media, l.unit())) {
        if (item)
            ++m_stats.mediaUnreadable;
        refuse(reply, m_store ? MediaError::UnknownMedia : MediaError::Io);
        return;
    }
    MediaError error = MediaError::None;
    const QByteArray data = m_store->read(r.media, r.offset, r.length, &error);
    if (error != MediaError::None) {
        refuse(reply, error);
        return;
    }
    m_stats.mediaBytesOut += uint64_t(data.size());
    reply.ok(proto::MediaData {itemOf(*item), r.offset, data, r.offset + data.size() >= item->size}
                 .toJson());
}

} // namespace floorline::server
