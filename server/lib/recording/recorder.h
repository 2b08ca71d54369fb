// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "oggopuswriter.h"

#include "server/relay/packettap.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

namespace floorline::srtp {
class Context;
}

namespace floorline::server {

/**
 * @brief Writes the spurts being recorded, on a thread of its own, from the packets the relay
 * taps.
 *
 * Threads: start() and stop() come from the signaling thread, tapped() from the relay thread;
 * both only append to one queue under a mutex, once per call (the relay calls once per batch),
 * so the relay never waits on a disk. Everything else runs on the recorder's thread, which
 * owns the files and the SRTP receivers. Commands and packets share the queue, so a spurt's
 * packets are never written before its start nor after its stop. A queue that grows past its
 * bound (a disk that stalls) drops packets and counts them; the spurt keeps its timing.
 */
class Recorder : public PacketTap
{
public:
    struct Start
    {
        quint64 id = 0;
        uint32_t ssrc = 0;
        QByteArray key; ///< the talk's SRTP key; empty: plain RTP
        QString path; ///< the finished file; it is written as `path` + ".part" until then
        QList<QPair<QString, QString>> tags;
    };
    struct Finished
    {
        quint64 id = 0;
        bool ok = false; ///< a file at Start::path; else none and `error` says why
        QString error;
        OggOpusWriter::Summary summary;
    };
    struct Counters
    {
        std::atomic<uint64_t> packets {0}; ///< written into a recording
        std::atomic<uint64_t> droppedQueueFull {0};
        std::atomic<uint64_t> droppedUnverified {0}; ///< did not open under the talk's key
    };

    /// `finished` runs on the recorder's thread, once per stopped recording.
    explicit Recorder(std::function<void(Finished)> finished);
    ~Recorder() override;

    void start(Start start);
    void stop(quint64 id);
    /// Finishes every running recording, stops the thread and returns what finished last.
    std::vector<Finished> shutdown();
    void tapped(std::span<const TappedPacket> packets, std::span<const uint8_t> bytes) override;
    const Counters &counters() const { return m_counters; }

    static constexpr std::size_t kMaxQueuedBytes = 4 * 1024 * 1024;

private:
    struct Item
    {
        enum Kind { StartIt, StopIt, Packet } kind;
        uint32_t ssrc = 0;
        quint64 id = 0;
        std::size_t offset = 0; ///< Packet: into the arena; StartIt: into the starts
        std::size_t size = 0;
    };
    struct Queue
    {
        std::vector<Item> items;
        std::vector<uint8_t> arena;
        std::vector<Start> starts;
    };
    /// Recordings of one SSRC under one key: one SRTP receiver, one decryption per packet.
    struct Keyed
    {
        QByteArray key;
        std::unique_ptr<srtp::Context> context;
        std::vector<quint64> ids;
    };
    struct Running
    {
        uint32_t ssrc = 0;
        QByteArray key;
        QString path;
        std::unique_ptr<OggOpusWriter> writer;
    };

    void run();
    void process(const Queue &queue);
    void begin(const Start &start);
    Finished end(quint64 id);
    void write(uint32_t ssrc, const uint8_t *data, std::size_t size);

    std::function<void(Finished)> m_finished;
    Counters m_counters;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    Queue m_queue; ///< under m_mutex
    bool m_stop = false; ///< under m_mutex
    std::thread m_thread;

    // The recorder's thread only.
    std::unordered_map<quint64, Running> m_running;
    std::unordered_map<uint32_t, std::vector<Keyed>> m_bySsrc;
    std::vector<uint8_t> m_scratch;
};

} // namespace floorline::server
