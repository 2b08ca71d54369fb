// SPDX-License-Identifier: Apache-2.0
// Floor access time: Floor Request -> Granted over WebSocket on loopback against a real
// floorline-server process, repeated N times (each followed by a release). Run twice: once
// with nobody supervising, once with a supervisor watching the overview (docs/protocol.md §12),
// so what supervision costs floor control is a ratio measured in the same run.
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
        c->setPinnedCertificate(server.fingerprint());
        c->connectToServer(url, user, user);
        clients.push_back(std::move(c));
    }
    for (auto &c : clients) {
        if (!bench::joinGroup(*c, QStringLiteral("tg-001")))
            return 1;
    }

    SignalingClient &talker = *clients.front();
    const QString session = QStringLiteral("group:tg-001");
    struct Run
    {
        std::vector<double> grantUs;
        double cpuMsPerCycle = 0;
        double wallS = 0;
    };
    const auto measure = [&](Run &run) {
        run.grantUs.reserve(std::size_t(n));
        const double cpuBefore = server.cpuSeconds();
        const qint64 wallBefore = monotonicUs();
        // Chained callbacks inside the event loop: each response is timed the moment it is
        // read, and the next request goes out right after the release is confirmed.
        QEventLoop loop;
        int failures = 0;
        std::function<void()> next = [&] {
            if (int(run.grantUs.size()) + failures >= n) {
                loop.quit();
                return;
            }
            const qint64 t0 = monotonicUs();
            talker.send(proto::FloorRequest {session, 0, proto::FloorType::Normal},
                        [&, t0](const Reply<proto::FloorRequestResult> &r) {
                            const qint64 t1 = monotonicUs();
                            if (r.ok() && r.value->outcome == proto::FloorOutcome::Granted)
                                run.grantUs.push_back(double(t1 - t0));
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
            return false;
        }
        run.wallS = double(monotonicUs() - wallBefore) / 1e6;
        run.cpuMsPerCycle = (server.cpuSeconds() - cpuBefore) * 1000 / n;
        return true;
    };
    const auto print = [&](const char *what, const Run &run) {
        std::printf("%s\n", what);
        std::printf(
            "  p50 %.3f ms  p95 %.3f ms  p99 %.3f ms  max %.3f ms\n",
            bench::percentile(run.grantUs, 50) / 1000, bench::percentile(run.grantUs, 95) / 1000,
            bench::percentile(run.grantUs, 99) / 1000, bench::percentile(run.grantUs, 100) / 1000);
        std::printf("  server CPU %.2f ms per request+release cycle (over %.2f s)\n",
                    run.cpuMsPerCycle, run.wallS);
    };

    std::printf(
        "floor access (request -> granted), %d requests, %d listeners told Taken each time\n", n,
        others);
    Run alone;
    if (!measure(alone))
        return 1;
    print("nobody supervising:", alone);

    // A supervisor watching: every floor change is also an overview event to it.
    SignalingClient supervisor;
    supervisor.setPinnedCertificate(server.fingerprint());
    supervisor.connectToServer(url, QStringLiteral("supervisor"), QStringLiteral("supervisor"));
    if (!QTest::qWaitFor([&] { return supervisor.state() == SignalingClient::State::Online; },
                         5000)) {
        std::fprintf(stderr, "the supervisor did not log in\n");
        return 1;
    }
    int overviewEvents = 0;
    QObject::connect(&supervisor, &SignalingClient::eventReceived, &app,
                     [&](const proto::Event &e, quint64) {
                         overviewEvents += std::holds_alternative<proto::OverviewSession>(e)
                             || std::holds_alternative<proto::OverviewEnded>(e);
                     });
    bool watching = false;
    supervisor.send(proto::Supervise {},
                    [&](const Reply<proto::Overview> &r) { watching = r.ok(); });
    if (!QTest::qWaitFor([&] { return watching; }, 5000)) {
        std::fprintf(stderr, "supervise was refused\n");
        return 1;
    }
    Run watched;
    if (!measure(watched))
        return 1;
    QTest::qWait(300); // the last coalesced events
    print("a supervisor watching the overview:", watched);
    std::printf("  overview events to the supervisor: %d (coalesced per 100 ms)\n", overviewEvents);
    std::printf("ratio watched / alone: p50 %.2f  server CPU per cycle %.2f\n",
                bench::percentile(watched.grantUs, 50) / bench::percentile(alone.grantUs, 50),
                watched.cpuMsPerCycle / alone.cpuMsPerCycle);
    return 0;
}
