// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sqlconnection.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <QFile>

#include <memory>
#include <optional>

namespace floorline::server {

/// What the media store refuses, and why (each becomes a protocol error with its own text).
enum class MediaError {
    None,
    TooLarge, ///< over the size limit, or more bytes than declared
    BadType, ///< a content type the store does not take
    BadHash, ///< not a SHA-256 in hex
    BadOffset, ///< a chunk that does not continue where the upload stands
    BadRange, ///< a read that starts past the end of the item
    HashMismatch, ///< the bytes received do not hash to what was declared
    Incomplete, ///< finish before all declared bytes arrived
    UnknownUpload,
    UnknownMedia,
    TooManyUploads, ///< the owner has its limit of uploads open
    OwnerQuota, ///< the owner's items and open uploads would pass its quota
    StoreFull, ///< the store's items and open uploads would pass its total
    Io, ///< the disk or the database failed
};

/// A stored item: content-addressed by the SHA-256 of its bytes.
struct StoredMedia
{
    QString id; ///< lower-case hex SHA-256 of the content
    QString type; ///< content type, e.g. "image/jpeg"
    qint64 size = 0;
    QString name; ///< the uploader's file name, for people
    QString owner; ///< account that uploaded it first
    qint64 createdMs = 0;
};

/// An upload in progress (it survives dropped connections and restarts).
struct MediaUpload
{
    QString id;
    QString owner;
    QString name;
    QString type;
    qint64 size = 0; ///< declared
    QString sha256; ///< declared
    qint64 received = 0; ///< bytes stored so far: where a resumed upload continues
};

/**
 * @brief The server's media store (DESIGN.md M4): content-addressed files with metadata in
 * SQLite, filled by chunked uploads that resume from an offset.
 *
 * Files live in `<directory>/<sha256>`; partial uploads in `<directory>/partial/<upload id>`
 * until finished, when the whole file is hashed, checked against the declared hash and size,
 * and renamed into place in one step. Nothing is stored half-way: a refused chunk changes
 * nothing, a failed finish deletes the partial file, and what was stored before is untouched.
 * Uploading content that is already stored finishes at once.
 * Thread rule: the thread that opened it (the server's signaling thread).
 */
class MediaStore
{
public:
    struct Limits
    {
        qint64 maxBytes = 64LL * 1024 * 1024;
        int maxOpenUploads = 4; ///< per owner, at once
        qint64 ownerQuota = 1024LL * 1024 * 1024; ///< stored plus declared open, per owner
        qint64 totalQuota = 20LL * 1024 * 1024 * 1024; ///< the whole store
        /// An upload without a chunk for this long is abandoned: its partial file goes.
        qint64 abandonAfterMs = 24LL * 3600 * 1000;
        QStringList types {QStringLiteral("image/jpeg"),   QStringLiteral("image/png"),
                           QStringLiteral("image/gif"),    QStringLiteral("image/webp"),
                           QStringLiteral("video/mp4"),    QStringLiteral("video/webm"),
                           QStringLiteral("text/uri-list")};
    };

    MediaStore();
    ~MediaStore();
    MediaStore(const MediaStore &) = delete;
    MediaStore &operator=(const MediaStore &) = delete;

    /// Opens (creating if needed) the directory and the database at `databasePath`.
    bool open(const QString &directory, const QString &databasePath, Limits limits, QString *error);

    /// Starts an upload; if the content is already stored, returns it as finished
    /// (`received` == `size`) without an upload to fill.
    /// `known`: the owner may read an item of this hash already, so one already stored is
    /// answered at once; otherwise its bytes must be sent like any other.
    std::optional<MediaUpload> begin(const QString &owner, const QString &name, const QString &type,
                                     qint64 size, const QString &sha256, bool known,
                                     MediaError *error);
    std::optional<MediaUpload> upload(const QString &uploadId) const;
    /// Appends `data` at `offset`, which must be where the upload stands.
    MediaError write(const QString &uploadId, qint64 offset, const QByteArray &data);
    /// Checks size and hash and stores the item; on any failure the partial file is gone.
    std::optional<StoredMedia> finish(const QString &uploadId, MediaError *error);
    /// Drops an upload and its partial file.
    void cancel(const QString &uploadId);
    /// Removes uploads abandoned for `abandonAfterMs`, and files no row names (left by a crash
    /// between a file's rename and its row's commit). Runs at open and then hourly.
    int sweep();

    std::optional<StoredMedia> media(const QString &id) const;
    /// `unit` owns `id`, or was granted it (grant(), or by uploading the same bytes).
    bool mayRead(const QString &id, const QString &unit) const;
    /// Lets `units` read `id` (they heard it ride a talk spurt).
    void grant(const QString &id, const QStringList &units);
    /// Up to `length` bytes of `id` from `offset` (fewer at the end).
    QByteArray read(const QString &id, qint64 offset, qint64 length, MediaError *error) const;
    /// The stored file of `id`, open for reading: a long answer reads it piece by piece
    /// without asking the database each time (HTTP, docs/protocol.md §13.3).
    std::unique_ptr<QFile> openFile(const QString &id, MediaError *error) const;

    static QString errorText(MediaError error);

private:
    QString partialPath(const QString &uploadId) const;
    /// Open uploads of `owner`, and bytes that `owner` (or, empty, everyone) stores or declared.
    int openUploads(const QString &owner) const;
    qint64 bytesOf(const QString &owner) const;
    QString mediaPath(const QString &id) const;

    SqlConnection m_db {QStringLiteral("media")};
    QString m_directory;
    Limits m_limits;
};

} // namespace floorline::server
