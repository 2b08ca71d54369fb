// SPDX-License-Identifier: Apache-2.0
#include "core/signaling/backoff.h"

#include <QTest>

using floorline::Backoff;

class TestBackoff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void growsWithJitterAndCaps()
    {
        Backoff backoff(250, 10000, 7);
        for (int attempt = 0; attempt < 12; ++attempt) {
            const int ceiling = std::min(250 << attempt, 10000);
            const int delay = backoff.next();
            QVERIFY2(delay >= ceiling / 2 && delay <= ceiling,
                     qPrintable(QStringLiteral("attempt %1: %2 not in [%3, %4]")
                                    .arg(attempt)
                                    .arg(delay)
                                    .arg(ceiling / 2)
                                    .arg(ceiling)));
        }
        backoff.reset();
        QVERIFY(backoff.next() <= 250);
    }

    void jitterSpreadsAFleet()
    {
        // 100 clients that lost the server together must not all retry in the same 10 ms.
        QSet<int> buckets;
        for (quint32 seed = 1; seed <= 100; ++seed) {
            Backoff b(250, 10000, seed);
            b.next();
            b.next();
            buckets.insert(b.next() / 10); // third attempt: 500..1000 ms
        }
        QVERIFY2(buckets.size() > 20, qPrintable(QString::number(buckets.size())));
    }
};

QTEST_GUILESS_MAIN(TestBackoff)
#include "tst_backoff.moc"
