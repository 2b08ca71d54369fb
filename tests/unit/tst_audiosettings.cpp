// SPDX-License-Identifier: Apache-2.0
// The audio settings a dispatcher uses: devices listed from the backend, a choice moves the
// running engine (tones then play on the new headset), a device that cannot be opened falls
// back to the defaults with a reason, and the meter shows what the microphone hears.
#include "core/console/audiosettings.h"
#include "core/media/fakeaudiobackend.h"
#include "core/media/voiceengine.h"
#include "tests/support/fakedevices.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace floorline;
using namespace floorline::media;

using floorline::test::runDevices;

namespace {
const QString kUsb = QStringLiteral("USB headset");

float loudest(const FakeAudioBackend &devices, const QString &device)
{
    const std::vector<float> played = devices.played(device);
    float best = 0;
    for (const float s : played)
        best = std::max(best, std::abs(s));
    return best;
}
} // namespace

class TestAudioSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void choosingAHeadsetMovesTheEngineAndIsRemembered()
    {
        FakeAudioBackend devices;
        devices.plugIn(kUsb, false);
        VoiceEngine engine(devices, {});
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        console::AudioSettings settings(&devices, &engine, {}, {}, {}, {});
        QVERIFY(settings.available());
        QCOMPARE(settings.inputDevices(), QStringList {QStringLiteral("Fake microphone")});
        QVERIFY(settings.outputDevices().contains(kUsb));

        QSignalSpy applied(&settings, &console::AudioSettings::applied);
        QSignalSpy switched(&engine, &VoiceEngine::devicesSwitched);
        settings.apply({}, kUsb, {});
        QCOMPARE(applied.size(), 1);
        QCOMPARE(applied.first().at(1).toString(), kUsb);
        QVERIFY(QTest::qWaitFor([&] { return !switched.isEmpty(); }, 3000));
        QCOMPARE(switched.first().at(0).toBool(), true);
        QCOMPARE(settings.status(), QString());
        engine.playTone(Tone::TalkPermit, Route::Headset);
        runDevices(devices, 400);
        QVERIFY2(loudest(devices, kUsb) > 0.05, "the tone plays on the chosen headset");
        engine.stop();
    }

    void alarmsGoToTheAlertLoudspeakerAndTalkTonesStayInTheHeadset()
    {
        const QString speaker = QStringLiteral("Desk loudspeaker");
        FakeAudioBackend devices;
        devices.plugIn(kUsb, false);
        devices.plugIn(speaker, false);
        VoiceEngine engine(devices, {});
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        console::AudioSettings settings(&devices, &engine, {}, kUsb, {}, {});
        QSignalSpy applied(&settings, &console::AudioSettings::applied);
        QSignalSpy switched(&engine, &VoiceEngine::devicesSwitched);
        settings.apply({}, kUsb, {}, speaker);
        QCOMPARE(settings.alert(), speaker);
        QCOMPARE(applied.first().at(3).toString(), speaker);
        QVERIFY(QTest::qWaitFor([&] { return !switched.isEmpty(); }, 3000));
        QCOMPARE(switched.first().at(0).toBool(), true);
        engine.playTone(Tone::Emergency, Route::Alert);
        runDevices(devices, 600);
        QVERIFY2(loudest(devices, speaker) > 0.05, "the alarm sounds on the loudspeaker");
        QCOMPARE(loudest(devices, kUsb), 0.0f);
        const float alarm = loudest(devices, speaker);
        engine.playTone(Tone::TalkPermit, Route::Headset);
        runDevices(devices, 400);
        QVERIFY2(loudest(devices, kUsb) > 0.05, "the talk permit stays in the headset");
        QCOMPARE(loudest(devices, speaker), alarm); // nothing new on the loudspeaker

        // Without an alert device the alarm is heard in the headset.
        settings.apply({}, kUsb, {}, {});
        QVERIFY(QTest::qWaitFor([&] { return switched.size() == 2; }, 3000));
        devices.forgetPlayed();
        engine.playTone(Tone::Emergency, Route::Alert);
        runDevices(devices, 600);
        QVERIFY2(loudest(devices, kUsb) > 0.05, "the alarm falls back to the headset");
        engine.stop();
    }

    void aDeviceThatCannotOpenFallsBackWithAReason()
    {
        FakeAudioBackend devices;
        VoiceEngine engine(devices, {});
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        console::AudioSettings settings(&devices, &engine, {}, {}, {}, {});
        QSignalSpy status(&settings, &console::AudioSettings::statusChanged);
        settings.apply({}, QStringLiteral("Headset that was unplugged"), {});
        QVERIFY(QTest::qWaitFor([&] { return !settings.status().isEmpty(); }, 3000));
        QVERIFY2(settings.status().startsWith(QStringLiteral("Could not open the device")),
                 qPrintable(settings.status()));
        QVERIFY2(settings.status().contains(QStringLiteral("using the default devices")),
                 qPrintable(settings.status()));
        // Still heard: the default headset plays.
        engine.playTone(Tone::TalkPermit, Route::Headset);
        runDevices(devices, 400);
        QVERIFY(loudest(devices, QStringLiteral("Fake headset")) > 0.05);
        engine.stop();
    }

    void theMeterShowsTheMicrophone()
    {
        FakeAudioBackend devices;
        VoiceEngine engine(devices, {});
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        console::AudioSettings settings(&devices, &engine, {}, {}, {}, {});
        settings.setMetering(true);
        runDevices(devices, 200);
        QCOMPARE(settings.level(), 0.0); // silence
        std::vector<float> quiet(48000 / 2);
        for (std::size_t i = 0; i < quiet.size(); ++i)
            quiet[i] = 0.01f * float(std::sin(double(i) * 0.06)); // -40 dBFS
        devices.speak(quiet);
        runDevices(devices, 300);
        const double atQuiet = settings.level();
        QVERIFY2(atQuiet > 0.2 && atQuiet < 0.5, qPrintable(QString::number(atQuiet)));
        settings.setMetering(false);
        QCOMPARE(settings.level(), 0.0);
        engine.stop();
    }
};

QTEST_GUILESS_MAIN(TestAudioSettings)
#include "tst_audiosettings.moc"
