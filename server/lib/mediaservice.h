// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "mediastore.h"
#include "pushstore.h"

#include <QSet>

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
    /// Pushes that carried an item make it readable to their sender and recipients.
    void setPushStore(const PushStore *pushes) { m_pushes = pushes; }
    const MediaStore *store() const { return m_store; }

    void handle(Login &login, Reply &reply, const proto::MediaUpload &r);
    void handle(Login &login, Reply &reply, const proto::MediaUploadStatus &r);
    void handle(Login &login, Reply &reply, const proto::MediaChunk &r);
    void handle(Login &login, Reply &reply, const proto::MediaFinish &r);
    void handle(Login &login, Reply &reply, const proto::MediaGet &r);

    static proto::MediaItem itemOf(const StoredMedia &m);
    /// docs/protocol.md §9.6: its owner, whoever a push carried it to or from, whoever heard it
    /// ride a talk spurt, whoever uploaded the same bytes.
    bool mayRead(const QString &media, const QString &unit);

private:
    /// The caller's own upload, or none after answering with the error.
    std::optional<MediaUpload> ownUpload(const Login &login, Reply &reply, const QString &upload);
    void refuse(Reply &reply, MediaError error);

    SignalingStats &m_stats;
    MediaStore *m_store = nullptr;
    const PushStore *m_pushes = nullptr;
    /// Access once granted is never taken back: a chunked read asks the database once.
    QSet<QString> m_readers; ///< "media/unit"
};

} // namespace floorline::server
