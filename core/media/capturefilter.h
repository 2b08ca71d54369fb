// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <span>

struct SpeexPreprocessState_;

namespace floorline::media {

/**
 * @brief Optional clean-up of the microphone before encoding: speexdsp's noise suppression
 * and automatic gain control. Both are off by default: a good headset microphone needs
 * neither, and each adds its own colouring.
 *
 * Media thread only. Every captured frame goes through, on the air or not, so the noise
 * estimate and the gain are already settled when the dispatcher presses the key.
 */
class CaptureFilter
{
public:
    struct Config
    {
        bool denoise = false;
        int denoiseDb = -25; ///< how far noise is pushed down
        bool agc = false;
        int agcLevel = 12000; ///< target speech level, of 32767
        int agcMaxGainDb = 25;
    };

    CaptureFilter(int frameSamples, int sampleRate, Config config);
    ~CaptureFilter();
    CaptureFilter(const CaptureFilter &) = delete;
    CaptureFilter &operator=(const CaptureFilter &) = delete;

    bool isActive() const { return m_state != nullptr; }
    /// Filters one frame in place (frameSamples long). Does nothing when neither is on.
    void process(std::span<int16_t> frame);

private:
    SpeexPreprocessState_ *m_state = nullptr;
};

} // namespace floorline::media
