// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

namespace floorline::media {

/// The console's signalling tones (M2), generated in code so they need no files.
enum class Tone {
    TalkPermit, ///< rising two-note chirp: the floor is yours, talk now
    Deny, ///< three low beeps: the floor was denied
    Queued, ///< one mid beep: waiting in the queue
    Emergency, ///< alternating high warble: an emergency alarm
};

/// @brief A tone as a sequence of (frequency, duration) segments; 0 Hz is a pause.
struct ToneSegment
{
    float hz;
    int ms;
};
std::vector<ToneSegment> toneShape(Tone tone);

/// Renders a tone as mono float samples at `sampleRate`, amplitude `level`, each segment
/// faded in and out over 5 ms so it starts and stops without a click.
std::vector<float> renderTone(Tone tone, int sampleRate = 48000, float level = 0.3f);

} // namespace floorline::media
