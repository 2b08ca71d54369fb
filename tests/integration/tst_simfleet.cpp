// SPDX-License-Identifier: Apache-2.0
// The fleet simulator against the real server: units log in, talk real speech on a schedule,
// obey queueing and pre-emption, and hear each other; a unit's emergency escalates until a
// dispatcher acknowledges it, and then the unit ends it itself.
#include "support/testclient.h"
#include "tools/sim/simfleet.h"

#include "core/protocol/clock.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>
#include <QTimer>

#include <cmath>

using namespace floorline;

namespace {
/// One simulated unit of tg-001 beside a dispatcher listening to tg-001, paced as SimFleet does.
struct EmergencyScene
{
    explicit EmergencyScene(sim::EmergencyTimes times)
        : server(test::startServer(2, 3))
        , fleet(proto::makeDemoFleet(2, 3))
        , unit(fleet.accounts.at(0), server->url(), server->fingerprint())
        , dispatcher(QStringLiteral("dispatch-1"), *server)
    {
        unit.setEmergencyTimes(times);
        clip.packets = test::speechPackets(1);
        clip.packets.resize(15);
        pacing.setTimerType(Qt::PreciseTimer);
        QObject::connect(&pacing, &QTimer::timeout, &unit, [this] { unit.pace(monotonicMs()); });
        pacing.start(10);
    }
    bool start()
    {
        if (!dispatcher.login() || !dispatcher.call(proto::Affiliate {{QStringLiteral("tg-001")}}))
            return false;
        unit.start();
        return QTest::qWaitFor([&] { return unit.isOnline(); }, 5000);
    }
    /// The unit talks (asking for `type`); returns the type the dispatcher saw it talk with.
    std::optional<proto::FloorType> talk(proto::FloorType type)
    {
        if (!QTest::qWaitFor([&] { return unit.isIdle(); }, 5000))
            return std::nullopt;
        dispatcher.events.clear();
        unit.talk(proto::groupSessionId(QStringLiteral("tg-001")), &clip, type, 0);
        const auto taken = dispatcher.waitEvent<proto::FloorTaken>();
        if (!taken)
            return std::nullopt;
        return taken->type;
    }

    std::unique_ptr<server::Server> server;
    proto::Fleet fleet;
    sim::SimUnit unit;
    test::TestClient dispatcher;
    media::SpurtRecording clip;
    QTimer pacing;
};
} // namespace

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
        options.fingerprint = server->fingerprint();
        options.talkIntervalSeconds = 0.7; // busy groups: queueing and pre-emption happen
        options.emergencyShare = 0.25;
        options.seed = 11;
        sim::SimFleet fleet(proto::makeDemoFleet(24, 6), options);
        QCOMPARE(fleet.unitCount(), 24); // dispatchers and the supervisor are not simulated
        fleet.start();
        QVERIFY(QTest::qWaitFor([&] { return fleet.onlineCount() == 24; }, 10000));

        // A dispatcher monitoring one group hears the simulated units speak in it.
        test::TestClient dispatcher(QStringLiteral("dispatch-1"), *server);
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
        sim::SimUnit unit(fleet.accounts.at(0), server->url(), server->fingerprint());
        test::TestClient dispatcher(QStringLiteral("dispatch-1"), *server);
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

    void unitEndsItsEmergencyAfterAnAck()
    {
        EmergencyScene scene({}); // the real times: 8-20 s after the ack
        QVERIFY(scene.server);
        QVERIFY(scene.start());
        QCOMPARE(scene.talk(proto::FloorType::Emergency), proto::FloorType::Emergency);
        const auto raised = scene.dispatcher.waitEvent<proto::EmergencyRaised>();
        QVERIFY(raised);
        QCOMPARE(raised->emergency.unit, scene.unit.account().unit.id);
        QVERIFY(QTest::qWaitFor([&] { return scene.unit.emergency().id == raised->emergency.id; },
                                5000));
        // Nobody has answered: the radio keeps calling as an emergency.
        QCOMPARE(scene.talk(proto::FloorType::Normal), proto::FloorType::Emergency);

        QElapsedTimer sinceAck;
        QVERIFY(scene.dispatcher.call(proto::EmergencyAcknowledge {raised->emergency.id}));
        sinceAck.start();
        QVERIFY(QTest::qWaitFor([&] { return !scene.unit.emergency().acks.isEmpty(); }, 5000));
        // Answered: no more emergency calls, whatever the radio is asked for.
        QCOMPARE(scene.talk(proto::FloorType::Emergency), proto::FloorType::Normal);
        const auto cleared = scene.dispatcher.waitEvent<proto::EmergencyCleared>(22000);
        QVERIFY(cleared);
        const qint64 after = sinceAck.elapsed();
        QCOMPARE(cleared->emergency.id, raised->emergency.id);
        QCOMPARE(cleared->emergency.cancelledBy, scene.unit.account().unit.id);
        QVERIFY2(after >= 7900 && after <= 21000, qPrintable(QString::number(after)));
        QVERIFY(QTest::qWaitFor([&] { return scene.unit.emergency().id.isEmpty(); }, 2000));
        QCOMPARE(scene.unit.counters().emergencies, quint64(1));
        QCOMPARE(scene.unit.counters().emergenciesAcknowledged, quint64(1));
        QCOMPARE(scene.unit.counters().emergencyCancels, quint64(1));
        QCOMPARE(scene.server->hub()->stats().rejected(), quint64(0));
        scene.unit.stop();
    }

    void unitGivesUpOnAnUnansweredEmergencyAndObeysADispatcher()
    {
        EmergencyScene scene({100, 200, 1500}); // 90 s shortened to 1.5 s
        QVERIFY(scene.server);
        QVERIFY(scene.start());
        QCOMPARE(scene.talk(proto::FloorType::Emergency), proto::FloorType::Emergency);
        const auto first = scene.dispatcher.waitEvent<proto::EmergencyRaised>();
        QVERIFY(first);
        const auto ended = scene.dispatcher.waitEvent<proto::EmergencyCleared>(5000);
        QVERIFY(ended); // nobody acknowledged: the unit ended it itself
        QCOMPARE(ended->emergency.cancelledBy, scene.unit.account().unit.id);
        QVERIFY(ended->emergency.acks.isEmpty());

        // A new emergency, ended by the dispatcher: the unit is back to normal calls.
        QCOMPARE(scene.talk(proto::FloorType::Emergency), proto::FloorType::Emergency);
        const auto second = scene.dispatcher.waitEvent<proto::EmergencyRaised>();
        QVERIFY(second);
        QVERIFY(second->emergency.id != first->emergency.id);
        QVERIFY(QTest::qWaitFor([&] { return scene.unit.emergency().id == second->emergency.id; },
                                5000));
        QVERIFY(scene.dispatcher.call(proto::EmergencyCancel {second->emergency.id}));
        QVERIFY(QTest::qWaitFor([&] { return scene.unit.emergency().id.isEmpty(); }, 5000));
        QCOMPARE(scene.talk(proto::FloorType::Normal), proto::FloorType::Normal);
        QTest::qWait(300);
        QCOMPARE(scene.unit.counters().emergencyCancels, quint64(1)); // only the first
        QCOMPARE(scene.server->hub()->stats().toJson().value(QLatin1String("emergenciesRaised")),
                 2);
        scene.unit.stop();
    }
};

QTEST_GUILESS_MAIN(TestSimFleet)
#include "tst_simfleet.moc"
