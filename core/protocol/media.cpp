// SPDX-License-Identifier: Apache-2.0
// The media store's messages (docs/protocol.md §9).
#include "requests.h"

namespace floorline::proto {

namespace {
QString sha256Field(JsonReader &r, const char *key)
{
    return r.sha256(key);
}

/// Base64 bytes, at most kMaxMediaChunk of them once decoded.
QByteArray bytesField(JsonReader &r, const char *key)
{
    const QString text = r.string(key, int((kMaxMediaChunk + 2) / 3 * 4), QString());
    if (!r.ok())
        return {};
    auto decoded
        = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        r.fail(QString::fromLatin1(key), QStringLiteral("must be base64"));
        return {};
    }
    return *decoded;
}

constexpr qint64 kMaxSize = (1LL << 53) - 1;
} // namespace

void MediaItem::read(JsonReader &r)
{
    id = sha256Field(r, "id");
    type = r.string("contentType", 64);
    size = r.integer("size", 0, kMaxSize);
    name = r.string("name", 128, QString());
    owner = r.string("owner", 64, QString());
    created = r.integer("created", 0, kMaxSize, 0);
}

QJsonObject MediaItem::toJson() const
{
    return {{QStringLiteral("id"), id},       {QStringLiteral("contentType"), type},
            {QStringLiteral("size"), size},   {QStringLiteral("name"), name},
            {QStringLiteral("owner"), owner}, {QStringLiteral("created"), created}};
}

void UploadState::read(JsonReader &r)
{
    upload = r.string("upload", 64, QString());
    received = r.integer("received", 0, kMaxSize);
    size = r.integer("size", 0, kMaxSize);
    if (r.has("media")) {
        JsonReader m = r.child("media");
        media.emplace();
        media->read(m);
        r.absorb(m);
    }
}

QJsonObject UploadState::toJson() const
{
    QJsonObject o {{QStringLiteral("received"), received}, {QStringLiteral("size"), size}};
    if (!upload.isEmpty())
        o.insert(QStringLiteral("upload"), upload);
    if (media)
        o.insert(QStringLiteral("media"), media->toJson());
    return o;
}

void MediaUpload::read(JsonReader &r)
{
    name = r.string("name", 128, QString());
    type = r.string("contentType", 64);
    size = r.integer("size", 1, kMaxSize);
    sha256 = sha256Field(r, "sha256");
}

QJsonObject MediaUpload::toJson() const
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("contentType"), type},
            {QStringLiteral("size"), size},
            {QStringLiteral("sha256"), sha256}};
}

void HttpToken::read(JsonReader &r)
{
    token = r.string("token", 128);
}

QJsonObject HttpToken::toJson() const
{
    return {{QStringLiteral("token"), token}};
}

void MediaUploadStatus::read(JsonReader &r)
{
    upload = r.id("upload");
}

QJsonObject MediaUploadStatus::toJson() const
{
    return {{QStringLiteral("upload"), upload}};
}

void MediaChunk::read(JsonReader &r)
{
    upload = r.id("upload");
    offset = r.integer("offset", 0, kMaxSize);
    data = bytesField(r, "data");
}

QJsonObject MediaChunk::toJson() const
{
    return {{QStringLiteral("upload"), upload},
            {QStringLiteral("offset"), offset},
            {QStringLiteral("data"), QString::fromLatin1(data.toBase64())}};
}

void MediaFinish::read(JsonReader &r)
{
    upload = r.id("upload");
}

QJsonObject MediaFinish::toJson() const
{
    return {{QStringLiteral("upload"), upload}};
}

void MediaData::read(JsonReader &r)
{
    JsonReader m = r.child("media");
    media.read(m);
    r.absorb(m);
    offset = r.integer("offset", 0, kMaxSize);
    data = bytesField(r, "data");
    eof = r.boolean("eof");
}

QJsonObject MediaData::toJson() const
{
    return {{QStringLiteral("media"), media.toJson()},
            {QStringLiteral("offset"), offset},
            {QStringLiteral("data"), QString::fromLatin1(data.toBase64())},
            {QStringLiteral("eof"), eof}};
}

void MediaGet::read(JsonReader &r)
{
    media = sha256Field(r, "media");
    offset = r.integer("offset", 0, kMaxSize, 0);
    length = r.integer("length", 1, kMaxMediaChunk, kMaxMediaChunk);
}

QJsonObject MediaGet::toJson() const
{
    return {{QStringLiteral("media"), media},
            {QStringLiteral("offset"), offset},
            {QStringLiteral("length"), length}};
}

} // namespace floorline::proto
