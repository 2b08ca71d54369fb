// SPDX-License-Identifier: Apache-2.0
// The floor arbiter's state table (TS 24.380 floor control server), one row per scenario.
#include "server/lib/floorarbiter.h"

#include <QTest>

using namespace floorline;
using server::FloorArbiter;

namespace {

QString name(quint64 participant)
{
    return QString(QChar(u'A' + int(participant) - 1));
}

QString format(const FloorArbiter::Actions &actions)
{
    QStringList out;
    for (const auto &a : actions) {
        switch (a.kind) {
        case FloorArbiter::Action::Granted:
            out << QStringLiteral("Granted %1 %2").arg(name(a.participant)).arg(a.value);
            break;
        case FloorArbiter::Action::Taken:
            out << QStringLiteral("Taken %1").arg(name(a.participant));
            break;
        case FloorArbiter::Action::Idle:
            out << QStringLiteral("Idle");
            break;
        case FloorArbiter::Action::Revoke:
            out << QStringLiteral("Revoke %1 %2").arg(name(a.participant)).arg(a.value);
            break;
        case FloorArbiter::Action::Deny:
            out << QStringLiteral("Deny %1 %2").arg(name(a.participant)).arg(a.value);
            break;
        case FloorArbiter::Action::QueuePosition:
            out << QStringLiteral("Pos %1 %2").arg(name(a.participant)).arg(a.value);
            break;
        }
    }
    return out.join(QStringLiteral(", "));
}

QString format(const proto::FloorRequestResult &r)
{
    switch (r.outcome) {
    case proto::FloorOutcome::Granted:
        return QStringLiteral("granted %1").arg(r.duration);
    case proto::FloorOutcome::Queued:
        return QStringLiteral("queued %1").arg(r.position);
    case proto::FloorOutcome::Denied:
        break;
    }
    return QStringLiteral("denied %1").arg(r.cause);
}

QString describeState(const FloorArbiter &arbiter)
{
    QString s = proto::enumName(proto::kFloorStates, arbiter.state());
    if (arbiter.holder())
        s += QLatin1Char(' ') + name(arbiter.holder()->participant);
    QStringList queue;
    for (const auto &q : arbiter.queue())
        queue << name(q.participant);
    if (!queue.isEmpty())
        s += QStringLiteral(" [") + queue.join(QLatin1Char(',')) + QLatin1Char(']');
    return s;
}

} // namespace

class TestFloorArbiter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void stateTable_data()
    {
        // Steps: "<ms> req <who> <n|i|e> <priority>", "<ms> rel <who>", "<ms> timer [media=<ms>]",
        // "<ms> rx <who>" (receive-only request). Each step's expectation is
        // "<result>; <actions>" for requests and "<actions>" otherwise.
        QTest::addColumn<QStringList>("steps");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QString>("finalState");
        QTest::addColumn<bool>("queueing");
        QTest::addColumn<int>("maxQueue");

        QTest::newRow("idle: request is granted, others told Taken")
            << QStringList {"0 req A n 0"} << QStringList {"granted 30; Taken A"} << "taken A"
            << true << 8;
        QTest::newRow("taken: request is queued with position")
            << QStringList {"0 req A n 0", "10 req B n 0", "20 req C n 0"}
            << QStringList {"granted 30; Taken A", "queued 1; Pos B 1",
                            "queued 2; Pos B 1, Pos C 2"}
            << "taken A [B,C]" << true << 8;
        QTest::newRow("taken, queueing off: denied 101")
            << QStringList {"0 req A n 0", "10 req B n 0"}
            << QStringList {"granted 30; Taken A", "denied 101; "} << "taken A" << false << 8;
        QTest::newRow("taken, queue full: denied 107")
            << QStringList {"0 req A n 0", "1 req B n 0", "2 req C n 0"}
            << QStringList {"granted 30; Taken A", "queued 1; Pos B 1", "denied 107; "}
            << "taken A [B]" << true << 1;
        QTest::newRow("higher priority pre-empts: revoke holder, grant requester on release")
            << QStringList {"0 req A n 1", "10 req B n 5", "20 rel A"}
            << QStringList {"granted 30; Taken A", "queued 1; Revoke A 4, Pos B 1",
                            "Granted B 30, Taken B"}
            << "taken B" << true << 8;
        QTest::newRow("emergency pre-empts a higher normal priority")
            << QStringList {"0 req A n 15", "5 req B e 0", "6 rel A"}
            << QStringList {"granted 30; Taken A", "queued 1; Revoke A 4, Pos B 1",
                            "Granted B 30, Taken B"}
            << "taken B" << true << 8;
        QTest::newRow("imminent peril pre-empts normal, not emergency")
            << QStringList {"0 req A e 0", "5 req B i 9"}
            << QStringList {"granted 30; Taken A", "queued 1; Pos B 1"} << "taken A [B]" << true
            << 8;
        QTest::newRow("equal priority does not pre-empt")
            << QStringList {"0 req A n 3", "5 req B n 3"}
            << QStringList {"granted 30; Taken A", "queued 1; Pos B 1"} << "taken A [B]" << true
            << 8;
        QTest::newRow("revoked holder that ignores revoke loses floor after grace")
            << QStringList {"0 req A n 0", "10 req B e 0", "1009 timer", "1010 timer"}
            << QStringList {"granted 30; Taken A", "queued 1; Revoke A 4, Pos B 1", "",
                            "Granted B 30, Taken B"}
            << "taken B" << true << 8;
        QTest::newRow("queue orders by type, then priority, then arrival")
            << QStringList {"0 req A n 0", "1 req B n 2", "2 req C n 5", "3 req D i 0"}
            << QStringList {"granted 30; Taken A", "queued 1; Revoke A 4, Pos B 1",
                            "queued 1; Pos C 1, Pos B 2", "queued 1; Pos D 1, Pos C 2, Pos B 3"}
            << "pending-revoke A [D,C,B]" << true << 8;
        QTest::newRow("release hands the floor to the next in queue")
            << QStringList {"0 req A n 0", "1 req B n 0", "2 req C n 0", "3 rel A"}
            << QStringList {"granted 30; Taken A", "queued 1; Pos B 1",
                            "queued 2; Pos B 1, Pos C 2", "Granted B 30, Taken B, Pos C 1"}
            << "taken B [C]" << true << 8;
        QTest::newRow("release with empty queue: idle")
            << QStringList {"0 req A n 0", "500 rel A"}
            << QStringList {"granted 30; Taken A", "Idle"} << "idle" << true << 8;
        QTest::newRow("queued participant cancels with release")
            << QStringList {"0 req A n 0", "1 req B n 0", "2 req C n 0", "3 rel B"}
            << QStringList {"granted 30; Taken A", "queued 1; Pos B 1",
                            "queued 2; Pos B 1, Pos C 2", "Pos C 1"}
            << "taken A [C]" << true << 8;
        QTest::newRow("release by a stranger changes nothing")
            << QStringList {"0 req A n 0", "1 rel C"} << QStringList {"granted 30; Taken A", ""}
            << "taken A" << true << 8;
        QTest::newRow("T1: no media for 4 s: idle")
            << QStringList {"0 req A n 0", "3999 timer", "4000 timer"}
            << QStringList {"granted 30; Taken A", "", "Idle"} << "idle" << true << 8;
        QTest::newRow("T1 restarts with media")
            << QStringList {"0 req A n 0", "4000 timer media=3000", "7000 timer media=3000"}
            << QStringList {"granted 30; Taken A", "", "Idle"} << "idle" << true << 8;
        QTest::newRow("T1 expiry grants the next in queue")
            << QStringList {"0 req A n 0", "1 req B n 0", "4000 timer"}
            << QStringList {"granted 30; Taken A", "queued 1; Pos B 1", "Granted B 30, Taken B"}
            << "taken B" << true << 8;
        QTest::newRow("T2: maximum talk time revokes, then idles after grace")
            << QStringList {"0 req A n 0", "30000 timer media=29990", "31000 timer media=30990"}
            << QStringList {"granted 30; Taken A", "Revoke A 2", "Idle"} << "idle" << true << 8;
        QTest::newRow("holder disconnects: next in queue")
            << QStringList {"0 req A n 0", "1 req B n 0", "2 rel A"}
            << QStringList {"granted 30; Taken A", "queued 1; Pos B 1", "Granted B 30, Taken B"}
            << "taken B" << true << 8;
        QTest::newRow("receive-only participant is denied 105")
            << QStringList {"0 rx B"} << QStringList {"denied 105; "} << "idle" << true << 8;
        QTest::newRow("holder repeats its request: still granted, nothing sent")
            << QStringList {"0 req A n 0", "10000 req A n 0"}
            << QStringList {"granted 30; Taken A", "granted 20; "} << "taken A" << true << 8;
        QTest::newRow("queued participant re-requests with higher priority: moves up")
            << QStringList {"0 req A e 0", "1 req B n 0", "2 req C n 3", "3 req B n 9"}
            << QStringList {"granted 30; Taken A", "queued 1; Pos B 1",
                            "queued 1; Pos C 1, Pos B 2", "queued 1; Pos B 1, Pos C 2"}
            << "taken A [B,C]" << true << 8;
    }

    void stateTable()
    {
        QFETCH(QStringList, steps);
        QFETCH(QStringList, expected);
        QFETCH(QString, finalState);
        QFETCH(bool, queueing);
        QFETCH(int, maxQueue);
        QCOMPARE(steps.size(), expected.size());

        FloorArbiter::Config config;
        config.queueing = queueing;
        config.maxQueue = maxQueue;
        FloorArbiter arbiter(config);
        for (qsizetype i = 0; i < steps.size(); ++i) {
            const QStringList word = steps.at(i).split(QLatin1Char(' '));
            const qint64 now = word.at(0).toLongLong();
            FloorArbiter::Actions actions;
            QString got;
            if (word.at(1) == QLatin1String("req") || word.at(1) == QLatin1String("rx")) {
                FloorArbiter::Requester r;
                r.participant = quint64(word.at(2).at(0).unicode() - u'A' + 1);
                r.unit = word.at(2);
                r.ssrc = quint32(r.participant);
                r.receiveOnly = word.at(1) == QLatin1String("rx");
                if (!r.receiveOnly) {
                    const QChar type = word.at(3).at(0);
                    r.type = type == u'e' ? proto::FloorType::Emergency
                        : type == u'i'    ? proto::FloorType::ImminentPeril
                                          : proto::FloorType::Normal;
                    r.priority = word.at(4).toInt();
                }
                const QString result = format(arbiter.request(r, now, actions));
                got = result + QStringLiteral("; ") + format(actions);
            } else if (word.at(1) == QLatin1String("rel")) {
                arbiter.release(quint64(word.at(2).at(0).unicode() - u'A' + 1), now, actions);
                got = format(actions);
            } else {
                const qint64 media
                    = word.size() > 2 ? word.at(2).section(QLatin1Char('='), 1).toLongLong() : 0;
                arbiter.onTimer(now, media, actions);
                got = format(actions);
            }
            QVERIFY2(got == expected.at(i),
                     qPrintable(QStringLiteral("step %1 '%2': got '%3', expected '%4'")
                                    .arg(i)
                                    .arg(steps.at(i), got, expected.at(i))));
        }
        QCOMPARE(describeState(arbiter), finalState);
    }

    void deadlines()
    {
        FloorArbiter arbiter({});
        QVERIFY(!arbiter.nextDeadline(0));
        FloorArbiter::Actions actions;
        arbiter.request({1, QStringLiteral("A"), {}, 1, 0, proto::FloorType::Normal, false}, 1000,
                        actions);
        QCOMPARE(*arbiter.nextDeadline(0), qint64(5000)); // T1 from the grant
        QCOMPARE(*arbiter.nextDeadline(3000), qint64(7000)); // T1 from the last packet
        QCOMPARE(*arbiter.nextDeadline(30000), qint64(31000)); // T2 comes first
    }
};

QTEST_GUILESS_MAIN(TestFloorArbiter)
#include "tst_floorarbiter.moc"
