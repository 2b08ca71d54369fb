// SPDX-License-Identifier: Apache-2.0
#include "loginservice.h"

#include "connection.h"
#include "core/protocol/rtp.h"
#include "fleetindex.h"
#include "logins.h"
#include "presence.h"
#include "reply.h"
#include "stats.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QPointer>

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
    , m_hasher(config.hashThreads, config.maxPendingChecks)
    , m_throttle(config.throttle)
{
    m_throttleFlush.setSingleShot(true);
    m_throttleFlush.setInterval(1000);
    connect(&m_throttleFlush, &QTimer::timeout, this, [this] {
        if (m_throttleUnlogged == 0)
            return;
        qCWarning(lcLogin).noquote()
            << QStringLiteral("refused %1 more logins unchecked (backing off, any account) "
                              "since the last line")
                   .arg(m_throttleUnlogged);
        m_throttleUnlogged = 0;
        m_throttleLogged.start();
    });
}

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
        // Not a guessed password: a client back after a server restart or a long outage.
        ++m_stats.resumesExpired;
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
    if (c.loginPending()) {
        reply.fail(ErrorCode::AlreadyLoggedIn, QStringLiteral("a login is already in progress"));
        return;
    }
    if (!r.resumeToken.isEmpty()) {
        bool gapFree = false;
        if (Login *login = resume(reply, r, &gapFree))
            admit(c, reply, *login, r, gapFree);
        return;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (const qint64 wait = m_throttle.waitMs(r.user, c.peerAddress(), now)) {
        ++m_stats.loginsThrottled;
        logThrottled(r.user, c.peerAddress(), wait);
        reply.fail(
            ErrorCode::RateLimited,
            QStringLiteral("too many failed logins; try again in %1 s").arg((wait + 999) / 1000));
        return;
    }
    // An unknown user costs the same check as a wrong password: the time tells nothing.
    const proto::Account *account = m_fleet.account(r.user);
    const QString &stored = account ? account->password : PasswordHasher::decoy();
    QPointer<Connection> connection(&c);
    const quint64 id = reply.id();
    const bool queued = m_hasher.verify(stored, r.password, [=, this](bool match) {
        if (!connection)
            return; // gone while its password was checked
        connection->setLoginPending(false);
        Reply later(*connection, id, m_stats);
        checked(*connection, later, r, match && account);
    });
    if (!queued) {
        ++m_stats.loginsBusy;
        reply.fail(ErrorCode::Busy,
                   QStringLiteral("the server is busy checking other logins; try again"));
        return;
    }
    c.setLoginPending(true);
}

QString LoginService::whoTried(const QString &user) const
{
    return m_fleet.account(user) ? QStringLiteral("'%1'").arg(user)
                                 : QStringLiteral("an unknown user");
}

void LoginService::logThrottled(const QString &user, const QString &address, qint64 waitMs)
{
    // At most a line a second, so that a flood cannot fill the disk through the log; what
    // that leaves out is counted, of any account, and said after a quiet second.
    if (m_throttleLogged.isValid() && m_throttleLogged.elapsed() < 1000) {
        ++m_throttleUnlogged;
        if (!m_throttleFlush.isActive())
            m_throttleFlush.start(int(1000 - m_throttleLogged.elapsed()) + 1);
        return;
    }
    qCWarning(lcLogin).noquote()
        << QStringLiteral("refused a login for %1 from %2 unchecked: backing off, %3 s left%4")
               .arg(whoTried(user), address)
               .arg((waitMs + 999) / 1000)
               .arg(m_throttleUnlogged
                        ? QStringLiteral(" (and %1 more logins, of any account, since the last "
                                         "line)")
                              .arg(m_throttleUnlogged)
                        : QString());
    m_throttleUnlogged = 0;
    m_throttleFlush.stop();
    m_throttleLogged.start();
}

void LoginService::checked(Connection &c, Reply &reply, const proto::Login &r, bool match)
{
    const QString address = c.peerAddress();
    if (!match) {
        ++m_stats.authFailures;
        const int inARow = m_throttle.failed(r.user, address, QDateTime::currentMSecsSinceEpoch());
        // The operator learns why (the client only that it failed: no account is confirmed).
        const proto::Account *account = m_fleet.account(r.user);
        const bool locked = account && account->password == PasswordHasher::locked();
        qCWarning(lcLogin).noquote()
            << QStringLiteral("failed login for %1 from %2 (%3 in a row)%4")
                   .arg(whoTried(r.user), address)
                   .arg(inARow)
                   .arg(locked ? QStringLiteral(": the account has no password yet "
                                                "(floorline-server --set-password)")
                               : QString());
        reply.fail(ErrorCode::AuthFailed, QStringLiteral("unknown user or wrong password"));
        return;
    }
    m_throttle.succeeded(r.user);
    if (!makeRoom(r.user)) {
        ++m_stats.loginsRefused;
        reply.fail(ErrorCode::Forbidden,
                   QStringLiteral("%1 is logged in %2 times already: log one of them out first")
                       .arg(r.user)
                       .arg(m_config.maxLoginsPerAccount));
        return;
    }
    const proto::Account &account = *m_fleet.account(r.user);
    Login &login = m_logins.create(account, r.display);
    m_presence.back(account.unit.id);
    admit(c, reply, login, r, false);
}

bool LoginService::makeRoom(const QString &unit)
{
    const QList<quint64> logins = m_logins.ofUnit(unit);
    if (logins.size() < m_config.maxLoginsPerAccount)
        return true;
    // A login that lost its connection and waits for a resume makes way first, the oldest of
    // them: a radio that crashed and logs in afresh must not lock itself out.
    for (quint64 id : logins) {
        if (!m_logins.find(id)->connection) {
            qCInfo(lcLogin) << unit << "has" << logins.size()
                            << "logins; the oldest one waiting for a resume ends";
            m_logins.drop(id);
            return true;
        }
    }
    return false;
}

void LoginService::admit(Connection &c, Reply &reply, Login &login, const proto::Login &r,
                         bool resumed)
{
    ++m_stats.logins;
    m_logins.attach(login, c);

    proto::LoginResult result;
    result.unit = m_presence.unitInfo(*login.account);
    result.token = login.token;
    result.seq = resumed ? r.lastSeq : login.seq;
    result.resumed = resumed;
    result.media.port = m_config.mediaPort;
    result.media.ssrc = login.ssrc;
    const int keySize = m_config.srtp ? int(proto::kSrtpKeySize) : int(proto::kMediaKeySize);
    result.media.key = QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(login.key.data()), keySize).toHex());
    if (m_config.srtp)
        result.media.srtp = QLatin1String(proto::kSrtpSuite);
    reply.ok(result.toJson());
    if (resumed) {
        for (const auto &[seq, frame] : login.log) {
            if (seq > r.lastSeq)
                c.sendFrame(frame);
        }
    }
    qCInfo(lcLogin) << login.unit() << (resumed ? "resumed" : "logged in") << "from" << c.peer()
                    << "ssrc" << login.ssrc;
    m_presence.broadcast(login.unit());
    Q_EMIT loggedIn(&login);
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
