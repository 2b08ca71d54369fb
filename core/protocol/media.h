// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "types.h"

#include <optional>

namespace floorline::proto {

/// Largest chunk of media bytes in one message (before base64): a chunk message stays well
/// inside the 64 KiB message limit (docs/protocol.md §9).
inline constexpr qint64 kMaxMediaChunk = 32768;

/// A stored media item (M4), named by the SHA-256 of its bytes.
struct MediaItem
{
    QString id; ///< 64 lower-case hex digits
    QString type;
    qint64 size = 0;
    QString name;
    QString owner;
    qint64 created = 0; ///< ms since the epoch
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const MediaItem &) const = default;
};

/// Where an upload stands: resume by sending from `received`. `media` is set once stored.
struct UploadState
{
    QString upload; ///< empty when the content was already stored
    qint64 received = 0;
    qint64 size = 0;
    std::optional<MediaItem> media;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const UploadState &) const = default;
};

/// @brief Starts an upload of `size` bytes that hash to `sha256`.
struct MediaUpload
{
    static constexpr const char *kType = "media.upload";
    using Result = UploadState;
    QString name;
    QString type;
    qint64 size = 0;
    QString sha256;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const MediaUpload &) const = default;
};

/// @brief Where an upload stands (after a reconnect).
struct MediaUploadStatus
{
    static constexpr const char *kType = "media.upload-status";
    using Result = UploadState;
    QString upload;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const MediaUploadStatus &) const = default;
};

/// @brief A bearer token for media over HTTPS (docs/protocol.md §13.2): good while this login
/// lives, on the signaling port, for the caller's own uploads and what it may read.
struct HttpToken
{
    QString token;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const HttpToken &) const = default;
};

/// @brief Asks for the login's HTTP token (a new one each time; the earlier one ends).
struct MediaTokenGet
{
    static constexpr const char *kType = "media.token";
    using Result = HttpToken;
    void read(JsonReader &) { }
    QJsonObject toJson() const { return {}; }
    bool operator==(const MediaTokenGet &) const = default;
};

/// @brief Appends bytes to an upload at `offset` (which must be where it stands).
struct MediaChunk
{
    static constexpr const char *kType = "media.chunk";
    using Result = UploadState;
    QString upload;
    qint64 offset = 0;
    QByteArray data; ///< base64 on the wire, at most kMaxMediaChunk bytes decoded
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const MediaChunk &) const = default;
};

/// @brief Completes an upload: the server checks size and hash and stores the item.
struct MediaFinish
{
    static constexpr const char *kType = "media.finish";
    using Result = MediaItem;
    QString upload;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const MediaFinish &) const = default;
};

struct MediaData
{
    MediaItem media;
    qint64 offset = 0;
    QByteArray data;
    bool eof = false;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const MediaData &) const = default;
};

/// @brief Reads up to `length` bytes of a stored item from `offset`.
struct MediaGet
{
    static constexpr const char *kType = "media.get";
    using Result = MediaData;
    QString media;
    qint64 offset = 0;
    qint64 length = kMaxMediaChunk;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const MediaGet &) const = default;
};

} // namespace floorline::proto
