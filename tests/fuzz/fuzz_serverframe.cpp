// SPDX-License-Identifier: Apache-2.0
// What a server sends a client: responses, events and errors (docs/protocol.md §2), any bytes;
// a response's result is parsed the way the client would for the common requests.
#include "core/protocol/codec.h"

#include <cstddef>
#include <cstdint>

using namespace floorline::proto;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, std::size_t size)
{
    const QByteArray frame
        = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    auto decoded = decodeServerFrame(frame);
    auto *server = std::get_if<ServerFrame>(&decoded);
    if (!server)
        return 0;
    if (const auto *response = std::get_if<ResponseFrame>(server); response && !response->error) {
        QString error;
        (void)parseResult<Hello>(response->result, &error);
        (void)parseResult<Login>(response->result, &error);
        (void)parseResult<DirectoryGet>(response->result, &error);
        (void)parseResult<Affiliate>(response->result, &error);
        (void)parseResult<FloorRequest>(response->result, &error);
        (void)parseResult<SessionCreate>(response->result, &error);
        (void)parseResult<MediaGet>(response->result, &error);
        (void)parseResult<MediaPush>(response->result, &error);
        (void)parseResult<Supervise>(response->result, &error);
    }
    return 0;
}
