// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/protocol/events.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <optional>

namespace floorline::server {

/**
 * @brief What supervisors watch (docs/protocol.md §12): the changes of live sessions and of
 * consoles, coalesced and sent as `overview.*` events to the logins that asked.
 *
 * The hub marks what changed; every 100 ms at most the feed asks the hub for the views of what
 * was marked, and sends those that differ from what the watchers saw last. With nobody watching
 * a mark costs a set lookup and nothing is built, so floor control pays nothing for it.
 * Thread rule: the server's signaling thread, like the hub.
 */
class SupervisorFeed : public QObject
{
    Q_OBJECT
public:
    struct Source
    {
        /// The session's view, or none when it is not live (gone, or a quiet group).
        std::function<std::optional<proto::SessionView>(const QString &session)> session;
        /// Every logged-in dispatcher and supervisor.
        std::function<QList<proto::ConsoleView>()> consoles;
        std::function<void(quint64 login, const proto::Event &)> deliver;
    };
    /// Where a unit talked last, for ConsoleView's `lastSession` and `lastTalkAgoMs`.
    struct LastTalk
    {
        QString session;
        qint64 endedMs = 0; ///< monotonic; 0 while it still holds the floor
    };

    explicit SupervisorFeed(Source source, QObject *parent = nullptr);

    /// Starts or stops sending to `login`; `snapshot` is what it was shown as the answer.
    void watch(quint64 login, bool on, const proto::Overview &snapshot = {});
    bool watched() const { return !m_watchers.isEmpty(); }
    void touchSession(const QString &session);
    void touchConsoles();
    /// The floor of `session` moved to `unit` (empty: idle). Kept even when nobody watches, so
    /// a supervisor who starts later still sees where each dispatcher talked last.
    void floorMoved(const QString &session, const QString &unit);
    std::optional<LastTalk> lastTalk(const QString &unit) const;

private:
    void schedule();
    void flush();

    Source m_source;
    QSet<quint64> m_watchers;
    QSet<QString> m_dirtySessions;
    bool m_dirtyConsoles = false;
    QTimer m_timer;
    struct Shown
    {
        proto::SessionView view;
        qint64 atMs = 0; ///< monotonic, when it was built
    };
    QHash<QString, Shown> m_shownSessions; ///< as the watchers last saw them
    QHash<QString, proto::ConsoleView> m_shownConsoles;
    QHash<QString, QString> m_holderOf; ///< session → unit holding its floor
    QHash<QString, LastTalk> m_lastTalk; ///< unit → where it talked last
};

} // namespace floorline::server
