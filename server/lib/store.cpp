// SPDX-License-Identifier: Apache-2.0
#include "store.h"

#include <QHash>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <thread>
#include <vector>

Q_LOGGING_CATEGORY(lcStore, "floorline.server.store", QtInfoMsg)

namespace floorline::server {

namespace {
bool exec(QSqlQuery &query, QString *error)
{
    if (query.exec())
        return true;
    *error = query.lastError().text();
    return false;
}

/// NULL for "every capability", else the names joined by commas ("" for none).
QVariant capabilitiesText(const proto::Account &a)
{
    if (!a.capabilities)
        return QVariant(QMetaType::fromType<QString>());
    QStringList names;
    for (proto::Capability c : *a.capabilities)
        names.append(proto::enumName(proto::kCapabilities, c));
    // An empty list is '' (no capability), not NULL (all of them).
    return names.isEmpty() ? QVariant(QStringLiteral("")) : QVariant(names.join(QLatin1Char(',')));
}
/// Each account's password as argon2id: hashed at `cost` if plain, kept if a hash already. On
/// every core: each thread writes only its own slots (plain threads: Qt Concurrent's futures
/// are not instrumented for ThreadSanitizer).
QStringList hashAll(const QList<proto::Account> &accounts, PasswordHasher::Cost cost)
{
    std::vector<QString> hashes(std::size_t(accounts.size()));
    const unsigned workers = std::max(1u, std::min(std::thread::hardware_concurrency(), 8u));
    std::vector<std::thread> threads;
    for (unsigned w = 0; w < workers; ++w) {
        threads.emplace_back([&, w] {
            for (std::size_t i = w; i < hashes.size(); i += workers) {
                const QString &password = accounts.at(qsizetype(i)).password;
                // An empty password would let anybody in who knows the account's name.
                hashes[i] = password.isEmpty() || password == PasswordHasher::locked()
                    ? PasswordHasher::locked()
                    : PasswordHasher::isHash(password) ? password
                                                       : PasswordHasher::hash(password, cost);
            }
        });
    }
    for (std::thread &t : threads)
        t.join();
    return QStringList(hashes.cbegin(), hashes.cend());
}
} // namespace

Store::Store() = default;
Store::~Store() = default;

bool Store::open(const QString &path, QString *error)
{
    const QStringList schema = {
        QStringLiteral("PRAGMA journal_mode=WAL"),
        QStringLiteral("PRAGMA foreign_keys=ON"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS groups (id TEXT PRIMARY KEY, name TEXT NOT NULL,"
                       " parent TEXT REFERENCES groups(id), ord INTEGER NOT NULL,"
                       " recorded INTEGER NOT NULL DEFAULT 1)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS accounts (id TEXT PRIMARY KEY,"
                       " alias TEXT NOT NULL, role TEXT NOT NULL, password TEXT NOT NULL,"
                       " ord INTEGER NOT NULL, capabilities TEXT)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS memberships (account TEXT NOT NULL"
                       " REFERENCES accounts(id), grp TEXT NOT NULL REFERENCES groups(id),"
                       " ord INTEGER NOT NULL, PRIMARY KEY (account, grp))"),
    };
    if (!m_db.open(path, schema, error, true))
        return false;
    // Databases made before capabilities existed get the column; NULL means "all of them".
    QSqlQuery columns(m_db.database());
    if (!columns.exec(QStringLiteral("SELECT COUNT(*) FROM pragma_table_info('accounts')"
                                     " WHERE name = 'capabilities'"))
        || !columns.next()) {
        *error = columns.lastError().text();
        return false;
    }
    if (columns.value(0).toInt() == 0) {
        QSqlQuery alter(m_db.database());
        if (!alter.exec(QStringLiteral("ALTER TABLE accounts ADD COLUMN capabilities TEXT"))) {
            *error = alter.lastError().text();
            return false;
        }
    }
    // ... and before recording, the groups' handling instruction (recorded unless it says not).
    QSqlQuery recorded(m_db.database());
    if (!recorded.exec(QStringLiteral("SELECT COUNT(*) FROM pragma_table_info('groups')"
                                      " WHERE name = 'recorded'"))
        || !recorded.next()) {
        *error = recorded.lastError().text();
        return false;
    }
    if (recorded.value(0).toInt() == 0) {
        QSqlQuery alter(m_db.database());
        if (!alter.exec(QStringLiteral(
                "ALTER TABLE groups ADD COLUMN recorded INTEGER NOT NULL DEFAULT 1"))) {
            *error = alter.lastError().text();
            return false;
        }
    }
    qCInfo(lcStore) << "database" << path;
    return true;
}

bool Store::isEmpty(QString *error)
{
    QSqlQuery query(m_db.database());
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM accounts"));
    if (!exec(query, error) || !query.next())
        return false;
    return query.value(0).toInt() == 0;
}

bool Store::import(const proto::Fleet &fleet, PasswordHasher::Cost cost, QString *error)
{
    if (!fleet.validate(error))
        return false;
    const QStringList hashes = hashAll(fleet.accounts, cost);
    if (hashes.contains(QString())) {
        *error = QStringLiteral("hashing the passwords failed (out of memory?)");
        return false;
    }
    QSqlDatabase db = m_db.database();
    db.transaction();
    auto fail = [&](const QString &what) {
        *error = what;
        db.rollback();
        return false;
    };
    // Parents first: insert in an order where every parent precedes its children.
    QList<proto::GroupInfo> pending = fleet.groups;
    QSet<QString> inserted;
    int order = 0;
    while (!pending.isEmpty()) {
        const qsizetype before = pending.size();
        for (auto it = pending.begin(); it != pending.end();) {
            if (!it->parent.isEmpty() && !inserted.contains(it->parent)) {
                ++it;
                continue;
            }
            QSqlQuery q(db);
            q.prepare(QStringLiteral("INSERT INTO groups (id, name, parent, ord, recorded)"
                                     " VALUES (?,?,?,?,?)"));
            q.addBindValue(it->id);
            q.addBindValue(it->name);
            q.addBindValue(it->parent.isEmpty() ? QVariant() : QVariant(it->parent));
            q.addBindValue(order++);
            q.addBindValue(it->recorded ? 1 : 0);
            QString e;
            if (!exec(q, &e))
                return fail(e);
            inserted.insert(it->id);
            it = pending.erase(it);
        }
        if (pending.size() == before)
            return fail(QStringLiteral("group tree has a cycle"));
    }
    order = 0;
    for (const proto::Account &a : fleet.accounts) {
        QSqlQuery q(db);
        q.prepare(
            QStringLiteral("INSERT INTO accounts (id, alias, role, password, ord, capabilities)"
                           " VALUES (?,?,?,?,?,?)"));
        q.addBindValue(a.unit.id);
        q.addBindValue(a.unit.alias);
        q.addBindValue(proto::enumName(proto::kRoles, a.unit.role));
        q.addBindValue(hashes.at(order));
        q.addBindValue(order++);
        q.addBindValue(capabilitiesText(a));
        QString e;
        if (!exec(q, &e))
            return fail(e);
        int groupOrder = 0;
        for (const QString &g : a.unit.groups) {
            QSqlQuery m(db);
            m.prepare(QStringLiteral("INSERT INTO memberships (account, grp, ord) VALUES (?,?,?)"));
            m.addBindValue(a.unit.id);
            m.addBindValue(g);
            m.addBindValue(groupOrder++);
            if (!exec(m, &e))
                return fail(e);
        }
    }
    if (!db.commit())
        return fail(db.lastError().text());
    qCInfo(lcStore) << "imported" << fleet.groups.size() << "groups and" << fleet.accounts.size()
                    << "accounts";
    return true;
}

int Store::migratePasswords(PasswordHasher::Cost cost, QString *error)
{
    QSqlDatabase db = m_db.database();
    QSqlQuery plain(db);
    if (!plain.exec(QStringLiteral("SELECT id, password FROM accounts WHERE password NOT LIKE"
                                   " '$argon2id$%' AND password <> '!'"))) {
        *error = plain.lastError().text();
        return -1;
    }
    QList<proto::Account> accounts;
    while (plain.next()) {
        proto::Account a;
        a.unit.id = plain.value(0).toString();
        a.password = plain.value(1).toString();
        accounts.append(a);
    }
    if (accounts.isEmpty())
        return 0;
    qCInfo(lcStore) << "hashing" << accounts.size() << "plain passwords (argon2id)";
    const QStringList hashes = hashAll(accounts, cost);
    db.transaction();
    for (qsizetype i = 0; i < accounts.size(); ++i) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("UPDATE accounts SET password = ? WHERE id = ?"));
        q.addBindValue(hashes.at(i));
        q.addBindValue(accounts.at(i).unit.id);
        if (hashes.at(i).isEmpty() || !q.exec()) {
            *error = hashes.at(i).isEmpty() ? QStringLiteral("hashing a password failed")
                                            : q.lastError().text();
            db.rollback();
            return -1;
        }
    }
    if (!db.commit()) {
        *error = db.lastError().text();
        return -1;
    }
    return int(accounts.size());
}

bool Store::setPasswordHash(const QString &unit, const QString &hash, QString *error)
{
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("UPDATE accounts SET password = ? WHERE id = ?"));
    q.addBindValue(hash);
    q.addBindValue(unit);
    if (!exec(q, error))
        return false;
    if (q.numRowsAffected() != 1) {
        *error = QStringLiteral("no account '%1'").arg(unit);
        return false;
    }
    return true;
}

std::optional<proto::Fleet> Store::load(QString *error)
{
    QSqlDatabase db = m_db.database();
    proto::Fleet fleet;
    QSqlQuery groups(db);
    groups.prepare(QStringLiteral("SELECT id, name, parent, recorded FROM groups ORDER BY ord"));
    if (!exec(groups, error))
        return std::nullopt;
    while (groups.next())
        fleet.groups.append({groups.value(0).toString(), groups.value(1).toString(),
                             groups.value(2).toString(), groups.value(3).toBool()});

    QHash<QString, QStringList> memberships;
    QSqlQuery m(db);
    m.prepare(QStringLiteral("SELECT account, grp FROM memberships ORDER BY account, ord"));
    if (!exec(m, error))
        return std::nullopt;
    while (m.next())
        memberships[m.value(0).toString()].append(m.value(1).toString());

    QSqlQuery accounts(db);
    accounts.prepare(QStringLiteral(
        "SELECT id, alias, role, password, capabilities FROM accounts ORDER BY ord"));
    if (!exec(accounts, error))
        return std::nullopt;
    while (accounts.next()) {
        proto::Account a;
        a.unit.id = accounts.value(0).toString();
        a.unit.alias = accounts.value(1).toString();
        const QString role = accounts.value(2).toString();
        for (const auto &[name, value] : proto::kRoles) {
            if (role == QLatin1String(name))
                a.unit.role = value;
        }
        a.password = accounts.value(3).toString();
        if (!accounts.value(4).isNull()) {
            QList<proto::Capability> granted;
            const QStringList names
                = accounts.value(4).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
            for (const QString &n : names) {
                for (const auto &[name, value] : proto::kCapabilities) {
                    if (n == QLatin1String(name))
                        granted.append(value);
                }
            }
            a.capabilities = granted;
        }
        a.unit.groups = memberships.value(a.unit.id);
        fleet.accounts.append(a);
    }
    return fleet;
}

} // namespace floorline::server
