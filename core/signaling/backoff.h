// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QRandomGenerator>

namespace floorline {

/**
 * @brief Jittered exponential backoff for reconnects.
 *
 * Delays double from `initialMs` up to `maxMs`; each is drawn uniformly from [d/2, d] so a fleet
 * that lost the server together does not reconnect in lockstep ("equal jitter").
 */
class Backoff
{
public:
    Backoff(int initialMs = 250, int maxMs = 10000, quint32 seed = 0);

    /// The next delay, then doubles the ceiling.
    int next();
    void reset() { m_attempt = 0; }
    int attempt() const { return m_attempt; }
    /// Ceiling of the delay for attempt n (before jitter).
    int ceilingFor(int attempt) const;

private:
    int m_initialMs;
    int m_maxMs;
    int m_attempt = 0;
    QRandomGenerator m_random;
};

} // namespace floorline
