// SPDX-License-Identifier: Apache-2.0
// A fleet file an operator hands the server (docs/operations.md, Fleet file), any bytes.
#include "core/protocol/fleet.h"

#include <QJsonDocument>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, std::size_t size)
{
    const QByteArray text
        = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const auto fleet = floorline::proto::Fleet::fromJson(text, &error);
    if (!fleet && error.isEmpty())
        __builtin_trap(); // a refusal always says why
    if (fleet) {
        // What loads and validates is saved as JSON that loads to the same fleet.
        const QByteArray saved = QJsonDocument(fleet->toJson()).toJson();
        const auto again = floorline::proto::Fleet::fromJson(saved, &error);
        if (!again || !(*again == *fleet))
            __builtin_trap();
    }
    return 0;
}
