// SPDX-License-Identifier: Apache-2.0
// Media over HTTPS on loopback (docs/protocol.md §13) against a real floorline-server process,
// with curl as the other end (its own process, as a phone's browser or another machine would
// be): one PUT uploads N MiB, GETs read it back whole; the same bytes over the signaling
// WebSocket in the same run are the baseline. Then a dispatcher's floor access time is
// measured idle and while curl keeps downloading the item: what a large transfer costs the
// floor. Prints numbers; asserts nothing.
//   floorline-httpbench [--megabytes N] [--cycles N]
#include "benchcommon.h"

#include "core/protocol/clock.h"
#include "core/signaling/signalingclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cstdio>

using namespace floorline;

namespace {
bool online(SignalingClient &client)
{
    return QTest::qWaitFor([&] { return client.state() == SignalingClient::State::Online; }, 10000);
}

template<typename R> std::optional<typename R::Result> call(SignalingClient &c, const R &request)
{
    std::optional<typename R::Result> out;
    bool done = false;
    c.send(request, [&](const Reply<typename R::Result> &r) {
        done = true;
        if (r.ok())
            out = *r.value;
        else
            std::fprintf(stderr, "%s: %s\n", R::kType, qPrintable(r.error.message));
    });
    (void)QTest::qWaitFor([&] { return done; }, 60000);
    return out;
}

/// curl with the token, on loopback (-k: the bench's server has a fresh self-signed
/// certificate; the console pins it, curl is only the far end here). Prints what -w says.
QStringList curlArgs(const QString &token)
{
    return {QStringLiteral("-sS"), QStringLiteral("-k"), QStringLiteral("--fail"),
            QStringLiteral("-H"), QStringLiteral("Authorization: Bearer ") + token};
}

QString runCurl(const QStringList &args, QByteArray *body = nullptr)
{
    QProcess curl;
    curl.start(QStringLiteral("curl"), args);
    if (!curl.waitForFinished(300000) || curl.exitCode() != 0) {
        std::fprintf(stderr, "curl failed: %s\n", curl.readAllStandardError().constData());
        return {};
    }
    const QByteArray out = curl.readAllStandardOutput();
    if (body)
        *body = out;
    return QString::fromLatin1(out).trimmed();
}

struct Floor
{
    double p50 = 0, p99 = 0, max = 0;
};

Floor measureFloor(SignalingClient &talker, int cycles)
{
    std::vector<double> us;
    QEventLoop loop;
    const QString session = QStringLiteral("group:tg-001");
    std::function<void()> next = [&] {
        if (int(us.size()) >= cycles) {
            loop.quit();
            return;
        }
        const qint64 t0 = monotonicUs();
        talker.send(proto::FloorRequest {session, 8, proto::FloorType::Normal},
                    [&, t0](const Reply<proto::FloorRequestResult> &r) {
                        if (r.ok() && r.value->outcome == proto::FloorOutcome::Granted)
                            us.push_back(double(monotonicUs() - t0));
                        talker.send(proto::FloorRelease {session},
                                    [&](const Reply<proto::Empty> &) {
                                        QTimer::singleShot(5, &loop, next);
                                    });
                    });
    };
    QTimer::singleShot(0, &loop, next);
    loop.exec();
    return {bench::percentile(us, 50) / 1000, bench::percentile(us, 99) / 1000,
            bench::percentile(us, 100) / 1000};
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption megabytes(QStringLiteral("megabytes"), QStringLiteral("Size (50)."),
                                       QStringLiteral("n"), QStringLiteral("50"));
    const QCommandLineOption cycles(QStringLiteral("cycles"),
                                    QStringLiteral("Floor request cycles per phase (300)."),
                                    QStringLiteral("n"), QStringLiteral("300"));
    const QCommandLineOption httpRate(QStringLiteral("http-rate"),
                                      QStringLiteral("The server's --http-rate in MB/s (its "
                                                     "default, 80; 0: unpaced)."),
                                      QStringLiteral("MBps"), QStringLiteral("80"));
    const QCommandLineOption binary(QStringLiteral("server-binary"),
                                    QStringLiteral("floorline-server to run."),
                                    QStringLiteral("path"), bench::defaultServerBinary());
    parser.addOptions({megabytes, cycles, httpRate, binary});
    parser.process(app);
    const qint64 size = parser.value(megabytes).toLongLong() * 1024 * 1024;

    bench::ServerProcess server;
    QString error;
    // No message rate limit for the baseline: the WebSocket path at its fastest.
    if (!server.start(parser.value(binary),
                      {QStringLiteral("--demo-fleet"), QStringLiteral("30,6"),
                       QStringLiteral("--rate-limit"), QStringLiteral("100000"),
                       QStringLiteral("--http-rate"), parser.value(httpRate)},
                      &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    SignalingClient unit, dispatcher;
    unit.setPinnedCertificate(server.fingerprint());
    unit.connectToServer(server.url(), QStringLiteral("unit-0001"), QStringLiteral("unit-0001"));
    dispatcher.setPinnedCertificate(server.fingerprint());
    dispatcher.connectToServer(server.url(), QStringLiteral("dispatch-1"),
                               QStringLiteral("dispatch-1"));
    if (!online(unit) || !online(dispatcher)
        || !bench::joinGroup(dispatcher, QStringLiteral("tg-001"))) {
        std::fprintf(stderr, "login failed\n");
        return 1;
    }
    const auto token = call(unit, proto::MediaTokenGet {});
    if (!token)
        return 1;

    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("clip.mp4"));
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator(7).fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    {
        QFile f(file);
        f.open(QIODevice::WriteOnly);
        f.write(bytes);
    }
    const QString sha
        = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    const QString base = QStringLiteral("https://127.0.0.1:%1").arg(server.port());

    // Upload: POST, then one PUT of the whole file (curl streams it from disk).
    const QJsonObject begin {{QStringLiteral("name"), QStringLiteral("clip.mp4")},
                             {QStringLiteral("contentType"), QStringLiteral("video/mp4")},
                             {QStringLiteral("size"), size},
                             {QStringLiteral("sha256"), sha}};
    QByteArray answer;
    if (runCurl(curlArgs(token->token)
                    << QStringLiteral("-X") << QStringLiteral("POST") << QStringLiteral("--data")
                    << QString::fromUtf8(QJsonDocument(begin).toJson(QJsonDocument::Compact))
                    << base + QStringLiteral("/media/uploads"),
                &answer)
            .isEmpty())
        return 1;
    const QString upload
        = QJsonDocument::fromJson(answer).object().value(QStringLiteral("upload")).toString();
    const QString up
        = runCurl(curlArgs(token->token) << QStringLiteral("-T") << file << QStringLiteral("-o")
                                         << QStringLiteral("/dev/null") << QStringLiteral("-w")
                                         << QStringLiteral("%{time_total} %{http_code}")
                                         << base + QStringLiteral("/media/uploads/") + upload);
    const QStringList upParts = up.split(QLatin1Char(' '));
    if (upParts.value(1) != QLatin1String("201")) {
        std::fprintf(stderr, "upload failed: %s\n", qPrintable(up));
        return 1;
    }
    const double upS = upParts.value(0).toDouble();
    if (upS <= 0)
        return 1;
    std::printf("server --http-rate %s MB/s\n", qPrintable(parser.value(httpRate)));
    std::printf("HTTPS upload, one PUT of %lld MiB: %.0f ms, %.1f MB/s (the server hashes the "
                "file at the end)\n",
                size / 1048576, upS * 1000, double(size) / 1e6 / upS);

    // Download: whole, three times.
    std::vector<double> downMBs;
    for (int i = 0; i < 3; ++i) {
        const QString down
            = runCurl(curlArgs(token->token)
                      << QStringLiteral("-o") << QStringLiteral("/dev/null") << QStringLiteral("-w")
                      << QStringLiteral("%{time_total}") << base + QStringLiteral("/media/") + sha);
        if (down.toDouble() <= 0)
            return 1; // curl said why
        downMBs.push_back(double(size) / 1e6 / down.toDouble());
    }
    std::sort(downMBs.begin(), downMBs.end());
    std::printf("HTTPS download of %lld MiB (3 runs): %.1f / %.1f / %.1f MB/s\n", size / 1048576,
                downMBs[0], downMBs[1], downMBs[2]);

    // Baseline in the same run: the same item read over the signaling WebSocket, 32 KiB per
    // media.get, 8 in flight.
    {
        QElapsedTimer clock;
        clock.start();
        qint64 next = 0, got = 0;
        int inFlight = 0;
        const qint64 wsBytes = std::min<qint64>(size, 20 * 1024 * 1024);
        while (got < wsBytes) {
            while (inFlight < 8 && next < wsBytes) {
                ++inFlight;
                unit.send(proto::MediaGet {sha, next, proto::kMaxMediaChunk},
                          [&](const Reply<proto::MediaData> &r) {
                              --inFlight;
                              if (r.ok())
                                  got += r.value->data.size();
                          });
                next += proto::kMaxMediaChunk;
            }
            QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
        }
        const double s = double(clock.nsecsElapsed()) / 1e9;
        std::printf("baseline, signaling WebSocket media.get of %lld MiB (no rate limit): %.1f "
                    "MB/s; HTTPS is %.1f x that\n",
                    wsBytes / 1048576, double(wsBytes) / 1e6 / s,
                    downMBs[1] / (double(wsBytes) / 1e6 / s));
    }

    // Floor access, idle and during downloads.
    const int n = parser.value(cycles).toInt();
    const Floor idle = measureFloor(dispatcher, n);
    QProcess loop;
    loop.start(QStringLiteral("bash"),
               {QStringLiteral("-c"),
                QStringLiteral("while true; do curl -sS -k -o /dev/null -H 'Authorization: Bearer "
                               "%1' %2/media/%3 || exit 1; done")
                    .arg(token->token, base, sha)});
    loop.waitForStarted();
    QTest::qWait(300);
    const Floor busy = measureFloor(dispatcher, n);
    loop.kill();
    loop.waitForFinished();
    std::printf("floor request -> granted, %d cycles: idle p50 %.2f ms p99 %.2f ms max %.2f ms; "
                "during %lld MiB downloads p50 %.2f ms p99 %.2f ms max %.2f ms (p99 +%.2f ms)\n",
                n, idle.p50, idle.p99, idle.max, size / 1048576, busy.p50, busy.p99, busy.max,
                busy.p99 - idle.p99);
    return 0;
}
