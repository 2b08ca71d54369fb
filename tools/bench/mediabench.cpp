// SPDX-License-Identifier: Apache-2.0
// Media upload and download throughput over the signaling WebSocket on loopback, against a
// real floorline-server process (docs/protocol.md §9): one client uploads random bytes in
// 32 KiB chunks with a window of requests in flight, finishes (the server hashes the file),
// and a second client reads it back. Prints MB/s; asserts nothing.
//   floorline-mediabench [--megabytes N] [--window N] [--rate-limit N]
#include "benchcommon.h"

#include "core/signaling/signalingclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

#include <cstdio>

using namespace floorline;

namespace {
bool online(SignalingClient &client)
{
    return QTest::qWaitFor([&] { return client.state() == SignalingClient::State::Online; }, 10000);
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption megabytes(QStringLiteral("megabytes"), QStringLiteral("Size (20)."),
                                       QStringLiteral("n"), QStringLiteral("20"));
    const QCommandLineOption window(QStringLiteral("window"),
                                    QStringLiteral("Requests in flight (8)."), QStringLiteral("n"),
                                    QStringLiteral("8"));
    const QCommandLineOption rate(QStringLiteral("rate-limit"),
                                  QStringLiteral("Server message rate limit per connection "
                                                 "(default: the server's, 50/s)."),
                                  QStringLiteral("n"));
    const QCommandLineOption binary(QStringLiteral("server-binary"),
                                    QStringLiteral("floorline-server to run."),
                                    QStringLiteral("path"), bench::defaultServerBinary());
    parser.addOptions({megabytes, window, rate, binary});
    parser.process(app);
    const qsizetype size = parser.value(megabytes).toLongLong() * 1024 * 1024;
    const int inFlightMax = std::max(1, parser.value(window).toInt());
    // A client keeps under the server's message rate (hello's limits.messagesPerSecond), or
    // its excess chunks are dropped unanswered: pace at 90 % of it.
    const double ratePerSecond = parser.isSet(rate) ? parser.value(rate).toDouble() : 50.0;
    const double gapMs = 1000.0 / (ratePerSecond * 0.9);
    QElapsedTimer pace;
    pace.start();
    double nextSendMs = 0;
    auto mayPost = [&] {
        if (double(pace.nsecsElapsed()) / 1e6 < nextSendMs)
            return false;
        nextSendMs = std::max(nextSendMs + gapMs, double(pace.nsecsElapsed()) / 1e6 - 50);
        return true;
    };

    bench::ServerProcess server;
    QStringList args {QStringLiteral("--demo-fleet"), QStringLiteral("30,6")};
    if (parser.isSet(rate))
        args << QStringLiteral("--rate-limit") << parser.value(rate);
    QString error;
    if (!server.start(parser.value(binary), args, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    SignalingClient up, down;
    up.setPinnedCertificate(server.fingerprint());
    up.connectToServer(server.url(), QStringLiteral("unit-0001"), QStringLiteral("unit-0001"));
    down.setPinnedCertificate(server.fingerprint());
    down.connectToServer(server.url(), QStringLiteral("dispatch-1"), QStringLiteral("dispatch-1"));
    if (!online(up) || !online(down)) {
        std::fprintf(stderr, "login failed\n");
        return 1;
    }

    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator(5).fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    const QString sha
        = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());

    QString upload;
    bool begun = false;
    up.send(
        proto::MediaUpload {QStringLiteral("bench.mp4"), QStringLiteral("video/mp4"), size, sha},
        [&](const Reply<proto::UploadState> &r) {
            begun = true;
            if (r.ok())
                upload = r.value->upload;
            else
                error = r.error.message;
        });
    if (!QTest::qWaitFor([&] { return begun; }, 10000) || upload.isEmpty()) {
        std::fprintf(stderr, "upload refused: %s\n", qPrintable(error));
        return 1;
    }
    QElapsedTimer clock;
    clock.start();
    qint64 sent = 0, acked = 0;
    int inFlight = 0;
    while (acked < size && error.isEmpty()) {
        while (inFlight < inFlightMax && sent < size && mayPost()) {
            const QByteArray chunk = bytes.mid(sent, proto::kMaxMediaChunk);
            ++inFlight;
            up.send(proto::MediaChunk {upload, sent, chunk},
                    [&](const Reply<proto::UploadState> &r) {
                        --inFlight;
                        if (r.ok())
                            acked = std::max(acked, r.value->received);
                        else
                            error = r.error.message;
                    });
            sent += chunk.size();
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
    }
    const double chunksMs = double(clock.nsecsElapsed()) / 1e6;
    bool finished = false;
    QString id;
    up.send(proto::MediaFinish {upload}, [&](const Reply<proto::MediaItem> &r) {
        finished = true;
        if (r.ok())
            id = r.value->id;
        else
            error = r.error.message;
    });
    (void)QTest::qWaitFor([&] { return finished; }, 60000); // checked through `id` below
    const double upMs = double(clock.nsecsElapsed()) / 1e6;
    if (id != sha) {
        std::fprintf(stderr, "upload failed: %s\n", qPrintable(error));
        return 1;
    }

    clock.restart();
    QByteArray back(size, Qt::Uninitialized);
    qint64 requested = 0, received = 0;
    inFlight = 0;
    while (received < size && error.isEmpty()) {
        while (inFlight < inFlightMax && requested < size && mayPost()) {
            ++inFlight;
            down.send(proto::MediaGet {id, requested, proto::kMaxMediaChunk},
                      [&](const Reply<proto::MediaData> &r) {
                          --inFlight;
                          if (!r.ok()) {
                              error = r.error.message;
                              return;
                          }
                          std::copy(r.value->data.cbegin(), r.value->data.cend(),
                                    back.begin() + r.value->offset);
                          received += r.value->data.size();
                      });
            requested += proto::kMaxMediaChunk;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
    }
    const double downMs = double(clock.nsecsElapsed()) / 1e6;
    const bool same
        = QCryptographicHash::hash(back, QCryptographicHash::Sha256).toHex() == sha.toLatin1();
    std::printf("media over the signaling WebSocket, loopback, %lld MiB, 32 KiB chunks, %d in "
                "flight, rate limit %s\n",
                static_cast<long long>(size / 1024 / 1024), inFlightMax,
                parser.isSet(rate) ? qPrintable(parser.value(rate) + QStringLiteral("/s"))
                                   : "server default (50/s)");
    std::printf("upload:   %.1f MB/s (%.0f ms for the chunks, %.0f ms with finish and hash)\n",
                double(size) / upMs / 1000, chunksMs, upMs);
    std::printf("download: %.1f MB/s (%.0f ms)%s\n", double(size) / downMs / 1000, downMs,
                same ? "" : "  CONTENT DIFFERS");
    return same && error.isEmpty() ? 0 : 1;
}
