// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/protocol/fleet.h"
#include "core/protocol/requests.h"

#include <QString>

#include <array>
#include <optional>
#include <span>

namespace floorline::server {

struct Login;

/// Who asks: the account's role, or a display login of any account (docs/protocol.md §4.1).
enum class Caller { Unit, Dispatcher, Supervisor, Display };
inline constexpr std::pair<const char *, Caller> kCallers[] = {{"unit", Caller::Unit},
                                                               {"dispatcher", Caller::Dispatcher},
                                                               {"supervisor", Caller::Supervisor},
                                                               {"display", Caller::Display}};

/// What one cell of the table allows.
enum class Access {
    No, ///< refused with `forbidden` before any part of the server sees the request
    Yes,
    /// Allowed within the caller's own scope only (its groups, its uploads, its emergency, the
    /// units it works with): the part that resolves the target checks it, and answers
    /// `forbidden` outside it.
    Own,
};

/// One row of the table: an action (a request, or a request with a qualifier) for each caller.
struct Permission
{
    const char *action; ///< "group.affiliate", "media.push (group)", ...
    std::array<Access, 4> access; ///< indexed by Caller
    std::optional<proto::Capability> needs; ///< the account must also have this
    const char *denied; ///< the `forbidden` message for a role that may not (not a display)
    const char *scope; ///< what Own means here; empty where no cell is Own
};

/// What a check allows.
struct Grant
{
    bool allowed = false;
    /// Allowed only within the caller's own scope (Access::Own).
    bool ownOnly = false;
    QString why; ///< for a refusal
};

/**
 * @brief The one authorization table: every request against every kind of caller, plus the
 * account's capabilities (docs/protocol.md §4.1). The hub checks each request here before any
 * service sees it; services only check the "own scope" of an Own cell, because only they know
 * the target.
 */
class Authorization
{
public:
    static std::span<const Permission> table();
    static Caller callerOf(const Login &login);
    /// The row that governs `request`.
    static const Permission &permissionFor(const proto::Request &request);
    static Grant check(const Login &login, const proto::Request &request);
    /// Highest floor priority a caller may have (docs/protocol.md §5.1); higher is lowered.
    static int maxPriority(Caller caller);
};

} // namespace floorline::server
