// SPDX-License-Identifier: Apache-2.0
#include "capturefilter.h"

#include <speex/speex_preprocess.h>

namespace floorline::media {

CaptureFilter::CaptureFilter(int frameSamples, int sampleRate, Config config)
{
    if (!config.denoise && !config.agc)
        return;
    m_state = speex_preprocess_state_init(frameSamples, sampleRate);
    int on = config.denoise ? 1 : 0;
    speex_preprocess_ctl(m_state, SPEEX_PREPROCESS_SET_DENOISE, &on);
    speex_preprocess_ctl(m_state, SPEEX_PREPROCESS_SET_NOISE_SUPPRESS, &config.denoiseDb);
    on = config.agc ? 1 : 0;
    speex_preprocess_ctl(m_state, SPEEX_PREPROCESS_SET_AGC, &on);
    float level = float(config.agcLevel);
    speex_preprocess_ctl(m_state, SPEEX_PREPROCESS_SET_AGC_LEVEL, &level);
    speex_preprocess_ctl(m_state, SPEEX_PREPROCESS_SET_AGC_MAX_GAIN, &config.agcMaxGainDb);
    // Voice activity detection would zero frames it judges silent: the talker's pre-roll and
    // soft word onsets are exactly what it gets wrong, so it stays off.
    int off = 0;
    speex_preprocess_ctl(m_state, SPEEX_PREPROCESS_SET_VAD, &off);
}

CaptureFilter::~CaptureFilter()
{
    if (m_state)
        speex_preprocess_state_destroy(m_state);
}

void CaptureFilter::process(std::span<int16_t> frame)
{
    if (m_state)
        speex_preprocess_run(m_state, frame.data());
}

} // namespace floorline::media
