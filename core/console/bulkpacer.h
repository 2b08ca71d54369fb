// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QElapsedTimer>

#include <algorithm>

namespace floorline::console {

/**
 * @brief A token bucket for bulk messages (media chunks) on the signaling connection.
 *
 * The server drops what exceeds a connection's message rate without answering, and a dropped
 * floor request is worse than a slower download. Bulk transfers therefore take only a share
 * of the rate (kShare) and leave the rest to push-to-talk and everything else.
 */
class BulkPacer
{
public:
    static constexpr double kShare = 0.6;
    static constexpr double kBurst = 6;

    void setRate(int messagesPerSecond) { m_rate = std::max(1.0, messagesPerSecond * kShare); }
    /// Takes a token if one is there.
    bool take()
    {
        refill();
        if (m_tokens < 1)
            return false;
        m_tokens -= 1;
        return true;
    }
    /// Milliseconds until the next token.
    int waitMs()
    {
        refill();
        return m_tokens >= 1 ? 0 : int((1 - m_tokens) * 1000 / m_rate) + 1;
    }

private:
    void refill()
    {
        if (!m_clock.isValid()) {
            m_clock.start();
            return;
        }
        m_tokens = std::min(kBurst, m_tokens + m_clock.restart() * m_rate / 1000.0);
    }

    double m_rate = 50 * kShare;
    double m_tokens = kBurst;
    QElapsedTimer m_clock;
};

} // namespace floorline::console
