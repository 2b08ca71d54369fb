// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QElapsedTimer>

#include <algorithm>

namespace floorline::server {

/**
 * @brief The pace of media over HTTP, for every connection together: a token bucket of
 * bytes per second.
 *
 * Each byte sent or received through TLS costs the signaling thread its encryption, and the
 * machine the peer's. Unpaced, one download at 800 MB/s on a 2-core machine moved a
 * dispatcher's floor access p99 from 0.3 ms to 60 ms (docs/performance.md, Media over HTTPS);
 * at the default 80 MB/s it stays within a millisecond of idle. 0: unpaced.
 * Thread rule: the server's signaling thread.
 */
class HttpPacer
{
public:
    static constexpr qint64 kDefaultBytesPerSecond = 80LL * 1000 * 1000;

    explicit HttpPacer(qint64 bytesPerSecond = kDefaultBytesPerSecond)
        : m_rate(bytesPerSecond)
    {
        m_clock.start();
    }
    void setRate(qint64 bytesPerSecond) { m_rate = bytesPerSecond; }
    qint64 rate() const { return m_rate; }

    /// How many of `wanted` bytes may move now (0: wait retryMs()).
    qint64 take(qint64 wanted)
    {
        if (m_rate <= 0)
            return wanted;
        refill();
        // Whole pieces or nothing: granting the few bytes that accrued since the last call
        // would spin the caller in tiny writes instead of returning to the event loop.
        const qint64 least = std::min<qint64>(wanted, 64 * 1024);
        if (m_tokens < least)
            return 0;
        const qint64 granted = std::min(wanted, m_tokens);
        m_tokens -= granted;
        return granted;
    }
    /// When to ask again after take() gave nothing.
    int retryMs() const { return 2; }

private:
    void refill()
    {
        const qint64 now = m_clock.nsecsElapsed();
        const qint64 burst = std::max<qint64>(m_rate / 50, 256 * 1024); // 20 ms of it
        m_tokens = std::min(burst, m_tokens + (now - m_last) * m_rate / 1000000000);
        m_last = now;
    }

    qint64 m_rate;
    qint64 m_tokens = 0;
    qint64 m_last = 0;
    QElapsedTimer m_clock;
};

} // namespace floorline::server
