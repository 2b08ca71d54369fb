// SPDX-License-Identifier: Apache-2.0
// RTP relay throughput and added latency at 50-way fan-out, against a real floorline-server
// process: one talker holds the floor in a group with 50 listeners on loopback. SRTP by
// default, as a console talks; --srtp-vs-plain measures a --plain-rtp server in the same run.
#include "benchcommon.h"

#include "core/net/srtp.h"
#include "core/protocol/rtp.h"
#include "core/signaling/signalingclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <thread>

using namespace floorline;

namespace {

int64_t nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

/// Wall-clock ns: what the kernel's SO_TIMESTAMPNS arrival stamps are measured in.
int64_t realtimeNs()
{
    timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return int64_t(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

struct Peer
{
    std::unique_ptr<SignalingClient> client;
    int fd = -1;
    sockaddr_in local {};
};

int udpSocket(sockaddr_in *bound, int receiveBuffer)
{
    const int fd = socket(AF_INET, SOCK_DGRAM, 0);
    setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &receiveBuffer, sizeof receiveBuffer);
    // Arrival time stamped by the kernel, so the receiving thread's own delays do not count.
    const int on = 1;
    setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS, &on, sizeof on);
    sockaddr_in a {};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a);
    socklen_t len = sizeof a;
    getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len);
    if (bound)
        *bound = a;
    return fd;
}

std::size_t packet(uint8_t *out, uint32_t ssrc, uint16_t seq, uint8_t pt, const uint8_t *payload,
                   std::size_t size)
{
    proto::RtpPacket h;
    h.payloadType = pt;
    h.sequence = seq;
    h.timestamp = uint32_t(seq) * 960;
    h.ssrc = ssrc;
    return proto::writeRtp(h, {payload, size}, {out, 1500});
}

/// Sends a keep-alive with the login's key (SRTP-authenticated, or the key itself over plain
/// RTP) and waits for the relay's echo.
bool latch(int fd, const sockaddr_in &relay, const proto::MediaInfo &media)
{
    const QByteArray key = QByteArray::fromHex(media.key.toLatin1());
    uint8_t buffer[64 + srtp::kTrailerRoom];
    std::size_t size = 0;
    if (media.srtp.isEmpty()) {
        size = packet(buffer, media.ssrc, 0, proto::kKeepAlivePayloadType,
                      reinterpret_cast<const uint8_t *>(key.constData()), 16);
    } else {
        auto context = srtp::Context::sender(key);
        size = packet(buffer, media.ssrc, 1, proto::kKeepAlivePayloadType, nullptr, 0);
        size = context ? context->protect(buffer, size, sizeof buffer) : 0;
    }
    for (int attempt = 0; attempt < 20; ++attempt) {
        sendto(fd, buffer, size, 0, reinterpret_cast<const sockaddr *>(&relay), sizeof relay);
        pollfd p {fd, POLLIN, 0};
        if (poll(&p, 1, 100) > 0) {
            uint8_t reply[64];
            if (recv(fd, reply, sizeof reply, 0) >= 12)
                return true;
        }
    }
    return false;
}

/// Receives timestamped packets on all listener sockets and records one-way latency in µs,
/// from the sender's clock reading to the kernel's arrival stamp on each listener socket.
std::vector<double> collect(const std::vector<int> &fds, std::atomic<bool> &stop,
                            const QByteArray &talkKey = {}, uint32_t talker = 0)
{
    std::vector<double> latencies;
    std::vector<pollfd> polls;
    // SRTP: each listener decrypts for itself (after the kernel's arrival stamp: not counted).
    std::vector<std::unique_ptr<srtp::Context>> receivers;
    for (int fd : fds) {
        polls.push_back({fd, POLLIN, 0});
        receivers.push_back(talkKey.isEmpty() ? nullptr : srtp::Context::receiver(talkKey, talker));
    }
    uint8_t buffer[2048];
    while (!stop.load()) {
        if (poll(polls.data(), nfds_t(polls.size()), 50) <= 0)
            continue;
        for (std::size_t at = 0; at < polls.size(); ++at) {
            pollfd &p = polls[at];
            if (!(p.revents & POLLIN))
                continue;
            for (;;) {
                iovec iov {buffer, sizeof buffer};
                alignas(cmsghdr) char control[128];
                msghdr msg {};
                msg.msg_iov = &iov;
                msg.msg_iovlen = 1;
                msg.msg_control = control;
                msg.msg_controllen = sizeof control;
                const ssize_t got = recvmsg(p.fd, &msg, MSG_DONTWAIT);
                if (got < 20)
                    break;
                if (receivers[at]) {
                    std::size_t size = std::size_t(got);
                    if (receivers[at]->unprotect(buffer, size) != srtp::Result::Ok)
                        continue;
                }
                int64_t arrived = realtimeNs();
                for (cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
                    if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_TIMESTAMPNS) {
                        timespec ts;
                        std::memcpy(&ts, CMSG_DATA(c), sizeof ts);
                        arrived = int64_t(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
                    }
                }
                int64_t sent;
                std::memcpy(&sent, buffer + 12, sizeof sent);
                latencies.push_back(double(arrived - sent) / 1000.0);
            }
        }
    }
    return latencies;
}

/// Sends `count` timestamped packets `gapUs` apart from `fd` to `to`.
void paced(int fd, const sockaddr_in &to, uint32_t ssrc, int count, int gapUs, uint16_t &seq,
           srtp::Context *talk = nullptr)
{
    uint8_t payload[120] = {};
    uint8_t buffer[1500 + srtp::kTrailerRoom];
    for (int i = 0; i < count; ++i) {
        const int64_t t = realtimeNs();
        std::memcpy(payload, &t, sizeof t);
        std::size_t size
            = packet(buffer, ssrc, seq++, proto::kOpusPayloadType, payload, sizeof payload);
        if (talk)
            size = talk->protect(buffer, size, sizeof buffer);
        sendto(fd, buffer, size, 0, reinterpret_cast<const sockaddr *>(&to), sizeof to);
        std::this_thread::sleep_until(std::chrono::steady_clock::now()
                                      + std::chrono::microseconds(gapUs));
    }
}

struct Options
{
    int listeners = 50;
    int seconds = 5;
    QString binary;
};

/// One whole run against a fresh server; returns packets out per server CPU second, or < 0.
double measure(const Options &options, bool plainRtp)
{
    const int listeners = options.listeners;
    bench::ServerProcess server;
    QString error;
    // Talk group tg-001 of a 1000-unit, 10-group fleet has 125 members: enough listeners.
    QStringList arguments {QStringLiteral("--demo-fleet"), QStringLiteral("1000,10"),
                           QStringLiteral("--max-talk"), QStringLiteral("3600")};
    if (plainRtp)
        arguments.append(QStringLiteral("--plain-rtp"));
    if (!server.start(options.binary, arguments, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return -1;
    }
    const QUrl url = server.url();
    sockaddr_in relay {};
    relay.sin_family = AF_INET;
    relay.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    relay.sin_port = htons(server.rtpPort());

    std::vector<Peer> peers(std::size_t(listeners) + 1);
    for (std::size_t i = 0; i < peers.size(); ++i) {
        Peer &p = peers[i];
        p.client = std::make_unique<SignalingClient>();
        const QString user = i == 0
            ? QStringLiteral("dispatch-1")
            : QStringLiteral("unit-%1").arg(1 + 8 * int(i - 1), 4, 10, QLatin1Char('0'));
        p.client->setPinnedCertificate(server.fingerprint());
        p.client->connectToServer(url, user, user);
        // A few at a time: the server checks at most 32 passwords at once and refuses more
        // ("busy"), as it should against a crowd logging in together.
        if (i % 16 == 15
            && !QTest::qWaitFor([&] { return p.client->state() == SignalingClient::State::Online; },
                                10000)) {
            std::fprintf(stderr, "login of %s failed\n", qPrintable(user));
            return -1;
        }
        // Small receive buffers for listeners: the throughput phase must not queue forever.
        p.fd = udpSocket(&p.local, i == 0 ? 1 << 20 : 1 << 18);
    }
    for (Peer &p : peers) {
        if (!bench::joinGroup(*p.client, QStringLiteral("tg-001")))
            return -1;
        if (!latch(p.fd, relay, p.client->login().media)) {
            std::fprintf(stderr, "the relay did not answer a keep-alive\n");
            return -1;
        }
    }
    // 1. Baseline: the same packets straight from one socket to another, no relay.
    uint16_t seq = 1;
    std::atomic<bool> stop {false};
    std::vector<double> direct;
    std::thread directReceiver([&] { direct = collect({peers[1].fd}, stop); });
    {
        sockaddr_in to = peers[1].local;
        int fd = udpSocket(nullptr, 1 << 20);
        paced(fd, to, 1, 2000, 2000, seq);
        close(fd);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    stop = true;
    directReceiver.join();

    bool granted = false;
    QByteArray talkKey;
    peers[0].client->send(proto::FloorRequest {QStringLiteral("group:tg-001"), 15, {}},
                          [&](const Reply<proto::FloorRequestResult> &r) {
                              granted = r.ok() && r.value->outcome == proto::FloorOutcome::Granted;
                              if (granted)
                                  talkKey = srtp::parseKey(r.value->key);
                          });
    if (!QTest::qWaitFor([&] { return granted; }, 5000)) {
        std::fprintf(stderr, "floor not granted\n");
        return -1;
    }
    // SRTP: the talker encrypts under the talk key (its own cost, not the server's).
    std::unique_ptr<srtp::Context> talk
        = talkKey.isEmpty() ? nullptr : srtp::Context::sender(talkKey);
    QTest::qWait(100); // routes published to the relay thread
    const uint32_t ssrc = peers[0].client->login().media.ssrc;
    std::vector<int> listenerFds;
    for (std::size_t i = 1; i < peers.size(); ++i)
        listenerFds.push_back(peers[i].fd);

    // 2. Latency: 2000 packets 2 ms apart through the relay to every listener.
    stop = false;
    std::vector<double> viaRelay;
    std::thread receiver([&] { viaRelay = collect(listenerFds, stop, talkKey, ssrc); });
    paced(peers[0].fd, relay, ssrc, 2000, 2000, seq, talk.get());
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    stop = true;
    receiver.join();

    // 3. Throughput: the talker sends as fast as the relay takes it; count what it forwards
    // per CPU second of the server process.
    // The talker's packets are made (and encrypted) before the clock starts: on 2 cores its own
    // encryption would otherwise slow what it sends, and the relay would be measured at a
    // lower load than plain RTP. The relay does not check sequence numbers, so they repeat.
    constexpr int kPrepared = 4096;
    std::vector<std::vector<uint8_t>> prepared(kPrepared);
    {
        uint8_t payload[120] = {};
        uint8_t buffer[1500 + srtp::kTrailerRoom];
        for (std::vector<uint8_t> &p : prepared) {
            std::size_t size
                = packet(buffer, ssrc, seq++, proto::kOpusPayloadType, payload, sizeof payload);
            if (talk)
                size = talk->protect(buffer, size, sizeof buffer);
            p.assign(buffer, buffer + size);
        }
    }
    const double cpu0 = server.cpuSeconds();
    const qint64 forwarded0 = server.latestStats()
                                  .value(QStringLiteral("relay"))
                                  .toObject()
                                  .value(QStringLiteral("forwarded"))
                                  .toInteger();
    const int64_t t0 = nowNs();
    uint64_t sent = 0;
    {
        const int64_t until = t0 + int64_t(options.seconds) * 1000000000LL;
        while (nowNs() < until) {
            for (int burst = 0; burst < 64; ++burst) {
                const std::vector<uint8_t> &p = prepared[sent % kPrepared];
                sendto(peers[0].fd, p.data(), p.size(), 0,
                       reinterpret_cast<const sockaddr *>(&relay), sizeof relay);
                ++sent;
            }
            // Pace to roughly what one relay core can fan out, so the kernel does not drop
            // the talker's own packets before the relay sees them.
            std::this_thread::sleep_for(std::chrono::microseconds(150));
        }
    }
    const double wall = double(nowNs() - t0) / 1e9;
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    const double cpu = server.cpuSeconds() - cpu0;
    QTest::qWait(1200); // the server prints its counters once a second
    const double forwarded = double(server.latestStats()
                                        .value(QStringLiteral("relay"))
                                        .toObject()
                                        .value(QStringLiteral("forwarded"))
                                        .toInteger()
                                    - forwarded0);

    const double expectedOut = double(viaRelay.size());
    std::printf("relay, %d-way fan-out, %s, server in its own process\n", listeners,
                talk ? "148-byte SRTP packets (AES-128-GCM)" : "132-byte plain RTP packets");
    std::printf("  latency via relay (send -> each of %d listeners), %zu samples:\n", listeners,
                viaRelay.size());
    std::printf("    p50 %.1f us  p99 %.1f us  max %.1f us\n", bench::percentile(viaRelay, 50),
                bench::percentile(viaRelay, 99), bench::percentile(viaRelay, 100));
    std::printf("  latency direct loopback (no relay), %zu samples: p50 %.1f us  p99 %.1f us\n",
                direct.size(), bench::percentile(direct, 50), bench::percentile(direct, 99));
    std::printf("  relay-added latency: p50 %.1f us  p99 %.1f us\n",
                bench::percentile(viaRelay, 50) - bench::percentile(direct, 50),
                bench::percentile(viaRelay, 99) - bench::percentile(direct, 50));
    std::printf("  delivered %.0f of %d expected in the latency phase\n", expectedOut,
                2000 * listeners);
    std::printf("  throughput: talker sent %llu packets in %.2f s (%.0f/s in)\n",
                static_cast<unsigned long long>(sent), wall, double(sent) / wall);
    std::printf("  relay forwarded %.0f packets (%.0f/s); server CPU %.2f s\n", forwarded,
                forwarded / wall, cpu);
    const double perCpu = forwarded / std::max(cpu, 1e-9);
    std::printf("  => %.0f packets out per CPU second of the whole server process\n", perCpu);
    for (Peer &p : peers)
        close(p.fd);
    return perCpu;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("RTP relay benchmark (50-way fan-out)"));
    parser.addHelpOption();
    const QCommandLineOption fanout(QStringLiteral("fanout"), QStringLiteral("Listeners (50)."),
                                    QStringLiteral("n"), QStringLiteral("50"));
    const QCommandLineOption seconds(QStringLiteral("seconds"),
                                     QStringLiteral("Throughput phase length (5)."),
                                     QStringLiteral("s"), QStringLiteral("5"));
    const QCommandLineOption binary(QStringLiteral("server-binary"),
                                    QStringLiteral("floorline-server to run."),
                                    QStringLiteral("path"), bench::defaultServerBinary());
    const QCommandLineOption plain(QStringLiteral("plain-rtp"),
                                   QStringLiteral("Against a --plain-rtp server only."));
    const QCommandLineOption versus(
        QStringLiteral("srtp-vs-plain"),
        QStringLiteral("SRTP, then plain RTP, then SRTP again: the cost as a ratio."));
    parser.addOptions({fanout, seconds, binary, plain, versus});
    parser.process(app);
    const Options options {parser.value(fanout).toInt(), parser.value(seconds).toInt(),
                           parser.value(binary)};
    if (!parser.isSet(versus))
        return measure(options, parser.isSet(plain)) < 0 ? 1 : 0;
    // Plain between two SRTP runs, so a machine that gets busier or quieter during the run
    // does not make one side look better.
    const double srtp1 = measure(options, false);
    const double plainRun = measure(options, true);
    const double srtp2 = measure(options, false);
    if (srtp1 < 0 || plainRun < 0 || srtp2 < 0)
        return 1;
    std::printf("SRTP vs plain: %.0f / %.0f packets out per CPU second = %.2f x plain "
                "(SRTP runs %.0f and %.0f)\n",
                (srtp1 + srtp2) / 2, plainRun, (srtp1 + srtp2) / 2 / plainRun, srtp1, srtp2);
    return 0;
}
