// SPDX-License-Identifier: Apache-2.0
#include "mediaclock.h"

#include <QRandomGenerator>

namespace floorline::sim {

MediaClock::MediaClock()
    : MediaClock(QRandomGenerator::global()->generate())
{ }

MediaClock::MediaClock(quint32 initial)
    : m_timestamp(initial)
{ }

void MediaClock::startSpurt(qint64 nowMs)
{
    if (!m_anchored) {
        m_anchored = true;
        m_atMs = nowMs;
        return;
    }
    // A regrant within one frame of the last packet's end does not step back: timestamps of
    // one stream never run backwards, and the clock stays tied to m_atMs, so it cannot drift.
    if (nowMs <= m_atMs)
        return;
    // Modulo 2^32, as RTP timestamps wrap (a 48 kHz clock does so every ~25 hours).
    m_timestamp += quint32(quint64(nowMs - m_atMs) * 48u);
    m_atMs = nowMs;
}

quint32 MediaClock::next(int frameMs)
{
    const quint32 timestamp = m_timestamp;
    m_timestamp += quint32(48 * frameMs);
    m_atMs += frameMs;
    return timestamp;
}

} // namespace floorline::sim
