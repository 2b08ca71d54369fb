// SPDX-License-Identifier: Apache-2.0
// The fleet simulator against the real server: units log in, talk real speech on a schedule,
// obey queueing and pre-emption, and hear each other.
#include "support/testclient.h"
#include "tools/sim/simfleet.h"

#include "core/protocol/clock.h"

#include <QJsonDocument>
#include <QTest>
#include <QTimer>

#include <cmath>

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

    void mediaClockRunsBetweenSpurts()
    {
        // docs/protocol.md §6.3: a listener sees one stream whose clock ran while the unit was
        // off the air, not a fresh random timestamp per spurt.
        auto server = test::startServer(2, 3); // one talk group, tg-001
        QVERIFY(server);
        const proto::Fleet fleet = proto::makeDemoFleet(2, 3);
        sim::SimUnit unit(fleet.accounts.at(0), server->url());
        test::TestClient dispatcher(QStringLiteral("dispatch-1"), server->url());
        QVERIFY(dispatcher.login());
        QVERIFY(dispatcher.call(proto::Affiliate {{QStringLiteral("tg-001")}}));
        unit.start();
        QVERIFY(QTest::qWaitFor([&] { return unit.isOnline(); }, 5000));
        QTest::qWait(300); // the relay latches the unit's keep-alive

        media::SpurtRecording clip;
        clip.packets = test::speechPackets(1);
        clip.packets.resize(25); // half a second
        QTimer pacing; // as SimFleet paces its units
        pacing.setTimerType(Qt::PreciseTimer);
        QObject::connect(&pacing, &QTimer::timeout, &unit, [&] { unit.pace(monotonicMs()); });
        pacing.start(10);
        const QString session = proto::groupSessionId(QStringLiteral("tg-001"));
        unit.talk(session, &clip, proto::FloorType::Normal, 0);
        QVERIFY(dispatcher.waitPackets(25, 5000));
        QVERIFY(QTest::qWaitFor([&] { return unit.isIdle(); }, 5000));
        const int offAirMs = 1500;
        QTest::qWait(offAirMs);
        unit.talk(session, &clip, proto::FloorType::Normal, 0);
        QVERIFY(dispatcher.waitPackets(50, 5000));
        QCOMPARE(dispatcher.packets.size(), 50);

        const ReceivedRtp &last = dispatcher.packets.at(24);
        const ReceivedRtp &first = dispatcher.packets.at(25);
        QVERIFY(dispatcher.packets.at(0).marker);
        QVERIFY(!last.marker);
        QVERIFY(first.marker);
        QCOMPARE(first.ssrc, last.ssrc);
        QCOMPARE(quint16(first.sequence - last.sequence), quint16(1));
        // The timestamps tell the time between the two packets at 48 kHz; the arrival times
        // tell it too, give or take the 10 ms pacing and a busy machine.
        const double tickMs = double(qint32(first.timestamp - last.timestamp)) / 48.0;
        const double arrivalMs = double(first.arrivalUs - last.arrivalUs) / 1000.0;
        qInfo().noquote() << "between the spurts:" << tickMs << "ms by the timestamps," << arrivalMs
                          << "ms by arrival";
        QVERIFY2(arrivalMs >= offAirMs, qPrintable(QString::number(arrivalMs)));
        QVERIFY2(
            std::abs(tickMs - arrivalMs) < 250,
            qPrintable(
                QStringLiteral("timestamps say %1 ms, arrivals %2 ms").arg(tickMs).arg(arrivalMs)));
        unit.stop();
    }
};

QTEST_GUILESS_MAIN(TestSimFleet)
#include "tst_simfleet.moc"
