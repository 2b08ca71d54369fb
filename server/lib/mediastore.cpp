// SPDX-License-Identifier: Apache-2.0
#include "mediastore.h"

#include "privatefiles.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

Q_LOGGING_CATEGORY(lcMediaStore, "floorline.server.media", QtInfoMsg)

namespace floorline::server {

namespace {
bool isSha256(const QString &hex)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9a-f]{64}$"));
    return pattern.match(hex).hasMatch();
}

/// Hashes a file in pieces: a 64 MiB video is not read into memory at once.
QString sha256Of(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return {};
    return QString::fromLatin1(hash.result().toHex());
}

StoredMedia mediaFrom(const QSqlQuery &q)
{
    return {q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(),
            q.value(3).toString(), q.value(4).toString(), q.value(5).toLongLong()};
}
} // namespace

MediaStore::MediaStore() = default;
MediaStore::~MediaStore() = default;

bool MediaStore::open(const QString &directory, const QString &databasePath, Limits limits,
                      QString *error)
{
    m_directory = directory;
    m_limits = std::move(limits);
    if (!privatefiles::makeDirectory(directory, error)
        || !privatefiles::makeDirectory(partialPath({}), error))
        return false;
    // name and owner may be empty, which Qt binds as NULL: those columns allow it.
    const bool opened = m_db.open(
        databasePath,
        {QStringLiteral("CREATE TABLE IF NOT EXISTS media (id TEXT PRIMARY KEY, type TEXT NOT "
                        "NULL, size INTEGER NOT NULL, name TEXT, owner TEXT, "
                        "created INTEGER NOT NULL)"),
         QStringLiteral("CREATE TABLE IF NOT EXISTS uploads (id TEXT PRIMARY KEY, owner TEXT, "
                        "name TEXT, type TEXT NOT NULL, size INTEGER NOT NULL, "
                        "sha256 TEXT NOT NULL, touched INTEGER)"),
         // Who may read an item besides its owner and its pushes' recipients: those who heard
         // it ride a talk spurt, and those who proved they hold the bytes by uploading them.
         QStringLiteral("CREATE TABLE IF NOT EXISTS media_access (media TEXT NOT NULL, unit TEXT "
                        "NOT NULL, PRIMARY KEY (media, unit))")},
        error);
    if (!opened)
        return false;
    // Uploads from before `touched` existed count from now.
    QSqlQuery columns(m_db.database());
    if (columns.exec(QStringLiteral("SELECT COUNT(*) FROM pragma_table_info('uploads') WHERE "
                                    "name = 'touched'"))
        && columns.next() && columns.value(0).toInt() == 0) {
        QSqlQuery alter(m_db.database());
        alter.exec(QStringLiteral("ALTER TABLE uploads ADD COLUMN touched INTEGER"));
    }
    QSqlQuery stamp(m_db.database());
    stamp.prepare(QStringLiteral("UPDATE uploads SET touched = ? WHERE touched IS NULL"));
    stamp.addBindValue(QDateTime::currentMSecsSinceEpoch());
    stamp.exec();
    sweep();
    return true;
}

int MediaStore::openUploads(const QString &owner) const
{
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM uploads WHERE owner = ?"));
    q.addBindValue(owner);
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

qint64 MediaStore::bytesOf(const QString &owner) const
{
    QSqlQuery q(m_db.database());
    if (owner.isEmpty()) {
        q.prepare(QStringLiteral("SELECT (SELECT COALESCE(SUM(size), 0) FROM media) + "
                                 "(SELECT COALESCE(SUM(size), 0) FROM uploads)"));
    } else {
        q.prepare(
            QStringLiteral("SELECT (SELECT COALESCE(SUM(size), 0) FROM media WHERE owner = ?) "
                           "+ (SELECT COALESCE(SUM(size), 0) FROM uploads WHERE owner = ?)"));
        q.addBindValue(owner);
        q.addBindValue(owner);
    }
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

int MediaStore::sweep()
{
    QSqlDatabase db = m_db.database();
    const qint64 cutoff = QDateTime::currentMSecsSinceEpoch() - m_limits.abandonAfterMs;
    QSqlQuery old(db);
    old.prepare(QStringLiteral("SELECT id FROM uploads WHERE touched < ?"));
    old.addBindValue(cutoff);
    QStringList abandoned;
    if (old.exec()) {
        while (old.next())
            abandoned.append(old.value(0).toString());
    }
    for (const QString &id : abandoned)
        cancel(id);
    // Files no row names: partial files of no upload, items of no media row.
    QSet<QString> uploads, items;
    QSqlQuery u(db);
    if (u.exec(QStringLiteral("SELECT id FROM uploads"))) {
        while (u.next())
            uploads.insert(u.value(0).toString());
    }
    QSqlQuery m(db);
    if (m.exec(QStringLiteral("SELECT id FROM media"))) {
        while (m.next())
            items.insert(m.value(0).toString());
    }
    int orphans = 0;
    for (const QString &f : QDir(partialPath({})).entryList(QDir::Files)) {
        if (!uploads.contains(f) && QFile::remove(partialPath(f)))
            ++orphans;
    }
    for (const QString &f : QDir(m_directory).entryList(QDir::Files)) {
        if (isSha256(f) && !items.contains(f) && QFile::remove(mediaPath(f)))
            ++orphans;
    }
    if (!abandoned.isEmpty() || orphans > 0)
        qCInfo(lcMediaStore) << "removed" << abandoned.size() << "abandoned uploads and" << orphans
                             << "files without a record";
    return int(abandoned.size()) + orphans;
}

bool MediaStore::mayRead(const QString &id, const QString &unit) const
{
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("SELECT 1 FROM media WHERE id = ? AND owner = ? UNION ALL "
                             "SELECT 1 FROM media_access WHERE media = ? AND unit = ? LIMIT 1"));
    for (const QString &v : {id, unit, id, unit})
        q.addBindValue(v);
    return q.exec() && q.next();
}

void MediaStore::grant(const QString &id, const QStringList &units)
{
    QSqlDatabase db = m_db.database();
    db.transaction();
    for (const QString &unit : units) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT OR IGNORE INTO media_access (media, unit) VALUES (?, ?)"));
        q.addBindValue(id);
        q.addBindValue(unit);
        q.exec();
    }
    db.commit();
}

std::optional<MediaUpload> MediaStore::begin(const QString &owner, const QString &name,
                                             const QString &type, qint64 size,
                                             const QString &sha256, bool known, MediaError *error)
{
    *error = MediaError::None;
    if (size <= 0 || size > m_limits.maxBytes) {
        *error = MediaError::TooLarge;
        return std::nullopt;
    }
    if (!m_limits.types.contains(type)) {
        *error = MediaError::BadType;
        return std::nullopt;
    }
    if (!isSha256(sha256)) {
        *error = MediaError::BadHash;
        return std::nullopt;
    }
    if (openUploads(owner) >= m_limits.maxOpenUploads) {
        *error = MediaError::TooManyUploads;
        return std::nullopt;
    }
    if (bytesOf(owner) + size > m_limits.ownerQuota) {
        *error = MediaError::OwnerQuota;
        return std::nullopt;
    }
    if (bytesOf({}) + size > m_limits.totalQuota) {
        *error = MediaError::StoreFull;
        return std::nullopt;
    }
    if (const auto stored = media(sha256); known && stored && stored->size == size) {
        // Already here and the uploader may read it: nothing to send. For anyone else the
        // bytes must come, or the answer would tell them that someone stored this content.
        return MediaUpload {{}, owner, name, type, size, sha256, size};
    }
    MediaUpload upload {
        QUuid::createUuid().toString(QUuid::Id128), owner, name, type, size, sha256, 0};
    QFile partial(partialPath(upload.id));
    if (!partial.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || !partial.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        *error = MediaError::Io;
        return std::nullopt;
    }
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("INSERT INTO uploads (id, owner, name, type, size, sha256, touched) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &v :
         {QVariant(upload.id), QVariant(owner), QVariant(name), QVariant(type), QVariant(size),
          QVariant(sha256), QVariant(QDateTime::currentMSecsSinceEpoch())})
        q.addBindValue(v);
    if (!q.exec()) {
        qCWarning(lcMediaStore) << "cannot record upload:" << q.lastError().text();
        partial.remove();
        *error = MediaError::Io;
        return std::nullopt;
    }
    return upload;
}

std::optional<MediaUpload> MediaStore::upload(const QString &uploadId) const
{
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("SELECT owner, name, type, size, sha256 FROM uploads WHERE id = ?"));
    q.addBindValue(uploadId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    // What is on disk is what was received: a restart in the middle of a chunk loses at most
    // that chunk, and the client resumes from here.
    const qint64 received = QFileInfo(partialPath(uploadId)).size();
    return MediaUpload {uploadId,
                        q.value(0).toString(),
                        q.value(1).toString(),
                        q.value(2).toString(),
                        q.value(3).toLongLong(),
                        q.value(4).toString(),
                        received};
}

MediaError MediaStore::write(const QString &uploadId, qint64 offset, const QByteArray &data)
{
    const auto up = upload(uploadId);
    if (!up)
        return MediaError::UnknownUpload;
    if (offset != up->received)
        return MediaError::BadOffset;
    if (offset + data.size() > up->size)
        return MediaError::TooLarge;
    QFile partial(partialPath(uploadId));
    if (!partial.open(QIODevice::WriteOnly | QIODevice::Append))
        return MediaError::Io;
    if (partial.write(data) != data.size()) {
        partial.resize(offset); // all of the chunk or none of it
        return MediaError::Io;
    }
    QSqlQuery touch(m_db.database());
    touch.prepare(QStringLiteral("UPDATE uploads SET touched = ? WHERE id = ?"));
    touch.addBindValue(QDateTime::currentMSecsSinceEpoch());
    touch.addBindValue(uploadId);
    touch.exec();
    return MediaError::None;
}

std::optional<StoredMedia> MediaStore::finish(const QString &uploadId, MediaError *error)
{
    *error = MediaError::None;
    const auto up = upload(uploadId);
    if (!up) {
        *error = MediaError::UnknownUpload;
        return std::nullopt;
    }
    if (up->received < up->size) {
        *error = MediaError::Incomplete; // the upload stays: the client can still resume
        return std::nullopt;
    }
    const QString partial = partialPath(uploadId);
    if (sha256Of(partial) != up->sha256) {
        *error = MediaError::HashMismatch;
        cancel(uploadId);
        return std::nullopt;
    }
    const StoredMedia stored {up->sha256, up->type,  up->size,
                              up->name,   up->owner, QDateTime::currentMSecsSinceEpoch()};
    QSqlDatabase db = m_db.database();
    db.transaction();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO media (id, type, size, name, owner, created) "
                             "VALUES (?, ?, ?, ?, ?, ?)"));
    for (const QVariant &v :
         {QVariant(stored.id), QVariant(stored.type), QVariant(stored.size), QVariant(stored.name),
          QVariant(stored.owner), QVariant(stored.createdMs)})
        q.addBindValue(v);
    QSqlQuery drop(db);
    drop.prepare(QStringLiteral("DELETE FROM uploads WHERE id = ?"));
    drop.addBindValue(uploadId);
    QFile::remove(mediaPath(stored.id)); // same bytes by the same hash, if a copy is there
    // The bytes and their name are on the disk before the row that promises them commits: a
    // power loss leaves at worst a file without a row, never a row without its file.
    if (!privatefiles::sync(partial) || !q.exec() || !drop.exec()
        || !QFile::rename(partial, mediaPath(stored.id))
        || !privatefiles::syncDirectory(m_directory)) {
        db.rollback();
        *error = MediaError::Io;
        return std::nullopt;
    }
    // The same bytes stored before by someone else: the uploader has proved it holds them,
    // and may read them from now on.
    QSqlQuery access(db);
    access.prepare(
        QStringLiteral("INSERT OR IGNORE INTO media_access (media, unit) VALUES (?, ?)"));
    access.addBindValue(stored.id);
    access.addBindValue(stored.owner);
    access.exec();
    db.commit();
    // Described as this uploader gave it, not as whoever stored it first.
    return stored;
}

void MediaStore::cancel(const QString &uploadId)
{
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("DELETE FROM uploads WHERE id = ?"));
    q.addBindValue(uploadId);
    q.exec();
    QFile::remove(partialPath(uploadId));
}

std::optional<StoredMedia> MediaStore::media(const QString &id) const
{
    if (!isSha256(id))
        return std::nullopt;
    QSqlQuery q(m_db.database());
    q.prepare(
        QStringLiteral("SELECT id, type, size, name, owner, created FROM media WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next() || !QFileInfo::exists(mediaPath(id)))
        return std::nullopt;
    return mediaFrom(q);
}

QByteArray MediaStore::read(const QString &id, qint64 offset, qint64 length,
                            MediaError *error) const
{
    *error = MediaError::None;
    const auto item = media(id);
    if (!item) {
        *error = MediaError::UnknownMedia;
        return {};
    }
    if (offset < 0 || offset > item->size || length < 0) {
        *error = MediaError::BadRange;
        return {};
    }
    QFile file(mediaPath(id));
    if (!file.open(QIODevice::ReadOnly) || !file.seek(offset)) {
        *error = MediaError::Io;
        return {};
    }
    return file.read(std::min(length, item->size - offset));
}

std::unique_ptr<QFile> MediaStore::openFile(const QString &id, MediaError *error) const
{
    *error = MediaError::None;
    if (!media(id)) {
        *error = MediaError::UnknownMedia;
        return nullptr;
    }
    auto file = std::make_unique<QFile>(mediaPath(id));
    if (!file->open(QIODevice::ReadOnly)) {
        *error = MediaError::Io;
        return nullptr;
    }
    return file;
}

QString MediaStore::errorText(MediaError error)
{
    switch (error) {
    case MediaError::None:
        return {};
    case MediaError::TooLarge:
        return QStringLiteral("larger than allowed or than declared");
    case MediaError::BadType:
        return QStringLiteral("this content type is not accepted");
    case MediaError::BadHash:
        return QStringLiteral("sha256 must be 64 lower-case hex digits");
    case MediaError::BadOffset:
        return QStringLiteral("offset does not continue the upload");
    case MediaError::BadRange:
        return QStringLiteral("offset is past the end of the item");
    case MediaError::HashMismatch:
        return QStringLiteral("the bytes received do not match the declared sha256");
    case MediaError::Incomplete:
        return QStringLiteral("not all declared bytes have arrived");
    case MediaError::UnknownUpload:
        return QStringLiteral("no such upload");
    case MediaError::UnknownMedia:
        return QStringLiteral("no such media");
    case MediaError::TooManyUploads:
        return QStringLiteral("too many uploads open at once: finish one first");
    case MediaError::OwnerQuota:
        return QStringLiteral("this account's media quota is used up");
    case MediaError::StoreFull:
        return QStringLiteral("the media store is full");
    case MediaError::Io:
        break;
    }
    return QStringLiteral("storage failed");
}

QString MediaStore::partialPath(const QString &uploadId) const
{
    return m_directory + QStringLiteral("/partial/") + uploadId;
}

QString MediaStore::mediaPath(const QString &id) const
{
    return m_directory + QLatin1Char('/') + id;
}

} // namespace floorline::server
