// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "media.h"
#include "pushes.h"
#include "supervision.h"
#include "types.h"

#include <optional>

#include <QList>

#include <variant>

namespace floorline::proto {

struct HelloResult
{
    int protocol = kProtocolVersion;
    QString server;
    Limits limits;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const HelloResult &) const = default;
};

/// @brief First message on a connection: version negotiation (docs/protocol.md §3.1).
/// Longest `groups` of group.affiliate / group.deaffiliate; a client with more sends several.
inline constexpr int kMaxGroupsPerRequest = 256;
/// Longest `units` of session.create / session.invite.
inline constexpr int kMaxUnitsPerRequest = 1000;

struct Hello
{
    static constexpr const char *kType = "hello";
    using Result = HelloResult;
    QList<int> protocols {kProtocolVersion};
    QString client;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const Hello &) const = default;
};

struct MediaInfo
{
    int port = 0; ///< UDP port of the server's RTP relay, on the signaling host
    quint32 ssrc = 0; ///< SSRC this login must use in every RTP packet it sends
    /// Plain RTP: 32 hex digits sent in keep-alives to prove ownership of the SSRC. SRTP: 56
    /// hex digits, the SRTP master key and salt that authenticate this login's keep-alives.
    QString key;
    /// The SRTP suite ("AEAD_AES_128_GCM"); empty: this server relays plain RTP.
    QString srtp;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const MediaInfo &) const = default;
};

struct LoginResult
{
    UnitInfo unit;
    QString token; ///< resume token for a later reconnect
    quint64 seq = 0; ///< sequence number of the last event before this login
    bool resumed = false;
    MediaInfo media;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const LoginResult &) const = default;
};

/// @brief Log in with a password, or resume an earlier login with its token.
struct Login
{
    static constexpr const char *kType = "login";
    using Result = LoginResult;
    QString user;
    QString password; ///< empty when resuming
    QString resumeToken; ///< empty for a fresh login
    quint64 lastSeq = 0; ///< last event sequence number the client processed (resume only)
    /// A display client (`floorline --as-display`): it shows what is pushed to the clients
    /// bound to its account and takes no part in talk groups.
    bool display = false;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const Login &) const = default;
};

struct Logout
{
    static constexpr const char *kType = "logout";
    using Result = Empty;
    void read(JsonReader &) { }
    QJsonObject toJson() const { return {}; }
    bool operator==(const Logout &) const = default;
};

struct Directory
{
    QList<GroupInfo> groups;
    QList<UnitInfo> units;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const Directory &) const = default;
};

struct DirectoryGet
{
    static constexpr const char *kType = "directory.get";
    using Result = Directory;
    void read(JsonReader &) { }
    QJsonObject toJson() const { return {}; }
    bool operator==(const DirectoryGet &) const = default;
};

struct SessionList
{
    QList<SessionInfo> sessions;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const SessionList &) const = default;
};

/// @brief Start monitoring groups: joins each group's session (late entry if a floor is taken).
struct Affiliate
{
    static constexpr const char *kType = "group.affiliate";
    using Result = SessionList;
    QStringList groups;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const Affiliate &) const = default;
};

struct Deaffiliate
{
    static constexpr const char *kType = "group.deaffiliate";
    using Result = Empty;
    QStringList groups;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const Deaffiliate &) const = default;
};

/// Why a unit was not invited (M3).
enum class SkipReason { AlreadyMember, Busy, Offline, Unknown, Forbidden };
inline constexpr std::pair<const char *, SkipReason> kSkipReasons[]
    = {{"already-member", SkipReason::AlreadyMember},
       {"busy", SkipReason::Busy},
       {"offline", SkipReason::Offline},
       {"unknown", SkipReason::Unknown},
       {"forbidden", SkipReason::Forbidden}};

struct Skipped
{
    QString unit;
    SkipReason reason = SkipReason::Unknown;
    QString session; ///< the other session when reason is busy
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const Skipped &) const = default;
};

struct InviteResult
{
    SessionInfo session;
    QStringList invited;
    QList<Skipped> skipped;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const InviteResult &) const = default;
};

/// @brief Create an ad-hoc session from invited units, or a broadcast over a group subtree.
struct SessionCreate
{
    static constexpr const char *kType = "session.create";
    using Result = InviteResult;
    SessionKind kind = SessionKind::AdHoc; ///< adhoc or broadcast
    QString name;
    QStringList units; ///< adhoc: units to invite
    QString group; ///< broadcast: root of the subtree
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const SessionCreate &) const = default;
};

struct SessionInvite
{
    static constexpr const char *kType = "session.invite";
    using Result = InviteResult;
    QString session;
    QStringList units;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const SessionInvite &) const = default;
};

struct SessionLeave
{
    static constexpr const char *kType = "session.leave";
    using Result = Empty;
    QString session;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const SessionLeave &) const = default;
};

struct SessionListGet
{
    static constexpr const char *kType = "session.list";
    using Result = SessionList;
    /// Dispatchers and supervisors: every live call and every talking group, not only ours.
    bool all = false;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const SessionListGet &) const = default;
};

enum class FloorOutcome { Granted, Queued, Denied };
inline constexpr std::pair<const char *, FloorOutcome> kFloorOutcomes[]
    = {{"granted", FloorOutcome::Granted},
       {"queued", FloorOutcome::Queued},
       {"denied", FloorOutcome::Denied}};

/// Immediate answer to a Floor Request: Granted (Duration), Queue Position Info, or Deny.
struct FloorRequestResult
{
    FloorOutcome outcome = FloorOutcome::Denied;
    int duration = 0; ///< granted: seconds until T2 revokes the floor
    QString key; ///< granted with SRTP: 56 hex digits, the talk key to send media under
    int position = 0; ///< queued: 1 = next
    int cause = 0; ///< denied: TS 24.380 reject cause
    QString reason; ///< denied: human-readable cause
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const FloorRequestResult &) const = default;
};

struct FloorRequest
{
    static constexpr const char *kType = "floor.request";
    using Result = FloorRequestResult;
    QString session;
    int priority = 0; ///< 0..15, capped by the requester's role
    FloorType type = FloorType::Normal;
    QString media; ///< a stored item to show with this talk spurt (M4); empty: none
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const FloorRequest &) const = default;
};

/// Floor Release: also cancels a queued request.
struct FloorRelease
{
    static constexpr const char *kType = "floor.release";
    using Result = Empty;
    QString session;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const FloorRelease &) const = default;
};

struct QueuePosition
{
    QString session;
    int position = 0; ///< 0 = not queued
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const QueuePosition &) const = default;
};

/// Queue Position Request; answered with Queue Position Info.
struct QueuePositionRequest
{
    static constexpr const char *kType = "floor.queue-position";
    using Result = QueuePosition;
    QString session;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const QueuePositionRequest &) const = default;
};

struct Pong
{
    qint64 serverTime = 0; ///< ms since the epoch
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const Pong &) const = default;
};

struct Ping
{
    static constexpr const char *kType = "ping";
    using Result = Pong;
    void read(JsonReader &) { }
    QJsonObject toJson() const { return {}; }
    bool operator==(const Ping &) const = default;
};

/// @brief Raises an emergency alert without talking (docs/protocol.md §11.2); a unit that has
/// an open one gets that one back.
struct EmergencyRaise
{
    static constexpr const char *kType = "emergency.raise";
    using Result = EmergencyInfo;
    QString group; ///< empty: raised without a group
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const EmergencyRaise &) const = default;
};

/// @brief A dispatcher or supervisor acknowledges an open emergency.
struct EmergencyAcknowledge
{
    static constexpr const char *kType = "emergency.ack";
    using Result = EmergencyInfo;
    /// The emergency's id. On the wire it is `emergency`: a request's top-level `id` is its
    /// correlation id (docs/protocol.md §2.1).
    QString id;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const EmergencyAcknowledge &) const = default;
};

/// @brief Ends an emergency: the unit that raised it, or a dispatcher or supervisor.
struct EmergencyCancel
{
    static constexpr const char *kType = "emergency.cancel";
    using Result = EmergencyInfo;
    QString id; ///< the emergency's id; `emergency` on the wire (see EmergencyAcknowledge)
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const EmergencyCancel &) const = default;
};

struct EmergencyList
{
    QList<EmergencyInfo> emergencies; ///< oldest first
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const EmergencyList &) const = default;
};

/// @brief The emergencies not yet cancelled: all of them for a console, its own for a unit.
struct EmergencyListGet
{
    static constexpr const char *kType = "emergency.list";
    using Result = EmergencyList;
    void read(JsonReader &) { }
    QJsonObject toJson() const { return {}; }
    bool operator==(const EmergencyListGet &) const = default;
};

using Request
    = std::variant<Hello, Login, Logout, DirectoryGet, Affiliate, Deaffiliate, SessionCreate,
                   SessionInvite, SessionLeave, SessionListGet, FloorRequest, FloorRelease,
                   QueuePositionRequest, Ping, MediaUpload, MediaUploadStatus, MediaChunk,
                   MediaFinish, MediaGet, MediaPush, MediaAck, MediaShelfGet, UnitAnnounce,
                   PairCreate, PairClaim, EmergencyRaise, EmergencyAcknowledge, EmergencyCancel,
                   EmergencyListGet, Supervise, SessionJoin, MediaTokenGet>;

} // namespace floorline::proto
