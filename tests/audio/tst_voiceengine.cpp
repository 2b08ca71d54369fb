// SPDX-License-Identifier: Apache-2.0
// Two voice engines talk across the real server on loopback, through real PortAudio on the
// private JACK dummy server: what B plays correlates with what A captured.
#include "core/media/portaudiobackend.h"
#include "core/media/voiceengine.h"
#include "core/signaling/signalingclient.h"
#include "resources/speechclips.h"
#include "support/audiocheck.h"
#include "support/jackports.h"
#include "support/testclient.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace floorline;
using namespace floorline::media;

namespace {
bool loggedIn(SignalingClient &c)
{
    return QTest::qWaitFor([&] { return c.state() == SignalingClient::State::Online; }, 5000);
}
} // namespace

class TestVoiceEngine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("JACK_DEFAULT_SERVER"))
            QFAIL("JACK_DEFAULT_SERVER is not set: run through tools/scripts/test.sh");
    }

    void speechCrossesTheServerBetweenTwoEngines()
    {
        auto server = test::startServer();
        QVERIFY(server);
        SignalingClient a, b;
        a.setPinnedCertificate(server->fingerprint());
        a.connectToServer(server->url(), QStringLiteral("unit-0001"), QStringLiteral("unit-0001"));
        b.setPinnedCertificate(server->fingerprint());
        b.connectToServer(server->url(), QStringLiteral("unit-0005"), QStringLiteral("unit-0005"));
        QVERIFY(loggedIn(a) && loggedIn(b));

        PortAudioBackend devices;
        QVERIFY2(devices.isValid(), qPrintable(devices.errorString()));
        QString error;
        QSet<QString> before = test::jackPorts();
        VoiceEngine engineA(devices, {});
        QVERIFY2(engineA.start(&error), qPrintable(error));
        const QString micA = test::newJackPort(before, QStringLiteral(":in_"));
        before = test::jackPorts();
        VoiceEngine engineB(devices, {});
        QVERIFY2(engineB.start(&error), qPrintable(error));
        const QString headsetB = test::newJackPort(before, QStringLiteral(":out_"));

        // The test's own "mouth" (plays into A's microphone) and "ear" (records B's headset).
        SpscRing<float> mouthRing(96000), earRing(48000 * 20);
        before = test::jackPorts();
        auto mouth = devices.openOutput({}, {}, mouthRing, &error);
        QVERIFY2(mouth && mouth->start(&error), qPrintable(error));
        const QString mouthPort = test::newJackPort(before, QStringLiteral(":out_"));
        before = test::jackPorts();
        auto ear = devices.openInput({}, {}, earRing, &error);
        QVERIFY2(ear && ear->start(&error), qPrintable(error));
        const QString earPort = test::newJackPort(before, QStringLiteral(":in_"));
        QVERIFY2(!micA.isEmpty() && !headsetB.isEmpty() && !mouthPort.isEmpty()
                     && !earPort.isEmpty(),
                 qPrintable(QStringList(test::jackPorts().values()).join(QLatin1Char(' '))));
        QVERIFY(test::jackConnect(mouthPort, micA));
        QVERIFY(test::jackConnect(headsetB, earPort));

        QSignalSpy readyA(&engineA, &VoiceEngine::mediaReady);
        QSignalSpy readyB(&engineB, &VoiceEngine::mediaReady);
        for (auto [client, engine] : {std::pair {&a, &engineA}, std::pair {&b, &engineB}}) {
            const proto::MediaInfo media = client->login().media;
            engine->connectMedia(QHostAddress::LocalHost, quint16(media.port), media.ssrc,
                                 media.key);
            bool affiliated = false;
            client->send(proto::Affiliate {{QStringLiteral("tg-001")}},
                         [&](const Reply<proto::SessionList> &r) { affiliated = r.ok(); });
            QVERIFY(QTest::qWaitFor([&] { return affiliated; }, 5000));
        }
        QVERIFY(QTest::qWaitFor([&] { return readyA.size() && readyB.size(); }, 5000));

        // SRTP: B's engine learns the talk's key from Floor Taken, A's from the grant.
        connect(&b, &SignalingClient::eventReceived, &engineB, [&](const proto::Event &event) {
            if (const auto *taken = std::get_if<proto::FloorTaken>(&event))
                engineB.setTalkerKey(taken->ssrc, taken->key);
        });
        bool granted = false;
        a.send(proto::FloorRequest {QStringLiteral("group:tg-001"), 0, {}},
               [&](const Reply<proto::FloorRequestResult> &r) {
                   granted = r.ok() && r.value->outcome == proto::FloorOutcome::Granted;
                   if (granted)
                       engineA.setTalkKey(r.value->key);
               });
        QVERIFY(QTest::qWaitFor([&] { return granted; }, 5000));
        engineA.setTransmitting(true);

        const std::vector<float> speech = test::clipAt48k(resources::speechClips().first());
        std::vector<float> heard;
        std::size_t fed = 0;
        earRing.skip(earRing.readable()); // what the ear heard before the first word
        QElapsedTimer clock;
        clock.start();
        const qint64 total = qint64(speech.size() / 48) + 1500;
        while (clock.elapsed() < total) {
            if (fed < speech.size() && mouthRing.readable() < 4800)
                fed += mouthRing.write(speech.data() + fed,
                                       std::min<std::size_t>(2400, speech.size() - fed));
            std::vector<float> chunk(earRing.readable());
            earRing.read(chunk.data(), chunk.size());
            heard.insert(heard.end(), chunk.begin(), chunk.end());
            QTest::qWait(5);
        }
        engineA.setTransmitting(false);
        const QHash<quint32, StreamStats> stats = engineB.stats();
        const StreamStats s = stats.value(a.login().media.ssrc);
        int lag = 0;
        // Up to one second of delay is searched; the path is far faster than that.
        const double r = test::bestCorrelation(speech, heard, 48000, &lag, 8, 3);
        // Per half second: the engine may shed its pre-roll delay in a pause between words,
        // and a slow machine (ThreadSanitizer) may underrun, shifting what follows.
        const double perSegment = test::segmentCorrelation(speech, heard, 24000, 48000, 8, 3);
        qInfo("correlation %.3f (per half second %.3f), A's mouth to B's ear %.1f ms; "
              "B received %llu lost %llu "
              "concealed %llu; xruns mouth %llu ear %llu",
              r, perSegment, lag / 48.0, static_cast<unsigned long long>(s.received),
              static_cast<unsigned long long>(s.lost), static_cast<unsigned long long>(s.concealed),
              static_cast<unsigned long long>(mouth->xruns()),
              static_cast<unsigned long long>(ear->xruns()));
        QVERIFY(s.received > speech.size() / 960 - 5);
        QVERIFY2(perSegment >= 0.8, qPrintable(QString::number(perSegment)));
        mouth->stop();
        ear->stop();
        engineA.stop();
        engineB.stop();
    }

    /// An alert loudspeaker is a device (here: a JACK port) of its own: the emergency tone is
    /// heard there and not in the headset; the talk-permit tone is heard in the headset only.
    void alarmsPlayOnTheirOwnDevice()
    {
        PortAudioBackend devices;
        QVERIFY2(devices.isValid(), qPrintable(devices.errorString()));
        QString error;
        VoiceEngine::Config config;
        config.alertDevice = devices.devices().first().name; // JACK: another port of "system"
        QSet<QString> before = test::jackPorts();
        VoiceEngine engine(devices, config);
        QVERIFY2(engine.start(&error), qPrintable(error));
        const QSet<QString> enginePorts = test::jackPorts() - before;
        QStringList outs;
        for (const QString &p : enginePorts) {
            if (p.contains(QStringLiteral(":out_")))
                outs << p;
        }
        // PortAudio numbers the ports in the order the streams opened: the headset (mono)
        // first, then the alert device. Which is which is checked by what each one plays.
        outs.sort();
        QCOMPARE(outs.size(), 2);
        const QString headsetPort = outs.first();
        const QString alertPort = outs.last();

        SpscRing<float> headsetRing(48000 * 4), alertRing(48000 * 4);
        before = test::jackPorts();
        auto headsetEar = devices.openInput({}, {}, headsetRing, &error);
        QVERIFY2(headsetEar && headsetEar->start(&error), qPrintable(error));
        const QString headsetEarPort = test::newJackPort(before, QStringLiteral(":in_"));
        before = test::jackPorts();
        auto alertEar = devices.openInput({}, {}, alertRing, &error);
        QVERIFY2(alertEar && alertEar->start(&error), qPrintable(error));
        const QString alertEarPort = test::newJackPort(before, QStringLiteral(":in_"));
        QVERIFY(test::jackConnect(headsetPort, headsetEarPort));
        QVERIFY(test::jackConnect(alertPort, alertEarPort));

        const auto listen = [&](SpscRing<float> &ring, int ms) {
            std::vector<float> heard;
            QElapsedTimer clock;
            clock.start();
            while (clock.elapsed() < ms) {
                std::vector<float> chunk(ring.readable());
                ring.read(chunk.data(), chunk.size());
                heard.insert(heard.end(), chunk.begin(), chunk.end());
                QTest::qWait(5);
            }
            return heard;
        };
        const auto loudest = [](const std::vector<float> &v) {
            float m = 0;
            for (const float s : v)
                m = std::max(m, std::abs(s));
            return m;
        };
        QTest::qWait(200);
        headsetRing.skip(headsetRing.readable());
        alertRing.skip(alertRing.readable());
        engine.playTone(Tone::Emergency, Route::Alert);
        // Both ears listen at once: one reads each ring in turn.
        std::vector<float> alertHeard, headsetHeard;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 1200) {
            for (auto [ring, into] :
                 {std::pair {&alertRing, &alertHeard}, std::pair {&headsetRing, &headsetHeard}}) {
                std::vector<float> chunk(ring->readable());
                ring->read(chunk.data(), chunk.size());
                into->insert(into->end(), chunk.begin(), chunk.end());
            }
            QTest::qWait(5);
        }
        qInfo("emergency tone: alert port peak %.3f, headset port peak %.3f", loudest(alertHeard),
              loudest(headsetHeard));
        QVERIFY2(loudest(alertHeard) > 0.1, "the alarm sounds on the alert port");
        QVERIFY2(loudest(headsetHeard) < 0.001, "and not in the headset");

        engine.playTone(Tone::TalkPermit, Route::Headset);
        const std::vector<float> permitHeadset = listen(headsetRing, 600);
        const std::vector<float> permitAlert = listen(alertRing, 50);
        QVERIFY2(loudest(permitHeadset) > 0.1, "the talk permit plays in the headset");
        QVERIFY2(loudest(permitAlert) < 0.001, "and not on the alert port");
        headsetEar->stop();
        alertEar->stop();
        engine.stop();
    }
};

QTEST_GUILESS_MAIN(TestVoiceEngine)
#include "tst_voiceengine.moc"
