// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "voicepipeline.h"

#include <QByteArray>

#include <span>
#include <vector>

namespace floorline::media {

/// @brief The RTP payloads a console's voice engine sends for one talk spurt, in order.
struct SpurtRecording
{
    int frameMs = 20;
    std::vector<QByteArray> packets;
};

/**
 * Speaks `speech` (48 kHz) into a VoicePipeline on a fake microphone and keeps every payload
 * it sends: exactly the engine's encoding (frame size, bitrate, FEC, low-delay mode). The
 * fleet simulator replays these, so simulated units sound like consoles without running an
 * encoder per unit.
 */
SpurtRecording recordSpurt(std::span<const float> speech, VoicePipeline::Config config);

} // namespace floorline::media
