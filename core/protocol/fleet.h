// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "types.h"

#include <QJsonArray>
#include <QList>

#include <optional>

namespace floorline::proto {

/// What an account may do beyond its role (MCPTT's user profile: "authorised to initiate an
/// emergency", ...). An account without a list in the fleet file has all of them.
enum class Capability { Emergency, Push, PushToGroups, Broadcast };
inline constexpr std::pair<const char *, Capability> kCapabilities[]
    = {{"emergency", Capability::Emergency},
       {"push", Capability::Push},
       {"push-groups", Capability::PushToGroups},
       {"broadcast", Capability::Broadcast}};

/// An account as configured: directory entry plus its login secret.
struct Account
{
    UnitInfo unit; ///< id, alias, role, groups (memberships)
    QString password;
    /// Given: exactly these; absent: every capability.
    std::optional<QList<Capability>> capabilities;
    bool may(Capability c) const { return !capabilities || capabilities->contains(c); }
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
    /// The same from the file's bytes; `error` then does not name a file.
    static std::optional<Fleet> fromJson(const QByteArray &text, QString *error);
    bool save(const QString &path, QString *error) const;
};

/**
 * Builds a deterministic demo fleet: a three-level group tree (everyone > regions > talk groups)
 * with `groups` groups in all, `units` field units spread over the talk groups (every tenth unit
 * also in a neighbouring group), two dispatchers and a supervisor. Each password equals the
 * account id — demo only.
 */
/// The names of `capabilities` as the fleet file writes them.
QJsonArray capabilityNames(const QList<Capability> &capabilities);

Fleet makeDemoFleet(int units, int groups);

} // namespace floorline::proto
