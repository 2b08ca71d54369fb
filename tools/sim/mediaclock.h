// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QtGlobal>

namespace floorline::sim {

/**
 * @brief The 48 kHz RTP media clock of one simulated unit's stream (one SSRC).
 *
 * docs/protocol.md §6.3, RFC 3550 §5.1: the first timestamp is random, and the clock keeps
 * running while the unit is off the air, so the timestamp gap between two spurts is the time
 * between them. A console's engine gets that by counting captured frames; the simulator replays
 * recorded packets, so it catches the clock up with the wall clock at each spurt start.
 * Used on the unit's thread only.
 */
class MediaClock
{
public:
    /// A new stream: draws a random initial timestamp.
    MediaClock();
    explicit MediaClock(quint32 initial);

    /// A talk spurt starts at `nowMs` (monotonic ms); the first call only anchors the clock.
    void startSpurt(qint64 nowMs);
    /// The timestamp of the spurt's next packet, whose audio lasts `frameMs`.
    quint32 next(int frameMs);

private:
    quint32 m_timestamp;
    qint64 m_atMs = 0; ///< the wall-clock time m_timestamp stands for
    bool m_anchored = false;
};

} // namespace floorline::sim
