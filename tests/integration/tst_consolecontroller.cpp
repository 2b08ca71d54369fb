// SPDX-License-Identifier: Apache-2.0
// The console's controller and group tree against the real server on loopback: what a
// dispatcher sees after login, when pressing push-to-talk, when queued, when a unit talks,
// and when a unit raises an emergency.
#include "core/console/consolecontroller.h"
#include "support/testclient.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace floorline;
using namespace floorline::console;

namespace {
/// A dispatcher console logged in to `server`, its tree under the model tester from the start.
struct Console
{
    explicit Console(server::Server &server, const QString &user = QStringLiteral("dispatch-1"))
        : controller(client, nullptr)
        , tester(controller.groups(), QAbstractItemModelTester::FailureReportingMode::QtTest)
        , logTester(controller.activity(), QAbstractItemModelTester::FailureReportingMode::QtTest)
        , emergencyTester(controller.emergencies(),
                          QAbstractItemModelTester::FailureReportingMode::QtTest)
    {
        controller.connection()->trust()->pin(server.url(), server.fingerprint(), false);
        controller.connectToServer(server.url(), user, user);
    }
    QVariant emergency(int row, EmergencyList::Role role)
    {
        return controller.emergencies()->data(controller.emergencies()->index(row), role);
    }
    /// The row of `alias`'s emergency, -1 when none.
    int emergencyOf(const QString &alias)
    {
        for (int row = 0; row < controller.emergencies()->count(); ++row) {
            if (emergency(row, EmergencyList::AliasRole).toString() == alias)
                return row;
        }
        return -1;
    }
    bool ready()
    {
        return QTest::qWaitFor(
            [&] {
                return controller.link() == Link::Online && controller.groups()->rowCount() > 0
                    && !controller.groups()->selectedGroups().isEmpty();
            },
            5000);
    }
    QVariant role(const QString &group, GroupTreeModel::Role role)
    {
        return controller.groups()->data(controller.groups()->indexOf(group), role);
    }
    SignalingClient client;
    ConsoleController controller;
    QAbstractItemModelTester tester;
    QAbstractItemModelTester logTester;
    QAbstractItemModelTester emergencyTester;
};
} // namespace

class TestConsoleController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void loginShowsTheTreeAndMonitorsTalkGroups()
    {
        auto server = test::startServer(30, 6);
        Console console(*server);
        QVERIFY(console.ready());
        GroupTreeModel *groups = console.controller.groups();
        // all > region > talk group: three levels, talk groups monitored, the first selected.
        QCOMPARE(groups->rowCount(), 1);
        const QModelIndex region = groups->index(0, 0, groups->index(0, 0));
        QVERIFY(groups->rowCount(region) > 0);
        QCOMPARE(console.role(QStringLiteral("tg-001"), GroupTreeModel::MonitoredRole), true);
        QCOMPARE(console.role(QStringLiteral("tg-001"), GroupTreeModel::SelectedRole), true);
        QCOMPARE(console.role(QStringLiteral("all"), GroupTreeModel::MonitoredRole), false);
        QVERIFY(console.role(QStringLiteral("tg-001"), GroupTreeModel::MembersRole).toInt() > 0);
        QCOMPARE(console.controller.connection()->user(), QStringLiteral("Dispatch 1"));
    }

    void savedListeningIsRestoredInsteadOfTheDefaults()
    {
        auto server = test::startServer(30, 6);
        QVariantMap saved;
        QVariantMap seenDefaults;
        {
            Console first(*server);
            QVERIFY(first.ready());
            QSignalSpy changes(&first.controller, &ConsoleController::listeningChanged);
            first.controller.groups()->setMonitored(QStringLiteral("tg-001"), false);
            first.controller.groups()->setSelected(QStringLiteral("tg-003"), true);
            first.controller.groups()->setVolume(QStringLiteral("tg-003"), 0.3);
            QTRY_VERIFY(!changes.isEmpty()); // one save per burst of changes
            saved = changes.last().at(0).toMap();
        }
        Console second(*server);
        second.controller.setSavedListening(saved);
        QVERIFY(second.ready());
        QCOMPARE(second.role(QStringLiteral("tg-001"), GroupTreeModel::MonitoredRole), false);
        QCOMPARE(second.role(QStringLiteral("tg-003"), GroupTreeModel::SelectedRole), true);
        QCOMPARE(second.role(QStringLiteral("tg-003"), GroupTreeModel::VolumeRole), 0.3);
        QCOMPARE(second.role(QStringLiteral("tg-002"), GroupTreeModel::MonitoredRole), true);
    }

    void pushToTalkIsGrantedAndReleased()
    {
        auto server = test::startServer(30, 6);
        Console console(*server);
        QVERIFY(console.ready());
        test::TestClient unit(QStringLiteral("unit-0001"), *server);
        QVERIFY(unit.login());
        QVERIFY(unit.call(proto::Affiliate {{QStringLiteral("tg-001")}}));

        console.controller.talk()->press();
        QTRY_COMPARE(console.controller.talk()->state(), TalkState::Granted);
        const auto taken = unit.waitEvent<proto::FloorTaken>();
        QVERIFY(taken);
        QCOMPARE(taken->alias, QStringLiteral("Dispatch 1"));
        console.controller.talk()->release();
        QCOMPARE(console.controller.talk()->state(), TalkState::Idle);
        QVERIFY(unit.waitEvent<proto::FloorIdle>());
    }

    /// Console priority: a dispatcher's press takes the floor from a talking radio, even one
    /// at a unit's highest priority, and no radio cuts the dispatcher off.
    void theConsoleTakesTheFloorFromARadio()
    {
        auto server = test::startServer(30, 6);
        Console console(*server);
        QVERIFY(console.ready());
        test::TestClient unit(QStringLiteral("unit-0001"), *server);
        QVERIFY(unit.login());
        QVERIFY(unit.call(proto::Affiliate {{QStringLiteral("tg-001")}}));
        QCOMPARE(unit.call(proto::FloorRequest {QStringLiteral("group:tg-001"), 7, {}})->outcome,
                 proto::FloorOutcome::Granted);
        QTRY_COMPARE(console.role(QStringLiteral("tg-001"), GroupTreeModel::TalkerRole).toString(),
                     QStringLiteral("Engine 1"));
        console.controller.talk()->press();
        const auto revoke = unit.waitEvent<proto::FloorRevoke>();
        QVERIFY(revoke);
        QCOMPARE(revoke->cause, int(proto::RevokeCause::PreEmpted));
        QVERIFY(unit.call(proto::FloorRelease {QStringLiteral("group:tg-001")}));
        QTRY_COMPARE(console.controller.talk()->state(), TalkState::Granted);
        // The radio asks again while the dispatcher talks: it waits.
        QCOMPARE(unit.call(proto::FloorRequest {QStringLiteral("group:tg-001"), 7, {}})->outcome,
                 proto::FloorOutcome::Queued);
        QTest::qWait(200);
        QCOMPARE(console.controller.talk()->state(), TalkState::Granted);
        QVERIFY(!console.controller.talk()->revoked());
        console.controller.talk()->release();
        QTRY_COMPARE(console.controller.talk()->state(), TalkState::Idle);
    }

    /// The server ends a talk that sends no voice (T1): the console must not stay ON AIR.
    void aTalkTheServerEndedIsNotShownOnTheAir()
    {
        server::Hub::Config config;
        config.floor.t1Ms = 600; // this console has no voice engine: it sends no RTP
        auto server = test::startServer(30, 6, config);
        Console console(*server);
        QVERIFY(console.ready());
        console.controller.talk()->press();
        QTRY_COMPARE(console.controller.talk()->state(), TalkState::Granted);
        QTRY_COMPARE_WITH_TIMEOUT(console.controller.talk()->state(), TalkState::Denied, 3000);
        QVERIFY(console.controller.talk()->revoked());
        QCOMPARE(console.controller.talk()->notice(),
                 QStringLiteral("The talk was ended: no voice reached the server"));
        console.controller.talk()->release();
        QCOMPARE(console.controller.talk()->state(), TalkState::Idle);
    }

    /// A spurt that ended while the console was logged out ends, in the activity log, when the
    /// console lost sight of it: the time away is not talk time.
    void aSpurtThatEndedWhileAwayKeepsItsDuration()
    {
        auto server = test::startServer(30, 6);
        Console console(*server);
        QVERIFY(console.ready());
        test::TestClient unit(QStringLiteral("unit-0001"), *server);
        QVERIFY(unit.login());
        QVERIFY(unit.call(proto::Affiliate {{QStringLiteral("tg-001")}}));
        QVERIFY(unit.call(proto::FloorRequest {QStringLiteral("group:tg-001"), 0, {}}));
        ActivityLogModel *log = console.controller.activity();
        QTRY_COMPARE(log->rowCount(), 1);
        QTest::qWait(300);
        console.controller.logout();
        QTRY_COMPARE(console.controller.link(), Link::Offline);
        QVERIFY(unit.call(proto::FloorRelease {QStringLiteral("group:tg-001")}));
        QTest::qWait(1500); // away
        console.controller.connection()->trust()->pin(server->url(), server->fingerprint(), false);
        console.controller.connectToServer(server->url(), QStringLiteral("dispatch-1"),
                                           QStringLiteral("dispatch-1"));
        QVERIFY(console.ready());
        QTRY_COMPARE(log->data(log->index(0), ActivityLogModel::LiveRole), false);
        QCOMPARE(log->rowCount(), 1);
        const qint64 duration
            = log->data(log->index(0), ActivityLogModel::DurationRole).toLongLong();
        QVERIFY2(duration > 0 && duration < 1200, qPrintable(QString::number(duration)));
    }

    void queuedRequestShowsItsPositionThenTalks()
    {
        auto server = test::startServer(30, 6);
        Console console(*server);
        QVERIFY(console.ready());
        // A colleague at another console talks: consoles are equal (priority 8), ours waits.
        test::TestClient unit(QStringLiteral("dispatch-2"), *server);
        QVERIFY(unit.login());
        QVERIFY(unit.call(proto::Affiliate {{QStringLiteral("tg-001")}}));
        QVERIFY(unit.call(proto::FloorRequest {QStringLiteral("group:tg-001"), 8, {}}));
        // The colleague's talk shows on the tile.
        QTRY_COMPARE(console.role(QStringLiteral("tg-001"), GroupTreeModel::TalkerRole).toString(),
                     QStringLiteral("Dispatch 2"));

        console.controller.talk()->press();
        QTRY_COMPARE(console.controller.talk()->state(), TalkState::Queued);
        QCOMPARE(console.controller.talk()->queuePosition(), 1);
        QCOMPARE(console.role(QStringLiteral("tg-001"), GroupTreeModel::QueuePositionRole), 1);

        QVERIFY(unit.call(proto::FloorRelease {QStringLiteral("group:tg-001")}));
        QTRY_COMPARE(console.controller.talk()->state(), TalkState::Granted);
        // The activity log: the unit's spurt has ended with a duration, ours is live on top.
        ActivityLogModel *log = console.controller.activity();
        QTRY_COMPARE(log->rowCount(), 2); // new spurts are shown in batches
        QCOMPARE(log->data(log->index(0), ActivityLogModel::TalkerRole).toString(),
                 QStringLiteral("Dispatch 1"));
        QCOMPARE(log->data(log->index(0), ActivityLogModel::LiveRole), true);
        QCOMPARE(log->data(log->index(1), ActivityLogModel::TalkerRole).toString(),
                 QStringLiteral("Dispatch 2"));
        QCOMPARE(log->data(log->index(1), ActivityLogModel::GroupRole).toString(),
                 QStringLiteral("North Ops 1"));
        QCOMPARE(log->data(log->index(1), ActivityLogModel::LiveRole), false);
        QVERIFY(log->data(log->index(1), ActivityLogModel::DurationRole).toLongLong() > 0);
        QCOMPARE(console.role(QStringLiteral("tg-001"), GroupTreeModel::QueuePositionRole), 0);
        console.controller.talk()->release();
        QTRY_COMPARE(console.role(QStringLiteral("tg-001"), GroupTreeModel::TalkerRole).toString(),
                     QString());
        QCOMPARE(log->data(log->index(0), ActivityLogModel::LiveRole), false);
    }

    void pressWithoutASelectedGroupIsDeniedWithAReason()
    {
        auto server = test::startServer(30, 6);
        Console console(*server);
        QVERIFY(console.ready());
        for (const QString &g : console.controller.groups()->selectedGroups())
            console.controller.groups()->setSelected(g, false);
        console.controller.talk()->press();
        QCOMPARE(console.controller.talk()->state(), TalkState::Denied);
        QCOMPARE(console.controller.talk()->notice(), QStringLiteral("Select a group to talk to"));
    }

    void emergenciesAreALifecycleSharedByEveryConsole()
    {
        auto server = test::startServer(30, 6);
        Console one(*server);
        Console two(*server, QStringLiteral("dispatch-2"));
        QVERIFY(one.ready() && two.ready());
        // Two units in emergency at once, on two groups: both are listed, neither overwrites.
        test::TestClient medic(QStringLiteral("unit-0002"), *server);
        test::TestClient patrol(QStringLiteral("unit-0003"), *server);
        QVERIFY(medic.login() && patrol.login());
        const QString g2 = medic.client.login().unit.groups.first();
        const QString g3 = patrol.client.login().unit.groups.first();
        QVERIFY(g2 != g3);
        QVERIFY(medic.call(proto::Affiliate {{g2}}) && patrol.call(proto::Affiliate {{g3}}));
        QVERIFY(medic.call(
            proto::FloorRequest {proto::groupSessionId(g2), 15, proto::FloorType::Emergency}));
        QVERIFY(patrol.call(proto::EmergencyRaise {g3}));
        QTRY_COMPARE(one.controller.emergencies()->count(), 2);
        QTRY_COMPARE(two.controller.emergencies()->count(), 2);
        const QString medic2 = QStringLiteral("Medic 2"), patrol3 = QStringLiteral("Patrol 3");
        QVERIFY(one.emergencyOf(medic2) >= 0 && one.emergencyOf(patrol3) >= 0);
        // Newest first among those nobody has acknowledged.
        QCOMPARE(one.emergency(0, EmergencyList::RaisedAtRole).toDouble()
                     >= one.emergency(1, EmergencyList::RaisedAtRole).toDouble(),
                 true);
        QCOMPARE(one.controller.emergencies()->unacknowledged(), 2);
        QVERIFY(one.controller.emergencies()->alarmSounding()); // until someone takes it
        QTRY_COMPARE(one.role(g2, GroupTreeModel::AlarmRole), true);
        QTRY_COMPARE(one.role(g3, GroupTreeModel::AlarmRole), true);

        // Dispatch 1 acknowledges Medic 2's: the unit and the other console learn who did.
        const QString id = one.emergency(one.emergencyOf(medic2), EmergencyList::IdRole).toString();
        one.controller.emergencies()->acknowledge(id);
        const auto seen = medic.waitEvent<proto::EmergencyUpdated>();
        QVERIFY(seen);
        QCOMPARE(seen->emergency.state, proto::EmergencyState::Acknowledged);
        QCOMPARE(seen->emergency.acks.value(0).alias, QStringLiteral("Dispatch 1"));
        QTRY_COMPARE(
            two.emergency(two.emergencyOf(medic2), EmergencyList::AcknowledgedByRole).toString(),
            QStringLiteral("Dispatch 1"));
        QCOMPARE(two.emergency(two.emergencyOf(medic2), EmergencyList::AckedByMeRole).toBool(),
                 false);
        QCOMPARE(one.emergency(one.emergencyOf(medic2), EmergencyList::AckedByMeRole).toBool(),
                 true);
        QTRY_COMPARE(one.controller.emergencies()->unacknowledged(), 1);
        QVERIFY(one.controller.emergencies()->alarmSounding()); // Patrol 3 still waits

        // The unit stops talking: acknowledged is not over; the group stays marked.
        QVERIFY(medic.call(proto::FloorRelease {proto::groupSessionId(g2)}));
        QTRY_COMPARE(one.role(g2, GroupTreeModel::TalkerRole).toString(), QString());
        QCOMPARE(one.role(g2, GroupTreeModel::AlarmRole), true);

        // The unit cancels its own; Dispatch 2 clears Patrol 3's: gone everywhere.
        QVERIFY(medic.call(proto::EmergencyCancel {id}));
        QTRY_COMPARE(one.controller.emergencies()->count(), 1);
        QTRY_COMPARE(two.controller.emergencies()->count(), 1);
        QTRY_COMPARE(one.role(g2, GroupTreeModel::AlarmRole), false);
        two.controller.emergencies()->acknowledge(
            two.emergency(0, EmergencyList::IdRole).toString());
        QTRY_VERIFY(!one.controller.emergencies()->alarmSounding());
        two.controller.emergencies()->cancel(two.emergency(0, EmergencyList::IdRole).toString());
        QVERIFY(patrol.waitEvent<proto::EmergencyCleared>());
        QTRY_COMPARE(one.controller.emergencies()->count(), 0);
        QTRY_COMPARE(two.controller.emergencies()->count(), 0);
        QCOMPARE(one.role(g3, GroupTreeModel::AlarmRole), false);

        // A console that logs in later sees what is open now.
        QVERIFY(patrol.call(proto::EmergencyRaise {g3}));
        Console late(*server, QStringLiteral("supervisor"));
        QVERIFY(late.ready());
        QTRY_COMPARE(late.controller.emergencies()->count(), 1);
        QCOMPARE(late.emergency(0, EmergencyList::AliasRole).toString(),
                 QStringLiteral("Patrol 3"));
    }

    void unmonitoringAGroupLeavesIt()
    {
        auto server = test::startServer(30, 6);
        Console console(*server);
        QVERIFY(console.ready());
        test::TestClient unit(QStringLiteral("unit-0001"), *server);
        QVERIFY(unit.login());
        QVERIFY(unit.call(proto::Affiliate {{QStringLiteral("tg-001")}}));
        console.controller.groups()->setMonitored(QStringLiteral("tg-001"), false);
        QTest::qWait(200);
        QVERIFY(unit.call(proto::FloorRequest {QStringLiteral("group:tg-001"), 0, {}}));
        QTest::qWait(300);
        QCOMPARE(console.role(QStringLiteral("tg-001"), GroupTreeModel::TalkerRole).toString(),
                 QString());
    }
};

QTEST_GUILESS_MAIN(TestConsoleController)
#include "tst_consolecontroller.moc"
