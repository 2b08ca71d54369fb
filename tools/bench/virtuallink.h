// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "voicebursts.h"

#include <cstdint>

namespace floorline::bench {

/// A talker and a listener on fake devices, joined by a simulated network, all on one virtual
/// sample clock (no scheduling noise): the voice path's own latency.
struct VirtualOptions : VoiceRunOptions
{
    int periodFrames = 256; ///< device callback size, as on the JACK dummy server
    double networkMs = 0.25; ///< loopback plus relay, from relaybench
    uint32_t seed = 1;
};

/**
 * Runs `spurts` talk spurts of marked bursts from A's microphone to B's headset. The two
 * media threads are modelled as VoiceEngine runs them: a wake-up every millisecond that sends every
 * whole captured frame at once and keeps one device period plus the slack queued for playout.
 */
LatencyResult runVirtualLatency(const VirtualOptions &options);

} // namespace floorline::bench
