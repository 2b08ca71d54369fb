// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "connection.h"
#include "emergencyservice.h"
#include "floorarbiter.h"
#include "mediastore.h"
#include "pushstore.h"
#include "server/relay/rtprelay.h"
#include "session.h"
#include "stats.h"
#include "supervisorfeed.h"

#include "core/protocol/fleet.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <deque>
#include <memory>

namespace floorline::server {

/**
 * @brief The signaling hub: logins, the directory, sessions and their floors.
 *
 * Runs on the server's signaling thread. It turns typed requests into state changes, delivers
 * events through each login's sequenced event log (so a reconnecting client can resume without
 * gaps), and publishes routing snapshots to the RTP relay whenever a floor holder or a session
 * membership changes.
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
    };

    Hub(Config config, proto::Fleet fleet, RtpRelay &relay, QObject *parent = nullptr);
    ~Hub() override;

    /// Takes ownership of a freshly accepted socket.
    void accept(QWebSocket *socket);
    const SignalingStats &stats() const { return m_stats; }
    int liveLogins() const { return int(m_logins.size()); }
    /// Where media uploads go (docs/protocol.md §9); without one, media requests get
    /// `internal`.
    void setMediaStore(MediaStore *store) { m_media = store; }
    /// Where pushes and pairings are kept (docs/protocol.md §10); without one, push requests
    /// get `internal`.
    void setPushStore(PushStore *store);
    /// Where emergencies are kept (docs/protocol.md §11); the open ones stored there are open
    /// again. Without one, emergency requests get `internal`.
    void setEmergencyStore(EmergencyStore *store);
    /// Floor state of a session, for tests and operators.
    proto::SessionInfo sessionInfo(const QString &id) const;

private:
    struct Login
    {
        quint64 id = 0;
        const proto::Account *account = nullptr;
        quint32 ssrc = 0;
        std::array<uint8_t, 16> key {};
        QString token;
        Connection *connection = nullptr;
        std::deque<std::pair<quint64, QByteArray>> log;
        quint64 seq = 0;
        QList<QString> sessions;
        std::shared_ptr<std::atomic<int64_t>> lastMediaMs;
        QTimer grace;
        bool display = false; ///< a display client: takes `bound` pushes, no talk groups
        /// Online, or what the unit announced (resetting, offline): pushes wait meanwhile.
        proto::UnitStatus announced = proto::UnitStatus::Online;
        QSet<QString> pushesSent; ///< "sender/push" sent to this login, awaiting an ack
    };
    struct PairCodeEntry
    {
        QString console;
        qint64 expires = 0;
    };

    // hub.cpp: connection lifecycle, login, directory, event delivery, routes
    void onRequest(Connection *connection, const proto::RequestFrame &frame);
    void onClosed(Connection *connection);
    void handleHello(Connection *c, quint64 id, const proto::Hello &r);
    void handleLogin(Connection *c, quint64 id, const proto::Login &r);
    void handleLogout(Connection *c, quint64 id);
    void handleDirectory(Connection *c, quint64 id);
    Login *createLogin(const proto::Account *account);
    void dropLogin(quint64 loginId);
    void deliver(Login &login, const proto::EncodedEvent &event);
    void deliver(Login &login, const proto::Event &event);
    void deliver(quint64 loginId, const proto::Event &event);
    /// One event to every member of a session but `except`; encoded once.
    void deliverToMembers(const Session &session, const proto::Event &event, quint64 except = 0);
    void broadcastStatus(const QString &unit);
    /// An emergency event to every console login, the unit's logins and the group's members.
    void deliverToAudience(const EmergencyAudience &audience, const proto::Event &event);
    void answer(Connection *c, quint64 id, const EmergencyService::Answer &answer);
    proto::UnitStatus statusOf(const QString &unit, QString *busySession) const;
    proto::UnitStatus statusOfPresent(const QList<quint64> &logins, QString *busySession) const;
    proto::UnitInfo unitInfo(const proto::Account &account) const;
    void rebuildBindings();
    void publishRoutes();
    Login *loginOf(Connection *c);

    // hubsessions.cpp: affiliation, sessions, floor control
    void handleAffiliate(Login &l, Connection *c, quint64 id, const proto::Affiliate &r);
    void handleDeaffiliate(Login &l, Connection *c, quint64 id, const proto::Deaffiliate &r);
    void handleSessionCreate(Login &l, Connection *c, quint64 id, const proto::SessionCreate &r);
    void handleSessionInvite(Login &l, Connection *c, quint64 id, const proto::SessionInvite &r);
    void handleSessionLeave(Login &l, Connection *c, quint64 id, const proto::SessionLeave &r);
    void handleSessionList(Login &l, Connection *c, quint64 id, const proto::SessionListGet &r);
    void handleFloorRequest(Login &l, Connection *c, quint64 id, const proto::FloorRequest &r);
    void handleFloorRelease(Login &l, Connection *c, quint64 id, const proto::FloorRelease &r);
    void handleQueuePosition(Login &l, Connection *c, quint64 id,
                             const proto::QueuePositionRequest &r);
    void handleMediaUpload(Login &l, Connection *c, quint64 id, const proto::MediaUpload &r);
    void handleMediaUploadStatus(Login &l, Connection *c, quint64 id,
                                 const proto::MediaUploadStatus &r);
    void handleMediaChunk(Login &l, Connection *c, quint64 id, const proto::MediaChunk &r);
    void handleMediaFinish(Login &l, Connection *c, quint64 id, const proto::MediaFinish &r);
    void handleMediaGet(Connection *c, quint64 id, const proto::MediaGet &r);
    /// The owner's upload, or null after answering with the error.
    std::optional<MediaUpload> ownUpload(Login &l, Connection *c, quint64 id,
                                         const QString &upload);
    void refuseMedia(Connection *c, quint64 id, MediaError error);

    // hubsupervise.cpp: what supervisors watch
    SupervisorFeed::Source supervisorSource();
    std::optional<proto::SessionView> sessionView(const QString &id) const;
    QList<proto::ConsoleView> consoleViews() const;
    void handleSupervise(Login &l, Connection *c, quint64 id, const proto::Supervise &r);
    void handleSessionJoin(Login &l, Connection *c, quint64 id, const proto::SessionJoin &r);

    // hubpush.cpp: pushes with store-and-forward, shelves, announcements, pairing
    void handleMediaPush(Login &l, Connection *c, quint64 id, const proto::MediaPush &r);
    void handleMediaAck(Login &l, Connection *c, quint64 id, const proto::MediaAck &r);
    void handleMediaShelf(Login &l, Connection *c, quint64 id, const proto::MediaShelfGet &r);
    void handleUnitAnnounce(Login &l, Connection *c, quint64 id, const proto::UnitAnnounce &r);
    void handlePairCreate(Login &l, Connection *c, quint64 id);
    void handlePairClaim(Login &l, Connection *c, quint64 id, const proto::PairClaim &r);
    /// Who a push reaches (unit id → display logins only), or empty after answering with the
    /// error.
    std::optional<QList<std::pair<QString, bool>>>
    pushRecipients(Login &l, Connection *c, quint64 id, const proto::PushTarget &to);
    void refusePush(Connection *c, quint64 id, proto::ErrorCode code, const QString &why);
    proto::Pushed pushedOf(const StoredPush &push) const;
    /// Sends what `unit` is owed to every login that may take it now.
    void deliverPending(const QString &unit);
    void deliverPush(const PushDelivery &delivery);
    bool sharesGroup(const proto::Account &a, const QString &unit) const;
    void join(Session &session, Login &login);
    void leave(Session &session, quint64 loginId, bool publish = true);
    void endSession(const QString &id, const QString &reason);
    proto::InviteResult invite(Session &session, const QStringList &units);
    void releaseFloors(Login &login);
    void apply(Session &session, const FloorArbiter::Actions &actions, quint64 quietFor = 0);
    void armTimer(Session &session);
    void onSessionTimer(Session &session);
    proto::FloorRequestResult outcomeCounted(const proto::FloorRequestResult &result);
    Session *sessionFor(Login &l, Connection *c, quint64 id, const QString &sessionId);
    Session *createSession(proto::SessionKind kind, const QString &name, Login &owner);
    qint64 lastMediaOfHolder(const Session &session) const;
    FloorArbiter::Requester requester(const Login &l, const proto::FloorRequest &r,
                                      const Session &s) const;

    Config m_config;
    proto::Fleet m_fleet;
    QHash<QString, const proto::Account *> m_accounts;
    QHash<QString, const proto::GroupInfo *> m_groups;
    QHash<QString, QStringList> m_children;
    RtpRelay &m_relay;
    SignalingStats m_stats;
    std::unordered_map<quint64, std::unique_ptr<Login>> m_logins;
    QHash<QString, QList<quint64>> m_loginsByUnit;
    QHash<quint32, quint64> m_loginBySsrc;
    std::unordered_map<QString, std::unique_ptr<Session>> m_sessions;
    std::shared_ptr<const std::unordered_map<uint32_t, RtpRelay::Binding>> m_bindings;
    quint64 m_nextLogin = 1;
    quint64 m_nextSession = 1;
    MediaStore *m_media = nullptr;
    PushStore *m_pushes = nullptr;
    std::unique_ptr<EmergencyService> m_emergencies;
    QHash<QString, QString> m_pairings; ///< device unit → console unit
    QHash<QString, PairCodeEntry> m_pairCodes; ///< one-time token → console
    /// Units that announced a reset (or going offline) and have not logged in since: they show
    /// that status, not "offline", while they are gone.
    QHash<QString, proto::UnitStatus> m_announced;
    SupervisorFeed m_supervisors {supervisorSource()};
};

} // namespace floorline::server
