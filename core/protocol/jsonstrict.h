// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace floorline::proto {

/**
 * The first key that appears twice in one object of `json`, which must be valid JSON.
 *
 * QJsonDocument keeps the last of duplicate keys and says nothing, so `{"type":"ping",
 * "type":"logout"}` would be a logout: the protocol refuses such frames instead (docs/protocol.md
 * §2.6). Linear in the size of the text (keys are sorted per object, not compared pairwise).
 */
std::optional<QString> firstDuplicateKey(QByteArrayView json);

} // namespace floorline::proto
