// SPDX-License-Identifier: Apache-2.0
#include "mediahttp.h"

#include "httpjson.h"
#include "httptokens.h"
#include "phonesessions.h"

#include "../login.h"
#include "../mediaservice.h"
#include "../mediastore.h"
#include "../stats.h"

#include "core/protocol/jsonreader.h"
#include "core/protocol/media.h"


namespace floorline::server {

namespace {
/// Bytes gathered before they are appended to the partial file: one file append and one
/// database touch per MiB, not per TCP segment.
constexpr qint64 kWriteBytes = 1024 * 1024;

HttpResponse storeError(MediaError error)
{
    int status = 400;
    QByteArray code = "bad-message";
    switch (error) {
    case MediaError::TooLarge:
    case MediaError::OwnerQuota:
        status = 413;
        code = "too-large";
        break;
    case MediaError::StoreFull:
        status = 507;
        code = "too-large";
        break;
    case MediaError::TooManyUploads:
        status = 429;
        code = "rate-limited";
        break;
    case MediaError::UnknownUpload:
    case MediaError::UnknownMedia:
        status = 404;
        code = "not-found";
        break;
    case MediaError::BadOffset:
        status = 409;
        code = "bad-offset";
        break;
    case MediaError::BadRange:
        status = 416;
        code = "bad-range";
        break;
    case MediaError::HashMismatch:
    case MediaError::Incomplete:
        status = 422;
        break;
    case MediaError::Io:
        status = 500;
        code = "internal";
        break;
    default:
        break;
    }
    return HttpResponse::error(status, code, MediaStore::errorText(error));
}

QJsonObject stateJson(const MediaUpload &u)
{
    return proto::UploadState {u.id, u.received, u.size, std::nullopt}.toJson();
}

/// Content-Range: bytes <first>-<last>/<size>
bool parseContentRange(const QByteArray &value, qint64 *first, qint64 *last, qint64 *size)
{
    if (!value.startsWith("bytes "))
        return false;
    const QByteArray spec = value.mid(6);
    const qsizetype dash = spec.indexOf('-'), slash = spec.indexOf('/');
    if (dash <= 0 || slash <= dash + 1)
        return false;
    bool ok1 = false, ok2 = false, ok3 = false;
    *first = spec.left(dash).toLongLong(&ok1);
    *last = spec.mid(dash + 1, slash - dash - 1).toLongLong(&ok2);
    *size = spec.mid(slash + 1).toLongLong(&ok3);
    return ok1 && ok2 && ok3 && *first >= 0 && *last >= *first && *size > *last;
}

/// The body of a PUT appended to an upload as it arrives.
class UploadExchange : public HttpExchange
{
public:
    UploadExchange(MediaStore &store, SignalingStats &signaling, HttpStats &stats,
                   MediaUpload upload)
        : m_store(store)
        , m_signaling(signaling)
        , m_stats(stats)
        , m_upload(std::move(upload))
    { }
    /// A connection dropped mid-body keeps every byte that arrived: the upload resumes there.
    ~UploadExchange() override { flush(); }
    std::optional<HttpResponse> data(const QByteArray &piece) override
    {
        m_pending += piece;
        if (m_pending.size() >= kWriteBytes)
            return flush();
        return std::nullopt;
    }
    HttpResponse finish() override
    {
        if (std::optional<HttpResponse> failed = flush())
            return *failed;
        if (m_upload.received < m_upload.size)
            return jsonResponse(200, stateJson(m_upload));
        MediaError error = MediaError::None;
        const auto stored = m_store.finish(m_upload.id, &error);
        if (!stored) {
            ++m_signaling.mediaRefused;
            return storeError(error);
        }
        ++m_signaling.mediaStored;
        return jsonResponse(201, MediaService::itemOf(*stored).toJson());
    }

private:
    std::optional<HttpResponse> flush()
    {
        if (m_pending.isEmpty())
            return std::nullopt;
        const MediaError error = m_store.write(m_upload.id, m_upload.received, m_pending);
        if (error != MediaError::None) {
            ++m_signaling.mediaRefused;
            return storeError(error);
        }
        m_upload.received += m_pending.size();
        m_stats.bytesIn += uint64_t(m_pending.size());
        m_signaling.mediaBytesIn += uint64_t(m_pending.size());
        m_pending.clear();
        return std::nullopt;
    }

    MediaStore &m_store;
    SignalingStats &m_signaling;
    HttpStats &m_stats;
    MediaUpload m_upload;
    QByteArray m_pending;
};

} // namespace

MediaHttp::MediaHttp(HttpTokens &tokens, PhoneSessions &phones, MediaService &media, MediaStore *store,
                     SignalingStats &signaling, HttpStats &stats)
    : m_tokens(tokens)
    , m_phones(phones)
    , m_media(media)
    , m_store(store)
    , m_signaling(signaling)
    , m_stats(stats)
{ }

QString MediaHttp::caller(const HttpRequest &request)
{
    const QByteArray token = bearerToken(request);
    if (token.isEmpty())
        return {};
    if (const Login *login = m_tokens.resolve(token))
        return login->unit();
    // A phone page acts for the console it is paired with: its uploads are the console's.
    if (const std::optional<PhoneSession> phone = m_phones.resolve(token))
        return phone->console;
    return {};
}

std::unique_ptr<HttpExchange> MediaHttp::begin(const HttpRequest &request, const QHostAddress &)
{
    const QList<QByteArray> parts = request.path.split('/');
    // "/media/<id>", "/media/uploads", "/media/uploads/<id>"
    if (parts.size() < 3 || parts[1] != "media")
        return fixedExchange(HttpResponse::error(404, "not-found", QStringLiteral("no such page")));
    if (!m_store)
        return fixedExchange(storeError(MediaError::Io));
    const QString unit = caller(request);
    if (unit.isEmpty())
        return fixedExchange(unauthorized(
            QStringLiteral("give the login's token (media.token): Authorization: Bearer <token>")));
    const bool uploads = parts[2] == "uploads";
    if (uploads && parts.size() == 3) {
        if (request.method != "POST")
            return fixedExchange(HttpResponse::error(405, "bad-method", QStringLiteral("POST here")));
        return create(unit);
    }
    if (uploads && parts.size() == 4) {
        if (request.method == "GET" || request.method == "HEAD")
            return status(unit, parts[3]);
        if (request.method == "PUT")
            return put(request, unit, parts[3]);
        return fixedExchange(HttpResponse::error(405, "bad-method", QStringLiteral("GET or PUT here")));
    }
    if (parts.size() == 3) {
        if (request.method != "GET" && request.method != "HEAD")
            return fixedExchange(HttpResponse::error(405, "bad-method", QStringLiteral("GET here")));
        return get(request, unit, parts[2]);
    }
    return fixedExchange(HttpResponse::error(404, "not-found", QStringLiteral("no such page")));
}

std::unique_ptr<HttpExchange> MediaHttp::get(const HttpRequest &request, const QString &unit,
                                             const QByteArray &id)
{
    const QString media = QString::fromLatin1(id);
    const auto item = m_store->media(media);
    // As over signaling (§9.6): an item the caller may not read does not exist for it.
    if (!item || !m_media.mayRead(media, unit)) {
        if (item)
            ++m_signaling.mediaUnreadable;
        return fixedExchange(storeError(MediaError::UnknownMedia));
    }
    MediaError error = MediaError::None;
    std::shared_ptr<QFile> file = m_store->openFile(media, &error);
    if (!file)
        return fixedExchange(storeError(error));
    HttpResponse r;
    r.headers = {{"content-type", item->type.toLatin1()},
                 {"accept-ranges", "bytes"},
                 {"etag", '"' + id + '"'}};
    qint64 offset = 0, length = item->size;
    const QByteArray range = request.header("range");
    // If-Range with another tag: the item changed (it cannot: ids are hashes), send it whole.
    const QByteArray ifRange = request.header("if-range");
    if (!range.isEmpty() && (ifRange.isEmpty() || ifRange == '"' + id + '"')) {
        bool valid = false;
        const std::optional<ByteRange> wanted = parseRange(range, item->size, &valid);
        if (valid && !wanted) {
            HttpResponse refused = storeError(MediaError::BadRange);
            refused.headers.append(qMakePair(QByteArray("content-range"),
                                             "bytes */" + QByteArray::number(item->size)));
            return fixedExchange(std::move(refused));
        }
        if (wanted) {
            offset = wanted->offset;
            length = wanted->length;
            r.status = 206;
            r.headers.append(qMakePair(QByteArray("content-range"),
                                       "bytes " + QByteArray::number(offset) + '-'
                                           + QByteArray::number(offset + length - 1) + '/'
                                           + QByteArray::number(item->size)));
        }
    }
    r.length = length;
    SignalingStats &signaling = m_signaling;
    r.read = [file, offset, &signaling](qint64 at, qint64 max) {
        if (!file->seek(offset + at))
            return QByteArray();
        const QByteArray piece = file->read(max);
        signaling.mediaBytesOut += uint64_t(piece.size());
        return piece;
    };
    return fixedExchange(std::move(r));
}

std::unique_ptr<HttpExchange> MediaHttp::create(const QString &unit)
{
    return std::make_unique<JsonExchange>([this, unit](const QJsonObject &body) {
        proto::MediaUpload r;
        proto::JsonReader reader(body);
        r.read(reader);
        if (!reader.ok())
            return HttpResponse::error(400, "bad-message", reader.error());
        MediaError refused = MediaError::None;
        const bool known = m_store->media(r.sha256) && m_media.mayRead(r.sha256, unit);
        const auto up = m_store->begin(unit, r.name, r.type, r.size, r.sha256, known, &refused);
        if (!up) {
            ++m_signaling.mediaRefused;
            return storeError(refused);
        }
        ++m_signaling.mediaUploads;
        QJsonObject state = stateJson(*up);
        if (up->id.isEmpty()) {
            if (const auto stored = m_store->media(r.sha256))
                state.insert(QStringLiteral("media"), MediaService::itemOf(*stored).toJson());
        }
        return jsonResponse(201, state);
    });
}

std::unique_ptr<HttpExchange> MediaHttp::status(const QString &unit, const QByteArray &upload)
{
    const auto up = m_store->upload(QString::fromLatin1(upload));
    if (!up)
        return fixedExchange(storeError(MediaError::UnknownUpload));
    if (up->owner != unit)
        return fixedExchange(HttpResponse::error(403, "forbidden", QStringLiteral("not your upload")));
    return fixedExchange(jsonResponse(200, stateJson(*up)));
}

std::unique_ptr<HttpExchange> MediaHttp::put(const HttpRequest &request, const QString &unit,
                                             const QByteArray &upload)
{
    const auto up = m_store->upload(QString::fromLatin1(upload));
    if (!up)
        return fixedExchange(storeError(MediaError::UnknownUpload));
    if (up->owner != unit)
        return fixedExchange(HttpResponse::error(403, "forbidden", QStringLiteral("not your upload")));
    qint64 first = 0, last = 0, size = 0;
    const QByteArray range = request.header("content-range");
    if (range.isEmpty()) {
        first = up->received;
        last = up->received + request.contentLength - 1;
        size = up->size;
    } else if (!parseContentRange(range, &first, &last, &size)) {
        return fixedExchange(HttpResponse::error(
            400, "bad-message", QStringLiteral("Content-Range: bytes <first>-<last>/<size>")));
    }
    if (size != up->size)
        return fixedExchange(HttpResponse::error(
            400, "bad-message",
            QStringLiteral("the upload was declared with %1 bytes").arg(up->size)));
    if (first != up->received) {
        HttpResponse r = jsonResponse(409, stateJson(*up));
        return fixedExchange(std::move(r));
    }
    if (last - first + 1 != request.contentLength)
        return fixedExchange(HttpResponse::error(
            400, "bad-message", QStringLiteral("Content-Range and Content-Length differ")));
    if (request.contentLength == 0 && up->received < up->size)
        return fixedExchange(jsonResponse(200, stateJson(*up)));
    return std::make_unique<UploadExchange>(*m_store, m_signaling, m_stats, *up);
}

} // namespace floorline::server
