// SPDX-License-Identifier: Apache-2.0
#include "hub.h"

#include "recording/recordingservice.h"

#include "authorization.h"
#include "connection.h"
#include "reply.h"
#include "server/relay/rtprelay.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QWebSocket>

Q_LOGGING_CATEGORY(lcHub, "floorline.server.hub", QtInfoMsg)

namespace floorline::server {

using proto::ErrorCode;

Hub::Hub(Config config, proto::Fleet fleet, RtpRelay &relay, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_fleet(std::move(fleet))
    , m_logins(config.eventLogSize, config.resumeGraceMs)
    , m_sessions(m_fleet, m_logins, relay, config.floor)
    , m_presence(m_fleet, m_logins, m_sessions)
    , m_supervision(m_fleet, m_logins, m_sessions)
    , m_floors(m_sessions, m_logins, m_supervision.feed(), m_stats, relay.secure())
    , m_sessionService(m_fleet, m_sessions, m_logins, m_presence, m_floors, m_supervision.feed(),
                       m_stats)
    , m_media(m_stats)
    , m_pushes(m_fleet, m_logins, m_presence, m_media, m_stats, config.pushes)
    , m_loginService({config.limits, config.serverName, relay.port(), relay.secure(),
                      config.throttle, 2, config.maxPendingPasswordChecks,
                      config.maxLoginsPerAccount},
                     m_fleet, m_logins, m_presence, m_stats)
{
    // A new login's media identity must reach the relay before its first packet; a login that
    // went is taken out of the routes and shown offline.
    connect(&m_logins, &Logins::created, this, [this] { m_sessions.publishRoutes(); });
    connect(&m_logins, &Logins::attached, this, [this] { m_sessions.publishRoutes(); });
    connect(&m_logins, &Logins::dropped, this, [this](const QString &unit) {
        m_sessions.publishRoutes();
        m_presence.broadcast(unit);
    });
    // Store-and-forward: what was held for this unit (offline, reset, server restart) now.
    connect(&m_loginService, &LoginService::loggedIn, this,
            [this](Login *login) { m_pushes.deliverPending(login->unit()); });
    m_sessions.publishRoutes();
}

Hub::~Hub() = default;

void Hub::accept(QWebSocket *socket, QSslSocket *tls)
{
    ++m_stats.connections;
    auto *connection = new Connection(
        socket, tls, m_config.limits, m_config.maxQueuedBytes,
        [this](const proto::Request &r) { return extraCost(r); }, m_stats, m_config.loginTimeoutMs,
        this);
    connect(connection, &Connection::requestReceived, this, &Hub::onRequest);
    connect(connection, &Connection::closed, this, [this](Connection *c) {
        m_loginService.onClosed(*c);
        c->deleteLater();
    });
    qCDebug(lcHub) << "connection from" << connection->peer();
}

int Hub::extraCost(const proto::Request &request) const
{
    // One message more per 32 items a request names, and per 100 units or sessions an answer
    // lists: a directory of 2,000 units costs 21 messages of the budget, a ping one.
    const auto per = [](qsizetype items, int each) { return int(items / each); };
    if (const auto *a = std::get_if<proto::Affiliate>(&request))
        return per(a->groups.size(), 32);
    if (const auto *d = std::get_if<proto::Deaffiliate>(&request))
        return per(d->groups.size(), 32);
    if (const auto *c = std::get_if<proto::SessionCreate>(&request))
        return per(c->kind == proto::SessionKind::Broadcast ? m_fleet.accounts().size()
                                                            : c->units.size(),
                   c->kind == proto::SessionKind::Broadcast ? 100 : 32);
    if (const auto *i = std::get_if<proto::SessionInvite>(&request))
        return per(i->units.size(), 32);
    if (std::holds_alternative<proto::DirectoryGet>(request))
        return per(m_fleet.accounts().size() + m_fleet.groupList().size(), 100);
    if (const auto *l = std::get_if<proto::SessionListGet>(&request); l && l->all)
        return per(qsizetype(m_sessions.all().size()), 100);
    if (std::holds_alternative<proto::Supervise>(request))
        return per(qsizetype(m_sessions.all().size()) + m_logins.count(), 100);
    return 0;
}

void Hub::setMediaStore(MediaStore *store)
{
    m_media.setStore(store);
    m_floors.setMediaStore(store);
}

void Hub::setRecordings(RecordingService *recordings)
{
    if (recordings)
        recordings->attach(&m_logins, &m_fleet);
    m_floors.setRecordings(recordings);
    m_sessions.setRecordings(recordings);
}

void Hub::setEmergencyStore(EmergencyStore *store)
{
    m_floors.setEmergencies(nullptr);
    m_supervision.setEmergencies(nullptr);
    m_emergencies.reset();
    if (!store)
        return;
    m_emergencies = std::make_unique<EmergencyService>(
        *store, m_fleet.groups(), m_stats,
        [this](const EmergencyAudience &a, const proto::Event &e) { deliverToAudience(a, e); });
    m_floors.setEmergencies(m_emergencies.get());
    m_supervision.setEmergencies(m_emergencies.get());
}

void Hub::deliverToAudience(const EmergencyAudience &audience, const proto::Event &event)
{
    const Session *group = audience.group.isEmpty() ? nullptr : m_sessions.group(audience.group);
    // A group with an open emergency stays in the supervisors' overview until it is cleared.
    m_supervision.feed().touchSession(proto::eventSession(event));
    m_logins.deliverIf(event, [&](const Login &l) {
        return l.isConsole() || l.unit() == audience.unit || (group && group->hasMember(l.id));
    });
}

void Hub::onRequest(Connection *c, const proto::RequestFrame &frame)
{
    QElapsedTimer took;
    took.start();
    handleRequest(*c, frame);
    m_stats.requestTook(proto::requestType(frame.request), quint64(took.nsecsElapsed() / 1000));
}

void Hub::handleRequest(Connection &connection, const proto::RequestFrame &frame)
{
    Connection *c = &connection;
    Reply reply(*c, frame.id, m_stats);
    const proto::Request &request = frame.request;
    if (const auto *hello = std::get_if<proto::Hello>(&request)) {
        m_loginService.handle(*c, reply, *hello);
        return;
    }
    if (!c->helloDone()) {
        ++m_stats.notAuthenticated;
        reply.fail(ErrorCode::NotAuthenticated, QStringLiteral("send hello first"));
        return;
    }
    if (std::holds_alternative<proto::Ping>(request)) {
        reply.ok(proto::Pong {QDateTime::currentMSecsSinceEpoch()}.toJson());
        return;
    }
    if (const auto *login = std::get_if<proto::Login>(&request)) {
        m_loginService.handle(*c, reply, *login);
        return;
    }
    Login *login = m_logins.find(c->login());
    if (!login) {
        ++m_stats.notAuthenticated;
        reply.fail(ErrorCode::NotAuthenticated, QStringLiteral("log in first"));
        return;
    }
    const Grant grant = Authorization::check(*login, request);
    if (!grant.allowed) {
        reply.fail(ErrorCode::Forbidden, grant.why);
        return;
    }
    route(*login, reply, grant, request);
}

void Hub::route(Login &login, Reply &reply, const Grant &grant, const proto::Request &request)
{
    std::visit(
        [&](const auto &r) {
            using T = std::decay_t<decltype(r)>;
            if constexpr (
                std::is_same_v<
                    T,
                    proto::
                        Hello> || std::is_same_v<T, proto::Login> || std::is_same_v<T, proto::Ping>) {
                // answered before a login is needed (onRequest)
            } else if constexpr (std::is_same_v<T, proto::Logout>) {
                m_loginService.handle(reply.connection(), reply, r);
            } else if constexpr (std::is_same_v<T, proto::DirectoryGet>) {
                reply.okEncoded(m_presence.directoryJson());
            } else if constexpr (
                std::is_same_v<
                    T,
                    proto::
                        Affiliate> || std::is_same_v<T, proto::MediaPush> || std::is_same_v<T, proto::MediaShelfGet>) {
                if constexpr (std::is_same_v<T, proto::Affiliate>)
                    m_sessionService.handle(login, reply, grant, r);
                else
                    m_pushes.handle(login, reply, grant, r);
            } else if constexpr (
                std::is_same_v<
                    T,
                    proto::
                        Deaffiliate> || std::is_same_v<T, proto::SessionCreate> || std::is_same_v<T, proto::SessionInvite> || std::is_same_v<T, proto::SessionLeave> || std::is_same_v<T, proto::SessionListGet> || std::is_same_v<T, proto::SessionJoin>) {
                m_sessionService.handle(login, reply, r);
            } else if constexpr (
                std::is_same_v<
                    T,
                    proto::
                        FloorRequest> || std::is_same_v<T, proto::FloorRelease> || std::is_same_v<T, proto::QueuePositionRequest>) {
                m_floors.handle(login, reply, r);
            } else if constexpr (
                std::is_same_v<
                    T,
                    proto::
                        MediaUpload> || std::is_same_v<T, proto::MediaUploadStatus> || std::is_same_v<T, proto::MediaChunk> || std::is_same_v<T, proto::MediaFinish> || std::is_same_v<T, proto::MediaGet>) {
                m_media.handle(login, reply, r);
            } else if constexpr (
                std::is_same_v<
                    T,
                    proto::
                        MediaAck> || std::is_same_v<T, proto::UnitAnnounce> || std::is_same_v<T, proto::PairCreate> || std::is_same_v<T, proto::PairClaim>) {
                m_pushes.handle(login, reply, r);
            } else if constexpr (std::is_same_v<T, proto::MediaTokenGet>) {
                reply.ok(
                    proto::HttpToken {QString::fromLatin1(m_httpTokens.issue(login))}.toJson());
            } else if constexpr (std::is_same_v<T, proto::Supervise>) {
                m_supervision.handle(login, reply, r);
            } else if constexpr (kIsEmergencyRequest<T>) {
                if (!m_emergencies) {
                    reply.fail(ErrorCode::Internal,
                               QStringLiteral("emergencies are not available"));
                    return;
                }
                const auto answer = m_emergencies->handle(*login.account, grant.ownOnly, r);
                if (answer.error)
                    reply.fail(answer.error->code, answer.error->message);
                else
                    reply.ok(answer.result);
            } else {
                static_assert(sizeof(T) == 0, "a request type without a route");
            }
        },
        request);
}

} // namespace floorline::server
