// SPDX-License-Identifier: Apache-2.0
// The fleet simulator against the real server: units log in, talk real speech on a schedule,
// obey queueing and pre-emption, and hear each other.
#include "support/testclient.h"
#include "tools/sim/simfleet.h"

#include <QJsonDocument>
#include <QTest>

using namespace floorline;

class TestSimFleet : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fleetTalksAndListens()
    {
        auto server = test::startServer(24, 6);
        QVERIFY(server);
        sim::SimFleet::Options options;
        options.server = server->url();
        options.talkIntervalSeconds = 0.7; // busy groups: queueing and pre-emption happen
        options.emergencyShare = 0.25;
        options.seed = 11;
        sim::SimFleet fleet(proto::makeDemoFleet(24, 6), options);
        QCOMPARE(fleet.unitCount(), 24); // dispatchers and the supervisor are not simulated
        fleet.start();
        QVERIFY(QTest::qWaitFor([&] { return fleet.onlineCount() == 24; }, 10000));

        // A dispatcher monitoring one group hears the simulated units speak in it.
        test::TestClient dispatcher(QStringLiteral("dispatch-1"), server->url());
        QVERIFY(dispatcher.login());
        QVERIFY(dispatcher.call(proto::Affiliate {{QStringLiteral("tg-001")}}));
        QVERIFY(dispatcher.waitEvent<proto::FloorTaken>(15000));
        QVERIFY(dispatcher.waitPackets(100, 15000));

        QTest::qWait(6000);
        fleet.stop();
        const sim::UnitCounters t = fleet.totals();
        qInfo().noquote() << QJsonDocument(fleet.statsJson()).toJson(QJsonDocument::Compact);
        QVERIFY(t.spurts >= 10);
        QVERIFY(t.queued >= 1);
        QVERIFY(t.revoked >= 1); // emergencies pre-empted someone, who stopped
        QVERIFY(t.packetsSent >= 500);
        QVERIFY(t.packetsReceived >= t.packetsSent); // every group has several listeners
        QCOMPARE(t.packetsLost, quint64(0)); // loopback: nothing may go missing
        QCOMPARE(t.reconnects, quint64(0));
        // Units stopped at the revoke: the relay refused at most a handful of late packets.
        QVERIFY2(server->relayCounters().droppedNotHolder < 50,
                 qPrintable(QString::number(server->relayCounters().droppedNotHolder)));
        QCOMPARE(server->hub()->stats().rejected(), quint64(0));
    }
};

QTEST_GUILESS_MAIN(TestSimFleet)
#include "tst_simfleet.moc"
