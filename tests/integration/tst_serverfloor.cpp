// SPDX-License-Identifier: Apache-2.0
// The real server library on loopback with real clients: floor control and RTP relay.
#include "support/rawpeer.h"
#include "support/testclient.h"

#include "core/media/opuscodec.h"
#include "core/net/srtp.h"

#include <QTest>

using namespace floorline;
using namespace floorline::test;

namespace {
// In the demo fleet of 30 units and 6 groups, units 1, 5, 9 and 13 are members of tg-001.
const QString kGroup = QStringLiteral("tg-001");
const QString kSession = QStringLiteral("group:tg-001");

proto::FloorRequest floorRequest(proto::FloorType type = proto::FloorType::Normal, int priority = 0)
{
    proto::FloorRequest r;
    r.session = kSession;
    r.type = type;
    r.priority = priority;
    return r;
}
} // namespace

class TestServerFloor : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<server::Server> m_server;
    std::unique_ptr<TestClient> a, b, c;

    void startAll(server::Hub::Config config = {})
    {
        m_server = startServer(30, 6, config);
        QVERIFY(m_server);
        a = std::make_unique<TestClient>(QStringLiteral("unit-0001"), *m_server);
        b = std::make_unique<TestClient>(QStringLiteral("unit-0005"), *m_server);
        c = std::make_unique<TestClient>(QStringLiteral("unit-0009"), *m_server);
        for (TestClient *t : {a.get(), b.get(), c.get()}) {
            QVERIFY2(t->login(), qPrintable(t->user));
            QVERIFY(t->call(proto::Affiliate {{kGroup}}));
        }
    }

    void grantA()
    {
        const auto granted = a->call(floorRequest());
        QVERIFY(granted);
        QCOMPARE(granted->outcome, proto::FloorOutcome::Granted);
        QCOMPARE(granted->duration, 30);
    }

private Q_SLOTS:
    void cleanup()
    {
        a.reset();
        b.reset();
        c.reset();
        m_server.reset();
    }

    void speechReachesEveryListenerInOrder()
    {
        startAll();
        grantA();
        for (TestClient *listener : {b.get(), c.get()}) {
            const auto taken = listener->waitEvent<proto::FloorTaken>();
            QVERIFY(taken);
            QCOMPARE(taken->talker, QStringLiteral("unit-0001"));
            QCOMPARE(taken->alias, QStringLiteral("Engine 1"));
            QCOMPARE(taken->ssrc, a->client.login().media.ssrc);
        }
        const std::vector<QByteArray> speech = speechPackets(1);
        QVERIFY(speech.size() > 150); // a ~4 s clip in 20 ms frames
        a->sendSpurt(speech);
        for (TestClient *listener : {b.get(), c.get()}) {
            QVERIFY2(listener->waitPackets(int(speech.size())),
                     qPrintable(QStringLiteral("%1 got %2 of %3 packets")
                                    .arg(listener->user)
                                    .arg(listener->packets.size())
                                    .arg(speech.size())));
            QCOMPARE(listener->packets.size(), qsizetype(speech.size()));
            QVERIFY(listener->packets.first().marker);
            for (qsizetype i = 0; i < listener->packets.size(); ++i) {
                const ReceivedRtp &p = listener->packets.at(i);
                QCOMPARE(p.ssrc, a->client.login().media.ssrc);
                QCOMPARE(p.payloadType, quint8(111));
                if (i > 0)
                    QCOMPARE(quint16(p.sequence - listener->packets.at(i - 1).sequence),
                             quint16(1));
                QCOMPARE(p.payload, speech.at(std::size_t(i)));
            }
        }
        // What B decodes is what A's encoder produced: decode both and compare the PCM.
        media::OpusVoiceDecoder sent, heard;
        std::vector<int16_t> x(960), y(960);
        for (std::size_t i = 0; i < speech.size(); ++i) {
            QCOMPARE(sent.decode(speech[i], x), 960);
            QCOMPARE(heard.decode(b->packets.at(qsizetype(i)).payload, y), 960);
            QVERIFY(x == y);
        }
        QCOMPARE(a->packets.size(), 0); // the talker does not hear itself
        QVERIFY(a->call(proto::FloorRelease {kSession}));
        QVERIFY(b->waitEvent<proto::FloorIdle>());
        QVERIFY(c->waitEvent<proto::FloorIdle>());
    }

    void queuedRequestIsGrantedOnRelease()
    {
        startAll();
        grantA();
        const auto queued = b->call(floorRequest());
        QVERIFY(queued);
        QCOMPARE(queued->outcome, proto::FloorOutcome::Queued);
        QCOMPARE(queued->position, 1);
        const auto position = b->call(proto::QueuePositionRequest {kSession});
        QVERIFY(position);
        QCOMPARE(position->position, 1);
        QVERIFY(a->call(proto::FloorRelease {kSession}));
        const auto granted = b->waitEvent<proto::FloorGranted>();
        QVERIFY(granted);
        QCOMPARE(granted->duration, 30);
        const auto taken = c->waitEvent<proto::FloorTaken>(
            [](const proto::FloorTaken &t) { return t.talker == QLatin1String("unit-0005"); });
        QVERIFY(taken);
        QVERIFY(a->waitEvent<proto::FloorTaken>(
            [](const proto::FloorTaken &t) { return t.talker == QLatin1String("unit-0005"); }));
        // B's media now flows to A and C.
        b->sendSpurt(speechPackets(2));
        QVERIFY(a->waitPackets(int(speechPackets(2).size())));
    }

    void emergencyPreemptsTheTalker()
    {
        startAll();
        grantA();
        const auto pending = c->call(floorRequest(proto::FloorType::Emergency));
        QVERIFY(pending);
        QCOMPARE(pending->outcome, proto::FloorOutcome::Queued);
        QCOMPARE(pending->position, 1);
        const auto revoke = a->waitEvent<proto::FloorRevoke>();
        QVERIFY(revoke);
        QCOMPARE(revoke->cause, int(proto::RevokeCause::PreEmpted));
        QVERIFY(!revoke->reason.isEmpty());
        QVERIFY(a->call(proto::FloorRelease {kSession})); // a well-behaved client obeys at once
        QVERIFY(c->waitEvent<proto::FloorGranted>());
        const auto taken = b->waitEvent<proto::FloorTaken>(
            [](const proto::FloorTaken &t) { return t.talker == QLatin1String("unit-0009"); });
        QVERIFY(taken);
        QCOMPARE(taken->type, proto::FloorType::Emergency);
        QCOMPARE(m_server->hub()->sessionInfo(kSession).floor.talker, QStringLiteral("unit-0009"));
    }

    void revokedHolderThatKeepsTalkingIsCutOff()
    {
        server::Hub::Config config;
        config.floor.revokeGraceMs = 300;
        startAll(config);
        grantA();
        QVERIFY(c->call(floorRequest(proto::FloorType::Emergency)));
        QVERIFY(a->waitEvent<proto::FloorRevoke>());
        // A ignores the revoke; after the grace period the floor goes to C anyway.
        QVERIFY(c->waitEvent<proto::FloorGranted>(2000));
        const quint64 before = m_server->relayCounters().droppedNotHolder;
        a->sendSpurt(speechPackets(3), 0);
        QVERIFY(QTest::qWaitFor(
            [&] { return m_server->relayCounters().droppedNotHolder >= before + 50; }, 3000));
        QCOMPARE(b->packets.size(), 0);
    }

    void nonHolderMediaIsDroppedAndCounted()
    {
        startAll();
        grantA();
        const std::vector<QByteArray> speech = speechPackets(4);
        // B is not the holder; a client that talks anyway needs a key of its own to send.
        b->rtp.setTalkKey(QString::fromLatin1(srtp::randomKey().toHex()));
        b->sendSpurt(speech, 0);
        QVERIFY(QTest::qWaitFor(
            [&] { return m_server->relayCounters().droppedNotHolder >= speech.size(); }, 3000));
        a->sendSpurt({speech.front()});
        QVERIFY(c->waitPackets(1));
        QTest::qWait(100);
        QCOMPARE(c->packets.size(), 1); // only A's packet
        QCOMPARE(c->packets.first().ssrc, a->client.login().media.ssrc);
        QCOMPARE(a->packets.size(), 0);
    }

    void lateJoinerGetsTakenThenMedia()
    {
        startAll();
        grantA();
        const std::vector<QByteArray> speech = speechPackets(1);
        TestClient late(QStringLiteral("unit-0013"), *m_server);
        QVERIFY(late.login());
        // A talks in real time; D affiliates half way through the spurt.
        bool joined = false;
        for (std::size_t i = 0; i < speech.size(); ++i) {
            a->rtp.sendPayload(speech[i], i == 0, quint32(i * 960));
            QTest::qWait(5);
            if (i == speech.size() / 2) {
                const auto sessions = late.call(proto::Affiliate {{kGroup}});
                QVERIFY(sessions);
                QCOMPARE(sessions->sessions.first().floor.state, proto::FloorState::Taken);
                QCOMPARE(sessions->sessions.first().floor.talker, QStringLiteral("unit-0001"));
                joined = true;
            }
        }
        QVERIFY(joined);
        const auto taken = late.waitEvent<proto::FloorTaken>();
        QVERIFY(taken);
        QCOMPARE(taken->ssrc, a->client.login().media.ssrc);
        QVERIFY(QTest::qWaitFor(
            [&] { return !late.packets.isEmpty() && late.packets.last().payload == speech.back(); },
            3000));
        // Media from the next packet on: the late joiner has the tail, in order, without gaps.
        QVERIFY(late.packets.size() < qsizetype(speech.size()));
        QVERIFY(late.packets.size() >= qsizetype(speech.size() / 2) - 20);
        for (qsizetype i = 1; i < late.packets.size(); ++i)
            QCOMPARE(quint16(late.packets.at(i).sequence - late.packets.at(i - 1).sequence),
                     quint16(1));
    }

    void t1EndOfMediaIdlesTheFloor()
    {
        server::Hub::Config config;
        config.floor.t1Ms = 400;
        startAll(config);
        grantA();
        a->sendSpurt(speechPackets(5), 5); // ~0.9 s of media keeps T1 from firing
        QCOMPARE(m_server->hub()->sessionInfo(kSession).floor.state, proto::FloorState::Taken);
        QVERIFY(b->waitEvent<proto::FloorIdle>(3000));
        QVERIFY(a->waitEvent<proto::FloorIdle>(1000));
    }

    void t2MaximumTalkTimeRevokes()
    {
        server::Hub::Config config;
        config.floor.t2Ms = 800;
        config.floor.revokeGraceMs = 200;
        startAll(config);
        const auto granted = a->call(floorRequest());
        QVERIFY(granted);
        QCOMPARE(granted->duration, 1);
        QElapsedTimer talking;
        talking.start();
        std::optional<proto::FloorRevoke> revoke;
        const std::vector<QByteArray> speech = speechPackets(1);
        for (std::size_t i = 0; i < speech.size() && !revoke; ++i) {
            a->rtp.sendPayload(speech[i], i == 0, quint32(i * 960));
            revoke = a->waitEvent<proto::FloorRevoke>(20);
        }
        QVERIFY(revoke);
        QCOMPARE(revoke->cause, int(proto::RevokeCause::MediaBurstTooLong));
        QVERIFY(talking.elapsed() >= 700);
        QVERIFY(b->waitEvent<proto::FloorIdle>(2000));
    }

    void holderDisconnectReleasesTheFloor()
    {
        startAll();
        grantA();
        QVERIFY(b->call(floorRequest()));
        a->client.setAutoReconnect(false);
        a->client.simulateConnectionLoss();
        QVERIFY(b->waitEvent<proto::FloorGranted>());
        QVERIFY(c->waitEvent<proto::FloorTaken>(
            [](const proto::FloorTaken &t) { return t.talker == QLatin1String("unit-0005"); }));
    }

    void responseComesBeforeTheEventsItCauses()
    {
        startAll();
        grantA();
        // A late joiner's affiliate response must arrive before the Floor Taken it triggers.
        RawPeer peer(m_server->url());
        QVERIFY(peer.connected());
        peer.hello();
        QVERIFY(
            peer.exchange(R"({"type":"login","id":2,"user":"unit-0013","password":"unit-0013"})")
                .contains(QStringLiteral("result")));
        peer.socket.sendTextMessage(
            QStringLiteral(R"({"type":"group.affiliate","id":3,"groups":["tg-001"]})"));
        QVERIFY(QTest::qWaitFor([&] { return peer.received.size() >= 4; }, 3000));
        const QJsonObject response = QJsonDocument::fromJson(peer.received.at(2).toUtf8()).object();
        const QJsonObject event = QJsonDocument::fromJson(peer.received.at(3).toUtf8()).object();
        QCOMPARE(response.value(QStringLiteral("id")).toInt(), 3);
        QCOMPARE(event.value(QStringLiteral("event")).toString(), QStringLiteral("floor.taken"));
        QCOMPARE(event.value(QStringLiteral("seq")).toInt(), 1);
    }

    void floorRequestOutsideTheSessionIsAnError()
    {
        startAll();
        TestClient outsider(QStringLiteral("unit-0002"), *m_server);
        QVERIFY(outsider.login());
        proto::Error error;
        QVERIFY(!outsider.call(floorRequest(), &error));
        QCOMPARE(error.code, proto::ErrorCode::NotInSession);
        QVERIFY(!outsider.call(proto::FloorRequest {QStringLiteral("group:nope"), 0, {}}, &error));
        QCOMPARE(error.code, proto::ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestServerFloor)
#include "tst_serverfloor.moc"
