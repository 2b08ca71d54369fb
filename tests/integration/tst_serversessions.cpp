// SPDX-License-Identifier: Apache-2.0
// Ad-hoc and broadcast sessions on the real server (docs/protocol.md §4): who is invited, who is
// skipped and why, who hears the talker, and what everyone sees when members leave.
#include "support/testclient.h"

#include <QSet>
#include <QTest>

#include <map>

using namespace floorline;
using namespace floorline::test;

namespace {
// Demo fleet of 30 units and 6 groups: all > region-1 ("North") > tg-001..tg-004. unit-N is in
// tg-((N-1)%4+1); unit-0010, unit-0020 and unit-0030 are in the next talk group too.
const QString kDispatch1 = QStringLiteral("dispatch-1");
const QString kDispatch2 = QStringLiteral("dispatch-2");
const QString kSupervisor = QStringLiteral("supervisor");
// For broadcasts: unit-0010 is in tg-002 and tg-003, unit-0020 in tg-004 and tg-001.
const QStringList kOnline {"unit-0001", "unit-0002", "unit-0003", "unit-0004",
                           "unit-0005", "unit-0010", "unit-0011", "unit-0020"};

proto::SessionCreate adhoc(const QStringList &units)
{
    proto::SessionCreate r;
    r.kind = proto::SessionKind::AdHoc;
    r.name = QStringLiteral("Structure fire");
    r.units = units;
    return r;
}

proto::SessionCreate broadcast(const QString &group)
{
    proto::SessionCreate r;
    r.kind = proto::SessionKind::Broadcast;
    r.group = group;
    return r;
}

/// Skipped units as a console lists them: "unit reason [other session]".
QStringList describe(const QList<proto::Skipped> &skipped)
{
    QStringList lines;
    for (const proto::Skipped &s : skipped) {
        QString line = s.unit + u' ' + proto::enumName(proto::kSkipReasons, s.reason);
        if (!s.session.isEmpty())
            line += u' ' + s.session;
        lines.append(line);
    }
    return lines;
}

void addRefusal(const char *row, const QString &user, const QString &action, const QString &session,
                proto::ErrorCode code, const QString &message)
{
    QTest::newRow(row) << user << action << session << code << message;
}

auto joined(const QString &id)
{
    return [id](const proto::SessionJoined &e) { return e.session.id == id; };
}
auto updated(const QString &id, const QStringList &members)
{
    return [id, members](const proto::SessionUpdated &e) {
        return e.session.id == id && e.session.members == members;
    };
}
} // namespace

class TestServerSessions : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<server::Server> m_server;
    std::map<QString, std::unique_ptr<TestClient>> m_clients;

    /// Logs `users` in. Units affiliate to their own talk groups, so group traffic would reach
    /// them too if the relay leaked a session's media into it.
    bool logIn(const QStringList &users)
    {
        for (const QString &user : users) {
            auto client = std::make_unique<TestClient>(user, *m_server);
            if (!client->login()) {
                qWarning().noquote() << user << "did not log in";
                return false;
            }
            proto::Affiliate affiliate;
            affiliate.groups = client->client.login().unit.groups;
            if (!affiliate.groups.isEmpty() && !client->call(affiliate))
                return false;
            m_clients[user] = std::move(client);
        }
        return true;
    }
    TestClient &c(const QString &user) { return *m_clients.at(user); }
    /// Whether `watcher`'s console is told that `unit` now has `status` (and `session`).
    bool sees(const QString &watcher, const QString &unit, proto::UnitStatus status,
              const QString &session = QString())
    {
        const auto match = [&](const proto::UnitStatusChanged &e) {
            return e.unit == unit && e.status == status && e.session == session;
        };
        return c(watcher).waitEvent<proto::UnitStatusChanged>(match).has_value();
    }

private Q_SLOTS:
    void init()
    {
        m_server = startServer(30, 6);
        QVERIFY(m_server);
    }
    void cleanup()
    {
        m_clients.clear();
        m_server.reset();
    }

    void adhocCallReachesTheInvitedOnly()
    {
        const QStringList invitees {"unit-0001", "unit-0002"};
        QVERIFY(logIn(QStringList {kDispatch1, "unit-0005"} + invitees));
        proto::Error error;
        const auto created
            = c(kDispatch1).call(adhoc({"unit-0001", "unit-0002", "unit-0003", "ghost"}), &error);
        QVERIFY2(created, qPrintable(error.message));
        const QString id = created->session.id;
        QCOMPARE(id, "adhoc:1");
        QCOMPARE(created->session.kind, proto::SessionKind::AdHoc);
        QCOMPARE(created->session.owner, kDispatch1);
        QCOMPARE(created->session.members, QStringList({kDispatch1, "unit-0001", "unit-0002"}));
        QCOMPARE(created->invited, invitees);
        QCOMPARE(describe(created->skipped), QStringList({"unit-0003 offline", "ghost unknown"}));
        QVERIFY(c(kDispatch1).waitEvent<proto::SessionJoined>(joined(id)));
        for (const QString &unit : invitees) {
            const auto join = c(unit).waitEvent<proto::SessionJoined>(joined(id));
            QVERIFY2(join, qPrintable(unit));
            QCOMPARE(join->session.name, "Structure fire");
            QCOMPARE(join->session.owner, kDispatch1);
            QVERIFY(join->session.members.contains(unit));
            QVERIFY(
                c(unit).waitEvent<proto::SessionUpdated>(updated(id, created->session.members)));
        }

        const auto granted = c(kDispatch1).call(proto::FloorRequest {id});
        QVERIFY(granted);
        QCOMPARE(granted->outcome, proto::FloorOutcome::Granted);
        const quint32 ssrc = c(kDispatch1).client.login().media.ssrc;
        for (const QString &unit : invitees) {
            const auto taken = c(unit).waitEvent<proto::FloorTaken>();
            QVERIFY2(taken, qPrintable(unit));
            QCOMPARE(taken->session, id);
            QCOMPARE(taken->talker, kDispatch1);
            QCOMPARE(taken->ssrc, ssrc);
        }
        const std::vector<QByteArray> speech = speechPackets(1);
        QVERIFY(!speech.empty());
        c(kDispatch1).sendSpurt(speech);
        for (const QString &unit : invitees) {
            TestClient &listener = c(unit);
            QVERIFY2(listener.waitPackets(int(speech.size())), qPrintable(unit));
            QCOMPARE(listener.packets.first().ssrc, ssrc);
            QCOMPARE(listener.packets.first().payload, speech.front());
            QCOMPARE(listener.packets.last().payload, speech.back());
        }
        // unit-0005 shares tg-001 with unit-0001 but was not invited: it neither sees nor hears.
        QTest::qWait(200);
        QCOMPARE(c("unit-0001").packets.size(), qsizetype(speech.size()));
        QCOMPARE(c("unit-0005").packets.size(), 0);
        QCOMPARE(c("unit-0005").countEvents<proto::SessionJoined>(), 0);
        QCOMPARE(c("unit-0005").countEvents<proto::FloorTaken>(), 0);
    }

    void dispatchersListEveryLiveSession()
    {
        QVERIFY(logIn(QStringList {kDispatch1, kDispatch2, "unit-0001", "unit-0002"}));
        const auto created = c(kDispatch1).call(adhoc({"unit-0001"}));
        QVERIFY(created);
        const QString group = c("unit-0002").client.login().unit.groups.first();
        QVERIFY(c("unit-0002").call(proto::Affiliate {{group}}));
        QVERIFY(c("unit-0002").call(proto::FloorRequest {proto::groupSessionId(group)}));
        // The other dispatcher is in neither, yet sees the call and the talking group.
        proto::Error error;
        const auto all = c(kDispatch2).call(proto::SessionListGet {true}, &error);
        QVERIFY2(all, qPrintable(error.message));
        QStringList ids;
        for (const proto::SessionInfo &s : all->sessions)
            ids << s.id;
        ids.sort();
        QCOMPARE(ids, QStringList({created->session.id, proto::groupSessionId(group)}));
        const auto mine = c(kDispatch2).call(proto::SessionListGet {});
        QVERIFY(mine);
        QVERIFY(mine->sessions.isEmpty());
        // A unit may see only its own.
        QVERIFY(!c("unit-0001").call(proto::SessionListGet {true}, &error));
        QCOMPARE(error.code, proto::ErrorCode::Forbidden);
    }

    void invitePlanner_data()
    {
        QTest::addColumn<QStringList>("units");
        QTest::addColumn<QStringList>("invited");
        QTest::addColumn<QStringList>("skipped");
        // adhoc:1 is dispatch-1's call with unit-0001; adhoc:2 is dispatch-2's with unit-0005.
        QTest::newRow("already a member") << QStringList {"unit-0001"} << QStringList()
                                          << QStringList {"unit-0001 already-member"};
        QTest::newRow("busy in another call")
            << QStringList {"unit-0005"} << QStringList() << QStringList {"unit-0005 busy adhoc:2"};
        QTest::newRow("creator of another call") << QStringList {"dispatch-2"} << QStringList()
                                                 << QStringList {"dispatch-2 busy adhoc:2"};
        QTest::newRow("duplicates invited once")
            << QStringList {"unit-0002", "unit-0006", "unit-0002", "unit-0002"}
            << QStringList {"unit-0002", "unit-0006"} << QStringList();
        QTest::newRow("request order, first rule wins")
            << QStringList {"ghost",     "unit-0006", "unit-0001", "unit-0003",
                            "unit-0005", "unit-0002", "ghost",     "unit-0006"}
            << QStringList {"unit-0006", "unit-0002"}
            << QStringList {"ghost unknown", "unit-0001 already-member", "unit-0003 offline",
                            "unit-0005 busy adhoc:2"};
    }

    void invitePlanner()
    {
        QFETCH(QStringList, units);
        QFETCH(QStringList, invited);
        QFETCH(QStringList, skipped);
        QVERIFY(logIn({kDispatch1, kDispatch2, kSupervisor, "unit-0001", "unit-0002", "unit-0005",
                       "unit-0006"}));
        const auto mine = c(kDispatch1).call(adhoc({"unit-0001"}));
        QVERIFY(mine);
        QCOMPARE(mine->session.id, "adhoc:1");
        const auto other = c(kDispatch2).call(adhoc({"unit-0005"}));
        QVERIFY(other);
        QCOMPARE(other->session.id, "adhoc:2");

        proto::Error error;
        const auto result = c(kDispatch1).call(proto::SessionInvite {"adhoc:1", units}, &error);
        QVERIFY2(result, qPrintable(error.message));
        QCOMPARE(result->invited, invited);
        QCOMPARE(describe(result->skipped), skipped);
        const QStringList members = QStringList {kDispatch1, "unit-0001"} + invited;
        QCOMPARE(result->session.members, members);
        // Every member gets the new member list, even when nobody was added; events come first.
        QCOMPARE(c(kDispatch1).countEvents<proto::SessionUpdated>(), 2);
        for (const QString &unit : QStringList {"unit-0001"} + invited) {
            QVERIFY2(c(unit).waitEvent<proto::SessionUpdated>(updated("adhoc:1", members)),
                     qPrintable(unit));
            QCOMPARE(c(unit).countEvents<proto::SessionJoined>(), 1); // duplicates join once
        }
        for (const QString &unit : invited) {
            QVERIFY2(sees(kSupervisor, unit, proto::UnitStatus::Busy, "adhoc:1"), qPrintable(unit));
            QVERIFY2(sees(kDispatch1, unit, proto::UnitStatus::Busy, "adhoc:1"), qPrintable(unit));
        }
        // A busy unit stays in its own call, untouched.
        QCOMPARE(m_server->hub()->sessionInfo("adhoc:2").members,
                 QStringList({kDispatch2, "unit-0005"}));
        QCOMPARE(c("unit-0005").countEvents<proto::SessionJoined>(), 1);
    }

    void broadcastIsOneWayAndHeardOnce_data()
    {
        QTest::addColumn<QString>("group");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("invited");
        QTest::addColumn<int>("offline");
        const QStringList tg3 {"unit-0003", "unit-0010", "unit-0011"};
        QTest::newRow("all") << QStringLiteral("all") << QStringLiteral("Broadcast: All units")
                             << kOnline << 22;
        QTest::newRow("region") << QStringLiteral("region-1") << QStringLiteral("Broadcast: North")
                                << kOnline << 22;
        QTest::newRow("talk group")
            << QStringLiteral("tg-003") << QStringLiteral("Broadcast: North Ops 3") << tg3 << 6;
    }

    void broadcastIsOneWayAndHeardOnce()
    {
        QFETCH(QString, group);
        QFETCH(QString, name);
        QFETCH(QStringList, invited);
        QFETCH(int, offline);
        QVERIFY(logIn(QStringList {kDispatch1} + kOnline));
        proto::Error error;
        const auto created = c(kDispatch1).call(broadcast(group), &error);
        QVERIFY2(created, qPrintable(error.message));
        const QString id = created->session.id;
        QCOMPARE(id, "broadcast:1");
        QCOMPARE(created->session.kind, proto::SessionKind::Broadcast);
        QCOMPARE(created->session.name, name);
        QCOMPARE(created->invited, invited);
        QCOMPARE(created->session.members, QStringList {kDispatch1} + invited);
        QCOMPARE(created->skipped.size(), offline);
        QSet<QString> skipped;
        for (const proto::Skipped &s : created->skipped) {
            QCOMPARE(s.reason, proto::SkipReason::Offline);
            QVERIFY2(!kOnline.contains(s.unit), qPrintable(s.unit));
            skipped.insert(s.unit);
        }
        QCOMPARE(skipped.size(), offline); // each unit once, even when in two groups of the tree
        for (const QString &unit : invited) {
            QVERIFY2(
                c(unit).waitEvent<proto::SessionUpdated>(updated(id, created->session.members)),
                qPrintable(unit));
            QCOMPARE(c(unit).countEvents<proto::SessionJoined>(), 1);
        }

        // Only the creator talks in a broadcast.
        const auto denied = c("unit-0010").call(proto::FloorRequest {id});
        QVERIFY(denied);
        QCOMPARE(denied->outcome, proto::FloorOutcome::Denied);
        QCOMPARE(denied->cause, int(proto::DenyCause::ReceiveOnly));
        QVERIFY(!denied->reason.isEmpty());
        const auto granted = c(kDispatch1).call(proto::FloorRequest {id});
        QVERIFY(granted);
        QCOMPARE(granted->outcome, proto::FloorOutcome::Granted);

        const std::vector<QByteArray> speech = speechPackets(2);
        QVERIFY(!speech.empty());
        c(kDispatch1).sendSpurt(speech);
        for (const QString &unit : invited)
            QVERIFY2(c(unit).waitPackets(int(speech.size())), qPrintable(unit));
        QTest::qWait(300); // a duplicate copy would arrive right behind the originals
        QStringList heard, expected; // "unit packets", so a failure names who heard what
        for (const QString &unit : kOnline) {
            heard << QStringLiteral("%1 %2").arg(unit).arg(c(unit).packets.size());
            expected << QStringLiteral("%1 %2").arg(unit).arg(invited.contains(unit) ? speech.size()
                                                                                     : 0);
        }
        QCOMPARE(heard, expected);
    }

    void leavingUpdatesTheOthersAndTheCreatorLeavingEndsTheCall()
    {
        QVERIFY(logIn({kDispatch1, kSupervisor, "unit-0001", "unit-0002", "unit-0005"}));
        const auto created = c(kDispatch1).call(adhoc({"unit-0001", "unit-0002", "unit-0005"}));
        QVERIFY(created);
        const QString id = created->session.id;
        QCOMPARE(created->invited.size(), 3);
        QVERIFY(sees(kSupervisor, kDispatch1, proto::UnitStatus::Busy, id));
        c(kSupervisor).events.clear(); // what follows is about leaving

        // unit-0005 leaves while talking: the others hear the floor go idle and see it gone.
        const auto granted = c("unit-0005").call(proto::FloorRequest {id});
        QVERIFY(granted);
        QCOMPARE(granted->outcome, proto::FloorOutcome::Granted);
        QVERIFY(c("unit-0005").call(proto::SessionLeave {id}));
        const QStringList remaining {kDispatch1, "unit-0001", "unit-0002"};
        for (const QString &user : remaining) {
            QVERIFY2(c(user).waitEvent<proto::FloorIdle>(), qPrintable(user));
            QVERIFY2(c(user).waitEvent<proto::SessionUpdated>(updated(id, remaining)),
                     qPrintable(user));
        }
        QVERIFY(sees(kSupervisor, "unit-0005", proto::UnitStatus::Online));

        // The creator leaves: the call ends for everyone still in it.
        QVERIFY(c(kDispatch1).call(proto::SessionLeave {id}));
        for (const QString &unit : QStringList {"unit-0001", "unit-0002"}) {
            const auto ended = c(unit).waitEvent<proto::SessionEnded>();
            QVERIFY2(ended, qPrintable(unit));
            QCOMPARE(ended->session, id);
            QCOMPARE(ended->reason, "the creator left");
            QVERIFY2(sees(kSupervisor, unit, proto::UnitStatus::Online), qPrintable(unit));
        }
        QVERIFY(sees(kSupervisor, kDispatch1, proto::UnitStatus::Online));
        QCOMPARE(c(kDispatch1).countEvents<proto::SessionEnded>(), 0);
        QCOMPARE(c("unit-0005").countEvents<proto::SessionEnded>(), 0);
        QCOMPARE(c("unit-0005").countEvents<proto::SessionUpdated>(), 1); // the invitation only

        proto::Error error;
        QVERIFY(!c("unit-0001").call(proto::FloorRequest {id}, &error));
        QCOMPARE(error.code, proto::ErrorCode::NotFound);
        const auto sessions = c("unit-0001").call(proto::SessionListGet {});
        QVERIFY(sessions);
        QCOMPARE(sessions->sessions.size(), 1);
        QCOMPARE(sessions->sessions.first().id, "group:tg-001");
        // The unit is free again, and the session number is not reused.
        const auto next = c(kDispatch1).call(adhoc({"unit-0001"}));
        QVERIFY(next);
        QCOMPARE(next->session.id, "adhoc:2");
        QCOMPARE(next->invited, QStringList {"unit-0001"});
    }

    /// The directory keeps each unit's entry encoded between requests (a 2,000-unit fleet
    /// would hold the server for 25 ms otherwise): every change a unit makes must still show in
    /// the next `directory.get`, also for a console that asked before.
    void directoryShowsEveryChange()
    {
        QVERIFY(logIn({kDispatch1, "unit-0001", "unit-0002"}));
        const auto entry = [&](const QString &unit) {
            const auto directory = c(kDispatch1).call(proto::DirectoryGet {});
            for (const proto::UnitInfo &u : directory ? directory->units : QList<proto::UnitInfo>())
                if (u.id == unit)
                    return u.status == proto::UnitStatus::Offline
                        ? QStringLiteral("offline")
                        : proto::enumName(proto::kUnitStatuses, u.status) + u' '
                            + u.affiliated.join(u',');
            return QStringLiteral("missing");
        };
        const auto directory = c(kDispatch1).call(proto::DirectoryGet {});
        QVERIFY(directory);
        QCOMPARE(directory->units.size(), 30 + 3); // the demo's units, dispatchers, supervisor
        QCOMPARE(directory->groups.size(), 6);
        QCOMPARE(entry("unit-0001"), "online tg-001");
        QCOMPARE(entry("unit-0003"), "offline");

        const auto created = c(kDispatch1).call(adhoc({"unit-0001"}));
        QVERIFY(created);
        QVERIFY(c("unit-0001").waitEvent<proto::SessionJoined>());
        QCOMPARE(entry("unit-0001"), "busy tg-001");
        QVERIFY(c("unit-0001").call(proto::SessionLeave {created->session.id}));
        QCOMPARE(entry("unit-0001"), "online tg-001");

        QVERIFY(c("unit-0002").call(proto::Deaffiliate {{"tg-002"}}));
        QCOMPARE(entry("unit-0002"), "online ");
        proto::UnitAnnounce announce;
        announce.state = proto::UnitStatus::Resetting;
        QVERIFY(c("unit-0002").call(announce));
        QCOMPARE(entry("unit-0002"), "resetting ");
        QVERIFY(c("unit-0002").call(proto::Logout {}));
        QCOMPARE(entry("unit-0002"), "resetting "); // kept while it is gone
        QVERIFY(logIn({"unit-0002", "unit-0003"}));
        QCOMPARE(entry("unit-0002"), "online tg-002");
        QCOMPARE(entry("unit-0003"), "online tg-003");
        QVERIFY(c("unit-0003").call(proto::Logout {}));
        QCOMPARE(entry("unit-0003"), "offline");
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("session");
        QTest::addColumn<proto::ErrorCode>("code");
        QTest::addColumn<QString>("message");
        // adhoc:1 has dispatch-1 and unit-0001; broadcast:2 covers tg-002; dispatch-1 monitors
        // tg-001.
        const proto::ErrorCode forbidden = proto::ErrorCode::Forbidden;
        const QString noUnits = QStringLiteral("units may not create sessions");
        const QString adhocOnly = QStringLiteral("ad-hoc sessions only");
        addRefusal("unit creates ad-hoc", "unit-0001", "create-adhoc", "", forbidden, noUnits);
        addRefusal("unit creates broadcast", "unit-0001", "create-broadcast", "", forbidden,
                   noUnits);
        addRefusal("unit invites", "unit-0001", "invite", "adhoc:1", forbidden, "may not invite");
        addRefusal("invite into group", kDispatch1, "invite", "group:tg-001", forbidden, adhocOnly);
        addRefusal("invite into broadcast", kDispatch1, "invite", "broadcast:2", forbidden,
                   adhocOnly);
        addRefusal("invite from outside", kDispatch2, "invite", "adhoc:1",
                   proto::ErrorCode::NotInSession, "adhoc:1");
        addRefusal("no such session", kDispatch1, "invite", "adhoc:9", proto::ErrorCode::NotFound,
                   "adhoc:9");
    }

    void refusals()
    {
        QFETCH(QString, user);
        QFETCH(QString, action);
        QFETCH(QString, session);
        QFETCH(proto::ErrorCode, code);
        QFETCH(QString, message);
        QVERIFY(logIn({kDispatch1, kDispatch2, "unit-0001", "unit-0002", "unit-0005"}));
        QVERIFY(c(kDispatch1).call(proto::Affiliate {QStringList {"tg-001"}}));
        const auto call = c(kDispatch1).call(adhoc({"unit-0001"}));
        QVERIFY(call);
        QCOMPARE(call->session.id, "adhoc:1");
        const auto cast = c(kDispatch1).call(broadcast("tg-002"));
        QVERIFY(cast);
        QCOMPARE(cast->session.id, "broadcast:2");

        proto::Error error;
        bool answered = false;
        if (action == "create-adhoc")
            answered = bool(c(user).call(adhoc({"unit-0005"}), &error));
        else if (action == "create-broadcast")
            answered = bool(c(user).call(broadcast("tg-001"), &error));
        else
            answered = bool(
                c(user).call(proto::SessionInvite {session, QStringList {"unit-0005"}}, &error));
        QVERIFY(!answered);
        QCOMPARE(error.code, code);
        QVERIFY2(error.message.contains(message), qPrintable(error.message));
        // Nobody was pulled into anything.
        QTest::qWait(100);
        QCOMPARE(c("unit-0005").countEvents<proto::SessionJoined>(), 0);
        QCOMPARE(m_server->hub()->sessionInfo("adhoc:3").id, QString());
    }
};

QTEST_GUILESS_MAIN(TestServerSessions)
#include "tst_serversessions.moc"
