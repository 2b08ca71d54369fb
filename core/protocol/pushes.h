// SPDX-License-Identifier: Apache-2.0
// Pushes: media and links sent to a unit, a group or a bound client, stored and forwarded by
// the server until acknowledged (docs/protocol.md §10).
#pragma once

#include "media.h"

namespace floorline::proto {

/// How far a push got with one recipient; it only moves forward.
enum class PushState { Queued, Delivered, Opened };
inline constexpr std::pair<const char *, PushState> kPushStates[]
    = {{"queued", PushState::Queued},
       {"delivered", PushState::Delivered},
       {"opened", PushState::Opened}};

/// Longest link a push may carry.
inline constexpr int kMaxLinkLength = 2048;

/// Where a push goes: exactly one of a unit, a group, or the clients bound to the sender.
struct PushTarget
{
    QString unit;
    QString group;
    bool bound = false; ///< display clients of the sender's account, or the paired console
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const PushTarget &) const = default;
};

struct PushRecipient
{
    QString unit;
    PushState state = PushState::Queued;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const PushRecipient &) const = default;
};

struct PushResult
{
    QString push;
    QList<PushRecipient> recipients;
    bool duplicate = false; ///< this push id was sent before: nothing new was queued
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const PushResult &) const = default;
};

/// @brief Pushes a stored item or a link. `push` is the sender's own id for it: sending the
/// same id again (say after a reconnect) returns the first result and queues nothing.
struct MediaPush
{
    static constexpr const char *kType = "media.push";
    using Result = PushResult;
    QString push;
    PushTarget to;
    QString media; ///< a stored item's id, or empty when `link` is set
    QString link; ///< an http(s) URL, or empty when `media` is set
    QString note;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const MediaPush &) const = default;
};

/// @brief The recipient acknowledges a push: delivered (it has it) or opened (a person
/// looked at it).
struct MediaAck
{
    static constexpr const char *kType = "media.ack";
    using Result = Empty;
    QString from; ///< the sender's unit id
    QString push;
    PushState state = PushState::Delivered;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const MediaAck &) const = default;
};

/// A push as its recipients see it: in `media.pushed` and in a group's shelf.
struct Pushed
{
    QString push;
    QString from;
    QString fromAlias;
    QString group; ///< set for a push to a group
    bool bound = false; ///< sent to the clients bound to `from`
    std::optional<MediaItem> media;
    QString link;
    QString note;
    qint64 sent = 0; ///< ms since the epoch
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const Pushed &) const = default;
};

struct MediaShelf
{
    QList<Pushed> items; ///< newest first
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const MediaShelf &) const = default;
};

/// @brief What was shared with a group (its media shelf), newest first.
struct MediaShelfGet
{
    static constexpr const char *kType = "media.shelf";
    using Result = MediaShelf;
    QString group;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const MediaShelfGet &) const = default;
};

/// @brief A unit says it is about to reset or go offline (the server holds its pushes), or
/// that it is back.
struct UnitAnnounce
{
    static constexpr const char *kType = "unit.announce";
    using Result = Empty;
    UnitStatus state = UnitStatus::Online; ///< resetting, offline or online
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const UnitAnnounce &) const = default;
};

struct PairCode
{
    QString token; ///< 32 hex digits, good for one claim
    qint64 expires = 0; ///< ms since the epoch
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const PairCode &) const = default;
};

/// @brief A console asks for a one-time pairing code to show as a QR code.
struct PairCreate
{
    static constexpr const char *kType = "pair.create";
    using Result = PairCode;
    void read(JsonReader &) { }
    QJsonObject toJson() const { return {}; }
    bool operator==(const PairCreate &) const = default;
};

struct Paired
{
    QString console; ///< the console's unit id: `bound` pushes now go there
    QString alias;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const Paired &) const = default;
};

/// @brief A device that scanned a console's code binds itself to that console.
struct PairClaim
{
    static constexpr const char *kType = "pair.claim";
    using Result = Paired;
    QString token;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const PairClaim &) const = default;
};

} // namespace floorline::proto
