// SPDX-License-Identifier: Apache-2.0
#include "types.h"

namespace floorline::proto {

QString describe(DenyCause cause)
{
    switch (cause) {
    case DenyCause::AnotherHasPermission:
        return QStringLiteral("another participant has permission to talk");
    case DenyCause::InternalError:
        return QStringLiteral("internal floor control server error");
    case DenyCause::OnlyOneParticipant:
        return QStringLiteral("only one participant");
    case DenyCause::RetryAfterNotExpired:
        return QStringLiteral("retry-after timer has not expired");
    case DenyCause::ReceiveOnly:
        return QStringLiteral("receive only: this participant may not talk in this session");
    case DenyCause::NoResources:
        return QStringLiteral("no resources available");
    case DenyCause::QueueFull:
        return QStringLiteral("the floor request queue is full");
    case DenyCause::Other:
        break;
    }
    return QStringLiteral("other reason");
}

QString describe(RevokeCause cause)
{
    switch (cause) {
    case RevokeCause::OnlyOneParticipant:
        return QStringLiteral("only one participant left");
    case RevokeCause::MediaBurstTooLong:
        return QStringLiteral("maximum talk time reached");
    case RevokeCause::NoPermission:
        return QStringLiteral("no permission to send media");
    case RevokeCause::PreEmpted:
        return QStringLiteral("pre-empted by a higher-priority request");
    case RevokeCause::NoResources:
        return QStringLiteral("no resources available");
    case RevokeCause::Other:
        break;
    }
    return QStringLiteral("other reason");
}

void Error::read(JsonReader &r)
{
    code = r.enumeration("code", kErrorCodes);
    message = r.string("message", 1024, QString());
}

QJsonObject Error::toJson() const
{
    return {{QStringLiteral("code"), enumName(kErrorCodes, code)},
            {QStringLiteral("message"), message}};
}

void Limits::read(JsonReader &r)
{
    maxMessageBytes = int(r.integer("maxMessageBytes", 1024, 1 << 30));
    messagesPerSecond = int(r.integer("messagesPerSecond", 1, 1000000));
    messageBurst = int(r.integer("messageBurst", 1, 1000000));
    maxDatagramBytes = int(r.integer("maxDatagramBytes", 64, 65535));
    keepAliveSeconds = int(r.integer("keepAliveSeconds", 1, 3600));
}

QJsonObject Limits::toJson() const
{
    return {{QStringLiteral("maxMessageBytes"), maxMessageBytes},
            {QStringLiteral("messagesPerSecond"), messagesPerSecond},
            {QStringLiteral("messageBurst"), messageBurst},
            {QStringLiteral("maxDatagramBytes"), maxDatagramBytes},
            {QStringLiteral("keepAliveSeconds"), keepAliveSeconds}};
}

void GroupInfo::read(JsonReader &r)
{
    id = r.id("id");
    name = r.string("name", 128);
    parent = r.has("parent") ? r.id("parent") : QString();
    recorded = r.boolean("recorded", true);
}

QJsonObject GroupInfo::toJson() const
{
    QJsonObject o {{QStringLiteral("id"), id}, {QStringLiteral("name"), name}};
    if (!parent.isEmpty())
        o.insert(QStringLiteral("parent"), parent);
    if (!recorded)
        o.insert(QStringLiteral("recorded"), false);
    return o;
}

void UnitInfo::read(JsonReader &r)
{
    id = r.id("id");
    alias = r.string("alias", 128);
    role = r.enumeration("role", kRoles);
    status = r.enumeration("status", kUnitStatuses, UnitStatus::Offline);
    groups = r.idList("groups", 4096, false);
    affiliated = r.idList("affiliated", 4096, false);
}

QJsonObject UnitInfo::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("alias"), alias},
            {QStringLiteral("role"), enumName(kRoles, role)},
            {QStringLiteral("status"), enumName(kUnitStatuses, status)},
            {QStringLiteral("groups"), toJsonArray(groups)},
            {QStringLiteral("affiliated"), toJsonArray(affiliated)}};
}

void FloorInfo::read(JsonReader &r)
{
    state = r.enumeration("state", kFloorStates);
    if (state != FloorState::Idle) {
        talker = r.id("talker");
        alias = r.string("alias", 128, QString());
        ssrc = quint32(r.integer("ssrc", 0, 0xffffffffLL));
        type = r.enumeration("floorType", kFloorTypes, FloorType::Normal);
        priority = int(r.integer("priority", 0, 255, 0));
        media = r.sha256("media", false);
    }
    queued = int(r.integer("queued", 0, 1000000, 0));
}

QJsonObject FloorInfo::toJson() const
{
    QJsonObject o {{QStringLiteral("state"), enumName(kFloorStates, state)},
                   {QStringLiteral("queued"), queued}};
    if (state != FloorState::Idle) {
        o.insert(QStringLiteral("talker"), talker);
        o.insert(QStringLiteral("alias"), alias);
        o.insert(QStringLiteral("ssrc"), qint64(ssrc));
        o.insert(QStringLiteral("floorType"), enumName(kFloorTypes, type));
        o.insert(QStringLiteral("priority"), priority);
        if (!media.isEmpty())
            o.insert(QStringLiteral("media"), media);
    }
    return o;
}

void SessionInfo::read(JsonReader &r)
{
    id = r.id("id");
    kind = r.enumeration("kind", kSessionKinds);
    name = r.string("name", 128, QString());
    owner = r.has("owner") ? r.id("owner") : QString();
    members = r.idList("members", 100000);
    JsonReader f = r.child("floor");
    floor.read(f);
    r.absorb(f);
}

QJsonObject SessionInfo::toJson() const
{
    QJsonObject o {{QStringLiteral("id"), id},
                   {QStringLiteral("kind"), enumName(kSessionKinds, kind)},
                   {QStringLiteral("name"), name},
                   {QStringLiteral("members"), toJsonArray(members)},
                   {QStringLiteral("floor"), floor.toJson()}};
    if (!owner.isEmpty())
        o.insert(QStringLiteral("owner"), owner);
    return o;
}

namespace {
constexpr qint64 kMaxTime = (1LL << 53) - 1;
} // namespace

void EmergencyAckInfo::read(JsonReader &r)
{
    unit = r.id("unit");
    alias = r.string("alias", 128, QString());
    at = r.integer("at", 0, kMaxTime);
}

QJsonObject EmergencyAckInfo::toJson() const
{
    return {{QStringLiteral("unit"), unit},
            {QStringLiteral("alias"), alias},
            {QStringLiteral("at"), at}};
}

void EmergencyInfo::read(JsonReader &r)
{
    id = r.id("id");
    unit = r.id("unit");
    alias = r.string("alias", 128, QString());
    group = r.has("group") ? r.id("group") : QString();
    session = r.has("session") ? r.id("session") : QString();
    state = r.enumeration("state", kEmergencyStates);
    raisedAt = r.integer("raisedAt", 0, kMaxTime);
    acks = r.list<EmergencyAckInfo>("acks", 4096, false);
    cancelledBy = r.has("cancelledBy") ? r.id("cancelledBy") : QString();
    cancelledByAlias = r.string("cancelledByAlias", 128, QString());
    cancelledAt = r.integer("cancelledAt", 0, kMaxTime, 0);
}

QJsonObject EmergencyInfo::toJson() const
{
    QJsonObject o {{QStringLiteral("id"), id},
                   {QStringLiteral("unit"), unit},
                   {QStringLiteral("alias"), alias},
                   {QStringLiteral("state"), enumName(kEmergencyStates, state)},
                   {QStringLiteral("raisedAt"), raisedAt},
                   {QStringLiteral("acks"), toJsonArray(acks)}};
    if (!group.isEmpty())
        o.insert(QStringLiteral("group"), group);
    if (!session.isEmpty())
        o.insert(QStringLiteral("session"), session);
    if (!cancelledBy.isEmpty()) {
        o.insert(QStringLiteral("cancelledBy"), cancelledBy);
        o.insert(QStringLiteral("cancelledByAlias"), cancelledByAlias);
        o.insert(QStringLiteral("cancelledAt"), cancelledAt);
    }
    return o;
}

} // namespace floorline::proto
