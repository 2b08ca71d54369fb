// SPDX-License-Identifier: Apache-2.0
#include "fleet.h"

#include "jsonstrict.h"

#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>

#include <algorithm>

namespace floorline::proto {

void Account::read(JsonReader &r)
{
    unit.id = r.id("id");
    unit.alias = r.string("alias", 128, unit.id);
    unit.role = r.enumeration("role", kRoles, Role::Unit);
    unit.groups = r.idList("groups", 4096, false);
    // Optional: an account without one cannot log in until an operator sets it.
    password = r.string("password", 256, QString());
    if (r.has("capabilities")) {
        QList<Capability> granted;
        const QJsonValue list = r.object().value(QLatin1String("capabilities"));
        if (!list.isArray()) {
            r.fail(QStringLiteral("capabilities"), QStringLiteral("must be a list"));
            return;
        }
        for (const QJsonValue &v : list.toArray()) {
            const auto found = std::find_if(
                std::begin(kCapabilities), std::end(kCapabilities),
                [&](const auto &entry) { return v.toString() == QLatin1String(entry.first); });
            if (found == std::end(kCapabilities)) {
                r.fail(QStringLiteral("capabilities"),
                       QStringLiteral("unknown capability '%1'").arg(v.toString()));
                return;
            }
            if (!granted.contains(found->second))
                granted.append(found->second);
        }
        capabilities = granted;
    }
}

QJsonObject Account::toJson() const
{
    QJsonObject out {{QStringLiteral("id"), unit.id},
                     {QStringLiteral("alias"), unit.alias},
                     {QStringLiteral("role"), enumName(kRoles, unit.role)},
                     {QStringLiteral("groups"), toJsonArray(unit.groups)},
                     {QStringLiteral("password"), password}};
    if (capabilities)
        out.insert(QStringLiteral("capabilities"), capabilityNames(*capabilities));
    return out;
}

QJsonArray capabilityNames(const QList<Capability> &capabilities)
{
    QJsonArray names;
    for (Capability c : capabilities)
        names.append(enumName(kCapabilities, c));
    return names;
}

void Fleet::read(JsonReader &r)
{
    groups = r.list<GroupInfo>("groups", 100000);
    accounts = r.list<Account>("accounts", 1000000);
}

QJsonObject Fleet::toJson() const
{
    return {{QStringLiteral("groups"), toJsonArray(groups)},
            {QStringLiteral("accounts"), toJsonArray(accounts)}};
}

bool Fleet::validate(QString *error) const
{
    QHash<QString, QString> parents;
    for (const GroupInfo &g : groups) {
        if (g.id.size() > 48) {
            *error = QStringLiteral("group id '%1' is longer than 48 characters").arg(g.id);
            return false;
        }
        if (parents.contains(g.id)) {
            *error = QStringLiteral("group '%1' is defined twice").arg(g.id);
            return false;
        }
        parents.insert(g.id, g.parent);
    }
    for (const GroupInfo &g : groups) {
        if (!g.parent.isEmpty() && !parents.contains(g.parent)) {
            *error = QStringLiteral("group '%1' has unknown parent '%2'").arg(g.id, g.parent);
            return false;
        }
        // Walk up; more steps than groups means a cycle.
        QString at = g.parent;
        for (qsizetype steps = 0; !at.isEmpty(); ++steps) {
            if (steps > parents.size()) {
                *error = QStringLiteral("group '%1' is part of a parent cycle").arg(g.id);
                return false;
            }
            at = parents.value(at);
        }
    }
    QSet<QString> ids;
    for (const Account &a : accounts) {
        if (ids.contains(a.unit.id)) {
            *error = QStringLiteral("account '%1' is defined twice").arg(a.unit.id);
            return false;
        }
        ids.insert(a.unit.id);
        for (const QString &g : a.unit.groups) {
            if (!parents.contains(g)) {
                *error = QStringLiteral("account '%1' is a member of unknown group '%2'")
                             .arg(a.unit.id, g);
                return false;
            }
        }
    }
    return true;
}

std::optional<Fleet> Fleet::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    auto fleet = fromJson(file.readAll(), error);
    if (!fleet)
        *error = path + QStringLiteral(": ") + *error;
    return fleet;
}

std::optional<Fleet> Fleet::fromJson(const QByteArray &text, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
    if (!doc.isObject()) {
        *error = QStringLiteral("not a JSON object (%1)").arg(parseError.errorString());
        return std::nullopt;
    }
    if (const auto key = firstDuplicateKey(text)) {
        // Two passwords or two role lines for one account: which one was meant is unknowable.
        *error = QStringLiteral("duplicate key '%1'").arg(*key);
        return std::nullopt;
    }
    JsonReader reader(doc.object());
    Fleet fleet;
    fleet.read(reader);
    if (!reader.ok()) {
        *error = reader.error();
        return std::nullopt;
    }
    if (!fleet.validate(error))
        return std::nullopt;
    return fleet;
}

bool Fleet::save(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    file.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

Fleet makeDemoFleet(int units, int groups)
{
    static const char *const kRegions[] = {"North", "South", "East", "West", "Central", "Harbour"};
    static const char *const kKinds[] = {"Engine", "Medic", "Patrol", "Ladder", "Rescue", "Unit"};
    Fleet fleet;
    groups = std::max(groups, 3);
    fleet.groups.append({QStringLiteral("all"), QStringLiteral("All units"), {}});
    // One region per five groups keeps the tree three levels deep at any size.
    const int regions = std::clamp((groups - 1) / 5, 1, groups - 2);
    for (int r = 0; r < regions; ++r) {
        const QString name = QLatin1String(kRegions[r % 6])
            + (r >= 6 ? QStringLiteral(" %1").arg(r / 6 + 1) : QString());
        fleet.groups.append({QStringLiteral("region-%1").arg(r + 1), name, QStringLiteral("all")});
    }
    const int talkGroups = groups - 1 - regions;
    QStringList leaves;
    for (int t = 0; t < talkGroups; ++t) {
        const int region = t % regions;
        const QString id = QStringLiteral("tg-%1").arg(t + 1, 3, 10, QLatin1Char('0'));
        fleet.groups.append(
            {id,
             QStringLiteral("%1 Ops %2").arg(fleet.groups.at(1 + region).name).arg(t / regions + 1),
             QStringLiteral("region-%1").arg(region + 1)});
        leaves.append(id);
    }
    for (int u = 0; u < units; ++u) {
        Account a;
        a.unit.id = QStringLiteral("unit-%1").arg(u + 1, 4, 10, QLatin1Char('0'));
        a.unit.alias = QStringLiteral("%1 %2").arg(QLatin1String(kKinds[u % 6])).arg(u + 1);
        a.unit.role = Role::Unit;
        a.unit.groups = {leaves.at(u % leaves.size())};
        if (u % 10 == 9 && leaves.size() > 1)
            a.unit.groups.append(leaves.at((u + 1) % leaves.size()));
        a.password = a.unit.id;
        fleet.accounts.append(a);
    }
    for (int d = 1; d <= 2; ++d) {
        Account a;
        a.unit.id = QStringLiteral("dispatch-%1").arg(d);
        a.unit.alias = QStringLiteral("Dispatch %1").arg(d);
        a.unit.role = Role::Dispatcher;
        a.password = a.unit.id;
        fleet.accounts.append(a);
    }
    Account s;
    s.unit.id = QStringLiteral("supervisor");
    s.unit.alias = QStringLiteral("Supervisor");
    s.unit.role = Role::Supervisor;
    s.password = s.unit.id;
    fleet.accounts.append(s);
    return fleet;
}

} // namespace floorline::proto
