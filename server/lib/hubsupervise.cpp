// SPDX-License-Identifier: Apache-2.0
// Hub: supervision — every live session and console for supervisors (docs/protocol.md §12).
#include "hub.h"

#include "core/protocol/clock.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcHub)

namespace floorline::server {

using proto::ErrorCode;

SupervisorFeed::Source Hub::supervisorSource()
{
    return {[this](const QString &id) { return sessionView(id); },
            [this] { return consoleViews(); },
            [this](quint64 login, const proto::Event &e) { deliver(login, e); }};
}

std::optional<proto::SessionView> Hub::sessionView(const QString &id) const
{
    const auto it = m_sessions.find(id);
    if (it == m_sessions.end())
        return std::nullopt;
    const Session &s = *it->second;
    // A quiet group is not a live session: the supervisor sees it when someone talks or waits,
    // or while an emergency raised on it is open, talking or not.
    if (s.kind == proto::SessionKind::Group && s.arbiter.state() == proto::FloorState::Idle
        && s.arbiter.queue().isEmpty() && !(m_emergencies && m_emergencies->activeOn(id)))
        return std::nullopt;
    proto::SessionView view;
    view.info = sessionInfo(id);
    view.group = s.group;
    if (s.arbiter.holder())
        view.heldMs = std::max<qint64>(0, monotonicMs() - s.arbiter.grantedAtMs());
    for (const FloorArbiter::Requester &q : s.arbiter.queue())
        view.queue.append({q.unit, q.alias, q.priority, q.type});
    return view;
}

QList<proto::ConsoleView> Hub::consoleViews() const
{
    QList<proto::ConsoleView> out;
    const qint64 now = monotonicMs();
    for (auto it = m_loginsByUnit.cbegin(); it != m_loginsByUnit.cend(); ++it) {
        const proto::Account *account = m_accounts.value(it.key());
        if (!account || account->unit.role == proto::Role::Unit)
            continue;
        proto::ConsoleView v;
        v.unit = account->unit.id;
        v.alias = account->unit.alias;
        v.role = account->unit.role;
        QSet<QString> groups;
        for (const quint64 loginId : it.value()) {
            const Login &login = *m_logins.at(loginId);
            // A display shows pushes, it is not a dispatcher at a console; a dropped login
            // waiting for its resume is nobody at a console either, until it is back.
            if (login.display || !login.connection)
                continue;
            ++v.logins;
            for (const QString &sid : login.sessions) {
                const Session &s = *m_sessions.at(sid);
                if (s.kind == proto::SessionKind::Group)
                    groups.insert(sid);
                else if (!v.calls.contains(sid))
                    v.calls.append(sid);
                if (s.arbiter.holder() && s.arbiter.holder()->participant == loginId)
                    v.talking = sid;
                else if (v.queued.isEmpty() && s.arbiter.positionOf(loginId) > 0)
                    v.queued = sid;
            }
        }
        if (v.logins == 0)
            continue;
        v.monitoring = int(groups.size());
        if (const auto last = m_supervisors.lastTalk(v.unit)) {
            v.lastSession = last->session;
            v.lastTalkAgoMs = last->endedMs == 0 ? 0 : std::max<qint64>(1, now - last->endedMs);
        }
        out.append(v);
    }
    std::sort(out.begin(), out.end(), [](const proto::ConsoleView &a, const proto::ConsoleView &b) {
        return a.alias.localeAwareCompare(b.alias) < 0;
    });
    return out;
}

void Hub::handleSupervise(Login &l, Connection *c, quint64 id, const proto::Supervise &r)
{
    if (l.account->unit.role != proto::Role::Supervisor) {
        ++m_stats.forbidden;
        c->sendError(id, ErrorCode::Forbidden, QStringLiteral("only supervisors may supervise"));
        return;
    }
    if (!r.on) {
        m_supervisors.watch(l.id, false);
        c->sendResult(id, proto::Overview {}.toJson());
        return;
    }
    proto::Overview overview;
    for (const auto &[sid, session] : m_sessions) {
        if (auto view = sessionView(sid))
            overview.sessions.append(std::move(*view));
    }
    overview.consoles = consoleViews();
    // The answer goes out before any overview event, so nothing the watcher gets is older
    // than its snapshot (docs/protocol.md §2.4).
    c->sendResult(id, overview.toJson());
    m_supervisors.watch(l.id, true, overview);
    qCInfo(lcHub) << l.account->unit.id << "supervises" << overview.sessions.size()
                  << "live sessions";
}

void Hub::handleSessionJoin(Login &l, Connection *c, quint64 id, const proto::SessionJoin &r)
{
    if (l.account->unit.role != proto::Role::Supervisor) {
        ++m_stats.forbidden;
        c->sendError(id, ErrorCode::Forbidden,
                     QStringLiteral("only supervisors may join a call uninvited"));
        return;
    }
    const auto it = m_sessions.find(r.session);
    if (it == m_sessions.end()) {
        c->sendError(id, ErrorCode::NotFound, QStringLiteral("no session '%1'").arg(r.session));
        return;
    }
    Session &session = *it->second;
    if (session.kind == proto::SessionKind::Group) {
        c->sendError(id, ErrorCode::BadMessage,
                     QStringLiteral("a talk group is monitored with affiliate, not joined"));
        return;
    }
    c->sendResult(id, {});
    if (session.hasMember(l.id))
        return;
    join(session, l);
    publishRoutes();
    deliverToMembers(session, proto::SessionUpdated {sessionInfo(session.id)}, l.id);
    broadcastStatus(l.account->unit.id);
}

} // namespace floorline::server
