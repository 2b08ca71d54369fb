// SPDX-License-Identifier: Apache-2.0
// The console's core as a dispatcher runs it: the controller with a real voice engine on
// PortAudio (the private JACK dummy server), the real server, and the fleet simulator's units
// talking real speech on three groups. The console monitors those three and must hear each.
#include "core/console/consolecontroller.h"
#include "core/media/portaudiobackend.h"
#include "core/media/voiceengine.h"
#include "support/jackports.h"
#include "support/testclient.h"
#include "tools/sim/simfleet.h"

#include <QTest>

#include <cmath>

using namespace floorline;
using namespace floorline::console;

class TestConsoleAudio : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("JACK_DEFAULT_SERVER"))
            QFAIL("JACK_DEFAULT_SERVER is not set: run through tools/scripts/test.sh");
    }

    void monitorsThreeGroupsAndHearsEach()
    {
        const proto::Fleet fleet = proto::makeDemoFleet(30, 6);
        server::ServerOptions options;
        options.fleet = fleet;
        server::Server server;
        QString error;
        QVERIFY2(server.start(options, &error), qPrintable(error));

        media::PortAudioBackend devices;
        QVERIFY2(devices.isValid(), qPrintable(devices.errorString()));
        QSet<QString> before = test::jackPorts();
        media::VoiceEngine::Config config;
        config.pipeline.playRoutedOnly = true; // as the console application runs it
        media::VoiceEngine voice(devices, config);
        QVERIFY2(voice.start(&error), qPrintable(error));
        const QString headset = test::newJackPort(before, QStringLiteral(":out_"));
        // The test's ear on the console's headset output (speaker audio goes there too when,
        // as here, there is one output device).
        media::SpscRing<float> earRing(48000 * 30);
        before = test::jackPorts();
        auto ear = devices.openInput({}, {}, earRing, &error);
        QVERIFY2(ear && ear->start(&error), qPrintable(error));
        const QString earPort = test::newJackPort(before, QStringLiteral(":in_"));
        QVERIFY(!headset.isEmpty() && !earPort.isEmpty());
        QVERIFY(test::jackConnect(headset, earPort));

        SignalingClient client;
        ConsoleController console(client, &voice);
        console.connection()->trust()->pin(server.url(), server.fingerprint(), false);
        console.connectToServer(server.url(), QStringLiteral("dispatch-1"),
                                QStringLiteral("dispatch-1"));
        QVERIFY(QTest::qWaitFor(
            [&] { return console.link() == Link::Online && !console.talk()->targets().isEmpty(); },
            5000));
        // Three groups: tg-001 in the headset, tg-002 and tg-003 on the speaker; tg-004 off.
        const QStringList heard {QStringLiteral("tg-001"), QStringLiteral("tg-002"),
                                 QStringLiteral("tg-003")};
        console.groups()->setMonitored(QStringLiteral("tg-004"), false);
        for (const QString &g : heard)
            QVERIFY(console.groups()->isMonitored(g));
        QVERIFY(console.groups()->isSelected(QStringLiteral("tg-001")));
        QVERIFY(!console.groups()->isSelected(QStringLiteral("tg-002")));

        sim::SimFleet::Options simOptions;
        simOptions.server = server.url();
        simOptions.fingerprint = server.fingerprint();
        simOptions.talkIntervalSeconds = 2.0;
        simOptions.emergencyShare = 0;
        simOptions.seed = 11;
        sim::SimFleet units(fleet, simOptions);
        units.start();

        // Until each of the three groups has had a talker whose speech the engine decoded.
        QHash<QString, QString> names; // group name -> id
        for (const QString &g : heard)
            names.insert(console.groups()->nameOf(g), g);
        QHash<QString, quint64> played; // group id -> frames played from its talkers
        const bool all = QTest::qWaitFor(
            [&] {
                played.clear();
                for (const QVariant &v : console.floors()->streamStats()) {
                    const QVariantMap s = v.toMap();
                    const QString g = names.value(s.value(QStringLiteral("session")).toString());
                    if (!g.isEmpty())
                        played[g] += quint64(s.value(QStringLiteral("played")).toDouble());
                }
                for (const QString &g : heard) {
                    if (played.value(g) < 50) // a second of speech
                        return false;
                }
                return true;
            },
            40000);
        std::vector<float> out(earRing.readable());
        earRing.read(out.data(), out.size());
        // The statistics say voice came encrypted, and that next to nothing failed to verify
        // (on loopback only a packet that waited over a second for its key could).
        const QVariantMap transport = console.floors()->voiceTransport();
        double received = 0;
        for (const QVariant &v : console.floors()->streamStats())
            received += v.toMap().value(QStringLiteral("received")).toDouble();
        units.stop();
        ear->stop();
        voice.stop();

        for (const QString &g : heard)
            qInfo("%s: %llu frames played", qPrintable(g),
                  static_cast<unsigned long long>(played.value(g)));
        QVERIFY2(all, "every monitored group was heard");
        QCOMPARE(transport.value(QStringLiteral("connected")).toBool(), true);
        QCOMPARE(transport.value(QStringLiteral("secure")).toBool(), true);
        QCOMPARE(transport.value(QStringLiteral("replayed")).toDouble(), 0.0);
        QVERIFY2(transport.value(QStringLiteral("refused")).toDouble() <= received / 100,
                 qPrintable(QStringLiteral("%1 of %2 packets refused")
                                .arg(transport.value(QStringLiteral("refused")).toDouble())
                                .arg(received)));
        // Nothing from the unmonitored group reached the console.
        for (const QVariant &v : console.floors()->streamStats())
            QVERIFY(v.toMap().value(QStringLiteral("session"))
                    != console.groups()->nameOf(QStringLiteral("tg-004")));
        // And it was sound, not silence: the loudest second on the headset.
        double loudest = 0;
        for (std::size_t at = 0; at + 48000 <= out.size(); at += 24000) {
            double sum = 0;
            for (std::size_t i = at; i < at + 48000; ++i)
                sum += double(out[i]) * out[i];
            loudest = std::max(loudest, std::sqrt(sum / 48000));
        }
        qInfo("headset: %.1f s recorded, loudest second %.1f dBFS", double(out.size()) / 48000,
              20 * std::log10(std::max(loudest, 1e-9)));
        QVERIFY2(loudest > 0.01, qPrintable(QString::number(loudest))); // above -40 dBFS
    }

    /// An operator who starts the server with --plain-rtp (for interop tests) gets voice that
    /// anyone on the path can hear: the console's statistics must say so.
    void plainRtpShowsAsNotEncrypted()
    {
        server::ServerOptions options;
        options.fleet = proto::makeDemoFleet(30, 6);
        options.plainRtp = true;
        server::Server server;
        QString error;
        QVERIFY2(server.start(options, &error), qPrintable(error));
        media::PortAudioBackend devices;
        QVERIFY2(devices.isValid(), qPrintable(devices.errorString()));
        media::VoiceEngine voice(devices, {});
        QVERIFY2(voice.start(&error), qPrintable(error));
        SignalingClient client;
        ConsoleController console(client, &voice);
        console.connection()->trust()->pin(server.url(), server.fingerprint(), false);
        QVERIFY(console.floors()->voiceTransport().value(QStringLiteral("connected")).toBool()
                == false);
        console.connectToServer(server.url(), QStringLiteral("dispatch-1"),
                                QStringLiteral("dispatch-1"));
        QTRY_VERIFY_WITH_TIMEOUT(
            console.floors()->voiceTransport().value(QStringLiteral("connected")).toBool(), 5000);
        QCOMPARE(console.floors()->voiceTransport().value(QStringLiteral("secure")).toBool(),
                 false);
        voice.stop();
    }
};

QTEST_GUILESS_MAIN(TestConsoleAudio)
#include "tst_consoleaudio.moc"
