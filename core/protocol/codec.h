// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "events.h"

#include <QByteArray>
#include <QJsonArray>

#include <optional>
#include <variant>

namespace floorline::proto {

/// A client request with its correlation id.
struct RequestFrame
{
    quint64 id = 0;
    Request request;
    bool operator==(const RequestFrame &) const = default;
};

/// A response; `result` is typed by the caller that knows which request it answers
/// (see parseResult()), so it stays inside the codec and the signaling client.
struct ResponseFrame
{
    quint64 id = 0;
    std::optional<Error> error;
    QJsonObject result;
};

struct EventFrame
{
    quint64 seq = 0;
    Event event;
    bool operator==(const EventFrame &) const = default;
};

/// An event this build cannot use: an unknown name (from a newer server) or data that fails
/// validation. Skipped, but its seq still counts so resume stays gap-free.
struct UnknownEventFrame
{
    quint64 seq = 0;
    QString name;
    QString error; ///< empty for an unknown name; else why the data was rejected
};

/// An error that answers no request (for example a frame that was not JSON).
struct ErrorFrame
{
    Error error;
};

using ServerFrame = std::variant<ResponseFrame, EventFrame, UnknownEventFrame, ErrorFrame>;

/// Why a frame could not be decoded; `id` is set when the frame carried a usable request id,
/// so the error can be sent as that request's response.
struct DecodeFailure
{
    Error error;
    std::optional<quint64> id;
};

std::variant<RequestFrame, DecodeFailure> decodeRequest(const QByteArray &frame);
std::variant<ServerFrame, DecodeFailure> decodeServerFrame(const QByteArray &frame);

QByteArray encodeRequest(quint64 id, const Request &request);
QByteArray encodeResult(quint64 id, const QJsonObject &result);
/// `result` already encoded as one compact JSON object: for answers kept encoded between
/// requests, whose rebuilding would hold the signaling thread.
QByteArray encodeRawResult(quint64 id, const QByteArray &result);
/// `value` as compact JSON text, the way every frame is encoded.
QByteArray compactJson(const QJsonObject &value);
QByteArray compactJson(const QJsonArray &value);
QByteArray encodeErrorResponse(quint64 id, const Error &error);
QByteArray encodeError(const Error &error);
QByteArray encodeEvent(quint64 seq, const Event &event);

/// @brief An event encoded once for many receivers: only the sequence number differs per login.
struct EncodedEvent
{
    QByteArray head; ///< up to and including `"seq":`
    QByteArray tail; ///< from the comma after the sequence number to the end
    QByteArray frame(quint64 seq) const { return head + QByteArray::number(seq) + tail; }
};
EncodedEvent encodeEventOnce(const Event &event);

const char *requestType(const Request &request);
const char *eventName(const Event &event);

/// Types a response's result as the result of request type R.
template<typename R>
std::optional<typename R::Result> parseResult(const QJsonObject &result, QString *error)
{
    JsonReader reader(result, QStringLiteral("result"));
    typename R::Result value;
    value.read(reader);
    if (!reader.ok()) {
        if (error)
            *error = reader.error();
        return std::nullopt;
    }
    return value;
}

} // namespace floorline::proto
