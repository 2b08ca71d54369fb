// SPDX-License-Identifier: Apache-2.0
// Media over HTTPS on the signaling port (docs/protocol.md §13), against the real server on
// loopback through a real TLS socket: a token from signaling, an upload in one PUT and one
// resumed after a dropped connection, reads whole and by ranges, byte-identical (a slow reader
// too); who may read and write what; bad requests answered and counted; WebSocket signaling
// still on the port.
#include "support/httpclient.h"
#include "support/testclient.h"

#include "core/protocol/media.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace floorline;

namespace {
QByteArray randomBytes(qsizetype n, quint32 seed)
{
    QByteArray data(n, Qt::Uninitialized);
    QRandomGenerator random(seed);
    for (char &c : data)
        c = char(random.bounded(256));
    return data;
}

QByteArray sha256(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QJsonObject jsonOf(const test::HttpAnswer &a)
{
    return QJsonDocument::fromJson(a.body).object();
}

QByteArray bearer(const QString &token)
{
    return "authorization: Bearer " + token.toLatin1();
}

/// A logged-in unit and its HTTP token.
struct Caller
{
    Caller(const QString &user, server::Server &server)
        : client(user, server)
        , http(server.url(), server.fingerprint())
    { }
    bool ready()
    {
        if (!client.login())
            return false;
        const auto t = client.call(proto::MediaTokenGet {});
        if (!t)
            return false;
        token = t->token;
        return token.size() == 64;
    }
    /// POST /media/uploads: the upload's id, or empty.
    QString begin(const QByteArray &data, const QString &type = QStringLiteral("video/mp4"))
    {
        const QJsonObject body {{QStringLiteral("name"), QStringLiteral("clip.mp4")},
                                {QStringLiteral("contentType"), type},
                                {QStringLiteral("size"), qint64(data.size())},
                                {QStringLiteral("sha256"), QString::fromLatin1(sha256(data))}};
        const test::HttpAnswer a = http.request("POST", "/media/uploads",
                                                {bearer(token), "content-type: application/json"},
                                                QJsonDocument(body).toJson());
        if (a.status != 201)
            qWarning("begin: %d %s", a.status, a.body.constData());
        return a.status == 201 ? jsonOf(a).value(QStringLiteral("upload")).toString() : QString();
    }
    test::TestClient client;
    test::HttpClient http;
    QString token;
};
} // namespace

class TestServerHttp : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void uploadInOnePutThenReadWholeAndByRanges()
    {
        auto server = test::startServer();
        Caller a(QStringLiteral("unit-0001"), *server);
        QVERIFY(a.ready());
        const QByteArray data = randomBytes(3 * 1024 * 1024 + 123, 1);
        const QString upload = a.begin(data);
        QVERIFY(!upload.isEmpty());
        const test::HttpAnswer put
            = a.http.request("PUT", "/media/uploads/" + upload.toLatin1(),
                             {bearer(a.token),
                              "content-range: bytes 0-" + QByteArray::number(data.size() - 1) + '/'
                                  + QByteArray::number(data.size())},
                             data);
        QCOMPARE(put.status, 201);
        const QString media = jsonOf(put).value(QStringLiteral("id")).toString();
        QCOMPARE(media.toLatin1(), sha256(data));

        // Whole, on the same connection (keep-alive).
        const test::HttpAnswer whole
            = a.http.request("GET", "/media/" + media.toLatin1(), {bearer(a.token)});
        QCOMPARE(whole.status, 200);
        QCOMPARE(whole.header("content-type"), QByteArray("video/mp4"));
        QCOMPARE(whole.header("accept-ranges"), QByteArray("bytes"));
        QVERIFY(whole.body == data);
        // Ranges: a middle piece, the start, the last bytes, one past the end.
        test::HttpAnswer part = a.http.request("GET", "/media/" + media.toLatin1(),
                                               {bearer(a.token), "range: bytes=1000000-1000099"});
        QCOMPARE(part.status, 206);
        QCOMPARE(part.header("content-range"),
                 "bytes 1000000-1000099/" + QByteArray::number(data.size()));
        QVERIFY(part.body == data.mid(1000000, 100));
        part = a.http.request("GET", "/media/" + media.toLatin1(),
                              {bearer(a.token), "range: bytes=-10"});
        QCOMPARE(part.status, 206);
        QVERIFY(part.body == data.right(10));
        part = a.http.request("GET", "/media/" + media.toLatin1(),
                              {bearer(a.token), "range: bytes=3000000-"});
        QVERIFY(part.body == data.mid(3000000));
        part = a.http.request(
            "GET", "/media/" + media.toLatin1(),
            {bearer(a.token), "range: bytes=" + QByteArray::number(data.size()) + '-'});
        QCOMPARE(part.status, 416);
        QCOMPARE(part.header("content-range"), "bytes */" + QByteArray::number(data.size()));
        // A page's <video> cannot send a header: the token in the query does the same.
        part = a.http.request("GET", "/media/" + media.toLatin1() + "?token=" + a.token.toLatin1(),
                              {"range: bytes=0-9"});
        QCOMPARE(part.status, 206);
        QVERIFY(part.body == data.left(10));
        const test::HttpAnswer head
            = a.http.request("HEAD", "/media/" + media.toLatin1(), {bearer(a.token)});
        QCOMPARE(head.status, 200);
        QCOMPARE(head.header("content-length").toLongLong(), qint64(data.size()));
        QVERIFY(head.body.isEmpty());
        // Signaling sees the same item.
        const auto got = a.client.call(proto::MediaGet {media, 0, 16});
        QVERIFY(got && got->data == data.left(16));
        QVERIFY(test::stat(*server, "mediaStored") >= 1);
    }

    void anUploadDroppedMidwayResumesWhereTheBytesStopped()
    {
        auto server = test::startServer();
        Caller a(QStringLiteral("unit-0002"), *server);
        QVERIFY(a.ready());
        const QByteArray data = randomBytes(5 * 1024 * 1024, 2);
        const QString upload = a.begin(data, QStringLiteral("image/jpeg"));
        QVERIFY(!upload.isEmpty());
        // The whole file announced, 2.5 MB sent, then the connection drops (the phone lost
        // its network).
        a.http.connect();
        a.http.sendRaw("PUT /media/uploads/" + upload.toLatin1() + " HTTP/1.1\r\n" + bearer(a.token)
                       + "\r\ncontent-range: bytes 0-" + QByteArray::number(data.size() - 1) + '/'
                       + QByteArray::number(data.size()) + "\r\ncontent-length: "
                       + QByteArray::number(data.size()) + "\r\n\r\n" + data.left(2500000));
        QTest::qWait(300);
        a.http.socket()->abort();
        test::HttpClient again(server->url(), server->fingerprint());
        test::HttpAnswer status;
        QVERIFY(QTest::qWaitFor(
            [&] {
                status = again.request("GET", "/media/uploads/" + upload.toLatin1(),
                                       {bearer(a.token)});
                return jsonOf(status).value(QStringLiteral("received")).toInteger() > 0;
            },
            5000));
        const qint64 received = jsonOf(status).value(QStringLiteral("received")).toInteger();
        QVERIFY2(received > 0 && received <= 2500000, qPrintable(QString::number(received)));
        // Not from where it stands: refused with where it stands.
        const test::HttpAnswer wrong = again.request(
            "PUT", "/media/uploads/" + upload.toLatin1(),
            {bearer(a.token), "content-range: bytes 0-9/" + QByteArray::number(data.size())},
            data.left(10));
        QCOMPARE(wrong.status, 409);
        QCOMPARE(jsonOf(wrong).value(QStringLiteral("received")).toInteger(), received);
        const QByteArray rest = data.mid(received);
        const test::HttpAnswer done = again.request(
            "PUT", "/media/uploads/" + upload.toLatin1(),
            {bearer(a.token),
             "content-range: bytes " + QByteArray::number(received) + '-'
                 + QByteArray::number(data.size() - 1) + '/' + QByteArray::number(data.size())},
            rest);
        QCOMPARE(done.status, 201);
        const test::HttpAnswer whole = again.request(
            "GET", "/media/" + jsonOf(done).value(QStringLiteral("id")).toString().toLatin1(),
            {bearer(a.token)});
        QVERIFY(whole.body == data);
    }

    void aSlowReaderGetsTheWholeAnswer()
    {
        // A phone on a slow link takes nothing for longer than the server waits for a next
        // request (10 s), then reads on: the answer's tail must still come, though on TLS the
        // server had it all queued, encrypted, long before.
        auto server = test::startServer();
        Caller a(QStringLiteral("unit-0003"), *server);
        QVERIFY(a.ready());
        const QByteArray data = randomBytes(24 * 1024 * 1024, 3);
        const QString upload = a.begin(data);
        QVERIFY(!upload.isEmpty());
        const test::HttpAnswer put = a.http.request("PUT", "/media/uploads/" + upload.toLatin1(),
                                                    {bearer(a.token)}, data, 30000);
        QCOMPARE(put.status, 201);
        test::HttpClient slow(server->url(), server->fingerprint());
        slow.connect();
        slow.socket()->setReadBufferSize(64 * 1024);
        slow.sendRaw("GET /media/" + sha256(data) + " HTTP/1.1\r\nhost: localhost\r\n"
                     + bearer(a.token) + "\r\n\r\n");
        QTest::qWait(12000);
        slow.socket()->setReadBufferSize(0);
        const test::HttpAnswer got = slow.read(30000);
        QCOMPARE(got.status, 200);
        QCOMPARE(got.body.size(), data.size());
        QVERIFY(got.body == data);
    }

    void tokensAndReadRights()
    {
        auto server = test::startServer();
        Caller a(QStringLiteral("unit-0003"), *server), b(QStringLiteral("unit-0004"), *server);
        QVERIFY(a.ready() && b.ready());
        const QByteArray data = randomBytes(1000, 3);
        const QString upload = a.begin(data, QStringLiteral("image/png"));
        const test::HttpAnswer put
            = a.http.request("PUT", "/media/uploads/" + upload.toLatin1(), {bearer(a.token)}, data);
        QCOMPARE(put.status, 201);
        const QByteArray path = "/media/" + sha256(data);
        // No token, a made-up one: 401, and the answer says what to send.
        test::HttpAnswer r = a.http.request("GET", path);
        QCOMPARE(r.status, 401);
        QCOMPARE(jsonOf(r).value(QStringLiteral("error")).toString(),
                 QStringLiteral("not-authenticated"));
        QVERIFY(!r.header("www-authenticate").isEmpty());
        r = a.http.request("GET", path, {bearer(QString(64, QLatin1Char('0')))});
        QCOMPARE(r.status, 401);
        // Another unit may not read it: it does not exist for b, nor may b write a's upload.
        r = b.http.request("GET", path, {bearer(b.token)});
        QCOMPARE(r.status, 404);
        const QString other = a.begin(randomBytes(10, 4), QStringLiteral("image/png"));
        r = b.http.request("PUT", "/media/uploads/" + other.toLatin1(), {bearer(b.token)},
                           QByteArray(10, 'x'));
        QCOMPARE(r.status, 403);
        QVERIFY(test::stat(*server, "mediaUnreadable") >= 1);
        // A new token ends the old one; a login that ends takes its token along.
        const QString old = a.token;
        const auto renewed = a.client.call(proto::MediaTokenGet {});
        QVERIFY(renewed && renewed->token != old);
        a.token = renewed->token;
        QCOMPARE(a.http.request("GET", path, {bearer(old)}).status, 401);
        QCOMPARE(a.http.request("GET", path, {bearer(a.token)}).status, 200);
        a.client.call(proto::Logout {});
        QVERIFY(QTest::qWaitFor(
            [&] { return a.http.request("GET", path, {bearer(a.token)}).status == 401; }, 5000));
        const QJsonObject http = server->statsJson().value(QStringLiteral("http")).toObject();
        QVERIFY(http.value(QStringLiteral("unauthorized")).toInteger() >= 4);
        QVERIFY(http.value(QStringLiteral("notFound")).toInteger() >= 1);
    }

    void badRequestsAreAnsweredAndCounted_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::newRow("not http") << QByteArray("hello there\r\n\r\n") << 400;
        QTest::newRow("bare LF") << QByteArray("GET /media/x HTTP/1.1\nhost: a\n\n\r\n\r\n") << 400;
        QTest::newRow("http/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") << 400;
        QTest::newRow("absolute target")
            << QByteArray("GET http://x/media HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("two lengths") << QByteArray(
            "PUT /media/uploads/x HTTP/1.1\r\ncontent-length: 1\r\ncontent-length: 2\r\n\r\n")
                                     << 400;
        QTest::newRow("negative length")
            << QByteArray("PUT /media/uploads/x HTTP/1.1\r\ncontent-length: -1\r\n\r\n") << 400;
        QTest::newRow("folded header")
            << QByteArray("GET /media/x HTTP/1.1\r\na: b\r\n c\r\n\r\n") << 400;
        QTest::newRow("chunked body")
            << QByteArray("PUT /media/uploads/x HTTP/1.1\r\ntransfer-encoding: chunked\r\n\r\n")
            << 501;
        QTest::newRow("huge head")
            << QByteArray("GET /media/x HTTP/1.1\r\nx: " + QByteArray(20000, 'a') + "\r\n\r\n")
            << 431;
        QTest::newRow("dot dot") << QByteArray("GET /media/../../etc/passwd HTTP/1.1\r\n\r\n")
                                 << 400;
        QTest::newRow("no such page") << QByteArray("GET /nothing HTTP/1.1\r\n\r\n") << 404;
    }
    void badRequestsAreAnsweredAndCounted()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        static std::unique_ptr<server::Server> server = test::startServer();
        test::HttpClient http(server->url(), server->fingerprint());
        QVERIFY(http.connect());
        http.sendRaw(request);
        const test::HttpAnswer a = http.read();
        QCOMPARE(a.status, status);
        QVERIFY2(!jsonOf(a).value(QStringLiteral("message")).toString().isEmpty(),
                 a.body.constData());
        if (status != 404)
            QVERIFY(http.closedByServer());
        // The signaling on the same port did not notice.
        test::TestClient unit(QStringLiteral("unit-0005"), *server);
        QVERIFY(unit.login());
        QVERIFY(unit.call(proto::Ping {}));
        QVERIFY(server->statsJson()
                    .value(QStringLiteral("http"))
                    .toObject()
                    .value(QStringLiteral("badRequests"))
                    .toInteger()
                >= (status == 404 ? 0 : 1));
    }

    void aBodyPastTheDeclaredSizeIsRefused()
    {
        auto server = test::startServer();
        Caller a(QStringLiteral("unit-0006"), *server);
        QVERIFY(a.ready());
        const QByteArray data = randomBytes(100, 5);
        const QString upload = a.begin(data, QStringLiteral("image/png"));
        test::HttpAnswer r = a.http.request("PUT", "/media/uploads/" + upload.toLatin1(),
                                            {bearer(a.token), "content-range: bytes 0-199/200"},
                                            randomBytes(200, 6));
        QCOMPARE(r.status, 400);
        // Bytes that do not hash to what was declared: refused, nothing stored.
        r = a.http.request("PUT", "/media/uploads/" + upload.toLatin1(), {bearer(a.token)},
                           randomBytes(100, 7));
        QCOMPARE(r.status, 422);
        QCOMPARE(a.http.request("GET", "/media/" + sha256(data), {bearer(a.token)}).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestServerHttp)
#include "tst_serverhttp.moc"
