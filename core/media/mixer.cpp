// SPDX-License-Identifier: Apache-2.0
#include "mixer.h"

#include <algorithm>
#include <cmath>

namespace floorline::media {

float softClip(float x)
{
    const float magnitude = std::fabs(x);
    if (magnitude <= 0.5f)
        return x;
    // Slope 1 at the knee, so the curve is smooth where compression starts.
    const float shaped = 0.5f + 0.5f * std::tanh((magnitude - 0.5f) / 0.5f);
    return std::copysign(shaped, x);
}

void mix(std::span<const MixInput> inputs, std::span<float> headset, std::span<float> speaker)
{
    std::fill(headset.begin(), headset.end(), 0.0f);
    std::fill(speaker.begin(), speaker.end(), 0.0f);
    for (const MixInput &input : inputs) {
        if (input.gain == 0.0f)
            continue;
        std::span<float> out = input.route == Route::Speaker ? speaker : headset;
        const std::size_t n = std::min(out.size(), input.samples.size());
        for (std::size_t i = 0; i < n; ++i)
            out[i] += input.samples[i] * input.gain;
    }
    for (float &s : headset)
        s = softClip(s);
    for (float &s : speaker)
        s = softClip(s);
}

} // namespace floorline::media
