// SPDX-License-Identifier: Apache-2.0
#include "requests.h"
#include "rtp.h"

#include <QSet>

namespace floorline::proto {

namespace {
/// Each item once, in the order given: a list with repeats costs the server nothing extra.
QStringList unique(QStringList items)
{
    QSet<QString> seen;
    seen.reserve(items.size());
    items.removeIf([&](const QString &item) {
        if (seen.contains(item))
            return true;
        seen.insert(item);
        return false;
    });
    return items;
}

QString sessionField(JsonReader &r)
{
    return r.id("session");
}
} // namespace

void HelloResult::read(JsonReader &r)
{
    protocol = int(r.integer("protocol", 1, 1000));
    server = r.string("server", 128, QString());
    JsonReader l = r.child("limits");
    limits.read(l);
    r.absorb(l);
}

QJsonObject HelloResult::toJson() const
{
    return {{QStringLiteral("protocol"), protocol},
            {QStringLiteral("server"), server},
            {QStringLiteral("limits"), limits.toJson()}};
}

void Hello::read(JsonReader &r)
{
    protocols.clear();
    const QJsonValue value = r.object().value(QStringLiteral("protocols"));
    if (!value.isArray() || value.toArray().isEmpty() || value.toArray().size() > 16) {
        r.fail(QStringLiteral("protocols"), QStringLiteral("must be a list of 1 to 16 versions"));
        return;
    }
    for (const QJsonValue &v : value.toArray()) {
        if (!v.isDouble() || v.toDouble() != double(v.toInt()) || v.toInt() < 1) {
            r.fail(QStringLiteral("protocols"),
                   QStringLiteral("versions must be positive integers"));
            return;
        }
        protocols.append(v.toInt());
    }
    client = r.string("client", 128, QString());
}

QJsonObject Hello::toJson() const
{
    QJsonArray versions;
    for (int v : protocols)
        versions.append(v);
    return {{QStringLiteral("protocols"), versions}, {QStringLiteral("client"), client}};
}

void MediaInfo::read(JsonReader &r)
{
    port = int(r.integer("port", 1, 65535));
    ssrc = quint32(r.integer("ssrc", 1, 0xffffffffLL));
    srtp = r.string("srtp", 32, QString());
    if (!srtp.isEmpty() && srtp != QLatin1String(kSrtpSuite))
        r.fail(QStringLiteral("srtp"), QStringLiteral("unknown suite"));
    key = r.hex("key", srtp.isEmpty() ? 32 : 56);
}

QJsonObject MediaInfo::toJson() const
{
    QJsonObject o {{QStringLiteral("port"), port},
                   {QStringLiteral("ssrc"), qint64(ssrc)},
                   {QStringLiteral("key"), key}};
    if (!srtp.isEmpty())
        o.insert(QStringLiteral("srtp"), srtp);
    return o;
}

void LoginResult::read(JsonReader &r)
{
    JsonReader u = r.child("unit");
    unit.read(u);
    r.absorb(u);
    token = r.string("token", 128);
    seq = quint64(r.integer("seq", 0, 9007199254740991LL));
    resumed = r.boolean("resumed");
    JsonReader m = r.child("media");
    media.read(m);
    r.absorb(m);
}

QJsonObject LoginResult::toJson() const
{
    return {{QStringLiteral("unit"), unit.toJson()},
            {QStringLiteral("token"), token},
            {QStringLiteral("seq"), qint64(seq)},
            {QStringLiteral("resumed"), resumed},
            {QStringLiteral("media"), media.toJson()}};
}

void SessionListGet::read(JsonReader &r)
{
    all = r.boolean("all", false);
}

QJsonObject SessionListGet::toJson() const
{
    return all ? QJsonObject {{QStringLiteral("all"), true}} : QJsonObject {};
}

void Login::read(JsonReader &r)
{
    user = r.id("user");
    if (r.has("resume")) {
        JsonReader resume = r.child("resume");
        resumeToken = resume.string("token", 128);
        if (resume.ok() && resumeToken.isEmpty())
            resume.fail(QStringLiteral("token"), QStringLiteral("must not be empty"));
        lastSeq = quint64(resume.integer("lastSeq", 0, 9007199254740991LL));
        r.absorb(resume);
    } else {
        password = r.string("password", 256);
    }
    display = r.boolean("display", false);
}

QJsonObject Login::toJson() const
{
    QJsonObject o {{QStringLiteral("user"), user}};
    if (!resumeToken.isEmpty()) {
        o.insert(QStringLiteral("resume"),
                 QJsonObject {{QStringLiteral("token"), resumeToken},
                              {QStringLiteral("lastSeq"), qint64(lastSeq)}});
    } else {
        o.insert(QStringLiteral("password"), password);
    }
    if (display)
        o.insert(QStringLiteral("display"), true);
    return o;
}

void Directory::read(JsonReader &r)
{
    groups = r.list<GroupInfo>("groups", 100000);
    units = r.list<UnitInfo>("units", 1000000);
}

QJsonObject Directory::toJson() const
{
    return {{QStringLiteral("groups"), toJsonArray(groups)},
            {QStringLiteral("units"), toJsonArray(units)}};
}

void SessionList::read(JsonReader &r)
{
    sessions = r.list<SessionInfo>("sessions", 100000);
}

QJsonObject SessionList::toJson() const
{
    return {{QStringLiteral("sessions"), toJsonArray(sessions)}};
}

void Affiliate::read(JsonReader &r)
{
    groups = unique(r.idList("groups", kMaxGroupsPerRequest));
}

QJsonObject Affiliate::toJson() const
{
    return {{QStringLiteral("groups"), toJsonArray(groups)}};
}

void Deaffiliate::read(JsonReader &r)
{
    groups = unique(r.idList("groups", kMaxGroupsPerRequest));
}

QJsonObject Deaffiliate::toJson() const
{
    return {{QStringLiteral("groups"), toJsonArray(groups)}};
}

void Skipped::read(JsonReader &r)
{
    unit = r.id("unit");
    reason = r.enumeration("reason", kSkipReasons);
    session = r.has("session") ? r.id("session") : QString();
}

QJsonObject Skipped::toJson() const
{
    QJsonObject o {{QStringLiteral("unit"), unit},
                   {QStringLiteral("reason"), enumName(kSkipReasons, reason)}};
    if (!session.isEmpty())
        o.insert(QStringLiteral("session"), session);
    return o;
}

void InviteResult::read(JsonReader &r)
{
    JsonReader s = r.child("session");
    session.read(s);
    r.absorb(s);
    invited = r.idList("invited", 100000);
    skipped = r.list<Skipped>("skipped", 100000);
}

QJsonObject InviteResult::toJson() const
{
    return {{QStringLiteral("session"), session.toJson()},
            {QStringLiteral("invited"), toJsonArray(invited)},
            {QStringLiteral("skipped"), toJsonArray(skipped)}};
}

void SessionCreate::read(JsonReader &r)
{
    kind = r.enumeration("kind", kSessionKinds);
    name = r.string("name", 128, QString());
    if (kind == SessionKind::AdHoc) {
        units = unique(r.idList("units", kMaxUnitsPerRequest));
    } else if (kind == SessionKind::Broadcast) {
        group = r.id("group");
    } else if (r.ok()) {
        r.fail(QStringLiteral("kind"), QStringLiteral("must be adhoc or broadcast"));
    }
}

QJsonObject SessionCreate::toJson() const
{
    QJsonObject o {{QStringLiteral("kind"), enumName(kSessionKinds, kind)},
                   {QStringLiteral("name"), name}};
    if (kind == SessionKind::Broadcast)
        o.insert(QStringLiteral("group"), group);
    else
        o.insert(QStringLiteral("units"), toJsonArray(units));
    return o;
}

void SessionInvite::read(JsonReader &r)
{
    session = sessionField(r);
    units = unique(r.idList("units", kMaxUnitsPerRequest));
}

QJsonObject SessionInvite::toJson() const
{
    return {{QStringLiteral("session"), session}, {QStringLiteral("units"), toJsonArray(units)}};
}

void SessionLeave::read(JsonReader &r)
{
    session = sessionField(r);
}

QJsonObject SessionLeave::toJson() const
{
    return {{QStringLiteral("session"), session}};
}

void FloorRequestResult::read(JsonReader &r)
{
    outcome = r.enumeration("outcome", kFloorOutcomes);
    switch (outcome) {
    case FloorOutcome::Granted:
        duration = int(r.integer("duration", 1, 86400));
        key = r.hex("key", 56, false);
        break;
    case FloorOutcome::Queued:
        position = int(r.integer("position", 1, 1000000));
        break;
    case FloorOutcome::Denied:
        cause = int(r.integer("cause", 0, 255));
        reason = r.string("reason", 256, QString());
        break;
    }
}

QJsonObject FloorRequestResult::toJson() const
{
    QJsonObject o {{QStringLiteral("outcome"), enumName(kFloorOutcomes, outcome)}};
    switch (outcome) {
    case FloorOutcome::Granted:
        o.insert(QStringLiteral("duration"), duration);
        if (!key.isEmpty())
            o.insert(QStringLiteral("key"), key);
        break;
    case FloorOutcome::Queued:
        o.insert(QStringLiteral("position"), position);
        break;
    case FloorOutcome::Denied:
        o.insert(QStringLiteral("cause"), cause);
        o.insert(QStringLiteral("reason"), reason);
        break;
    }
    return o;
}

void FloorRequest::read(JsonReader &r)
{
    session = sessionField(r);
    priority = int(r.integer("priority", 0, 15, 0));
    type = r.enumeration("floorType", kFloorTypes, FloorType::Normal);
    media = r.sha256("media", false);
}

QJsonObject FloorRequest::toJson() const
{
    QJsonObject o {{QStringLiteral("session"), session},
                   {QStringLiteral("priority"), priority},
                   {QStringLiteral("floorType"), enumName(kFloorTypes, type)}};
    if (!media.isEmpty())
        o.insert(QStringLiteral("media"), media);
    return o;
}

void FloorRelease::read(JsonReader &r)
{
    session = sessionField(r);
}

QJsonObject FloorRelease::toJson() const
{
    return {{QStringLiteral("session"), session}};
}

void QueuePosition::read(JsonReader &r)
{
    session = sessionField(r);
    position = int(r.integer("position", 0, 1000000));
}

QJsonObject QueuePosition::toJson() const
{
    return {{QStringLiteral("session"), session}, {QStringLiteral("position"), position}};
}

void QueuePositionRequest::read(JsonReader &r)
{
    session = sessionField(r);
}

QJsonObject QueuePositionRequest::toJson() const
{
    return {{QStringLiteral("session"), session}};
}

void Pong::read(JsonReader &r)
{
    serverTime = r.integer("serverTime", 0, 9007199254740991LL);
}

QJsonObject Pong::toJson() const
{
    return {{QStringLiteral("serverTime"), serverTime}};
}

void EmergencyRaise::read(JsonReader &r)
{
    group = r.has("group") ? r.id("group") : QString();
}

QJsonObject EmergencyRaise::toJson() const
{
    if (group.isEmpty())
        return {};
    return {{QStringLiteral("group"), group}};
}

void EmergencyAcknowledge::read(JsonReader &r)
{
    id = r.id("emergency");
}

QJsonObject EmergencyAcknowledge::toJson() const
{
    return {{QStringLiteral("emergency"), id}};
}

void EmergencyCancel::read(JsonReader &r)
{
    id = r.id("emergency");
}

QJsonObject EmergencyCancel::toJson() const
{
    return {{QStringLiteral("emergency"), id}};
}

void EmergencyList::read(JsonReader &r)
{
    emergencies = r.list<EmergencyInfo>("emergencies", 100000);
}

QJsonObject EmergencyList::toJson() const
{
    return {{QStringLiteral("emergencies"), toJsonArray(emergencies)}};
}

} // namespace floorline::proto
