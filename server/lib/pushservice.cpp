// SPDX-License-Identifier: Apache-2.0
#include "pushservice.h"

#include "authorization.h"
#include "fleetindex.h"
#include "logins.h"
#include "mediaservice.h"
#include "presence.h"
#include "reply.h"
#include "stats.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QRandomGenerator>

Q_LOGGING_CATEGORY(lcPush, "floorline.server.push", QtInfoMsg)

namespace floorline::server {

using proto::ErrorCode;

namespace {
constexpr int kShelfSize = 50;
constexpr qint64 kPairCodeLifetimeMs = 120000;

QString pushKey(const QString &sender, const QString &push)
{
    return sender + QLatin1Char('/') + push;
}
} // namespace

PushService::PushService(const FleetIndex &fleet, Logins &logins, Presence &presence,
                         const MediaService &media, SignalingStats &stats, Limits limits)
    : m_fleet(fleet)
    , m_logins(logins)
    , m_presence(presence)
    , m_media(media)
    , m_stats(stats)
    , m_limits(limits)
{ }

bool PushService::takePush(const QString &sender)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto it = m_budgets.find(sender);
    if (it == m_budgets.end())
        it = m_budgets.insert(sender, {double(m_limits.perMinute), now});
    Budget &b = *it;
    b.tokens = std::min<double>(m_limits.perMinute,
                                b.tokens + double(now - b.atMs) * m_limits.perMinute / 60000.0);
    b.atMs = now;
    if (b.tokens < 1.0)
        return false;
    b.tokens -= 1.0;
    return true;
}

void PushService::expire()
{
    if (!m_store)
        return;
    if (const int gone = m_store->expire(m_limits.expireAfterMs); gone > 0) {
        m_stats.pushesExpired += uint64_t(gone);
        qCInfo(lcPush) << gone << "pushes expired undelivered";
    }
}

void PushService::setStore(PushStore *store)
{
    m_store = store;
    m_pairings = store ? store->pairings() : QHash<QString, QString> {};
}

void PushService::refuse(Reply &reply, ErrorCode code, const QString &why)
{
    ++m_stats.pushRefused;
    reply.fail(code, why);
}

std::optional<QList<std::pair<QString, bool>>>
PushService::recipients(const Login &l, Reply &reply, bool ownOnly, const proto::PushTarget &to)
{
    const proto::Account &me = *l.account;
    QList<std::pair<QString, bool>> out;
    if (!to.unit.isEmpty()) {
        if (!m_fleet.account(to.unit)) {
            refuse(reply, ErrorCode::NotFound, QStringLiteral("no such unit"));
            return std::nullopt;
        }
        if (to.unit == me.unit.id) {
            refuse(reply, ErrorCode::BadMessage,
                   QStringLiteral("a push to yourself goes to your bound clients: use bound"));
            return std::nullopt;
        }
        // A radio may reach the people it works with, and the console it is paired with.
        if (ownOnly && !m_fleet.shareGroup(me, to.unit)
            && m_pairings.value(me.unit.id) != to.unit) {
            refuse(reply, ErrorCode::Forbidden,
                   QStringLiteral("units may push only to units that share a group"));
            return std::nullopt;
        }
        out.append({to.unit, false});
    } else if (!to.group.isEmpty()) {
        if (!m_fleet.hasGroup(to.group)) {
            refuse(reply, ErrorCode::NotFound, QStringLiteral("no such group"));
            return std::nullopt;
        }
        if (ownOnly && !me.unit.groups.contains(to.group)) {
            refuse(reply, ErrorCode::Forbidden,
                   QStringLiteral("units may push only to their own groups"));
            return std::nullopt;
        }
        // The group's members, and every console: they watch the groups' shelves.
        for (const proto::Account &a : m_fleet.accounts()) {
            if (a.unit.id != me.unit.id
                && (a.unit.groups.contains(to.group) || a.unit.role != proto::Role::Unit))
                out.append({a.unit.id, false});
        }
    } else if (ownOnly) {
        const QString console = m_pairings.value(me.unit.id);
        if (console.isEmpty()) {
            refuse(reply, ErrorCode::Forbidden,
                   QStringLiteral("nothing is bound to you: pair with a console first"));
            return std::nullopt;
        }
        out.append({console, false});
    } else {
        out.append({me.unit.id, true}); // this console's display clients
    }
    return out;
}

void PushService::handle(Login &l, Reply &reply, const Grant &grant, const proto::MediaPush &r)
{
    const QString sender = l.account->unit.id;
    if (PushOutcome early = check(sender, r); early.refused() || early.result) {
        answer(reply, early);
        return;
    }
    const auto found = recipients(l, reply, grant.ownOnly, r.to);
    if (!found)
        return;
    PushOutcome outcome = commit(sender, l.account->unit.alias, r, *found);
    answer(reply, outcome);
    sendOut(outcome);
}

PushService::PushOutcome PushService::check(const QString &sender, const proto::MediaPush &r)
{
    PushOutcome out;
    if (!m_store) {
        ++m_stats.pushRefused;
        out.message = QStringLiteral("pushes are not available");
        return out;
    }
    if (const auto earlier = m_store->recipients(sender, r.push)) {
        // The same push again (its response was lost with a connection): nothing new.
        ++m_stats.pushDuplicates;
        out.result = proto::PushResult {r.push, *earlier, true};
        return out;
    }
    if (!r.media.isEmpty() && !(m_media.store() && m_media.store()->media(r.media)))
        return refusal(ErrorCode::NotFound, QStringLiteral("no such media"));
    return out;
}

PushService::PushOutcome PushService::refusal(ErrorCode code, const QString &why)
{
    ++m_stats.pushRefused;
    PushOutcome out;
    out.code = code;
    out.message = why;
    return out;
}

void PushService::answer(Reply &reply, const PushOutcome &outcome)
{
    if (outcome.result)
        reply.ok(outcome.result->toJson());
    else
        reply.fail(outcome.code, outcome.message);
}

PushService::PushOutcome PushService::commit(const QString &sender, const QString &alias,
                                             const proto::MediaPush &r,
                                             const QList<std::pair<QString, bool>> &found)
{
    // A recipient that has this many pushes waiting gets no more until it takes some: the
    // others of a group push still do.
    PushOutcome out;
    for (const auto &recipient : found) {
        if (m_store->pendingCount(recipient.first) < m_limits.maxWaiting)
            out.targets.append(recipient);
        else
            ++m_stats.pushRecipientsFull;
    }
    if (out.targets.isEmpty())
        return refusal(ErrorCode::RateLimited,
                       QStringLiteral("%1 pushes wait for %2 already")
                           .arg(m_limits.maxWaiting)
                           .arg(found.first().first));
    if (!takePush(sender))
        return refusal(ErrorCode::RateLimited,
                       QStringLiteral("more than %1 pushes a minute").arg(m_limits.perMinute));
    out.push = StoredPush {sender,     r.push,     alias,
                           r.to.group, r.to.bound, r.media,
                           r.link,     r.note,     QDateTime::currentMSecsSinceEpoch()};
    QString error;
    if (!m_store->add(out.push, out.targets, &error)) {
        qCWarning(lcPush) << "storing push" << r.push << "failed:" << error;
        return refusal(ErrorCode::Internal, QStringLiteral("storage failed"));
    }
    ++m_stats.pushes;
    out.result = proto::PushResult {r.push, {}, false};
    for (const auto &[unit, displayOnly] : out.targets)
        out.result->recipients.append({unit, proto::PushState::Queued});
    return out;
}

void PushService::sendOut(const PushOutcome &outcome)
{
    if (!outcome.result || outcome.result->duplicate)
        return;
    for (const auto &[unit, displayOnly] : outcome.targets)
        deliver({outcome.push, unit, displayOnly, proto::PushState::Queued});
}

PushService::PushOutcome PushService::pushFromPhone(const QString &phone, const QString &alias,
                                                    const QString &console, bool displaysOnly,
                                                    const proto::MediaPush &r)
{
    PushOutcome early = check(phone, r);
    if (early.refused() || early.result)
        return early;
    if (!m_fleet.account(console))
        return refusal(ErrorCode::NotFound, QStringLiteral("no such unit"));
    PushOutcome outcome = commit(phone, alias, r, {{console, displaysOnly}});
    sendOut(outcome);
    return outcome;
}

std::optional<QList<proto::PushRecipient>> PushService::states(const QString &sender,
                                                               const QString &push) const
{
    return m_store ? m_store->recipients(sender, push) : std::nullopt;
}

proto::MediaShelf PushService::shelf(const QString &group) const
{
    proto::MediaShelf shelf;
    if (m_store) {
        for (const StoredPush &p : m_store->shelf(group, kShelfSize))
            shelf.items.append(pushedOf(p));
    }
    return shelf;
}

proto::Pushed PushService::pushedOf(const StoredPush &p) const
{
    proto::Pushed out;
    out.push = p.push;
    out.from = p.sender;
    out.fromAlias = p.senderAlias;
    out.group = p.group;
    out.bound = p.bound;
    if (!p.media.isEmpty() && m_media.store()) {
        if (const auto item = m_media.store()->media(p.media))
            out.media = MediaService::itemOf(*item);
    }
    out.link = p.link;
    out.note = p.note;
    out.sent = p.createdMs;
    return out;
}

void PushService::deliver(const PushDelivery &d)
{
    const QString key = pushKey(d.push.sender, d.push.push);
    std::optional<proto::EncodedEvent> encoded;
    for (quint64 loginId : m_logins.ofUnit(d.unit)) {
        Login &login = *m_logins.find(loginId);
        // A display shows what is sent to displays, and only that: a push to the console
        // itself stays with the console's own logins (a wall screen showing it too would queue
        // it behind what the dispatcher has seen already). Group pushes fill every login's
        // shelves. Held while the unit said it is resetting; sent once per login (a resume
        // replays it from the event log, not from here).
        const bool direct = d.push.group.isEmpty();
        if ((direct && login.display != d.displayOnly) || (d.displayOnly && !login.display)
            || login.announced != proto::UnitStatus::Online || login.pushesSent.contains(key))
            continue;
        if (!encoded)
            encoded = proto::encodeEventOnce(proto::Event {proto::MediaPushed {pushedOf(d.push)}});
        login.pushesSent.insert(key);
        ++m_stats.pushesSent;
        m_logins.deliver(login, *encoded);
    }
}

void PushService::deliverPending(const QString &unit)
{
    if (!m_store)
        return;
    for (const PushDelivery &d : m_store->pending(unit))
        deliver(d);
}

void PushService::handle(Login &l, Reply &reply, const proto::MediaAck &r)
{
    if (!m_store) {
        refuse(reply, ErrorCode::Internal, QStringLiteral("pushes are not available"));
        return;
    }
    const QString unit = l.unit();
    switch (m_store->advance(r.from, r.push, unit, r.state)) {
    case PushStore::Advance::Unknown:
        ++m_stats.badMessage;
        reply.fail(ErrorCode::NotFound, QStringLiteral("no such push for you"));
        return;
    case PushStore::Advance::Failed:
        // Not stored: the recipient acks again (it does on every resend), nothing is lost.
        qCWarning(lcPush) << "storing the ack of" << r.push << "failed";
        reply.fail(ErrorCode::Internal, QStringLiteral("storage failed"));
        return;
    case PushStore::Advance::Unchanged:
        reply.ok();
        return; // a repeated or late ack: the sender has heard it already
    case PushStore::Advance::Moved:
        reply.ok();
        break;
    }
    ++(r.state == proto::PushState::Opened ? m_stats.pushesOpened : m_stats.pushesDelivered);
    for (quint64 loginId : m_logins.ofUnit(unit))
        m_logins.find(loginId)->pushesSent.remove(pushKey(r.from, r.push));
    m_logins.deliverToUnit(r.from, proto::MediaPushStatus {r.push, unit, r.state});
}

void PushService::handle(Login &l, Reply &reply, const Grant &grant, const proto::MediaShelfGet &r)
{
    if (!m_fleet.hasGroup(r.group)) {
        ++m_stats.badMessage;
        reply.fail(ErrorCode::NotFound, QStringLiteral("no such group"));
        return;
    }
    if (grant.ownOnly && !l.account->unit.groups.contains(r.group)) {
        reply.fail(ErrorCode::Forbidden, QStringLiteral("not a member of this group"));
        return;
    }
    reply.ok(shelf(r.group).toJson());
}

void PushService::handle(Login &l, Reply &reply, const proto::UnitAnnounce &r)
{
    const QString unit = l.unit();
    m_presence.announce(l, r.state);
    reply.ok();
    qCInfo(lcPush) << unit << "announced" << proto::enumName(proto::kUnitStatuses, r.state);
    m_presence.broadcast(unit);
    if (r.state == proto::UnitStatus::Online)
        deliverPending(unit);
}

void PushService::handle(Login &l, Reply &reply, const proto::PairCreate &)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (auto it = m_pairCodes.begin(); it != m_pairCodes.end();)
        it = it->expires < now ? m_pairCodes.erase(it) : std::next(it);
    quint32 random[4];
    QRandomGenerator::system()->fillRange(random);
    const QString token
        = QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(random), 16).toHex());
    const qint64 expires = now + kPairCodeLifetimeMs;
    m_pairCodes.insert(token, {l.unit(), expires});
    reply.ok(proto::PairCode {token, expires}.toJson());
}

std::optional<QString> PushService::pairCodeConsole(const QString &token) const
{
    const auto it = m_pairCodes.constFind(token);
    if (it == m_pairCodes.cend() || it->expires < QDateTime::currentMSecsSinceEpoch())
        return std::nullopt;
    return it->console;
}

bool PushService::claimForPhone(const QString &token, const QString &phone, const QString &alias)
{
    const std::optional<QString> console = pairCodeConsole(token);
    if (!console)
        return false;
    m_pairCodes.remove(token); // one claim per code
    ++m_stats.pairings;
    m_logins.deliverToUnit(*console, proto::PairBound {{phone, alias}});
    return true;
}

void PushService::handle(Login &l, Reply &reply, const proto::PairClaim &r)
{
    const std::optional<QString> found = pairCodeConsole(r.token);
    if (!found) {
        ++m_stats.badMessage;
        reply.fail(ErrorCode::NotFound, QStringLiteral("pairing code unknown, used or expired"));
        return;
    }
    const QString console = *found;
    const QString device = l.unit();
    if (console == device) {
        ++m_stats.badMessage;
        reply.fail(ErrorCode::BadMessage, QStringLiteral("a console cannot pair with itself"));
        return;
    }
    QString error;
    if (m_store && !m_store->pair(device, console, &error)) {
        qCWarning(lcPush) << "storing pairing failed:" << error;
        reply.fail(ErrorCode::Internal, QStringLiteral("storage failed"));
        return;
    }
    m_pairCodes.remove(r.token); // one claim per code
    m_pairings.insert(device, console);
    ++m_stats.pairings;
    const proto::Account *consoleAccount = m_fleet.account(console);
    reply.ok(
        proto::Paired {console, consoleAccount ? consoleAccount->unit.alias : QString()}.toJson());
    m_logins.deliverToUnit(console, proto::PairBound {{device, l.account->unit.alias}});
}

} // namespace floorline::server
