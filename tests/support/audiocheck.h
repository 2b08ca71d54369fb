// SPDX-License-Identifier: Apache-2.0
#pragma once

// What the audio tests use to judge sound as a listener would: pitch, and similarity.

#include "core/media/wavfile.h"

#include <cmath>
#include <cstdint>
#include <vector>

namespace floorline::test {

/// Power of `hz` in samples[from, from + n) at `rate` (Goertzel); a full-scale sine gives 0.25.
inline double tonePower(const float *samples, std::size_t n, double hz, int rate = 48000)
{
    const double k = 2.0 * std::cos(2.0 * M_PI * hz / rate);
    double s1 = 0, s2 = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double s0 = samples[i] + k * s1 - s2;
        s2 = s1;
        s1 = s0;
    }
    return (s1 * s1 + s2 * s2 - k * s1 * s2) / (double(n) * double(n));
}

/// A 16 kHz clip at 48 kHz (linear interpolation: plenty for correlation).
inline std::vector<float> clipAt48k(const media::PcmClip &clip)
{
    return media::toFloat48k(clip);
}

/// Best normalised cross-correlation of `heard` against `sent` over lags 0..maxLag, stepping
/// `step` samples (and every `stride`-th sample inside the sum, to stay fast in debug builds).
template<typename A, typename B>
double bestCorrelation(const std::vector<A> &sent, const std::vector<B> &heard, int maxLag,
                       int *bestLag = nullptr, int step = 1, int stride = 1)
{
    double best = 0;
    for (int lag = 0; lag <= maxLag; lag += step) {
        double ab = 0, aa = 0, bb = 0;
        for (std::size_t i = 0; i < sent.size() && i + std::size_t(lag) < heard.size();
             i += std::size_t(stride)) {
            const double x = sent[i], y = heard[i + std::size_t(lag)];
            ab += x * y;
            aa += x * x;
            bb += y * y;
        }
        if (aa > 0 && bb > 0 && ab / std::sqrt(aa * bb) > best) {
            best = ab / std::sqrt(aa * bb);
            if (bestLag)
                *bestLag = lag;
        }
    }
    return best;
}

/// Like bestCorrelation, but per `segment` samples of `sent`, each at its own best lag, averaged
/// weighted by the segment's energy (silent segments are left out). A live voice path may
/// shift its delay between words (a quiet frame skipped to shed delay, an output underrun);
/// this still asks whether every stretch of speech arrived intact.
template<typename A, typename B>
double segmentCorrelation(const std::vector<A> &sent, const std::vector<B> &heard, int segment,
                          int maxLag, int step = 1, int stride = 1)
{
    double weighted = 0, total = 0;
    for (std::size_t from = 0; from + std::size_t(segment) <= sent.size();
         from += std::size_t(segment)) {
        const std::vector<A> part(sent.begin() + std::ptrdiff_t(from),
                                  sent.begin() + std::ptrdiff_t(from) + segment);
        double energy = 0;
        for (const A &v : part)
            energy += double(v) * double(v);
        if (energy < 1e-4 * segment) // quieter than -40 dBFS on average: a pause
            continue;
        if (from >= heard.size())
            break;
        const std::vector<B> rest(heard.begin() + std::ptrdiff_t(from), heard.end());
        weighted += energy * bestCorrelation(part, rest, maxLag, nullptr, step, stride);
        total += energy;
    }
    return total > 0 ? weighted / total : 0;
}

} // namespace floorline::test
