// SPDX-License-Identifier: Apache-2.0
// The signaling port over TLS as clients meet it: a certificate made once and kept, the
// operator's own certificate, pinning (first contact, a changed certificate), ws:// refused off
// loopback, and handshakes that fail without costing anybody else.
#include "support/testclient.h"

#include "core/protocol/fingerprint.h"
#include "server/lib/selfsigned.h"
#include "server/lib/tlsidentity.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace floorline;

namespace {

server::ServerOptions demoOptions()
{
    server::ServerOptions options;
    options.fleet = proto::makeDemoFleet(10, 3);
    return options;
}

qint64 signaling(server::Server &server, const char *counter)
{
    return server.statsJson()
        .value(QStringLiteral("signaling"))
        .toObject()
        .value(QLatin1String(counter))
        .toInteger();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

} // namespace

class TestServerTls : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void selfSignedIsMadeOnceAndKept()
    {
        QTemporaryDir dir;
        const QString tls = dir.filePath(QStringLiteral("tls"));
        QString error;
        const auto first = server::TlsIdentity::selfSigned(tls, {}, &error);
        QVERIFY2(first, qPrintable(error));
        QVERIFY(first->made());
        QCOMPARE(first->fingerprint().size(), 32);
        // The key is the server's alone, in a directory of its own.
        const QFileInfo key(tls + QStringLiteral("/server.key"));
        QVERIFY(key.permissions().testFlags(QFile::ReadOwner | QFile::WriteOwner));
        const auto others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup
            | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
        QCOMPARE(key.permissions() & others, QFileDevice::Permissions());
        QCOMPARE(QFileInfo(tls).permissions() & others, QFileDevice::Permissions());
        // A restart presents the same certificate: the clients' pins stay good.
        const auto again = server::TlsIdentity::selfSigned(tls, {}, &error);
        QVERIFY2(again, qPrintable(error));
        QVERIFY(!again->made());
        QCOMPARE(again->fingerprint(), first->fingerprint());
        // A key someone made readable to others is made private again at the next start.
        QVERIFY(QFile::setPermissions(key.filePath(), key.permissions() | QFile::ReadOther));
        QVERIFY(server::TlsIdentity::selfSigned(tls, {}, &error));
        QCOMPARE(QFileInfo(key.filePath()).permissions() & others, QFileDevice::Permissions());
        // Every directory made for it is private, not only the last one.
        const QString deep = dir.filePath(QStringLiteral("new/deeper/tls"));
        QVERIFY2(server::TlsIdentity::selfSigned(deep, {}, &error), qPrintable(error));
        for (const QString &level : {QStringLiteral("new"), QStringLiteral("new/deeper")})
            QCOMPARE(QFileInfo(dir.filePath(level)).permissions() & others,
                     QFileDevice::Permissions());
        // The certificate names this machine for clients that check names.
        const QStringList names
            = first->certificate().subjectAlternativeNames().values(QSsl::IpAddressEntry);
        QVERIFY2(names.contains(QStringLiteral("127.0.0.1")), qPrintable(names.join(u',')));
        // And OpenSSL agrees with what we call its fingerprint.
        QCOMPARE(proto::formatFingerprint(first->fingerprint()).size(), 95);
    }

    void processesStartingTogetherMakeOneCertificate()
    {
        // As an operator starts the server and asks for its fingerprint at once (found by
        // trying the documented commands: half the fresh starts ended with two certificates).
        QTemporaryDir dir;
        const QString database = dir.filePath(QStringLiteral("server.sqlite"));
        std::vector<std::unique_ptr<QProcess>> processes;
        for (int i = 0; i < 4; ++i) {
            auto p = std::make_unique<QProcess>();
            p->start(QStringLiteral(FLOORLINE_SERVER_BIN),
                     {QStringLiteral("--db"), database, QStringLiteral("--fingerprint")});
            processes.push_back(std::move(p));
        }
        QSet<QString> printed;
        for (auto &p : processes) {
            QVERIFY(p->waitForFinished(20000));
            QCOMPARE(p->exitCode(), 0);
            printed.insert(QString::fromLatin1(p->readAllStandardOutput()).trimmed());
        }
        QCOMPARE(printed.size(), 1);
        // The one kept beside the database, named after it.
        QFile kept(dir.filePath(QStringLiteral("server-tls/server.crt")));
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(proto::formatFingerprint(
                     proto::certificateFingerprint(QSslCertificate(kept.readAll()))),
                 *printed.cbegin());
    }

    void operatorsCertificateIsPresented()
    {
        QTemporaryDir dir;
        QString error;
        const server::SelfSigned pair
            = server::makeSelfSigned({QStringLiteral("dispatch.example")}, &error);
        QVERIFY2(!pair.certificatePem.isEmpty(), qPrintable(error));
        const QString cert = dir.filePath(QStringLiteral("op.crt"));
        const QString key = dir.filePath(QStringLiteral("op.key"));
        QVERIFY(writeFile(cert, pair.certificatePem));
        QVERIFY(writeFile(key, pair.keyPem));
        server::ServerOptions options = demoOptions();
        options.tls.certificateFile = cert;
        options.tls.keyFile = key;
        server::Server server;
        QVERIFY2(server.start(options, &error), qPrintable(error));
        QCOMPARE(server.url().scheme(), QStringLiteral("wss"));
        QCOMPARE(server.fingerprint(),
                 proto::certificateFingerprint(QSslCertificate(pair.certificatePem)));
        test::TestClient unit(QStringLiteral("unit-0001"), server);
        QVERIFY(unit.login());
        QCOMPARE(unit.client.presentedCertificate(), server.fingerprint());

        // A key that is not a key is said at start, naming the files.
        QVERIFY(writeFile(key, "not a key"));
        server::Server broken;
        QVERIFY(!broken.start(options, &error));
        QVERIFY2(error.contains(QStringLiteral("--key")) && error.contains(QStringLiteral("key")),
                 qPrintable(error));

        // Another certificate's key: it would start and then fail every handshake (found by
        // a fresh-eyes try). Refused at start, saying so.
        const server::SelfSigned other
            = server::makeSelfSigned({QStringLiteral("other.example")}, &error);
        QVERIFY(writeFile(key, other.keyPem));
        error.clear();
        server::Server mismatched;
        QVERIFY(!mismatched.start(options, &error));
        QVERIFY2(error.contains(QStringLiteral("the key is not the certificate's")),
                 qPrintable(error));
    }

    void anUntrustedCertificateStopsTheClientBeforeItSpeaks()
    {
        auto server = test::startServer(10, 3);
        QVERIFY(server);
        for (const QByteArray &pin : {QByteArray(), QByteArray(32, '\x42')}) {
            SignalingClient client;
            client.setPinnedCertificate(pin);
            QSignalSpy rejected(&client, &SignalingClient::certificateRejected);
            const qint64 requests = test::stat(*server, "requests");
            const qint64 logins = test::stat(*server, "logins");
            client.connectToServer(server->url(), QStringLiteral("unit-0001"),
                                   QStringLiteral("unit-0001"));
            QTRY_COMPARE(rejected.size(), 1);
            QCOMPARE(rejected.at(0).at(0).toByteArray(), server->fingerprint());
            QCOMPARE(rejected.at(0).at(1).toByteArray(), pin);
            QVERIFY(!rejected.at(0).at(2).toString().isEmpty());
            // It stays down: no retry loop against a certificate that will not change.
            QTest::qWait(1500);
            QCOMPARE(client.state(), SignalingClient::State::Disconnected);
            QCOMPARE(rejected.size(), 1);
            // Not even hello reached the server: the password never left.
            QCOMPARE(test::stat(*server, "requests"), requests);
            QCOMPARE(test::stat(*server, "logins"), logins);
            // Trusted now, the same client logs in.
            client.setPinnedCertificate(server->fingerprint());
            client.retry();
            QTRY_COMPARE(client.state(), SignalingClient::State::Online);
            client.disconnectFromServer(); // hello, login, logout
            QTRY_COMPARE(test::stat(*server, "requests"), requests + 3);
        }
    }

    void plainIsOnlyForLoopback()
    {
        QTemporaryDir dir;
        server::ServerOptions options = demoOptions();
        options.database = dir.filePath(QStringLiteral("db.sqlite"));
        options.host = QHostAddress::AnyIPv4;
        options.tls.plain = true;
        server::Server refused;
        QString error;
        QVERIFY(!refused.start(options, &error));
        QVERIFY2(error.contains(QStringLiteral("--plain-on-network")), qPrintable(error));
        // Refused before anything was written: the operator can start it again as meant.
        QVERIFY(!QFileInfo::exists(options.database));

        options.host = QHostAddress::LocalHost;
        server::Server plain;
        QVERIFY2(plain.start(options, &error), qPrintable(error));
        QCOMPARE(plain.url().scheme(), QStringLiteral("ws"));
        QVERIFY(plain.fingerprint().isEmpty());
        test::TestClient unit(QStringLiteral("unit-0001"), plain);
        QVERIFY(unit.login());
    }

    void failedHandshakesAreCountedAndCostNobody()
    {
        auto server = test::startServer(10, 3);
        QVERIFY(server);
        test::TestClient innocent(QStringLiteral("unit-0001"), *server);
        QVERIFY(innocent.login());
        // A ws:// client, a scanner's garbage, and one that opens TCP and says nothing.
        std::vector<std::unique_ptr<QTcpSocket>> bad;
        for (const QByteArray &bytes :
             {QByteArray("GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n\r\n"),
              QByteArray("\x16\x03\x01\x00\x04garbage", 12), QByteArray()}) {
            auto socket = std::make_unique<QTcpSocket>();
            socket->connectToHost(QHostAddress::LocalHost, server->port());
            QVERIFY(socket->waitForConnected(3000));
            socket->write(bytes);
            bad.push_back(std::move(socket));
        }
        QTRY_COMPARE_WITH_TIMEOUT(signaling(*server, "tlsHandshakeFailures"), 2, 5000);
        QVERIFY(innocent.call(proto::Ping {}));
        // The silent one is dropped at the handshake timeout.
        QTRY_COMPARE_WITH_TIMEOUT(signaling(*server, "tlsHandshakeFailures"), 3, 15000);
        QTRY_COMPARE(bad.back()->state(), QAbstractSocket::UnconnectedState);
        QVERIFY(innocent.call(proto::Ping {}));
        QCOMPARE(test::stat(*server, "logins"), 1);
    }
};

QTEST_GUILESS_MAIN(TestServerTls)
#include "tst_servertls.moc"
