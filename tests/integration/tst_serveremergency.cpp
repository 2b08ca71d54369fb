// SPDX-License-Identifier: Apache-2.0
// Emergencies through the real server on loopback (docs/protocol.md §11): two open at once on two
// groups, seen by every console; a dispatcher's acknowledgement reaches the unit and the other
// console with the dispatcher's name; only consoles acknowledge, a unit cancels only its own;
// an emergency floor request raises one and a second reuses it; an open emergency and the id
// count survive a restart on the same database.
#include "support/testclient.h"

#include <QTemporaryDir>
#include <QTest>

using namespace floorline;
using proto::EmergencyState;
using proto::ErrorCode;
using test::stat;

namespace {
QStringList ids(const QList<proto::EmergencyInfo> &list)
{
    QStringList out;
    for (const proto::EmergencyInfo &e : list)
        out.append(e.id);
    return out;
}

/// Emergency events of type E that `client` has received, by emergency id (not taken).
template<typename E> QStringList received(const test::TestClient &client)
{
    QStringList out;
    for (const proto::Event &event : client.events) {
        if (const auto *e = std::get_if<E>(&event))
            out.append(e->emergency.id);
    }
    return out;
}

/// A server on a database file; the fleet is imported on the first start only.
std::unique_ptr<server::Server> startOn(const QString &database)
{
    auto server = std::make_unique<server::Server>();
    server::ServerOptions options;
    options.database = database;
    if (!QFile::exists(database))
        options.fleet = proto::makeDemoFleet(30, 6);
    QString error;
    if (!server->start(options, &error)) {
        qWarning().noquote() << "server did not start:" << error;
        return nullptr;
    }
    return server;
}

proto::FloorRequest emergencyRequest(const QString &group)
{
    proto::FloorRequest r;
    r.session = proto::groupSessionId(group);
    r.type = proto::FloorType::Emergency;
    return r;
}
} // namespace

class TestServerEmergency : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void emergenciesAreRaisedAcknowledgedAndCancelled()
    {
        auto server = test::startServer(); // tg-001: unit-0001, unit-0005; tg-002: unit-0002
        QVERIFY(server);
        test::TestClient first(QStringLiteral("unit-0001"), *server);
        test::TestClient second(QStringLiteral("unit-0002"), *server);
        test::TestClient member(QStringLiteral("unit-0005"), *server);
        test::TestClient outsider(QStringLiteral("unit-0003"), *server);
        test::TestClient dispatch1(QStringLiteral("dispatch-1"), *server);
        test::TestClient dispatch2(QStringLiteral("dispatch-2"), *server);
        for (auto *c : {&first, &second, &member, &outsider, &dispatch1, &dispatch2})
            QVERIFY(c->login());
        QVERIFY(member.call(proto::Affiliate {{QStringLiteral("tg-001")}}));
        QVERIFY(outsider.call(proto::Affiliate {{QStringLiteral("tg-003")}}));

        // Two units, two groups, at once.
        proto::Error error;
        const auto a = first.call(proto::EmergencyRaise {QStringLiteral("tg-001")}, &error);
        QVERIFY2(a, qPrintable(error.message));
        const auto b = second.call(proto::EmergencyRaise {QStringLiteral("tg-002")}, &error);
        QVERIFY2(b, qPrintable(error.message));
        QCOMPARE(a->unit, QStringLiteral("unit-0001"));
        QCOMPARE(a->alias, QStringLiteral("Engine 1"));
        QCOMPARE(a->group, QStringLiteral("tg-001"));
        QCOMPARE(a->session, QStringLiteral("group:tg-001"));
        QCOMPARE(a->state, EmergencyState::Open);
        QVERIFY(a->raisedAt > 0);
        QVERIFY(a->acks.isEmpty());
        QVERIFY(a->id != b->id);

        const auto list = dispatch1.call(proto::EmergencyListGet {});
        QVERIFY(list);
        QCOMPARE(ids(list->emergencies), (QStringList {a->id, b->id}));
        for (auto *console : {&dispatch1, &dispatch2}) {
            QVERIFY(QTest::qWaitFor(
                [&] { return received<proto::EmergencyRaised>(*console).size() == 2; }, 5000));
            QCOMPARE(received<proto::EmergencyRaised>(*console), (QStringList {a->id, b->id}));
        }
        // The raising unit hears its own; the group's listeners hear it; nobody else does.
        QVERIFY(first.waitEvent<proto::EmergencyRaised>(
            [&](const auto &e) { return e.emergency == *a; }));
        const auto heard = member.waitEvent<proto::EmergencyRaised>();
        QVERIFY(heard);
        QCOMPARE(heard->emergency, *a);
        QTest::qWait(100);
        QCOMPARE(received<proto::EmergencyRaised>(member), QStringList {});
        QCOMPARE(received<proto::EmergencyRaised>(outsider), QStringList {});
        QCOMPARE(received<proto::EmergencyRaised>(first), QStringList {});

        // Dispatch 1 acknowledges the first: the unit and the other console see who did.
        const auto acked = dispatch1.call(proto::EmergencyAcknowledge {a->id}, &error);
        QVERIFY2(acked, qPrintable(error.message));
        QCOMPARE(acked->state, EmergencyState::Acknowledged);
        QCOMPARE(acked->acks.size(), 1);
        for (auto *c : {&first, &dispatch2, &member}) {
            const auto updated = c->waitEvent<proto::EmergencyUpdated>();
            QVERIFY(updated);
            QCOMPARE(updated->emergency.id, a->id);
            QCOMPARE(updated->emergency.state, EmergencyState::Acknowledged);
            QCOMPARE(updated->emergency.acks.size(), 1);
            QCOMPARE(updated->emergency.acks[0].unit, QStringLiteral("dispatch-1"));
            QCOMPARE(updated->emergency.acks[0].alias, QStringLiteral("Dispatch 1"));
            QVERIFY(updated->emergency.acks[0].at >= a->raisedAt);
        }
        QVERIFY(dispatch1.waitEvent<proto::EmergencyUpdated>()); // every console, ours too
        // Again by the same account: the same answer, nothing added, nobody told.
        const auto again = dispatch1.call(proto::EmergencyAcknowledge {a->id});
        QVERIFY(again);
        QCOMPARE(*again, *acked);

        // A unit acknowledges nothing and cancels only its own.
        QVERIFY(!second.call(proto::EmergencyAcknowledge {a->id}, &error));
        QCOMPARE(error.code, ErrorCode::Forbidden);
        QVERIFY(!second.call(proto::EmergencyAcknowledge {b->id}, &error));
        QCOMPARE(error.code, ErrorCode::Forbidden);
        QVERIFY(!second.call(proto::EmergencyCancel {a->id}, &error));
        QCOMPARE(error.code, ErrorCode::Forbidden);
        const auto own = second.call(proto::EmergencyListGet {});
        QVERIFY(own);
        QCOMPARE(ids(own->emergencies), QStringList {b->id});
        QVERIFY(!dispatch1.call(proto::EmergencyAcknowledge {QStringLiteral("em-99")}, &error));
        QCOMPARE(error.code, ErrorCode::NotFound);
        QCOMPARE(error.message, QStringLiteral("no open emergency 'em-99'"));
        QVERIFY(!outsider.call(proto::EmergencyRaise {QStringLiteral("tg-001")}, &error));
        QCOMPARE(error.code, ErrorCode::Forbidden);
        QVERIFY(!outsider.call(proto::EmergencyRaise {QStringLiteral("tg-404")}, &error));
        QCOMPARE(error.code, ErrorCode::NotFound);
        QTest::qWait(100);
        QCOMPARE(received<proto::EmergencyUpdated>(first), QStringList {});
        QCOMPARE(received<proto::EmergencyUpdated>(dispatch2), QStringList {});

        // The unit ends its own: everyone who heard of it hears the end; it leaves the list.
        const auto cancelled = first.call(proto::EmergencyCancel {a->id}, &error);
        QVERIFY2(cancelled, qPrintable(error.message));
        QCOMPARE(cancelled->state, EmergencyState::Cancelled);
        QCOMPARE(cancelled->cancelledBy, QStringLiteral("unit-0001"));
        QCOMPARE(cancelled->cancelledByAlias, QStringLiteral("Engine 1"));
        QCOMPARE(cancelled->acks, acked->acks); // the record keeps who acknowledged
        for (auto *c : {&first, &member, &dispatch1, &dispatch2}) {
            const auto cleared = c->waitEvent<proto::EmergencyCleared>();
            QVERIFY(cleared);
            QCOMPARE(cleared->emergency, *cancelled);
        }
        const auto after = dispatch2.call(proto::EmergencyListGet {});
        QVERIFY(after);
        QCOMPARE(ids(after->emergencies), QStringList {b->id});
        QVERIFY(!first.call(proto::EmergencyCancel {a->id}, &error));
        QCOMPARE(error.code, ErrorCode::NotFound);
        QCOMPARE(error.message, QStringLiteral("no open emergency '%1'").arg(a->id));

        // A dispatcher ends the other one, never acknowledged.
        const auto ended = dispatch2.call(proto::EmergencyCancel {b->id}, &error);
        QVERIFY2(ended, qPrintable(error.message));
        const auto cleared = second.waitEvent<proto::EmergencyCleared>();
        QVERIFY(cleared);
        QCOMPARE(cleared->emergency.id, b->id);
        QCOMPARE(cleared->emergency.state, EmergencyState::Cancelled);
        QCOMPARE(cleared->emergency.cancelledByAlias, QStringLiteral("Dispatch 2"));
        QVERIFY(cleared->emergency.acks.isEmpty());
        const auto none = dispatch1.call(proto::EmergencyListGet {});
        QVERIFY(none);
        QVERIFY(none->emergencies.isEmpty());
        QCOMPARE(received<proto::EmergencyCleared>(outsider), QStringList {});

        QCOMPARE(stat(*server, "emergenciesRaised"), 2);
        QCOMPARE(stat(*server, "emergencyAcks"), 1);
        QCOMPARE(stat(*server, "emergenciesCancelled"), 2);
    }

    void emergencyFloorRequestRaisesOneAndReusesIt()
    {
        auto server = test::startServer();
        QVERIFY(server);
        test::TestClient unit(QStringLiteral("unit-0001"), *server);
        test::TestClient dispatcher(QStringLiteral("dispatch-1"), *server);
        QVERIFY(unit.login());
        QVERIFY(dispatcher.login());
        QVERIFY(unit.call(proto::Affiliate {{QStringLiteral("tg-001")}}));
        QVERIFY(dispatcher.call(proto::Affiliate {{QStringLiteral("tg-001")}}));

        const auto granted = unit.call(emergencyRequest(QStringLiteral("tg-001")));
        QVERIFY(granted);
        QCOMPARE(granted->outcome, proto::FloorOutcome::Granted);
        const auto raised = dispatcher.waitEvent<proto::EmergencyRaised>();
        QVERIFY(raised);
        QCOMPARE(raised->emergency.unit, QStringLiteral("unit-0001"));
        QCOMPARE(raised->emergency.group, QStringLiteral("tg-001"));
        QCOMPARE(raised->emergency.session, QStringLiteral("group:tg-001"));
        QCOMPARE(raised->emergency.state, EmergencyState::Open);
        const auto own = unit.waitEvent<proto::EmergencyRaised>();
        QVERIFY(own); // the unit learns its emergency's id this way
        QCOMPARE(own->emergency, raised->emergency);

        // Talking again, or pressing the emergency button: the same emergency.
        QVERIFY(unit.call(proto::FloorRelease {proto::groupSessionId(QStringLiteral("tg-001"))}));
        QVERIFY(unit.call(emergencyRequest(QStringLiteral("tg-001"))));
        const auto button = unit.call(proto::EmergencyRaise {QStringLiteral("tg-001")});
        QVERIFY(button);
        QCOMPARE(*button, raised->emergency);
        // A dispatcher's emergency call pre-empts but raises no alert of its own.
        QVERIFY(dispatcher.call(emergencyRequest(QStringLiteral("tg-001"))));
        QTest::qWait(200);
        QCOMPARE(dispatcher.countEvents<proto::EmergencyRaised>(), 0);
        QCOMPARE(unit.countEvents<proto::EmergencyRaised>(), 0);
        const auto list = dispatcher.call(proto::EmergencyListGet {});
        QVERIFY(list);
        QCOMPARE(ids(list->emergencies), QStringList {raised->emergency.id});
        QCOMPARE(stat(*server, "emergenciesRaised"), 1);
        QCOMPARE(server->hub()->stats().rejected(), quint64(0));
    }

    void openEmergencySurvivesARestart()
    {
        QTemporaryDir dir;
        const QString database = dir.filePath(QStringLiteral("server.sqlite"));
        proto::EmergencyInfo open;
        QString cancelled;
        {
            auto server = startOn(database);
            QVERIFY(server);
            test::TestClient unit(QStringLiteral("unit-0001"), *server);
            test::TestClient other(QStringLiteral("unit-0002"), *server);
            test::TestClient dispatcher(QStringLiteral("dispatch-1"), *server);
            for (auto *c : {&unit, &other, &dispatcher})
                QVERIFY(c->login());
            const auto raised = unit.call(proto::EmergencyRaise {QStringLiteral("tg-001")});
            QVERIFY(raised);
            const auto acked = dispatcher.call(proto::EmergencyAcknowledge {raised->id});
            QVERIFY(acked);
            open = *acked;
            const auto done = other.call(proto::EmergencyRaise {});
            QVERIFY(done);
            QVERIFY(done->group.isEmpty());
            QVERIFY(other.call(proto::EmergencyCancel {done->id}));
            cancelled = done->id;
        }
        auto server = startOn(database);
        QVERIFY(server);
        test::TestClient dispatcher(QStringLiteral("dispatch-2"), *server);
        test::TestClient unit(QStringLiteral("unit-0001"), *server);
        test::TestClient third(QStringLiteral("unit-0003"), *server);
        for (auto *c : {&dispatcher, &unit, &third})
            QVERIFY(c->login());
        const auto list = dispatcher.call(proto::EmergencyListGet {});
        QVERIFY(list);
        QCOMPARE(list->emergencies, QList<proto::EmergencyInfo> {open}); // with its ack
        const auto mine = unit.call(proto::EmergencyListGet {});
        QVERIFY(mine);
        QCOMPARE(mine->emergencies, QList<proto::EmergencyInfo> {open});
        const auto again = unit.call(proto::EmergencyRaise {QStringLiteral("tg-001")});
        QVERIFY(again);
        QCOMPARE(again->id, open.id); // still the same one
        // Ids go on counting after the restart: never one a client has seen before.
        const auto next = third.call(proto::EmergencyRaise {QStringLiteral("tg-003")});
        QVERIFY(next);
        QVERIFY(next->id != open.id && next->id != cancelled);
        QCOMPARE(next->id.mid(3).toInt(),
                 std::max(open.id.mid(3).toInt(), cancelled.mid(3).toInt()) + 1);
        QVERIFY(dispatcher.call(proto::EmergencyCancel {open.id}));
    }
};

QTEST_GUILESS_MAIN(TestServerEmergency)
#include "tst_serveremergency.moc"
