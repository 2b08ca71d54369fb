// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "mediastore.h"

#include "core/protocol/media.h"

namespace floorline::server {

class Reply;
struct Login;
struct SignalingStats;

/**
 * @brief The media store on the wire (docs/protocol.md §9): uploads in chunks that resume, and
 * chunked reads.
 */
class MediaService
{
public:
    explicit MediaService(SignalingStats &stats);

    void setStore(MediaStore *store) { m_store = store; }
    const MediaStore *store() const { return m_store; }

    void handle(Login &login, Reply &reply, const proto::MediaUpload &r);
    void handle(Login &login, Reply &reply, const proto::MediaUploadStatus &r);
    void handle(Login &login, Reply &reply, const proto::MediaChunk &r);
    void handle(Login &login, Reply &reply, const proto::MediaFinish &r);
    void handle(Login &login, Reply &reply, const proto::MediaGet &r);

    static proto::MediaItem itemOf(const StoredMedia &m);

private:
    /// The caller's own upload, or none after answering with the error.
    std::optional<MediaUpload> ownUpload(const Login &login, Reply &reply, const QString &upload);
    void refuse(Reply &reply, MediaError error);

    SignalingStats &m_stats;
    MediaStore *m_store = nullptr;
};

} // namespace floorline::server
