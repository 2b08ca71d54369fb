// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/protocol/events.h"
#include "core/protocol/types.h"

#include <optional>

namespace floorline::console {

/**
 * @brief Who holds a session's floor, as the console shows it: from a Floor Taken, or from the
 * floor of a session snapshot (late entry, a re-login).
 */
struct FloorHolder
{
    QString session;
    QString talker; ///< unit id
    QString alias;
    quint32 ssrc = 0;
    proto::FloorType type = proto::FloorType::Normal;
    int priority = 0;
    QString media; ///< the item the spurt shows; empty: none

    static FloorHolder of(const proto::FloorTaken &t)
    {
        return {t.session, t.talker, t.alias, t.ssrc, t.type, t.priority, t.media};
    }
    /// The holder of a snapshot's floor; none while it is idle or its media has not started.
    static std::optional<FloorHolder> of(const proto::SessionInfo &s)
    {
        if (s.floor.state == proto::FloorState::Idle || s.floor.ssrc == 0)
            return std::nullopt;
        return FloorHolder {s.id,         s.floor.talker,   s.floor.alias, s.floor.ssrc,
                            s.floor.type, s.floor.priority, s.floor.media};
    }
    /// What the dispatcher reads: the alias, or the id of a unit that has none.
    QString name() const { return alias.isEmpty() ? talker : alias; }
    bool emergency() const { return type == proto::FloorType::Emergency; }
    /// The same spurt (seen again through a snapshot after a reconnect).
    bool sameSpurt(const FloorHolder &o) const
    {
        return session == o.session && talker == o.talker && ssrc == o.ssrc && type == o.type;
    }
};

} // namespace floorline::console
