// SPDX-License-Identifier: Apache-2.0
#include "sqlconnection.h"

#include "privatefiles.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace floorline::server {

SqlConnection::SqlConnection(const QString &purpose)
    : m_name(
        QStringLiteral("floorline-%1-%2").arg(purpose, QUuid::createUuid().toString(QUuid::Id128)))
{ }

SqlConnection::~SqlConnection()
{
    {
        QSqlDatabase db = database();
        if (db.isOpen())
            db.close();
    } // the handle must be gone before the connection is removed
    QSqlDatabase::removeDatabase(m_name);
}

QSqlDatabase SqlConnection::database() const
{
    return QSqlDatabase::database(m_name, false);
}

bool SqlConnection::open(const QString &path, const QStringList &schema, QString *error, bool check)
{
    if (path != QLatin1String(":memory:") && !privatefiles::restrictFile(path, error))
        return false;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    db.setDatabaseName(path);
    if (!db.open()) {
        *error = QStringLiteral("cannot open database %1: %2").arg(path, db.lastError().text());
        return false;
    }
    if (check) {
        QSqlQuery quick(db);
        const bool ran = quick.exec(QStringLiteral("PRAGMA quick_check")) && quick.next();
        const QString verdict = ran ? quick.value(0).toString() : quick.lastError().text();
        if (verdict != QLatin1String("ok")) {
            *error = QStringLiteral("database %1 is damaged (%2); the server does not write to"
                                    " a damaged database: restore it from a backup or move it"
                                    " away")
                         .arg(path, verdict);
            return false;
        }
    }
    // WAL with synchronous=FULL: a transaction that committed survives a power loss, not only
    // a killed process (NORMAL may lose the last ones). Every connection sets it: it is per
    // connection in SQLite.
    QStringList statements {QStringLiteral("PRAGMA synchronous=FULL")};
    statements += schema;
    for (const QString &sql : statements) {
        QSqlQuery query(db);
        if (!query.exec(sql)) {
            *error = QStringLiteral("%1: %2").arg(sql, query.lastError().text());
            return false;
        }
    }
    return true;
}

} // namespace floorline::server
