// SPDX-License-Identifier: Apache-2.0
// Bad input: every malformed frame or datagram is answered or dropped and counted, and the server
// keeps serving everyone else.
#include "support/rawpeer.h"
#include "support/testclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QWebSocket>

#include <QTest>

using namespace floorline;
using namespace floorline::test;

namespace {
const QString kSession = QStringLiteral("group:tg-001");

QString errorCode(const QJsonObject &message)
{
    return message.value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("code"))
        .toString();
}
} // namespace

class TestServerBadInput : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<server::Server> m_server;
    std::unique_ptr<TestClient> m_talker, m_listener;

    /// The proof that nothing broke: a floor grant and a relayed spurt between good clients.
    void goodClientsStillWork()
    {
        proto::FloorRequest request;
        request.session = kSession;
        const auto granted = m_talker->call(request);
        QVERIFY(granted);
        QCOMPARE(granted->outcome, proto::FloorOutcome::Granted);
        const std::vector<QByteArray> speech = speechPackets(6);
        m_talker->sendSpurt(speech);
        QVERIFY(m_listener->waitPackets(int(speech.size())));
        QVERIFY(m_talker->call(proto::FloorRelease {kSession}));
        m_listener->packets.clear();
    }

private Q_SLOTS:
    void init()
    {
        server::Hub::Config config;
        config.limits.messagesPerSecond = 20;
        config.limits.messageBurst = 40;
        m_server = startServer(30, 6, config);
        QVERIFY(m_server);
        m_talker = std::make_unique<TestClient>(QStringLiteral("unit-0001"), *m_server);
        m_listener = std::make_unique<TestClient>(QStringLiteral("unit-0005"), *m_server);
        QVERIFY(m_talker->login());
        QVERIFY(m_listener->login());
        QVERIFY(m_talker->call(proto::Affiliate {{QStringLiteral("tg-001")}}));
        QVERIFY(m_listener->call(proto::Affiliate {{QStringLiteral("tg-001")}}));
    }

    void cleanup()
    {
        m_talker.reset();
        m_listener.reset();
        m_server.reset();
    }

    void malformedFrames_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("answersRequest");
        QTest::newRow("truncated json")
            << QByteArray(R"({"type":"ping","id":)") << "bad-json" << false;
        QTest::newRow("not an object") << QByteArray("[1,2]") << "bad-message" << false;
        QTest::newRow("no id") << QByteArray(R"({"type":"ping"})") << "bad-message" << false;
        QTest::newRow("unknown type")
            << QByteArray(R"({"type":"floor.grab","id":9})") << "unknown-type" << true;
        QTest::newRow("missing field")
            << QByteArray(R"({"type":"floor.request","id":9})") << "bad-message" << true;
        QTest::newRow("wrong field type")
            << QByteArray(R"({"type":"group.affiliate","id":9,"groups":[1]})") << "bad-message"
            << true;
        QTest::newRow("duplicate key")
            << QByteArray(R"({"type":"ping","id":9,"type":"logout"})") << "bad-message" << true;
        QTest::newRow("number out of range")
            << QByteArray(R"({"type":"floor.request","id":9,"session":"group:tg-001",)"
                          R"("priority":1e308})")
            << "bad-message" << true;
        QTest::newRow("deeply nested")
            << QByteArray(2000, '[') + QByteArray(2000, ']') << "bad-json" << false;
    }

    void malformedFrames()
    {
        QFETCH(QByteArray, frame);
        QFETCH(QString, code);
        QFETCH(bool, answersRequest);
        RawPeer peer(m_server->url());
        QVERIFY(peer.connected());
        peer.hello();
        const quint64 rejectedBefore = m_server->hub()->stats().rejected();
        const QJsonObject answer = peer.exchange(frame);
        QCOMPARE(answer.value(QStringLiteral("type")).toString(),
                 answersRequest ? QStringLiteral("response") : QStringLiteral("error"));
        QCOMPARE(errorCode(answer), code);
        QVERIFY(!answer.value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("message"))
                     .toString()
                     .isEmpty());
        QCOMPARE(m_server->hub()->stats().rejected(), rejectedBefore + 1);
        // The same connection keeps working after the error.
        const QJsonObject pong = peer.exchange(R"({"type":"ping","id":10})");
        QVERIFY(pong.contains(QStringLiteral("result")));
        goodClientsStillWork();
    }

    void protocolOrderAndAuthorization()
    {
        RawPeer peer(m_server->url());
        QVERIFY(peer.connected());
        QCOMPARE(errorCode(peer.exchange(R"({"type":"directory.get","id":1})")),
                 QStringLiteral("not-authenticated"));
        QCOMPARE(errorCode(peer.exchange(R"({"type":"hello","id":2,"protocols":[7]})")),
                 QStringLiteral("version-unsupported"));
        peer.hello();
        QCOMPARE(errorCode(peer.exchange(R"({"type":"directory.get","id":3})")),
                 QStringLiteral("not-authenticated"));
        QCOMPARE(errorCode(peer.exchange(
                     R"({"type":"login","id":4,"user":"unit-0002","password":"nope"})")),
                 QStringLiteral("auth-failed"));
        QVERIFY(
            peer.exchange(R"({"type":"login","id":5,"user":"unit-0002","password":"unit-0002"})")
                .contains(QStringLiteral("result")));
        // A unit may not monitor a group it is not a member of, nor create sessions.
        QCOMPARE(
            errorCode(peer.exchange(R"({"type":"group.affiliate","id":6,"groups":["tg-001"]})")),
            QStringLiteral("forbidden"));
        QCOMPARE(errorCode(peer.exchange(
                     R"({"type":"session.create","id":7,"kind":"adhoc","units":["unit-0001"]})")),
                 QStringLiteral("forbidden"));
        QCOMPARE(
            errorCode(peer.exchange(R"({"type":"floor.request","id":8,"session":"group:tg-001"})")),
            QStringLiteral("not-in-session"));
        QCOMPARE(m_server->hub()->stats().forbidden, quint64(2));
        goodClientsStillWork();
    }

    void oversizedMessageIsRefusedAndConnectionKept()
    {
        RawPeer peer(m_server->url());
        QVERIFY(peer.connected());
        peer.hello();
        // (No raw string literal here: moc mis-tokenises one that ends in a quote.)
        const QByteArray big
            = "{\"type\":\"ping\",\"id\":2,\"pad\":\"" + QByteArray(70000, 'x') + "\"}";
        QCOMPARE(errorCode(peer.exchange(big)), QStringLiteral("too-large"));
        QCOMPARE(m_server->hub()->stats().tooLarge, quint64(1));
        QVERIFY(peer.exchange(R"({"type":"ping","id":3})").contains(QStringLiteral("result")));
        goodClientsStillWork();
    }

    void hugeFrameClosesOnlyThatConnection()
    {
        RawPeer peer(m_server->url());
        QVERIFY(peer.connected());
        peer.hello();
        peer.socket.sendTextMessage(QString(2 * 1024 * 1024, QLatin1Char('x')));
        QVERIFY(QTest::qWaitFor(
            [&] { return peer.socket.state() == QAbstractSocket::UnconnectedState; }, 5000));
        // Qt closes with 1009 (too much data); over TLS it has read on into the rest of the
        // frame by then and reports that as a protocol error (1002). Either way: counted once.
        const auto &stats = m_server->hub()->stats();
        QVERIFY(QTest::qWaitFor(
            [&] { return stats.closedOversize + stats.closedProtocolError == 1; }, 2000));
        goodClientsStillWork();
    }

    void binaryFrameIsRefused()
    {
        RawPeer peer(m_server->url());
        QVERIFY(peer.connected());
        const qsizetype before = peer.received.size();
        peer.socket.sendBinaryMessage(QByteArray("\x01\x02\x03", 3));
        QVERIFY(QTest::qWaitFor([&] { return peer.received.size() > before; }, 3000));
        QCOMPARE(errorCode(QJsonDocument::fromJson(peer.received.last().toUtf8()).object()),
                 QStringLiteral("bad-message"));
    }

    void floodIsRateLimited()
    {
        RawPeer peer(m_server->url());
        QVERIFY(peer.connected());
        peer.hello();
        for (int i = 0; i < 200; ++i)
            peer.socket.sendTextMessage(QStringLiteral(R"({"type":"ping","id":%1})").arg(i + 10));
        QVERIFY(QTest::qWaitFor([&] { return peer.received.size() >= 201; }, 5000));
        int limited = 0;
        for (const QString &m : peer.received)
            limited += m.contains(QLatin1String("rate-limited")) ? 1 : 0;
        QVERIFY2(limited >= 100, qPrintable(QString::number(limited)));
        QCOMPARE(m_server->hub()->stats().rateLimited, quint64(limited));
        goodClientsStillWork();
    }

    void garbageUdpIsDroppedAndCounted()
    {
        const auto &relay = m_server->relayCounters();
        RtpEndpoint attacker;
        QVERIFY(attacker.open());
        const quint32 victim = m_talker->client.login().media.ssrc;
        attacker.start(QHostAddress::LocalHost, m_server->rtpPort(), victim,
                       QStringLiteral("00000000000000000000000000000000")); // wrong key
        // libsrtp checks the replay window before the tag: a forgery with an old number is
        // refused as a replay, one with a new number as a bad key.
        QVERIFY(QTest::qWaitFor([&] { return relay.droppedBadKey + relay.droppedReplayed >= 1; },
                                2000));

        auto rtp = [](quint8 first, quint32 ssrc, int payload, quint8 pt = 111) -> QByteArray {
            QByteArray d(12, '\0');
            d[0] = char(first);
            d[1] = char(pt);
            for (int i = 0; i < 4; ++i)
                d[8 + i] = char(ssrc >> (24 - 8 * i));
            return d + QByteArray(payload, 'p');
        };
        const quint64 malformed = relay.droppedMalformed, oversize = relay.droppedOversize,
                      unknown = relay.droppedUnknownSsrc, unlatched = relay.droppedUnlatched;
        attacker.sendDatagram(QByteArray("hi")); // short
        attacker.sendDatagram(rtp(0x40, victim, 10)); // version 1
        attacker.sendDatagram(rtp(0x8f, victim, 4)); // CSRCs past the end
        attacker.sendDatagram(rtp(0x80, victim, 1600)); // oversize
        attacker.sendDatagram(rtp(0x80, 0x12345678, 20)); // nobody's SSRC
        attacker.sendDatagram(rtp(0x80, victim, 20)); // spoofed talker, other address
        QRandomGenerator random(1);
        for (int i = 0; i < 500; ++i) {
            QByteArray junk(int(random.bounded(1, 1400)), '\0');
            for (char &c : junk)
                c = char(random.bounded(256));
            junk[0] = char(0x40); // never a valid version: always malformed
            attacker.sendDatagram(junk);
        }
        QVERIFY(QTest::qWaitFor([&] { return relay.droppedMalformed >= malformed + 502; }, 3000));
        QCOMPARE(relay.droppedOversize.load(), oversize + 1);
        QCOMPARE(relay.droppedUnknownSsrc.load(), unknown + 1);
        QCOMPARE(relay.droppedUnlatched.load(), unlatched + 1);
        QCOMPARE(m_listener->packets.size(), 0);
        QCOMPARE(m_listener->rtp.malformed(), quint64(0));
        goodClientsStillWork();
    }
};

QTEST_GUILESS_MAIN(TestServerBadInput)
#include "tst_serverbadinput.moc"
