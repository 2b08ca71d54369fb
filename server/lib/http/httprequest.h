// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

#include <optional>

namespace floorline::server {

/// @brief An HTTP/1.1 request head as the server reads it (docs/protocol.md §13).
struct HttpRequest
{
    QByteArray method; ///< "GET", "PUT", …
    QByteArray path; ///< the target's path, percent-decoded ("/media/ab12…")
    QByteArray query; ///< what followed '?', as sent
    /// Header fields in order, names lower-cased, values trimmed.
    QList<QPair<QByteArray, QByteArray>> headers;
    qint64 contentLength = 0;
    bool keepAlive = true; ///< HTTP/1.1 without "Connection: close"

    /// The first field of `name` (lower case); empty when absent.
    QByteArray header(const QByteArray &name) const;
    bool has(const QByteArray &name) const;
};

/// Whether a request head is complete, and what is wrong with it.
struct HttpHeadParse
{
    enum Outcome {
        Incomplete, ///< no blank line yet: read more
        Done,
        Bad, ///< 400: not an HTTP/1.x request head we accept
        TooLarge, ///< 431: the head passes kMaxHeadBytes or kMaxHeaders
        NotImplemented, ///< 501: a body in chunks (Transfer-Encoding): send Content-Length
    } outcome
        = Incomplete;
    qsizetype headLength = 0; ///< bytes of the head, blank line included (Done)
    QByteArray error; ///< why, for the response body and the log
};

constexpr qsizetype kMaxHeadBytes = 16 * 1024;
constexpr int kMaxHeaders = 64;

/// Parses the head at the start of `buffer` into `request`. Strict: CRLF line ends, a method of
/// letters, an origin-form target, HTTP/1.0 or 1.1, "name: value" fields without obsolete line
/// folding, one numeric Content-Length at most.
HttpHeadParse parseHttpHead(const QByteArray &buffer, HttpRequest *request);

/// A "bytes=first-last" range (RFC 9110 §14.1.2) over an item of `size` bytes, as an offset
/// and a length: one range only ("bytes=0-", "bytes=100-199", "bytes=-500"). Empty when it is
/// not satisfiable; `valid` false when it is not a range we read at all (serve it whole).
struct ByteRange
{
    qint64 offset = 0;
    qint64 length = 0;
};
std::optional<ByteRange> parseRange(const QByteArray &header, qint64 size, bool *valid);

} // namespace floorline::server
