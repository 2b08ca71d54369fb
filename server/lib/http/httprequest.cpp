// SPDX-License-Identifier: Apache-2.0
#include "httprequest.h"

#include <QUrl>

namespace floorline::server {

namespace {
bool isToken(char c)
{
    // RFC 9110 tchar
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
        || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool allDigits(const QByteArray &s)
{
    if (s.isEmpty() || s.size() > 18)
        return false; // 18 digits fit a qint64
    for (const char c : s) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

HttpHeadParse bad(const char *why)
{
    return {HttpHeadParse::Bad, 0, why};
}
} // namespace

QByteArray HttpRequest::header(const QByteArray &name) const
{
    for (const auto &[n, v] : headers) {
        if (n == name)
            return v;
    }
    return {};
}

bool HttpRequest::has(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first == name)
            return true;
    }
    return false;
}

HttpHeadParse parseHttpHead(const QByteArray &buffer, HttpRequest *request)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        if (buffer.size() > kMaxHeadBytes)
            return {HttpHeadParse::TooLarge, 0, "request head too large"};
        return {};
    }
    if (end + 4 > kMaxHeadBytes)
        return {HttpHeadParse::TooLarge, 0, "request head too large"};
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    for (const QByteArray &line : lines) {
        if (!line.endsWith('\r') && &line != &lines.last())
            return bad("lines must end in CRLF");
    }
    *request = {};
    // Request line: METHOD SP target SP HTTP/1.x
    const QByteArray first = lines.first().chopped(lines.size() > 1 ? 1 : 0);
    const QList<QByteArray> parts = first.split(' ');
    if (parts.size() != 3)
        return bad("request line must be: METHOD /path HTTP/1.1");
    const QByteArray &method = parts[0];
    if (method.isEmpty() || method.size() > 16)
        return bad("bad method");
    for (const char c : method) {
        if (c < 'A' || c > 'Z')
            return bad("bad method");
    }
    if (parts[2] != "HTTP/1.1" && parts[2] != "HTTP/1.0")
        return bad("only HTTP/1.0 and HTTP/1.1");
    const QByteArray &target = parts[1];
    if (!target.startsWith('/') || target.size() > 4096)
        return bad("the target must be a path");
    for (const char c : target) {
        if (static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7f)
            return bad("bad character in the target");
    }
    const qsizetype q = target.indexOf('?');
    request->method = method;
    request->path = QByteArray::fromPercentEncoding(q < 0 ? target : target.left(q));
    request->query = q < 0 ? QByteArray() : target.mid(q + 1);
    if (request->path.contains('\0') || request->path.contains("/../")
        || request->path.endsWith("/.."))
        return bad("bad path");
    request->keepAlive = parts[2] == "HTTP/1.1";
    if (lines.size() - 1 > kMaxHeaders)
        return {HttpHeadParse::TooLarge, 0, "too many header fields"};
    bool sawLength = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].chopped(i + 1 < lines.size() ? 1 : 0);
        if (line.isEmpty())
            return bad("empty header line");
        if (line.front() == ' ' || line.front() == '\t')
            return bad("folded header lines are not accepted");
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return bad("header field without a name");
        const QByteArray name = line.left(colon).toLower();
        for (const char c : name) {
            if (!isToken(c))
                return bad("bad header field name");
        }
        const QByteArray value = line.mid(colon + 1).trimmed();
        for (const char c : value) {
            if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f)
                return bad("bad character in a header field");
        }
        if (name == "content-length") {
            if (sawLength || !allDigits(value))
                return bad("bad Content-Length");
            sawLength = true;
            request->contentLength = value.toLongLong();
        } else if (name == "transfer-encoding") {
            return {HttpHeadParse::NotImplemented, 0,
                    "Transfer-Encoding is not supported: send Content-Length"};
        } else if (name == "connection") {
            const QByteArray v = value.toLower();
            if (v.contains("close"))
                request->keepAlive = false;
            else if (v.contains("keep-alive"))
                request->keepAlive = true;
        }
        request->headers.append({name, value});
    }
    return {HttpHeadParse::Done, end + 4, {}};
}

std::optional<ByteRange> parseRange(const QByteArray &header, qint64 size, bool *valid)
{
    *valid = false;
    if (!header.startsWith("bytes="))
        return std::nullopt;
    const QByteArray spec = header.mid(6).trimmed();
    if (spec.contains(','))
        return std::nullopt; // several ranges: served whole
    const qsizetype dash = spec.indexOf('-');
    if (dash < 0)
        return std::nullopt;
    const QByteArray a = spec.left(dash), b = spec.mid(dash + 1);
    if ((!a.isEmpty() && !allDigits(a)) || (!b.isEmpty() && !allDigits(b))
        || (a.isEmpty() && b.isEmpty()))
        return std::nullopt;
    *valid = true;
    if (a.isEmpty()) { // the last b bytes
        const qint64 n = std::min(b.toLongLong(), size);
        if (n <= 0)
            return std::nullopt;
        return ByteRange {size - n, n};
    }
    const qint64 first = a.toLongLong();
    if (first >= size)
        return std::nullopt;
    const qint64 last = b.isEmpty() ? size - 1 : std::min(b.toLongLong(), size - 1);
    if (last < first)
        return std::nullopt;
    return ByteRange {first, last - first + 1};
}

} // namespace floorline::server
