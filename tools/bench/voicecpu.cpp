// SPDX-License-Identifier: Apache-2.0
// CPU of a console's voice work: one encoder (the dispatcher talking) plus N talkers decoded,
// mixed and routed, frame by frame on a virtual clock, as the media thread does it. Prints
// the media thread's CPU time per second of audio. For instruction counts run it under
// `valgrind --tool=callgrind` with a shorter --seconds.
#include "core/media/fakeaudiobackend.h"
#include "core/media/opuscodec.h"
#include "core/media/voicepipeline.h"
#include "resources/speechclips.h"
#include "tests/support/audiocheck.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <ctime>

using namespace floorline;
using namespace floorline::media;

namespace {
double threadCpuSeconds()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

std::vector<int16_t> toPcm(const std::vector<float> &samples)
{
    std::vector<int16_t> out(samples.size());
    for (std::size_t i = 0; i < samples.size(); ++i)
        out[i] = int16_t(std::clamp(samples[i], -1.0f, 1.0f) * 32767.0f);
    return out;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Voice CPU benchmark"));
    parser.addHelpOption();
    const QCommandLineOption talkers(QStringLiteral("talkers"), QStringLiteral("Talkers (16)."),
                                     QStringLiteral("n"), QStringLiteral("16"));
    const QCommandLineOption seconds(QStringLiteral("seconds"),
                                     QStringLiteral("Audio to process (60)."), QStringLiteral("s"),
                                     QStringLiteral("60"));
    const QCommandLineOption frame(QStringLiteral("frame-ms"), QStringLiteral("20 or 10 (20)."),
                                   QStringLiteral("ms"), QStringLiteral("20"));
    parser.addOptions({talkers, seconds, frame});
    parser.process(app);
    const int n = parser.value(talkers).toInt();
    const int frameMs = parser.value(frame).toInt();
    const int frames = parser.value(seconds).toInt() * 1000 / frameMs;

    // Every talker speaks the clips in its own order, encoded as a talker's engine would.
    const QList<PcmClip> clips = resources::speechClips();
    std::vector<float> speech;
    for (const PcmClip &clip : clips) {
        const std::vector<float> c = test::clipAt48k(clip);
        speech.insert(speech.end(), c.begin(), c.end());
    }
    OpusVoiceEncoder::Config encoding;
    encoding.frameMs = frameMs;
    encoding.lowDelay = frameMs < 20;
    const std::vector<QByteArray> packets = encodeClip(toPcm(speech), encoding);

    VoicePipeline::Config config;
    config.frameMs = frameMs;
    FakeAudioBackend devices;
    SpscRing<float> capture(48000), headset(48000), speaker(48000);
    uint64_t sent = 0;
    VoicePipeline pipeline(config, capture, headset, speaker,
                           [&](const QByteArray &, bool, uint32_t) { ++sent; });
    QString error;
    auto mic = devices.openInput({}, {}, capture, &error);
    auto out = devices.openOutput({}, {}, headset, &error);
    auto speakerOut = devices.openOutput(QStringLiteral("Fake speaker"), {}, speaker, &error);
    for (AudioStream *s : {mic.get(), out.get(), speakerOut.get()})
        s->start(&error);
    // Half the talkers are selected groups (headset), half unselected (speaker), at various
    // volumes: the mixer does all its work.
    for (int t = 0; t < n; ++t)
        pipeline.setStream(uint32_t(t + 1), t % 2 ? Route::Speaker : Route::Headset,
                           0.5f + 0.05f * float(t % 10));
    pipeline.setTransmitting(true);
    const int frameSamples = 48 * frameMs;
    for (std::size_t said = 0; said < std::size_t(frames) * std::size_t(frameSamples);
         said += speech.size())
        devices.speak(speech);

    const double start = threadCpuSeconds();
    for (int f = 0; f < frames; ++f) {
        const int64_t now = int64_t(f) * frameMs;
        devices.advance(frameSamples);
        for (int t = 0; t < n; ++t) {
            const std::size_t p = (std::size_t(f) + std::size_t(t) * 97) % packets.size();
            pipeline.receive(uint32_t(t + 1), uint16_t(f), uint32_t(f * frameSamples), f == 0,
                             packets[p], now);
        }
        pipeline.tick(now);
    }
    const double cpu = threadCpuSeconds() - start;
    const double audio = double(frames) * frameMs / 1000.0;
    std::printf("%d ms frames, 1 encoder + %d decoders + mix, %.0f s of audio: %.3f s CPU, "
                "%.2f %% of one core (%.1f us per frame); %llu packets sent\n",
                frameMs, n, audio, cpu, 100.0 * cpu / audio, 1e6 * cpu / frames,
                static_cast<unsigned long long>(sent));
    return 0;
}
