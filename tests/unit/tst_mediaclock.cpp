// SPDX-License-Identifier: Apache-2.0
// The simulator's RTP media clock (docs/protocol.md §6.3): random once per stream, then 48 kHz
// wall-clock time, on the air or off it.
#include "tools/sim/mediaclock.h"

#include <QTest>

using floorline::sim::MediaClock;

struct Spurt
{
    qint64 startMs;
    int packets;
};
Q_DECLARE_METATYPE(QList<Spurt>)

class TestMediaClock : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void followsTheWallClock_data()
    {
        QTest::addColumn<quint32>("initial");
        QTest::addColumn<int>("frameMs");
        QTest::addColumn<QList<Spurt>>("spurts");
        // Timestamp of each spurt's first packet, counted from the initial one.
        QTest::addColumn<QList<quint32>>("firsts");

        // 5 packets end at 1100 ms (4800); 1000 ms off the air add 48000.
        QTest::newRow("20 ms, a second apart")
            << 1000u << 20 << QList<Spurt> {{1000, 5}, {2100, 3}} << QList<quint32> {0, 52800};
        // 3 packets end at 30 ms (1440); 500 ms off the air add 24000.
        QTest::newRow("10 ms frames")
            << 7u << 10 << QList<Spurt> {{0, 3}, {530, 2}} << QList<quint32> {0, 25440};
        QTest::newRow("three spurts")
            << 123456u << 20 << QList<Spurt> {{100, 1}, {620, 2}, {10660, 1}}
            << QList<quint32> {0, 24960, 506880};
        // Granted again before the last spurt's audio would have ended: no step back, and the
        // clock stays on the wall clock afterwards (ends at 60 ms, 1 s off the air).
        QTest::newRow("regrant within a frame")
            << 0u << 20 << QList<Spurt> {{0, 2}, {30, 1}, {1060, 1}}
            << QList<quint32> {0, 1920, 50880};
        // Two days off the air: 8294400000 ticks, modulo 2^32 (and no int overflow).
        QTest::newRow("wraps after a long silence")
            << 0xFFFFFF00u << 20 << QList<Spurt> {{0, 1}, {20 + 172800000LL, 1}}
            << QList<quint32> {0, quint32(960 + 8294400000ULL)};
    }

    void followsTheWallClock()
    {
        QFETCH(quint32, initial);
        QFETCH(int, frameMs);
        QFETCH(QList<Spurt>, spurts);
        QFETCH(QList<quint32>, firsts);
        MediaClock clock(initial);
        for (qsizetype s = 0; s < spurts.size(); ++s) {
            clock.startSpurt(spurts.at(s).startMs);
            const quint32 first = clock.next(frameMs);
            QCOMPARE(quint32(first - initial), firsts.at(s));
            // Within a spurt each packet is one frame on.
            for (int p = 1; p < spurts.at(s).packets; ++p)
                QCOMPARE(quint32(clock.next(frameMs) - first), quint32(48 * frameMs * p));
        }
    }

    void randomPerStream()
    {
        // Two streams start at different random timestamps (2^-32 that they collide).
        MediaClock a;
        MediaClock b;
        a.startSpurt(0);
        b.startSpurt(0);
        QVERIFY(a.next(20) != b.next(20));
    }
};

QTEST_GUILESS_MAIN(TestMediaClock)
#include "tst_mediaclock.moc"
