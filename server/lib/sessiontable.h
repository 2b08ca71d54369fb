// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "session.h"

#include "core/protocol/types.h"

#include <QObject>

#include <memory>
#include <unordered_map>

namespace floorline::server {

class RecordingService;

class FleetIndex;
class Logins;
class Reply;
class RtpRelay;
struct Login;

/**
 * @brief The live sessions: one per group from the start, ad-hoc calls and broadcasts while
 * they last; what each looks like on the wire; and the relay's routes, which follow from who
 * holds each floor and who is in each session.
 */
class SessionTable : public QObject
{
    Q_OBJECT
public:
    SessionTable(const FleetIndex &fleet, const Logins &logins, RtpRelay &relay,
                 FloorArbiter::Config floor, QObject *parent = nullptr);
    ~SessionTable() override;

    Session *find(const QString &id);
    const Session *find(const QString &id) const;
    Session *group(const QString &groupId) { return find(proto::groupSessionId(groupId)); }
    /// A new ad-hoc call or broadcast, with a fresh id; nobody in it yet.
    Session &create(proto::SessionKind kind, const QString &name, const Login &owner);
    /// Removes a call; the caller tells its members.
    std::unique_ptr<Session> take(const QString &id);
    const std::unordered_map<QString, std::unique_ptr<Session>> &all() const { return m_sessions; }
    /// The session if `login` is in it; else answers `reply` (not-found, not-in-session).
    Session *memberSession(const Login &login, Reply &reply, const QString &id);

    /// The session as SessionInfo; an empty one for an unknown id.
    proto::SessionInfo info(const QString &id) const;
    /// Sends the relay who hears whom, from every floor holder and membership.
    void publishRoutes();
    /// Whose spurts the relay also taps for recording; before the first publishRoutes().
    void setRecordings(RecordingService *recordings) { m_recordings = recordings; }

Q_SIGNALS:
    void added(floorline::server::Session *session);

private:
    Session &add(std::unique_ptr<Session> session);

    const Logins &m_logins;
    RecordingService *m_recordings = nullptr;
    RtpRelay &m_relay;
    FloorArbiter::Config m_floor;
    std::unordered_map<QString, std::unique_ptr<Session>> m_sessions;
    quint64 m_next = 1;
};

} // namespace floorline::server
