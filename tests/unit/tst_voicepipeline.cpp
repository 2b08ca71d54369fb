// SPDX-License-Identifier: Apache-2.0
// Two voice pipelines on fake devices with a virtual clock: A's microphone to B's headset.
#include "core/media/fakeaudiobackend.h"
#include "core/media/voicepipeline.h"
#include "resources/speechclips.h"
#include "tests/support/audiocheck.h"

#include <QTest>

#include <cmath>

using namespace floorline::media;

namespace {

/// A console: fake devices, its rings, its pipeline.
struct Console
{
    explicit Console(VoicePipeline::Send send, int frameMs = 20, bool routedOnly = false)
        : pipeline(config(frameMs, routedOnly), capture, headset, speaker, std::move(send))
    {
        QString error;
        mic = devices.openInput({}, {}, capture, &error);
        headsetOut = devices.openOutput(QStringLiteral("Fake headset"), {}, headset, &error);
        speakerOut = devices.openOutput(QStringLiteral("Fake speaker"), {}, speaker, &error);
        mic->start(&error);
        headsetOut->start(&error);
        speakerOut->start(&error);
    }
    static VoicePipeline::Config config(int frameMs, bool routedOnly)
    {
        VoicePipeline::Config c;
        c.frameMs = frameMs;
        c.playRoutedOnly = routedOnly;
        return c;
    }
    FakeAudioBackend devices;
    SpscRing<float> capture {9600}, headset {9600}, speaker {9600};
    VoicePipeline pipeline;
    std::unique_ptr<AudioStream> mic, headsetOut, speakerOut;
};

/// A talks to B over a perfect network; runs `ms` of virtual time in 20 ms periods.
struct Link
{
    explicit Link(int frameMs = 20, bool routedOnly = false)
        : a(
            [this](const QByteArray &p, bool m, uint32_t ts) {
                sent.push_back({p, m, ts});
            },
            frameMs)
        , b({}, frameMs, routedOnly)
        , frame(frameMs)
    { }
    void run(int ms)
    {
        for (int t = 0; t < ms; t += frame, now += frame) {
            a.devices.advance(48 * frame); // the microphone delivers a period
            a.pipeline.tick(now);
            for (const auto &[payload, marker, ts] : sent)
                b.pipeline.receive(0xabcd, seq++, ts, marker, payload, now);
            sent.clear();
            b.pipeline.tick(now);
            b.devices.advance(48 * frame); // the headset plays a period
        }
    }
    struct Packet
    {
        QByteArray payload;
        bool marker;
        uint32_t ts;
    };
    std::vector<Packet> sent;
    Console a, b;
    int frame;
    uint16_t seq = 100;
    int64_t now = 0;
};

/// B played `speech` on its speaker at about half its level, and nothing in the headset.
bool onTheSpeakerAtHalfVolume(Link &link, const std::vector<float> &speech)
{
    const auto &headset = link.b.devices.played(QStringLiteral("Fake headset"));
    if (!std::all_of(headset.begin(), headset.end(), [](float s) { return s == 0.0f; })) {
        qWarning("the headset played something");
        return false;
    }
    float peak = 0, sourcePeak = 0;
    for (float s : link.b.devices.played(QStringLiteral("Fake speaker")))
        peak = std::max(peak, std::fabs(s));
    for (float s : speech)
        sourcePeak = std::max(sourcePeak, std::fabs(s));
    if (peak > 0.3f * sourcePeak && peak < 0.7f * sourcePeak)
        return true;
    qWarning("speaker peak %f vs source %f", double(peak), double(sourcePeak));
    return false;
}

} // namespace

class TestVoicePipeline : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void speechFromAsMicrophoneReachesBsHeadset()
    {
        const QList<PcmClip> clips = floorline::resources::speechClips();
        QVERIFY(!clips.isEmpty());
        const std::vector<float> speech = floorline::test::clipAt48k(clips.first());
        Link link;
        link.a.pipeline.setTransmitting(true);
        link.a.devices.speak(speech);
        link.run(int(speech.size() / 48) + 400);
        QVERIFY(link.a.pipeline.framesSent() >= speech.size() / 960);
        const std::vector<float> &heard = link.b.devices.played(QStringLiteral("Fake headset"));
        int lag = 0;
        const double r = floorline::test::bestCorrelation(speech, heard, 48 * 200, &lag, 4, 2);
        qInfo("correlation %.3f at %d ms", r, lag / 48);
        QVERIFY2(r >= 0.9, qPrintable(QString::number(r)));
        // Nothing went to the speaker: the stream is routed to the headset by default.
        const auto &speaker = link.b.devices.played(QStringLiteral("Fake speaker"));
        QVERIFY(std::all_of(speaker.begin(), speaker.end(), [](float s) { return s == 0.0f; }));
        const StreamStats stats = link.b.pipeline.stats().value(0xabcd);
        QCOMPARE(stats.lost, uint64_t(0));
    }

    void tenMillisecondFramesCarrySpeech()
    {
        // The low-delay mode: 10 ms frames, Opus without SILK look-ahead.
        const std::vector<float> speech
            = floorline::test::clipAt48k(floorline::resources::speechClips().at(2));
        Link link(10);
        link.a.pipeline.setTransmitting(true);
        link.a.devices.speak(speech);
        link.run(int(speech.size() / 48) + 400);
        QVERIFY(link.a.pipeline.framesSent() >= speech.size() / 480);
        const auto &heard = link.b.devices.played(QStringLiteral("Fake headset"));
        int lag = 0;
        const double r = floorline::test::bestCorrelation(speech, heard, 48 * 200, &lag, 4, 2);
        qInfo("10 ms frames: correlation %.3f at %d ms", r, lag / 48);
        QVERIFY2(r >= 0.85, qPrintable(QString::number(r)));
        QCOMPARE(link.b.pipeline.stats().value(0xabcd).lost, uint64_t(0));
    }

    void mouthToEarOnTheVirtualClock()
    {
        // A 20 ms burst after silence: how long until it comes out of B's headset.
        Link link;
        link.a.pipeline.setTransmitting(true);
        std::vector<float> signal(48 * 400, 0.0f);
        for (int i = 48 * 200; i < 48 * 220; ++i)
            signal[std::size_t(i)] = 0.5f * float(std::sin(2 * M_PI * 1000.0 * i / 48000.0));
        link.a.devices.speak(signal);
        link.run(800);
        const auto &heard = link.b.devices.played(QStringLiteral("Fake headset"));
        std::size_t first = 0;
        while (first < heard.size() && std::fabs(heard[first]) < 0.1f)
            ++first;
        QVERIFY(first < heard.size());
        const double ms = double(first) / 48.0 - 200.0;
        qInfo("mouth-to-ear on the virtual clock: %.1f ms", ms);
        // Device period + encode frame + jitter buffer delay + playout period, no scheduling.
        QVERIFY2(ms > 20 && ms <= 120, qPrintable(QString::number(ms)));
    }

    void routedToTheSpeakerWithItsVolume()
    {
        const std::vector<float> speech
            = floorline::test::clipAt48k(floorline::resources::speechClips().at(1));
        Link link;
        link.b.pipeline.setStream(0xabcd, Route::Speaker, 0.5f);
        link.a.pipeline.setTransmitting(true);
        link.a.devices.speak(speech);
        link.run(int(speech.size() / 48) + 400);
        QVERIFY(onTheSpeakerAtHalfVolume(link, speech));
    }

    void aTalkerBeforeItsRouteWaitsForIt()
    {
        // The first packets beat Floor Taken: a console plays nothing of them until it knows
        // the group goes to the speaker at half volume, and then plays them there.
        const std::vector<float> speech
            = floorline::test::clipAt48k(floorline::resources::speechClips().at(1));
        Link link(20, true);
        link.a.pipeline.setTransmitting(true);
        link.a.devices.speak(speech);
        link.run(60);
        link.b.pipeline.setStream(0xabcd, Route::Speaker, 0.5f);
        link.run(int(speech.size() / 48) + 400);
        QVERIFY(onTheSpeakerAtHalfVolume(link, speech));
    }

    void preRollKeepsTheFirstSyllable()
    {
        // The talker starts a word 10 ms before transmission begins: it is still sent.
        Link link;
        std::vector<float> word(48 * 200, 0.0f);
        for (std::size_t i = 48 * 10; i < word.size(); ++i)
            word[i] = 0.4f * float(std::sin(2 * M_PI * 500.0 * double(i) / 48000.0));
        link.a.devices.speak(word);
        link.run(20); // one period captured before the grant
        link.a.pipeline.setTransmitting(true);
        link.run(400);
        const auto &heard = link.b.devices.played(QStringLiteral("Fake headset"));
        double energy = 0;
        for (float s : heard)
            energy += double(s) * s;
        // All 190 ms of the word arrive, not just the 180 ms after the grant.
        const double expected = 0.4 * 0.4 / 2 * 48 * 190;
        QVERIFY2(energy > 0.85 * expected,
                 qPrintable(QStringLiteral("%1 of %2").arg(energy).arg(expected)));
        QCOMPARE(link.a.pipeline.framesSent(), uint64_t(21)); // pre-roll frame + 20 live frames
    }

    void tonesPlayOnTheirRoute()
    {
        Link link;
        link.b.pipeline.playTone(Tone::TalkPermit, Route::Headset);
        link.run(200);
        const auto &headset = link.b.devices.played(QStringLiteral("Fake headset"));
        float peak = 0;
        for (float s : headset)
            peak = std::max(peak, std::fabs(s));
        QVERIFY(peak > 0.25f);
        const auto &speaker = link.b.devices.played(QStringLiteral("Fake speaker"));
        QVERIFY(std::all_of(speaker.begin(), speaker.end(), [](float s) { return s == 0.0f; }));
    }
};

QTEST_GUILESS_MAIN(TestVoicePipeline)
#include "tst_voicepipeline.moc"
