// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QList>
#include <QTimer>

#include <functional>

namespace floorline::console {

/**
 * @brief Collects a model's "row changed" notices and hands them over in one burst.
 *
 * A big fleet changes talkers and unit statuses thousands of times a second; views that
 * re-lay out and repaint for each would stall the GUI thread. Models keep their data current
 * at once (data() is never stale) and announce the change at most every `intervalMs`, once
 * per row, with the union of the roles that changed.
 * Thread rule: GUI thread, like the model that owns it.
 */
class ChangeBatcher
{
public:
    using Emit = std::function<void(int row, const QList<int> &roles)>;

    ChangeBatcher(int intervalMs, Emit emit)
        : m_emit(std::move(emit))
    {
        m_timer.setSingleShot(true);
        m_timer.setInterval(intervalMs);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { flush(); });
    }

    void add(int row, const QList<int> &roles)
    {
        QList<int> &pending = m_pending[row];
        for (const int role : roles) {
            if (!pending.contains(role))
                pending << role;
        }
        if (!m_timer.isActive())
            m_timer.start();
    }
    /// Announces everything pending now (before a reset, or when a change must show at once).
    void flush()
    {
        m_timer.stop();
        const QHash<int, QList<int>> pending = std::exchange(m_pending, {});
        for (auto it = pending.cbegin(); it != pending.cend(); ++it)
            m_emit(it.key(), it.value());
    }
    /// Forgets what is pending (the model was reset: views re-read everything anyway).
    void clear()
    {
        m_timer.stop();
        m_pending.clear();
    }

private:
    Emit m_emit;
    QTimer m_timer;
    QHash<int, QList<int>> m_pending;
};

} // namespace floorline::console
