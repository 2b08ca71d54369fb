// SPDX-License-Identifier: Apache-2.0
#include "core/protocol/fleet.h"
#include "server/lib/server.h"
#include "server/lib/store.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace floorline;

class TestFleet : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void demoFleetIsThreeLevelsDeep()
    {
        const proto::Fleet fleet = proto::makeDemoFleet(200, 20);
        QString error;
        QVERIFY2(fleet.validate(&error), qPrintable(error));
        QCOMPARE(fleet.groups.size(), 20);
        QCOMPARE(fleet.accounts.size(), 203); // 200 units, 2 dispatchers, 1 supervisor
        QHash<QString, QString> parent;
        for (const auto &g : fleet.groups)
            parent.insert(g.id, g.parent);
        int deepest = 0;
        for (const auto &g : fleet.groups) {
            int depth = 1;
            for (QString p = g.parent; !p.isEmpty(); p = parent.value(p))
                ++depth;
            deepest = std::max(deepest, depth);
        }
        QCOMPARE(deepest, 3);
    }

    void validationCatchesBrokenReferences_data()
    {
        QTest::addColumn<QString>("what");
        QTest::newRow("unknown parent") << QStringLiteral("unknown parent");
        QTest::newRow("duplicate account") << QStringLiteral("defined twice");
        QTest::newRow("unknown membership") << QStringLiteral("unknown group");
        QTest::newRow("cycle") << QStringLiteral("cycle");
    }

    void validationCatchesBrokenReferences()
    {
        QFETCH(QString, what);
        proto::Fleet fleet = proto::makeDemoFleet(5, 4);
        const QString row = QString::fromLatin1(QTest::currentDataTag());
        if (row == QLatin1String("unknown parent"))
            fleet.groups[1].parent = QStringLiteral("nowhere");
        else if (row == QLatin1String("duplicate account"))
            fleet.accounts.append(fleet.accounts.first());
        else if (row == QLatin1String("unknown membership"))
            fleet.accounts[0].unit.groups = {QStringLiteral("nowhere")};
        else
            fleet.groups[0].parent = fleet.groups[1].id;
        QString error;
        QVERIFY(!fleet.validate(&error));
        QVERIFY2(error.contains(what), qPrintable(error));
    }

    void fileAndDatabaseRoundTrip()
    {
        QTemporaryDir dir;
        proto::Fleet fleet = proto::makeDemoFleet(40, 8);
        // Capabilities: none at all, some, and (every other account) the default of all.
        fleet.accounts[0].capabilities = QList<proto::Capability> {};
        fleet.accounts[1].capabilities
            = QList<proto::Capability> {proto::Capability::Push, proto::Capability::Emergency};
        QString error;
        QVERIFY(fleet.save(dir.filePath(QStringLiteral("fleet.json")), &error));
        const auto loaded = proto::Fleet::load(dir.filePath(QStringLiteral("fleet.json")), &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(*loaded, fleet);

        const QString db = dir.filePath(QStringLiteral("server.sqlite"));
        {
            server::Store store;
            QVERIFY2(store.open(db, &error), qPrintable(error));
            QVERIFY(store.isEmpty(&error));
            QVERIFY2(store.import(fleet, server::PasswordHasher::Cost::minimal(), &error),
                     qPrintable(error));
        }
        // A second start reads the same directory back from disk.
        server::Store store;
        QVERIFY(store.open(db, &error));
        QVERIFY(!store.isEmpty(&error));
        auto fromDb = store.load(&error);
        QVERIFY2(fromDb, qPrintable(error));
        // Only hashes are stored, each of the password it was made from.
        for (qsizetype i = 0; i < fromDb->accounts.size(); ++i) {
            proto::Account &a = fromDb->accounts[i];
            QVERIFY2(server::PasswordHasher::isHash(a.password), qPrintable(a.password));
            QVERIFY(server::PasswordHasher::verifyNow(a.password, fleet.accounts.at(i).password));
            QVERIFY(!server::PasswordHasher::verifyNow(a.password, QStringLiteral("guess")));
            a.password = fleet.accounts.at(i).password;
        }
        QCOMPARE(*fromDb, fleet);
    }

    void databaseWithoutCapabilitiesIsMigrated()
    {
        // A database from before capabilities: its accounts keep every capability.
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("old.sqlite"));
        {
            QSqlDatabase old
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
            old.setDatabaseName(db);
            QVERIFY(old.open());
            QSqlQuery q(old);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE groups (id TEXT PRIMARY KEY, name TEXT"
                                          " NOT NULL, parent TEXT, ord INTEGER NOT NULL)")));
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE accounts (id TEXT PRIMARY KEY, alias"
                                          " TEXT NOT NULL, role TEXT NOT NULL, password TEXT"
                                          " NOT NULL, ord INTEGER NOT NULL)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO accounts VALUES"
                                          " ('dispatch-1','Dispatch 1','dispatcher','x',0)")));
            old.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));
        server::Store store;
        QString error;
        QVERIFY2(store.open(db, &error), qPrintable(error));
        const auto fleet = store.load(&error);
        QVERIFY2(fleet, qPrintable(error));
        QCOMPARE(fleet->accounts.size(), 1);
        QVERIFY(!fleet->accounts.first().capabilities);
        QVERIFY(fleet->accounts.first().may(proto::Capability::Emergency));
    }

    void unknownCapabilityIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("caps.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"groups":[],"accounts":[{"id":"d","role":"dispatcher","password":"p",)"
                R"("capabilities":["push","fly"]}]})");
        f.close();
        QString error;
        QVERIFY(!proto::Fleet::load(path, &error));
        QVERIFY2(error.contains(QLatin1String("unknown capability 'fly'")), qPrintable(error));
    }

    void failedImportStoresNothing()
    {
        QTemporaryDir dir;
        proto::Fleet fleet = proto::makeDemoFleet(10, 4);
        fleet.accounts.append(fleet.accounts.first()); // duplicate id: import must fail whole
        server::Store store;
        QString error;
        QVERIFY(store.open(dir.filePath(QStringLiteral("s.sqlite")), &error));
        QVERIFY(!store.import(fleet, server::PasswordHasher::Cost::minimal(), &error));
        QVERIFY(store.isEmpty(&error));
    }

    void fleetForAFullDatabaseIsRefused()
    {
        // The import is for an empty database only; a later --demo-fleet would change nothing,
        // so the server refuses to start instead of leaving the operator to wonder.
        QTemporaryDir dir;
        server::ServerOptions options;
        options.database = dir.filePath(QStringLiteral("server.sqlite"));
        options.fleet = proto::makeDemoFleet(5, 4);
        QString error;
        {
            server::Server first;
            QVERIFY2(first.start(options, &error), qPrintable(error));
        }
        options.fleet = proto::makeDemoFleet(7, 4);
        server::Server second;
        QVERIFY(!second.start(options, &error));
        QCOMPARE(error,
                 QStringLiteral("database %1 already holds a fleet of 5 units; --demo-fleet is "
                                "only for an empty database: leave it out, or give a new --db")
                     .arg(options.database));
        options.fleet.reset(); // without it the same database starts, with its own fleet
        server::Server third;
        QVERIFY2(third.start(options, &error), qPrintable(error));
        third.stop();
        server::Store store;
        QVERIFY(store.open(options.database, &error));
        const auto fromDb = store.load(&error);
        QVERIFY2(fromDb, qPrintable(error));
        QCOMPARE(fromDb->accounts.size(), 8); // the first fleet: 5 units, 2 dispatchers, 1 sup.
    }

    void initialFleetIsForTheFirstStartOnly()
    {
        // The service names its fleet file on every start (--initial-fleet): imported into the
        // empty database, then the database is the truth and the file is ignored, not refused.
        QTemporaryDir dir;
        QString error;
        QVERIFY(proto::makeDemoFleet(5, 4).save(dir.filePath(QStringLiteral("a.json")), &error));
        QVERIFY(proto::makeDemoFleet(9, 4).save(dir.filePath(QStringLiteral("b.json")), &error));
        server::ServerOptions options;
        options.database = dir.filePath(QStringLiteral("server.sqlite"));
        options.fleetFile = dir.filePath(QStringLiteral("a.json"));
        options.fleetFileFirstStartOnly = true;
        for (const char *file : {"a.json", "b.json"}) {
            options.fleetFile = dir.filePath(QString::fromLatin1(file));
            server::Server server;
            QVERIFY2(server.start(options, &error), qPrintable(error));
        }
        server::Store store;
        QVERIFY(store.open(options.database, &error));
        const auto fromDb = store.load(&error);
        QVERIFY2(fromDb, qPrintable(error));
        QCOMPARE(fromDb->accounts.size(), 8); // a.json's: 5 units, 2 dispatchers, 1 supervisor
    }

    void filesArePrivate()
    {
        // The database holds the passwords: 0600 in a 0700 directory the server made; media 0600.
        QTemporaryDir dir;
        server::ServerOptions options;
        options.database = dir.filePath(QStringLiteral("server.sqlite"));
        options.mediaDirectory = dir.filePath(QStringLiteral("media"));
        options.fleet = proto::makeDemoFleet(5, 4);
        QString error;
        server::Server server;
        QVERIFY2(server.start(options, &error), qPrintable(error));
        const auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
            | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
        for (const QString &f :
             QStringList {options.database, options.database + QStringLiteral("-wal"),
                          options.mediaDirectory}) {
            QVERIFY2(QFileInfo::exists(f), qPrintable(f));
            QVERIFY2(!(QFile::permissions(f) & others), qPrintable(f));
            QVERIFY(QFile::permissions(f) & QFileDevice::ReadOwner);
        }
    }

    void damagedDatabaseIsRefused()
    {
        QTemporaryDir dir;
        server::ServerOptions options;
        options.database = dir.filePath(QStringLiteral("server.sqlite"));
        options.fleet = proto::makeDemoFleet(200, 20);
        QString error;
        {
            server::Server first;
            QVERIFY2(first.start(options, &error), qPrintable(error));
        }
        {
            // Scribble over the pages after the first: the tables' contents are garbage now.
            QFile file(options.database);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.size() > 3 * 4096);
            file.seek(2 * 4096);
            file.write(QByteArray(2 * 4096, '\x5a'));
        }
        const QByteArray before = [&] {
            QFile f(options.database);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        options.fleet.reset();
        server::Server second;
        QVERIFY(!second.start(options, &error));
        QVERIFY2(error.contains(QLatin1String("is damaged")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("restore it from a backup")), qPrintable(error));
        QFile after(options.database);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), before); // nothing was written to it
    }

    void malformedFleetFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"groups":[{"id":"a b","name":"x"}],"accounts":[]})");
        f.close();
        QString error;
        QVERIFY(!proto::Fleet::load(path, &error));
        QVERIFY2(error.contains(QLatin1String("groups[0].id")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestFleet)
#include "tst_fleet.moc"
