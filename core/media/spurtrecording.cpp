// SPDX-License-Identifier: Apache-2.0
#include "spurtrecording.h"

namespace floorline::media {

SpurtRecording recordSpurt(std::span<const float> speech, VoicePipeline::Config config)
{
    SpurtRecording out;
    out.frameMs = config.frameMs;
    config.preRollMs = 0; // the recording starts with the first word
    SpscRing<float> capture(48000), headset(48000), speaker(48000);
    VoicePipeline pipeline(
        config, capture, headset, speaker,
        [&](const QByteArray &payload, bool, uint32_t) { out.packets.push_back(payload); });
    pipeline.setTransmitting(true);
    const std::size_t frame = std::size_t(pipeline.frameSamples());
    std::vector<float> padded(speech.begin(), speech.end());
    padded.resize((padded.size() + frame - 1) / frame * frame, 0.0f); // the last frame, whole
    for (std::size_t at = 0; at < padded.size(); at += frame) {
        capture.write(padded.data() + at, frame);
        pipeline.pumpCapture();
    }
    return out;
}

} // namespace floorline::media
