// SPDX-License-Identifier: Apache-2.0
// What a client sends the server: one WebSocket text message (docs/protocol.md §2), any bytes.
#include "core/protocol/codec.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, std::size_t size)
{
    const QByteArray frame
        = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    auto decoded = floorline::proto::decodeRequest(frame);
    if (const auto *request = std::get_if<floorline::proto::RequestFrame>(&decoded)) {
        // What decodes must encode again, and that must decode to the same request.
        const QByteArray again = floorline::proto::encodeRequest(request->id, request->request);
        if (!std::holds_alternative<floorline::proto::RequestFrame>(
                floorline::proto::decodeRequest(again)))
            __builtin_trap();
    }
    return 0;
}
