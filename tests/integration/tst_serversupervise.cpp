// SPDX-License-Identifier: Apache-2.0
// Supervision on the real server (docs/protocol.md §12): a supervisor's picture of every live
// session and console, kept current by overview events, and joining a call uninvited.
#include "support/testclient.h"

#include <QTest>

#include <map>

using namespace floorline;
using namespace floorline::test;

namespace {
// Demo fleet of 30 units and 6 groups: unit-N is in tg-((N-1)%4+1).
const QString kGroup = QStringLiteral("group:tg-001");

/// The queue as a supervisor reads it: "unit" per position.
QStringList queueOf(const proto::SessionView &v)
{
    QStringList out;
    for (const proto::QueueEntry &q : v.queue)
        out << q.unit;
    return out;
}

auto sessionWhere(const QString &id, const std::function<bool(const proto::SessionView &)> &ok)
{
    return [id, ok](const proto::OverviewSession &e) {
        return e.session.info.id == id && ok(e.session);
    };
}

auto consoleWhere(const QString &unit, const std::function<bool(const proto::ConsoleView &)> &ok)
{
    return [unit, ok](const proto::OverviewConsole &e) {
        return e.console.unit == unit && ok(e.console);
    };
}
} // namespace

class TestServerSupervise : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<server::Server> m_server;
    std::map<QString, std::unique_ptr<TestClient>> m_clients;

    TestClient *logIn(const QString &user, bool affiliate = true)
    {
        auto client = std::make_unique<TestClient>(user, *m_server);
        if (!client->login())
            return nullptr;
        proto::Affiliate a;
        a.groups = client->client.login().unit.groups;
        if (a.groups.isEmpty())
            a.groups = {QStringLiteral("tg-001"), QStringLiteral("tg-002")};
        if (affiliate && !client->call(a))
            return nullptr;
        return (m_clients[user] = std::move(client)).get();
    }
    TestClient &c(const QString &user) { return *m_clients.at(user); }
    proto::FloorRequestResult request(const QString &user, const QString &session)
    {
        return c(user)
            .call(proto::FloorRequest {session, 0, {}})
            .value_or(proto::FloorRequestResult {});
    }

private Q_SLOTS:
    void init()
    {
        m_server = startServer();
        QVERIFY(m_server);
    }
    void cleanup()
    {
        m_clients.clear();
        m_server.reset();
    }

    void onlySupervisorsSupervise()
    {
        QVERIFY(logIn(QStringLiteral("dispatch-1")));
        QVERIFY(logIn(QStringLiteral("unit-0001")));
        for (const QString &user : {QStringLiteral("dispatch-1"), QStringLiteral("unit-0001")}) {
            proto::Error error;
            QVERIFY(!c(user).call(proto::Supervise {}, &error));
            QCOMPARE(error.code, proto::ErrorCode::Forbidden);
            QCOMPARE(error.message, QStringLiteral("only supervisors may supervise"));
            QVERIFY(!c(user).call(proto::SessionJoin {QStringLiteral("adhoc:1")}, &error));
            QCOMPARE(error.code, proto::ErrorCode::Forbidden);
        }
        QCOMPARE(stat(*m_server, "forbidden"), 4);
    }

    /// The snapshot, then a talker, a queue with positions that move, and the group going
    /// quiet: what a supervisor's screen shows at each step.
    void floorAndQueueAsTheySeeIt()
    {
        QVERIFY(logIn(QStringLiteral("dispatch-1")));
        QVERIFY(logIn(QStringLiteral("unit-0001")));
        QVERIFY(logIn(QStringLiteral("unit-0005")));
        TestClient *sup = logIn(QStringLiteral("supervisor"), false);
        QVERIFY(sup);
        const auto snapshot = sup->call(proto::Supervise {});
        QVERIFY(snapshot);
        QVERIFY(snapshot->sessions.isEmpty()); // nobody talks: no live session
        QStringList consoles;
        for (const proto::ConsoleView &v : snapshot->consoles)
            consoles << v.unit + u'/' + proto::enumName(proto::kRoles, v.role);
        QCOMPARE(consoles,
                 QStringList({QStringLiteral("dispatch-1/dispatcher"),
                              QStringLiteral("supervisor/supervisor")}));
        QCOMPARE(snapshot->consoles.first().monitoring, 2);
        QCOMPARE(snapshot->consoles.first().lastTalkAgoMs, -1);

        QCOMPARE(request(QStringLiteral("unit-0001"), kGroup).outcome,
                 proto::FloorOutcome::Granted);
        auto view = sup->waitEvent<proto::OverviewSession>(
            sessionWhere(kGroup, [](const auto &v) { return v.info.floor.talker == "unit-0001"; }));
        QVERIFY(view);
        QCOMPARE(view->session.group, QStringLiteral("tg-001"));
        QVERIFY(view->session.info.members.contains(QStringLiteral("dispatch-1")));

        QCOMPARE(request(QStringLiteral("unit-0005"), kGroup).outcome, proto::FloorOutcome::Queued);
        QCOMPARE(request(QStringLiteral("dispatch-1"), kGroup).outcome,
                 proto::FloorOutcome::Queued);
        view = sup->waitEvent<proto::OverviewSession>(
            sessionWhere(kGroup, [](const auto &v) { return v.queue.size() == 2; }));
        QVERIFY(view);
        QCOMPARE(queueOf(view->session),
                 QStringList({QStringLiteral("unit-0005"), QStringLiteral("dispatch-1")}));
        QVERIFY(view->session.heldMs >= 0);
        QVERIFY(sup->waitEvent<proto::OverviewConsole>(
            consoleWhere(QStringLiteral("dispatch-1"),
                         [](const auto &v) { return v.queued == "group:tg-001"; })));

        // The talker lets go: the first in the queue talks, the dispatcher moves up to 1.
        QVERIFY(c(QStringLiteral("unit-0001")).call(proto::FloorRelease {kGroup}));
        view = sup->waitEvent<proto::OverviewSession>(
            sessionWhere(kGroup, [](const auto &v) { return v.info.floor.talker == "unit-0005"; }));
        QVERIFY(view);
        QCOMPARE(queueOf(view->session), QStringList {QStringLiteral("dispatch-1")});

        QVERIFY(c(QStringLiteral("unit-0005")).call(proto::FloorRelease {kGroup}));
        QVERIFY(sup->waitEvent<proto::OverviewConsole>(
            consoleWhere(QStringLiteral("dispatch-1"),
                         [](const auto &v) { return v.talking == "group:tg-001"; })));
        QVERIFY(c(QStringLiteral("dispatch-1")).call(proto::FloorRelease {kGroup}));
        QVERIFY(sup->waitEvent<proto::OverviewEnded>(
            [](const proto::OverviewEnded &e) { return e.session == "group:tg-001"; }));
        const auto after = sup->waitEvent<proto::OverviewConsole>(
            consoleWhere(QStringLiteral("dispatch-1"),
                         [](const auto &v) { return v.talking.isEmpty() && v.lastTalkAgoMs > 0; }));
        QVERIFY(after);
        QCOMPARE(after->console.lastSession, kGroup);

        // A second supervise is a fresh snapshot: nothing live any more.
        const auto again = sup->call(proto::Supervise {});
        QVERIFY(again);
        QVERIFY(again->sessions.isEmpty());
    }

    /// An emergency keeps its group in the overview while nobody talks there, until cleared.
    void anOpenEmergencyKeepsItsGroupLive()
    {
        QVERIFY(logIn(QStringLiteral("unit-0002"))); // tg-002
        TestClient *sup = logIn(QStringLiteral("supervisor"), false);
        QVERIFY(sup);
        QVERIFY(sup->call(proto::Supervise {}));
        const auto raised
            = c(QStringLiteral("unit-0002")).call(proto::EmergencyRaise {QStringLiteral("tg-002")});
        QVERIFY(raised);
        const auto shown = sup->waitEvent<proto::OverviewSession>(
            sessionWhere(QStringLiteral("group:tg-002"), [](const auto &v) {
                return v.info.floor.state == proto::FloorState::Idle;
            }));
        QVERIFY2(shown, "a quiet group with an open emergency is live");
        QTest::qWait(300);
        QCOMPARE(sup->countEvents<proto::OverviewEnded>(), 0);
        // A late supervisor's snapshot has it too.
        const auto snapshot = sup->call(proto::Supervise {});
        QVERIFY(snapshot);
        QCOMPARE(snapshot->sessions.size(), 1);
        QCOMPARE(snapshot->sessions.first().info.id, QStringLiteral("group:tg-002"));
        QVERIFY(c(QStringLiteral("unit-0002")).call(proto::EmergencyCancel {raised->id}));
        QVERIFY(sup->waitEvent<proto::OverviewEnded>(
            [](const proto::OverviewEnded &e) { return e.session == "group:tg-002"; }));
    }

    /// The same talker again within one coalescing window is a new talk: its timer restarts.
    void aNewGrantToTheSameTalkerIsSent()
    {
        QVERIFY(logIn(QStringLiteral("unit-0001")));
        TestClient *sup = logIn(QStringLiteral("supervisor"), false);
        QVERIFY(sup);
        QVERIFY(sup->call(proto::Supervise {}));
        QCOMPARE(request(QStringLiteral("unit-0001"), kGroup).outcome,
                 proto::FloorOutcome::Granted);
        QVERIFY(sup->waitEvent<proto::OverviewSession>(sessionWhere(
            kGroup, [](const auto &v) { return v.info.floor.talker == "unit-0001"; })));
        QTest::qWait(600);
        QVERIFY(c(QStringLiteral("unit-0001")).call(proto::FloorRelease {kGroup}));
        QCOMPARE(request(QStringLiteral("unit-0001"), kGroup).outcome,
                 proto::FloorOutcome::Granted);
        const auto again = sup->waitEvent<proto::OverviewSession>(
            sessionWhere(kGroup, [](const auto &v) { return v.info.floor.talker == "unit-0001"; }));
        QVERIFY2(again, "the second talk was not sent");
        QVERIFY2(again->session.heldMs < 400, qPrintable(QString::number(again->session.heldMs)));
    }

    /// A call made by a dispatcher shows up, the supervisor joins it in one request and hears
    /// it, and it ends from the overview when its creator leaves.
    void joinACallUninvited()
    {
        QVERIFY(logIn(QStringLiteral("dispatch-1")));
        QVERIFY(logIn(QStringLiteral("unit-0002")));
        TestClient *sup = logIn(QStringLiteral("supervisor"), false);
        QVERIFY(sup);
        QVERIFY(sup->call(proto::Supervise {}));
        proto::SessionCreate create;
        create.kind = proto::SessionKind::AdHoc;
        create.name = QStringLiteral("Structure fire");
        create.units = {QStringLiteral("unit-0002")};
        const auto made = c(QStringLiteral("dispatch-1")).call(create);
        QVERIFY(made);
        const QString call = made->session.id;
        const auto shown = sup->waitEvent<proto::OverviewSession>(
            sessionWhere(call, [](const auto &v) { return v.info.members.size() == 2; }));
        QVERIFY(shown);
        QCOMPARE(shown->session.info.name, QStringLiteral("Structure fire"));
        QCOMPARE(shown->session.info.owner, QStringLiteral("dispatch-1"));
        QVERIFY(sup->waitEvent<proto::OverviewConsole>(
            consoleWhere(QStringLiteral("dispatch-1"),
                         [call](const auto &v) { return v.calls == QStringList {call}; })));

        proto::Error error;
        QVERIFY(!sup->call(proto::SessionJoin {kGroup}, &error));
        QCOMPARE(error.code, proto::ErrorCode::BadMessage);
        QVERIFY(!sup->call(proto::SessionJoin {QStringLiteral("adhoc:999")}, &error));
        QCOMPARE(error.code, proto::ErrorCode::NotFound);

        QVERIFY(sup->call(proto::SessionJoin {call}));
        QVERIFY(sup->waitEvent<proto::SessionJoined>(
            [call](const proto::SessionJoined &e) { return e.session.id == call; }));
        QVERIFY(c(QStringLiteral("dispatch-1"))
                    .waitEvent<proto::SessionUpdated>([call](const proto::SessionUpdated &e) {
                        return e.session.id == call
                            && e.session.members.contains(QStringLiteral("supervisor"));
                    }));
        // The supervisor hears the call: the unit's speech reaches it through the relay.
        QCOMPARE(request(QStringLiteral("unit-0002"), call).outcome, proto::FloorOutcome::Granted);
        c(QStringLiteral("unit-0002")).sendSpurt(speechPackets(), 20);
        QVERIFY(sup->waitPackets(25));
        QVERIFY(c(QStringLiteral("unit-0002")).call(proto::FloorRelease {call}));

        QVERIFY(c(QStringLiteral("dispatch-1")).call(proto::SessionLeave {call}));
        QVERIFY(sup->waitEvent<proto::OverviewEnded>(
            [call](const proto::OverviewEnded &e) { return e.session == call; }));
    }

    void consolesComeAndGo()
    {
        TestClient *sup = logIn(QStringLiteral("supervisor"), false);
        QVERIFY(sup);
        QVERIFY(sup->call(proto::Supervise {}));
        QVERIFY(logIn(QStringLiteral("dispatch-2")));
        QVERIFY(sup->waitEvent<proto::OverviewConsole>(
            consoleWhere(QStringLiteral("dispatch-2"),
                         [](const auto &v) { return v.online && v.logins == 1; })));
        QVERIFY(c(QStringLiteral("dispatch-2")).call(proto::Logout {}));
        QVERIFY(sup->waitEvent<proto::OverviewConsole>(
            consoleWhere(QStringLiteral("dispatch-2"), [](const auto &v) { return !v.online; })));
        // A console whose connection drops is not at a console, even while the server keeps
        // its login for a resume; it is back when it resumes.
        TestClient *d1 = logIn(QStringLiteral("dispatch-1"));
        QVERIFY(d1);
        QVERIFY(sup->waitEvent<proto::OverviewConsole>(
            consoleWhere(QStringLiteral("dispatch-1"), [](const auto &v) { return v.online; })));
        d1->client.simulateConnectionLoss();
        QVERIFY(sup->waitEvent<proto::OverviewConsole>(
            consoleWhere(QStringLiteral("dispatch-1"), [](const auto &v) { return !v.online; })));
        QVERIFY(sup->waitEvent<proto::OverviewConsole>(
            consoleWhere(QStringLiteral("dispatch-1"), [](const auto &v) { return v.online; }),
            8000)); // its client reconnects and resumes
        m_clients.erase(QStringLiteral("dispatch-1"));
        QVERIFY(sup->waitEvent<proto::OverviewConsole>(
            consoleWhere(QStringLiteral("dispatch-1"), [](const auto &v) { return !v.online; })));
        sup->events.clear();
        // Units are not consoles: their logins never show here.
        QVERIFY(logIn(QStringLiteral("unit-0003")));
        QTest::qWait(300);
        QCOMPARE(sup->countEvents<proto::OverviewConsole>(), 0);

        // Stopping: no more overview events.
        QVERIFY(sup->call(proto::Supervise {false}));
        QVERIFY(logIn(QStringLiteral("dispatch-1")));
        QTest::qWait(300);
        QCOMPARE(sup->countEvents<proto::OverviewConsole>(), 0);
    }
};

QTEST_MAIN(TestServerSupervise)
#include "tst_serversupervise.moc"
