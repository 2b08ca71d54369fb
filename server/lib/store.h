// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sqlconnection.h"

#include "core/protocol/fleet.h"

#include <QString>

#include <optional>

namespace floorline::server {

/**
 * @brief The server's SQLite database (Qt SQL): accounts, group tree, memberships.
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
    /// Imports a validated fleet in one transaction: all of it or nothing.
    bool import(const proto::Fleet &fleet, QString *error);
    std::optional<proto::Fleet> load(QString *error);

private:
    SqlConnection m_db {QStringLiteral("store")};
};

} // namespace floorline::server
