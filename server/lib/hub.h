// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emergencyservice.h"
#include "fleetindex.h"
#include "floorarbiter.h"
#include "floorservice.h"
#include "http/httptokens.h"
#include "logins.h"
#include "loginservice.h"
#include "mediaservice.h"
#include "presence.h"
#include "pushservice.h"
#include "sessionservice.h"
#include "sessiontable.h"
#include "stats.h"
#include "supervisionservice.h"

#include <QObject>

#include <memory>

class QSslSocket;
class QWebSocket;

namespace floorline::server {

class Connection;
class RecordingService;
class RtpRelay;

/**
 * @brief The signaling hub: takes each connection's typed requests, checks each against the
 * authorization table and hands it to the part whose job it is.
 *
 * Parts (each receives what it uses): Logins (every login, its event log and delivery),
 * LoginService (hello, login, logout), Presence (unit status, directory), SessionTable (live
 * sessions, the relay's routes), SessionService (affiliation, calls, broadcasts), FloorService
 * (floor control), SupervisionService (the supervisors' overview), MediaService (the media
 * store), PushService (pushes, shelves, announcements, pairing) and EmergencyService.
 * Thread rule: everything here runs on the server's signaling thread.
 */
class Hub : public QObject
{
    Q_OBJECT
public:
    struct Config
    {
        proto::Limits limits;
        FloorArbiter::Config floor;
        int resumeGraceMs = 60000; ///< how long a dropped login waits for a resume
        int loginTimeoutMs = 10000;
        int eventLogSize = 4096; ///< events kept per login for resume
        QString serverName = QStringLiteral("floorline-server/0.1");
        LoginThrottle::Config throttle; ///< failed logins back off (LoginService)
        int maxLoginsPerAccount = 8;
        /// Password checks that may wait at once, server-wide; more logins get `busy`.
        int maxPendingPasswordChecks = 32;
        PushService::Limits pushes;
        /// Bytes that may wait unsent for one connection before it is cut off (a client that
        /// does not read); above the largest answer (a directory of 10,000 units is ~2 MiB).
        qint64 maxQueuedBytes = 8 * 1024 * 1024;
    };

    Hub(Config config, proto::Fleet fleet, RtpRelay &relay, QObject *parent = nullptr);
    ~Hub() override;

    /// Takes ownership of a freshly accepted socket; `tls` is the one beneath it (wss://).
    void accept(QWebSocket *socket, QSslSocket *tls = nullptr);
    const SignalingStats &stats() const { return m_stats; }
    int liveLogins() const { return m_logins.count(); }
    /// Where media uploads go (docs/protocol.md §9); without one, media requests get
    /// `internal`.
    void setMediaStore(MediaStore *store);
    /// Where pushes and pairings are kept (docs/protocol.md §10); without one, push requests
    /// get `internal`.
    void setPushStore(PushStore *store)
    {
        m_pushes.setStore(store);
        m_media.setPushStore(store);
        m_pushes.expire();
    }
    /// What is kept too long goes (pushes past their expiry); the server calls it hourly.
    void sweep() { m_pushes.expire(); }
    /// Where emergencies are kept (docs/protocol.md §11); the open ones stored there are open
    /// again. Without one, emergency requests get `internal`.
    void setEmergencyStore(EmergencyStore *store);
    /// Who records the spurts (docs/protocol.md §14); without it nothing is recorded.
    void setRecordings(RecordingService *recordings);
    /// Media over HTTPS (docs/protocol.md §13) answers for the logins these tokens name, with
    /// the read rights of §9.6.
    HttpTokens &httpTokens() { return m_httpTokens; }
    MediaService &mediaService() { return m_media; }
    /// The phone page (docs/protocol.md §13.5) pushes and reads shelves through these.
    PushService &pushService() { return m_pushes; }
    const FleetIndex &fleet() const { return m_fleet; }
    SignalingStats &mutableStats() { return m_stats; }
    /// Floor state of a session, for tests and operators.
    proto::SessionInfo sessionInfo(const QString &id) const { return m_sessions.info(id); }

private:
    void onRequest(Connection *connection, const proto::RequestFrame &frame);
    void handleRequest(Connection &connection, const proto::RequestFrame &frame);
    void route(Login &login, Reply &reply, const Grant &grant, const proto::Request &request);
    /// What a request costs of its connection's rate budget beyond one message.
    int extraCost(const proto::Request &request) const;
    /// An emergency event to every console login, the unit's logins and the group's members.
    void deliverToAudience(const EmergencyAudience &audience, const proto::Event &event);

    Config m_config;
    SignalingStats m_stats;
    FleetIndex m_fleet;
    Logins m_logins;
    HttpTokens m_httpTokens {m_logins};
    SessionTable m_sessions;
    Presence m_presence;
    SupervisionService m_supervision;
    FloorService m_floors;
    SessionService m_sessionService;
    MediaService m_media;
    PushService m_pushes;
    LoginService m_loginService;
    std::unique_ptr<EmergencyService> m_emergencies;
};

} // namespace floorline::server
