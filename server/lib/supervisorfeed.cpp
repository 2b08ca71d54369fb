// SPDX-License-Identifier: Apache-2.0
#include "supervisorfeed.h"

#include "core/protocol/clock.h"

namespace floorline::server {

namespace {
constexpr int kCoalesceMs = 100;

/// What a watcher would notice: the time fields tick by themselves and are not a change,
/// but a new grant is, also to the same talker (its talk timer starts again). `atMs` is
/// when the view was built (monotonic).
proto::SessionView comparable(proto::SessionView v, qint64 atMs)
{
    // The grant's moment, to the 50 ms: views built at different times of one grant agree.
    v.heldMs = v.info.floor.state == proto::FloorState::Idle ? 0 : (atMs - v.heldMs) / 50;
    return v;
}

proto::ConsoleView comparable(proto::ConsoleView v)
{
    v.lastTalkAgoMs = v.lastTalkAgoMs > 0 ? 1 : v.lastTalkAgoMs;
    return v;
}
} // namespace

SupervisorFeed::SupervisorFeed(Source source, QObject *parent)
    : QObject(parent)
    , m_source(std::move(source))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SupervisorFeed::flush);
}

void SupervisorFeed::watch(quint64 login, bool on, const proto::Overview &snapshot)
{
    if (!on) {
        m_watchers.remove(login);
        if (m_watchers.isEmpty()) {
            m_shownSessions.clear();
            m_shownConsoles.clear();
            m_dirtySessions.clear();
        }
        return;
    }
    // A late watcher's snapshot is fresher than what the others saw: what differs from it is
    // sent to everybody at the next flush, which does no harm to those who already had it.
    const bool first = m_watchers.isEmpty();
    m_watchers.insert(login);
    for (const proto::SessionView &s : snapshot.sessions) {
        if (first)
            m_shownSessions.insert(s.info.id, {s, monotonicMs()});
        else
            touchSession(s.info.id);
    }
    for (const proto::ConsoleView &c : snapshot.consoles) {
        if (first)
            m_shownConsoles.insert(c.unit, c);
    }
    if (!first)
        touchConsoles();
}

void SupervisorFeed::touchSession(const QString &session)
{
    if (m_watchers.isEmpty())
        return;
    m_dirtySessions.insert(session);
    schedule();
}

void SupervisorFeed::touchConsoles()
{
    if (m_watchers.isEmpty())
        return;
    m_dirtyConsoles = true;
    schedule();
}

void SupervisorFeed::floorMoved(const QString &session, const QString &unit)
{
    const QString previous = m_holderOf.value(session);
    if (previous == unit)
        return;
    const qint64 now = monotonicMs();
    if (!previous.isEmpty()) {
        m_lastTalk[previous] = {session, now};
        m_holderOf.remove(session);
    }
    if (!unit.isEmpty()) {
        m_lastTalk[unit] = {session, 0};
        m_holderOf.insert(session, unit);
    }
    touchConsoles();
}

std::optional<SupervisorFeed::LastTalk> SupervisorFeed::lastTalk(const QString &unit) const
{
    const auto it = m_lastTalk.constFind(unit);
    if (it == m_lastTalk.constEnd())
        return std::nullopt;
    return *it;
}

void SupervisorFeed::schedule()
{
    if (!m_timer.isActive())
        m_timer.start(kCoalesceMs);
}

void SupervisorFeed::flush()
{
    QList<proto::Event> events;
    const QSet<QString> sessions = std::exchange(m_dirtySessions, {});
    for (const QString &id : sessions) {
        const std::optional<proto::SessionView> view = m_source.session(id);
        const auto shown = m_shownSessions.constFind(id);
        if (!view) {
            if (shown != m_shownSessions.constEnd()) {
                m_shownSessions.erase(shown);
                events << proto::OverviewEnded {id};
            }
            continue;
        }
        const qint64 now = monotonicMs();
        if (shown != m_shownSessions.constEnd()
            && comparable(shown->view, shown->atMs) == comparable(*view, now))
            continue;
        m_shownSessions.insert(id, {*view, now});
        events << proto::OverviewSession {*view};
    }
    if (std::exchange(m_dirtyConsoles, false)) {
        QSet<QString> online;
        for (const proto::ConsoleView &c : m_source.consoles()) {
            online.insert(c.unit);
            const auto shown = m_shownConsoles.constFind(c.unit);
            if (shown != m_shownConsoles.constEnd() && comparable(*shown) == comparable(c))
                continue;
            m_shownConsoles.insert(c.unit, c);
            events << proto::OverviewConsole {c};
        }
        for (auto it = m_shownConsoles.begin(); it != m_shownConsoles.end();) {
            if (online.contains(it.key())) {
                ++it;
                continue;
            }
            proto::ConsoleView gone = *it;
            gone.online = false;
            gone.logins = 0;
            gone.calls.clear();
            gone.talking.clear();
            gone.queued.clear();
            events << proto::OverviewConsole {gone};
            it = m_shownConsoles.erase(it);
        }
    }
    for (const quint64 login : std::as_const(m_watchers)) {
        for (const proto::Event &e : std::as_const(events))
            m_source.deliver(login, e);
    }
}

} // namespace floorline::server
