// SPDX-License-Identifier: Apache-2.0
// The invite planner decides whom a drop calls; the unit and session lists it reads from.
#include "core/console/inviteplanner.h"
#include "core/console/sessionlistmodel.h"
#include "core/console/unitlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace floorline;
using namespace floorline::console;

namespace {
proto::UnitInfo unit(const QString &id, const QString &alias, proto::UnitStatus status,
                     const QStringList &groups)
{
    proto::UnitInfo u;
    u.id = id;
    u.alias = alias;
    u.status = status;
    u.groups = groups;
    return u;
}

const QHash<QString, QString> kGroupNames {{"fire", "Fire"}, {"ems", "EMS"}, {"north", "North"}};
} // namespace

class TestInvitePlanner : public QObject
{
    Q_OBJECT
private:
    UnitListModel m_units;
    void fill()
    {
        m_units.setUnits({unit("e1", "Engine 1", proto::UnitStatus::Online, {"fire"}),
                          unit("e2", "Engine 2", proto::UnitStatus::Online, {"fire", "ems"}),
                          unit("m1", "Medic 1", proto::UnitStatus::Offline, {"ems"}),
                          unit("r1", "Rescue 1", proto::UnitStatus::Resetting, {"north"}),
                          unit("b1", "Boat 1", proto::UnitStatus::Online, {"north"}),
                          unit("d1", "Dispatch 1", proto::UnitStatus::Online, {})},
                         kGroupNames, "d1");
        m_units.setStatus("b1", proto::UnitStatus::Busy, "adhoc:7");
    }

private Q_SLOTS:
    void init() { fill(); }

    void plan_data()
    {
        QTest::addColumn<QStringList>("drop");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QStringList>("members");
        QTest::addColumn<QStringList>("invited");
        QTest::addColumn<QStringList>("skipped"); // "unit:reason"

        QTest::newRow("one free unit on a live call")
            << QStringList {"e1"} << "adhoc:3" << QStringList {"d1"} << QStringList {"e1"}
            << QStringList {};
        QTest::newRow("busy elsewhere is not invited")
            << QStringList {"b1"} << "adhoc:3" << QStringList {"d1"} << QStringList {}
            << QStringList {"b1:busy"};
        QTest::newRow("busy in this very call counts as a member")
            << QStringList {"b1"} << "adhoc:7" << QStringList {} << QStringList {}
            << QStringList {"b1:member"};
        QTest::newRow("already a member")
            << QStringList {"e1", "e2"} << "adhoc:3" << QStringList {"d1", "e2"}
            << QStringList {"e1"} << QStringList {"e2:member"};
        QTest::newRow("offline, resetting, unknown and self")
            << QStringList {"m1", "r1", "zz", "d1", "e1"} << "" << QStringList {}
            << QStringList {"e1"}
            << QStringList {"m1:offline", "r1:resetting", "zz:unknown", "d1:self"};
        QTest::newRow("a unit dropped twice is called once, reported once")
            << QStringList {"e2", "e2", "m1", "m1"} << "" << QStringList {} << QStringList {"e2"}
            << QStringList {"m1:offline"};
    }
    void plan()
    {
        QFETCH(QStringList, drop);
        QFETCH(QString, target);
        QFETCH(QStringList, members);
        QFETCH(QStringList, invited);
        QFETCH(QStringList, skipped);
        const InvitePlan plan = planInvites(drop, target, members, m_units, "d1");
        QCOMPARE(plan.invite, invited);
        QStringList got;
        for (const SkippedUnit &s : plan.skipped) {
            static const char *names[]
                = {"unknown", "self", "member", "offline", "resetting", "busy"};
            got << s.unit + ":" + names[int(s.reason)];
            if (s.reason == SkipReason::Busy)
                QCOMPARE(s.session, "adhoc:7");
        }
        QCOMPARE(got, skipped);
    }

    void subtreeMembersAreEachCalledOnce()
    {
        // Engine 2 is in Fire and EMS: a broadcast over both calls it once.
        QCOMPARE(m_units.membersOf({"fire", "ems"}), (QStringList {"e1", "e2", "m1"}));
    }

    void skippedNoticeSaysWhoAndWhy()
    {
        SessionListModel sessions(m_units);
        proto::SessionInfo call;
        call.id = "adhoc:7";
        call.kind = proto::SessionKind::AdHoc;
        call.name = "Structure fire";
        call.members = {"d1", "b1"};
        sessions.update(call);
        const InvitePlan plan = planInvites({"b1", "m1"}, {}, {}, m_units, "d1");
        QCOMPARE(describeSkipped(plan.skipped, m_units, sessions),
                 "Not invited: Boat 1 (busy in Structure fire), Medic 1 (offline)");
        QCOMPARE(describeSkipped({}, m_units, sessions), QString());
    }

    void unitListSearchAndStatusFilter()
    {
        UnitListModel units;
        QAbstractItemModelTester tester(&units,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        UnitFilterModel filter(&units);
        QAbstractItemModelTester filterTester(
            &filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy count(&filter, &UnitFilterModel::countChanged);
        units.setUnits({unit("e1", "Engine 1", proto::UnitStatus::Online, {"fire"}),
                        unit("e2", "Engine 2", proto::UnitStatus::Online, {"fire", "ems"}),
                        unit("m1", "Medic 1", proto::UnitStatus::Offline, {"ems"}),
                        unit("d1", "Dispatch 1", proto::UnitStatus::Online, {})},
                       kGroupNames, "d1");
        QCOMPARE(filter.count(), 3); // the console's own account is not listed
        QVERIFY(count.count() > 0);
        filter.setSearch("  engine ");
        QCOMPARE(filter.count(), 2);
        filter.setSearch("EMS"); // configured group names match too
        QCOMPARE(filter.count(), 2);
        filter.setStatusFilter("offline");
        QCOMPARE(filter.count(), 1);
        QCOMPARE(filter.unitAt(0), "m1");
        filter.setSearch({});
        filter.setStatusFilter("busy");
        QCOMPARE(filter.count(), 0);
        units.setStatus("e1", proto::UnitStatus::Busy, "adhoc:2");
        // A unit that becomes busy shows up under Busy with the next batch of changes.
        QTRY_COMPARE_WITH_TIMEOUT(filter.count(), 1, UnitListModel::kBatchMs * 10);
        QCOMPARE(filter.index(0, 0).data(UnitListModel::StatusTextRole).toString(),
                 "Busy in adhoc:2");
        units.setSessionName("adhoc:2", "Crash on A7");
        QCOMPARE(filter.index(0, 0).data(UnitListModel::StatusTextRole).toString(),
                 "Busy in Crash on A7");
        units.setCurrentGroup("e1", "ems");
        QCOMPARE(filter.index(0, 0).data(UnitListModel::CurrentGroupRole).toString(), "EMS");
        units.setStatus("e1", proto::UnitStatus::Online, {});
        QTRY_COMPARE_WITH_TIMEOUT(filter.count(), 0, UnitListModel::kBatchMs * 10);
    }

    void sessionsSeenOnlyThroughUnitStatus()
    {
        SessionListModel sessions(m_units);
        QAbstractItemModelTester tester(&sessions,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        sessions.setSelf("d1");
        // Another dispatcher's call: we learn of it from unit.status only.
        sessions.unitBusyIn("e1", "adhoc:9");
        sessions.unitBusyIn("e2", "adhoc:9");
        QCOMPARE(sessions.count(), 1);
        const QModelIndex row = sessions.index(0);
        QCOMPARE(row.data(SessionListModel::JoinedRole).toBool(), false);
        QCOMPARE(row.data(SessionListModel::ParticipantsRole).toString(), "Engine 1, Engine 2");
        QCOMPARE(row.data(SessionListModel::NameRole).toString(), "Call 9");
        sessions.unitBusyIn("e1", {});
        QCOMPARE(sessions.index(0).data(SessionListModel::ParticipantCountRole).toInt(), 1);
        sessions.unitBusyIn("e2", "adhoc:10"); // moved on: the old call is empty and goes
        QCOMPARE(sessions.count(), 1);
        QCOMPARE(sessions.index(0).data(SessionListModel::SessionIdRole).toString(), "adhoc:10");

        // A call we are in: full detail, and status events do not second-guess its members.
        proto::SessionInfo mine;
        mine.id = "broadcast:11";
        mine.kind = proto::SessionKind::Broadcast;
        mine.name = "Broadcast: North";
        mine.owner = "d1";
        mine.members = {"d1", "b1"};
        sessions.update(mine);
        sessions.unitBusyIn("b1", {});
        QCOMPARE(sessions.members("broadcast:11"), (QStringList {"d1", "b1"}));
        const QModelIndex card = sessions.index(1);
        QCOMPARE(card.data(SessionListModel::OwnedRole).toBool(), true);
        QCOMPARE(card.data(SessionListModel::ParticipantsRole).toString(), "you, Boat 1");
        sessions.setTalker("broadcast:11", "Dispatch 1", false, 1000);
        QCOMPARE(card.data(SessionListModel::TalkerRole).toString(), "Dispatch 1");
        sessions.clearTalker("broadcast:11");
        QCOMPARE(card.data(SessionListModel::TalkerRole).toString(), QString());
        sessions.remove("broadcast:11");
        QCOMPARE(sessions.joinedSessions(), QStringList {});
    }
};

QTEST_GUILESS_MAIN(TestInvitePlanner)
#include "tst_inviteplanner.moc"
