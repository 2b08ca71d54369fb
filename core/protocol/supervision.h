// SPDX-License-Identifier: Apache-2.0
// Supervision: a supervisor's picture of every live session and every console on one server,
// then its changes (docs/protocol.md §12).
#pragma once

#include "types.h"

#include <QList>

namespace floorline::proto {

/// One request waiting for a session's floor; its place in the list is its position (1 first).
struct QueueEntry
{
    QString unit;
    QString alias;
    int priority = 0;
    FloorType type = FloorType::Normal;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const QueueEntry &) const = default;
};

/// A live session as a supervisor sees it: SessionInfo's fields plus how long the floor has
/// been held and the whole queue.
struct SessionView
{
    SessionInfo info;
    QString group; ///< group sessions: the group id
    qint64 heldMs = 0; ///< how long the holder has talked when this was sent; 0 when idle
    QList<QueueEntry> queue; ///< in the order the floor will be granted
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const SessionView &) const = default;
};

/// A dispatcher or supervisor account that is logged in, and where it talks.
struct ConsoleView
{
    QString unit;
    QString alias;
    Role role = Role::Dispatcher;
    bool online = true; ///< false once: its last login ended
    int logins = 0; ///< live logins of the account (several consoles may share one)
    int monitoring = 0; ///< talk groups it is affiliated to
    QStringList calls; ///< ad-hoc and broadcast sessions it is in
    QString talking; ///< session where it holds the floor now; empty: none
    QString queued; ///< a session where it waits for the floor; empty: none
    QString lastSession; ///< where it last held the floor; empty: not since the server started
    qint64 lastTalkAgoMs = -1; ///< how long ago that talk ended; 0 while talking, -1 never
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const ConsoleView &) const = default;
};

struct Overview
{
    QList<SessionView> sessions;
    QList<ConsoleView> consoles;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const Overview &) const = default;
};

/// @brief Supervisors: start (or stop) watching every session and console; the result is the
/// picture now, `overview.*` events bring every change after it.
struct Supervise
{
    static constexpr const char *kType = "supervise";
    using Result = Overview;
    bool on = true;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const Supervise &) const = default;
};

/// @brief Supervisors: join a live ad-hoc or broadcast call to listen (and, in an ad-hoc call,
/// to talk); `session.joined` follows, `session.leave` ends it.
struct SessionJoin
{
    static constexpr const char *kType = "session.join";
    using Result = Empty;
    QString session;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const SessionJoin &) const = default;
};

/// A live session changed (floor, queue, members); sent at most every 100 ms per session.
struct OverviewSession
{
    static constexpr const char *kName = "overview.session";
    SessionView session;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const OverviewSession &) const = default;
};

/// A session is no longer live: a call ended, or a group's floor went idle with no queue.
struct OverviewEnded
{
    static constexpr const char *kName = "overview.ended";
    QString session;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const OverviewEnded &) const = default;
};

/// A console logged in, out, or changed where it talks.
struct OverviewConsole
{
    static constexpr const char *kName = "overview.console";
    ConsoleView console;
    void read(JsonReader &r);
    QJsonObject toJson() const;
    bool operator==(const OverviewConsole &) const = default;
};

} // namespace floorline::proto
