// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "requests.h"

#include <variant>

namespace floorline::proto {

/// Floor Granted, for a request that was queued or waited for a revoke (TS 24.380 §8.2.3).
struct FloorGranted
{
    static constexpr const char *kName = "floor.granted";
    QString session;
    int duration = 0; ///< seconds until T2 revokes the floor
    FloorType type = FloorType::Normal;
    int priority = 0;
    QString key; ///< SRTP: 56 hex digits, the key to send this talk's media under; else empty
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const FloorGranted &) const = default;
};

/// Floor Taken: someone else now holds the floor; media with `ssrc` follows.
struct FloorTaken
{
    static constexpr const char *kName = "floor.taken";
    QString session;
    QString talker;
    QString alias;
    quint32 ssrc = 0;
    FloorType type = FloorType::Normal;
    int priority = 0;
    QString media; ///< the item shown for this spurt (docs/protocol.md §9.7); empty: none
    QString key; ///< SRTP: 56 hex digits, the key the talker's media comes under; else empty
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const FloorTaken &) const = default;
};

struct FloorIdle
{
    static constexpr const char *kName = "floor.idle";
    QString session;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const FloorIdle &) const = default;
};

/// Floor Revoke: the holder must stop sending and release.
struct FloorRevoke
{
    static constexpr const char *kName = "floor.revoke";
    QString session;
    int cause = int(RevokeCause::Other);
    QString reason;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const FloorRevoke &) const = default;
};

/// Floor Deny of a request that had been queued (an immediate deny is the request's result).
struct FloorDeny
{
    static constexpr const char *kName = "floor.deny";
    QString session;
    int cause = int(DenyCause::Other);
    QString reason;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const FloorDeny &) const = default;
};

/// Queue Position Info, sent to every queued participant whenever the queue changes (except to
/// the requester whose own request changed it: its position is in the request's result).
struct QueuePositionInfo : QueuePosition
{
    static constexpr const char *kName = "floor.queue-position-info";
    bool operator==(const QueuePositionInfo &) const = default;
};

/// This client was joined to a session (invite, broadcast) — includes the floor state.
struct SessionJoined
{
    static constexpr const char *kName = "session.joined";
    SessionInfo session;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const SessionJoined &) const = default;
};

/// Membership of a session this client is in changed.
struct SessionUpdated
{
    static constexpr const char *kName = "session.updated";
    SessionInfo session;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const SessionUpdated &) const = default;
};

struct SessionEnded
{
    static constexpr const char *kName = "session.ended";
    QString session;
    QString reason;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const SessionEnded &) const = default;
};

struct UnitStatusChanged
{
    static constexpr const char *kName = "unit.status";
    QString unit;
    UnitStatus status = UnitStatus::Offline;
    QString session; ///< set when busy
    QString sessionName; ///< that session's name, when it has one
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const UnitStatusChanged &) const = default;
};

/// A push for this client (docs/protocol.md §10.3): acknowledge it with `media.ack`.
struct MediaPushed : Pushed
{
    static constexpr const char *kName = "media.pushed";
    bool operator==(const MediaPushed &) const = default;
};

/// To the sender: how far a push got with one recipient.
struct MediaPushStatus
{
    static constexpr const char *kName = "media.push-status";
    QString push;
    QString unit; ///< the recipient
    PushState state = PushState::Queued;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const MediaPushStatus &) const = default;
};

/// To a console: a device claimed its pairing code and is now bound to it.
struct PairBound : Paired
{
    static constexpr const char *kName = "pair.bound";
    bool operator==(const PairBound &) const = default;
};

/// An emergency was raised (docs/protocol.md §11.6): to every console, the raising unit and
/// the logins affiliated to its group.
struct EmergencyRaised
{
    static constexpr const char *kName = "emergency.raised";
    EmergencyInfo emergency;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const EmergencyRaised &) const = default;
};

/// An emergency was acknowledged by one more dispatcher or supervisor; same recipients.
struct EmergencyUpdated
{
    static constexpr const char *kName = "emergency.updated";
    EmergencyInfo emergency;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const EmergencyUpdated &) const = default;
};

/// An emergency was cancelled and is over; same recipients.
struct EmergencyCleared
{
    static constexpr const char *kName = "emergency.cleared";
    EmergencyInfo emergency;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const EmergencyCleared &) const = default;
};

using Event
    = std::variant<FloorGranted, FloorTaken, FloorIdle, FloorRevoke, FloorDeny, QueuePositionInfo,
                   SessionJoined, SessionUpdated, SessionEnded, UnitStatusChanged, MediaPushed,
                   MediaPushStatus, PairBound, EmergencyRaised, EmergencyUpdated, EmergencyCleared,
                   OverviewSession, OverviewEnded, OverviewConsole>;

/// Session an event is about (empty for directory events).
QString eventSession(const Event &event);

} // namespace floorline::proto
