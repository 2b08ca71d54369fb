// SPDX-License-Identifier: Apache-2.0
// What a peer sends the signaling port as HTTP (docs/protocol.md §13.1): any bytes as a
// request head, and as a Range field over an item of some size.
#include "server/lib/http/httprequest.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    floorline::server::HttpRequest request;
    const floorline::server::HttpHeadParse parsed
        = floorline::server::parseHttpHead(bytes, &request);
    if (parsed.outcome == floorline::server::HttpHeadParse::Done) {
        // What was accepted is within the limits the document gives.
        if (parsed.headLength > floorline::server::kMaxHeadBytes || parsed.headLength > bytes.size()
            || request.headers.size() > floorline::server::kMaxHeaders || request.contentLength < 0
            || !request.path.startsWith('/'))
            __builtin_trap();
        const qint64 itemSize = qint64(size) * 977 + 1;
        bool valid = false;
        if (const auto range
            = floorline::server::parseRange(request.header("range"), itemSize, &valid)) {
            if (!valid || range->offset < 0 || range->length <= 0
                || range->offset + range->length > itemSize)
                __builtin_trap();
        }
    }
    return 0;
}
