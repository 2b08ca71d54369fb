// SPDX-License-Identifier: Apache-2.0
#include "recorder.h"

#include "core/net/srtp.h"
#include "core/protocol/rtp.h"

#include <QFile>
#include <QLoggingCategory>

#include <algorithm>
#include <cstring>

Q_LOGGING_CATEGORY(lcRecorder, "floorline.server.recorder", QtInfoMsg)

namespace floorline::server {

Recorder::Recorder(std::function<void(Finished)> finished)
    : m_finished(std::move(finished))
{
    m_thread = std::thread([this] { run(); });
}

Recorder::~Recorder()
{
    shutdown();
}

void Recorder::start(Start start)
{
    {
        std::lock_guard lock(m_mutex);
        m_queue.items.push_back({Item::StartIt, start.ssrc, start.id, m_queue.starts.size(), 0});
        m_queue.starts.push_back(std::move(start));
    }
    m_wake.notify_one();
}

void Recorder::stop(quint64 id)
{
    {
        std::lock_guard lock(m_mutex);
        m_queue.items.push_back({Item::StopIt, 0, id, 0, 0});
    }
    m_wake.notify_one();
}

void Recorder::tapped(std::span<const TappedPacket> packets, std::span<const uint8_t> bytes)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_queue.arena.size() + bytes.size() > kMaxQueuedBytes) {
            m_counters.droppedQueueFull.fetch_add(packets.size(), std::memory_order_relaxed);
            return;
        }
        const std::size_t base = m_queue.arena.size();
        m_queue.arena.insert(m_queue.arena.end(), bytes.begin(), bytes.end());
        for (const TappedPacket &p : packets)
            m_queue.items.push_back({Item::Packet, p.ssrc, 0, base + p.offset, p.size});
    }
    m_wake.notify_one();
}

std::vector<Recorder::Finished> Recorder::shutdown()
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_thread.joinable())
            return {};
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread.join();
    std::vector<Finished> last;
    std::vector<quint64> ids;
    for (const auto &[id, running] : m_running)
        ids.push_back(id);
    for (quint64 id : ids)
        last.push_back(end(id));
    return last;
}

void Recorder::run()
{
    Queue local;
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stop || !m_queue.items.empty(); });
            // Swapped, not copied: both sides keep their capacity, nothing is allocated in
            // the steady state.
            std::swap(local, m_queue);
            if (m_stop && local.items.empty())
                return;
        }
        process(local);
        local.items.clear();
        local.arena.clear();
        local.starts.clear();
    }
}

void Recorder::process(const Queue &queue)
{
    for (const Item &item : queue.items) {
        switch (item.kind) {
        case Item::StartIt:
            begin(queue.starts[item.offset]);
            break;
        case Item::StopIt:
            if (m_running.count(item.id))
                m_finished(end(item.id));
            break;
        case Item::Packet:
            write(item.ssrc, queue.arena.data() + item.offset, item.size);
            break;
        }
    }
}

void Recorder::begin(const Start &start)
{
    Running running;
    running.ssrc = start.ssrc;
    running.key = start.key;
    running.path = start.path;
    running.writer
        = std::make_unique<OggOpusWriter>(start.path + QStringLiteral(".part"), start.tags);
    auto &keyed = m_bySsrc[start.ssrc];
    auto same = std::find_if(keyed.begin(), keyed.end(),
                             [&](const Keyed &k) { return k.key == start.key; });
    if (same == keyed.end()) {
        Keyed k;
        k.key = start.key;
        if (!start.key.isEmpty())
            k.context = srtp::Context::receiver(start.key, start.ssrc);
        keyed.push_back(std::move(k));
        same = std::prev(keyed.end());
    }
    same->ids.push_back(start.id);
    m_running.emplace(start.id, std::move(running));
}

Recorder::Finished Recorder::end(quint64 id)
{
    Finished finished;
    finished.id = id;
    auto it = m_running.find(id);
    if (it == m_running.end())
        return finished;
    Running running = std::move(it->second);
    m_running.erase(it);
    auto &keyed = m_bySsrc[running.ssrc];
    for (auto k = keyed.begin(); k != keyed.end(); ++k) {
        k->ids.erase(std::remove(k->ids.begin(), k->ids.end(), id), k->ids.end());
        if (k->ids.empty()) {
            keyed.erase(k);
            break;
        }
    }
    if (keyed.empty())
        m_bySsrc.erase(running.ssrc);
    finished.ok = running.writer->finish(&finished.error);
    finished.summary = running.writer->summary();
    if (finished.ok) {
        QFile::remove(running.path);
        if (!QFile::rename(running.path + QStringLiteral(".part"), running.path)) {
            finished.ok = false;
            finished.error = QStringLiteral("the recording could not be renamed");
            QFile::remove(running.path + QStringLiteral(".part"));
        }
    }
    if (!finished.ok && finished.error != QLatin1String("no audio arrived"))
        qCWarning(lcRecorder) << "recording" << id << "failed:" << finished.error;
    return finished;
}

void Recorder::write(uint32_t ssrc, const uint8_t *data, std::size_t size)
{
    const auto found = m_bySsrc.find(ssrc);
    if (found == m_bySsrc.end())
        return; // its recording stopped: the spurt's last packets came after the floor moved
    for (Keyed &keyed : found->second) {
        m_scratch.assign(data, data + size);
        std::size_t plainSize = size;
        if (keyed.context
            && keyed.context->unprotect(m_scratch.data(), plainSize) != srtp::Result::Ok) {
            m_counters.droppedUnverified.fetch_add(1, std::memory_order_relaxed);
            continue;
        }
        proto::RtpPacket packet;
        if (proto::parseRtp({m_scratch.data(), plainSize}, packet) != proto::RtpError::None)
            continue;
        for (quint64 id : keyed.ids) {
            auto running = m_running.find(id);
            if (running != m_running.end()
                && running->second.writer->add(packet.sequence, packet.timestamp, packet.payload))
                m_counters.packets.fetch_add(1, std::memory_order_relaxed);
        }
    }
}

} // namespace floorline::server
