// SPDX-License-Identifier: Apache-2.0
// Limits that keep one account from hurting the others, each tried the way an attacker would,
// each measured by what an innocent client notices: its ping and its floor request answered,
// the server's memory bounded.
#include "support/rawpeer.h"
#include "support/stubbornpeer.h"
#include "support/testclient.h"

#include "core/protocol/rtp.h"

#include <QFile>
#include <QJsonArray>
#include <QUdpSocket>

#include <QTest>

using namespace floorline;
using namespace floorline::test;

namespace {
/// Resident memory of this process (the in-process server's included), in MiB.
qint64 residentMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong() / 1024;
    }
    return 0;
}

QByteArray affiliate(int id, const QStringList &groups)
{
    return QJsonDocument(
               QJsonObject {{QStringLiteral("type"), QStringLiteral("group.affiliate")},
                            {QStringLiteral("id"), id},
                            {QStringLiteral("groups"), QJsonArray::fromStringList(groups)}})
        .toJson(QJsonDocument::Compact);
}
} // namespace

class TestServerLimits : public QObject
{
    Q_OBJECT
private:
    /// The innocent client still gets a floor and an answer to its ping.
    void innocentIsServed(TestClient &innocent)
    {
        QVERIFY(innocent.call(proto::Ping {}));
        proto::FloorRequest request;
        request.session = QStringLiteral("group:tg-001");
        const auto granted = innocent.call(request);
        QVERIFY(granted);
        QCOMPARE(granted->outcome, proto::FloorOutcome::Granted);
        QVERIFY(innocent.call(proto::FloorRelease {request.session}));
    }

private Q_SLOTS:
    void clientThatNeverReadsIsCutOff()
    {
        server::Hub::Config config;
        config.maxQueuedBytes = 1024 * 1024;
        auto server = startServer(30, 6, config);
        QVERIFY(server);
        TestClient innocent(QStringLiteral("unit-0001"), *server);
        QVERIFY(innocent.login());
        QVERIFY(innocent.call(proto::Affiliate {{QStringLiteral("tg-001")}}));
        QByteArray photo(1024 * 1024, '\0');
        for (qsizetype i = 0; i < photo.size(); ++i)
            photo[i] = char(i * 7919 % 251);
        photo.replace(0, 8, QByteArray("\x89PNG\r\n\x1a\n", 8));
        // A console stores it and pushes it to the four units that will misbehave.
        TestClient console(QStringLiteral("dispatch-1"), *server);
        QVERIFY(console.login());
        const QString media = uploadMedia(console, photo, QStringLiteral("map.png"));
        QVERIFY(!media.isEmpty());
        for (int p = 0; p < 4; ++p) {
            proto::MediaPush push;
            push.push = QStringLiteral("map-%1").arg(p);
            push.to.unit = QStringLiteral("unit-%1").arg(10 + p, 4, 10, QLatin1Char('0'));
            push.media = media;
            QVERIFY(console.call(push));
        }

        const qint64 before = residentMiB();
        std::vector<std::unique_ptr<StubbornPeer>> stubborn;
        for (int p = 0; p < 4; ++p) {
            auto peer = std::make_unique<StubbornPeer>(server->url());
            QVERIFY(peer->isOpen());
            peer->send(R"({"type":"hello","id":1,"protocols":[1]})");
            peer->send(
                QStringLiteral(R"({"type":"login","id":2,"user":"unit-%1","password":"unit-%1"})")
                    .arg(10 + p, 4, 10, QLatin1Char('0'))
                    .toUtf8());
            // The password is checked off the signaling thread: ask once it is in.
            QVERIFY(QTest::qWaitFor([&] { return stat(*server, "logins") == 3 + p; }, 5000));
            stubborn.push_back(std::move(peer));
        }
        // Each asks for 32 KiB chunks of the photo (~43 KB answers, one message of the budget
        // each) as fast as its rate limit allows, and reads none of them.
        int id = 3;
        const auto ask = [&] {
            for (const auto &peer : stubborn) {
                if (peer->socket().state() != QAbstractSocket::ConnectedState)
                    continue;
                for (int i = 0; i < 10; ++i)
                    peer->send(QStringLiteral(R"({"type":"media.get","id":%1,"media":"%2"})")
                                   .arg(id++)
                                   .arg(media)
                                   .toUtf8());
            }
        };
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         ask();
                         return stat(*server, "closedSlowReader") == 4;
                     },
                     30000),
                 qPrintable(QStringLiteral("%1 cut off, %2 requests, %3 bytes out")
                                .arg(stat(*server, "closedSlowReader"))
                                .arg(stat(*server, "requests"))
                                .arg(stat(*server, "mediaBytesOut"))));
        for (const auto &peer : stubborn)
            qInfo() << "DEBUG peer" << peer->socket().state() << peer->socket().bytesAvailable()
                    << peer->socket().encryptedBytesAvailable() << peer->socket().readBufferSize();
        innocentIsServed(innocent);
        const qint64 growth = residentMiB() - before;
        qInfo() << "memory growth with 4 clients that never read:" << growth << "MiB,"
                << stat(*server, "mediaBytesOut") / 1048576 << "MiB answered";
        QVERIFY2(growth < 64, qPrintable(QString::number(growth)));
    }

    void loginsPerAccountAreBounded();
    void uploadsInFlightAreBounded();
    void pushesAreBoundedPerSenderAndRecipient();
    void mediaLatchesOnlyFromTheSignalingPeer();

    void affiliateListsAreCappedDeduplicatedAndCharged()
    {
        server::Hub::Config config;
        config.limits.messagesPerSecond = 20;
        config.limits.messageBurst = 40;
        auto server = startServer(30, 300, config);
        QVERIFY(server);
        TestClient innocent(QStringLiteral("unit-0001"), *server);
        QVERIFY(innocent.login());
        QVERIFY(innocent.call(proto::Affiliate {{QStringLiteral("tg-001")}}));
        RawPeer flood(server->url());
        QVERIFY(flood.connected());
        flood.hello();
        QVERIFY(
            flood.exchange(R"({"type":"login","id":2,"user":"dispatch-1","password":"dispatch-1"})")
                .contains(QStringLiteral("result")));

        // 257 groups: refused as a whole.
        QStringList many;
        for (int i = 0; i < 257; ++i)
            many.append(QStringLiteral("tg-001"));
        QJsonObject reply = flood.exchange(affiliate(3, many));
        QCOMPARE(reply.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")),
                 QStringLiteral("groups: has more than 256 items"));
        // 256 times the same group: one membership, one session in the answer.
        many.removeLast();
        reply = flood.exchange(affiliate(4, many));
        QCOMPARE(reply.value(QStringLiteral("result"))
                     .toObject()
                     .value(QStringLiteral("sessions"))
                     .toArray()
                     .size(),
                 1);
        // 256 different groups cost 9 messages of the budget each (1 + 256 / 32): the bucket
        // of 40 is soon empty.
        const auto directory = innocent.call(proto::DirectoryGet {});
        QVERIFY(directory);
        many.clear();
        for (const proto::GroupInfo &g : directory->groups.mid(0, 256))
            many.append(g.id);
        QCOMPARE(many.size(), 256);
        int charged = 0;
        for (int i = 0; i < 6 && charged == 0; ++i) {
            reply = flood.exchange(affiliate(10 + i, many));
            if (reply.value(QStringLiteral("error")).toObject().value(QStringLiteral("code"))
                == QStringLiteral("rate-limited"))
                charged = i + 1;
        }
        QVERIFY2(charged > 0, "a heavy request cost no more than a ping");
        QVERIFY2(reply.value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("message"))
                     .toString()
                     .startsWith(QLatin1String("this request costs 9 messages")),
                 qPrintable(QJsonDocument(reply).toJson()));
        innocentIsServed(innocent);
    }
};

void TestServerLimits::loginsPerAccountAreBounded()
{
    auto server = startServer(30, 6);
    QVERIFY(server);
    std::vector<std::unique_ptr<TestClient>> logins;
    for (int i = 0; i < 8; ++i) {
        logins.push_back(std::make_unique<TestClient>(QStringLiteral("unit-0003"), *server));
        QVERIFY(logins.back()->login());
    }
    // A ninth is refused while all eight are at their connections, and says why.
    RawPeer ninth(server->url());
    QVERIFY(ninth.connected());
    ninth.hello();
    QJsonObject reply
        = ninth.exchange(R"({"type":"login","id":2,"user":"unit-0003","password":"unit-0003"})");
    QVERIFY(QTest::qWaitFor([&] { return ninth.received.size() >= 2; }, 3000));
    reply = QJsonDocument::fromJson(ninth.received.last().toUtf8()).object();
    QCOMPARE(reply.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")),
             QStringLiteral("unit-0003 is logged in 8 times already: log one of them out first"));
    QCOMPARE(stat(*server, "loginsRefused"), 1);
    // One connection drops: its login waits for a resume, and makes way for a fresh login.
    logins.front().reset();
    QVERIFY(QTest::qWaitFor([&] { return server->hub()->liveLogins() == 8; }, 3000));
    TestClient again(QStringLiteral("unit-0003"), *server);
    QVERIFY(again.login());
    QCOMPARE(server->hub()->liveLogins(), 8);
}

void TestServerLimits::mediaLatchesOnlyFromTheSignalingPeer()
{
    // Loopback has many addresses: the login signals from 127.0.0.1, a stranger who learnt
    // its key sends keep-alives from 127.0.0.2 to point its media there.
    auto server = startServer(30, 6);
    QVERIFY(server);
    TestClient unit(QStringLiteral("unit-0001"), *server);
    QVERIFY(unit.login());
    const proto::LoginResult &login = unit.client.login();
    QUdpSocket stranger;
    QVERIFY(stranger.bind(QHostAddress(QStringLiteral("127.0.0.2")), 0));
    proto::RtpPacket keepAlive;
    keepAlive.payloadType = proto::kKeepAlivePayloadType;
    keepAlive.ssrc = login.media.ssrc;
    const QByteArray key = QByteArray::fromHex(login.media.key.toLatin1());
    std::array<uint8_t, 64> buffer {};
    const std::size_t size = proto::writeRtp(
        keepAlive, {reinterpret_cast<const uint8_t *>(key.constData()), std::size_t(key.size())},
        buffer);
    for (int i = 0; i < 5; ++i)
        stranger.writeDatagram(reinterpret_cast<const char *>(buffer.data()), qint64(size),
                               QHostAddress::LocalHost, quint16(login.media.port));
    QVERIFY(QTest::qWaitFor(
        [&] { return server->relayCounters().droppedForeignAddress.load() == 5; }, 3000));
    QTest::qWait(100);
    QVERIFY2(!stranger.hasPendingDatagrams(), "the relay answered a foreign address");
    // The login's own keep-alives still latch, and its media flow.
    TestClient listener(QStringLiteral("unit-0005"), *server);
    QVERIFY(listener.login());
    QVERIFY(unit.call(proto::Affiliate {{QStringLiteral("tg-001")}}));
    QVERIFY(listener.call(proto::Affiliate {{QStringLiteral("tg-001")}}));
    proto::FloorRequest request;
    request.session = QStringLiteral("group:tg-001");
    QVERIFY(unit.call(request));
    unit.sendSpurt(speechPackets(2));
    QVERIFY(listener.waitPackets(int(speechPackets(2).size())));
}

void TestServerLimits::uploadsInFlightAreBounded()
{
    // One unit declared 2,000 uploads of 64 MiB in 13 s before: now the fifth is refused, and
    // nothing it declared costs the innocent anything.
    auto server = startServer(30, 6);
    QVERIFY(server);
    TestClient innocent(QStringLiteral("unit-0001"), *server);
    QVERIFY(innocent.login());
    QVERIFY(innocent.call(proto::Affiliate {{QStringLiteral("tg-001")}}));
    TestClient greedy(QStringLiteral("unit-0002"), *server);
    QVERIFY(greedy.login());
    int accepted = 0;
    proto::Error error;
    for (int i = 0; i < 20; ++i) {
        const QString sha = QString(63, QLatin1Char('0')) + QString::number(i % 10);
        if (greedy.call(proto::MediaUpload {QStringLiteral("big.mp4"), QStringLiteral("video/mp4"),
                                            64LL * 1024 * 1024, sha},
                        &error))
            ++accepted;
        else if (error.code != proto::ErrorCode::RateLimited)
            break;
    }
    QCOMPARE(accepted, 4);
    QCOMPARE(error.message, QStringLiteral("too many uploads open at once: finish one first"));
    innocentIsServed(innocent);
    // The innocent's own upload still goes through.
    QVERIFY(
        !uploadMedia(innocent, QByteArray("\x89PNG\r\n\x1a\nfine", 12), QStringLiteral("ok.png"))
             .isEmpty());
}

void TestServerLimits::pushesAreBoundedPerSenderAndRecipient()
{
    server::Hub::Config config;
    config.pushes.maxWaiting = 20;
    config.pushes.expireAfterMs = 50;
    auto server = startServer(30, 6, config);
    QVERIFY(server);
    TestClient console(QStringLiteral("dispatch-1"), *server);
    QVERIFY(console.login());
    const auto linkTo = [](const QString &unit, const QString &group, int n) {
        proto::MediaPush p;
        p.push = QStringLiteral("p-%1").arg(n);
        p.to.unit = unit;
        p.to.group = group;
        p.link = QStringLiteral("https://example.org/%1").arg(n);
        return p;
    };
    // unit-0002 is away: 20 may wait for it, no more.
    proto::Error error;
    int queued = 0;
    for (int i = 0; i < 25; ++i)
        queued += console.call(linkTo(QStringLiteral("unit-0002"), {}, i), &error) ? 1 : 0;
    QCOMPARE(queued, 20);
    QCOMPARE(error.message, QStringLiteral("20 pushes wait for unit-0002 already"));
    // A push to its group still reaches the others, and leaves it out.
    const auto group = console.call(linkTo({}, QStringLiteral("tg-002"), 100));
    QVERIFY(group);
    for (const proto::PushRecipient &r : group->recipients)
        QVERIFY(r.unit != QStringLiteral("unit-0002"));
    QVERIFY(stat(*server, "pushRecipientsFull") >= 6);
    // A sender has 30 pushes a minute; 21 are spent.
    int more = 0;
    for (int i = 0; i < 20; ++i)
        more += console.call(linkTo(QStringLiteral("unit-0003"), {}, 200 + i), &error) ? 1 : 0;
    QCOMPARE(more, 9);
    QCOMPARE(error.message, QStringLiteral("more than 30 pushes a minute"));
    // What waited past its expiry is gone: the unit comes back to nothing old.
    QTest::qWait(100);
    server->hub()->sweep();
    QCOMPARE(stat(*server, "pushesExpired"), qint64(20 + 9 + group->recipients.size()));
    TestClient back(QStringLiteral("unit-0002"), *server);
    QVERIFY(back.login());
    QTest::qWait(300);
    QCOMPARE(back.countEvents<proto::MediaPushed>(), 0);
}

QTEST_GUILESS_MAIN(TestServerLimits)
#include "tst_serverlimits.moc"
