// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "types.h"

#include <QList>

namespace floorline::proto {

/// An account as configured: directory entry plus its login secret.
struct Account
{
    UnitInfo unit; ///< id, alias, role, groups (memberships)
    QString password;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const Account &) const = default;
};

/**
 * @brief The fleet file: group tree, accounts and memberships (docs/operations.md §Fleet file).
 *
 * The server imports it into SQLite on first start; the simulator reads the same file to know
 * which units it plays.
 */
struct Fleet
{
    QList<GroupInfo> groups;
    QList<Account> accounts;

    void read(JsonReader &r);
    QJsonObject toJson() const;
    /// Checks references: unique ids, parents and memberships that exist, no cycles.
    bool validate(QString *error) const;
    bool operator==(const Fleet &) const = default;

    static std::optional<Fleet> load(const QString &path, QString *error);
    bool save(const QString &path, QString *error) const;
};

/**
 * Builds a deterministic demo fleet: a three-level group tree (everyone > regions > talk groups)
 * with `groups` groups in all, `units` field units spread over the talk groups (every tenth unit
 * also in a neighbouring group), two dispatchers and a supervisor. Each password equals the
 * account id — demo only.
 */
Fleet makeDemoFleet(int units, int groups);

} // namespace floorline::proto
