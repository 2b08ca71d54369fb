// SPDX-License-Identifier: Apache-2.0
#include "supervisionservice.h"

#include "emergencyservice.h"
#include "fleetindex.h"
#include "logins.h"
#include "reply.h"
#include "sessiontable.h"

#include "core/protocol/clock.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSupervision, "floorline.server.supervision", QtInfoMsg)

namespace floorline::server {

SupervisionService::SupervisionService(const FleetIndex &fleet, Logins &logins,
                                       const SessionTable &sessions)
    : m_fleet(fleet)
    , m_logins(logins)
    , m_sessions(sessions)
    , m_feed({[this](const QString &id) { return sessionView(id); },
              [this] { return consoleViews(); },
              [this](quint64 login, const proto::Event &e) { m_logins.deliver(login, e); }})
{
    // Who is at a console changes with every login, resume, lost connection and logout.
    const auto touch = [this] { m_feed.touchConsoles(); };
    QObject::connect(&logins, &Logins::created, &m_feed, touch);
    QObject::connect(&logins, &Logins::attached, &m_feed, touch);
    QObject::connect(&logins, &Logins::detached, &m_feed, touch);
    QObject::connect(&logins, &Logins::aboutToDrop, &m_feed, [this](Login *login) {
        m_feed.watch(login->id, false);
        m_feed.touchConsoles();
    });
}

std::optional<proto::SessionView> SupervisionService::sessionView(const QString &id) const
{
    const Session *found = m_sessions.find(id);
    if (!found)
        return std::nullopt;
    const Session &s = *found;
    // A quiet group is not a live session: the supervisor sees it when someone talks or waits,
    // or while an emergency raised on it is open, talking or not.
    if (s.kind == proto::SessionKind::Group && s.arbiter.state() == proto::FloorState::Idle
        && s.arbiter.queue().isEmpty() && !(m_emergencies && m_emergencies->activeOn(id)))
        return std::nullopt;
    proto::SessionView view;
    view.info = m_sessions.info(id);
    view.group = s.group;
    if (s.arbiter.holder())
        view.heldMs = std::max<qint64>(0, monotonicMs() - s.arbiter.grantedAtMs());
    for (const FloorArbiter::Requester &q : s.arbiter.queue())
        view.queue.append({q.unit, q.alias, q.priority, q.type});
    return view;
}

QList<proto::ConsoleView> SupervisionService::consoleViews() const
{
    QList<proto::ConsoleView> out;
    const qint64 now = monotonicMs();
    const auto &byUnit = m_logins.byUnit();
    for (auto it = byUnit.cbegin(); it != byUnit.cend(); ++it) {
        const proto::Account *account = m_fleet.account(it.key());
        if (!account || account->unit.role == proto::Role::Unit)
            continue;
        proto::ConsoleView v;
        v.unit = account->unit.id;
        v.alias = account->unit.alias;
        v.role = account->unit.role;
        QSet<QString> groups;
        for (const quint64 loginId : it.value()) {
            const Login &login = *m_logins.find(loginId);
            // A display shows pushes, it is not a dispatcher at a console; a dropped login
            // waiting for its resume is nobody at a console either, until it is back.
            if (login.display || !login.connection)
                continue;
            ++v.logins;
            for (const QString &sid : login.sessions) {
                const Session &s = *m_sessions.find(sid);
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
        if (const auto last = m_feed.lastTalk(v.unit)) {
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

void SupervisionService::handle(Login &login, Reply &reply, const proto::Supervise &r)
{
    if (!r.on) {
        m_feed.watch(login.id, false);
        reply.ok(proto::Overview {}.toJson());
        return;
    }
    proto::Overview overview;
    for (const auto &[sid, session] : m_sessions.all()) {
        if (auto view = sessionView(sid))
            overview.sessions.append(std::move(*view));
    }
    overview.consoles = consoleViews();
    // The answer goes out before any overview event, so nothing the watcher gets is older
    // than its snapshot (docs/protocol.md §2.4).
    reply.ok(overview.toJson());
    m_feed.watch(login.id, true, overview);
    qCInfo(lcSupervision) << login.unit() << "supervises" << overview.sessions.size()
                          << "live sessions";
}

} // namespace floorline::server
