// SPDX-License-Identifier: Apache-2.0
// Reconnect and resume: no missed events, no duplicates, and no talking by itself afterwards.
#include "support/testclient.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace floorline;
using namespace floorline::test;

namespace {
const QString kGroup = QStringLiteral("tg-001");
const QString kSession = QStringLiteral("group:tg-001");
} // namespace

class TestServerResume : public QObject
{
    Q_OBJECT
    std::unique_ptr<server::Server> m_server;
    std::unique_ptr<TestClient> m_talker, m_listener;

    /// A server and two logged-in units monitoring the same talk group.
    void startTalkerAndListener()
    {
        m_server = startServer();
        QVERIFY(m_server);
        m_talker = std::make_unique<TestClient>(QStringLiteral("unit-0001"), *m_server);
        m_listener = std::make_unique<TestClient>(QStringLiteral("unit-0005"), *m_server);
        for (TestClient *client : {m_talker.get(), m_listener.get()}) {
            QVERIFY(client->login());
            QVERIFY(client->call(proto::Affiliate {{kGroup}}));
        }
    }

private Q_SLOTS:
    void cleanup()
    {
        m_talker.reset();
        m_listener.reset();
        m_server.reset();
    }

    void droppedClientResumesWithoutMissingEvents()
    {
        startTalkerAndListener();
        if (QTest::currentTestFailed())
            return;
        TestClient &talker = *m_talker;
        TestClient &listener = *m_listener;
        server::Server *server = m_server.get();
        QSignalSpy logins(&listener.client, &SignalingClient::loggedIn);
        QSignalSpy lost(&listener.client, &SignalingClient::connectionLost);

        listener.client.simulateConnectionLoss();
        QVERIFY(lost.wait(2000) || lost.size() == 1);
        // While the listener is away, three talk spurts start and end.
        for (int i = 0; i < 3; ++i) {
            QVERIFY(talker.call(proto::FloorRequest {kSession, 0, proto::FloorType::Normal}));
            QVERIFY(talker.call(proto::FloorRelease {kSession}));
        }
        QVERIFY(QTest::qWaitFor([&] { return logins.size() == 1; }, 15000));
        QCOMPARE(logins.first().at(1).toBool(), true); // resumed
        QVERIFY(
            QTest::qWaitFor([&] { return listener.countEvents<proto::FloorIdle>() == 3; }, 3000));
        QCOMPARE(listener.countEvents<proto::FloorTaken>(), 3);
        // Sequence numbers are gap-free and each event arrived once.
        for (qsizetype i = 0; i < listener.eventSeqs.size(); ++i)
            QCOMPARE(listener.eventSeqs.at(i), quint64(i + 1));
        QCOMPARE(std::get<proto::FloorTaken>(listener.events.first()).talker,
                 QStringLiteral("unit-0001"));
        // After the resume the listener still hears the group: the relay re-latched its socket.
        QVERIFY(QTest::qWaitFor([&] { return listener.rtp.isLatched(); }, 2000));
        QVERIFY(talker.call(proto::FloorRequest {kSession, 0, proto::FloorType::Normal}));
        talker.sendSpurt(speechPackets(2));
        QVERIFY(listener.waitPackets(int(speechPackets(2).size())));
        QCOMPARE(server->hub()->stats().resumes, quint64(1));
    }

    void talkerThatDropsDoesNotTalkAgainByItself()
    {
        startTalkerAndListener();
        if (QTest::currentTestFailed())
            return;
        TestClient &talker = *m_talker;
        TestClient &listener = *m_listener;
        server::Server *server = m_server.get();
        QVERIFY(talker.call(proto::FloorRequest {kSession, 0, proto::FloorType::Normal}));
        QVERIFY(listener.waitEvent<proto::FloorTaken>());

        QSignalSpy logins(&talker.client, &SignalingClient::loggedIn);
        talker.client.simulateConnectionLoss();
        QVERIFY(listener.waitEvent<proto::FloorIdle>()); // released on disconnect
        QVERIFY(QTest::qWaitFor([&] { return logins.size() == 1; }, 15000));
        QTest::qWait(500);
        // Reconnected, resumed, and silent: the floor stays idle until the user presses again.
        QCOMPARE(server->hub()->sessionInfo(kSession).floor.state, proto::FloorState::Idle);
        QCOMPARE(listener.countEvents<proto::FloorTaken>(), 0);
        QVERIFY(talker.waitEvent<proto::FloorIdle>()); // the talker learns it lost the floor
        QCOMPARE(server->hub()->stats().floorGranted, quint64(1));
    }

    void expiredResumeFallsBackToFreshLogin()
    {
        server::Hub::Config config;
        config.resumeGraceMs = 100;
        auto server = startServer(30, 6, config);
        QVERIFY(server);
        TestClient client(QStringLiteral("unit-0001"), *server);
        QVERIFY(client.login());
        const quint32 oldSsrc = client.client.login().media.ssrc;
        QSignalSpy logins(&client.client, &SignalingClient::loggedIn);
        client.client.setAutoReconnect(false);
        client.client.simulateConnectionLoss();
        QTest::qWait(400); // the resume window closes
        QCOMPARE(server->hub()->liveLogins(), 0);
        client.client.setAutoReconnect(true);
        // Reconnect as the client's backoff would: resume is refused, so it logs in afresh.
        QMetaObject::invokeMethod(&client.client, [&] {
            client.client.connectToServer(client.url, client.user, client.user);
        });
        QVERIFY(QTest::qWaitFor([&] { return logins.size() == 1; }, 5000));
        QCOMPARE(logins.first().at(1).toBool(), false); // not resumed: refetch state
        QVERIFY(client.client.login().media.ssrc != oldSsrc);
    }

    /// A wrong address being retried, then the right one: the old retry must not fire later
    /// and drop the new login (it did, seconds after, in the middle of an upload).
    void correctingTheAddressStopsTheRetries()
    {
        auto server = startServer();
        QVERIFY(server);
        QTcpServer closed; // a port of our own that nobody answers on
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 deadPort = closed.serverPort();
        closed.close();
        SignalingClient client;
        QSignalSpy lost(&client, &SignalingClient::connectionLost);
        QSignalSpy logins(&client, &SignalingClient::loggedIn);
        QUrl wrong;
        wrong.setScheme(QStringLiteral("ws"));
        wrong.setHost(QStringLiteral("127.0.0.1"));
        wrong.setPort(deadPort);
        client.connectToServer(wrong, QStringLiteral("unit-0001"), QStringLiteral("unit-0001"));
        // A few refusals: the next retry is a second or two away.
        QTest::qWait(1200);
        QCOMPARE(client.state(), SignalingClient::State::Reconnecting);
        client.setPinnedCertificate(server->fingerprint());
        client.connectToServer(server->url(), QStringLiteral("unit-0001"),
                               QStringLiteral("unit-0001"));
        QVERIFY(QTest::qWaitFor([&] { return logins.size() == 1; }, 5000));
        QTest::qWait(3000); // longer than any retry the wrong address had scheduled
        QCOMPARE(lost.size(), 0);
        QCOMPARE(logins.size(), 1);
        QCOMPARE(client.state(), SignalingClient::State::Online);
    }

    void wrongResumeTokenIsRefused()
    {
        auto server = startServer();
        QVERIFY(server);
        TestClient client(QStringLiteral("unit-0001"), *server);
        QVERIFY(client.login());
        TestClient intruder(QStringLiteral("unit-0001"), *server);
        intruder.client.setPinnedCertificate(server->fingerprint());
        intruder.client.connectToServer(server->url(), QStringLiteral("unit-0001"),
                                        QStringLiteral("wrong"));
        QSignalSpy errors(&intruder.client, &SignalingClient::errorOccurred);
        QVERIFY(errors.wait(3000));
        QCOMPARE(errors.first().at(0).value<proto::Error>().code, proto::ErrorCode::AuthFailed);
        QVERIFY(QTest::qWaitFor(
            [&] { return intruder.client.state() == SignalingClient::State::Disconnected; }, 2000));
        QCOMPARE(server->hub()->stats().authFailures, quint64(1));
    }
};

QTEST_GUILESS_MAIN(TestServerResume)
#include "tst_serverresume.moc"
