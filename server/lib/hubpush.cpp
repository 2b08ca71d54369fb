// SPDX-License-Identifier: Apache-2.0
// Hub, push part (docs/protocol.md §10): pushes to a unit, a group or the clients bound to the
// sender, stored before anyone hears of them and sent until acknowledged; groups' shelves;
// units announcing a reset; pairing a device with a console.
#include "hub.h"

#include "connection.h"

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

void Hub::setPushStore(PushStore *store)
{
    m_pushes = store;
    m_pairings = store ? store->pairings() : QHash<QString, QString> {};
}

void Hub::refusePush(Connection *c, quint64 id, ErrorCode code, const QString &why)
{
    ++m_stats.pushRefused;
    if (code == ErrorCode::Forbidden)
        ++m_stats.forbidden;
    c->sendError(id, code, why);
}

bool Hub::sharesGroup(const proto::Account &a, const QString &unit) const
{
    const proto::Account *other = m_accounts.value(unit);
    if (!other)
        return false;
    for (const QString &g : a.unit.groups) {
        if (other->unit.groups.contains(g))
            return true;
    }
    return false;
}

std::optional<QList<std::pair<QString, bool>>>
Hub::pushRecipients(Login &l, Connection *c, quint64 id, const proto::PushTarget &to)
{
    const proto::Account &me = *l.account;
    const bool isUnit = me.unit.role == proto::Role::Unit;
    QList<std::pair<QString, bool>> out;
    if (!to.unit.isEmpty()) {
        if (!m_accounts.contains(to.unit)) {
            refusePush(c, id, ErrorCode::NotFound, QStringLiteral("no such unit"));
            return std::nullopt;
        }
        if (to.unit == me.unit.id) {
            refusePush(c, id, ErrorCode::BadMessage,
                       QStringLiteral("a push to yourself goes to your bound clients: use bound"));
            return std::nullopt;
        }
        // A radio may reach the people it works with, and the console it is paired with.
        if (isUnit && !sharesGroup(me, to.unit) && m_pairings.value(me.unit.id) != to.unit) {
            refusePush(c, id, ErrorCode::Forbidden,
                       QStringLiteral("units may push only to units that share a group"));
            return std::nullopt;
        }
        out.append({to.unit, false});
    } else if (!to.group.isEmpty()) {
        if (!m_groups.contains(to.group)) {
            refusePush(c, id, ErrorCode::NotFound, QStringLiteral("no such group"));
            return std::nullopt;
        }
        if (isUnit && !me.unit.groups.contains(to.group)) {
            refusePush(c, id, ErrorCode::Forbidden,
                       QStringLiteral("units may push only to their own groups"));
            return std::nullopt;
        }
        // The group's members, and every console: they watch the groups' shelves.
        for (const proto::Account &a : m_fleet.accounts) {
            if (a.unit.id != me.unit.id
                && (a.unit.groups.contains(to.group) || a.unit.role != proto::Role::Unit))
                out.append({a.unit.id, false});
        }
    } else if (isUnit) {
        const QString console = m_pairings.value(me.unit.id);
        if (console.isEmpty()) {
            refusePush(c, id, ErrorCode::Forbidden,
                       QStringLiteral("nothing is bound to you: pair with a console first"));
            return std::nullopt;
        }
        out.append({console, false});
    } else {
        out.append({me.unit.id, true}); // this console's display clients
    }
    return out;
}

void Hub::handleMediaPush(Login &l, Connection *c, quint64 id, const proto::MediaPush &r)
{
    if (!m_pushes) {
        refusePush(c, id, ErrorCode::Internal, QStringLiteral("pushes are not available"));
        return;
    }
    const QString sender = l.account->unit.id;
    if (const auto earlier = m_pushes->recipients(sender, r.push)) {
        // The same push again (its response was lost with a connection): nothing new.
        ++m_stats.pushDuplicates;
        c->sendResult(id, proto::PushResult {r.push, *earlier, true}.toJson());
        return;
    }
    if (!r.media.isEmpty() && !(m_media && m_media->media(r.media))) {
        refusePush(c, id, ErrorCode::NotFound, QStringLiteral("no such media"));
        return;
    }
    const auto recipients = pushRecipients(l, c, id, r.to);
    if (!recipients)
        return;
    StoredPush push {sender,     r.push,     l.account->unit.alias,
                     r.to.group, r.to.bound, r.media,
                     r.link,     r.note,     QDateTime::currentMSecsSinceEpoch()};
    QString error;
    if (!m_pushes->add(push, *recipients, &error)) {
        qCWarning(lcPush) << "storing push" << r.push << "failed:" << error;
        refusePush(c, id, ErrorCode::Internal, QStringLiteral("storage failed"));
        return;
    }
    ++m_stats.pushes;
    proto::PushResult result {r.push, {}, false};
    for (const auto &[unit, displayOnly] : *recipients)
        result.recipients.append({unit, proto::PushState::Queued});
    c->sendResult(id, result.toJson());
    for (const auto &[unit, displayOnly] : *recipients)
        deliverPush({push, unit, displayOnly, proto::PushState::Queued});
}

proto::Pushed Hub::pushedOf(const StoredPush &p) const
{
    proto::Pushed out;
    out.push = p.push;
    out.from = p.sender;
    out.fromAlias = p.senderAlias;
    out.group = p.group;
    out.bound = p.bound;
    if (!p.media.isEmpty() && m_media) {
        if (const auto item = m_media->media(p.media))
            out.media = proto::MediaItem {item->id,   item->type,  item->size,
                                          item->name, item->owner, item->createdMs};
    }
    out.link = p.link;
    out.note = p.note;
    out.sent = p.createdMs;
    return out;
}

void Hub::deliverPush(const PushDelivery &d)
{
    const QString key = pushKey(d.push.sender, d.push.push);
    std::optional<proto::EncodedEvent> encoded;
    for (quint64 loginId : m_loginsByUnit.value(d.unit)) {
        Login &login = *m_logins.at(loginId);
        // Held while the unit said it is resetting; sent once per login (a resume replays it
        // from the event log, not from here).
        if ((d.displayOnly && !login.display) || login.announced != proto::UnitStatus::Online
            || login.pushesSent.contains(key))
            continue;
        if (!encoded)
            encoded = proto::encodeEventOnce(proto::Event {proto::MediaPushed {pushedOf(d.push)}});
        login.pushesSent.insert(key);
        ++m_stats.pushesSent;
        deliver(login, *encoded);
    }
}

void Hub::deliverPending(const QString &unit)
{
    if (!m_pushes)
        return;
    for (const PushDelivery &d : m_pushes->pending(unit))
        deliverPush(d);
}

void Hub::handleMediaAck(Login &l, Connection *c, quint64 id, const proto::MediaAck &r)
{
    if (!m_pushes) {
        refusePush(c, id, ErrorCode::Internal, QStringLiteral("pushes are not available"));
        return;
    }
    const QString unit = l.account->unit.id;
    switch (m_pushes->advance(r.from, r.push, unit, r.state)) {
    case PushStore::Advance::Unknown:
        ++m_stats.badMessage;
        c->sendError(id, ErrorCode::NotFound, QStringLiteral("no such push for you"));
        return;
    case PushStore::Advance::Failed:
        // Not stored: the recipient acks again (it does on every resend), nothing is lost.
        qCWarning(lcPush) << "storing the ack of" << r.push << "failed";
        c->sendError(id, ErrorCode::Internal, QStringLiteral("storage failed"));
        return;
    case PushStore::Advance::Unchanged:
        c->sendResult(id, {});
        return; // a repeated or late ack: the sender has heard it already
    case PushStore::Advance::Moved:
        c->sendResult(id, {});
        break;
    }
    ++(r.state == proto::PushState::Opened ? m_stats.pushesOpened : m_stats.pushesDelivered);
    for (quint64 loginId : m_loginsByUnit.value(unit))
        m_logins.at(loginId)->pushesSent.remove(pushKey(r.from, r.push));
    const proto::EncodedEvent status
        = proto::encodeEventOnce(proto::Event {proto::MediaPushStatus {r.push, unit, r.state}});
    for (quint64 loginId : m_loginsByUnit.value(r.from))
        deliver(*m_logins.at(loginId), status);
}

void Hub::handleMediaShelf(Login &l, Connection *c, quint64 id, const proto::MediaShelfGet &r)
{
    if (!m_groups.contains(r.group)) {
        ++m_stats.badMessage;
        c->sendError(id, ErrorCode::NotFound, QStringLiteral("no such group"));
        return;
    }
    if (l.account->unit.role == proto::Role::Unit && !l.account->unit.groups.contains(r.group)) {
        ++m_stats.forbidden;
        c->sendError(id, ErrorCode::Forbidden, QStringLiteral("not a member of this group"));
        return;
    }
    proto::MediaShelf shelf;
    if (m_pushes) {
        for (const StoredPush &p : m_pushes->shelf(r.group, kShelfSize))
            shelf.items.append(pushedOf(p));
    }
    c->sendResult(id, shelf.toJson());
}

void Hub::handleUnitAnnounce(Login &l, Connection *c, quint64 id, const proto::UnitAnnounce &r)
{
    const QString unit = l.account->unit.id;
    l.announced = r.state;
    if (r.state == proto::UnitStatus::Online)
        m_announced.remove(unit);
    else
        m_announced.insert(unit, r.state);
    c->sendResult(id, {});
    qCInfo(lcPush) << unit << "announced" << proto::enumName(proto::kUnitStatuses, r.state);
    broadcastStatus(unit);
    if (r.state == proto::UnitStatus::Online)
        deliverPending(unit);
}

void Hub::handlePairCreate(Login &l, Connection *c, quint64 id)
{
    if (l.account->unit.role == proto::Role::Unit) {
        ++m_stats.forbidden;
        c->sendError(id, ErrorCode::Forbidden,
                     QStringLiteral("only consoles hand out pairing codes"));
        return;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (auto it = m_pairCodes.begin(); it != m_pairCodes.end();)
        it = it->expires < now ? m_pairCodes.erase(it) : std::next(it);
    quint32 random[4];
    QRandomGenerator::system()->fillRange(random);
    const QString token
        = QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(random), 16).toHex());
    const qint64 expires = now + kPairCodeLifetimeMs;
    m_pairCodes.insert(token, {l.account->unit.id, expires});
    c->sendResult(id, proto::PairCode {token, expires}.toJson());
}

void Hub::handlePairClaim(Login &l, Connection *c, quint64 id, const proto::PairClaim &r)
{
    const auto it = m_pairCodes.constFind(r.token);
    if (it == m_pairCodes.cend() || it->expires < QDateTime::currentMSecsSinceEpoch()) {
        ++m_stats.badMessage;
        c->sendError(id, ErrorCode::NotFound,
                     QStringLiteral("pairing code unknown, used or expired"));
        return;
    }
    const QString console = it->console;
    const QString device = l.account->unit.id;
    if (console == device) {
        ++m_stats.badMessage;
        c->sendError(id, ErrorCode::BadMessage,
                     QStringLiteral("a console cannot pair with itself"));
        return;
    }
    QString error;
    if (m_pushes && !m_pushes->pair(device, console, &error)) {
        qCWarning(lcPush) << "storing pairing failed:" << error;
        c->sendError(id, ErrorCode::Internal, QStringLiteral("storage failed"));
        return;
    }
    m_pairCodes.remove(r.token); // one claim per code
    m_pairings.insert(device, console);
    ++m_stats.pairings;
    const proto::Account *consoleAccount = m_accounts.value(console);
    c->sendResult(
        id,
        proto::Paired {console, consoleAccount ? consoleAccount->unit.alias : QString()}.toJson());
    const proto::EncodedEvent bound
        = proto::encodeEventOnce(proto::Event {proto::PairBound {{device, l.account->unit.alias}}});
    for (quint64 loginId : m_loginsByUnit.value(console))
        deliver(*m_logins.at(loginId), bound);
}

} // namespace floorline::server
