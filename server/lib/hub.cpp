// SPDX-License-Identifier: Apache-2.0
#include "hub.h"

#include "core/protocol/clock.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QWebSocket>

Q_LOGGING_CATEGORY(lcHub, "floorline.server.hub", QtInfoMsg)

namespace floorline::server {

using proto::ErrorCode;

Hub::Hub(Config config, proto::Fleet fleet, RtpRelay &relay, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_fleet(std::move(fleet))
    , m_relay(relay)
{
    for (const proto::Account &a : m_fleet.accounts)
        m_accounts.insert(a.unit.id, &a);
    for (const proto::GroupInfo &g : m_fleet.groups) {
        m_groups.insert(g.id, &g);
        if (!g.parent.isEmpty())
            m_children[g.parent].append(g.id);
        auto session = std::make_unique<Session>(proto::groupSessionId(g.id),
                                                 proto::SessionKind::Group, g.name, config.floor);
        session->group = g.id;
        Session *s = session.get();
        connect(&s->timer, &QTimer::timeout, this, [this, s] { onSessionTimer(*s); });
        m_sessions.emplace(s->id, std::move(session));
    }
    rebuildBindings();
}

Hub::~Hub() = default;

void Hub::accept(QWebSocket *socket)
{
    ++m_stats.connections;
    auto *connection
        = new Connection(socket, m_config.limits, m_stats, m_config.loginTimeoutMs, this);
    connect(connection, &Connection::requestReceived, this, &Hub::onRequest);
    connect(connection, &Connection::closed, this, &Hub::onClosed);
    qCDebug(lcHub) << "connection from" << connection->peer();
}

Hub::Login *Hub::loginOf(Connection *c)
{
    const auto it = m_logins.find(c->login());
    return it == m_logins.end() ? nullptr : it->second.get();
}

void Hub::onRequest(Connection *c, const proto::RequestFrame &frame)
{
    const quint64 id = frame.id;
    if (!c->helloDone() && !std::holds_alternative<proto::Hello>(frame.request)) {
        ++m_stats.notAuthenticated;
        c->sendError(id, ErrorCode::NotAuthenticated, QStringLiteral("send hello first"));
        return;
    }
    Login *login = loginOf(c);
    const bool needsLogin = !std::holds_alternative<proto::Hello>(frame.request)
        && !std::holds_alternative<proto::Login>(frame.request)
        && !std::holds_alternative<proto::Ping>(frame.request);
    if (needsLogin && !login) {
        ++m_stats.notAuthenticated;
        c->sendError(id, ErrorCode::NotAuthenticated, QStringLiteral("log in first"));
        return;
    }
    if (login && login->display
        && (std::holds_alternative<proto::Affiliate>(frame.request)
            || std::holds_alternative<proto::FloorRequest>(frame.request)
            || std::holds_alternative<proto::SessionCreate>(frame.request)
            || std::holds_alternative<proto::SessionInvite>(frame.request)
            || std::holds_alternative<proto::EmergencyRaise>(frame.request)
            || std::holds_alternative<proto::Supervise>(frame.request)
            || std::holds_alternative<proto::SessionJoin>(frame.request))) {
        ++m_stats.forbidden;
        c->sendError(id, ErrorCode::Forbidden,
                     QStringLiteral("a display takes no part in talk groups"));
        return;
    }
    std::visit(
        [&](const auto &r) {
            using T = std::decay_t<decltype(r)>;
            if constexpr (std::is_same_v<T, proto::Hello>)
                handleHello(c, id, r);
            else if constexpr (std::is_same_v<T, proto::Login>)
                handleLogin(c, id, r);
            else if constexpr (std::is_same_v<T, proto::Logout>)
                handleLogout(c, id);
            else if constexpr (std::is_same_v<T, proto::Ping>)
                c->sendResult(id, proto::Pong {QDateTime::currentMSecsSinceEpoch()}.toJson());
            else if constexpr (std::is_same_v<T, proto::DirectoryGet>)
                handleDirectory(c, id);
            else if constexpr (std::is_same_v<T, proto::Affiliate>)
                handleAffiliate(*login, c, id, r);
            else if constexpr (std::is_same_v<T, proto::Deaffiliate>)
                handleDeaffiliate(*login, c, id, r);
            else if constexpr (std::is_same_v<T, proto::SessionCreate>)
                handleSessionCreate(*login, c, id, r);
            else if constexpr (std::is_same_v<T, proto::SessionInvite>)
                handleSessionInvite(*login, c, id, r);
            else if constexpr (std::is_same_v<T, proto::SessionLeave>)
                handleSessionLeave(*login, c, id, r);
            else if constexpr (std::is_same_v<T, proto::SessionListGet>)
                handleSessionList(*login, c, id, r);
            else if constexpr (std::is_same_v<T, proto::FloorRequest>)
                handleFloorRequest(*login, c, id, r);
            else if constexpr (std::is_same_v<T, proto::FloorRelease>)
                handleFloorRelease(*login, c, id, r);
            else if constexpr (std::is_same_v<T, proto::QueuePositionRequest>)
                handleQueuePosition(*login, c, id, r);
            else if constexpr (std::is_same_v<T, proto::MediaUpload>)
                handleMediaUpload(*login, c, id, r);
            else if constexpr (std::is_same_v<T, proto::MediaUploadStatus>)
                handleMediaUploadStatus(*login, c, id, r);
            else if constexpr (std::is_same_v<T, proto::MediaChunk>)
                handleMediaChunk(*login, c, id, r);
            else if constexpr (std::is_same_v<T, proto::MediaFinish>)
                handleMediaFinish(*login, c, id, r);
            else if constexpr (std::is_same_v<T, proto::MediaGet>)
                handleMediaGet(c, id, r);
            else if constexpr (std::is_same_v<T, proto::MediaPush>)
                handleMediaPush(*login, c, id, r);
            else if constexpr (std::is_same_v<T, proto::MediaAck>)
                handleMediaAck(*login, c, id, r);
            else if constexpr (std::is_same_v<T, proto::MediaShelfGet>)
                handleMediaShelf(*login, c, id, r);
            else if constexpr (std::is_same_v<T, proto::UnitAnnounce>)
                handleUnitAnnounce(*login, c, id, r);
            else if constexpr (std::is_same_v<T, proto::PairCreate>)
                handlePairCreate(*login, c, id);
            else if constexpr (std::is_same_v<T, proto::PairClaim>)
                handlePairClaim(*login, c, id, r);
            else if constexpr (std::is_same_v<T, proto::Supervise>)
                handleSupervise(*login, c, id, r);
            else if constexpr (std::is_same_v<T, proto::SessionJoin>)
                handleSessionJoin(*login, c, id, r);
            else if constexpr (kIsEmergencyRequest<T>) {
                if (m_emergencies)
                    answer(c, id, m_emergencies->handle(*login->account, r));
                else
                    c->sendError(id, ErrorCode::Internal,
                                 QStringLiteral("emergencies are not available"));
            }
        },
        frame.request);
}

void Hub::handleHello(Connection *c, quint64 id, const proto::Hello &r)
{
    if (!r.protocols.contains(proto::kProtocolVersion)) {
        c->sendError(
            id, ErrorCode::VersionUnsupported,
            QStringLiteral("this server speaks protocol version %1").arg(proto::kProtocolVersion));
        return;
    }
    c->setHelloDone();
    proto::HelloResult result;
    result.server = m_config.serverName;
    result.limits = m_config.limits;
    c->sendResult(id, result.toJson());
}

Hub::Login *Hub::createLogin(const proto::Account *account)
{
    auto login = std::make_unique<Login>();
    login->id = m_nextLogin++;
    login->account = account;
    QRandomGenerator *random = QRandomGenerator::system();
    do {
        login->ssrc = random->generate();
    } while (login->ssrc == 0 || m_loginBySsrc.contains(login->ssrc));
    for (auto &b : login->key)
        b = uint8_t(random->bounded(256));
    quint32 token[4];
    random->fillRange(token);
    login->token
        = QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(token), 16).toHex());
    login->lastMediaMs = std::make_shared<std::atomic<int64_t>>(0);
    login->grace.setSingleShot(true);
    const quint64 loginId = login->id;
    connect(&login->grace, &QTimer::timeout, this, [this, loginId] {
        qCInfo(lcHub) << "resume window closed for login" << loginId;
        dropLogin(loginId);
    });
    Login *raw = login.get();
    m_loginsByUnit[account->unit.id].append(raw->id);
    m_loginBySsrc.insert(raw->ssrc, raw->id);
    m_logins.emplace(raw->id, std::move(login));
    rebuildBindings();
    publishRoutes();
    m_supervisors.touchConsoles();
    return raw;
}

void Hub::handleLogin(Connection *c, quint64 id, const proto::Login &r)
{
    if (c->login()) {
        c->sendError(id, ErrorCode::AlreadyLoggedIn, QStringLiteral("already logged in"));
        return;
    }
    const proto::Account *account = m_accounts.value(r.user);
    Login *login = nullptr;
    bool resumed = false;
    if (!r.resumeToken.isEmpty()) {
        for (quint64 candidate : m_loginsByUnit.value(r.user)) {
            Login *l = m_logins.at(candidate).get();
            if (l->token == r.resumeToken)
                login = l;
        }
        if (!login) {
            ++m_stats.authFailures;
            c->sendError(id, ErrorCode::AuthFailed,
                         QStringLiteral("resume token unknown or expired; log in again"));
            return;
        }
        if (login->connection) {
            // The old socket may not have noticed it is dead yet; the resume wins.
            Connection *old = login->connection;
            login->connection = nullptr;
            old->setLogin(0);
            old->close();
        }
        login->grace.stop();
        // Gap-free only if every event after lastSeq is still in the log.
        const quint64 oldest = login->log.empty() ? login->seq + 1 : login->log.front().first;
        resumed = r.lastSeq <= login->seq && r.lastSeq + 1 >= oldest;
        if (!resumed)
            login->pushesSent.clear(); // the client starts over: what it was owed comes again
        ++m_stats.resumes;
    } else {
        if (!account || account->password != r.password) {
            ++m_stats.authFailures;
            c->sendError(id, ErrorCode::AuthFailed,
                         QStringLiteral("unknown user or wrong password"));
            return;
        }
        login = createLogin(account);
        login->display = r.display;
        m_announced.remove(account->unit.id); // back from its reset
    }
    ++m_stats.logins;
    login->connection = c;
    m_supervisors.touchConsoles(); // a resumed console is back
    c->setLogin(login->id);

    proto::LoginResult result;
    result.unit = unitInfo(*login->account);
    result.token = login->token;
    result.seq = resumed ? r.lastSeq : login->seq;
    result.resumed = resumed;
    result.media.port = m_relay.port();
    result.media.ssrc = login->ssrc;
    result.media.key = QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(login->key.data()), 16).toHex());
    c->sendResult(id, result.toJson());
    if (resumed) {
        for (const auto &[seq, frame] : login->log) {
            if (seq > r.lastSeq)
                c->sendFrame(frame);
        }
    }
    qCInfo(lcHub) << login->account->unit.id << (resumed ? "resumed" : "logged in") << "from"
                  << c->peer() << "ssrc" << login->ssrc;
    broadcastStatus(login->account->unit.id);
    // Store-and-forward: what was held for this unit (offline, reset, server restart) now.
    deliverPending(login->account->unit.id);
}

void Hub::handleLogout(Connection *c, quint64 id)
{
    const quint64 loginId = c->login();
    c->setLogin(0);
    dropLogin(loginId);
    c->sendResult(id, {});
}

void Hub::onClosed(Connection *c)
{
    if (Login *login = loginOf(c); login && login->connection == c) {
        login->connection = nullptr;
        m_supervisors.touchConsoles(); // not at a console now, whether or not it resumes
        qCInfo(lcHub) << login->account->unit.id << "disconnected; floors released";
        // A dropped talker must not hold the floor while it may never come back.
        releaseFloors(*login);
        login->grace.start(m_config.resumeGraceMs);
    }
    c->deleteLater();
}

void Hub::dropLogin(quint64 loginId)
{
    const auto it = m_logins.find(loginId);
    if (it == m_logins.end())
        return;
    Login &login = *it->second;
    m_supervisors.watch(loginId, false);
    m_supervisors.touchConsoles();
    const QStringList sessions = login.sessions;
    for (const QString &s : sessions) {
        if (const auto session = m_sessions.find(s); session != m_sessions.end())
            leave(*session->second, loginId, false);
    }
    const QString unit = login.account->unit.id;
    m_loginsByUnit[unit].removeOne(loginId);
    if (m_loginsByUnit[unit].isEmpty())
        m_loginsByUnit.remove(unit);
    m_loginBySsrc.remove(login.ssrc);
    m_logins.erase(it);
    rebuildBindings();
    publishRoutes();
    broadcastStatus(unit);
}

void Hub::deliver(Login &login, const proto::Event &event)
{
    deliver(login, proto::encodeEventOnce(event));
}

void Hub::deliverToMembers(const Session &session, const proto::Event &event, quint64 except)
{
    const proto::EncodedEvent encoded = proto::encodeEventOnce(event);
    for (quint64 member : session.members) {
        if (member == except)
            continue;
        if (const auto it = m_logins.find(member); it != m_logins.end())
            deliver(*it->second, encoded);
    }
}

void Hub::deliver(Login &login, const proto::EncodedEvent &event)
{
    const QByteArray frame = event.frame(++login.seq);
    login.log.emplace_back(login.seq, frame);
    while (login.log.size() > std::size_t(m_config.eventLogSize))
        login.log.pop_front();
    if (login.connection)
        login.connection->sendFrame(frame);
}

void Hub::deliver(quint64 loginId, const proto::Event &event)
{
    if (const auto it = m_logins.find(loginId); it != m_logins.end())
        deliver(*it->second, event);
}

proto::UnitStatus Hub::statusOf(const QString &unit, QString *busySession) const
{
    const QList<quint64> logins = m_loginsByUnit.value(unit);
    if (logins.isEmpty())
        return m_announced.value(unit, proto::UnitStatus::Offline);
    // A unit that announced a reset (or going offline) on every login shows that until back.
    proto::UnitStatus announced = proto::UnitStatus::Online;
    for (quint64 id : logins) {
        const proto::UnitStatus a = m_logins.at(id)->announced;
        if (a == proto::UnitStatus::Online)
            return statusOfPresent(logins, busySession);
        announced = a;
    }
    return announced;
}

proto::UnitStatus Hub::statusOfPresent(const QList<quint64> &logins, QString *busySession) const
{
    for (quint64 id : logins) {
        for (const QString &s : m_logins.at(id)->sessions) {
            if (!s.startsWith(QLatin1String("group:"))) {
                if (busySession)
                    *busySession = s;
                return proto::UnitStatus::Busy;
            }
        }
    }
    return proto::UnitStatus::Online;
}

proto::UnitInfo Hub::unitInfo(const proto::Account &account) const
{
    proto::UnitInfo info = account.unit;
    info.status = statusOf(account.unit.id, nullptr);
    for (quint64 id : m_loginsByUnit.value(account.unit.id)) {
        for (const QString &s : m_logins.at(id)->sessions) {
            if (s.startsWith(QLatin1String("group:")) && !info.affiliated.contains(s.mid(6)))
                info.affiliated.append(s.mid(6));
        }
    }
    return info;
}

void Hub::broadcastStatus(const QString &unit)
{
    proto::UnitStatusChanged event;
    event.unit = unit;
    event.status = statusOf(unit, &event.session);
    if (const auto it = m_sessions.find(event.session); it != m_sessions.end())
        event.sessionName = it->second->name; // "Busy in Structure fire", not "busy in adhoc:3"
    // Status is for the people watching the fleet, not for every radio in it.
    const proto::EncodedEvent encoded = proto::encodeEventOnce(event);
    for (auto &[id, login] : m_logins) {
        if (login->account->unit.role != proto::Role::Unit)
            deliver(*login, encoded);
    }
}

void Hub::setEmergencyStore(EmergencyStore *store)
{
    m_emergencies.reset();
    if (store)
        m_emergencies = std::make_unique<EmergencyService>(
            *store, m_groups, m_stats,
            [this](const EmergencyAudience &a, const proto::Event &e) { deliverToAudience(a, e); });
}

void Hub::deliverToAudience(const EmergencyAudience &audience, const proto::Event &event)
{
    const auto group = m_sessions.find(proto::groupSessionId(audience.group));
    const Session *groupSession
        = audience.group.isEmpty() || group == m_sessions.end() ? nullptr : group->second.get();
    const proto::EncodedEvent encoded = proto::encodeEventOnce(event);
    // A group with an open emergency stays in the supervisors' overview until it is cleared.
    m_supervisors.touchSession(proto::eventSession(event));
    for (auto &[id, login] : m_logins) {
        const proto::UnitInfo &unit = login->account->unit;
        if (unit.role != proto::Role::Unit || unit.id == audience.unit
            || (groupSession && groupSession->hasMember(id)))
            deliver(*login, encoded);
    }
}

void Hub::answer(Connection *c, quint64 id, const EmergencyService::Answer &answer)
{
    if (answer.error)
        c->sendError(id, answer.error->code, answer.error->message);
    else
        c->sendResult(id, answer.result);
}

void Hub::handleDirectory(Connection *c, quint64 id)
{
    proto::Directory directory;
    directory.groups = m_fleet.groups;
    for (const proto::Account &a : m_fleet.accounts)
        directory.units.append(unitInfo(a));
    c->sendResult(id, directory.toJson());
}

void Hub::rebuildBindings()
{
    auto bindings = std::make_shared<std::unordered_map<uint32_t, RtpRelay::Binding>>();
    for (const auto &[id, login] : m_logins)
        bindings->emplace(login->ssrc, RtpRelay::Binding {login->key, login->lastMediaMs});
    m_bindings = std::move(bindings);
}

void Hub::publishRoutes()
{
    auto routes = std::make_shared<RtpRelay::Routes>();
    routes->bindings = m_bindings;
    for (const auto &[id, session] : m_sessions) {
        const auto &holder = session->arbiter.holder();
        if (!holder)
            continue;
        auto &destinations = routes->forwards[holder->ssrc];
        for (quint64 member : session->members) {
            const auto login = m_logins.find(member);
            if (login == m_logins.end() || login->second->ssrc == holder->ssrc)
                continue;
            const uint32_t ssrc = login->second->ssrc;
            if (std::find(destinations.begin(), destinations.end(), ssrc) == destinations.end())
                destinations.push_back(ssrc);
        }
    }
    m_relay.publish(std::move(routes));
}

proto::SessionInfo Hub::sessionInfo(const QString &id) const
{
    proto::SessionInfo info;
    const auto it = m_sessions.find(id);
    if (it == m_sessions.end())
        return info;
    const Session &s = *it->second;
    info.id = s.id;
    info.kind = s.kind;
    info.name = s.name;
    info.owner = s.ownerUnit;
    // One entry per account (an account may be logged in twice); a set keeps a big group's
    // snapshot linear (supervisors get one per change).
    QSet<QString> seen;
    seen.reserve(s.members.size());
    for (quint64 member : s.members) {
        const QString &unit = m_logins.at(member)->account->unit.id;
        if (!seen.contains(unit)) {
            seen.insert(unit);
            info.members.append(unit);
        }
    }
    info.floor.state = s.arbiter.state();
    info.floor.queued = int(s.arbiter.queue().size());
    if (const auto &holder = s.arbiter.holder()) {
        info.floor.talker = holder->unit;
        info.floor.alias = holder->alias;
        info.floor.ssrc = holder->ssrc;
        info.floor.type = holder->type;
        info.floor.priority = holder->priority;
        info.floor.media = holder->media;
    }
    return info;
}

} // namespace floorline::server
