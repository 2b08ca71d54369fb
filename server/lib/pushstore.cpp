// SPDX-License-Identifier: Apache-2.0
#include "pushstore.h"

#include <QDateTime>

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace floorline::server {

namespace {
constexpr const char *kPushColumns
    = "p.sender, p.push, p.sender_alias, p.grp, p.bound, p.media, p.link, p.note, p.created";

StoredPush pushFrom(const QSqlQuery &q)
{
    return {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
            q.value(3).toString(), q.value(4).toBool(),   q.value(5).toString(),
            q.value(6).toString(), q.value(7).toString(), q.value(8).toLongLong()};
}
} // namespace

PushStore::PushStore() = default;
PushStore::~PushStore() = default;

bool PushStore::open(const QString &databasePath, QString *error)
{
    // Optional texts may be empty, which Qt binds as NULL: those columns allow it.
    return m_db.open(
        databasePath,
        {QStringLiteral("CREATE TABLE IF NOT EXISTS pushes (sender TEXT NOT NULL, push TEXT NOT "
                        "NULL, sender_alias TEXT, grp TEXT, bound INTEGER NOT NULL, media TEXT, "
                        "link TEXT, note TEXT, created INTEGER NOT NULL, "
                        "PRIMARY KEY (sender, push))"),
         QStringLiteral("CREATE TABLE IF NOT EXISTS push_recipients (sender TEXT NOT NULL, "
                        "push TEXT NOT NULL, unit TEXT NOT NULL, display_only INTEGER NOT NULL, "
                        "state INTEGER NOT NULL, PRIMARY KEY (sender, push, unit))"),
         QStringLiteral("CREATE INDEX IF NOT EXISTS push_recipients_pending ON "
                        "push_recipients (unit, state)"),
         QStringLiteral("CREATE INDEX IF NOT EXISTS pushes_group ON pushes (grp, created)"),
         QStringLiteral("CREATE INDEX IF NOT EXISTS pushes_media ON pushes (media)"),
         QStringLiteral("CREATE TABLE IF NOT EXISTS pairings (device TEXT PRIMARY KEY, "
                        "console TEXT NOT NULL)")},
        error);
}

std::optional<QList<proto::PushRecipient>> PushStore::recipients(const QString &sender,
                                                                 const QString &push) const
{
    QSqlDatabase db = m_db.database();
    QSqlQuery exists(db);
    exists.prepare(QStringLiteral("SELECT 1 FROM pushes WHERE sender = ? AND push = ?"));
    exists.addBindValue(sender);
    exists.addBindValue(push);
    if (!exists.exec() || !exists.next())
        return std::nullopt;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT unit, state FROM push_recipients WHERE sender = ? AND "
                             "push = ? ORDER BY unit"));
    q.addBindValue(sender);
    q.addBindValue(push);
    QList<proto::PushRecipient> out;
    if (q.exec()) {
        while (q.next())
            out.append({q.value(0).toString(), proto::PushState(q.value(1).toInt())});
    }
    return out;
}

bool PushStore::carried(const QString &id, const QString &unit) const
{
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("SELECT 1 FROM pushes p WHERE p.media = ? AND (p.sender = ? OR EXISTS "
                             "(SELECT 1 FROM push_recipients r WHERE r.sender = p.sender AND "
                             "r.push = p.push AND r.unit = ?)) LIMIT 1"));
    q.addBindValue(id);
    q.addBindValue(unit);
    q.addBindValue(unit);
    return q.exec() && q.next();
}

bool PushStore::add(const StoredPush &p, const QList<std::pair<QString, bool>> &recipients,
                    QString *error)
{
    QSqlDatabase db = m_db.database();
    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO pushes (sender, push, sender_alias, grp, bound, media, "
                             "link, note, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &v : {QVariant(p.sender), QVariant(p.push), QVariant(p.senderAlias),
                              QVariant(p.group), QVariant(p.bound ? 1 : 0), QVariant(p.media),
                              QVariant(p.link), QVariant(p.note), QVariant(p.createdMs)})
        q.addBindValue(v);
    bool ok = q.exec();
    QSqlQuery r(db);
    r.prepare(QStringLiteral("INSERT INTO push_recipients (sender, push, unit, display_only, "
                             "state) VALUES (?, ?, ?, ?, 0)"));
    for (qsizetype i = 0; ok && i < recipients.size(); ++i) {
        r.addBindValue(p.sender);
        r.addBindValue(p.push);
        r.addBindValue(recipients[i].first);
        r.addBindValue(recipients[i].second ? 1 : 0);
        ok = r.exec();
    }
    if (!ok) {
        *error = (q.lastError().isValid() ? q.lastError() : r.lastError()).text();
        db.rollback();
        return false;
    }
    if (!db.commit()) {
        *error = db.lastError().text();
        db.rollback();
        return false;
    }
    return true;
}

QList<PushDelivery> PushStore::pending(const QString &unit) const
{
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("SELECT %1, r.display_only, r.state FROM push_recipients r JOIN "
                             "pushes p ON p.sender = r.sender AND p.push = r.push WHERE r.unit = "
                             "? AND r.state = 0 ORDER BY p.created, p.push")
                  .arg(QLatin1String(kPushColumns)));
    q.addBindValue(unit);
    QList<PushDelivery> out;
    if (q.exec()) {
        while (q.next())
            out.append(
                {pushFrom(q), unit, q.value(9).toBool(), proto::PushState(q.value(10).toInt())});
    }
    return out;
}

int PushStore::pendingCount(const QString &unit) const
{
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM push_recipients WHERE unit = ? AND state = 0"));
    q.addBindValue(unit);
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

int PushStore::expire(qint64 maxAgeMs)
{
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("DELETE FROM push_recipients WHERE state = 0 AND EXISTS (SELECT 1 "
                             "FROM pushes p WHERE p.sender = push_recipients.sender AND p.push = "
                             "push_recipients.push AND p.created < ?)"));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch() - maxAgeMs);
    return q.exec() ? q.numRowsAffected() : 0;
}

PushStore::Advance PushStore::advance(const QString &sender, const QString &push,
                                      const QString &unit, proto::PushState state)
{
    QSqlDatabase db = m_db.database();
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "SELECT state FROM push_recipients WHERE sender = ? AND push = ? AND unit = ?"));
    q.addBindValue(sender);
    q.addBindValue(push);
    q.addBindValue(unit);
    if (!q.exec())
        return Advance::Failed;
    if (!q.next())
        return Advance::Unknown;
    if (q.value(0).toInt() >= int(state))
        return Advance::Unchanged;
    QSqlQuery u(db);
    u.prepare(QStringLiteral(
        "UPDATE push_recipients SET state = ? WHERE sender = ? AND push = ? AND unit = ?"));
    u.addBindValue(int(state));
    u.addBindValue(sender);
    u.addBindValue(push);
    u.addBindValue(unit);
    return u.exec() && u.numRowsAffected() == 1 ? Advance::Moved : Advance::Failed;
}

QList<StoredPush> PushStore::shelf(const QString &group, int limit) const
{
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("SELECT %1 FROM pushes p WHERE p.grp = ? ORDER BY p.created DESC, "
                             "p.push DESC LIMIT ?")
                  .arg(QLatin1String(kPushColumns)));
    q.addBindValue(group);
    q.addBindValue(limit);
    QList<StoredPush> out;
    if (q.exec()) {
        while (q.next())
            out.append(pushFrom(q));
    }
    return out;
}

QHash<QString, QString> PushStore::pairings() const
{
    QSqlQuery q(m_db.database());
    QHash<QString, QString> out;
    if (q.exec(QStringLiteral("SELECT device, console FROM pairings"))) {
        while (q.next())
            out.insert(q.value(0).toString(), q.value(1).toString());
    }
    return out;
}

bool PushStore::pair(const QString &device, const QString &console, QString *error)
{
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO pairings (device, console) VALUES (?, ?)"));
    q.addBindValue(device);
    q.addBindValue(console);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

} // namespace floorline::server
