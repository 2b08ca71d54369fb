// SPDX-License-Identifier: Apache-2.0
#include "callcontrol.h"

#include "floorholder.h"
#include "floorview.h"
#include "grouptreemodel.h"
#include "sessionids.h"
#include "sessionlistmodel.h"
#include "talkcontrol.h"
#include "unitlistmodel.h"

#include <QSet>

namespace floorline::console {

namespace {
SkipReason fromWire(proto::SkipReason reason)
{
    switch (reason) {
    case proto::SkipReason::AlreadyMember:
        return SkipReason::AlreadyMember;
    case proto::SkipReason::Busy:
        return SkipReason::Busy;
    case proto::SkipReason::Offline:
        return SkipReason::Offline;
    case proto::SkipReason::Unknown:
    case proto::SkipReason::Forbidden:
        break;
    }
    return SkipReason::Unknown;
}
} // namespace

CallControl::CallControl(Context context, QObject *parent)
    : QObject(parent)
    , m_ctx(std::move(context))
{ }

bool CallControl::online() const
{
    return m_ctx.client.state() == SignalingClient::State::Online;
}

InvitePlan CallControl::plan(const QString &group) const
{
    return planInvites(m_ctx.units.membersOf(m_ctx.groups.subtree(group)), {}, {}, m_ctx.units,
                       m_ctx.client.login().unit.id);
}

void CallControl::reload()
{
    // The server may still hold us in calls (another console of ours made them, or we came
    // back inside the grace window), and talkers may have started or stopped while the link
    // was down. Dispatchers also see the calls they are not in.
    proto::SessionListGet request;
    request.all = m_ctx.client.login().unit.role != proto::Role::Unit;
    m_ctx.client.send(request, [this](const Reply<proto::SessionList> &reply) {
        if (!reply.ok())
            return;
        QSet<QString> live;
        for (const proto::SessionInfo &s : reply.value->sessions) {
            live.insert(s.id);
            if (s.kind != proto::SessionKind::Group) {
                handle(proto::SessionJoined {s});
                continue;
            }
            if (!m_ctx.affiliated(groupOf(s.id)))
                continue;
            if (const auto holder = FloorHolder::of(s))
                m_ctx.floors.taken(*holder);
            else
                m_ctx.floors.idleWhileAway(s.id);
        }
        // What ended while we were away: it ended, as far as we know, when we lost sight of
        // it, not now (the activity log's durations stay true).
        for (const QString &session : m_ctx.floors.busySessions()) {
            if (!live.contains(session))
                m_ctx.floors.idleWhileAway(session);
        }
        m_ctx.floors.linkBack();
        for (const QString &session : m_ctx.sessions.sessionIds()) {
            if (!live.contains(session))
                m_ctx.sessions.remove(session);
        }
    });
}

bool CallControl::handle(const proto::Event &event)
{
    if (const auto *joined = std::get_if<proto::SessionJoined>(&event)) {
        m_ctx.sessions.update(joined->session);
        if (const auto holder = FloorHolder::of(joined->session))
            m_ctx.floors.taken(*holder);
        else
            m_ctx.floors.idle(joined->session.id);
    } else if (const auto *updated = std::get_if<proto::SessionUpdated>(&event)) {
        m_ctx.sessions.update(updated->session);
    } else if (const auto *ended = std::get_if<proto::SessionEnded>(&event)) {
        const QString name = m_ctx.sessions.nameOf(ended->session);
        m_ctx.floors.idle(ended->session);
        m_ctx.talk.sessionEnded(ended->session);
        m_ctx.sessions.remove(ended->session);
        setInviteNotice(tr("%1 ended: %2").arg(name, ended->reason));
    } else if (const auto *status = std::get_if<proto::UnitStatusChanged>(&event)) {
        if (!status->sessionName.isEmpty())
            m_ctx.units.setSessionName(status->session, status->sessionName);
        m_ctx.units.setStatus(status->unit, status->status, status->session);
        const bool busy = status->status == proto::UnitStatus::Busy;
        m_ctx.sessions.unitBusyIn(status->unit, busy ? status->session : QString(),
                                  status->sessionName);
    } else {
        return false;
    }
    return true;
}

void CallControl::invite(const QStringList &units, const QString &session, const QString &name)
{
    if (!online()) {
        setInviteNotice(tr("Not connected"));
        return;
    }
    if (!session.isEmpty() && !m_ctx.sessions.isJoined(session)) {
        setInviteNotice(tr("You are not in %1, so you cannot invite to it")
                            .arg(m_ctx.sessions.nameOf(session)));
        return;
    }
    if (session.startsWith(QLatin1String("broadcast:"))) {
        setInviteNotice(tr("A broadcast calls its groups; it takes no invitations"));
        return;
    }
    const InvitePlan plan = planInvites(units, session, m_ctx.sessions.members(session),
                                        m_ctx.units, m_ctx.client.login().unit.id);
    if (plan.invite.isEmpty()) {
        // Nothing to send: the dispatcher learns why at once, and no unit is disturbed.
        setInviteNotice(describeSkipped(plan.skipped, m_ctx.units, m_ctx.sessions), true);
        return;
    }
    auto done
        = [this, plan](const Reply<proto::InviteResult> &reply) { onInviteResult(plan, reply); };
    if (session.isEmpty())
        m_ctx.client.send(
            proto::SessionCreate {proto::SessionKind::AdHoc, name.trimmed(), plan.invite, {}},
            done);
    else
        m_ctx.client.send(proto::SessionInvite {session, plan.invite}, done);
}

void CallControl::inviteGroup(const QString &group, const QString &session, const QString &name)
{
    invite(m_ctx.units.membersOf(m_ctx.groups.subtree(group)), session, name);
}

QVariantMap CallControl::planBroadcast(const QString &group) const
{
    const InvitePlan plan = this->plan(group);
    return {{QStringLiteral("name"), m_ctx.groups.nameOf(group)},
            {QStringLiteral("reach"), int(plan.invite.size())},
            {QStringLiteral("skipped"), describeSkipped(plan.skipped, m_ctx.units, m_ctx.sessions)},
            {QStringLiteral("ok"), !plan.invite.isEmpty()}};
}

void CallControl::broadcast(const QString &group)
{
    if (!online()) {
        setInviteNotice(tr("Not connected"));
        return;
    }
    // The server builds the list itself from the same subtree; planning here tells the
    // dispatcher who will not be reached before anything is sent.
    const InvitePlan plan = this->plan(group);
    if (plan.invite.isEmpty()) {
        const QString why = describeSkipped(plan.skipped, m_ctx.units, m_ctx.sessions);
        setInviteNotice(
            why.isEmpty() ? tr("Nobody to call in %1").arg(m_ctx.groups.nameOf(group)) : why, true);
        return;
    }
    m_ctx.client.send(
        proto::SessionCreate {proto::SessionKind::Broadcast, {}, {}, group},
        [this, plan](const Reply<proto::InviteResult> &reply) { onInviteResult(plan, reply); });
}

void CallControl::onInviteResult(const InvitePlan &plan, const Reply<proto::InviteResult> &reply)
{
    if (!reply.ok()) {
        setInviteNotice(tr("Invitation failed: %1").arg(reply.error.message), true);
        return;
    }
    const proto::InviteResult &result = *reply.value;
    m_ctx.sessions.update(result.session); // the events follow; show the call at once
    // The server may know better (a unit got busy a moment ago): report its skips too.
    QList<SkippedUnit> skipped = plan.skipped;
    QSet<QString> reported;
    for (const SkippedUnit &s : plan.skipped)
        reported.insert(s.unit);
    for (const proto::Skipped &s : result.skipped) {
        if (!reported.contains(s.unit))
            skipped << SkippedUnit {s.unit, fromWire(s.reason), s.session};
    }
    QStringList invited;
    for (const QString &u : result.invited)
        invited << m_ctx.units.alias(u);
    QString notice = invited.isEmpty()
        ? tr("Nobody was invited to %1.").arg(m_ctx.sessions.nameOf(result.session.id))
        : tr("Invited %1 to %2.")
              .arg(invited.join(QStringLiteral(", ")), m_ctx.sessions.nameOf(result.session.id));
    if (!skipped.isEmpty())
        notice += QLatin1Char(' ') + describeSkipped(skipped, m_ctx.units, m_ctx.sessions);
    setInviteNotice(notice, !skipped.isEmpty());
}

void CallControl::leaveSession(const QString &session)
{
    if (!m_ctx.sessions.isJoined(session))
        return;
    m_ctx.client.send(proto::SessionLeave {session},
                      [this, session](const Reply<proto::Empty> &reply) {
                          if (!reply.ok()) {
                              setInviteNotice(tr("Could not leave: %1").arg(reply.error.message));
                              return;
                          }
                          m_ctx.floors.idle(session);
                          m_ctx.sessions.remove(session);
                      });
}

void CallControl::clearInviteNotice()
{
    setInviteNotice({});
}

void CallControl::setInviteNotice(const QString &notice, bool warns)
{
    if (notice == m_inviteNotice && warns == m_inviteNoticeWarns)
        return;
    m_inviteNotice = notice;
    m_inviteNoticeWarns = warns;
    Q_EMIT inviteNoticeChanged();
}

} // namespace floorline::console
