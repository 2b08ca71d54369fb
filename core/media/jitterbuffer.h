// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>

#include <array>
#include <cstdint>
#include <map>

namespace floorline::media {

/// @brief Per-stream receive statistics, ready for the console to show.
struct StreamStats
{
    uint64_t received = 0; ///< packets accepted into the buffer
    uint64_t lost = 0; ///< frames that never arrived in time (concealed or FEC)
    uint64_t late = 0; ///< packets that arrived after their frame was played
    uint64_t duplicates = 0;
    uint64_t concealed = 0; ///< frames lost mid-spurt and made up by Opus PLC
    uint64_t drained = 0; ///< PLC frames that faded a spurt out after its last packet
    uint64_t skipped = 0; ///< quiet frames dropped to shed delay the buffer did not need
    uint64_t recovered = 0; ///< frames rebuilt from the next packet's in-band FEC
    uint64_t played = 0; ///< frames decoded from their own packet
    double jitterMs = 0; ///< RFC 3550 interarrival jitter estimate
    int delayMs = 0; ///< current playout delay target
};

/**
 * @brief Adaptive jitter buffer for one talker's RTP/Opus stream (media thread only).
 *
 * The media thread calls pop() once per frame period. Playout of a talk spurt starts as soon as
 * its first packet has waited the target delay (the marker bit starts a new spurt at once, so
 * nothing is clipped); packets are then taken in sequence order. A missing frame is rebuilt
 * from the next packet's in-band FEC when that packet is already here, else concealed (PLC).
 * After `drainFrames` concealed frames with nothing buffered the spurt is over and the buffer
 * goes silent. The target delay follows the measured jitter but changes only between spurts,
 * so speech is never stretched or cut mid-sentence.
 */
class JitterBuffer
{
public:
    struct Config
    {
        int frameMs = 20;
        int minDelayMs = 2;
        int maxDelayMs = 200;
        int initialDelayMs = 30; ///< before any jitter has been measured
        int drainFrames = 3;
    };

    enum class Kind { None, Packet, Fec, Conceal };
    struct Frame
    {
        Kind kind = Kind::None;
        uint16_t sequence = 0;
        QByteArray payload; ///< Packet: its payload; Fec: the *next* packet's payload
        /// The spurt started with more frames than its delay needs (the talker's pre-roll
        /// comes in one burst): if this one is quiet, the player may skip it (skipped())
        /// and pop again, shedding that delay in silence.
        bool surplus = false;
    };

    JitterBuffer();
    explicit JitterBuffer(Config config);

    void push(uint16_t sequence, uint32_t timestamp, bool marker, const QByteArray &payload,
              int64_t arrivalMs);
    Frame pop(int64_t nowMs);
    /// The player dropped the quiet surplus frame it was given.
    void skipped();

    bool isPlaying() const { return m_playing; }
    /// A spurt has waited its delay: the next pop() starts playing it.
    bool readyToStart(int64_t nowMs) const
    {
        return !m_playing && !m_packets.empty() && nowMs - m_primeAtMs >= m_delayMs;
    }
    bool isIdle() const { return !m_playing && m_packets.empty(); }
    std::size_t buffered() const { return m_packets.size(); }
    const StreamStats &stats() const { return m_stats; }
    const Config &config() const { return m_config; }

private:
    struct Stored
    {
        QByteArray payload;
        int64_t arrivalMs;
    };
    int64_t unwrap(uint16_t sequence);
    void updateJitter(uint32_t timestamp, int64_t arrivalMs);
    void adaptDelay();
    bool seen(uint16_t sequence) const { return m_seen[sequence & 255] == int32_t(sequence); }

    Config m_config;
    std::map<int64_t, Stored> m_packets; ///< by extended sequence number, in playout order
    bool m_playing = false;
    bool m_haveReference = false;
    int64_t m_highest = 0; ///< highest extended sequence number seen
    int64_t m_next = 0; ///< next extended sequence number to play
    int64_t m_primeAtMs = 0; ///< arrival of the first buffered packet of a spurt
    int m_missingRun = 0; ///< consecutive frames not played from their own packet
    int m_tailConcealed = 0; ///< concealed with nothing buffered: lost if the spurt goes on
    int m_owed = 0; ///< frames of surplus delay still to shed by skipping quiet ones
    int m_delayMs;
    StreamStats m_stats;
    bool m_haveTransit = false; ///< RFC 3550 §6.4.1 jitter estimator state, in ms
    double m_lastTransit = 0;
    std::array<int32_t, 256> m_seen;
};

} // namespace floorline::media
