// SPDX-License-Identifier: Apache-2.0
// The console's media against the real server on loopback: a unit's talk spurt that names a
// picture shows it on the console from Floor Taken to Floor Idle (a placeholder until it is
// fetched, at once when cached), and the activity log keeps the link; a file shared with a
// group is uploaded, pushed, shown on every member's shelf with its delivery; an armed item
// goes with the dispatcher's next spurt only.
#include "core/console/consolecontroller.h"
#include "support/serverprocess.h"
#include "support/testclient.h"
#include "tools/sim/simunit.h"

#include <QAbstractItemModelTester>
#include <QCryptographicHash>
#include <QFile>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace floorline;
using namespace floorline::console;

namespace {
QByteArray picture(quint32 seed, qsizetype size = 150000)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator(seed).fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    return bytes;
}

/// The file a dispatcher picks: written to `dir`, its path returned.
QString fileWith(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

/// A dispatcher console with its own media cache directory.
struct Console
{
    /// `via`: another way to the server's port (OneFlowPath); the server's own by default.
    Console(server::Server &server, const QString &user, QUrl via = {})
        : controller(client, nullptr)
        , tester(controller.groups(), QAbstractItemModelTester::FailureReportingMode::QtTest)
        , logTester(controller.activity(), QAbstractItemModelTester::FailureReportingMode::QtTest)
        , shelfTester(controller.media()->shelf(),
                      QAbstractItemModelTester::FailureReportingMode::QtTest)
    {
        controller.media()->cache().setDirectory(cacheDir.path());
        const QUrl url = via.isEmpty() ? server.url() : via;
        controller.connection()->trust()->pin(url, server.fingerprint(), false);
        controller.connectToServer(url, user, user);
    }
    bool ready()
    {
        return QTest::qWaitFor(
            [&] {
                return controller.link() == Link::Online && controller.groups()->rowCount() > 0
                    && controller.groups()
                           ->data(controller.groups()->indexOf(QStringLiteral("tg-001")),
                                  GroupTreeModel::MonitoredRole)
                           .toBool();
            },
            5000);
    }
    QVariant role(GroupTreeModel::Role role)
    {
        return controller.groups()->data(controller.groups()->indexOf(QStringLiteral("tg-001")),
                                         role);
    }
    QVariant shelfRole(int row, MediaShelfModel::Role role)
    {
        MediaShelfModel *shelf = controller.media()->shelf();
        return shelf->data(shelf->index(row), role);
    }
    QTemporaryDir cacheDir;
    SignalingClient client;
    ConsoleController controller;
    QAbstractItemModelTester tester;
    QAbstractItemModelTester logTester;
    QAbstractItemModelTester shelfTester;
};

/// A network path that carries one connection to the server (a console's signaling) and
/// drops every later one at once, as a firewall that lets one flow through: the console's
/// HTTPS does not get through. Bytes pass unchanged, TLS included.
class OneFlowPath : public QObject
{
public:
    explicit OneFlowPath(const QUrl &server)
        : m_server(server)
    {
        QObject::connect(&m_listener, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *in = m_listener.nextPendingConnection()) {
                in->setParent(this);
                if (m_carried++ > 0) {
                    in->abort();
                    ++refused;
                    continue;
                }
                auto *out = new QTcpSocket(this);
                out->connectToHost(QHostAddress::LocalHost, quint16(m_server.port()));
                QObject::connect(in, &QTcpSocket::readyRead, out, [in, out] {
                    if (out->state() == QAbstractSocket::ConnectedState)
                        out->write(in->readAll());
                });
                QObject::connect(out, &QTcpSocket::connected, in,
                                 [in, out] { out->write(in->readAll()); });
                QObject::connect(out, &QTcpSocket::readyRead, in,
                                 [in, out] { in->write(out->readAll()); });
            }
        });
        m_listener.listen(QHostAddress::LocalHost);
    }
    QUrl url() const
    {
        QUrl u = m_server;
        u.setPort(m_listener.serverPort());
        return u;
    }
    int refused = 0;

private:
    QUrl m_server;
    QTcpServer m_listener;
    int m_carried = 0;
};

server::Hub::Config fastMedia()
{
    server::Hub::Config config;
    config.limits.messagesPerSecond = 400; // chunks of several pictures within a test's patience
    config.limits.messageBurst = 800;
    return config;
}
} // namespace

class TestConsoleMedia : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void spurtShowsItsItemFromTakenToIdle()
    {
        auto server = test::startServer(30, 6, fastMedia());
        Console console(*server, QStringLiteral("dispatch-1"));
        QVERIFY(console.ready());
        test::TestClient unit(QStringLiteral("unit-0001"), *server);
        QVERIFY(unit.login());
        QVERIFY(unit.call(proto::Affiliate {{QStringLiteral("tg-001")}}));
        const QByteArray bytes = picture(7);
        const QString id = test::uploadMedia(unit, bytes, QStringLiteral("roof.png"));
        QVERIFY(!id.isEmpty());
        const QString session = QStringLiteral("group:tg-001");

        // First spurt: not cached yet, so the item shows as a placeholder, then as a file.
        QVERIFY(unit.call(proto::FloorRequest {session, 0, proto::FloorType::Normal, id}));
        QTRY_COMPARE(console.role(GroupTreeModel::SpurtMediaRole).toString(), id);
        QTRY_VERIFY(console.role(GroupTreeModel::SpurtMediaUrlRole).toUrl().isLocalFile());
        QFile file(console.role(GroupTreeModel::SpurtMediaUrlRole).toUrl().toLocalFile());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(sha256(file.readAll()), id); // the very bytes the unit uploaded
        QCOMPARE(console.controller.floors()->onAir().size(), 1);
        const QVariantMap onAir = console.controller.floors()->onAir().first().toMap();
        QCOMPARE(onAir.value(QStringLiteral("talker")).toString(), QStringLiteral("Engine 1"));
        QCOMPARE(onAir.value(QStringLiteral("name")).toString(), QStringLiteral("roof.png"));
        QCOMPARE(onAir.value(QStringLiteral("kind")).toString(), QStringLiteral("image"));

        // Spurt end: the item goes away with the words.
        QVERIFY(unit.call(proto::FloorRelease {session}));
        QTRY_COMPARE(console.role(GroupTreeModel::SpurtMediaRole).toString(), QString());
        QVERIFY(console.role(GroupTreeModel::SpurtMediaUrlRole).toUrl().isEmpty());
        QVERIFY(console.controller.floors()->onAir().isEmpty());

        // Second spurt with the same item: cached, so it shows with the Floor Taken itself.
        QVERIFY(unit.call(proto::FloorRequest {session, 0, proto::FloorType::Normal, id}));
        QTRY_COMPARE(console.role(GroupTreeModel::SpurtMediaRole).toString(), id);
        QVERIFY(console.role(GroupTreeModel::SpurtMediaUrlRole).toUrl().isLocalFile());
        QVERIFY(unit.call(proto::FloorRelease {session}));
        QTRY_COMPARE(console.role(GroupTreeModel::SpurtMediaRole).toString(), QString());

        // A spurt without media shows nothing, and the log keeps which spurt showed what.
        QVERIFY(unit.call(proto::FloorRequest {session, 0, proto::FloorType::Normal, {}}));
        QTRY_COMPARE(console.role(GroupTreeModel::TalkerRole).toString(),
                     QStringLiteral("Engine 1"));
        QCOMPARE(console.role(GroupTreeModel::SpurtMediaRole).toString(), QString());
        QVERIFY(unit.call(proto::FloorRelease {session}));
        ActivityLogModel *log = console.controller.activity();
        QTRY_COMPARE(log->rowCount(), 3);
        QCOMPARE(log->data(log->index(0), ActivityLogModel::MediaRole).toString(), QString());
        QCOMPARE(log->data(log->index(1), ActivityLogModel::MediaRole).toString(), id);
        QCOMPARE(log->data(log->index(1), ActivityLogModel::MediaNameRole).toString(),
                 QStringLiteral("roof.png"));
        QCOMPARE(log->data(log->index(2), ActivityLogModel::MediaRole).toString(), id);

        // Opened again from the log: the same picture, ready at once (it is cached).
        MediaLibrary *media = console.controller.media();
        media->view(id, QStringLiteral("Engine 1 on North Ops 1"));
        QCOMPARE(media->viewing().value(QStringLiteral("media")).toString(), id);
        QVERIFY(media->viewing().value(QStringLiteral("url")).toUrl().isLocalFile());
        media->closeView();
        QVERIFY(media->viewing().isEmpty());
    }

    void simulatedUnitShowsItForTheSpurtToo()
    {
        auto server = test::startServer(30, 6, fastMedia());
        const proto::Fleet fleet = proto::makeDemoFleet(30, 6);
        const auto account = std::find_if(
            fleet.accounts.begin(), fleet.accounts.end(),
            [](const proto::Account &a) { return a.unit.id == QLatin1String("unit-0005"); });
        sim::SimUnit radio(*account, server->url(), server->fingerprint()); // in tg-001
        radio.start();
        QTRY_VERIFY(radio.isOnline());
        test::TestClient talker(QStringLiteral("unit-0001"), *server);
        QVERIFY(talker.login());
        QVERIFY(talker.call(proto::Affiliate {{QStringLiteral("tg-001")}}));
        const QString id = test::uploadMedia(talker, picture(9, 70000), QStringLiteral("gate.png"));
        const QString session = QStringLiteral("group:tg-001");
        QTRY_VERIFY(
            server->hub()->sessionInfo(session).members.contains(QStringLiteral("unit-0005")));

        QVERIFY(talker.call(proto::FloorRequest {session, 0, proto::FloorType::Normal, id}));
        QTRY_COMPARE(radio.showing(session), id);
        QTRY_VERIFY(radio.has(id)); // fetched whole, once
        QVERIFY(talker.call(proto::FloorRelease {session}));
        QTRY_COMPARE(radio.showing(session), QString());
        QVERIFY(talker.call(proto::FloorRequest {session, 0, proto::FloorType::Normal, id}));
        QTRY_COMPARE(radio.showing(session), id);
        QVERIFY(talker.call(proto::FloorRelease {session}));
        QTRY_COMPARE(radio.showing(session), QString());
        QCOMPARE(radio.counters().mediaShown, 2u);
        QCOMPARE(radio.counters().mediaFetched, 1u);
    }

    void sharedFileReachesTheGroupsShelves()
    {
        auto server = test::startServer(30, 6, fastMedia());
        Console sender(*server, QStringLiteral("dispatch-1"));
        Console colleague(*server, QStringLiteral("dispatch-2"));
        QVERIFY(sender.ready());
        QVERIFY(colleague.ready());
        test::TestClient member(QStringLiteral("unit-0005"), *server); // in tg-001
        QVERIFY(member.login());

        QTemporaryDir files;
        const QByteArray bytes = picture(11, 300000);
        const QString path = fileWith(files, QStringLiteral("floorplan.png"), bytes);
        MediaLibrary *media = sender.controller.media();
        media->showShelf(QStringLiteral("tg-001"));
        QVERIFY(media->share(QUrl::fromLocalFile(path), QStringLiteral("tg-001")));
        // The shelf shows the upload at once, with its progress.
        QCOMPARE(media->shelf()->rowCount(), 1);
        QCOMPARE(sender.shelfRole(0, MediaShelfModel::StateRole).toString(),
                 QStringLiteral("uploading"));
        QTRY_VERIFY(sender.shelfRole(0, MediaShelfModel::ProgressRole).toDouble() > 0);
        QTRY_COMPARE(media->uploading(), 0);
        QCOMPARE(sender.shelfRole(0, MediaShelfModel::StateRole).toString(),
                 QStringLiteral("ready"));
        QCOMPARE(sender.shelfRole(0, MediaShelfModel::MediaRole).toString(), sha256(bytes));

        // The member's radio gets the push; its delivery shows on the sender's shelf.
        const auto pushed = member.waitEvent<proto::MediaPushed>();
        QVERIFY(pushed);
        QVERIFY(pushed->media);
        QCOMPARE(pushed->media->name, QStringLiteral("floorplan.png"));
        QCOMPARE(pushed->group, QStringLiteral("tg-001"));
        QVERIFY(
            member.call(proto::MediaAck {pushed->from, pushed->push, proto::PushState::Delivered}));
        QTRY_VERIFY(sender.shelfRole(0, MediaShelfModel::DeliveryRole)
                        .toString()
                        .startsWith(QStringLiteral("Delivered to 2 of"))); // dispatch-2 too

        // The colleague's console has it on tg-001's shelf, fetched and intact.
        MediaLibrary *other = colleague.controller.media();
        other->showShelf(QStringLiteral("tg-001"));
        QTRY_COMPARE(other->shelf()->rowCount(), 1);
        QCOMPARE(colleague.shelfRole(0, MediaShelfModel::FromRole).toString(),
                 QStringLiteral("Dispatch 1"));
        QTRY_COMPARE(colleague.shelfRole(0, MediaShelfModel::StateRole).toString(),
                     QStringLiteral("ready"));
        QFile copy(colleague.shelfRole(0, MediaShelfModel::UrlRole).toUrl().toLocalFile());
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), bytes);
        other->open(colleague.shelfRole(0, MediaShelfModel::KeyRole).toString());
        QTRY_VERIFY(sender.shelfRole(0, MediaShelfModel::DeliveryRole)
                        .toString()
                        .endsWith(QStringLiteral("opened by 1")));
    }

    void pushToAnAwayUnitGoesQueuedDeliveredOpened()
    {
        auto server = test::startServer(30, 6, fastMedia());
        Console console(*server, QStringLiteral("dispatch-1"));
        QVERIFY(console.ready());
        test::TestClient sharer(QStringLiteral("unit-0001"), *server);
        QVERIFY(sharer.login());
        const QString id = test::uploadMedia(sharer, picture(3, 5000), QStringLiteral("map.png"));
        proto::MediaPush share;
        share.push = QStringLiteral("s-1");
        share.to.group = QStringLiteral("tg-001");
        share.media = id;
        QVERIFY(sharer.call(share));
        MediaLibrary *media = console.controller.media();
        media->showShelf(QStringLiteral("tg-001"));
        QTRY_COMPARE(media->shelf()->rowCount(), 1);
        const QString key = console.shelfRole(0, MediaShelfModel::KeyRole).toString();

        // unit-0009 has not logged in: the server holds the push for it.
        media->sendTo(key, QStringLiteral("unit-0009"), QStringLiteral("Ladder 9"));
        const auto state = [&] { return media->sent().value(0).toMap().value("state").toString(); };
        QTRY_COMPARE(state(), QStringLiteral("queued"));
        QCOMPARE(media->sent().value(0).toMap().value("to").toString(), QStringLiteral("Ladder 9"));
        test::TestClient away(QStringLiteral("unit-0009"), *server);
        QVERIFY(away.login());
        // (It also gets unit-0001's share with tg-001, its group, held for it the same way.)
        const auto pushed = away.waitEvent<proto::MediaPushed>(
            [](const proto::MediaPushed &p) { return p.from == QLatin1String("dispatch-1"); });
        QVERIFY(pushed);
        QCOMPARE(pushed->media->name, QStringLiteral("map.png"));
        QVERIFY(
            away.call(proto::MediaAck {pushed->from, pushed->push, proto::PushState::Delivered}));
        QTRY_COMPARE(state(), QStringLiteral("delivered"));
        QVERIFY(away.call(proto::MediaAck {pushed->from, pushed->push, proto::PushState::Opened}));
        QTRY_COMPARE(state(), QStringLiteral("opened"));
    }

    void aLargeFileMovesOverHttps()
    {
        // The server's default message rate: over signaling chunks 24 MB would take about
        // 16 s each way; over HTTPS it is not capped by it.
        auto server = test::startServer(30, 6);
        Console sender(*server, QStringLiteral("dispatch-1"));
        Console colleague(*server, QStringLiteral("dispatch-2"));
        QVERIFY(sender.ready());
        QVERIFY(colleague.ready());
        QTemporaryDir files;
        const QByteArray bytes = picture(31, 24 * 1024 * 1024);
        const QString path = fileWith(files, QStringLiteral("drone.mp4"), bytes);
        MediaLibrary *media = sender.controller.media();
        media->showShelf(QStringLiteral("tg-001"));
        QVERIFY(media->share(QUrl::fromLocalFile(path), QStringLiteral("tg-001")));
        QTRY_VERIFY_WITH_TIMEOUT(sender.shelfRole(0, MediaShelfModel::ProgressRole).toDouble() > 0,
                                 10000);
        QTRY_COMPARE_WITH_TIMEOUT(media->uploading(), 0, 30000);
        QCOMPARE(sender.shelfRole(0, MediaShelfModel::ProblemRole).toString(), QString());

        MediaLibrary *other = colleague.controller.media();
        other->showShelf(QStringLiteral("tg-001"));
        QTRY_COMPARE(other->shelf()->rowCount(), 1);
        // A video is fetched when the dispatcher opens it.
        QCOMPARE(colleague.shelfRole(0, MediaShelfModel::StateRole).toString(),
                 QStringLiteral("missing"));
        other->open(colleague.shelfRole(0, MediaShelfModel::KeyRole).toString());
        QTRY_COMPARE_WITH_TIMEOUT(colleague.shelfRole(0, MediaShelfModel::StateRole).toString(),
                                  QStringLiteral("ready"), 30000);
        QFile got(colleague.shelfRole(0, MediaShelfModel::UrlRole).toUrl().toLocalFile());
        QVERIFY(got.open(QIODevice::ReadOnly));
        QVERIFY(got.readAll() == bytes);
        QCOMPARE(colleague.shelfRole(0, MediaShelfModel::NameRole).toString(),
                 QStringLiteral("drone.mp4"));
        // Both ways went over HTTPS.
        const QJsonObject http = server->statsJson().value(QStringLiteral("http")).toObject();
        QVERIFY(http.value(QStringLiteral("bytesIn")).toInteger() >= bytes.size());
        QVERIFY(http.value(QStringLiteral("bytesOut")).toInteger() >= bytes.size());
    }

    void whereHttpsDoesNotGetThroughMediaGoesOverSignaling()
    {
        auto server = test::startServer(30, 6, fastMedia());
        OneFlowPath path(server->url());
        Console walled(*server, QStringLiteral("dispatch-1"), path.url());
        Console colleague(*server, QStringLiteral("dispatch-2"));
        QVERIFY(walled.ready());
        QVERIFY(colleague.ready());
        QTemporaryDir files;
        const QByteArray mine = picture(41, 400000);
        const QByteArray theirs = picture(42, 300000);
        MediaLibrary *media = walled.controller.media();
        MediaLibrary *other = colleague.controller.media();
        media->showShelf(QStringLiteral("tg-001"));
        other->showShelf(QStringLiteral("tg-001"));

        // Its upload tries HTTPS, gives up on it, and goes on in chunks: stored all the same.
        QVERIFY(media->share(QUrl::fromLocalFile(fileWith(files, QStringLiteral("a.png"), mine)),
                             QStringLiteral("tg-001")));
        QTRY_COMPARE_WITH_TIMEOUT(media->uploading(), 0, 20000);
        QCOMPARE(walled.shelfRole(0, MediaShelfModel::ProblemRole).toString(), QString());
        const int tried = path.refused;
        QVERIFY(tried > 0); // it did try
        // The colleague's picture reaches it by signaling too (pictures are fetched at once).
        QVERIFY(other->share(QUrl::fromLocalFile(fileWith(files, QStringLiteral("b.png"), theirs)),
                             QStringLiteral("tg-001")));
        QTRY_COMPARE(other->uploading(), 0);
        QTRY_COMPARE(media->shelf()->rowCount(), 2);
        QTRY_COMPARE(colleague.shelfRole(0, MediaShelfModel::StateRole).toString(),
                     QStringLiteral("ready"));
        QSet<QString> got;
        for (int row = 0; row < 2; ++row) {
            QTRY_COMPARE_WITH_TIMEOUT(walled.shelfRole(row, MediaShelfModel::StateRole).toString(),
                                      QStringLiteral("ready"), 20000);
            QFile f(walled.shelfRole(row, MediaShelfModel::UrlRole).toUrl().toLocalFile());
            QVERIFY(f.open(QIODevice::ReadOnly));
            got.insert(sha256(f.readAll()));
        }
        QCOMPARE(got, (QSet<QString> {sha256(mine), sha256(theirs)}));
        // Having found the way shut once, it did not try HTTPS again for the second item.
        QCOMPARE(path.refused, tried);
        // Only the colleague's own transfers went over HTTP.
        const QJsonObject http = server->statsJson().value(QStringLiteral("http")).toObject();
        QVERIFY(http.value(QStringLiteral("bytesIn")).toInteger() < mine.size() + theirs.size());
    }

    void aShareCutOffByAServerRestartFinishesAfterIt()
    {
        // A real server process, paced so that the share is still on its way when it dies.
        QTemporaryDir dir;
        test::ServerProcess server(dir.filePath(QStringLiteral("server.sqlite")),
                                   {QStringLiteral("--http-rate"), QStringLiteral("2")});
        QVERIFY(server.start());
        const QByteArray pin = server.fingerprint();
        SignalingClient client;
        ConsoleController console(client, nullptr);
        console.media()->cache().setDirectory(dir.filePath(QStringLiteral("cache")));
        console.connection()->trust()->pin(server.url(), pin, false);
        console.connectToServer(server.url(), QStringLiteral("dispatch-1"),
                                QStringLiteral("dispatch-1"));
        QTRY_COMPARE(console.link(), Link::Online);
        MediaLibrary *media = console.media();
        media->showShelf(QStringLiteral("tg-001"));
        const QByteArray bytes = picture(51, 10 * 1024 * 1024);
        QVERIFY(
            media->share(QUrl::fromLocalFile(fileWith(dir, QStringLiteral("floorplan.png"), bytes)),
                         QStringLiteral("tg-001")));
        auto progress = [&] {
            MediaShelfModel *shelf = media->shelf();
            return shelf->data(shelf->index(0), MediaShelfModel::ProgressRole).toDouble();
        };
        QTRY_VERIFY_WITH_TIMEOUT(progress() > 0.1, 10000);
        QCOMPARE(media->uploading(), 1); // not stored yet when the server dies
        server.kill();
        QTRY_VERIFY(console.link() != Link::Online);
        // Down for longer than the console's own retries of the transfer take.
        QTest::qWait(4000);
        QVERIFY(server.start());

        // Back: the console logs in again and the share goes on to the end.
        QTRY_COMPARE_WITH_TIMEOUT(console.link(), Link::Online, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(media->uploading(), 0, 40000);
        MediaShelfModel *shelf = media->shelf();
        QCOMPARE(shelf->data(shelf->index(0), MediaShelfModel::ProblemRole).toString(), QString());
        // Stored whole: a unit of the group reads it back.
        test::TestClient unit(QStringLiteral("unit-0005"), server.url(), pin);
        QVERIFY(unit.login());
        const auto item = unit.call(proto::MediaGet {sha256(bytes), 0, 16});
        QVERIFY(item);
        QCOMPARE(item->data, bytes.left(16));
        QCOMPARE(item->media.size, qint64(bytes.size()));
    }

    void displayShowsWhatItsConsoleSendsIt()
    {
        auto server = test::startServer(30, 6, fastMedia());
        Console console(*server, QStringLiteral("dispatch-1"));
        QVERIFY(console.ready());
        QTemporaryDir displayCache;
        SignalingClient displayClient;
        ConsoleController display(displayClient, nullptr);
        display.setDisplay(true);
        display.media()->cache().setDirectory(displayCache.path());
        display.connection()->trust()->pin(server->url(), server->fingerprint(), false);
        display.connectToServer(server->url(), QStringLiteral("dispatch-1"),
                                QStringLiteral("dispatch-1"));
        QTRY_COMPARE(display.link(), Link::Online);

        QTemporaryDir files;
        const QByteArray bytes = picture(21, 40000);
        const QString path = fileWith(files, QStringLiteral("layout.png"), bytes);
        MediaLibrary *media = console.controller.media();
        media->showShelf(QStringLiteral("tg-002"));
        QVERIFY(media->share(QUrl::fromLocalFile(path), QStringLiteral("tg-002")));
        QTRY_COMPARE(media->uploading(), 0);
        media->sendTo(console.shelfRole(0, MediaShelfModel::KeyRole).toString(), {}, {});

        QTRY_COMPARE(display.media()->incomingCount(), 1);
        QTRY_VERIFY(display.media()->incoming().value("url").toUrl().isLocalFile());
        QFile shown(display.media()->incoming().value("url").toUrl().toLocalFile());
        QVERIFY(shown.open(QIODevice::ReadOnly));
        QCOMPARE(shown.readAll(), bytes);
        // The display is no talk-group member, and the console itself got nothing to show.
        QVERIFY(!server->hub()
                     ->sessionInfo(QStringLiteral("group:tg-001"))
                     .members.contains(QStringLiteral("dispatch-1"))
                || display.groups()->rowCount() == 0);
        QCOMPARE(display.groups()->rowCount(), 0);
        QCOMPARE(media->incomingCount(), 0);
        QTRY_COMPARE(media->sent().value(0).toMap().value("state").toString(),
                     QStringLiteral("delivered"));
        display.media()->dismissIncoming();
        QTRY_COMPARE(media->sent().value(0).toMap().value("state").toString(),
                     QStringLiteral("opened"));
        QCOMPARE(media->sent().value(0).toMap().value("to").toString(),
                 QStringLiteral("your displays"));
    }

    void armedItemGoesWithTheNextSpurtOnly()
    {
        auto server = test::startServer(30, 6, fastMedia());
        Console console(*server, QStringLiteral("dispatch-1"));
        QVERIFY(console.ready());
        test::TestClient listener(QStringLiteral("unit-0001"), *server);
        QVERIFY(listener.login());
        QVERIFY(listener.call(proto::Affiliate {{QStringLiteral("tg-001")}}));
        const QString id = test::uploadMedia(listener, picture(5, 2000), QStringLiteral("a.png"));
        QVERIFY(!id.isEmpty());

        MediaLibrary *media = console.controller.media();
        media->arm(id);
        QCOMPARE(media->armed(), id);
        console.controller.talk()->press();
        QTRY_COMPARE(console.controller.talk()->state(), TalkState::Granted);
        const auto taken = listener.waitEvent<proto::FloorTaken>();
        QVERIFY(taken);
        QCOMPARE(taken->media, id);
        QVERIFY(media->armed().isEmpty());
        console.controller.talk()->release();
        QVERIFY(listener.waitEvent<proto::FloorIdle>());

        console.controller.talk()->press();
        QTRY_COMPARE(console.controller.talk()->state(), TalkState::Granted);
        const auto next = listener.waitEvent<proto::FloorTaken>();
        QVERIFY(next);
        QCOMPARE(next->media, QString());
        console.controller.talk()->release();
    }
};

QTEST_MAIN(TestConsoleMedia)
#include "tst_consolemedia.moc"
