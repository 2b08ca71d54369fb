// SPDX-License-Identifier: Apache-2.0
// The jitter buffer's behaviour as tables: arrivals in, one pop per 20 ms frame out.
#include "core/media/jitterbuffer.h"

#include <QTest>

using floorline::media::JitterBuffer;

namespace {

/// Runs arrivals "seq@ms" (suffix m: marker) against pops every 20 ms from 0 to `untilMs` and
/// renders each pop: "-" nothing, "P5" packet 5, "F5" frame 5 from the next packet's FEC,
/// "C5" frame 5 concealed.
QString run(JitterBuffer &buffer, const QStringList &arrivals, int untilMs)
{
    struct Arrival
    {
        int ms;
        uint16_t seq;
        bool marker;
    };
    QList<Arrival> pending;
    for (const QString &a : arrivals) {
        const bool marker = a.endsWith(QLatin1Char('m'));
        const QString body = marker ? a.chopped(1) : a;
        pending.append({body.section(QLatin1Char('@'), 1).toInt(),
                        uint16_t(body.section(QLatin1Char('@'), 0, 0).toInt()), marker});
    }
    std::stable_sort(pending.begin(), pending.end(),
                     [](const Arrival &x, const Arrival &y) { return x.ms < y.ms; });
    QStringList out;
    qsizetype next = 0;
    for (int now = 0; now <= untilMs; now += 20) {
        for (; next < pending.size() && pending.at(next).ms <= now; ++next) {
            const Arrival &a = pending.at(next);
            buffer.push(a.seq, uint32_t(a.seq) * 960, a.marker, QByteArray::number(a.seq), a.ms);
        }
        const JitterBuffer::Frame f = buffer.pop(now);
        switch (f.kind) {
        case JitterBuffer::Kind::None:
            out << QStringLiteral("-");
            break;
        case JitterBuffer::Kind::Packet:
            out << (f.payload == QByteArray::number(f.sequence) ? QStringLiteral("P%1")
                                                                : QStringLiteral("P%1(wrong)"))
                       .arg(f.sequence);
            break;
        case JitterBuffer::Kind::Fec:
            out << (f.payload == QByteArray::number(uint16_t(f.sequence + 1))
                        ? QStringLiteral("F%1")
                        : QStringLiteral("F%1(wrong)"))
                       .arg(f.sequence);
            break;
        case JitterBuffer::Kind::Conceal:
            out << QStringLiteral("C%1").arg(f.sequence);
            break;
        }
    }
    return out.join(QLatin1Char(' '));
}

/// The tables use a fixed 40 ms first guess and a 20 ms floor, so their columns line up with
/// the 20 ms pops; the product's defaults are tighter.
JitterBuffer::Config tableConfig()
{
    JitterBuffer::Config c;
    c.minDelayMs = 20;
    c.initialDelayMs = 40;
    return c;
}

} // namespace

class TestJitterBuffer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void table_data()
    {
        QTest::addColumn<QStringList>("arrivals");
        QTest::addColumn<int>("untilMs");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("counters"); // received lost late dup concealed recovered drained

        QTest::newRow("in order: primes after 40 ms, drains after 3 concealed")
            << QStringList {"1@0m", "2@20", "3@40", "4@60", "5@80"} << 280
            << "- - P1 P2 P3 P4 P5 C6 C7 C8 - - - - -"
            << "5 0 0 0 0 0 3";
        QTest::newRow("reordered: played in sequence")
            << QStringList {"1@0m", "3@20", "2@30", "5@60", "4@70", "6@100"} << 200
            << "- - P1 P2 P3 P4 P5 P6 C7 C8 C9"
            << "6 0 0 0 3 0 0";
        QTest::newRow("one lost: rebuilt from the next packet's FEC")
            << QStringList {"1@0m", "2@20", "4@60", "5@80", "6@100"} << 160
            << "- - P1 P2 F3 P4 P5 P6 C7"
            << "5 1 0 0 1 1 0";
        QTest::newRow("two lost: conceal, then FEC")
            << QStringList {"1@0m", "2@20", "5@80", "6@100", "7@120"} << 180
            << "- - P1 P2 C3 F4 P5 P6 P7 C8"
            << "5 2 0 0 2 1 0";
        QTest::newRow("duplicates are dropped and counted")
            << QStringList {"1@0m", "2@20", "2@25", "3@40", "1@45", "4@60"} << 140
            << "- - P1 P2 P3 P4 C5 C6"
            << "4 0 0 2 2 0 0";
        QTest::newRow("late packet after its frame was concealed")
            << QStringList {"1@0m", "2@20", "4@60", "3@85", "5@80"} << 140
            << "- - P1 P2 F3 P4 P5 C6"
            << "4 1 1 0 1 1 0";
        QTest::newRow("jitter up to the delay plays through without loss")
            << QStringList {"1@0m", "2@35", "3@40", "4@95", "5@100", "6@115"} << 200
            << "- - P1 P2 P3 P4 P5 P6 C7 C8 C9"
            << "6 0 0 0 3 0 0";
        QTest::newRow("a gap inside the spurt counts as loss once the spurt goes on")
            << QStringList {"1@0m", "2@20", "6@120", "7@140"} << 220
            << "- - P1 P2 C3 C4 F5 P6 P7 C8 C9 C10"
            << "4 3 0 0 5 1 0";
        // No jitter in the first spurt: the second primes after one frame instead of two.
        QTest::newRow("next spurt after silence primes again on its marker")
            << QStringList {"1@0m", "2@20", "3@400m", "4@420"} << 520
            << "- - P1 P2 C3 C4 C5 - - - - - - - - - - - - - - P3 P4 C5 C6 C7 -"
            << "4 0 0 0 0 0 6";
        QTest::newRow("sequence wraps around 65535")
            << QStringList {"65534@0m", "65535@20", "0@40", "1@60"} << 120
            << "- - P65534 P65535 P0 P1 C2"
            << "4 0 0 0 1 0 0";
    }

    void table()
    {
        QFETCH(QStringList, arrivals);
        QFETCH(int, untilMs);
        QFETCH(QString, expected);
        QFETCH(QString, counters);
        JitterBuffer buffer(tableConfig());
        QCOMPARE(run(buffer, arrivals, untilMs), expected);
        const auto &s = buffer.stats();
        QCOMPARE(QStringLiteral("%1 %2 %3 %4 %5 %6 %7")
                     .arg(s.received)
                     .arg(s.lost)
                     .arg(s.late)
                     .arg(s.duplicates)
                     .arg(s.concealed)
                     .arg(s.recovered)
                     .arg(s.drained),
                 counters);
    }

    void delayFollowsJitterBetweenSpurtsOnly()
    {
        JitterBuffer buffer(tableConfig());
        QCOMPARE(buffer.stats().delayMs, 40); // the initial guess
        // A spurt with ±30 ms jitter: arrivals swing around the 20 ms grid.
        int64_t t = 0;
        for (int i = 0; i < 100; ++i) {
            const int64_t arrival = i * 20 + ((i % 2) ? 30 : 0);
            buffer.push(uint16_t(i), uint32_t(i * 960), i == 0, QByteArray("x"), arrival);
            for (; t <= arrival; t += 20)
                buffer.pop(t);
        }
        QVERIFY2(buffer.stats().jitterMs > 10,
                 qPrintable(QString::number(buffer.stats().jitterMs)));
        const int during = buffer.stats().delayMs;
        QCOMPARE(during, 40); // the initial guess holds for the whole spurt
        // Drain, then a new spurt: now the delay grows to cover the jitter.
        for (int i = 0; i < 10; ++i, t += 20)
            buffer.pop(t);
        QVERIFY(!buffer.isPlaying());
        buffer.push(200, 200 * 960, true, QByteArray("x"), t);
        QVERIFY2(buffer.stats().delayMs >= 60, qPrintable(QString::number(buffer.stats().delayMs)));
        QVERIFY(buffer.stats().delayMs <= buffer.config().maxDelayMs);
    }

    void preRollBurstIsOwedBack()
    {
        // The talker's pre-roll and its first live frame arrive together: playing both at the
        // frame rate would delay the whole spurt by a frame, so the first is offered for
        // skipping (the player skips it only if it is quiet).
        JitterBuffer buffer(tableConfig());
        buffer.push(1, 960, true, "1", 0);
        buffer.push(2, 1920, false, "2", 0);
        buffer.push(3, 2880, false, "3", 20);
        JitterBuffer::Frame f = buffer.pop(40);
        QCOMPARE(f.sequence, uint16_t(1));
        QVERIFY(f.surplus);
        buffer.skipped();
        f = buffer.pop(40);
        QCOMPARE(f.sequence, uint16_t(2));
        QVERIFY(!f.surplus);
        QCOMPARE(buffer.stats().skipped, uint64_t(1));
        QCOMPARE(buffer.stats().played, uint64_t(1));
    }

    void steadyFramesAreNotOwed()
    {
        JitterBuffer buffer(tableConfig());
        int64_t t = 0;
        for (int i = 0; i < 20; ++i) {
            buffer.push(uint16_t(i), uint32_t(i * 960), i == 0, "x", i * 20);
            for (; t <= i * 20; t += 20)
                QVERIFY(!buffer.pop(t).surplus);
        }
    }

    void joiningMidSpurtIsNotJitter()
    {
        // A listener who leaves and rejoins a running spurt misses its marker; the media
        // clock ran on meanwhile, but the gap must not count as jitter (it would inflate the
        // delay of every later spurt).
        JitterBuffer buffer(tableConfig());
        int64_t t = 0;
        auto feed = [&](int from, int to, int offsetMs) {
            for (int i = from; i < to; ++i) {
                buffer.push(uint16_t(i), uint32_t(i * 960), i == 0, "x", i * 20 + offsetMs);
                for (; t <= i * 20 + offsetMs; t += 20)
                    buffer.pop(t);
            }
        };
        feed(0, 50, 0);
        for (int i = 0; i < 30; ++i, t += 20)
            buffer.pop(t); // away: nothing arrives, the buffer drains
        QVERIFY(!buffer.isPlaying());
        feed(80, 130, 7); // back, with a slightly different path delay
        QVERIFY2(buffer.stats().jitterMs < 2.0,
                 qPrintable(QString::number(buffer.stats().jitterMs)));
    }
};

QTEST_GUILESS_MAIN(TestJitterBuffer)
#include "tst_jitterbuffer.moc"
