// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jsonreader.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace floorline::proto {

/// Result of requests that return nothing but success.
struct Empty
{
    void read(JsonReader &) { }
    QJsonObject toJson() const { return {}; }
    bool operator==(const Empty &) const = default;
};

/// The protocol version this build speaks (docs/protocol.md §1).
inline constexpr int kProtocolVersion = 1;

/// Floor request type, TS 24.380 §4.1.1.5: emergency > imminent peril > normal.
enum class FloorType { Normal, ImminentPeril, Emergency };
inline constexpr std::pair<const char *, FloorType> kFloorTypes[]
    = {{"normal", FloorType::Normal},
       {"imminent-peril", FloorType::ImminentPeril},
       {"emergency", FloorType::Emergency}};

enum class Role { Unit, Dispatcher, Supervisor };
inline constexpr std::pair<const char *, Role> kRoles[]
    = {{"unit", Role::Unit}, {"dispatcher", Role::Dispatcher}, {"supervisor", Role::Supervisor}};

enum class UnitStatus { Offline, Online, Busy, Resetting };
inline constexpr std::pair<const char *, UnitStatus> kUnitStatuses[]
    = {{"offline", UnitStatus::Offline},
       {"online", UnitStatus::Online},
       {"busy", UnitStatus::Busy},
       {"resetting", UnitStatus::Resetting}};

enum class SessionKind { Group, AdHoc, Broadcast };
inline constexpr std::pair<const char *, SessionKind> kSessionKinds[]
    = {{"group", SessionKind::Group},
       {"adhoc", SessionKind::AdHoc},
       {"broadcast", SessionKind::Broadcast}};

/// Floor state of a session as seen by the server (TS 24.380 "G:" states, simplified).
enum class FloorState { Idle, Taken, PendingRevoke };
inline constexpr std::pair<const char *, FloorState> kFloorStates[]
    = {{"idle", FloorState::Idle},
       {"taken", FloorState::Taken},
       {"pending-revoke", FloorState::PendingRevoke}};

/// Floor Deny reject causes, TS 24.380 §8.2.6.2.
enum class DenyCause : int {
    AnotherHasPermission = 101,
    InternalError = 102,
    OnlyOneParticipant = 103,
    RetryAfterNotExpired = 104,
    ReceiveOnly = 105,
    NoResources = 106,
    QueueFull = 107,
    Other = 255,
};

/// Floor Revoke reject causes, TS 24.380 §8.2.6.2.
enum class RevokeCause : int {
    OnlyOneParticipant = 1,
    MediaBurstTooLong = 2,
    NoPermission = 3,
    PreEmpted = 4,
    NoResources = 6,
    Other = 255,
};

QString describe(DenyCause cause);
QString describe(RevokeCause cause);

/// Protocol error codes (docs/protocol.md §7).
enum class ErrorCode {
    BadJson,
    BadMessage,
    UnknownType,
    TooLarge,
    RateLimited,
    VersionUnsupported,
    NotAuthenticated,
    AuthFailed,
    AlreadyLoggedIn,
    NotFound,
    Forbidden,
    NotInSession,
    Busy, ///< the server cannot take it now; the same request may succeed a moment later
    Internal,
    // Client-side only, never on the wire: a request that could not complete.
    Disconnected,
    Timeout,
};
inline constexpr std::pair<const char *, ErrorCode> kErrorCodes[]
    = {{"bad-json", ErrorCode::BadJson},
       {"bad-message", ErrorCode::BadMessage},
       {"unknown-type", ErrorCode::UnknownType},
       {"too-large", ErrorCode::TooLarge},
       {"rate-limited", ErrorCode::RateLimited},
       {"version-unsupported", ErrorCode::VersionUnsupported},
       {"not-authenticated", ErrorCode::NotAuthenticated},
       {"auth-failed", ErrorCode::AuthFailed},
       {"already-logged-in", ErrorCode::AlreadyLoggedIn},
       {"not-found", ErrorCode::NotFound},
       {"forbidden", ErrorCode::Forbidden},
       {"not-in-session", ErrorCode::NotInSession},
       {"busy", ErrorCode::Busy},
       {"internal", ErrorCode::Internal},
       {"disconnected", ErrorCode::Disconnected},
       {"timeout", ErrorCode::Timeout}};

/// @brief An error as carried by a response or an unsolicited error message.
struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message;

    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const Error &) const = default;
};

/// @brief Limits the server enforces, announced in the hello result.
struct Limits
{
    int maxMessageBytes = 65536;
    int messagesPerSecond = 50;
    int messageBurst = 100;
    int maxDatagramBytes = 1500;
    int keepAliveSeconds = 5;

    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const Limits &) const = default;
};

struct GroupInfo
{
    QString id;
    QString name;
    QString parent; ///< empty for a root of the group tree
    /// Handling instruction: the server records every talk spurt (docs/operations.md).
    bool recorded = true;

    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const GroupInfo &) const = default;
};

struct UnitInfo
{
    QString id;
    QString alias;
    Role role = Role::Unit;
    UnitStatus status = UnitStatus::Offline;
    QStringList groups; ///< memberships (configured)
    QStringList affiliated; ///< groups currently monitored (live)

    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const UnitInfo &) const = default;
};

/// @brief Floor state of one session, as sent with session snapshots.
struct FloorInfo
{
    FloorState state = FloorState::Idle;
    QString talker; ///< unit id of the floor holder, empty when idle
    QString alias;
    quint32 ssrc = 0;
    FloorType type = FloorType::Normal;
    int priority = 0;
    int queued = 0; ///< number of queued requests
    QString media; ///< the item shown with the current spurt; empty: none

    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const FloorInfo &) const = default;
};

struct SessionInfo
{
    QString id;
    SessionKind kind = SessionKind::Group;
    QString name;
    QString owner; ///< creator for ad-hoc and broadcast sessions; empty for group sessions
    QStringList members;
    FloorInfo floor;

    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const SessionInfo &) const = default;
};

/// Lifecycle of an emergency alert (docs/protocol.md §11): open until a dispatcher or
/// supervisor acknowledges it, cancelled at the end by the unit that raised it or by a console.
enum class EmergencyState { Open, Acknowledged, Cancelled };
inline constexpr std::pair<const char *, EmergencyState> kEmergencyStates[]
    = {{"open", EmergencyState::Open},
       {"acknowledged", EmergencyState::Acknowledged},
       {"cancelled", EmergencyState::Cancelled}};

/// @brief Who acknowledged an emergency, and when.
struct EmergencyAckInfo
{
    QString unit;
    QString alias;
    qint64 at = 0; ///< ms since the epoch (server clock)

    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const EmergencyAckInfo &) const = default;
};

/// @brief An emergency alert as the server keeps it (3GPP TS 22.179 emergency alert).
struct EmergencyInfo
{
    QString id; ///< server-assigned, "em-<n>"; never reused, also across restarts
    QString unit; ///< who raised it
    QString alias;
    QString group; ///< the talk group it was raised on; empty: raised without a group
    QString session; ///< "group:<id>" or the call it was raised in; may be empty
    EmergencyState state = EmergencyState::Open;
    qint64 raisedAt = 0; ///< ms since the epoch
    QList<EmergencyAckInfo> acks; ///< in the order they came
    QString cancelledBy; ///< set once cancelled
    QString cancelledByAlias;
    qint64 cancelledAt = 0;

    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const EmergencyInfo &) const = default;
};

/// Session id of a group's own session.
inline QString groupSessionId(const QString &groupId)
{
    return QStringLiteral("group:") + groupId;
}

} // namespace floorline::proto
