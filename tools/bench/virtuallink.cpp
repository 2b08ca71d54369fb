// SPDX-License-Identifier: Apache-2.0
#include "virtuallink.h"

#include "core/media/fakeaudiobackend.h"
#include "core/media/voiceengine.h"
#include "core/media/voicepipeline.h"

#include <QRandomGenerator>

#include <map>
#include <memory>

namespace floorline::bench {

using namespace media;

namespace {

constexpr uint32_t kTalker = 0x5151;
constexpr int kWakeSamples = 48 * VoiceEngine::kWakeMs; // the media thread's timer

struct Console
{
    Console(int frameMs, VoicePipeline::Send send)
        : pipeline(config(frameMs), capture, headset, speaker, std::move(send))
    {
        QString error;
        mic = devices.openInput({}, {}, capture, &error);
        out = devices.openOutput({}, {}, headset, &error);
        mic->start(&error);
        out->start(&error);
        pipeline.setSingleOutput(true);
    }
    static VoicePipeline::Config config(int frameMs)
    {
        VoicePipeline::Config c;
        c.frameMs = frameMs;
        return c;
    }
    FakeAudioBackend devices;
    SpscRing<float> capture {48000}, headset {48000}, speaker {48000};
    VoicePipeline pipeline;
    std::unique_ptr<AudioStream> mic, out;
};

struct Packet
{
    uint16_t sequence;
    uint32_t timestamp;
    bool marker;
    QByteArray payload;
};

} // namespace

LatencyResult runVirtualLatency(const VirtualOptions &o)
{
    // The script: per spurt 200 ms lead-in, the bursts, then 600 ms of silence off the air.
    const int64_t spurtSamples = 48 * 200 + int64_t(o.burstsPerSpurt) * VoiceBurst::kSpacingSamples;
    const int64_t cycle = spurtSamples + 48 * 600;
    const int64_t total = cycle * o.spurts;
    std::vector<float> mouth(std::size_t(total), 0.0f);
    std::vector<int64_t> injected; // burst onsets, after the warm-up spurt
    for (int s = 0; s < o.spurts; ++s) {
        for (int b = 0; b < o.burstsPerSpurt; ++b) {
            const int64_t at = s * cycle + 48 * 200 + int64_t(b) * VoiceBurst::kSpacingSamples
                + VoiceBurst::phase(uint32_t(s * o.burstsPerSpurt + b));
            for (int i = 0; i < VoiceBurst::kSamples; ++i)
                mouth[std::size_t(at + i)] = VoiceBurst::at(i);
            if (s > 0)
                injected.push_back(at);
        }
    }

    QRandomGenerator random(o.seed);
    std::multimap<int64_t, Packet> network; // by arrival sample
    uint16_t sequence = 1;
    int64_t now = 0;
    Console a(o.frameMs, [&](const QByteArray &payload, bool marker, uint32_t timestamp) {
        const Packet p {sequence++, timestamp, marker, payload};
        if (o.loss > 0 && random.generateDouble() < o.loss)
            return;
        const double delayMs
            = o.networkMs + (o.jitterMs > 0 ? random.bounded(double(o.jitterMs)) : 0);
        network.emplace(now + int64_t(delayMs * 48), p);
    });
    Console b(o.frameMs, {});
    a.devices.speak(mouth);

    const int period = o.periodFrames;
    const std::size_t target = std::size_t(period + 48 * o.slackMs);
    int64_t nextDevice = period, nextWake = kWakeSamples;
    while (now < total + 48 * 500) {
        now = std::min(nextDevice, nextWake);
        if (now == nextDevice) {
            a.devices.advance(period);
            b.devices.advance(period);
            nextDevice += period;
        }
        if (now == nextWake) {
            a.pipeline.setTransmitting(now % cycle < spurtSamples && now < total);
            a.pipeline.pumpCapture();
            a.pipeline.keepQueued(target, now / 48);
            for (auto it = network.begin(); it != network.end() && it->first <= now;) {
                const Packet &p = it->second;
                b.pipeline.receive(kTalker, p.sequence, p.timestamp, p.marker, p.payload, now / 48);
                it = network.erase(it);
            }
            b.pipeline.keepQueued(target, now / 48);
            nextWake += kWakeSamples;
        }
    }

    // A sample B's device pulled at index i is heard one period later, when it is played.
    const std::vector<float> &heard = b.devices.played(QStringLiteral("Fake headset"));
    LatencyResult result;
    for (const int64_t at : injected) {
        int64_t found = -1;
        for (int64_t i = std::max<int64_t>(0, at - period);
             i < at + VoiceBurst::kWindowSamples && i < int64_t(heard.size()); ++i) {
            if (std::fabs(heard[std::size_t(i)]) > VoiceBurst::kThreshold) {
                found = i + period;
                break;
            }
        }
        if (found < 0)
            ++result.missed;
        else
            result.delaysMs.push_back(double(found - at) / 48.0);
    }
    result.stream = b.pipeline.stats().value(kTalker);
    return result;
}

} // namespace floorline::bench
