// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emergencystore.h"
#include "stats.h"

#include "core/protocol/events.h"
#include "core/protocol/fleet.h"
#include "core/protocol/requests.h"

#include <QHash>
#include <QJsonObject>

#include <functional>
#include <optional>
#include <type_traits>

namespace floorline::server {

/// The requests EmergencyService answers (docs/protocol.md §11.2-§11.5).
template<typename T>
inline constexpr bool kIsEmergencyRequest = std::disjunction_v<
    std::is_same<T, proto::EmergencyRaise>, std::is_same<T, proto::EmergencyAcknowledge>,
    std::is_same<T, proto::EmergencyCancel>, std::is_same<T, proto::EmergencyListGet>>;

/// Who hears about one emergency besides every dispatcher and supervisor login.
struct EmergencyAudience
{
    QString unit; ///< the raising unit: all its logins
    QString group; ///< the logins affiliated to this group; empty: none
};

/**
 * @brief Emergencies as objects with a lifecycle (docs/protocol.md §11): raised by a unit (an
 * emergency floor request or `emergency.raise`), acknowledged by consoles, cancelled by the unit
 * or a console, stored so a restart keeps the open ones.
 *
 * It decides and stores; the hub routes requests here and carries the events to the logins the
 * `Fanout` names (an audience is resolved against live logins only when an event goes out).
 * Thread rule: the server's signaling thread, like the hub.
 */
class EmergencyService
{
public:
    using Fanout = std::function<void(const EmergencyAudience &, const proto::Event &)>;
    /// A request's answer: an error, or the result to send.
    struct Answer
    {
        std::optional<proto::Error> error;
        QJsonObject result;
    };

    EmergencyService(EmergencyStore &store, const QHash<QString, const proto::GroupInfo *> &groups,
                     SignalingStats &stats, Fanout fanout);

    /// `ownOnly`: the caller may act only within its own scope (its groups, its emergency), as
    /// the authorization table says (docs/protocol.md §4.1); who may ask at all is checked there.
    Answer handle(const proto::Account &caller, bool ownOnly, const proto::EmergencyRaise &r);
    Answer handle(const proto::Account &caller, bool ownOnly, const proto::EmergencyAcknowledge &r);
    Answer handle(const proto::Account &caller, bool ownOnly, const proto::EmergencyCancel &r);
    Answer handle(const proto::Account &caller, bool ownOnly, const proto::EmergencyListGet &r);
    /// A unit asked for the floor with type `emergency` in `session` (of `group`, or of none).
    void onEmergencyFloorRequest(const proto::Account &caller, const QString &group,
                                 const QString &session);
    /// An emergency raised in `session` is open or acknowledged.
    bool activeOn(const QString &session) const;

private:
    struct Active
    {
        qint64 number = 0;
        proto::EmergencyInfo info;
    };

    /// The caller's open emergency, or a new one; null after a storage failure.
    const proto::EmergencyInfo *raise(const proto::Account &caller, const QString &group,
                                      const QString &session);
    Active *find(const QString &id);
    Answer refuse(proto::ErrorCode code, const QString &why);
    void announce(const proto::EmergencyInfo &e, const proto::Event &event);

    EmergencyStore &m_store;
    const QHash<QString, const proto::GroupInfo *> &m_groups;
    SignalingStats &m_stats;
    Fanout m_fanout;
    QList<Active> m_active; ///< open and acknowledged, oldest first
    qint64 m_lastNumber = 0;
};

} // namespace floorline::server
