// SPDX-License-Identifier: Apache-2.0
#include "events.h"

namespace floorline::proto {

void FloorGranted::read(JsonReader &r)
{
    session = r.id("session");
    duration = int(r.integer("duration", 1, 86400));
    type = r.enumeration("floorType", kFloorTypes, FloorType::Normal);
    priority = int(r.integer("priority", 0, 255, 0));
    key = r.hex("key", 56, false);
}

QJsonObject FloorGranted::toJson() const
{
    QJsonObject o {{QStringLiteral("session"), session},
                   {QStringLiteral("duration"), duration},
                   {QStringLiteral("floorType"), enumName(kFloorTypes, type)},
                   {QStringLiteral("priority"), priority}};
    if (!key.isEmpty())
        o.insert(QStringLiteral("key"), key);
    return o;
}

void FloorTaken::read(JsonReader &r)
{
    session = r.id("session");
    talker = r.id("talker");
    alias = r.string("alias", 128, QString());
    ssrc = quint32(r.integer("ssrc", 1, 0xffffffffLL));
    type = r.enumeration("floorType", kFloorTypes, FloorType::Normal);
    priority = int(r.integer("priority", 0, 255, 0));
    media = r.sha256("media", false);
    key = r.hex("key", 56, false);
}

QJsonObject FloorTaken::toJson() const
{
    QJsonObject o {{QStringLiteral("session"), session},
                   {QStringLiteral("talker"), talker},
                   {QStringLiteral("alias"), alias},
                   {QStringLiteral("ssrc"), qint64(ssrc)},
                   {QStringLiteral("floorType"), enumName(kFloorTypes, type)},
                   {QStringLiteral("priority"), priority}};
    if (!media.isEmpty())
        o.insert(QStringLiteral("media"), media);
    if (!key.isEmpty())
        o.insert(QStringLiteral("key"), key);
    return o;
}

void FloorIdle::read(JsonReader &r)
{
    session = r.id("session");
}

QJsonObject FloorIdle::toJson() const
{
    return {{QStringLiteral("session"), session}};
}

void FloorRevoke::read(JsonReader &r)
{
    session = r.id("session");
    cause = int(r.integer("cause", 0, 255));
    reason = r.string("reason", 256, QString());
}

QJsonObject FloorRevoke::toJson() const
{
    return {{QStringLiteral("session"), session},
            {QStringLiteral("cause"), cause},
            {QStringLiteral("reason"), reason}};
}

void FloorDeny::read(JsonReader &r)
{
    session = r.id("session");
    cause = int(r.integer("cause", 0, 255));
    reason = r.string("reason", 256, QString());
}

QJsonObject FloorDeny::toJson() const
{
    return {{QStringLiteral("session"), session},
            {QStringLiteral("cause"), cause},
            {QStringLiteral("reason"), reason}};
}

void SessionJoined::read(JsonReader &r)
{
    JsonReader s = r.child("session");
    session.read(s);
    r.absorb(s);
}

QJsonObject SessionJoined::toJson() const
{
    return {{QStringLiteral("session"), session.toJson()}};
}

void SessionUpdated::read(JsonReader &r)
{
    JsonReader s = r.child("session");
    session.read(s);
    r.absorb(s);
}

QJsonObject SessionUpdated::toJson() const
{
    return {{QStringLiteral("session"), session.toJson()}};
}

void SessionEnded::read(JsonReader &r)
{
    session = r.id("session");
    reason = r.string("reason", 256, QString());
}

QJsonObject SessionEnded::toJson() const
{
    return {{QStringLiteral("session"), session}, {QStringLiteral("reason"), reason}};
}

void UnitStatusChanged::read(JsonReader &r)
{
    unit = r.id("unit");
    status = r.enumeration("status", kUnitStatuses);
    session = r.has("session") ? r.id("session") : QString();
    sessionName = r.string("sessionName", 128, QString());
}

QJsonObject UnitStatusChanged::toJson() const
{
    QJsonObject o {{QStringLiteral("unit"), unit},
                   {QStringLiteral("status"), enumName(kUnitStatuses, status)}};
    if (!session.isEmpty())
        o.insert(QStringLiteral("session"), session);
    if (!sessionName.isEmpty())
        o.insert(QStringLiteral("sessionName"), sessionName);
    return o;
}

namespace {
template<typename T>
constexpr bool kIsEmergencyEvent
    = std::disjunction_v<std::is_same<T, EmergencyRaised>, std::is_same<T, EmergencyUpdated>,
                         std::is_same<T, EmergencyCleared>>;

EmergencyInfo readEmergency(JsonReader &r)
{
    EmergencyInfo info;
    JsonReader e = r.child("emergency");
    info.read(e);
    r.absorb(e);
    return info;
}

QJsonObject emergencyJson(const EmergencyInfo &info)
{
    return {{QStringLiteral("emergency"), info.toJson()}};
}
} // namespace

void EmergencyRaised::read(JsonReader &r)
{
    emergency = readEmergency(r);
}

QJsonObject EmergencyRaised::toJson() const
{
    return emergencyJson(emergency);
}

void EmergencyUpdated::read(JsonReader &r)
{
    emergency = readEmergency(r);
}

QJsonObject EmergencyUpdated::toJson() const
{
    return emergencyJson(emergency);
}

void EmergencyCleared::read(JsonReader &r)
{
    emergency = readEmergency(r);
}

QJsonObject EmergencyCleared::toJson() const
{
    return emergencyJson(emergency);
}

QString eventSession(const Event &event)
{
    return std::visit(
        [](const auto &e) -> QString {
            using T = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<T, SessionJoined> || std::is_same_v<T, SessionUpdated>)
                return e.session.id;
            else if constexpr (kIsEmergencyEvent<T>)
                return e.emergency.session;
            else if constexpr (std::is_same_v<T, OverviewSession>)
                return e.session.info.id;
            else if constexpr (std::is_same_v<T, OverviewConsole>)
                return {};
            else if constexpr (
                std::is_same_v<
                    T,
                    UnitStatusChanged> || std::is_same_v<T, MediaPushed> || std::is_same_v<T, MediaPushStatus> || std::is_same_v<T, PairBound>)
                return {};
            else
                return e.session;
        },
        event);
}

} // namespace floorline::proto
