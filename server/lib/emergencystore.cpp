// SPDX-License-Identifier: Apache-2.0
#include "emergencystore.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace floorline::server {

namespace {
QString emergencyId(qint64 number)
{
    return QStringLiteral("em-%1").arg(number);
}

bool exec(QSqlQuery &q, QString *error)
{
    if (q.exec())
        return true;
    *error = q.lastError().text();
    return false;
}
} // namespace

EmergencyStore::EmergencyStore() = default;
EmergencyStore::~EmergencyStore() = default;

bool EmergencyStore::open(const QString &databasePath, QString *error)
{
    // Optional texts may be empty, which Qt binds as NULL: those columns allow it. The state is
    // stored as its index in EmergencyState (0 open, 1 acknowledged, 2 cancelled).
    return m_db.open(
        databasePath,
        {QStringLiteral("CREATE TABLE IF NOT EXISTS emergencies (number INTEGER PRIMARY KEY, "
                        "unit TEXT NOT NULL, alias TEXT, grp TEXT, session TEXT, "
                        "state INTEGER NOT NULL, raised INTEGER NOT NULL, cancelled_by TEXT, "
                        "cancelled_by_alias TEXT, cancelled INTEGER)"),
         QStringLiteral("CREATE INDEX IF NOT EXISTS emergencies_state ON emergencies (state)"),
         QStringLiteral("CREATE TABLE IF NOT EXISTS emergency_acks (number INTEGER NOT NULL, "
                        "unit TEXT NOT NULL, alias TEXT, at INTEGER NOT NULL, "
                        "PRIMARY KEY (number, unit))")},
        error);
}

QList<proto::EmergencyInfo> EmergencyStore::active() const
{
    QSqlDatabase db = m_db.database();
    QSqlQuery q(db);
    QList<proto::EmergencyInfo> out;
    QHash<qint64, qsizetype> index; // number -> position in out
    if (!q.exec(QStringLiteral("SELECT number, unit, alias, grp, session, state, raised FROM "
                               "emergencies WHERE state < 2 ORDER BY number")))
        return out;
    while (q.next()) {
        proto::EmergencyInfo e;
        e.id = emergencyId(q.value(0).toLongLong());
        e.unit = q.value(1).toString();
        e.alias = q.value(2).toString();
        e.group = q.value(3).toString();
        e.session = q.value(4).toString();
        e.state = proto::EmergencyState(q.value(5).toInt());
        e.raisedAt = q.value(6).toLongLong();
        index.insert(q.value(0).toLongLong(), out.size());
        out.append(e);
    }
    QSqlQuery a(db);
    if (a.exec(QStringLiteral("SELECT a.number, a.unit, a.alias, a.at FROM emergency_acks a JOIN "
                              "emergencies e ON e.number = a.number WHERE e.state < 2 ORDER BY "
                              "a.number, a.rowid"))) {
        while (a.next()) {
            const auto it = index.constFind(a.value(0).toLongLong());
            if (it != index.cend())
                out[*it].acks.append(
                    {a.value(1).toString(), a.value(2).toString(), a.value(3).toLongLong()});
        }
    }
    return out;
}

qint64 EmergencyStore::lastNumber() const
{
    QSqlQuery q(m_db.database());
    if (q.exec(QStringLiteral("SELECT MAX(number) FROM emergencies")) && q.next())
        return q.value(0).toLongLong();
    return 0;
}

bool EmergencyStore::add(qint64 number, const proto::EmergencyInfo &e, QString *error)
{
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("INSERT INTO emergencies (number, unit, alias, grp, session, state, "
                             "raised) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &v :
         {QVariant(number), QVariant(e.unit), QVariant(e.alias), QVariant(e.group),
          QVariant(e.session), QVariant(int(e.state)), QVariant(e.raisedAt)})
        q.addBindValue(v);
    return exec(q, error);
}

bool EmergencyStore::acknowledge(qint64 number, const proto::EmergencyAckInfo &ack, QString *error)
{
    QSqlDatabase db = m_db.database();
    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO emergency_acks (number, unit, alias, at) "
                             "VALUES (?, ?, ?, ?)"));
    q.addBindValue(number);
    q.addBindValue(ack.unit);
    q.addBindValue(ack.alias);
    q.addBindValue(ack.at);
    QSqlQuery u(db);
    u.prepare(QStringLiteral("UPDATE emergencies SET state = ? WHERE number = ?"));
    u.addBindValue(int(proto::EmergencyState::Acknowledged));
    u.addBindValue(number);
    if (!exec(q, error) || !exec(u, error) || !db.commit()) {
        if (error->isEmpty())
            *error = db.lastError().text();
        db.rollback();
        return false;
    }
    return true;
}

bool EmergencyStore::cancel(qint64 number, const proto::EmergencyInfo &e, QString *error)
{
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("UPDATE emergencies SET state = ?, cancelled_by = ?, "
                             "cancelled_by_alias = ?, cancelled = ? WHERE number = ?"));
    q.addBindValue(int(proto::EmergencyState::Cancelled));
    q.addBindValue(e.cancelledBy);
    q.addBindValue(e.cancelledByAlias);
    q.addBindValue(e.cancelledAt);
    q.addBindValue(number);
    if (!exec(q, error))
        return false;
    if (q.numRowsAffected() != 1) {
        *error = QStringLiteral("emergency %1 is not stored").arg(emergencyId(number));
        return false;
    }
    return true;
}

} // namespace floorline::server
