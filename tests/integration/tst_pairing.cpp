// SPDX-License-Identifier: Apache-2.0
// Pairing a device with a console through the real server on loopback, the way a person would:
// the console's QR code (libqrencode) is read back by a scanner (zbar), the device connects to
// the server the code names, claims the code, and pushes a video to its bound console, which
// has it, intact, as its incoming item. A used or made-up code binds nothing.
#include "core/console/consolecontroller.h"
#include "core/protocol/pairinguri.h"
#include "support/testclient.h"
#include "ui/qrcode.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace floorline;
using namespace floorline::console;

namespace {
QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

/// What a phone's camera app would read from the code on the screen (zbarimg).
QString scan(const QImage &image, const QString &directory)
{
    const QString path = directory + QStringLiteral("/qr.png");
    if (!image.save(path))
        return {};
    QProcess zbar;
    zbar.start(QStringLiteral("zbarimg"), {QStringLiteral("--raw"), QStringLiteral("-q"), path});
    if (!zbar.waitForFinished(10000) || zbar.exitCode() != 0)
        return {};
    return QString::fromUtf8(zbar.readAllStandardOutput()).trimmed();
}
} // namespace

class TestPairing : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pairingUriRoundTrips()
    {
        const proto::PairingUri uri {QUrl(QStringLiteral("wss://10.0.0.5:7700")),
                                     QStringLiteral("dispatch-1"),
                                     QStringLiteral("4be0643f1d98573b97cdca98a65347dd"),
                                     1767225720000, QByteArray(32, '\x5a')};
        const auto parsed = proto::PairingUri::parse(uri.toString());
        QVERIFY(parsed);
        QCOMPARE(parsed->server, uri.server);
        QCOMPARE(parsed->console, uri.console);
        QCOMPARE(parsed->token, uri.token);
        QCOMPARE(parsed->expires, uri.expires);
        QCOMPARE(parsed->fingerprint, uri.fingerprint);
        QVERIFY(uri.toString().endsWith(QStringLiteral("&fp=")
                                        + QString::fromLatin1(uri.fingerprint.toHex())));
        // The phone page's address carries the same fields; the server is the page's origin.
        const QString web = uri.toWebUrl();
        QVERIFY2(web.startsWith(QStringLiteral(
                     "https://10.0.0.5:7700/pair/4be0643f1d98573b97cdca98a65347dd?console=")),
                 qPrintable(web));
        const auto fromWeb = proto::PairingUri::parse(web);
        QVERIFY(fromWeb);
        QCOMPARE(fromWeb->server, uri.server);
        QCOMPARE(fromWeb->token, uri.token);
        QCOMPARE(fromWeb->console, uri.console);
        QCOMPARE(fromWeb->expires, uri.expires);
        QCOMPARE(fromWeb->fingerprint, uri.fingerprint);
        // The percent-encoded form of the server (docs/protocol.md §10.10) reads the same.
        QCOMPARE(proto::PairingUri::parse(
                     QStringLiteral("floorline://pair?server=wss%3A%2F%2F10.0.0.5%3A7700"
                                    "&console=dispatch-1&token=4be0643f1d98573b97cdca98a65347dd"
                                    "&expires=1767225720000"))
                     ->server,
                 uri.server);
        for (const char *bad :
             {"https://pair?server=ws://a:1&console=c&token=t&expires=1",
              "https://10.0.0.5:7700/phone/4be0?console=c&expires=1",
              "https://10.0.0.5:7700/pair/?console=c&expires=1",
              "http://10.0.0.5:7700/pair/t?console=c&expires=1&fp="
              "5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a",
              "floorline://pair?server=http://a:1&console=c&token=t&expires=1",
              "floorline://pair?server=ws://a:1&token=t&expires=1",
              "floorline://pair?server=ws://a:1&console=c&token=t&expires=soon",
              // a damaged pin, or a pin for a link that is not TLS
              "floorline://pair?server=wss://a:1&console=c&token=t&expires=1&fp=5a5a",
              "floorline://pair?server=ws://a:1&console=c&token=t&expires=1&fp="
              "5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a"})
            QVERIFY2(!proto::PairingUri::parse(QString::fromLatin1(bad)), bad);
    }

    void scannedCodePairsADeviceWhoseVideoTheConsoleShows()
    {
        auto server = test::startServer(30, 6);
        QTemporaryDir dir;
        SignalingClient client;
        ConsoleController console(client, nullptr);
        console.media()->cache().setDirectory(dir.filePath(QStringLiteral("cache")));
        console.connection()->trust()->pin(server->url(), server->fingerprint(), false);
        console.connectToServer(server->url(), QStringLiteral("dispatch-1"),
                                QStringLiteral("dispatch-1"));
        QTRY_COMPARE(console.link(), Link::Online);

        Pairing *pairing = console.pairing();
        pairing->start();
        QTRY_VERIFY(!pairing->uri().isEmpty());
        const QString read = scan(ui::qrImage(pairing->uri(), 4), dir.path());
        QCOMPARE(read, pairing->uri());
        const auto code = proto::PairingUri::parse(read);
        QVERIFY(code);
        QCOMPARE(code->console, QStringLiteral("dispatch-1"));
        QVERIFY(code->expires > QDateTime::currentMSecsSinceEpoch());

        // The phone: its own account, on the server the code names.
        // It trusts the server's certificate from the code alone.
        QCOMPARE(code->fingerprint, server->fingerprint());
        test::TestClient phone(QStringLiteral("unit-0007"), code->server, code->fingerprint);
        QVERIFY(phone.login());
        const auto paired = phone.call(proto::PairClaim {code->token});
        QVERIFY(paired);
        QCOMPARE(paired->console, QStringLiteral("dispatch-1"));
        QTRY_COMPARE(pairing->devices(), QStringList {QStringLiteral("Engine 7")});
        QVERIFY(pairing->uri().isEmpty()); // spent: the dialog asks for another
        proto::Error error;
        QVERIFY(!phone.call(proto::PairClaim {code->token}, &error));
        QCOMPARE(error.code, proto::ErrorCode::NotFound);

        QFile file(QStringLiteral(FLOORLINE_TEST_DATA "/incident.mp4"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray video = file.readAll();
        QCOMPARE(test::uploadMedia(phone, video, QStringLiteral("incident.mp4"),
                                   QStringLiteral("video/mp4")),
                 sha256(video));
        proto::MediaPush push;
        push.push = QStringLiteral("clip-1");
        push.to.bound = true;
        push.media = sha256(video);
        const auto pushed = phone.call(push);
        QVERIFY(pushed);
        QCOMPARE(pushed->recipients.value(0).unit, QStringLiteral("dispatch-1"));

        // The console has it as its incoming item, fetched whole, and says it was delivered.
        MediaLibrary *media = console.media();
        QTRY_COMPARE(media->incomingCount(), 1);
        QTRY_VERIFY(media->incoming().value(QStringLiteral("url")).toUrl().isLocalFile());
        const QVariantMap incoming = media->incoming();
        QCOMPARE(incoming.value(QStringLiteral("kind")).toString(), QStringLiteral("video"));
        QCOMPARE(incoming.value(QStringLiteral("from")).toString(), QStringLiteral("Engine 7"));
        QFile copy(incoming.value(QStringLiteral("url")).toUrl().toLocalFile());
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), video);
        auto status = phone.waitEvent<proto::MediaPushStatus>();
        QVERIFY(status);
        QCOMPARE(status->state, proto::PushState::Delivered);
        media->dismissIncoming();
        status = phone.waitEvent<proto::MediaPushStatus>();
        QVERIFY(status);
        QCOMPARE(status->state, proto::PushState::Opened);
        QCOMPARE(media->incomingCount(), 0);

        // A second pairing under the same name is told apart from the first.
        pairing->start();
        QTRY_VERIFY(!pairing->uri().isEmpty());
        const auto second = proto::PairingUri::parse(pairing->uri());
        QVERIFY(second);
        QVERIFY(phone.call(proto::PairClaim {second->token}));
        QTRY_COMPARE(pairing->devices(),
                     (QStringList {QStringLiteral("Engine 7"), QStringLiteral("Engine 7 (2)")}));
        // Logged out and in again: the list is of this login's pairings.
        console.logout();
        QTRY_VERIFY(console.link() != Link::Online);
        console.connectToServer(server->url(), QStringLiteral("dispatch-1"),
                                QStringLiteral("dispatch-1"));
        QTRY_COMPARE(console.link(), Link::Online);
        QVERIFY(pairing->devices().isEmpty());
    }
};

QTEST_MAIN(TestPairing)
#include "tst_pairing.moc"
