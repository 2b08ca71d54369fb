// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace floorline::media {

/// @brief A mono 16-bit PCM clip.
struct PcmClip
{
    int sampleRate = 0;
    std::vector<int16_t> samples;
};

/// Reads a RIFF/WAVE file with 16-bit PCM mono data (the format of resources/speech).
/// Every chunk length is checked against the file, so a damaged file is an error, not a crash.
std::optional<PcmClip> readWav(const QString &path, QString *error);
bool writeWav(const QString &path, const PcmClip &clip, QString *error);

/// The clip as floats in -1..1 at 48 kHz, the voice engine's rate (linear interpolation:
/// enough for speech recorded at 16 kHz).
std::vector<float> toFloat48k(const PcmClip &clip);

} // namespace floorline::media
