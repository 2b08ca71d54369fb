// SPDX-License-Identifier: Apache-2.0
// Floor access time: Floor Request -> Granted over WebSocket on loopback against a real
// floorline-server process, repeated N times (each followed by a release).
#include "benchcommon.h"

#include "core/protocol/clock.h"
#include "core/signaling/signalingclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QTest>
#include <QTimer>

#include <cstdio>
#include <functional>

using namespace floorline;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Floor access time benchmark"));
    parser.addHelpOption();
    const QCommandLineOption requests(QStringLiteral("requests"),
                                      QStringLiteral("Requests (2000)."), QStringLiteral("n"),
                                      QStringLiteral("2000"));
    const QCommandLineOption listeners(QStringLiteral("listeners"),
                                       QStringLiteral("Other members told Floor Taken (20)."),
                                       QStringLiteral("n"), QStringLiteral("20"));
    const QCommandLineOption binary(QStringLiteral("server-binary"),
                                    QStringLiteral("floorline-server to run."),
                                    QStringLiteral("path"), bench::defaultServerBinary());
    parser.addOptions({requests, listeners, binary});
    parser.process(app);
    const int n = parser.value(requests).toInt();
    const int others = parser.value(listeners).toInt();

    bench::ServerProcess server;
    QString error;
    // 400 units in 10 groups: tg-001 has 50 members to choose listeners from.
    if (!server.start(parser.value(binary),
                      {QStringLiteral("--demo-fleet"), QStringLiteral("400,10"),
                       QStringLiteral("--rate-limit"), QStringLiteral("100000")},
                      &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const QUrl url = server.url();

    // Talk group tg-001 holds units 1, 9, 17, ... (every 8th with 8 talk groups).
    std::vector<std::unique_ptr<SignalingClient>> clients;
    for (int i = 0; i <= others; ++i) {
        auto c = std::make_unique<SignalingClient>();
        const QString user = QStringLiteral("unit-%1").arg(1 + 8 * i, 4, 10, QLatin1Char('0'));
        c->connectToServer(url, user, user);
        clients.push_back(std::move(c));
    }
    for (auto &c : clients) {
        if (!bench::joinGroup(*c, QStringLiteral("tg-001")))
            return 1;
    }

    SignalingClient &talker = *clients.front();
    const QString session = QStringLiteral("group:tg-001");
    std::vector<double> grantUs;
    grantUs.reserve(std::size_t(n));
    const double cpuBefore = server.cpuSeconds();
    const qint64 wallBefore = monotonicUs();
    // Chained callbacks inside the event loop: each response is timed the moment it is read,
    // and the next request goes out right after the release is confirmed.
    QEventLoop loop;
    int failures = 0;
    std::function<void()> next = [&] {
        if (int(grantUs.size()) + failures >= n) {
            loop.quit();
            return;
        }
        const qint64 t0 = monotonicUs();
        talker.send(proto::FloorRequest {session, 0, proto::FloorType::Normal},
                    [&, t0](const Reply<proto::FloorRequestResult> &r) {
                        const qint64 t1 = monotonicUs();
                        if (r.ok() && r.value->outcome == proto::FloorOutcome::Granted)
                            grantUs.push_back(double(t1 - t0));
                        else
                            ++failures;
                        talker.send(proto::FloorRelease {session},
                                    [&](const Reply<proto::Empty> &) { next(); });
                    });
    };
    QTimer::singleShot(0, &loop, next);
    loop.exec();
    if (failures) {
        std::fprintf(stderr, "%d requests were not granted\n", failures);
        return 1;
    }
    const double wallS = double(monotonicUs() - wallBefore) / 1e6;
    const double cpu = server.cpuSeconds() - cpuBefore;
    std::printf(
        "floor access (request -> granted), %d requests, %d listeners told Taken each time\n", n,
        others);
    std::printf("  p50 %.3f ms  p95 %.3f ms  p99 %.3f ms  max %.3f ms\n",
                bench::percentile(grantUs, 50) / 1000, bench::percentile(grantUs, 95) / 1000,
                bench::percentile(grantUs, 99) / 1000, bench::percentile(grantUs, 100) / 1000);
    std::printf("  server CPU %.1f ms per request+release cycle (%.2f s CPU over %.2f s)\n",
                cpu * 1000 / n, cpu, wallS);
    return 0;
}
