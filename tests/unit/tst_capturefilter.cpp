// SPDX-License-Identifier: Apache-2.0
// The optional microphone clean-up: noise suppression lowers steady noise and keeps speech;
// AGC lifts a quiet talker; with both off the samples pass untouched.
#include "core/media/capturefilter.h"
#include "resources/speechclips.h"
#include "tests/support/audiocheck.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace floorline;
using namespace floorline::media;

namespace {
constexpr int kFrame = 960;

std::vector<int16_t> run(CaptureFilter &filter, std::vector<int16_t> samples)
{
    for (std::size_t at = 0; at + kFrame <= samples.size(); at += kFrame)
        filter.process(std::span<int16_t>(samples.data() + at, kFrame));
    return samples;
}

double rms(const std::vector<int16_t> &s, std::size_t from, std::size_t to)
{
    double sum = 0;
    for (std::size_t i = from; i < to; ++i)
        sum += double(s[i]) * double(s[i]);
    return std::sqrt(sum / double(to - from));
}

std::vector<int16_t> speech(float peak)
{
    const std::vector<float> clip = test::clipAt48k(resources::speechClips().first());
    float max = 0;
    for (float v : clip)
        max = std::max(max, std::fabs(v));
    std::vector<int16_t> out;
    for (float v : clip)
        out.push_back(int16_t(v / max * peak * 32767.0f));
    return out;
}
} // namespace

class TestCaptureFilter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void offLeavesSamplesAlone()
    {
        CaptureFilter filter(kFrame, 48000, {});
        QVERIFY(!filter.isActive());
        const std::vector<int16_t> in = speech(0.5f);
        QVERIFY(run(filter, in) == in);
    }

    void denoiseLowersSteadyNoiseAndKeepsSpeech()
    {
        CaptureFilter::Config config;
        config.denoise = true;
        CaptureFilter filter(kFrame, 48000, config);
        QVERIFY(filter.isActive());
        // Two seconds of fan-like noise at about -30 dBFS, then the same noise under speech.
        QRandomGenerator random(7);
        const std::vector<int16_t> words = speech(0.5f);
        const std::size_t lead = 2 * 48000;
        std::vector<int16_t> in(lead + words.size());
        for (std::size_t i = 0; i < in.size(); ++i) {
            const int noise = int(random.bounded(2000)) - 1000;
            in[i] = int16_t(std::clamp(noise + (i >= lead ? words[i - lead] : 0), -32768, 32767));
        }
        const std::vector<int16_t> out = run(filter, in);
        const double before = rms(in, lead / 2, lead), after = rms(out, lead / 2, lead);
        qInfo("noise %.0f -> %.0f rms (%.1f dB)", before, after, 20 * std::log10(after / before));
        QVERIFY2(after < before / 3.0, "noise not lowered by 10 dB");
        const double speechIn = rms(in, lead, in.size()), speechOut = rms(out, lead, out.size());
        qInfo("speech %.0f -> %.0f rms", speechIn, speechOut);
        QVERIFY2(speechOut > speechIn / 2.0, "speech lost more than 6 dB");
    }

    void agcLiftsAQuietTalker()
    {
        CaptureFilter::Config config;
        config.agc = true;
        CaptureFilter filter(kFrame, 48000, config);
        const std::vector<int16_t> once = speech(0.03f); // a talker far from the microphone
        std::vector<int16_t> in;
        for (int i = 0; i < 4; ++i)
            in.insert(in.end(), once.begin(), once.end());
        const std::vector<int16_t> out = run(filter, in);
        const std::size_t last = in.size() - once.size();
        const double before = rms(in, last, in.size()), after = rms(out, last, out.size());
        qInfo("quiet speech %.0f -> %.0f rms (+%.1f dB)", before, after,
              20 * std::log10(after / before));
        QVERIFY2(after > 2.0 * before, "AGC did not lift the level by 6 dB");
    }
};

QTEST_GUILESS_MAIN(TestCaptureFilter)
#include "tst_capturefilter.moc"
