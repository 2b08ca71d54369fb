// SPDX-License-Identifier: Apache-2.0
#include "codec.h"

#include "jsonstrict.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <utility>

namespace floorline::proto {

namespace {

const QString kType = QStringLiteral("type");
constexpr qint64 kMaxSafeInteger = 9007199254740991LL;

DecodeFailure failure(ErrorCode code, QString message, std::optional<quint64> id = {})
{
    return {Error {code, std::move(message)}, id};
}

std::optional<QJsonObject> parseObject(const QByteArray &frame, DecodeFailure *failed)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(frame, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *failed = failure(ErrorCode::BadJson,
                          QStringLiteral("not valid JSON at offset %1: %2")
                              .arg(parseError.offset)
                              .arg(parseError.errorString()));
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *failed = failure(ErrorCode::BadMessage, QStringLiteral("a message must be a JSON object"));
        return std::nullopt;
    }
    if (const auto key = firstDuplicateKey(frame)) {
        // Which of two values is meant cannot be known: the message is refused, answered by
        // its id when the id itself is not the key in doubt.
        std::optional<quint64> id;
        JsonReader idReader(doc.object());
        const qint64 value = idReader.integer("id", 1, kMaxSafeInteger);
        if (*key != QLatin1String("id") && idReader.ok())
            id = quint64(value);
        *failed
            = failure(ErrorCode::BadMessage, QStringLiteral("duplicate key '%1'").arg(*key), id);
        return std::nullopt;
    }
    return doc.object();
}

/// Builds alternative I of a variant from `name` if that alternative's tag matches.
template<typename Variant, typename Tag, std::size_t... I>
bool readAlternative(const QString &name, JsonReader &reader, Variant &out, Tag tag,
                     std::index_sequence<I...>)
{
    bool found = false;
    (
        [&] {
            using T = std::variant_alternative_t<I, Variant>;
            if (!found && name == QLatin1String(tag(static_cast<T *>(nullptr)))) {
                T value;
                value.read(reader);
                out = std::move(value);
                found = true;
            }
        }(),
        ...);
    return found;
}

template<typename T> constexpr const char *requestTag(T *)
{
    return T::kType;
}
template<typename T> constexpr const char *eventTag(T *)
{
    return T::kName;
}

} // namespace

std::variant<RequestFrame, DecodeFailure> decodeRequest(const QByteArray &frame)
{
    DecodeFailure failed;
    const auto object = parseObject(frame, &failed);
    if (!object)
        return failed;
    JsonReader reader(*object);
    const qint64 id = reader.integer("id", 1, kMaxSafeInteger);
    if (!reader.ok())
        return failure(ErrorCode::BadMessage, reader.error());
    const QString type = reader.string("type", 64);
    if (!reader.ok())
        return failure(ErrorCode::BadMessage, reader.error(), quint64(id));

    RequestFrame out {quint64(id), Hello {}};
    const bool known = readAlternative(
        type, reader, out.request, [](auto *p) { return requestTag(p); },
        std::make_index_sequence<std::variant_size_v<Request>>());
    if (!known)
        return failure(ErrorCode::UnknownType,
                       QStringLiteral("unknown request type '%1'").arg(type), quint64(id));
    if (!reader.ok())
        return failure(ErrorCode::BadMessage, reader.error(), quint64(id));
    return out;
}

std::variant<ServerFrame, DecodeFailure> decodeServerFrame(const QByteArray &frame)
{
    DecodeFailure failed;
    const auto object = parseObject(frame, &failed);
    if (!object)
        return failed;
    JsonReader reader(*object);
    const QString type = reader.string("type", 64);
    if (type == QLatin1String("response")) {
        ResponseFrame response;
        response.id = quint64(reader.integer("id", 1, kMaxSafeInteger));
        if (reader.has("error")) {
            JsonReader e = reader.child("error");
            Error error;
            error.read(e);
            reader.absorb(e);
            response.error = error;
        } else {
            JsonReader result = reader.child("result");
            reader.absorb(result);
            response.result = result.object();
        }
        if (!reader.ok())
            return failure(ErrorCode::BadMessage, reader.error());
        return ServerFrame {std::move(response)};
    }
    if (type == QLatin1String("event")) {
        EventFrame event {quint64(reader.integer("seq", 1, kMaxSafeInteger)), FloorIdle {}};
        const QString name = reader.string("event", 64);
        JsonReader data = reader.child("data");
        if (!reader.ok())
            return failure(ErrorCode::BadMessage, reader.error());
        const bool known = readAlternative(
            name, data, event.event, [](auto *p) { return eventTag(p); },
            std::make_index_sequence<std::variant_size_v<Event>>());
        if (!known)
            return ServerFrame {UnknownEventFrame {event.seq, name}};
        if (!data.ok())
            return ServerFrame {UnknownEventFrame {event.seq, name, data.error()}};
        return ServerFrame {std::move(event)};
    }
    if (type == QLatin1String("error")) {
        JsonReader e = reader.child("error");
        ErrorFrame error;
        error.error.read(e);
        reader.absorb(e);
        if (!reader.ok())
            return failure(ErrorCode::BadMessage, reader.error());
        return ServerFrame {error};
    }
    if (!reader.ok())
        return failure(ErrorCode::BadMessage, reader.error());
    return failure(ErrorCode::UnknownType, QStringLiteral("unknown message type '%1'").arg(type));
}

namespace {
QByteArray toFrame(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}
} // namespace

const char *requestType(const Request &request)
{
    return std::visit([](const auto &r) { return std::decay_t<decltype(r)>::kType; }, request);
}

const char *eventName(const Event &event)
{
    return std::visit([](const auto &e) { return std::decay_t<decltype(e)>::kName; }, event);
}

QByteArray encodeRequest(quint64 id, const Request &request)
{
    QJsonObject object = std::visit([](const auto &r) { return r.toJson(); }, request);
    object.insert(kType, QLatin1String(requestType(request)));
    object.insert(QStringLiteral("id"), qint64(id));
    return toFrame(object);
}

QByteArray encodeResult(quint64 id, const QJsonObject &result)
{
    return toFrame({{kType, QStringLiteral("response")},
                    {QStringLiteral("id"), qint64(id)},
                    {QStringLiteral("result"), result}});
}

QByteArray encodeRawResult(quint64 id, const QByteArray &result)
{
    // Keys in the order QJsonDocument writes them (sorted), so both encodings look alike.
    return QByteArrayLiteral("{\"id\":") + QByteArray::number(id)
        + QByteArrayLiteral(",\"result\":") + result + QByteArrayLiteral(",\"type\":\"response\"}");
}

QByteArray compactJson(const QJsonObject &value)
{
    return toFrame(value);
}

QByteArray compactJson(const QJsonArray &value)
{
    return QJsonDocument(value).toJson(QJsonDocument::Compact);
}

QByteArray encodeErrorResponse(quint64 id, const Error &error)
{
    return toFrame({{kType, QStringLiteral("response")},
                    {QStringLiteral("id"), qint64(id)},
                    {QStringLiteral("error"), error.toJson()}});
}

QByteArray encodeError(const Error &error)
{
    return toFrame({{kType, QStringLiteral("error")}, {QStringLiteral("error"), error.toJson()}});
}

EncodedEvent encodeEventOnce(const Event &event)
{
    const QByteArray data = toFrame(std::visit([](const auto &e) { return e.toJson(); }, event));
    return {QByteArrayLiteral("{\"type\":\"event\",\"seq\":"),
            QByteArrayLiteral(",\"event\":\"") + eventName(event)
                + QByteArrayLiteral("\",\"data\":") + data + '}'};
}

QByteArray encodeEvent(quint64 seq, const Event &event)
{
    return encodeEventOnce(event).frame(seq);
}

} // namespace floorline::proto
