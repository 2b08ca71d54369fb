// SPDX-License-Identifier: Apache-2.0
// Passwords on a real server: only argon2id hashes are stored (a fleet file's passwords, a
// database from before, an operator's new password), checks do not hold the signaling thread,
// and failed logins back off and are logged without the secret.
#include "support/rawpeer.h"
#include "support/testclient.h"

#include "server/lib/passwordhasher.h"
#include "server/lib/store.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <QTest>

using namespace floorline;
using namespace floorline::test;
using server::PasswordHasher;

namespace {
QStringList g_log;
QtMessageHandler g_previous = nullptr;

void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_log.append(message);
    if (g_previous && type != QtDebugMsg && type != QtInfoMsg)
        g_previous(type, context, message);
}

/// Every stored password, by account.
QHash<QString, QString> storedPasswords(const QString &database)
{
    QHash<QString, QString> out;
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
        db.setDatabaseName(database);
        if (db.open()) {
            QSqlQuery q(db);
            q.exec(QStringLiteral("SELECT id, password FROM accounts"));
            while (q.next())
                out.insert(q.value(0).toString(), q.value(1).toString());
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    return out;
}

/// Sends a login for `user` and answers what came back (the error code, or "ok").
QString loginOutcome(RawPeer &peer, const QString &user, const QString &password, int id = 2)
{
    const QJsonObject reply = peer.exchange(
        QJsonDocument(QJsonObject {{QStringLiteral("type"), QStringLiteral("login")},
                                   {QStringLiteral("id"), id},
                                   {QStringLiteral("user"), user},
                                   {QStringLiteral("password"), password}})
            .toJson(QJsonDocument::Compact));
    if (reply.contains(QStringLiteral("result")))
        return QStringLiteral("ok");
    return reply.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString()
        + QStringLiteral(": ")
        + reply.value(QStringLiteral("error"))
              .toObject()
              .value(QStringLiteral("message"))
              .toString();
}

/// `floorline-server --db DB --set-password UNIT` with `input` on its standard input.
struct Command
{
    int exitCode = -1;
    QByteArray stderrText;
};
Command setPassword(const QString &database, const QString &unit, const QByteArray &input)
{
    QProcess process;
    process.start(QStringLiteral(FLOORLINE_SERVER_BIN),
                  {QStringLiteral("--db"), database, QStringLiteral("--set-password"), unit});
    if (!process.waitForStarted())
        return {};
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(10000))
        return {};
    return {process.exitCode(), process.readAllStandardError()};
}

proto::Fleet smallFleet()
{
    proto::Fleet fleet;
    fleet.groups.append({QStringLiteral("tg"), QStringLiteral("Talk group"), {}});
    for (int i = 1; i <= 4; ++i) {
        proto::Account a;
        a.unit.id = QStringLiteral("unit-%1").arg(i);
        a.unit.alias = a.unit.id;
        a.unit.groups = {QStringLiteral("tg")};
        a.password = QStringLiteral("secret-%1").arg(i);
        fleet.accounts.append(a);
    }
    return fleet;
}
} // namespace

class TestServerLogin : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { g_previous = qInstallMessageHandler(capture); }
    void cleanupTestCase() { qInstallMessageHandler(g_previous); }

    void fleetFilePasswordsAreStoredAsArgon2id()
    {
        QTemporaryDir dir;
        proto::Fleet fleet = smallFleet();
        // An operator may give a hash instead of the password; it is kept as given.
        const QString given = PasswordHasher::hash(QStringLiteral("pre-hashed"),
                                                   PasswordHasher::Cost::interactive());
        fleet.accounts[3].password = given;
        QString error;
        QVERIFY(fleet.save(dir.filePath(QStringLiteral("fleet.json")), &error));
        server::ServerOptions options;
        options.database = dir.filePath(QStringLiteral("server.sqlite"));
        options.fleetFile = dir.filePath(QStringLiteral("fleet.json"));
        server::Server server;
        QVERIFY2(server.start(options, &error), qPrintable(error));

        const auto stored = storedPasswords(options.database);
        QCOMPARE(stored.size(), 4);
        for (int i = 1; i <= 3; ++i) {
            const QString hash = stored.value(QStringLiteral("unit-%1").arg(i));
            QVERIFY2(hash.startsWith(QLatin1String("$argon2id$v=19$m=65536,t=2,p=1$")),
                     qPrintable(hash)); // libsodium's interactive limits
            QVERIFY(!hash.contains(QStringLiteral("secret-%1").arg(i)));
        }
        QCOMPARE(stored.value(QStringLiteral("unit-4")), given);

        RawPeer peer(server.url());
        QVERIFY(peer.connected());
        peer.hello();
        QCOMPARE(loginOutcome(peer, QStringLiteral("unit-2"), QStringLiteral("secret-1")),
                 QStringLiteral("auth-failed: unknown user or wrong password"));
        QCOMPARE(loginOutcome(peer, QStringLiteral("unit-2"), QStringLiteral("secret-2")),
                 QStringLiteral("ok"));
        RawPeer other(server.url());
        QVERIFY(other.connected());
        other.hello();
        QCOMPARE(loginOutcome(other, QStringLiteral("unit-4"), QStringLiteral("pre-hashed")),
                 QStringLiteral("ok"));
    }

    void anAccountWithoutAPasswordCannotLogInUntilOneIsSet()
    {
        // A package's starter fleet names its accounts but no passwords: nobody may log in as
        // them (not with an empty password, not with the stored marker), whatever restarts
        // and migrations happen, until the operator sets one.
        QTemporaryDir dir;
        const QString fleetFile = dir.filePath(QStringLiteral("fleet.json"));
        QFile file(fleetFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"groups":[{"id":"tg","name":"Talk group"}],
                       "accounts":[{"id":"dispatch-1","role":"dispatcher"},
                                   {"id":"unit-1","groups":["tg"],"password":""}]})");
        file.close();
        server::ServerOptions options;
        options.database = dir.filePath(QStringLiteral("server.sqlite"));
        options.fleetFile = fleetFile;
        QString error;
        for (int start = 0; start < 2; ++start) { // the second start runs the migration
            server::Server server;
            QVERIFY2(server.start(options, &error), qPrintable(error));
            options.fleetFile.clear();
            QCOMPARE(storedPasswords(options.database).value(QStringLiteral("dispatch-1")),
                     PasswordHasher::locked());
            QCOMPARE(storedPasswords(options.database).value(QStringLiteral("unit-1")),
                     PasswordHasher::locked());
            RawPeer peer(server.url());
            QVERIFY(peer.connected());
            peer.hello();
            int id = 2;
            g_log.clear();
            for (const QString &user : {QStringLiteral("dispatch-1"), QStringLiteral("unit-1")})
                for (const QString &password : {QString(), QStringLiteral("!")})
                    QCOMPARE(loginOutcome(peer, user, password, id++),
                             QStringLiteral("auth-failed: unknown user or wrong password"));
            // The operator's log says why; the client is told no more than for a wrong one.
            QVERIFY2(g_log.join(QLatin1Char('\n'))
                         .contains(QLatin1String("failed login for 'dispatch-1' from 127.0.0.1 "
                                                 "(1 in a row): the account has no password yet")),
                     qPrintable(g_log.join(QLatin1Char('\n'))));
        }
        QCOMPARE(
            setPassword(options.database, QStringLiteral("dispatch-1"), "set by the operator\n")
                .exitCode,
            0);
        server::Server server;
        QVERIFY2(server.start(options, &error), qPrintable(error));
        RawPeer peer(server.url());
        QVERIFY(peer.connected());
        peer.hello();
        QCOMPARE(
            loginOutcome(peer, QStringLiteral("dispatch-1"), QStringLiteral("set by the operator")),
            QStringLiteral("ok"));
    }

    void plainDatabaseIsMigratedOnStart()
    {
        QTemporaryDir dir;
        const QString database = dir.filePath(QStringLiteral("old.sqlite"));
        {
            // A database as the server kept it before: passwords in plain text.
            server::Store store;
            QString error;
            QVERIFY(store.open(database, &error));
            QVERIFY(store.import(smallFleet(), PasswordHasher::Cost::minimal(), &error));
            for (int i = 1; i <= 4; ++i)
                QVERIFY(store.setPasswordHash(QStringLiteral("unit-%1").arg(i),
                                              QStringLiteral("secret-%1").arg(i), &error));
        }
        QCOMPARE(storedPasswords(database).value(QStringLiteral("unit-3")),
                 QStringLiteral("secret-3"));
        server::ServerOptions options;
        options.database = database;
        QString error;
        server::Server server;
        QVERIFY2(server.start(options, &error), qPrintable(error));
        const auto stored = storedPasswords(database);
        for (const QString &hash : stored)
            QVERIFY2(PasswordHasher::isHash(hash), qPrintable(hash));
        RawPeer peer(server.url());
        QVERIFY(peer.connected());
        peer.hello();
        QCOMPARE(loginOutcome(peer, QStringLiteral("unit-3"), QStringLiteral("secret-3")),
                 QStringLiteral("ok"));
    }

    void failedLoginsBackOffAndAreLoggedWithoutTheSecret()
    {
        auto server = startServer(10, 4);
        QVERIFY(server);
        RawPeer peer(server->url());
        QVERIFY(peer.connected());
        peer.hello();
        g_log.clear();
        const QString guess = QStringLiteral("wrong-guess-7f3a");
        for (int i = 1; i <= 5; ++i)
            QCOMPARE(loginOutcome(peer, QStringLiteral("unit-0001"), guess, 10 + i),
                     QStringLiteral("auth-failed: unknown user or wrong password"));
        // The sixth comes too soon: refused without a check, even with the right password.
        const QString throttled
            = loginOutcome(peer, QStringLiteral("unit-0001"), QStringLiteral("unit-0001"), 20);
        QVERIFY2(throttled.startsWith(QLatin1String("rate-limited: too many failed logins; try "
                                                    "again in 1 s")),
                 qPrintable(throttled));
        QCOMPARE(stat(*server, "authFailures"), 5);
        QCOMPARE(stat(*server, "loginsThrottled"), 1);
        // Another account from the same address is not held back by this one.
        RawPeer colleague(server->url());
        QVERIFY(colleague.connected());
        colleague.hello();
        QCOMPARE(
            loginOutcome(colleague, QStringLiteral("dispatch-1"), QStringLiteral("dispatch-1")),
            QStringLiteral("ok"));
        // Each failure is in the log with the account and the address, never the secret.
        const QString all = g_log.join(QLatin1Char('\n'));
        QVERIFY2(
            all.contains(QLatin1String("failed login for 'unit-0001' from 127.0.0.1 (1 in a row)")),
            qPrintable(all));
        QVERIFY(all.contains(QLatin1String("(5 in a row)")));
        QVERIFY(!all.contains(guess));
        // The one refused unchecked during the back-off is in the log too.
        QVERIFY2(all.contains(QLatin1String("refused a login for 'unit-0001' from 127.0.0.1 "
                                            "unchecked: backing off, 1 s left")),
                 qPrintable(all));
        // A name that is no account is not written down: it may be a password typed into the
        // user field.
        const QString typedInTheWrongField = QStringLiteral("Sup3rSecret-in-user-field");
        RawPeer stranger(server->url());
        QVERIFY(stranger.connected());
        stranger.hello();
        QCOMPARE(loginOutcome(stranger, typedInTheWrongField, QStringLiteral("x")),
                 QStringLiteral("auth-failed: unknown user or wrong password"));
        const QString after = g_log.join(QLatin1Char('\n'));
        QVERIFY(!after.contains(typedInTheWrongField));
        QVERIFY2(after.contains(QLatin1String("failed login for an unknown user from 127.0.0.1")),
                 qPrintable(after));
        // Once the wait is over the right password gets in, and forgives the account.
        QTest::qWait(1100);
        QCOMPARE(loginOutcome(peer, QStringLiteral("unit-0001"), QStringLiteral("unit-0001"), 30),
                 QStringLiteral("ok"));
    }

    void passwordChecksDoNotHoldTheSignalingThread()
    {
        // Interactive hashes cost ~100 ms each: twelve checks take ~0.6 s on two workers. A
        // logged-in client's ping is answered meanwhile, not after them.
        QTemporaryDir dir;
        proto::Fleet fleet = smallFleet();
        QString error;
        QVERIFY(fleet.save(dir.filePath(QStringLiteral("fleet.json")), &error));
        server::ServerOptions options;
        options.database = dir.filePath(QStringLiteral("server.sqlite"));
        options.fleetFile = dir.filePath(QStringLiteral("fleet.json"));
        options.hub.throttle.accountFailures = 100;
        options.hub.throttle.addressFailures = 100;
        server::Server server;
        QVERIFY2(server.start(options, &error), qPrintable(error));
        RawPeer innocent(server.url());
        QVERIFY(innocent.connected());
        innocent.hello();
        QCOMPARE(loginOutcome(innocent, QStringLiteral("unit-1"), QStringLiteral("secret-1")),
                 QStringLiteral("ok"));

        std::vector<std::unique_ptr<RawPeer>> guessers;
        for (int i = 0; i < 12; ++i) {
            auto peer = std::make_unique<RawPeer>(server.url());
            QVERIFY(peer->connected());
            peer->hello();
            peer->received.clear();
            peer->socket.sendTextMessage(
                QStringLiteral(R"({"type":"login","id":2,"user":"unit-2","password":"nope-%1"})")
                    .arg(i));
            guessers.push_back(std::move(peer));
        }
        const QJsonObject pong = innocent.exchange(R"({"type":"ping","id":50})");
        QVERIFY(pong.contains(QStringLiteral("result")));
        int answered = 0;
        for (const auto &g : guessers)
            answered += g->received.isEmpty() ? 0 : 1;
        QVERIFY2(answered < 12, "the ping waited for every password check");
        QVERIFY(QTest::qWaitFor(
            [&] {
                return std::all_of(guessers.cbegin(), guessers.cend(),
                                   [](const auto &g) { return !g->received.isEmpty(); });
            },
            10000));
        QCOMPARE(stat(server, "authFailures"), 12);
    }

    /// When every password check is taken the server answers `busy`; the client tries again
    /// by itself, so a fleet logging in at once all gets in (a fresh-eyes try saw 8 of 60
    /// simulated units stay offline for good after one `busy`).
    void everyoneGetsInWhenTheServerIsBusy()
    {
        QTemporaryDir dir;
        proto::Fleet fleet = smallFleet();
        for (int i = 5; i <= 8; ++i) {
            proto::Account a = fleet.accounts.first();
            a.unit.id = QStringLiteral("unit-%1").arg(i);
            fleet.accounts.append(a);
        }
        for (proto::Account &a : fleet.accounts)
            a.password = a.unit.id; // what TestClient logs in with
        QString error;
        QVERIFY(fleet.save(dir.filePath(QStringLiteral("fleet.json")), &error));
        server::ServerOptions options;
        options.database = dir.filePath(QStringLiteral("server.sqlite"));
        options.fleetFile = dir.filePath(QStringLiteral("fleet.json"));
        options.hub.maxPendingPasswordChecks = 1;
        server::Server server;
        QVERIFY2(server.start(options, &error), qPrintable(error));
        std::vector<std::unique_ptr<TestClient>> units;
        for (const proto::Account &a : fleet.accounts) {
            units.push_back(std::make_unique<TestClient>(a.unit.id, server));
            units.back()->client.connectToServer(server.url(), a.unit.id, a.unit.id);
        }
        QVERIFY(QTest::qWaitFor(
            [&] {
                return std::all_of(units.cbegin(), units.cend(), [](const auto &u) {
                    return u->client.state() == SignalingClient::State::Online;
                });
            },
            30000));
        QVERIFY2(stat(server, "loginsBusy") > 0, "the server was never busy: nothing was tried");
        QCOMPARE(stat(server, "authFailures"), 0);
    }

    void operatorSetsAPassword()
    {
        QTemporaryDir dir;
        server::ServerOptions options;
        options.database = dir.filePath(QStringLiteral("server.sqlite"));
        options.fleet = smallFleet();
        QString error;
        {
            server::Server first;
            QVERIFY2(first.start(options, &error), qPrintable(error));
        }
        QCOMPARE(setPassword(options.database, QStringLiteral("unit-2"), "a new one\n").exitCode,
                 0);
        QVERIFY(storedPasswords(options.database)
                    .value(QStringLiteral("unit-2"))
                    .startsWith(QLatin1String("$argon2id$v=19$m=65536")));

        options.fleet.reset();
        server::Server second;
        QVERIFY2(second.start(options, &error), qPrintable(error));
        RawPeer peer(second.url());
        QVERIFY(peer.connected());
        peer.hello();
        QCOMPARE(loginOutcome(peer, QStringLiteral("unit-2"), QStringLiteral("secret-2")),
                 QStringLiteral("auth-failed: unknown user or wrong password"));
        QCOMPARE(loginOutcome(peer, QStringLiteral("unit-2"), QStringLiteral("a new one"), 3),
                 QStringLiteral("ok"));

        // An unknown account is an error, and changes nothing.
        const Command wrong
            = setPassword(options.database, QStringLiteral("unit-99"), "long enough\n");
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY(wrong.stderrText.contains("no account 'unit-99'"));
        // A password too short to be one is refused, and the old one stays.
        const QString kept = storedPasswords(options.database).value(QStringLiteral("unit-2"));
        const Command shortOne = setPassword(options.database, QStringLiteral("unit-2"), "abc\n");
        QCOMPARE(shortOne.exitCode, 1);
        QVERIFY2(shortOne.stderrText.contains("at least 8 characters"), shortOne.stderrText);
        QCOMPARE(storedPasswords(options.database).value(QStringLiteral("unit-2")), kept);
        // A mistyped --db is named, and no empty database (or directory) is made there: the
        // operator would think the password set (a fresh-eyes try made one).
        const QString typo = dir.filePath(QStringLiteral("srv/server.sqlite"));
        const Command missing = setPassword(typo, QStringLiteral("unit-2"), "long enough\n");
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.stderrText.contains("no database at"), missing.stderrText);
        QVERIFY(!QFileInfo::exists(typo));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("srv"))));
    }
};

QTEST_GUILESS_MAIN(TestServerLogin)
#include "tst_serverlogin.moc"
