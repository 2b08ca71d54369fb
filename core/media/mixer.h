// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <span>

namespace floorline::media {

/// Where a stream is heard: selected groups in the headset, the rest on the speaker (M1);
/// alarms (the emergency tone) on the alert loudspeaker when the console has one, so that
/// the room hears them even when the dispatcher's headset is off; else in the headset.
enum class Route { Headset, Speaker, Alert };

/// @brief One decoded stream's frame as the mixer takes it.
struct MixInput
{
    std::span<const float> samples;
    float gain = 1.0f; ///< per-group volume; 0 mutes
    Route route = Route::Headset;
};

/// Linear up to ±0.5, then a tanh knee that approaches ±1 and never passes it: several loud
/// talkers at once saturate gently instead of wrapping or clipping hard.
float softClip(float x);

/**
 * Mixes every input into its output (the speaker's, or the headset for the others) with its
 * gain, then soft-clips both.
 * All spans must have the frame's length; outputs are overwritten. Media thread; no allocation.
 */
void mix(std::span<const MixInput> inputs, std::span<float> headset, std::span<float> speaker);

} // namespace floorline::media
