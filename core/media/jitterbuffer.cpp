// SPDX-License-Identifier: Apache-2.0
#include "jitterbuffer.h"

#include <algorithm>
#include <cmath>

namespace floorline::media {

namespace {
/// A jump this far ahead is a restarted stream, not loss.
constexpr int64_t kResyncDistance = 200;

/// Only SILK and hybrid Opus frames (TOC configurations 0-15, RFC 6716 §3.1) can carry in-band
/// FEC; a CELT-only frame (the low-delay mode) has none to rebuild from.
bool mayCarryFec(const QByteArray &payload)
{
    return !payload.isEmpty() && (uint8_t(payload.at(0)) >> 3) < 16;
}
} // namespace

JitterBuffer::JitterBuffer()
    : JitterBuffer(Config())
{ }

JitterBuffer::JitterBuffer(Config config)
    : m_config(config)
    , m_delayMs(config.initialDelayMs)
{
    m_seen.fill(-1);
    m_stats.delayMs = m_delayMs;
}

int64_t JitterBuffer::unwrap(uint16_t sequence)
{
    if (!m_haveReference) {
        m_haveReference = true;
        m_highest = sequence;
        return sequence;
    }
    const int64_t ext = m_highest + int16_t(uint16_t(sequence - uint16_t(m_highest)));
    m_highest = std::max(m_highest, ext);
    return ext;
}

void JitterBuffer::updateJitter(uint32_t timestamp, int64_t arrivalMs)
{
    // Transit time up to a constant: arrival minus media time (RTP clock is 48 kHz).
    const double transit = double(arrivalMs) - double(timestamp) / 48.0;
    if (m_haveTransit) {
        const double d = std::fabs(transit - m_lastTransit);
        if (d < 1000) // a timestamp jump (new spurt, new stream) is not jitter
            m_stats.jitterMs += (d - m_stats.jitterMs) / 16.0;
    }
    m_lastTransit = transit;
    m_haveTransit = true;
}

void JitterBuffer::adaptDelay()
{
    // Between spurts only. Three times the RFC 3550 jitter covers nearly every late packet;
    // the floor covers the talker's own device-period quantisation. Pops happen on the
    // playout cadence, which adds up to one frame of slack of its own.
    const int delay = m_stats.received == 0
        ? m_config.initialDelayMs
        : int(std::ceil(m_config.minDelayMs + 3.0 * m_stats.jitterMs));
    m_delayMs = std::clamp(delay, m_config.minDelayMs, m_config.maxDelayMs);
    m_stats.delayMs = m_delayMs;
}

void JitterBuffer::push(uint16_t sequence, uint32_t timestamp, bool marker,
                        const QByteArray &payload, int64_t arrivalMs)
{
    const int64_t ext = unwrap(sequence);
    if (m_playing && ext < m_next) {
        ++(seen(sequence) ? m_stats.duplicates : m_stats.late);
        return;
    }
    if (m_packets.count(ext) || (seen(sequence) && !m_playing && !marker)) {
        ++m_stats.duplicates;
        return;
    }
    if (m_playing && ext - m_next > kResyncDistance) {
        // The talker restarted its sequence: start over rather than conceal a long gap.
        m_playing = false;
        m_packets.clear();
    }
    // A new spurt, or a silent buffer joined mid-spurt (its marker missed): the gap since the
    // last packet is not jitter.
    if (marker || (!m_playing && m_packets.empty()))
        m_haveTransit = false;
    if (!m_playing && m_packets.empty()) {
        adaptDelay(); // silence: the only time the delay may change
        m_primeAtMs = arrivalMs;
    }
    if (m_playing && m_tailConcealed > 0) {
        // What we concealed at the tail was not the end of the spurt after all: it was lost.
        m_stats.lost += uint64_t(m_tailConcealed);
        m_tailConcealed = 0;
    }
    m_packets.emplace(ext, Stored {payload, arrivalMs});
    m_seen[sequence & 255] = sequence;
    ++m_stats.received;
    updateJitter(timestamp, arrivalMs);
}

void JitterBuffer::skipped()
{
    --m_stats.played;
    ++m_stats.skipped;
    if (m_owed > 0)
        --m_owed;
}

JitterBuffer::Frame JitterBuffer::pop(int64_t nowMs)
{
    Frame frame;
    if (!m_playing) {
        if (m_packets.empty() || nowMs - m_primeAtMs < m_delayMs)
            return frame;
        m_playing = true;
        m_next = m_packets.begin()->first;
        // Frames that came in together with the first one were sent in one burst: the
        // talker's pre-roll. Playing them at the frame rate would delay the whole spurt by
        // their length, so that delay is owed back by skipping quiet frames.
        // When the jitter spread (about 3x the estimate) passes two frame times, frames
        // bunch up by themselves and the delay needs every one of them: nothing is owed.
        const int64_t first = m_packets.begin()->second.arrivalMs;
        m_owed = 3.0 * m_stats.jitterMs >= 2.0 * m_config.frameMs
            ? 0
            : int(std::count_if(
                  m_packets.begin(), m_packets.end(),
                  [&](const auto &p) { return p.second.arrivalMs - first < m_config.frameMs / 2; }))
                - 1;
        m_missingRun = 0;
        m_tailConcealed = 0;
    }
    frame.sequence = uint16_t(m_next);
    if (const auto it = m_packets.find(m_next); it != m_packets.end()) {
        frame.kind = Kind::Packet;
        frame.payload = it->second.payload;
        m_packets.erase(it);
        ++m_next;
        m_missingRun = 0;
        m_tailConcealed = 0;
        ++m_stats.played;
        frame.surplus = m_owed > 0;
        return frame;
    }
    if (m_packets.empty() && m_missingRun >= m_config.drainFrames) {
        // Drained: the spurt has ended. Silence until the next one primes. The frames played
        // out while waiting for more were the spurt's fade, not losses.
        m_playing = false;
        m_stats.concealed -= uint64_t(m_tailConcealed);
        m_stats.drained += uint64_t(m_tailConcealed);
        m_tailConcealed = 0;
        return Frame {};
    }
    if (const auto next = m_packets.find(m_next + 1);
        next != m_packets.end() && mayCarryFec(next->second.payload)) {
        frame.kind = Kind::Fec;
        frame.payload = next->second.payload;
        ++m_stats.recovered;
    } else {
        frame.kind = Kind::Conceal;
        ++m_stats.concealed;
    }
    if (m_packets.empty())
        ++m_tailConcealed;
    else
        ++m_stats.lost;
    ++m_next;
    ++m_missingRun;
    return frame;
}

} // namespace floorline::media
