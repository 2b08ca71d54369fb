// SPDX-License-Identifier: Apache-2.0
// A VoiceEngine whose headset is pulled out reports it and carries on with the default
// device, without a restart. The fake devices' clock runs on this thread, as real device
// callbacks run on theirs, while the engine's media thread opens and closes streams.
#include "core/media/fakeaudiobackend.h"
#include "core/media/voiceengine.h"
#include "tests/support/fakedevices.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace floorline::media;

using floorline::test::runDevices;

namespace {
const QString kUsb = QStringLiteral("USB headset");
const QString kDefault = QStringLiteral("Fake headset");

/// The loudest 10 ms window of what `device` played after sample `from`.
float loudest(const FakeAudioBackend &devices, const QString &device, std::size_t from)
{
    const std::vector<float> played = devices.played(device);
    float best = 0;
    for (std::size_t at = from; at + 480 <= played.size(); at += 480) {
        double sum = 0;
        for (std::size_t i = at; i < at + 480; ++i)
            sum += double(played[i]) * played[i];
        best = std::max(best, float(std::sqrt(sum / 480)));
    }
    return best;
}
} // namespace

class TestEngineFallback : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pulledHeadsetFallsBackToTheDefault()
    {
        FakeAudioBackend devices;
        devices.plugIn(kUsb, false);
        VoiceEngine::Config config;
        config.headsetDevice = kUsb;
        VoiceEngine engine(devices, config);
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        QSignalSpy lost(&engine, &VoiceEngine::deviceLost);

        runDevices(devices, 100);
        engine.playTone(Tone::TalkPermit, Route::Headset);
        runDevices(devices, 400);
        QVERIFY2(loudest(devices, kUsb, 0) > 0.05f, "the tone did not reach the USB headset");
        QCOMPARE(loudest(devices, kDefault, 0), 0.0f);

        devices.unplug(kUsb);
        runDevices(devices, 200);
        QTRY_COMPARE_WITH_TIMEOUT(lost.size(), 1, 3000);
        QCOMPARE(lost.first().at(1).toBool(), true); // recovered
        qInfo("reported: %s", qPrintable(lost.first().at(0).toString()));

        const std::size_t before = devices.played(kDefault).size();
        engine.playTone(Tone::TalkPermit, Route::Headset);
        runDevices(devices, 400);
        QVERIFY2(loudest(devices, kDefault, before) > 0.05f,
                 "the engine did not carry on with the default headset");
        engine.stop();
    }
};

QTEST_GUILESS_MAIN(TestEngineFallback)
#include "tst_enginefallback.moc"
