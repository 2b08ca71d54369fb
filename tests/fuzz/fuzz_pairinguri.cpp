// SPDX-License-Identifier: Apache-2.0
// What a device reads from a QR code (docs/protocol.md §10.10), any text.
#include "core/protocol/pairinguri.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, std::size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto uri = floorline::proto::PairingUri::parse(text);
    if (uri) {
        // A valid code written again reads the same.
        const auto again = floorline::proto::PairingUri::parse(uri->toString());
        if (!again || again->token != uri->token || again->fingerprint != uri->fingerprint
            || again->server != uri->server)
            __builtin_trap();
        // So does the phone page's address of one whose server is only an origin.
        const QUrl &server = uri->server;
        if (server.path().isEmpty() && !server.hasQuery()) {
            const auto web = floorline::proto::PairingUri::parse(uri->toWebUrl());
            if (!web || web->token != uri->token || web->console != uri->console
                || web->fingerprint != uri->fingerprint || web->server != uri->server)
                __builtin_trap();
        }
    }
    return 0;
}
