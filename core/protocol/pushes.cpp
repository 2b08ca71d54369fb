// SPDX-License-Identifier: Apache-2.0
// Push messages (docs/protocol.md §10).
#include "events.h"

#include <QJsonArray>
#include <QUrl>

namespace floorline::proto {

namespace {
constexpr qint64 kMaxTime = (1LL << 53) - 1;

void readMedia(JsonReader &r, std::optional<MediaItem> &media)
{
    if (!r.has("media"))
        return;
    JsonReader m = r.child("media");
    media.emplace();
    media->read(m);
    r.absorb(m);
}

/// An absolute http or https URL: a push never carries a file path or a script.
QString linkField(JsonReader &r)
{
    const QString text = r.string("link", kMaxLinkLength, QString());
    if (!r.ok() || text.isEmpty())
        return text;
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (!url.isValid() || url.host().isEmpty()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        r.fail(QStringLiteral("link"), QStringLiteral("must be an http or https URL"));
    return text;
}
} // namespace

void PushTarget::read(JsonReader &r)
{
    if (r.has("unit"))
        unit = r.id("unit");
    if (r.has("group"))
        group = r.id("group");
    bound = r.boolean("bound", false);
}

QJsonObject PushTarget::toJson() const
{
    if (!unit.isEmpty())
        return {{QStringLiteral("unit"), unit}};
    if (!group.isEmpty())
        return {{QStringLiteral("group"), group}};
    return {{QStringLiteral("bound"), bound}};
}

void PushRecipient::read(JsonReader &r)
{
    unit = r.id("unit");
    state = r.enumeration("state", kPushStates);
}

QJsonObject PushRecipient::toJson() const
{
    return {{QStringLiteral("unit"), unit},
            {QStringLiteral("state"), enumName(kPushStates, state)}};
}

void PushResult::read(JsonReader &r)
{
    push = r.id("push");
    recipients = r.list<PushRecipient>("recipients", 100000);
    duplicate = r.boolean("duplicate", false);
}

QJsonObject PushResult::toJson() const
{
    QJsonArray list;
    for (const PushRecipient &p : recipients)
        list.append(p.toJson());
    return {{QStringLiteral("push"), push},
            {QStringLiteral("recipients"), list},
            {QStringLiteral("duplicate"), duplicate}};
}

void MediaPush::read(JsonReader &r)
{
    push = r.id("push");
    JsonReader t = r.child("to");
    to.read(t);
    r.absorb(t);
    if (r.ok() && int(!to.unit.isEmpty()) + int(!to.group.isEmpty()) + int(to.bound) != 1)
        r.fail(QStringLiteral("to"), QStringLiteral("must name exactly one of unit, group, bound"));
    media = r.sha256("media", false);
    link = linkField(r);
    note = r.string("note", 256, QString());
    if (r.ok() && media.isEmpty() == link.isEmpty())
        r.fail(QStringLiteral("media"), QStringLiteral("give exactly one of media and link"));
}

QJsonObject MediaPush::toJson() const
{
    QJsonObject o {{QStringLiteral("push"), push}, {QStringLiteral("to"), to.toJson()}};
    if (!media.isEmpty())
        o.insert(QStringLiteral("media"), media);
    if (!link.isEmpty())
        o.insert(QStringLiteral("link"), link);
    if (!note.isEmpty())
        o.insert(QStringLiteral("note"), note);
    return o;
}

void MediaAck::read(JsonReader &r)
{
    from = r.id("from");
    push = r.id("push");
    state = r.enumeration("state", kPushStates);
    if (r.ok() && state == PushState::Queued)
        r.fail(QStringLiteral("state"), QStringLiteral("must be delivered or opened"));
}

QJsonObject MediaAck::toJson() const
{
    return {{QStringLiteral("from"), from},
            {QStringLiteral("push"), push},
            {QStringLiteral("state"), enumName(kPushStates, state)}};
}

void Pushed::read(JsonReader &r)
{
    push = r.id("push");
    from = r.id("from");
    fromAlias = r.string("fromAlias", 128, QString());
    if (r.has("group"))
        group = r.id("group");
    bound = r.boolean("bound", false);
    readMedia(r, media);
    link = linkField(r);
    note = r.string("note", 256, QString());
    sent = r.integer("sent", 0, kMaxTime, 0);
}

QJsonObject Pushed::toJson() const
{
    QJsonObject o {{QStringLiteral("push"), push},
                   {QStringLiteral("from"), from},
                   {QStringLiteral("fromAlias"), fromAlias},
                   {QStringLiteral("sent"), sent}};
    if (!group.isEmpty())
        o.insert(QStringLiteral("group"), group);
    if (bound)
        o.insert(QStringLiteral("bound"), true);
    if (media)
        o.insert(QStringLiteral("media"), media->toJson());
    if (!link.isEmpty())
        o.insert(QStringLiteral("link"), link);
    if (!note.isEmpty())
        o.insert(QStringLiteral("note"), note);
    return o;
}

void MediaShelf::read(JsonReader &r)
{
    items = r.list<Pushed>("items", 1000);
}

QJsonObject MediaShelf::toJson() const
{
    QJsonArray list;
    for (const Pushed &p : items)
        list.append(p.toJson());
    return {{QStringLiteral("items"), list}};
}

void MediaShelfGet::read(JsonReader &r)
{
    group = r.id("group");
}

QJsonObject MediaShelfGet::toJson() const
{
    return {{QStringLiteral("group"), group}};
}

void UnitAnnounce::read(JsonReader &r)
{
    state = r.enumeration("state", kUnitStatuses);
    if (r.ok() && state == UnitStatus::Busy)
        r.fail(QStringLiteral("state"), QStringLiteral("must be resetting, offline or online"));
}

QJsonObject UnitAnnounce::toJson() const
{
    return {{QStringLiteral("state"), enumName(kUnitStatuses, state)}};
}

void PairCode::read(JsonReader &r)
{
    token = r.id("token");
    expires = r.integer("expires", 0, kMaxTime);
}

QJsonObject PairCode::toJson() const
{
    return {{QStringLiteral("token"), token}, {QStringLiteral("expires"), expires}};
}

void Paired::read(JsonReader &r)
{
    console = r.id("console");
    alias = r.string("alias", 128, QString());
}

QJsonObject Paired::toJson() const
{
    return {{QStringLiteral("console"), console}, {QStringLiteral("alias"), alias}};
}

void PairClaim::read(JsonReader &r)
{
    token = r.id("token");
}

QJsonObject PairClaim::toJson() const
{
    return {{QStringLiteral("token"), token}};
}

void MediaPushStatus::read(JsonReader &r)
{
    push = r.id("push");
    unit = r.id("unit");
    state = r.enumeration("state", kPushStates);
}

QJsonObject MediaPushStatus::toJson() const
{
    return {{QStringLiteral("push"), push},
            {QStringLiteral("unit"), unit},
            {QStringLiteral("state"), enumName(kPushStates, state)}};
}

} // namespace floorline::proto
