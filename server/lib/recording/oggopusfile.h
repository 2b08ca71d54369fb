// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <cstdint>
#include <optional>

namespace floorline::server {

/// @brief What an Ogg Opus file holds, as read back.
struct OggOpusInfo
{
    int64_t samples = 0; ///< 48 kHz, after the pre-skip
    int packets = 0; ///< audio packets
    bool complete = false; ///< ends with an end-of-stream page
    int64_t durationMs() const { return samples / 48; }
};

/// Reads an Ogg Opus file's headers and audio packets; nothing if it has no OpusHead.
std::optional<OggOpusInfo> readOggOpus(const QString &path);

/**
 * Writes to `to` a complete Ogg Opus file of every audio packet `from` holds in whole pages:
 * what a writer killed mid-spurt left. Nothing (and no `to`) when no audio survived. The
 * packets are copied, not decoded; granule positions are counted again from their TOCs.
 */
std::optional<OggOpusInfo> repairOggOpus(const QString &from, const QString &to);

} // namespace floorline::server
