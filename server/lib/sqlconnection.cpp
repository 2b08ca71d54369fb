// SPDX-License-Identifier: Apache-2.0
#include "sqlconnection.h"

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

bool SqlConnection::open(const QString &path, const QStringList &schema, QString *error)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    db.setDatabaseName(path);
    if (!db.open()) {
        *error = QStringLiteral("cannot open database %1: %2").arg(path, db.lastError().text());
        return false;
    }
    for (const QString &sql : schema) {
        QSqlQuery query(db);
        if (!query.exec(sql)) {
            *error = QStringLiteral("%1: %2").arg(sql, query.lastError().text());
            return false;
        }
    }
    return true;
}

} // namespace floorline::server
