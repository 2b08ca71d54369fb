// SPDX-License-Identifier: Apache-2.0
// Hub, media part: uploads into the media store in chunks that resume, and chunked reads
// (docs/protocol.md §9).
#include "hub.h"

#include "connection.h"

namespace floorline::server {

using proto::ErrorCode;

namespace {
proto::MediaItem itemOf(const StoredMedia &m)
{
    return {m.id, m.type, m.size, m.name, m.owner, m.createdMs};
}

proto::UploadState stateOf(const MediaUpload &u)
{
    return {u.id, u.received, u.size, std::nullopt};
}
} // namespace

void Hub::refuseMedia(Connection *c, quint64 id, MediaError error)
{
    ++m_stats.mediaRefused;
    ErrorCode code = ErrorCode::BadMessage;
    switch (error) {
    case MediaError::TooLarge:
        code = ErrorCode::TooLarge;
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
    c->sendError(id, code, MediaStore::errorText(error));
}

void Hub::handleMediaUpload(Login &l, Connection *c, quint64 id, const proto::MediaUpload &r)
{
    if (!m_media) {
        refuseMedia(c, id, MediaError::Io);
        return;
    }
    MediaError error = MediaError::None;
    const auto up = m_media->begin(l.account->unit.id, r.name, r.type, r.size, r.sha256, &error);
    if (!up) {
        refuseMedia(c, id, error);
        return;
    }
    ++m_stats.mediaUploads;
    proto::UploadState state = stateOf(*up);
    if (up->id.isEmpty()) { // already stored: nothing to send
        if (const auto stored = m_media->media(r.sha256))
            state.media = itemOf(*stored);
    }
    c->sendResult(id, state.toJson());
}

std::optional<MediaUpload> Hub::ownUpload(Login &l, Connection *c, quint64 id,
                                          const QString &upload)
{
    const auto up = m_media ? m_media->upload(upload) : std::nullopt;
    if (!up) {
        refuseMedia(c, id, m_media ? MediaError::UnknownUpload : MediaError::Io);
        return std::nullopt;
    }
    if (up->owner != l.account->unit.id) {
        ++m_stats.forbidden;
        ++m_stats.mediaRefused;
        c->sendError(id, ErrorCode::Forbidden, QStringLiteral("not your upload"));
        return std::nullopt;
    }
    return up;
}

void Hub::handleMediaUploadStatus(Login &l, Connection *c, quint64 id,
                                  const proto::MediaUploadStatus &r)
{
    if (const auto up = ownUpload(l, c, id, r.upload))
        c->sendResult(id, stateOf(*up).toJson());
}

void Hub::handleMediaChunk(Login &l, Connection *c, quint64 id, const proto::MediaChunk &r)
{
    const auto up = ownUpload(l, c, id, r.upload);
    if (!up)
        return;
    if (const MediaError error = m_media->write(r.upload, r.offset, r.data);
        error != MediaError::None) {
        refuseMedia(c, id, error);
        return;
    }
    m_stats.mediaBytesIn += uint64_t(r.data.size());
    proto::UploadState state = stateOf(*up);
    state.received = r.offset + r.data.size();
    c->sendResult(id, state.toJson());
}

void Hub::handleMediaFinish(Login &l, Connection *c, quint64 id, const proto::MediaFinish &r)
{
    if (!ownUpload(l, c, id, r.upload))
        return;
    MediaError error = MediaError::None;
    const auto stored = m_media->finish(r.upload, &error);
    if (!stored) {
        refuseMedia(c, id, error);
        return;
    }
    ++m_stats.mediaStored;
    c->sendResult(id, itemOf(*stored).toJson());
}

void Hub::handleMediaGet(Connection *c, quint64 id, const proto::MediaGet &r)
{
    const auto item = m_media ? m_media->media(r.media) : std::nullopt;
    if (!item) {
        refuseMedia(c, id, m_media ? MediaError::UnknownMedia : MediaError::Io);
        return;
    }
    MediaError error = MediaError::None;
    const QByteArray data = m_media->read(r.media, r.offset, r.length, &error);
    if (error != MediaError::None) {
        refuseMedia(c, id, error);
        return;
    }
    m_stats.mediaBytesOut += uint64_t(data.size());
    c->sendResult(
        id,
        proto::MediaData {itemOf(*item), r.offset, data, r.offset + data.size() >= item->size}
            .toJson());
}

} // namespace floorline::server
