// SPDX-License-Identifier: Apache-2.0
// The phone page in a real browser: Debian's Chromium (driven by phonepage.mjs through
// puppeteer-core) opens the pairing address a real console asked for, uploads a photo and a
// short video over HTTPS, pushes them; the console receives both byte-identical, and the page
// shows them delivered and then seen. A group shelf item is then played on the console's
// display client.
#include "core/console/consolecontroller.h"
#include "core/console/medialibrary.h"
#include "core/console/pairing.h"
#include "core/console/serverconnection.h"
#include "core/console/servertrust.h"
#include "core/protocol/fleet.h"
#include "core/signaling/signalingclient.h"
#include "support/testclient.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace floorline;
using namespace floorline::console;

namespace {
QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// A photo as a phone would take it: a JPEG with something in it.
QByteArray writePhoto(const QString &path, const QString &caption)
{
    QImage image(1280, 960, QImage::Format_RGB32);
    QPainter p(&image);
    QLinearGradient sky(0, 0, 0, 960);
    sky.setColorAt(0, QColor(40, 90, 160));
    sky.setColorAt(1, QColor(230, 120, 40));
    p.fillRect(image.rect(), sky);
    p.setPen(Qt::white);
    p.setFont(QFont(QStringLiteral("DejaVu Sans"), 64));
    p.drawText(image.rect(), Qt::AlignCenter, caption);
    p.end();
    return image.save(path, "JPEG", 85) ? fileBytes(path) : QByteArray();
}

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

/// The file behind the console's current incoming item, once it is fetched.
QByteArray incomingBytes(MediaLibrary &media)
{
    const QUrl url = media.incoming().value(QStringLiteral("url")).toUrl();
    return url.isLocalFile() ? fileBytes(url.toLocalFile()) : QByteArray();
}

/// Logs a console (or its display client) in as `user`, trusting the test server.
bool logIn(ConsoleController &console, const server::Server &server, const QString &user)
{
    console.connection()->trust()->pin(server.url(), server.fingerprint(), false);
    console.connectToServer(server.url(), user, user);
    return QTest::qWaitFor([&] { return console.link() == Link::Online; }, 10000);
}
} // namespace

class TestPhonePage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aPhoneBrowserPairsUploadsAndPushes()
    {
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        QVERIFY2(!node.isEmpty(), "node is installed by tools/scripts/setup-debian.sh");
        QVERIFY2(QFile::exists(QStringLiteral(FLOORLINE_BROWSER_DIR
                                              "/node_modules/puppeteer-core/package.json")),
                 "puppeteer-core: npm ci --prefix tests/browser (setup-debian.sh does)");
        QVERIFY2(QFile::exists(QStringLiteral("/usr/bin/chromium")), "Debian's chromium");

        server::ServerOptions options;
        options.fleet = proto::makeDemoFleet(30, 6);
        options.mediaLimits.maxBytes = 1024 * 1024; // the phone's long video is over it
        auto server = test::startServer(options);
        QTemporaryDir dir;
        SignalingClient client, displayClient;
        ConsoleController console(client, nullptr);
        console.media()->cache().setDirectory(dir.filePath(QStringLiteral("cache")));
        QVERIFY(logIn(console, *server, QStringLiteral("dispatch-1")));
        ConsoleController display(displayClient, nullptr);
        display.setDisplay(true);
        display.media()->cache().setDirectory(dir.filePath(QStringLiteral("display")));
        QVERIFY(logIn(display, *server, QStringLiteral("dispatch-1")));

        // Something on a group shelf already: a unit shared a picture with its group.
        const proto::Fleet fleet = proto::makeDemoFleet(30, 6);
        QString group;
        for (const proto::Account &a : fleet.accounts) {
            if (a.unit.id == QLatin1String("unit-0007"))
                group = a.unit.groups.value(0);
        }
        QVERIFY(!group.isEmpty());
        test::TestClient unit(QStringLiteral("unit-0007"), *server);
        QVERIFY(unit.login());
        const QByteArray shared
            = writePhoto(dir.filePath(QStringLiteral("shared.jpg")), QStringLiteral("Hydrant"));
        QVERIFY(!shared.isEmpty());
        QCOMPARE(test::uploadMedia(unit, shared, QStringLiteral("hydrant.jpg"),
                                   QStringLiteral("image/jpeg")),
                 sha256(shared));
        proto::MediaPush share;
        share.push = QStringLiteral("shelf-1");
        share.to.group = group;
        share.media = sha256(shared);
        QVERIFY(unit.call(share));

        Pairing *pairing = console.pairing();
        pairing->start();
        QTRY_VERIFY(!pairing->uri().isEmpty());
        QVERIFY2(pairing->uri().startsWith(QStringLiteral("https://")), qPrintable(pairing->uri()));

        const QString photoPath = dir.filePath(QStringLiteral("scene.jpg"));
        const QByteArray photo = writePhoto(photoPath, QStringLiteral("North entrance"));
        const QString videoPath = QStringLiteral(FLOORLINE_TEST_DATA "/incident.mp4");
        const QByteArray video = fileBytes(videoPath);
        QVERIFY(!photo.isEmpty() && !video.isEmpty());

        const QString longVideo = dir.filePath(QStringLiteral("long.mp4"));
        {
            QFile f(longVideo);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(1536 * 1024, 'v'));
        }
        const QString shots = QStringLiteral(FLOORLINE_SCREENSHOTS);
        QDir().mkpath(shots);
        QProcess phone;
        phone.setProcessChannelMode(QProcess::MergedChannels);
        phone.setWorkingDirectory(QStringLiteral(FLOORLINE_BROWSER_DIR));
        QStringList steps;
        QByteArray log;
        connect(&phone, &QProcess::readyRead, this, [&] {
            while (phone.canReadLine()) {
                const QByteArray line = phone.readLine();
                log += line;
                if (line.startsWith("STEP "))
                    steps.append(QString::fromUtf8(line.mid(5).trimmed()));
            }
        });
        phone.start(node,
                    {QStringLiteral(FLOORLINE_BROWSER_DIR "/phonepage.mjs"), pairing->uri(),
                     photoPath, videoPath, shots, group, longVideo});
        QVERIFY(phone.waitForStarted());
        auto reached = [&](const char *name) {
            return QTest::qWaitFor(
                       [&] {
                           for (const QString &s : steps) {
                               if (s.startsWith(QLatin1String(name)))
                                   return true;
                           }
                           return phone.state() == QProcess::NotRunning;
                       },
                       120000)
                && std::any_of(steps.cbegin(), steps.cend(),
                               [&](const QString &s) { return s.startsWith(QLatin1String(name)); });
        };

        QVERIFY2(reached("paired"), log.constData());
        QTRY_COMPARE(pairing->devices(), QStringList {QStringLiteral("Engine 4 Maria")});

        // The console takes both: byte-identical, from the name the field user gave.
        QVERIFY2(reached("outage"), log.constData());
        QVERIFY2(reached("toolarge"), log.constData());
        QVERIFY2(reached("delivered"), log.constData());
        MediaLibrary *media = console.media();
        QTRY_COMPARE(media->incomingCount(), 2);
        QSet<QString> received;
        for (int i = 0; i < 2; ++i) {
            QTRY_VERIFY(!incomingBytes(*media).isEmpty());
            QCOMPARE(media->incoming().value(QStringLiteral("from")).toString(),
                     QStringLiteral("Engine 4 Maria"));
            // The note the field user typed reaches the dispatcher with it.
            QCOMPARE(media->incoming().value(QStringLiteral("note")).toString(),
                     QStringLiteral("from the browser: ")
                         + media->incoming().value(QStringLiteral("name")).toString());
            received.insert(sha256(incomingBytes(*media)));
            media->dismissIncoming(); // the dispatcher looked: the phone shows "Seen"
        }
        QCOMPARE(received, (QSet<QString> {sha256(photo), sha256(video)}));

        QVERIFY2(reached("seen"), log.constData());
        QVERIFY2(reached("played"), log.constData());
        // The display client shows what was sent to displays, and only that: the shelf item
        // the phone asked it to play, not the two pushes to the console (they came earlier).
        MediaLibrary *shown = display.media();
        QTRY_COMPARE_WITH_TIMEOUT(shown->incomingCount(), 1, 10000);
        QTRY_VERIFY(!incomingBytes(*shown).isEmpty());
        QCOMPARE(sha256(incomingBytes(*shown)), sha256(shared));
        shown->dismissIncoming();
        QCOMPARE(shown->incomingCount(), 0);
        QVERIFY2(reached("reloaded"), log.constData());
        QVERIFY2(reached("spent"), log.constData());
        // A phone set to German gets the page in German (the server answers while this waits).
        QVERIFY2(reached("german"), log.constData());
        QVERIFY(phone.waitForFinished(30000));
        QVERIFY2(phone.exitCode() == 0, log.constData());
        qInfo().noquote() << log;
        // The transfers went over HTTP, not signaling chunks.
        const QJsonObject http = server->statsJson().value(QStringLiteral("http")).toObject();
        QVERIFY2(http.value(QStringLiteral("bytesIn")).toInteger() >= photo.size() + video.size(),
                 QJsonDocument(http).toJson().constData());
        QCOMPARE(http.value(QStringLiteral("pairings")).toInteger(), 1);
        // The console and its display fetched them over HTTPS too.
        QVERIFY2(http.value(QStringLiteral("bytesOut")).toInteger()
                     >= 2 * (photo.size() + video.size()) + shared.size(),
                 QJsonDocument(http).toJson().constData());
    }
};

QTEST_MAIN(TestPhonePage)
#include "tst_phonepage.moc"
