// SPDX-License-Identifier: Apache-2.0
#include "authorization.h"

#include "login.h"

#include "core/protocol/media.h"
#include "core/protocol/pushes.h"
#include "core/protocol/supervision.h"

#include <QHash>

namespace floorline::server {

namespace {
using proto::Capability;
constexpr Access N = Access::No;
constexpr Access Y = Access::Yes;
constexpr Access O = Access::Own;

// Columns: unit, dispatcher, supervisor, display. docs/protocol.md §4.1 shows the same table;
// tst_authorization checks that it does, and walks every cell against a real server.
constexpr Permission kTable[] = {
    {"hello", {Y, Y, Y, Y}, {}, "", ""},
    {"login", {Y, Y, Y, Y}, {}, "", ""},
    {"logout", {Y, Y, Y, Y}, {}, "", ""},
    {"ping", {Y, Y, Y, Y}, {}, "", ""},
    {"directory.get", {Y, Y, Y, Y}, {}, "", ""},
    {"group.affiliate", {O, Y, Y, N}, {}, "", "a unit: the groups listed in its own `groups`"},
    {"group.deaffiliate", {Y, Y, Y, Y}, {}, "", ""},
    {"session.create", {N, Y, Y, N}, {}, "units may not create sessions", ""},
    {"session.create (broadcast)",
     {N, Y, Y, N},
     Capability::Broadcast,
     "units may not create sessions",
     ""},
    {"session.invite", {N, Y, Y, N}, {}, "units may not invite", ""},
    {"session.leave", {Y, Y, Y, Y}, {}, "", ""},
    {"session.list", {Y, Y, Y, Y}, {}, "", ""},
    {"session.list (all)",
     {N, Y, Y, N},
     {},
     "only dispatchers and supervisors may list every session",
     ""},
    {"session.join", {N, N, Y, N}, {}, "only supervisors may join a call uninvited", ""},
    {"floor.request", {Y, Y, Y, N}, {}, "", ""},
    {"floor.request (emergency)", {Y, Y, Y, N}, Capability::Emergency, "", ""},
    {"floor.release", {Y, Y, Y, Y}, {}, "", ""},
    {"floor.queue-position", {Y, Y, Y, Y}, {}, "", ""},
    {"media.upload", {Y, Y, Y, Y}, {}, "", ""},
    {"media.upload-status", {O, O, O, O}, {}, "", "the caller's own uploads"},
    {"media.chunk", {O, O, O, O}, {}, "", "the caller's own uploads"},
    {"media.finish", {O, O, O, O}, {}, "", "the caller's own uploads"},
    {"media.get", {Y, Y, Y, Y}, {}, "", ""},
    {"media.token", {Y, Y, Y, Y}, {}, "", ""},
    {"media.push (unit)",
     {O, Y, Y, N},
     Capability::Push,
     "",
     "a unit: units that share one of its groups, and the console it is paired with"},
    {"media.push (group)",
     {O, Y, Y, N},
     Capability::PushToGroups,
     "",
     "a unit: the groups listed in its own `groups`"},
    {"media.push (bound)",
     {O, Y, Y, N},
     Capability::Push,
     "",
     "a unit: only once it is paired with a console"},
    {"media.ack", {Y, Y, Y, Y}, {}, "", ""},
    {"media.shelf", {O, Y, Y, Y}, {}, "", "a unit: the groups listed in its own `groups`"},
    {"unit.announce", {Y, Y, Y, Y}, {}, "", ""},
    {"pair.create", {N, Y, Y, N}, {}, "only consoles hand out pairing codes", ""},
    {"pair.claim", {Y, Y, Y, Y}, {}, "", ""},
    {"emergency.raise",
     {O, Y, Y, N},
     Capability::Emergency,
     "",
     "a unit: the groups listed in its own `groups`"},
    {"emergency.ack",
     {N, Y, Y, N},
     {},
     "only dispatchers and supervisors acknowledge emergencies",
     ""},
    {"emergency.cancel", {O, Y, Y, N}, {}, "", "a unit: the emergency it raised itself"},
    {"emergency.list", {Y, Y, Y, Y}, {}, "", ""},
    {"supervise", {N, N, Y, N}, {}, "only supervisors may supervise", ""},
};

QString actionOf(const proto::Request &request)
{
    return std::visit(
        [](const auto &r) -> QString {
            using T = std::decay_t<decltype(r)>;
            QString type = QLatin1String(T::kType);
            if constexpr (std::is_same_v<T, proto::SessionCreate>) {
                if (r.kind == proto::SessionKind::Broadcast)
                    type += QLatin1String(" (broadcast)");
            } else if constexpr (std::is_same_v<T, proto::SessionListGet>) {
                if (r.all)
                    type += QLatin1String(" (all)");
            } else if constexpr (std::is_same_v<T, proto::FloorRequest>) {
                if (r.type == proto::FloorType::Emergency)
                    type += QLatin1String(" (emergency)");
            } else if constexpr (std::is_same_v<T, proto::MediaPush>) {
                type += !r.to.group.isEmpty() ? QLatin1String(" (group)")
                    : r.to.bound              ? QLatin1String(" (bound)")
                                              : QLatin1String(" (unit)");
            }
            return type;
        },
        request);
}

const QHash<QString, const Permission *> &index()
{
    static const QHash<QString, const Permission *> rows = [] {
        QHash<QString, const Permission *> out;
        for (const Permission &p : kTable)
            out.insert(QLatin1String(p.action), &p);
        return out;
    }();
    return rows;
}

QString refusal(Capability c)
{
    switch (c) {
    case Capability::Emergency:
        return QStringLiteral("this account is not authorised to declare an emergency");
    case Capability::Push:
        return QStringLiteral("this account is not authorised to push media");
    case Capability::PushToGroups:
        return QStringLiteral("this account is not authorised to push to groups");
    case Capability::Broadcast:
        return QStringLiteral("this account is not authorised to start a broadcast");
    }
    return {};
}
} // namespace

std::span<const Permission> Authorization::table()
{
    return kTable;
}

Caller Authorization::callerOf(const Login &login)
{
    if (login.display)
        return Caller::Display;
    switch (login.role()) {
    case proto::Role::Unit:
        return Caller::Unit;
    case proto::Role::Dispatcher:
        return Caller::Dispatcher;
    case proto::Role::Supervisor:
        return Caller::Supervisor;
    }
    return Caller::Unit;
}

const Permission &Authorization::permissionFor(const proto::Request &request)
{
    // Every request type has a row: tst_authorization fails on one that has none.
    const Permission *row = index().value(actionOf(request));
    Q_ASSERT(row);
    return row ? *row : kTable[0];
}

Grant Authorization::check(const Login &login, const proto::Request &request)
{
    const Permission &p = permissionFor(request);
    const Caller caller = callerOf(login);
    const Access access = p.access[std::size_t(caller)];
    if (access == Access::No) {
        return {false, false,
                caller == Caller::Display ? QStringLiteral("a display takes no part in talk groups")
                                          : QString::fromUtf8(p.denied)};
    }
    if (p.needs && !login.account->may(*p.needs)) {
        return {false, false, refusal(*p.needs)};
    }
    return {true, access == Access::Own, {}};
}

int Authorization::maxPriority(Caller caller)
{
    return caller == Caller::Unit ? 7 : 15;
}

} // namespace floorline::server
