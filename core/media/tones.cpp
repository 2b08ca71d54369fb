// SPDX-License-Identifier: Apache-2.0
#include "tones.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace floorline::media {

std::vector<ToneSegment> toneShape(Tone tone)
{
    switch (tone) {
    case Tone::TalkPermit:
        return {{880, 70}, {1320, 90}};
    case Tone::Deny:
        return {{400, 120}, {0, 60}, {400, 120}, {0, 60}, {400, 120}};
    case Tone::Queued:
        return {{660, 150}};
    case Tone::Emergency:
        return {{1000, 250}, {1500, 250}, {1000, 250}, {1500, 250}};
    }
    return {};
}

std::vector<float> renderTone(Tone tone, int sampleRate, float level)
{
    std::vector<float> out;
    const int fade = sampleRate * 5 / 1000;
    for (const ToneSegment &segment : toneShape(tone)) {
        const int n = sampleRate * segment.ms / 1000;
        for (int i = 0; i < n; ++i) {
            if (segment.hz == 0) {
                out.push_back(0.0f);
                continue;
            }
            // Raised-cosine edges: no step at either end of a segment.
            const int edge = std::min(i, n - 1 - i);
            const float envelope = edge >= fade
                ? 1.0f
                : 0.5f - 0.5f * std::cos(std::numbers::pi_v<float> * float(edge) / float(fade));
            const float phase
                = 2.0f * std::numbers::pi_v<float> * segment.hz * float(i) / float(sampleRate);
            out.push_back(level * envelope * std::sin(phase));
        }
    }
    return out;
}

} // namespace floorline::media
