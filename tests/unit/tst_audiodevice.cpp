// SPDX-License-Identifier: Apache-2.0
// The fake audio backend behaves like a device: its clock drives the callbacks.
#include "core/media/fakeaudiobackend.h"

#include <QTest>

using namespace floorline::media;

class TestAudioDevice : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void microphoneToRingAndRingToHeadset()
    {
        FakeAudioBackend backend;
        QCOMPARE(backend.devices().size(), 3);
        SpscRing<float> captured(4800), playback(4800);
        QString error;
        auto mic = backend.openInput({}, {}, captured, &error);
        auto headset = backend.openOutput(QStringLiteral("Fake headset"), {}, playback, &error);
        QVERIFY2(mic && headset, qPrintable(error));
        QVERIFY(mic->start(&error) && headset->start(&error));

        const std::vector<float> words {0.1f, 0.2f, 0.3f, 0.4f};
        backend.speak(words);
        const float reply[] = {0.5f, 0.6f};
        playback.write(reply, 2);
        backend.advance(256);
        QCOMPARE(backend.clockFrames(), uint64_t(256));

        std::vector<float> got(256);
        QCOMPARE(captured.read(got.data(), 256), std::size_t(256));
        QCOMPARE(got[0], 0.1f);
        QCOMPARE(got[3], 0.4f);
        QCOMPARE(got[4], 0.0f); // silence after the words
        const auto &played = backend.played(QStringLiteral("Fake headset"));
        QCOMPARE(played.size(), std::size_t(256));
        QCOMPARE(played[1], 0.6f);
        QCOMPARE(headset->xruns(), uint64_t(254)); // nothing to play after two samples
        QCOMPARE(mic->frames(), uint64_t(256));
    }

    void unpluggedDeviceFailsItsStream()
    {
        FakeAudioBackend backend;
        SpscRing<float> ring(1024);
        QString error;
        auto speaker = backend.openOutput(QStringLiteral("Fake speaker"), {}, ring, &error);
        QVERIFY(speaker && speaker->start(&error));
        backend.unplug(QStringLiteral("Fake speaker"));
        QVERIFY(speaker->hasFailed());
        QVERIFY(!speaker->isRunning());
        QCOMPARE(backend.devices().size(), 2);
        QVERIFY(!backend.openOutput(QStringLiteral("Fake speaker"), {}, ring, &error));
        QVERIFY(error.contains(QLatin1String("Fake speaker")));
        // The default device is still there to fall back to.
        QVERIFY(backend.openOutput({}, {}, ring, &error));
    }
};

QTEST_GUILESS_MAIN(TestAudioDevice)
#include "tst_audiodevice.moc"
