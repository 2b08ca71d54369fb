// SPDX-License-Identifier: Apache-2.0
// What one hostile account costs everybody else: an innocent talker's floor access time
// (Floor Request -> Granted, over TLS against a real floorline-server process with its default
// limits) measured first on a quiet server, then while one unit account floods it from all the
// logins it may have plus as many connections that never log in. The flood runs in a child
// process (this binary with --flood), so it competes for the machine as a second client
// machine would not: the numbers are an upper bound of the harm.
#include "benchcommon.h"

#include "core/protocol/clock.h"
#include "core/protocol/fingerprint.h"
#include "core/signaling/signalingclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QSslError>
#include <QTest>
#include <QTimer>
#include <QWebSocket>

#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

using namespace floorline;

namespace {

qint64 residentKiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

/// The hostile account's messages, in turn: the heaviest the protocol allows, then junk.
QList<QByteArray> floodMessages()
{
    QStringList groups;
    for (int i = 0; i < 256; ++i)
        groups.append(QStringLiteral("\"g-%1\"").arg(i));
    return {
        QStringLiteral(R"({"type":"group.affiliate","id":7,"groups":[%1]})")
            .arg(groups.join(QLatin1Char(',')))
            .toUtf8(),
        R"({"type":"directory.get","id":8})",
        R"({"type":"session.list","id":9,"all":true})",
        R"({"type":"media.get","id":10,"media":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","offset":0})",
        R"({"type":"floor.request","id":11,"session":"group:tg-002"})",
        R"({"type":"ping","id":12,"type":"logout"})",
        R"({"type":)",
        QByteArray(60000, 'x')};
}

/// --flood: `logins` connections of unit-0002 and as many that never log in, each sending
/// `perTick` messages every 5 ms until killed.
int flood(const QUrl &url, const QByteArray &pin, int logins, int perTick)
{
    const QList<QByteArray> messages = floodMessages();
    std::vector<std::unique_ptr<QWebSocket>> sockets;
    for (int i = 0; i < 2 * logins; ++i) {
        auto socket = std::make_unique<QWebSocket>();
        QWebSocket *s = socket.get();
        QObject::connect(s, &QWebSocket::sslErrors, s, [s, pin] {
            if (proto::certificateFingerprint(s->sslConfiguration().peerCertificate()) == pin)
                s->ignoreSslErrors();
        });
        const bool logsIn = i < logins;
        QObject::connect(s, &QWebSocket::connected, s, [s, logsIn] {
            s->sendTextMessage(QStringLiteral(R"({"type":"hello","id":1,"protocols":[1]})"));
            if (logsIn)
                s->sendTextMessage(QStringLiteral(
                    R"({"type":"login","id":2,"user":"unit-0002","password":"unit-0002"})"));
        });
        s->open(url);
        sockets.push_back(std::move(socket));
    }
    QTimer tick;
    int next = 0;
    QObject::connect(&tick, &QTimer::timeout, [&] {
        for (auto &s : sockets) {
            if (s->state() != QAbstractSocket::ConnectedState)
                continue;
            for (int k = 0; k < perTick; ++k)
                s->sendTextMessage(QString::fromUtf8(messages.at(next++ % messages.size())));
        }
    });
    tick.start(5);
    return QCoreApplication::exec();
}

struct Run
{
    std::vector<double> grantUs;
    qint64 maxRssKiB = 0;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("What one flooding account costs the others"));
    parser.addHelpOption();
    const QCommandLineOption requests(QStringLiteral("requests"),
                                      QStringLiteral("Floor cycles per phase (1000)."),
                                      QStringLiteral("n"), QStringLiteral("1000"));
    const QCommandLineOption rate(QStringLiteral("per-tick"),
                                  QStringLiteral("Messages per connection every 5 ms (4)."),
                                  QStringLiteral("n"), QStringLiteral("4"));
    const QCommandLineOption binary(QStringLiteral("server-binary"),
                                    QStringLiteral("floorline-server to run."),
                                    QStringLiteral("path"), bench::defaultServerBinary());
    const QCommandLineOption floodMode(QStringLiteral("flood"),
                                       QStringLiteral("(internal) be the flooding account."),
                                       QStringLiteral("url,fingerprint"));
    const QCommandLineOption units(QStringLiteral("units"),
                                   QStringLiteral("Units of the demo fleet (2000, in 20 groups)."),
                                   QStringLiteral("n"), QStringLiteral("2000"));
    parser.addOptions({requests, rate, binary, floodMode, units});
    parser.process(app);
    constexpr int kLogins = 8; // an account's bound of logins (docs/protocol.md §3.2)
    if (parser.isSet(floodMode)) {
        const QStringList target = parser.value(floodMode).split(QLatin1Char(','));
        return flood(QUrl(target.value(0)), proto::parseFingerprint(target.value(1)), kLogins,
                     parser.value(rate).toInt());
    }
    const int n = parser.value(requests).toInt();

    bench::ServerProcess server;
    QString error;
    if (!server.start(parser.value(binary),
                      {QStringLiteral("--demo-fleet"), parser.value(units) + QStringLiteral(",20")},
                      &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    // The innocent: unit-0001 talks on tg-001 while 10 members listen (20 groups: 16 talk
    // groups, tg-001 holds units 1, 17, 33, ...).
    std::vector<std::unique_ptr<SignalingClient>> clients;
    for (int i = 0; i <= 10; ++i) {
        auto c = std::make_unique<SignalingClient>();
        const QString user = QStringLiteral("unit-%1").arg(1 + 16 * i, 4, 10, QLatin1Char('0'));
        c->setPinnedCertificate(server.fingerprint());
        c->connectToServer(server.url(), user, user);
        clients.push_back(std::move(c));
    }
    for (auto &c : clients) {
        if (!bench::joinGroup(*c, QStringLiteral("tg-001")))
            return 1;
    }
    SignalingClient &talker = *clients.front();
    const QString session = QStringLiteral("group:tg-001");
    // The innocent talker keeps to its own rate budget (50 a second): a cycle each 50 ms.
    const auto measure = [&](Run &run) {
        QEventLoop loop;
        int failures = 0;
        QTimer pace;
        pace.setInterval(50);
        QObject::connect(&pace, &QTimer::timeout, &loop, [&] {
            run.maxRssKiB = std::max(run.maxRssKiB, residentKiB(server.pid()));
            if (int(run.grantUs.size()) + failures >= n) {
                loop.quit();
                return;
            }
            const qint64 t0 = monotonicUs();
            talker.send(proto::FloorRequest {session, 0, proto::FloorType::Normal},
                        [&, t0](const Reply<proto::FloorRequestResult> &r) {
                            if (r.ok() && r.value->outcome == proto::FloorOutcome::Granted)
                                run.grantUs.push_back(double(monotonicUs() - t0));
                            else
                                ++failures;
                            talker.send(proto::FloorRelease {session});
                        });
        });
        pace.start();
        loop.exec();
        if (failures)
            std::fprintf(stderr, "%d requests of the innocent talker were not granted\n", failures);
        return failures == 0;
    };
    const auto print = [](const char *what, const Run &run) {
        std::printf("%s\n  p50 %.3f ms  p95 %.3f ms  p99 %.3f ms  max %.3f ms  server RSS max %lld "
                    "MiB\n",
                    what, bench::percentile(run.grantUs, 50) / 1000,
                    bench::percentile(run.grantUs, 95) / 1000,
                    bench::percentile(run.grantUs, 99) / 1000,
                    bench::percentile(run.grantUs, 100) / 1000, run.maxRssKiB / 1024);
    };

    std::printf(
        "innocent floor access (request -> granted) over TLS, %d cycles per phase, fleet of "
        "%s units\n",
        n, qPrintable(parser.value(units)));
    Run quiet;
    if (!measure(quiet))
        return 1;
    print("quiet server:", quiet);
    const QJsonObject before = server.latestStats().value(QStringLiteral("signaling")).toObject();

    QProcess flooder;
    flooder.setProcessChannelMode(QProcess::ForwardedChannels);
    flooder.start(QCoreApplication::applicationFilePath(),
                  {QStringLiteral("--flood"),
                   server.url().toString() + QLatin1Char(',')
                       + QString::fromLatin1(server.fingerprint().toHex()),
                   QStringLiteral("--per-tick"), parser.value(rate)});
    QTest::qWait(2000); // logged in and flooding
    Run flooded;
    const bool ok = measure(flooded);
    QTest::qWait(1200); // a counters line from the flood
    const QJsonObject during = server.latestStats().value(QStringLiteral("signaling")).toObject();
    flooder.kill();
    flooder.waitForFinished();
    if (!ok)
        return 1;
    print("while unit-0002 floods from 8 logins and 8 connections that never log in:", flooded);
    const auto delta = [&](const char *name) {
        return during.value(QLatin1String(name)).toInteger()
            - before.value(QLatin1String(name)).toInteger();
    };
    std::printf("  the server meanwhile: %lld requests handled, %lld rate-limited, %lld bad JSON, "
                "%lld too large, %lld not authenticated, %lld connections closed slow\n",
                delta("requests"), delta("rateLimited"), delta("badJson"), delta("tooLarge"),
                delta("notAuthenticated"), delta("closedSlowReader"));
    std::printf("  longest request %lld us (%s); requests over 1 ms %lld, over 5 ms %lld\n",
                during.value(QStringLiteral("requestMaxUs")).toInteger(),
                qPrintable(during.value(QStringLiteral("slowestRequest")).toString()),
                during.value(QStringLiteral("requestsOver1ms")).toInteger(),
                during.value(QStringLiteral("requestsOver5ms")).toInteger());
    std::printf("ratio flooded / quiet: p50 %.2f  p99 %.2f  server RSS %.2f\n",
                bench::percentile(flooded.grantUs, 50) / bench::percentile(quiet.grantUs, 50),
                bench::percentile(flooded.grantUs, 99) / bench::percentile(quiet.grantUs, 99),
                double(flooded.maxRssKiB) / double(std::max<qint64>(1, quiet.maxRssKiB)));
    return 0;
}
