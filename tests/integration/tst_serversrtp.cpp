// SPDX-License-Identifier: Apache-2.0
// SRTP through the real server and relay (docs/protocol.md §6.5): what is on the wire is only
// readable with the talk's key, every talk has its own, a late entrant into a long talk that
// rolled over follows it, a captured keep-alive cannot move a latch, and plain RTP (an
// operator's choice) still plays in a standard tool: GStreamer.
#include "support/audiocheck.h"
#include "support/testclient.h"

#include "core/media/opuscodec.h"
#include "core/media/wavfile.h"
#include "core/net/srtp.h"
#include "core/protocol/fingerprint.h"
#include "resources/speechclips.h"

#include <QNetworkDatagram>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include <csignal>

using namespace floorline;
using namespace floorline::test;

namespace {
const QString kGroup = QStringLiteral("tg-001");

proto::FloorRequest floorRequest(const QString &session = QStringLiteral("group:tg-001"))
{
    return proto::FloorRequest {session, 0, proto::FloorType::Normal, {}};
}

QByteArray keepAlive(srtp::Context &context, quint32 ssrc, quint16 sequence)
{
    std::array<uint8_t, proto::kRtpHeaderSize + srtp::kTrailerRoom> buffer {};
    proto::RtpPacket header;
    header.payloadType = proto::kKeepAlivePayloadType;
    header.sequence = sequence;
    header.ssrc = ssrc;
    std::size_t size = proto::writeRtp(header, {}, buffer);
    size = context.protect(buffer.data(), size, buffer.size());
    return QByteArray(reinterpret_cast<const char *>(buffer.data()), qsizetype(size));
}
} // namespace

class TestServerSrtp : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<server::Server> m_server;
    std::unique_ptr<TestClient> a, b, c;

    void startAll(bool plainRtp = false)
    {
        server::ServerOptions options;
        options.fleet = proto::makeDemoFleet(30, 6);
        options.plainRtp = plainRtp;
        m_server = startServer(options);
        QVERIFY(m_server);
        a = std::make_unique<TestClient>(QStringLiteral("unit-0001"), *m_server);
        b = std::make_unique<TestClient>(QStringLiteral("unit-0005"), *m_server);
        c = std::make_unique<TestClient>(QStringLiteral("unit-0009"), *m_server);
        for (TestClient *t : {a.get(), b.get(), c.get()}) {
            QVERIFY2(t->login(), qPrintable(t->user));
            QVERIFY(t->call(proto::Affiliate {{kGroup}}));
        }
    }

    QString grant(TestClient &talker, const QString &session = QStringLiteral("group:tg-001"))
    {
        const auto granted = talker.call(floorRequest(session));
        if (!granted || granted->outcome != proto::FloorOutcome::Granted)
            return {};
        return granted->key;
    }

private Q_SLOTS:
    void cleanup()
    {
        a.reset();
        b.reset();
        c.reset();
        m_server.reset();
    }

    void loginAnnouncesSrtp()
    {
        startAll();
        const proto::MediaInfo &media = a->client.login().media;
        QCOMPARE(media.srtp, QLatin1String(proto::kSrtpSuite));
        QCOMPARE(media.key.size(), 56);
        QVERIFY(a->rtp.isSecure());
        // The interop tool says why it cannot serve a plain RTP player here.
        QProcess latch;
        latch.start(QStringLiteral(FLOORLINE_LATCH_BIN),
                    {QStringLiteral("--server"), m_server->url().toString(),
                     QStringLiteral("--fingerprint"),
                     proto::formatFingerprint(m_server->fingerprint()), QStringLiteral("--user"),
                     QStringLiteral("unit-0013")});
        // The server runs in this thread: wait with the event loop running.
        QVERIFY(QTest::qWaitFor([&] { return latch.state() == QProcess::NotRunning; }, 10000));
        QCOMPARE(latch.exitCode(), 1);
        const QByteArray said = latch.readAllStandardError();
        QVERIFY2(said.contains("encrypts voice (SRTP)") && said.contains("--plain-rtp"),
                 said.constData());
    }

    void onlyTheTalkKeyOpensTheVoice()
    {
        startAll();
        const QString key = grant(*a);
        QCOMPARE(key.size(), 56);
        const auto taken = b->waitEvent<proto::FloorTaken>();
        QVERIFY(taken);
        QCOMPARE(taken->key, key); // the listener gets the talker's key over TLS
        QVERIFY(c->waitEvent<proto::FloorTaken>());
        // C stands for someone who captured the packets but has another key.
        c->rtp.setTalkerKey(taken->ssrc, QString::fromLatin1(srtp::randomKey().toHex()));

        const std::vector<QByteArray> speech = speechPackets(1);
        a->sendSpurt(speech);
        QVERIFY(b->waitPackets(int(speech.size())));
        for (std::size_t i = 0; i < speech.size(); ++i)
            QCOMPARE(b->packets.at(qsizetype(i)).payload, speech[i]);
        QTest::qWait(200);
        QCOMPARE(c->packets.size(), 0);
        QVERIFY2(c->rtp.rejected() + 64 >= speech.size(),
                 qPrintable(QString::number(c->rtp.rejected())));
        // The relay forwarded them unchanged: it never needed the key.
        QCOMPARE(m_server->relayCounters().relayedIn.load(), uint64_t(speech.size()));
    }

    void everyTalkHasItsOwnKeyAndOnePressShareIt()
    {
        startAll();
        const QString first = grant(*a);
        QVERIFY(a->call(proto::FloorRelease {QStringLiteral("group:tg-001")}));
        const QString second = grant(*a);
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        QVERIFY(first != second);
        // Asking again while holding it (a lost answer) keeps the key the listeners have.
        QCOMPARE(grant(*a), second);
        QVERIFY(a->call(proto::FloorRelease {QStringLiteral("group:tg-001")}));
        // Simulselect: a dispatcher's one press sends one stream to both groups, so both get
        // the same key.
        TestClient dispatcher(QStringLiteral("dispatch-1"), *m_server);
        QVERIFY(dispatcher.login());
        QVERIFY(dispatcher.call(proto::Affiliate {{kGroup, QStringLiteral("tg-002")}}));
        const QString one = grant(dispatcher);
        QCOMPARE(grant(dispatcher), one); // a repeat on the first group changes nothing
        const QString both = grant(dispatcher, QStringLiteral("group:tg-002"));
        QVERIFY(!one.isEmpty());
        QCOMPARE(both, one);
        QVERIFY(one != second);
        QVERIFY(dispatcher.call(proto::FloorRelease {QStringLiteral("group:tg-001")}));
        QVERIFY(dispatcher.call(proto::FloorRelease {QStringLiteral("group:tg-002")}));
        // A member gone before the next talk does not get its key.
        b->events.clear();
        QVERIFY(b->call(proto::Deaffiliate {{kGroup}}));
        const QString third = grant(*a);
        QVERIFY(third != second);
        QVERIFY(c->waitEvent<proto::FloorTaken>(
            [&](const proto::FloorTaken &t) { return t.key == third; }));
        QVERIFY(!third.isEmpty());
        QTest::qWait(100);
        for (const proto::Event &e : std::as_const(b->events))
            QVERIFY(!std::holds_alternative<proto::FloorTaken>(e));
    }

    void lateEntrantFollowsALongTalkPastRollover()
    {
        startAll();
        QVERIFY(!grant(*a).isEmpty());
        QVERIFY(b->waitEvent<proto::FloorTaken>());
        a->rtp.setNextSequence(65500); // 36 packets before the 16-bit sequence rolls over
        const std::vector<QByteArray> speech = speechPackets(1);
        QVERIFY(speech.size() > 100);
        a->sendSpurt({speech.begin(), speech.begin() + 60}, 2);
        QVERIFY(b->waitPackets(60));
        // D affiliates after the rollover: its first packet is under rollover counter 1.
        TestClient late(QStringLiteral("unit-0013"), *m_server);
        QVERIFY(late.login());
        QVERIFY(late.call(proto::Affiliate {{kGroup}}));
        QVERIFY(late.waitEvent<proto::FloorTaken>());
        a->sendSpurt({speech.begin() + 60, speech.begin() + 100}, 2);
        QVERIFY(b->waitPackets(100));
        QVERIFY2(late.waitPackets(40), qPrintable(QString::number(late.packets.size())));
        for (int i = 0; i < 40; ++i)
            QCOMPARE(late.packets.at(i).payload, speech[std::size_t(60 + i)]);
        QCOMPARE(late.rtp.rejected(), 0u);
    }

    void capturedKeepAliveCannotMoveTheLatch()
    {
        startAll();
        const proto::MediaInfo &media = b->client.login().media;
        const QByteArray loginKey = srtp::parseKey(media.key);
        auto context = srtp::Context::sender(loginKey);
        QVERIFY(context);
        // B's own keep-alive, as someone on the path would capture it ...
        QUdpSocket mine, thief;
        QVERIFY(mine.bind(QHostAddress::LocalHost, 0));
        QVERIFY(thief.bind(QHostAddress::LocalHost, 0));
        const QByteArray captured = keepAlive(*context, media.ssrc, 40000);
        mine.writeDatagram(captured, QHostAddress::LocalHost, m_server->rtpPort());
        QVERIFY(QTest::qWaitFor([&] { return mine.hasPendingDatagrams(); }, 2000)); // echo
        mine.receiveDatagram();
        // ... and replayed from another port to steal B's media: refused, the latch stays.
        const uint64_t replayed = m_server->relayCounters().droppedReplayed;
        thief.writeDatagram(captured, QHostAddress::LocalHost, m_server->rtpPort());
        QVERIFY(QTest::qWaitFor(
            [&] { return m_server->relayCounters().droppedReplayed > replayed; }, 2000));
        QVERIFY(!grant(*a).isEmpty());
        a->sendSpurt({QByteArray("voice")});
        QVERIFY(QTest::qWaitFor([&] { return mine.hasPendingDatagrams(); }, 2000));
        QTest::qWait(100);
        QVERIFY(!thief.hasPendingDatagrams());
        // A forged one (right SSRC, fresh number, no key) is refused as well.
        auto forger = srtp::Context::sender(srtp::randomKey());
        const uint64_t bad = m_server->relayCounters().droppedBadKey;
        thief.writeDatagram(keepAlive(*forger, media.ssrc, 50000), QHostAddress::LocalHost,
                            m_server->rtpPort());
        QVERIFY(
            QTest::qWaitFor([&] { return m_server->relayCounters().droppedBadKey > bad; }, 2000));
    }

    void plainRtpPlaysInGStreamer()
    {
        const QString gst = QStandardPaths::findExecutable(QStringLiteral("gst-launch-1.0"));
        if (gst.isEmpty())
            QFAIL("gst-launch-1.0 is missing: tools/scripts/setup-debian.sh installs it");
        startAll(true);
        const proto::MediaInfo &media = b->client.login().media;
        QVERIFY(media.srtp.isEmpty());
        QCOMPARE(media.key.size(), 32);
        QVERIFY(!b->rtp.isSecure());

        // As docs/operations.md says: floorline-latch logs in a member of tg-001 and latches
        // the relay to a port, then GStreamer listens there and gets what that member hears.
        quint16 port = 0;
        {
            QUdpSocket free;
            QVERIFY(free.bind(QHostAddress::LocalHost, 0));
            port = free.localPort();
        }
        QProcess latch;
        latch.start(QStringLiteral(FLOORLINE_LATCH_BIN),
                    {QStringLiteral("--server"), m_server->url().toString(),
                     QStringLiteral("--fingerprint"),
                     proto::formatFingerprint(m_server->fingerprint()), QStringLiteral("--user"),
                     QStringLiteral("unit-0013"), QStringLiteral("--rtp-port"),
                     QString::number(port)});
        const auto stopLatch = qScopeGuard([&] {
            latch.terminate();
            latch.waitForFinished(5000);
        });
        QVERIFY(QTest::qWaitFor([&] { return latch.canReadLine(); }, 10000));
        const QByteArray said = latch.readLine();
        const QByteArray expected
            = "latched 127.0.0.1:" + QByteArray::number(port) + " for unit-0013 (groups tg-001";
        QVERIFY2(said.startsWith(expected), said.constData());
        QTemporaryDir dir;
        const QString wav = dir.filePath(QStringLiteral("heard.wav"));
        QProcess player;
        player.setProgram(gst);
        player.setArguments({QStringLiteral("-e"),
                             QStringLiteral("-q"),
                             QStringLiteral("udpsrc"),
                             QStringLiteral("address=127.0.0.1"),
                             QStringLiteral("port=%1").arg(port),
                             QStringLiteral("caps=application/x-rtp,media=audio,clock-rate=48000,"
                                            "encoding-name=OPUS,payload=111"),
                             QStringLiteral("!"),
                             QStringLiteral("rtpjitterbuffer"),
                             QStringLiteral("!"),
                             QStringLiteral("rtpopusdepay"),
                             QStringLiteral("!"),
                             QStringLiteral("opusdec"),
                             QStringLiteral("!"),
                             QStringLiteral("audioconvert"),
                             QStringLiteral("!"),
                             QStringLiteral("audioresample"),
                             QStringLiteral("!"),
                             QStringLiteral("audio/x-raw,format=S16LE,rate=48000,channels=1"),
                             QStringLiteral("!"),
                             QStringLiteral("wavenc"),
                             QStringLiteral("!"),
                             QStringLiteral("filesink"),
                             QStringLiteral("location=") + wav});
        player.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        player.start();
        QVERIFY(player.waitForStarted());
        const auto stopPlayer = qScopeGuard([&] {
            if (player.state() != QProcess::NotRunning) {
                player.kill();
                player.waitForFinished();
            }
        });
        QTest::qWait(1500); // GStreamer's start-up: its socket must be bound before media flows

        const auto granted = a->call(floorRequest());
        QVERIFY(granted && granted->outcome == proto::FloorOutcome::Granted);
        QVERIFY(granted->key.isEmpty()); // plain RTP: no talk keys
        const std::vector<QByteArray> speech = speechPackets(1);
        a->sendSpurt(speech, 20); // in real time: GStreamer's jitter buffer plays it as a radio
        QTest::qWait(500);
        ::kill(pid_t(player.processId()), SIGINT); // gst-launch -e: EOS, the file is finished
        QVERIFY(player.waitForFinished(10000));

        QString error;
        const auto heard = media::readWav(wav, &error);
        QVERIFY2(heard, qPrintable(error));
        QVERIFY2(heard->samples.size() > 48000, qPrintable(QString::number(heard->samples.size())));
        // Against what our own decoder makes of the same packets: the codec's loss is not
        // GStreamer's, so this asks only whether GStreamer played every packet in order.
        media::OpusVoiceDecoder decoder;
        std::vector<float> sent;
        std::array<int16_t, 5760> frame {};
        for (const QByteArray &packet : speech) {
            const int n = decoder.decode(packet, frame);
            for (int i = 0; i < n; ++i)
                sent.push_back(float(frame[std::size_t(i)]) / 32768.0f);
        }
        std::vector<float> got(heard->samples.size());
        for (std::size_t i = 0; i < got.size(); ++i)
            got[i] = float(heard->samples[i]) / 32768.0f;
        int lag = 0;
        const double r = bestCorrelation(sent, got, 48000, &lag, 8, 3);
        qInfo("GStreamer played the relayed voice: correlation %.3f at lag %d", r, lag);
        QVERIFY2(r >= 0.95, qPrintable(QStringLiteral("correlation %1 at lag %2").arg(r).arg(lag)));
    }
};

QTEST_GUILESS_MAIN(TestServerSrtp)
#include "tst_serversrtp.moc"
