// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "passwordhasher.h"
#include "sqlconnection.h"

#include "core/protocol/fleet.h"

#include <QString>

#include <optional>

namespace floorline::server {

/**
 * @brief The server's SQLite database (Qt SQL): accounts, group tree, memberships.
 *
 * Passwords are kept only as argon2id hashes: a fleet's plain passwords are hashed as they are
 * imported, and a database from before hashing is migrated when it is opened.
 *
 * The fleet file is imported once, on the first start against an empty database; after that the
 * database is the source of truth. Each Store has its own named connection so several servers
 * can run in one process (the integration tests do).
 */
class Store
{
public:
    Store();
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    bool open(const QString &path, QString *error);
    bool isEmpty(QString *error);
    /// Imports a validated fleet in one transaction: all of it or nothing. Plain passwords are
    /// hashed at `cost` (on every core); hashes in the fleet are kept as they are.
    bool import(const proto::Fleet &fleet, PasswordHasher::Cost cost, QString *error);
    /// Hashes every password still stored in plain text; returns how many (-1 on failure).
    int migratePasswords(PasswordHasher::Cost cost, QString *error);
    /// Sets one account's password hash; false (and `error`) for an unknown account.
    bool setPasswordHash(const QString &unit, const QString &hash, QString *error);
    std::optional<proto::Fleet> load(QString *error);

private:
    SqlConnection m_db {QStringLiteral("store")};
};

} // namespace floorline::server
