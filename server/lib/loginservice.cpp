// SPDX-License-Identifier: Apache-2.0
#include "loginservice.h"

#include "connection.h"
#include "fleetindex.h"
#include "logins.h"
#include "presence.h"
#include "reply.h"
#include "stats.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcLogin, "floorline.server.login", QtInfoMsg)

namespace floorline::server {

using proto::ErrorCode;

LoginService::LoginService(Config config, const FleetIndex &fleet, Logins &logins,
                           Presence &presence, SignalingStats &stats, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_fleet(fleet)
    , m_logins(logins)
    , m_presence(presence)
    , m_stats(stats)
{ }

void LoginService::handle(Connection &c, Reply &reply, const proto::Hello &r)
{
    if (!r.protocols.contains(proto::kProtocolVersion)) {
        reply.fail(
            ErrorCode::VersionUnsupported,
            QStringLiteral("this server speaks protocol version %1").arg(proto::kProtocolVersion));
        return;
    }
    c.setHelloDone();
    proto::HelloResult result;
    result.server = m_config.serverName;
    result.limits = m_config.limits;
    reply.ok(result.toJson());
}

Login *LoginService::resume(Reply &reply, const proto::Login &r, bool *gapFree)
{
    Login *login = m_logins.resumable(r.user, r.resumeToken);
    if (!login) {
        ++m_stats.authFailures;
        reply.fail(ErrorCode::AuthFailed,
                   QStringLiteral("resume token unknown or expired; log in again"));
        return nullptr;
    }
    if (Connection *old = login->connection) {
        // The old socket may not have noticed it is dead yet; the resume wins.
        login->connection = nullptr;
        old->setLogin(0);
        old->close();
    }
    // Gap-free only if every event after lastSeq is still in the log.
    const quint64 oldest = login->log.empty() ? login->seq + 1 : login->log.front().first;
    *gapFree = r.lastSeq <= login->seq && r.lastSeq + 1 >= oldest;
    if (!*gapFree)
        login->pushesSent.clear(); // the client starts over: what it was owed comes again
    ++m_stats.resumes;
    return login;
}

void LoginService::handle(Connection &c, Reply &reply, const proto::Login &r)
{
    if (c.login()) {
        reply.fail(ErrorCode::AlreadyLoggedIn, QStringLiteral("already logged in"));
        return;
    }
    Login *login = nullptr;
    bool resumed = false;
    if (!r.resumeToken.isEmpty()) {
        login = resume(reply, r, &resumed);
        if (!login)
            return;
    } else {
        const proto::Account *account = m_fleet.account(r.user);
        if (!account || account->password != r.password) {
            ++m_stats.authFailures;
            reply.fail(ErrorCode::AuthFailed, QStringLiteral("unknown user or wrong password"));
            return;
        }
        login = &m_logins.create(*account, r.display);
        m_presence.back(account->unit.id);
    }
    ++m_stats.logins;
    m_logins.attach(*login, c);

    proto::LoginResult result;
    result.unit = m_presence.unitInfo(*login->account);
    result.token = login->token;
    result.seq = resumed ? r.lastSeq : login->seq;
    result.resumed = resumed;
    result.media.port = m_config.mediaPort;
    result.media.ssrc = login->ssrc;
    result.media.key = QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(login->key.data()), 16).toHex());
    reply.ok(result.toJson());
    if (resumed) {
        for (const auto &[seq, frame] : login->log) {
            if (seq > r.lastSeq)
                c.sendFrame(frame);
        }
    }
    qCInfo(lcLogin) << login->unit() << (resumed ? "resumed" : "logged in") << "from" << c.peer()
                    << "ssrc" << login->ssrc;
    m_presence.broadcast(login->unit());
    Q_EMIT loggedIn(login);
}

void LoginService::handle(Connection &c, Reply &reply, const proto::Logout &)
{
    const quint64 id = c.login();
    c.setLogin(0);
    m_logins.drop(id);
    reply.ok();
}

void LoginService::onClosed(Connection &c)
{
    Login *login = m_logins.find(c.login());
    if (login && login->connection == &c) {
        qCInfo(lcLogin) << login->unit() << "disconnected; floors released";
        m_logins.detach(*login);
    }
}

} // namespace floorline::server
