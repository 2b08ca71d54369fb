// SPDX-License-Identifier: Apache-2.0
#include "supervision.h"

namespace floorline::proto {

namespace {
constexpr qint64 kMaxMs = (1LL << 53) - 1;
constexpr int kMaxItems = 100000;

template<typename T> T readChild(JsonReader &r, const char *key)
{
    T value;
    JsonReader child = r.child(key);
    value.read(child);
    r.absorb(child);
    return value;
}
} // namespace

void QueueEntry::read(JsonReader &r)
{
    unit = r.id("unit");
    alias = r.string("alias", 128, QString());
    priority = int(r.integer("priority", 0, 255, 0));
    type = r.enumeration("floorType", kFloorTypes, FloorType::Normal);
}

QJsonObject QueueEntry::toJson() const
{
    return {{QStringLiteral("unit"), unit},
            {QStringLiteral("alias"), alias},
            {QStringLiteral("priority"), priority},
            {QStringLiteral("floorType"), enumName(kFloorTypes, type)}};
}

void SessionView::read(JsonReader &r)
{
    info.read(r); // the same object carries SessionInfo's fields
    group = r.has("group") ? r.id("group") : QString();
    heldMs = r.integer("heldMs", 0, kMaxMs, 0);
    queue = r.list<QueueEntry>("queue", 1000, false);
}

QJsonObject SessionView::toJson() const
{
    QJsonObject o = info.toJson();
    if (!group.isEmpty())
        o.insert(QStringLiteral("group"), group);
    o.insert(QStringLiteral("heldMs"), heldMs);
    o.insert(QStringLiteral("queue"), toJsonArray(queue));
    return o;
}

void ConsoleView::read(JsonReader &r)
{
    unit = r.id("unit");
    alias = r.string("alias", 128, QString());
    role = r.enumeration("role", kRoles);
    online = r.boolean("online", true);
    logins = int(r.integer("logins", 0, kMaxItems, 0));
    monitoring = int(r.integer("monitoring", 0, kMaxItems, 0));
    calls = r.idList("calls", kMaxItems, false);
    talking = r.has("talking") ? r.id("talking") : QString();
    queued = r.has("queued") ? r.id("queued") : QString();
    lastSession = r.has("lastSession") ? r.id("lastSession") : QString();
    lastTalkAgoMs = r.integer("lastTalkAgoMs", -1, kMaxMs, -1);
}

QJsonObject ConsoleView::toJson() const
{
    QJsonObject o {{QStringLiteral("unit"), unit},
                   {QStringLiteral("alias"), alias},
                   {QStringLiteral("role"), enumName(kRoles, role)},
                   {QStringLiteral("online"), online},
                   {QStringLiteral("logins"), logins},
                   {QStringLiteral("monitoring"), monitoring},
                   {QStringLiteral("calls"), toJsonArray(calls)},
                   {QStringLiteral("lastTalkAgoMs"), lastTalkAgoMs}};
    if (!talking.isEmpty())
        o.insert(QStringLiteral("talking"), talking);
    if (!queued.isEmpty())
        o.insert(QStringLiteral("queued"), queued);
    if (!lastSession.isEmpty())
        o.insert(QStringLiteral("lastSession"), lastSession);
    return o;
}

void Overview::read(JsonReader &r)
{
    sessions = r.list<SessionView>("sessions", kMaxItems);
    consoles = r.list<ConsoleView>("consoles", kMaxItems);
}

QJsonObject Overview::toJson() const
{
    return {{QStringLiteral("sessions"), toJsonArray(sessions)},
            {QStringLiteral("consoles"), toJsonArray(consoles)}};
}

void Supervise::read(JsonReader &r)
{
    on = r.boolean("on", true);
}

QJsonObject Supervise::toJson() const
{
    return {{QStringLiteral("on"), on}};
}

void SessionJoin::read(JsonReader &r)
{
    session = r.id("session");
}

QJsonObject SessionJoin::toJson() const
{
    return {{QStringLiteral("session"), session}};
}

void OverviewSession::read(JsonReader &r)
{
    session = readChild<SessionView>(r, "session");
}

QJsonObject OverviewSession::toJson() const
{
    return {{QStringLiteral("session"), session.toJson()}};
}

void OverviewEnded::read(JsonReader &r)
{
    session = r.id("session");
}

QJsonObject OverviewEnded::toJson() const
{
    return {{QStringLiteral("session"), session}};
}

void OverviewConsole::read(JsonReader &r)
{
    console = readChild<ConsoleView>(r, "console");
}

QJsonObject OverviewConsole::toJson() const
{
    return {{QStringLiteral("console"), console.toJson()}};
}

} // namespace floorline::proto
