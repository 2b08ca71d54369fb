// SPDX-License-Identifier: Apache-2.0
// Calls from the console against the real server on loopback: the unit list follows the fleet,
// drops become invitations (or notices when nobody can be reached), calls show their members
// and floor holder, and a call another dispatcher runs is visible with its name.
#include "core/console/consolecontroller.h"
#include "support/testclient.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace floorline;
using test::stat;
using namespace floorline::console;

namespace {
constexpr auto kTester = QAbstractItemModelTester::FailureReportingMode::QtTest;

struct Console
{
    explicit Console(server::Server &server)
        : controller(client, nullptr)
        , unitTester(controller.units(), kTester)
        , sessionTester(controller.sessions(), kTester)
    {
        controller.connection()->trust()->pin(server.url(), server.fingerprint(), false);
        controller.connectToServer(server.url(), QStringLiteral("dispatch-1"),
                                   QStringLiteral("dispatch-1"));
    }
    bool ready()
    {
        return QTest::qWaitFor(
            [&] { return controller.link() == Link::Online && controller.units()->rowCount() > 0; },
            5000);
    }
    QString status(const QString &unit) const
    {
        UnitFilterModel *units = controller.units();
        for (int row = 0; row < units->rowCount(); ++row) {
            if (units->unitAt(row) == unit)
                return units->index(row, 0).data(UnitListModel::StatusTextRole).toString();
        }
        return {};
    }
    QVariant call(int row, SessionListModel::Role role) const
    {
        return controller.sessions()->index(row).data(role);
    }
    SignalingClient client;
    mutable ConsoleController controller;
    QAbstractItemModelTester unitTester;
    QAbstractItemModelTester sessionTester;
};

} // namespace

class TestConsoleCalls : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void unitListFollowsLoginsAndCalls()
    {
        auto server = test::startServer(30, 6);
        Console console(*server);
        QVERIFY(console.ready());
        QCOMPARE(console.status(QStringLiteral("unit-0001")), QStringLiteral("Offline"));
        test::TestClient unit(QStringLiteral("unit-0001"), *server);
        QVERIFY(unit.login());
        QTRY_COMPARE(console.status(QStringLiteral("unit-0001")), QStringLiteral("Online"));

        // Another dispatcher's call: named, and the unit is busy in it.
        test::TestClient other(QStringLiteral("dispatch-2"), *server);
        QVERIFY(other.login());
        QVERIFY(other.call(proto::SessionCreate {proto::SessionKind::AdHoc,
                                                 QStringLiteral("Structure fire"),
                                                 {QStringLiteral("unit-0001")},
                                                 {}}));
        QTRY_COMPARE(console.status(QStringLiteral("unit-0001")),
                     QStringLiteral("Busy in Structure fire"));
        QTRY_COMPARE(console.controller.sessions()->count(), 1);
        QCOMPARE(console.call(0, SessionListModel::NameRole), QStringLiteral("Structure fire"));
        QCOMPARE(console.call(0, SessionListModel::JoinedRole), false);

        // Log out and in: the picture of the fleet is the same as before (the call and the
        // name of what the unit is busy in), and nothing is listed twice.
        console.controller.logout();
        QTRY_COMPARE(console.controller.link(), Link::Offline);
        console.controller.connection()->trust()->pin(server->url(), server->fingerprint(), false);
        console.controller.connectToServer(server->url(), QStringLiteral("dispatch-1"),
                                           QStringLiteral("dispatch-1"));
        QVERIFY(console.ready());
        QTRY_COMPARE(console.controller.sessions()->count(), 1);
        QCOMPARE(console.call(0, SessionListModel::NameRole), QStringLiteral("Structure fire"));
        QTRY_COMPARE(console.status(QStringLiteral("unit-0001")),
                     QStringLiteral("Busy in Structure fire"));

        // Dropping that unit on a new call: nothing is sent, the notice says why.
        const quint64 created = stat(*server, "sessionsCreated");
        console.controller.calls()->invite({QStringLiteral("unit-0001")}, {});
        QCOMPARE(console.controller.calls()->inviteNotice(),
                 QStringLiteral("Not invited: Engine 1 (busy in Structure fire)"));
        QTest::qWait(100);
        QCOMPARE(stat(*server, "sessionsCreated"), created);

        // The other dispatcher ends the call: the unit is free again, the call is gone.
        QVERIFY(other.call(
            proto::SessionLeave {console.call(0, SessionListModel::SessionIdRole).toString()}));
        QTRY_COMPARE(console.status(QStringLiteral("unit-0001")), QStringLiteral("Online"));
        QTRY_COMPARE(console.controller.sessions()->count(), 0);
    }

    void newCallInviteTalkAndEnd()
    {
        auto server = test::startServer(30, 6);
        Console console(*server);
        QVERIFY(console.ready());
        test::TestClient a(QStringLiteral("unit-0001"), *server);
        test::TestClient b(QStringLiteral("unit-0002"), *server);
        QVERIFY(a.login() && b.login());
        QTRY_COMPARE(console.status(QStringLiteral("unit-0002")), QStringLiteral("Online"));

        // New call with one unit, one offline unit reported.
        console.controller.calls()->invite(
            {QStringLiteral("unit-0001"), QStringLiteral("unit-0003")}, {});
        QTRY_COMPARE(console.controller.sessions()->count(), 1);
        QTRY_VERIFY(
            console.controller.calls()->inviteNotice().startsWith(QStringLiteral("Invited ")));
        QCOMPARE(console.controller.calls()->inviteNotice(),
                 QStringLiteral("Invited Engine 1 to Call 1. Not invited: Patrol 3 (offline)"));
        const QString id = console.call(0, SessionListModel::SessionIdRole).toString();
        QVERIFY(
            a.waitEvent<proto::SessionJoined>([&](const auto &e) { return e.session.id == id; }));
        QCOMPARE(console.call(0, SessionListModel::OwnedRole), true);

        // Add the second unit: one invitation, and the card lists all three.
        const quint64 invitations = stat(*server, "invitations");
        console.controller.calls()->invite(
            {QStringLiteral("unit-0002"), QStringLiteral("unit-0001")}, id);
        QTRY_COMPARE(console.call(0, SessionListModel::ParticipantCountRole), 3);
        QCOMPARE(stat(*server, "invitations"), invitations + 1);
        QCOMPARE(console.call(0, SessionListModel::ParticipantsRole),
                 QStringLiteral("you, Engine 1, Medic 2"));
        QTRY_VERIFY(console.controller.calls()->inviteNotice().contains(
            QStringLiteral("Engine 1 (already in this call)")));

        // A unit talks in the call: the card shows who holds the floor.
        const auto granted = b.call(proto::FloorRequest {id, 0, proto::FloorType::Normal});
        QVERIFY(granted && granted->outcome == proto::FloorOutcome::Granted);
        QTRY_COMPARE(console.call(0, SessionListModel::TalkerRole), QStringLiteral("Medic 2"));
        QVERIFY(b.call(proto::FloorRelease {id}));
        QTRY_COMPARE(console.call(0, SessionListModel::TalkerRole), QString());

        // The console talks on the call alone.
        console.controller.talk()->pressOn(id);
        QTRY_COMPARE(console.controller.talk()->state(), TalkState::Granted);
        QVERIFY(a.waitEvent<proto::FloorTaken>([&](const auto &e) { return e.session == id; }));
        console.controller.talk()->release();
        QTRY_COMPARE(console.controller.talk()->state(), TalkState::Idle);

        // Ending it frees everyone.
        console.controller.calls()->leaveSession(id);
        QTRY_COMPARE(console.controller.sessions()->count(), 0);
        QVERIFY(a.waitEvent<proto::SessionEnded>([&](const auto &e) { return e.session == id; }));
        QTRY_COMPARE(console.status(QStringLiteral("unit-0001")), QStringLiteral("Online"));
    }

    void broadcastCallsEachUnitOfTheSubtreeOnce()
    {
        auto server = test::startServer(30, 6);
        Console console(*server);
        QVERIFY(console.ready());
        // unit-0010 is in tg-002 and tg-003, both under region-1.
        QList<test::TestClient *> units;
        for (const char *id : {"unit-0009", "unit-0010", "unit-0011"}) {
            units << new test::TestClient(QLatin1String(id), *server, this);
            QVERIFY(units.last()->login());
        }
        QTRY_COMPARE(console.status(QStringLiteral("unit-0011")), QStringLiteral("Online"));
        const quint64 invited = stat(*server, "unitsInvited");
        console.controller.calls()->broadcast(QStringLiteral("region-1"));
        QTRY_COMPARE(console.controller.sessions()->count(), 1);
        QCOMPARE(console.call(0, SessionListModel::KindRole), QStringLiteral("broadcast"));
        QCOMPARE(console.call(0, SessionListModel::NameRole), QStringLiteral("Broadcast: North"));
        QCOMPARE(console.call(0, SessionListModel::ParticipantCountRole), 4);
        QCOMPARE(stat(*server, "unitsInvited"), invited + 3);
        QVERIFY(console.controller.calls()->inviteNotice().contains(QStringLiteral("more")));
        qDeleteAll(units);
    }

    void broadcastToAnEmptySubtreeSendsNothing()
    {
        auto server = test::startServer(30, 6);
        Console console(*server);
        QVERIFY(console.ready());
        const quint64 created = stat(*server, "sessionsCreated");
        console.controller.calls()->broadcast(QStringLiteral("tg-001")); // nobody online
        QVERIFY(
            console.controller.calls()->inviteNotice().startsWith(QStringLiteral("Not invited: ")));
        QTest::qWait(100);
        QCOMPARE(stat(*server, "sessionsCreated"), created);
    }
};

QTEST_MAIN(TestConsoleCalls)
#include "tst_consolecalls.moc"
