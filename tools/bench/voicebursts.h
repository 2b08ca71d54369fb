// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/media/jitterbuffer.h"

#include <cmath>
#include <cstdint>
#include <vector>

namespace floorline::bench {

/// The marked burst injected into a talker's microphone: 30 ms of 1 kHz at half scale with a
/// 2 ms raised-cosine attack, so the codec carries it cleanly and its onset is unambiguous.
struct VoiceBurst
{
    static constexpr int kSamples = 48 * 30;
    static constexpr int kAttack = 96;
    static constexpr float kAmplitude = 0.5f;
    /// Heard once the listener's output passes this, after silence.
    static constexpr float kThreshold = 0.1f;
    /// Bursts are this far apart, so each one's echo window holds nothing else.
    static constexpr int kSpacingSamples = 48 * 300;
    /// Each burst starts up to this much later than its slot, so onsets fall at every phase
    /// of the codec frame and the device period (a fixed phase would hide their waiting).
    static constexpr int kPhaseSamples = 48 * 20;
    static int phase(uint32_t n) { return int((n * 2654435761u) >> 8) % kPhaseSamples; }
    /// A burst not heard within this long counts as missed.
    static constexpr int kWindowSamples = 48 * 250;

    /// Sample `i` (0..kSamples) of a burst.
    static float at(int i)
    {
        if (i < 0 || i >= kSamples)
            return 0.0f;
        const float envelope
            = i < kAttack ? 0.5f * (1.0f - float(std::cos(M_PI * i / kAttack))) : 1.0f;
        return kAmplitude * envelope * float(std::sin(2 * M_PI * 1000.0 * i / 48000.0));
    }
};

/// What both latency paths share: codec frame, playout slack, injected impairment, script.
struct VoiceRunOptions
{
    int frameMs = 20;
    int slackMs = 3; ///< playout slack, VoiceEngine::Config::playoutSlackMs
    int jitterMs = 0; ///< each packet held a uniform 0..jitterMs more (at the listener)
    double loss = 0; ///< share of packets lost
    int spurts = 8; ///< the first one only warms the jitter estimate up
    int burstsPerSpurt = 16;
};

/// What a latency run found: delays in ms (one per burst heard) and the listener's stream.
struct LatencyResult
{
    std::vector<double> delaysMs;
    int missed = 0;
    media::StreamStats stream;
};

/// Prints p50/p95/max of the delays and the stream's concealment, labelled.
void printLatency(const char *label, const LatencyResult &result);

} // namespace floorline::bench
