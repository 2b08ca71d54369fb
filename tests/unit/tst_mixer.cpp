// SPDX-License-Identifier: Apache-2.0
// Mixer, soft clipping, tones and the SPSC ring that feeds the audio callback.
#include "core/media/mixer.h"
#include "core/media/spscring.h"
#include "core/media/tones.h"
#include "tests/support/audiocheck.h"

#include <QTest>

#include <cmath>
#include <thread>

using namespace floorline::media;

class TestMixer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sumsWithGainAndRoutes()
    {
        const std::vector<float> a(960, 0.1f), b(960, 0.2f), c(960, 0.05f);
        const MixInput inputs[] = {{a, 1.0f, Route::Headset},
                                   {b, 0.5f, Route::Headset},
                                   {c, 2.0f, Route::Speaker},
                                   {b, 0.0f, Route::Speaker}}; // muted
        std::vector<float> headset(960, 9.0f), speaker(960, 9.0f);
        mix(inputs, headset, speaker);
        QCOMPARE(headset[0], 0.2f); // 0.1 + 0.5 * 0.2
        QCOMPARE(headset[959], 0.2f);
        QCOMPARE(speaker[0], 0.1f); // 2 * 0.05; the muted stream adds nothing
        const MixInput none[] = {{a, 1.0f, Route::Speaker}};
        mix(none, headset, speaker);
        QCOMPARE(headset[100], 0.0f); // outputs are overwritten, not accumulated across calls
    }

    void softClipIsBoundedSmoothAndMonotonic()
    {
        QCOMPARE(softClip(0.3f), 0.3f);
        QCOMPARE(softClip(-0.5f), -0.5f);
        float previous = -2.0f;
        for (float x = -8.0f; x <= 8.0f; x += 0.01f) {
            const float y = softClip(x);
            QVERIFY(std::fabs(y) <= 1.0f);
            QVERIFY(y >= previous);
            previous = y;
        }
        // Slope 1 on both sides of the knee: no corner.
        QVERIFY(std::fabs((softClip(0.501f) - softClip(0.5f)) / 0.001f - 1.0f) < 0.01f);
        // Four loud talkers summed stay below full scale instead of wrapping.
        const std::vector<float> loud(480, 0.9f);
        const MixInput inputs[] = {{loud}, {loud}, {loud}, {loud}};
        std::vector<float> headset(480), speaker(480);
        mix(inputs, headset, speaker);
        QVERIFY(headset[0] > 0.95f && headset[0] < 1.0f);
    }

    void tonesHaveTheirPitchAndNoClicks_data()
    {
        QTest::addColumn<int>("tone");
        QTest::addColumn<double>("hz");
        QTest::addColumn<int>("ms");
        QTest::newRow("talk permit") << int(Tone::TalkPermit) << 880.0 << 160;
        QTest::newRow("deny") << int(Tone::Deny) << 400.0 << 480;
        QTest::newRow("queued") << int(Tone::Queued) << 660.0 << 150;
        QTest::newRow("emergency") << int(Tone::Emergency) << 1500.0 << 1000;
    }

    void tonesHaveTheirPitchAndNoClicks()
    {
        QFETCH(int, tone);
        QFETCH(double, hz);
        QFETCH(int, ms);
        const std::vector<float> samples = renderTone(Tone(tone), 48000, 0.3f);
        QCOMPARE(int(samples.size()), 48 * ms);
        QVERIFY(std::fabs(samples.front()) < 0.01f);
        QVERIFY(std::fabs(samples.back()) < 0.01f);
        float peak = 0;
        for (std::size_t i = 1; i < samples.size(); ++i) {
            peak = std::max(peak, std::fabs(samples[i]));
            // No step anywhere: never faster than a 0.3-level sine at the highest pitch moves.
            QVERIFY(std::fabs(samples[i] - samples[i - 1]) < 0.3f * 2 * M_PI * 1500 / 48000 * 1.05);
        }
        QVERIFY(peak > 0.29f && peak <= 0.3f);
        // The named pitch dominates a neighbouring one by far.
        const int n = int(samples.size());
        QVERIFY(floorline::test::tonePower(samples.data(), std::size_t(n), hz)
                > 20 * floorline::test::tonePower(samples.data(), std::size_t(n), hz * 1.7));
    }

    void ringPassesEverySampleAcrossThreads()
    {
        SpscRing<float> ring(1000);
        QVERIFY(ring.capacity() >= 1000);
        constexpr int total = 2000000;
        std::thread producer([&] {
            float chunk[64];
            int next = 0;
            while (next < total) {
                const int n = std::min(64, total - next);
                for (int i = 0; i < n; ++i)
                    chunk[i] = float(next + i);
                int written = 0;
                while (written < n)
                    written += int(ring.write(chunk + written, std::size_t(n - written)));
                next += n;
            }
        });
        int expected = 0;
        bool inOrder = true;
        float chunk[97];
        while (expected < total) {
            const std::size_t n = ring.read(chunk, 97);
            for (std::size_t i = 0; i < n; ++i, ++expected)
                inOrder = inOrder && chunk[i] == float(expected);
        }
        producer.join();
        QVERIFY(inOrder);
        QCOMPARE(ring.readable(), std::size_t(0));
    }

    void ringNeverOverwrites()
    {
        SpscRing<int> ring(8);
        const int data[20] = {};
        QCOMPARE(ring.write(data, 20), ring.capacity());
        QCOMPARE(ring.write(data, 1), std::size_t(0));
        QCOMPARE(ring.skip(3), std::size_t(3));
        QCOMPARE(ring.writable(), std::size_t(3));
    }
};

QTEST_GUILESS_MAIN(TestMixer)
#include "tst_mixer.moc"
