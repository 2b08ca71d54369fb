// SPDX-License-Identifier: Apache-2.0
// ConsoleController, part three: the unit list, live sessions and drag-and-drop invitations.
#include "consolecontroller.h"
#include "sessionids.h"

#include "core/media/voiceengine.h"

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

void ConsoleController::loadSessions()
{
    // The server may still hold us in calls (another console of ours made them, or we came
    // back inside the grace window), and talkers may have started or stopped while the link
    // was down. Dispatchers also see the calls they are not in.
    proto::SessionListGet request;
    request.all = m_client.login().unit.role != proto::Role::Unit;
    m_client.send(request, [this](const Reply<proto::SessionList> &reply) {
        if (!reply.ok())
            return;
        QSet<QString> live;
        for (const proto::SessionInfo &s : reply.value->sessions) {
            live.insert(s.id);
            if (s.kind != proto::SessionKind::Group) {
                onSessionEvent(proto::SessionJoined {s});
                continue;
            }
            if (!m_affiliated.contains(groupOf(s.id)))
                continue;
            if (const auto holder = FloorHolder::of(s))
                onFloorTaken(*holder);
            else
                onFloorIdle(s.id);
        }
        // What ended while we were away.
        for (const QString &session : m_holders.keys()) {
            if (!live.contains(session))
                onFloorIdle(session);
        }
        for (const QString &session : m_sessions.sessionIds()) {
            if (!live.contains(session))
                m_sessions.remove(session);
        }
    });
}

void ConsoleController::onSessionEvent(const proto::Event &event)
{
    if (const auto *joined = std::get_if<proto::SessionJoined>(&event)) {
        m_sessions.update(joined->session);
        if (const auto holder = FloorHolder::of(joined->session))
            onFloorTaken(*holder);
        else
            onFloorIdle(joined->session.id);
    } else if (const auto *updated = std::get_if<proto::SessionUpdated>(&event)) {
        m_sessions.update(updated->session);
    } else if (const auto *ended = std::get_if<proto::SessionEnded>(&event)) {
        const QString name = m_sessions.nameOf(ended->session);
        onFloorIdle(ended->session);
        m_talk.sessionEnded(ended->session);
        m_sessions.remove(ended->session);
        setInviteNotice(tr("%1 ended: %2").arg(name, ended->reason));
    } else if (const auto *status = std::get_if<proto::UnitStatusChanged>(&event)) {
        if (!status->sessionName.isEmpty())
            m_units.setSessionName(status->session, status->sessionName);
        m_units.setStatus(status->unit, status->status, status->session);
        const bool busy = status->status == proto::UnitStatus::Busy;
        m_sessions.unitBusyIn(status->unit, busy ? status->session : QString(),
                              status->sessionName);
    }
}

void ConsoleController::invite(const QStringList &units, const QString &session,
                               const QString &name)
{
    if (link() != Link::Online) {
        setInviteNotice(tr("Not connected"));
        return;
    }
    if (!session.isEmpty() && !m_sessions.isJoined(session)) {
        setInviteNotice(
            tr("You are not in %1, so you cannot invite to it").arg(m_sessions.nameOf(session)));
        return;
    }
    if (session.startsWith(QLatin1String("broadcast:"))) {
        setInviteNotice(tr("A broadcast calls its groups; it takes no invitations"));
        return;
    }
    const InvitePlan plan = planInvites(units, session, m_sessions.members(session), m_units,
                                        m_client.login().unit.id);
    if (plan.invite.isEmpty()) {
        // Nothing to send: the dispatcher learns why at once, and no unit is disturbed.
        setInviteNotice(describeSkipped(plan.skipped, m_units, m_sessions), true);
        return;
    }
    auto done
        = [this, plan](const Reply<proto::InviteResult> &reply) { onInviteResult(plan, reply); };
    if (session.isEmpty())
        m_client.send(
            proto::SessionCreate {proto::SessionKind::AdHoc, name.trimmed(), plan.invite, {}},
            done);
    else
        m_client.send(proto::SessionInvite {session, plan.invite}, done);
}

void ConsoleController::inviteGroup(const QString &group, const QString &session,
                                    const QString &name)
{
    invite(m_units.membersOf(m_groups.subtree(group)), session, name);
}

QVariantMap ConsoleController::planBroadcast(const QString &group) const
{
    const InvitePlan plan = planInvites(m_units.membersOf(m_groups.subtree(group)), {}, {}, m_units,
                                        m_client.login().unit.id);
    return {{QStringLiteral("name"), m_groups.nameOf(group)},
            {QStringLiteral("reach"), int(plan.invite.size())},
            {QStringLiteral("skipped"), describeSkipped(plan.skipped, m_units, m_sessions)},
            {QStringLiteral("ok"), !plan.invite.isEmpty()}};
}

void ConsoleController::broadcast(const QString &group)
{
    if (link() != Link::Online) {
        setInviteNotice(tr("Not connected"));
        return;
    }
    // The server builds the list itself from the same subtree; planning here tells the
    // dispatcher who will not be reached before anything is sent.
    const InvitePlan plan = planInvites(m_units.membersOf(m_groups.subtree(group)), {}, {}, m_units,
                                        m_client.login().unit.id);
    if (plan.invite.isEmpty()) {
        const QString why = describeSkipped(plan.skipped, m_units, m_sessions);
        setInviteNotice(
            why.isEmpty() ? tr("Nobody to call in %1").arg(m_groups.nameOf(group)) : why, true);
        return;
    }
    m_client.send(
        proto::SessionCreate {proto::SessionKind::Broadcast, {}, {}, group},
        [this, plan](const Reply<proto::InviteResult> &reply) { onInviteResult(plan, reply); });
}

void ConsoleController::onInviteResult(const InvitePlan &plan,
                                       const Reply<proto::InviteResult> &reply)
{
    if (!reply.ok()) {
        setInviteNotice(tr("Invitation failed: %1").arg(reply.error.message), true);
        return;
    }
    const proto::InviteResult &result = *reply.value;
    m_sessions.update(result.session); // the events follow; show the call at once
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
        invited << m_units.alias(u);
    QString notice = invited.isEmpty()
        ? tr("Nobody was invited to %1.").arg(m_sessions.nameOf(result.session.id))
        : tr("Invited %1 to %2.")
              .arg(invited.join(QStringLiteral(", ")), m_sessions.nameOf(result.session.id));
    if (!skipped.isEmpty())
        notice += QLatin1Char(' ') + describeSkipped(skipped, m_units, m_sessions);
    setInviteNotice(notice, !skipped.isEmpty());
}

void ConsoleController::leaveSession(const QString &session)
{
    if (!m_sessions.isJoined(session))
        return;
    m_client.send(proto::SessionLeave {session}, [this, session](const Reply<proto::Empty> &reply) {
        if (!reply.ok()) {
            setInviteNotice(tr("Could not leave: %1").arg(reply.error.message));
            return;
        }
        onFloorIdle(session);
        m_sessions.remove(session);
    });
}

void ConsoleController::clearInviteNotice()
{
    setInviteNotice({});
}

void ConsoleController::setInviteNotice(const QString &notice, bool warns)
{
    if (notice == m_inviteNotice && warns == m_inviteNoticeWarns)
        return;
    m_inviteNotice = notice;
    m_inviteNoticeWarns = warns;
    Q_EMIT inviteNoticeChanged();
}

} // namespace floorline::console
