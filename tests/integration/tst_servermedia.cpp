// SPDX-License-Identifier: Apache-2.0
// Media uploads and downloads through the real server on loopback (docs/protocol.md §9):
// 5 MB in chunks over the signaling WebSocket, the connection dropped halfway and the upload
// resumed, the stored hash checked by another login reading it back; and bad uploads refused
// with clear errors and counted, with nothing stored half-way.
#include "support/testclient.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace floorline;
using proto::ErrorCode;
using test::stat;

namespace {
QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator(seed).fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    return bytes;
}

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestServerMedia : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fiveMegabytesSurviveADroppedConnection()
    {
        server::Hub::Config config;
        config.limits.messagesPerSecond = 2000; // the default 50/s makes this a 3 s upload
        config.limits.messageBurst = 4000;
        auto server = test::startServer(30, 6, config);
        test::TestClient unit(QStringLiteral("unit-0001"), *server);
        QVERIFY(unit.login());
        const QByteArray video = randomBytes(5 * 1024 * 1024, 3);
        proto::Error error;
        const auto begun = unit.call(proto::MediaUpload {QStringLiteral("incident.mp4"),
                                                         QStringLiteral("video/mp4"), video.size(),
                                                         sha256(video)},
                                     &error);
        QVERIFY2(begun, qPrintable(error.message));
        QCOMPARE(begun->received, 0);
        const QString upload = begun->upload;
        QVERIFY(!upload.isEmpty());

        // Eight chunks in flight, as a client that wants its upload done would send them.
        constexpr int kWindow = 8;
        QElapsedTimer clock;
        clock.start();
        qint64 sent = 0, acked = 0;
        int inFlight = 0;
        bool dropped = false;
        QString failure;
        while (acked < video.size() && failure.isEmpty()) {
            if (!dropped && acked >= video.size() / 2) {
                // The network drops mid-upload; the client reconnects and resumes its login.
                dropped = true;
                unit.client.simulateConnectionLoss();
                QVERIFY(QTest::qWaitFor(
                    [&] {
                        return inFlight == 0
                            && unit.client.state() == SignalingClient::State::Online;
                    },
                    5000));
                const auto status = unit.call(proto::MediaUploadStatus {upload});
                QVERIFY(status);
                QVERIFY(status->received >= acked); // everything acknowledged is kept
                sent = acked = status->received;
            }
            while (inFlight < kWindow && sent < video.size()) {
                const QByteArray chunk = video.mid(sent, proto::kMaxMediaChunk);
                ++inFlight;
                unit.client.send(proto::MediaChunk {upload, sent, chunk},
                                 [&](const Reply<proto::UploadState> &reply) {
                                     --inFlight;
                                     if (reply.ok())
                                         acked = std::max(acked, reply.value->received);
                                     else if (reply.error.code != ErrorCode::Disconnected)
                                         failure = reply.error.message;
                                 });
                sent += chunk.size();
            }
            QTest::qWait(1);
        }
        QVERIFY(QTest::qWaitFor([&] { return inFlight == 0; }, 5000));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QVERIFY(dropped);
        const auto stored = unit.call(proto::MediaFinish {upload});
        QVERIFY(stored);
        const double upMs = double(clock.nsecsElapsed()) / 1e6;
        QCOMPARE(stored->id, sha256(video));
        QCOMPARE(stored->size, video.size());
        QCOMPARE(stored->owner, QStringLiteral("unit-0001"));

        // Nobody else may read it yet: to them it does not exist.
        test::TestClient console(QStringLiteral("dispatch-1"), *server);
        QVERIFY(console.login());
        QVERIFY(!console.call(proto::MediaGet {stored->id, 0, 16}, &error));
        QCOMPARE(error.code, proto::ErrorCode::NotFound);
        QCOMPARE(stat(*server, "mediaUnreadable"), 1);
        // The unit pushes it to its group: the group and the consoles may read it now, a unit
        // of another group still may not.
        proto::MediaPush push;
        push.push = QStringLiteral("incident-1");
        push.to.group = QStringLiteral("tg-001");
        push.media = stored->id;
        QVERIFY(unit.call(push));
        test::TestClient outsider(QStringLiteral("unit-0002"), *server);
        QVERIFY(outsider.login());
        QVERIFY(!outsider.call(proto::MediaGet {stored->id, 0, 16}, &error));
        QCOMPARE(error.code, proto::ErrorCode::NotFound);
        // The console reads it back, chunk by chunk.
        clock.restart();
        QByteArray back(video.size(), Qt::Uninitialized);
        qint64 requested = 0, received = 0;
        inFlight = 0;
        while (received < stored->size && failure.isEmpty()) {
            while (inFlight < kWindow && requested < stored->size) {
                ++inFlight;
                console.client.send(proto::MediaGet {stored->id, requested, proto::kMaxMediaChunk},
                                    [&](const Reply<proto::MediaData> &part) {
                                        --inFlight;
                                        if (!part.ok()) {
                                            failure = part.error.message;
                                            return;
                                        }
                                        std::copy(part.value->data.cbegin(),
                                                  part.value->data.cend(),
                                                  back.begin() + part.value->offset);
                                        received += part.value->data.size();
                                    });
                requested += proto::kMaxMediaChunk;
            }
            QTest::qWait(1);
        }
        QVERIFY(QTest::qWaitFor([&] { return inFlight == 0; }, 5000));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        const double downMs = double(clock.nsecsElapsed()) / 1e6;
        QCOMPARE(sha256(back), sha256(video));
        qInfo("5 MiB up in %.0f ms (%.1f MB/s, one reconnect), down in %.0f ms (%.1f MB/s), "
              "32 KiB chunks, 8 requests in flight",
              upMs, video.size() / upMs / 1000, downMs, video.size() / downMs / 1000);
        QCOMPARE(stat(*server, "mediaStored"), 1);
        QCOMPARE(stat(*server, "mediaBytesIn"), video.size());
    }

    void aTalkSpurtCarriesItsMediaToEveryReceiver()
    {
        auto server = test::startServer(30, 6);
        // unit-0001, unit-0005 and unit-0009 are all in tg-001.
        test::TestClient talker(QStringLiteral("unit-0001"), *server);
        test::TestClient listener(QStringLiteral("unit-0005"), *server);
        test::TestClient late(QStringLiteral("unit-0009"), *server);
        QVERIFY(talker.login() && listener.login() && late.login());
        const QString group = QStringLiteral("tg-001");
        const QString session = proto::groupSessionId(group);
        QVERIFY(talker.call(proto::Affiliate {{group}})
                && listener.call(proto::Affiliate {{group}}));

        const QByteArray map = randomBytes(20000, 4);
        const auto up = talker.call(proto::MediaUpload {
            QStringLiteral("map.png"), QStringLiteral("image/png"), map.size(), sha256(map)});
        QVERIFY(up);
        QVERIFY(talker.call(proto::MediaChunk {up->upload, 0, map}));
        QVERIFY(talker.call(proto::MediaFinish {up->upload}));

        // An item that is not stored: refused before the floor is touched.
        proto::Error error;
        QVERIFY(!talker.call(proto::FloorRequest {session, 0, proto::FloorType::Normal,
                                                  QString(64, QLatin1Char('0'))},
                             &error));
        QCOMPARE(error.code, ErrorCode::NotFound);
        QCOMPARE(server->hub()->sessionInfo(session).floor.state, proto::FloorState::Idle);

        const auto granted
            = talker.call(proto::FloorRequest {session, 0, proto::FloorType::Normal, sha256(map)});
        QVERIFY(granted && granted->outcome == proto::FloorOutcome::Granted);
        const auto taken = listener.waitEvent<proto::FloorTaken>();
        QVERIFY(taken);
        QCOMPARE(taken->media, sha256(map));
        // Late entry sees the same item, in the affiliation result and in its Floor Taken.
        const auto joined = late.call(proto::Affiliate {{group}});
        QVERIFY(joined);
        QCOMPARE(joined->sessions.first().floor.media, sha256(map));
        const auto lateTaken = late.waitEvent<proto::FloorTaken>();
        QVERIFY(lateTaken);
        QCOMPARE(lateTaken->media, sha256(map));
        // The next spurt without an item carries none.
        QVERIFY(talker.call(proto::FloorRelease {session}));
        QVERIFY(listener.waitEvent<proto::FloorIdle>());
        QVERIFY(talker.call(proto::FloorRequest {session, 0, proto::FloorType::Normal, {}}));
        const auto plain = listener.waitEvent<proto::FloorTaken>();
        QVERIFY(plain);
        QCOMPARE(plain->media, QString());
    }

    void aKnownHashRevealsNothing()
    {
        // Someone who guesses a hash learns nothing: not that the content is stored, nor its
        // name, nor its owner, until it has sent every byte.
        auto server = test::startServer(30, 6);
        test::TestClient owner(QStringLiteral("unit-0001"), *server);
        QVERIFY(owner.login());
        const QByteArray photo = randomBytes(100000, 9);
        QVERIFY(!test::uploadMedia(owner, photo, QStringLiteral("suspect.jpg"),
                                   QStringLiteral("image/jpeg"))
                     .isEmpty());
        test::TestClient prober(QStringLiteral("unit-0002"), *server);
        QVERIFY(prober.login());
        const auto begun = prober.call(proto::MediaUpload {QStringLiteral("probe.jpg"),
                                                           QStringLiteral("image/jpeg"),
                                                           photo.size(), sha256(photo)});
        QVERIFY(begun);
        QCOMPARE(begun->received, 0); // as for content nobody has
        QVERIFY(!begun->media);
        QVERIFY(!begun->upload.isEmpty());
        // Having sent the bytes, it has proved it holds them: its own copy, described its way.
        const QString id = test::uploadMedia(prober, photo, QStringLiteral("mine.jpg"),
                                             QStringLiteral("image/jpeg"));
        QCOMPARE(id, sha256(photo));
        const auto read = prober.call(proto::MediaGet {id, 0, 16});
        QVERIFY(read);
        QCOMPARE(read->media.id, id);
        // The owner's own upload of the same bytes again needs nothing sent.
        const auto again = owner.call(proto::MediaUpload {QStringLiteral("again.jpg"),
                                                          QStringLiteral("image/jpeg"),
                                                          photo.size(), sha256(photo)});
        QVERIFY(again);
        QCOMPARE(again->received, photo.size());
    }

    void badUploadsAreRefusedClearlyAndCounted()
    {
        server::Hub::Config config;
        auto server = test::startServer(30, 6, config);
        test::TestClient unit(QStringLiteral("unit-0002"), *server);
        test::TestClient other(QStringLiteral("unit-0003"), *server);
        QVERIFY(unit.login() && other.login());
        const QByteArray photo = randomBytes(40000, 9);
        const QString jpeg = QStringLiteral("image/jpeg");
        proto::Error error;

        QVERIFY(!unit.call(proto::MediaUpload {{}, jpeg, 1LL << 40, sha256(photo)}, &error));
        QCOMPARE(error.code, ErrorCode::TooLarge);
        QVERIFY(!unit.call(
            proto::MediaUpload {
                {}, QStringLiteral("application/x-sh"), photo.size(), sha256(photo)},
            &error));
        QCOMPARE(error.code, ErrorCode::BadMessage);
        QCOMPARE(error.message, QStringLiteral("this content type is not accepted"));

        const auto up = unit.call(
            proto::MediaUpload {QStringLiteral("p.jpg"), jpeg, photo.size(), sha256(photo)});
        QVERIFY(up);
        // Somebody else's upload is not theirs to fill.
        QVERIFY(!other.call(proto::MediaChunk {up->upload, 0, photo.left(100)}, &error));
        QCOMPARE(error.code, ErrorCode::Forbidden);
        // A chunk that does not continue the upload.
        QVERIFY(!unit.call(proto::MediaChunk {up->upload, 5, photo.left(100)}, &error));
        QCOMPARE(error.message, QStringLiteral("offset does not continue the upload"));
        // Bytes that are not the declared ones: refused at finish, nothing stored.
        QByteArray tampered = photo;
        tampered[100] = char(tampered[100] ^ 1);
        for (qint64 at = 0; at < tampered.size(); at += proto::kMaxMediaChunk)
            QVERIFY(unit.call(
                proto::MediaChunk {up->upload, at, tampered.mid(at, proto::kMaxMediaChunk)}));
        QVERIFY(!unit.call(proto::MediaFinish {up->upload}, &error));
        QCOMPARE(error.message,
                 QStringLiteral("the bytes received do not match the declared sha256"));
        QVERIFY(!unit.call(proto::MediaGet {sha256(photo), 0, 100}, &error));
        QCOMPARE(error.code, ErrorCode::NotFound);
        QVERIFY(!unit.call(proto::MediaUploadStatus {up->upload}, &error)); // gone
        QCOMPARE(error.code, ErrorCode::NotFound);

        // A chunk whose data is not base64 is a bad message, answered, not a crash.
        QVERIFY(!unit.call(proto::MediaGet {QStringLiteral("xyz"), 0, 10}, &error));
        QCOMPARE(error.code, ErrorCode::BadMessage);

        QCOMPARE(stat(*server, "mediaStored"), 0);
        QVERIFY(stat(*server, "mediaRefused") >= 6);
    }
};

QTEST_MAIN(TestServerMedia)
#include "tst_servermedia.moc"
