// SPDX-License-Identifier: Apache-2.0
// Pushes through the real server on loopback (docs/protocol.md §10): queued → delivered →
// opened as the sender sees it; a group's members and consoles get a group push and its shelf
// keeps it; a unit that announced a reset gets its push when it is back; the server killed with
// SIGKILL while pushes wait delivers them after a restart, none twice; pairing binds a device
// to a console; and pushes nobody may send are refused with nothing stored.
#include "support/rawpeer.h"
#include "support/serverprocess.h"
#include "support/testclient.h"

#include "core/protocol/fingerprint.h"

#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace floorline;
using proto::ErrorCode;
using proto::PushState;
using test::stat;

namespace {
proto::MediaPush pushTo(const QString &id, proto::PushTarget to, const QString &media,
                        const QString &link = {})
{
    proto::MediaPush p;
    p.push = id;
    p.to = std::move(to);
    p.media = media;
    p.link = link;
    return p;
}

proto::PushTarget toUnit(const QString &unit)
{
    return {unit, {}, false};
}

proto::PushTarget toGroup(const QString &group)
{
    return {{}, group, false};
}

proto::PushTarget toBound()
{
    return {{}, {}, true};
}

/// Pushes for `unit` that `client` has received, by push id.
QStringList pushIds(const test::TestClient &client)
{
    QStringList ids;
    for (const proto::Event &e : client.events) {
        if (const auto *p = std::get_if<proto::MediaPushed>(&e))
            ids.append(p->push);
    }
    return ids;
}

} // namespace

class TestServerPush : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pushToUnitIsQueuedDeliveredOpened()
    {
        auto server = test::startServer();
        test::TestClient console(QStringLiteral("dispatch-1"), *server);
        test::TestClient unit(QStringLiteral("unit-0001"), *server);
        QVERIFY(console.login());
        QVERIFY(unit.login());
        const QString photo
            = test::uploadMedia(console, QByteArray(4000, 'p'), QStringLiteral("scene.png"));
        QVERIFY(!photo.isEmpty());

        proto::Error error;
        const auto result = console.call(
            pushTo(QStringLiteral("p-1"), toUnit(QStringLiteral("unit-0001")), photo), &error);
        QVERIFY2(result, qPrintable(error.message));
        QCOMPARE(result->recipients.size(), 1);
        QCOMPARE(result->recipients[0].unit, QStringLiteral("unit-0001"));
        QCOMPARE(result->recipients[0].state, PushState::Queued);

        const auto pushed = unit.waitEvent<proto::MediaPushed>();
        QVERIFY(pushed);
        QCOMPARE(pushed->push, QStringLiteral("p-1"));
        QCOMPARE(pushed->from, QStringLiteral("dispatch-1"));
        QCOMPARE(pushed->fromAlias, QStringLiteral("Dispatch 1"));
        QVERIFY(pushed->media);
        QCOMPARE(pushed->media->id, photo);
        QCOMPARE(pushed->media->name, QStringLiteral("scene.png"));

        QVERIFY(unit.call(proto::MediaAck {QStringLiteral("dispatch-1"), QStringLiteral("p-1"),
                                           PushState::Delivered}));
        auto status = console.waitEvent<proto::MediaPushStatus>();
        QVERIFY(status);
        QCOMPARE(status->state, PushState::Delivered);
        QCOMPARE(status->unit, QStringLiteral("unit-0001"));
        QVERIFY(unit.call(proto::MediaAck {QStringLiteral("dispatch-1"), QStringLiteral("p-1"),
                                           PushState::Opened}));
        status = console.waitEvent<proto::MediaPushStatus>();
        QVERIFY(status);
        QCOMPARE(status->state, PushState::Opened);

        // A late "delivered" and a repeated "opened" change nothing and tell nobody.
        QVERIFY(unit.call(proto::MediaAck {QStringLiteral("dispatch-1"), QStringLiteral("p-1"),
                                           PushState::Delivered}));
        QVERIFY(unit.call(proto::MediaAck {QStringLiteral("dispatch-1"), QStringLiteral("p-1"),
                                           PushState::Opened}));
        // The same push id again (a lost response): the first result, nothing sent again.
        const auto again = console.call(
            pushTo(QStringLiteral("p-1"), toUnit(QStringLiteral("unit-0001")), photo));
        QVERIFY(again);
        QVERIFY(again->duplicate);
        QCOMPARE(again->recipients[0].state, PushState::Opened);
        QTest::qWait(200);
        QCOMPARE(console.countEvents<proto::MediaPushStatus>(), 0);
        QCOMPARE(pushIds(unit), QStringList {});
        QCOMPARE(stat(*server, "pushes"), 1);
        QCOMPARE(stat(*server, "pushDuplicates"), 1);
        QCOMPARE(stat(*server, "pushesSent"), 1);
        QCOMPARE(stat(*server, "pushesDelivered"), 1);
        QCOMPARE(stat(*server, "pushesOpened"), 1);
    }

    void pushToGroupReachesMembersAndItsShelf()
    {
        auto server = test::startServer();
        // unit-0001 and unit-0005 are in tg-001; unit-0002 is in tg-002.
        test::TestClient sender(QStringLiteral("unit-0001"), *server);
        test::TestClient member(QStringLiteral("unit-0005"), *server);
        test::TestClient outsider(QStringLiteral("unit-0002"), *server);
        test::TestClient console(QStringLiteral("dispatch-1"), *server);
        for (auto *c : {&sender, &member, &outsider, &console})
            QVERIFY(c->login());
        const auto result
            = sender.call(pushTo(QStringLiteral("map"), toGroup(QStringLiteral("tg-001")), {},
                                 QStringLiteral("https://maps.example/incident/7")));
        QVERIFY(result);
        QStringList recipients;
        for (const auto &r : result->recipients)
            recipients.append(r.unit);
        QVERIFY(recipients.contains(QStringLiteral("unit-0005")));
        QVERIFY(recipients.contains(QStringLiteral("dispatch-1")));
        QVERIFY(!recipients.contains(QStringLiteral("unit-0002")));
        QVERIFY(!recipients.contains(QStringLiteral("unit-0001")));

        for (auto *c : {&member, &console}) {
            const auto pushed = c->waitEvent<proto::MediaPushed>();
            QVERIFY(pushed);
            QCOMPARE(pushed->group, QStringLiteral("tg-001"));
            QCOMPARE(pushed->link, QStringLiteral("https://maps.example/incident/7"));
        }
        QTest::qWait(100);
        QCOMPARE(pushIds(outsider), QStringList {});

        // The shelf keeps it for whoever looks later; a non-member may not look.
        const auto shelf = console.call(proto::MediaShelfGet {QStringLiteral("tg-001")});
        QVERIFY(shelf);
        QCOMPARE(shelf->items.size(), 1);
        QCOMPARE(shelf->items[0].push, QStringLiteral("map"));
        QCOMPARE(shelf->items[0].from, QStringLiteral("unit-0001"));
        proto::Error error;
        QVERIFY(!outsider.call(proto::MediaShelfGet {QStringLiteral("tg-001")}, &error));
        QCOMPARE(error.code, ErrorCode::Forbidden);
    }

    void unitThatAnnouncedAResetGetsItsPushWhenBack()
    {
        auto server = test::startServer();
        test::TestClient console(QStringLiteral("dispatch-1"), *server);
        QVERIFY(console.login());
        auto unit = std::make_unique<test::TestClient>(QStringLiteral("unit-0003"), *server);
        QVERIFY(unit->login());
        QVERIFY(unit->call(proto::UnitAnnounce {proto::UnitStatus::Resetting}));
        const auto status = console.waitEvent<proto::UnitStatusChanged>(
            [](const auto &s) { return s.status == proto::UnitStatus::Resetting; });
        QVERIFY(status);
        QCOMPARE(status->unit, QStringLiteral("unit-0003"));

        const auto result
            = console.call(pushTo(QStringLiteral("brief"), toUnit(QStringLiteral("unit-0003")), {},
                                  QStringLiteral("https://brief.example/7")));
        QVERIFY(result);
        QCOMPARE(result->recipients[0].state, PushState::Queued);
        QTest::qWait(200);
        QCOMPARE(pushIds(*unit), QStringList {}); // held while it resets
        unit->client.disconnectFromServer(); // the reset: the radio logs out and is gone
        // Gone, and the dispatchers see why: resetting, not offline.
        const auto gone = console.waitEvent<proto::UnitStatusChanged>([](const auto &s) {
            return s.unit == QLatin1String("unit-0003") && s.status != proto::UnitStatus::Online;
        });
        QVERIFY(gone);
        QCOMPARE(gone->status, proto::UnitStatus::Resetting);
        unit.reset();

        unit = std::make_unique<test::TestClient>(QStringLiteral("unit-0003"), *server);
        QVERIFY(unit->login());
        QVERIFY(console.waitEvent<proto::UnitStatusChanged>([](const auto &s) {
            return s.unit == QLatin1String("unit-0003") && s.status == proto::UnitStatus::Online;
        }));
        const auto pushed = unit->waitEvent<proto::MediaPushed>();
        QVERIFY(pushed);
        QCOMPARE(pushed->push, QStringLiteral("brief"));
        QVERIFY(unit->call(proto::MediaAck {QStringLiteral("dispatch-1"), QStringLiteral("brief"),
                                            PushState::Delivered}));
        const auto delivered = console.waitEvent<proto::MediaPushStatus>();
        QVERIFY(delivered);
        QCOMPARE(delivered->state, PushState::Delivered);
        QCOMPARE(pushIds(*unit), QStringList {});
    }

    void pushesSurviveASigkilledServer()
    {
        QTemporaryDir dir;
        const QString database = dir.filePath(QStringLiteral("server.sqlite"));
        QStringList sent;
        QByteArray pin; // the certificate made on the first start is the one after the restart
        {
            test::ServerProcess server(database);
            QVERIFY(server.start());
            pin = server.fingerprint();
            QVERIFY(!pin.isEmpty());
            test::TestClient console(QStringLiteral("dispatch-1"), server.url(), pin);
            QVERIFY(console.login());
            for (int i = 1; i <= 5; ++i) {
                const QString id = QStringLiteral("queued-%1").arg(i);
                proto::Error error;
                QVERIFY2(console.call(pushTo(id, toUnit(QStringLiteral("unit-0004")), {},
                                             QStringLiteral("https://x.example/%1").arg(i)),
                                      &error),
                         qPrintable(error.message));
                sent.append(id);
            }
            server.kill(); // SIGKILL: no shutdown code runs
        }
        test::ServerProcess server(database);
        QVERIFY(server.start());
        {
            test::TestClient unit(QStringLiteral("unit-0004"), server.url(), pin);
            QVERIFY(unit.login());
            QVERIFY(QTest::qWaitFor([&] { return pushIds(unit).size() >= 5; }, 5000));
            QCOMPARE(pushIds(unit), sent); // each once, oldest first
            for (const QString &id : sent)
                QVERIFY(unit.call(
                    proto::MediaAck {QStringLiteral("dispatch-1"), id, PushState::Delivered}));
            // The sender retries one it never heard back about: nothing is queued again.
            test::TestClient console(QStringLiteral("dispatch-1"), server.url(), pin);
            QVERIFY(console.login());
            const auto again = console.call(pushTo(QStringLiteral("queued-3"),
                                                   toUnit(QStringLiteral("unit-0004")), {},
                                                   QStringLiteral("https://x.example/3")));
            QVERIFY(again);
            QVERIFY(again->duplicate);
            QCOMPARE(again->recipients[0].state, PushState::Delivered);
        }
        test::TestClient back(QStringLiteral("unit-0004"), server.url(), pin);
        QVERIFY(back.login());
        QTest::qWait(300);
        QCOMPARE(pushIds(back), QStringList {}); // acknowledged ones are never sent again
    }

    void pairingBindsADeviceToTheConsole()
    {
        auto server = test::startServer();
        test::TestClient console(QStringLiteral("dispatch-1"), *server);
        test::TestClient phone(QStringLiteral("unit-0007"), *server);
        QVERIFY(console.login());
        QVERIFY(phone.login());
        proto::Error error;
        // Not paired yet: nothing is bound to the phone.
        QVERIFY(!phone.call(
            pushTo(QStringLiteral("v0"), toBound(), {}, QStringLiteral("https://v.example/0")),
            &error));
        QCOMPARE(error.code, ErrorCode::Forbidden);
        QVERIFY(!phone.call(proto::PairCreate {}, &error));
        QCOMPARE(error.code, ErrorCode::Forbidden);

        const auto code = console.call(proto::PairCreate {});
        QVERIFY(code);
        QCOMPARE(code->token.size(), 32);
        QVERIFY(code->expires > QDateTime::currentMSecsSinceEpoch());
        const auto paired = phone.call(proto::PairClaim {code->token});
        QVERIFY(paired);
        QCOMPARE(paired->console, QStringLiteral("dispatch-1"));
        const auto bound = console.waitEvent<proto::PairBound>();
        QVERIFY(bound);
        QCOMPARE(bound->console, QStringLiteral("unit-0007"));
        QVERIFY(!phone.call(proto::PairClaim {code->token}, &error)); // one claim per code
        QCOMPARE(error.code, ErrorCode::NotFound);

        QVERIFY(phone.call(
            pushTo(QStringLiteral("v1"), toBound(), {}, QStringLiteral("https://v.example/1"))));
        const auto pushed = console.waitEvent<proto::MediaPushed>();
        QVERIFY(pushed);
        QVERIFY(pushed->bound);
        QCOMPARE(pushed->from, QStringLiteral("unit-0007"));
        QVERIFY(console.call(proto::MediaAck {QStringLiteral("unit-0007"), QStringLiteral("v1"),
                                              PushState::Opened}));

        // A console's own `bound` push goes to its display clients only.
        test::TestClient display(QStringLiteral("dispatch-1"), *server);
        display.client.setDisplay(true);
        QVERIFY(display.login());
        QVERIFY(console.call(pushTo(QStringLiteral("wall"), toBound(), {},
                                    QStringLiteral("https://v.example/wall"))));
        proto::Error displayError;
        QVERIFY(!display.call(proto::Affiliate {{QStringLiteral("tg-001")}}, &displayError));
        QCOMPARE(displayError.code, ErrorCode::Forbidden);
        QCOMPARE(displayError.message, QStringLiteral("a display takes no part in talk groups"));
        const auto onWall = display.waitEvent<proto::MediaPushed>();
        QVERIFY(onWall);
        QCOMPARE(onWall->push, QStringLiteral("wall"));
        QTest::qWait(100);
        QCOMPARE(pushIds(console), QStringList {});

        // And the other way: what the paired unit sends to the console stays off the wall.
        QVERIFY(phone.call(
            pushTo(QStringLiteral("v2"), toBound(), {}, QStringLiteral("https://v.example/2"))));
        const auto second = console.waitEvent<proto::MediaPushed>();
        QVERIFY(second);
        QCOMPARE(second->push, QStringLiteral("v2"));
        QTest::qWait(100);
        QCOMPARE(pushIds(display), QStringList {});
    }

    void pushesNobodyMaySendAreRefused()
    {
        auto server = test::startServer();
        test::TestClient unit(QStringLiteral("unit-0001"), *server);
        test::TestClient console(QStringLiteral("dispatch-1"), *server);
        QVERIFY(unit.login());
        QVERIFY(console.login());
        const QString unknown(64, QLatin1Char('a'));
        struct Case
        {
            proto::MediaPush push;
            ErrorCode code;
            QString message;
        };
        const QList<Case> cases {
            {pushTo(QStringLiteral("a"), toUnit(QStringLiteral("unit-0005")), unknown),
             ErrorCode::NotFound, QStringLiteral("no such media")},
            {pushTo(QStringLiteral("b"), toUnit(QStringLiteral("unit-0002")), {},
                    QStringLiteral("https://a.example")),
             ErrorCode::Forbidden,
             QStringLiteral("units may push only to units that share a group")},
            {pushTo(QStringLiteral("c"), toGroup(QStringLiteral("tg-002")), {},
                    QStringLiteral("https://a.example")),
             ErrorCode::Forbidden, QStringLiteral("units may push only to their own groups")},
            {pushTo(QStringLiteral("d"), toUnit(QStringLiteral("unit-9999")), {},
                    QStringLiteral("https://a.example")),
             ErrorCode::NotFound, QStringLiteral("no such unit")},
            {pushTo(QStringLiteral("e"), toGroup(QStringLiteral("tg-999")), {},
                    QStringLiteral("https://a.example")),
             ErrorCode::NotFound, QStringLiteral("no such group")},
        };
        for (const Case &c : cases) {
            proto::Error error;
            QVERIFY2(!unit.call(c.push, &error), qPrintable(c.push.push));
            QCOMPARE(error.code, c.code);
            QCOMPARE(error.message, c.message);
        }
        QCOMPARE(stat(*server, "pushRefused"), cases.size());
        // Malformed ones never reach the hub: the codec refuses them. (Plain string literals:
        // moc reads "//" inside a raw string as a comment.)
        test::RawPeer raw(server->url());
        QVERIFY(raw.connected());
        raw.hello();
        QCOMPARE(raw.exchange("{\"type\":\"login\",\"id\":2,\"user\":\"unit-0001\",\"password\":"
                              "\"unit-0001\"}")
                     .value(QLatin1String("type")),
                 QStringLiteral("response"));
        for (const QByteArray &frame :
             {QByteArray("{\"type\":\"media.push\",\"id\":90,\"push\":\"f\",\"to\":{\"unit\":"
                         "\"unit-0005\"},\"link\":\"ftp://a.example/x\"}"),
              QByteArray("{\"type\":\"media.push\",\"id\":91,\"push\":\"g\",\"to\":{\"unit\":"
                         "\"unit-0005\",\"group\":\"tg-001\"},\"link\":\"https://a.example\"}"),
              QByteArray("{\"type\":\"media.push\",\"id\":92,\"push\":\"h\",\"to\":{\"unit\":"
                         "\"unit-0005\"}}"),
              QByteArray("{\"type\":\"media.ack\",\"id\":93,\"from\":\"dispatch-1\",\"push\":\"x\","
                         "\"state\":\"queued\"}")}) {
            const QJsonObject answer = raw.exchange(frame); // a unit gets no status events
            QCOMPARE(answer.value(QLatin1String("error")).toObject().value(QLatin1String("code")),
                     QStringLiteral("bad-message"));
        }
        // Nothing of it was stored: the shelf is empty and an ack for it finds nothing.
        const auto shelf = console.call(proto::MediaShelfGet {QStringLiteral("tg-001")});
        QVERIFY(shelf);
        QVERIFY(shelf->items.isEmpty());
        proto::Error error;
        QVERIFY(!console.call(proto::MediaAck {QStringLiteral("unit-0001"), QStringLiteral("a"),
                                               PushState::Delivered},
                              &error));
        QCOMPARE(error.code, ErrorCode::NotFound);
    }
};

QTEST_MAIN(TestServerPush)
#include "tst_serverpush.moc"
