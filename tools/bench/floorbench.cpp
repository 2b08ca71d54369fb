// SPDX-License-Identifier: Apache-2.0
// Floor access time: Floor Request -> Granted over WebSocket (TLS) on loopback against a real
// floorline-server process, repeated N times (each followed by a release). Run twice: once
// with nobody supervising, once with a supervisor watching the overview (docs/protocol.md §12),
// so what supervision costs floor control is a ratio measured in the same run. With
// --tls-vs-plain it runs first against a `--plain` server, then against a TLS one, and prints
// what TLS costs as a ratio.
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
    const QCommandLineOption tlsVsPlain(
        QStringLiteral("tls-vs-plain"),
        QStringLiteral("Measure against a --plain server, then a TLS one; print the ratio."));
    parser.addOptions({requests, listeners, binary, tlsVsPlain});
    parser.process(app);
    const int n = parser.value(requests).toInt();
    const int others = parser.value(listeners).toInt();

    // A server (400 units in 10 groups: tg-001 has 50 members to choose listeners from) and
    // the talker with its listeners, logged in and affiliated to tg-001.
    struct Rig
    {
        bench::ServerProcess server;
        std::vector<std::unique_ptr<SignalingClient>> clients;
    };
    const auto rig = [&](bool plain) -> std::unique_ptr<Rig> {
        auto r = std::make_unique<Rig>();
        QStringList args {QStringLiteral("--demo-fleet"), QStringLiteral("400,10"),
                          QStringLiteral("--rate-limit"), QStringLiteral("100000")};
        if (plain)
            args.append(QStringLiteral("--plain"));
        QString error;
        if (!r->server.start(parser.value(binary), args, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return nullptr;
        }
        // Talk group tg-001 holds units 1, 9, 17, ... (every 8th with 8 talk groups).
        for (int i = 0; i <= others; ++i) {
            auto c = std::make_unique<SignalingClient>();
            const QString user = QStringLiteral("unit-%1").arg(1 + 8 * i, 4, 10, QLatin1Char('0'));
            c->setPinnedCertificate(r->server.fingerprint());
            c->connectToServer(r->server.url(), user, user);
            r->clients.push_back(std::move(c));
        }
        for (auto &c : r->clients) {
            if (!bench::joinGroup(*c, QStringLiteral("tg-001")))
                return nullptr;
        }
        return r;
    };
    const QString session = QStringLiteral("group:tg-001");
    struct Run
    {
        std::vector<double> grantUs;
        double cpuMsPerCycle = 0;
        double wallS = 0;
    };
    const auto measure = [&](Rig &rig, Run &run) {
        bench::ServerProcess &server = rig.server;
        SignalingClient &talker = *rig.clients.front();
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
    if (parser.isSet(tlsVsPlain)) {
        Run plain;
        Run tls;
        {
            const auto r = rig(true);
            if (!r || !measure(*r, plain))
                return 1;
        }
        print("plain ws:// (--plain):", plain);
        {
            const auto r = rig(false);
            if (!r || !measure(*r, tls))
                return 1;
        }
        print("wss:// (TLS, self-signed P-256 certificate):", tls);
        std::printf("ratio TLS / plain: p50 %.2f  p99 %.2f  server CPU per cycle %.2f\n",
                    bench::percentile(tls.grantUs, 50) / bench::percentile(plain.grantUs, 50),
                    bench::percentile(tls.grantUs, 99) / bench::percentile(plain.grantUs, 99),
                    tls.cpuMsPerCycle / plain.cpuMsPerCycle);
        return 0;
    }
    const auto r = rig(false);
    if (!r)
        return 1;
    bench::ServerProcess &server = r->server;
    const QUrl url = server.url();
    Run alone;
    if (!measure(*r, alone))
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
    if (!measure(*r, watched))
        return 1;
    QTest::qWait(300); // the last coalesced events
    print("a supervisor watching the overview:", watched);
    std::printf("  overview events to the supervisor: %d (coalesced per 100 ms)\n", overviewEvents);
    std::printf("ratio watched / alone: p50 %.2f  server CPU per cycle %.2f\n",
                bench::percentile(watched.grantUs, 50) / bench::percentile(alone.grantUs, 50),
                watched.cpuMsPerCycle / alone.cpuMsPerCycle);
    return 0;
}
