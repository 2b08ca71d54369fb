// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <vector>

namespace floorline::media {

/**
 * @brief Lock-free single-producer single-consumer ring of samples.
 *
 * The bridge between an audio device callback and the media thread (DESIGN.md §2): the callback
 * side only copies and touches two atomics, never allocates or locks. Capacity is fixed at
 * construction (rounded up to a power of two). Exactly one thread may write and one may read.
 */
template<typename T> class SpscRing
{
public:
    explicit SpscRing(std::size_t capacity)
    {
        std::size_t size = 1;
        while (size < capacity + 1)
            size <<= 1;
        m_buffer.resize(size);
        m_mask = size - 1;
    }

    std::size_t capacity() const { return m_mask; }

    /// Readable items (exact for the consumer, a lower bound for the producer).
    std::size_t readable() const
    {
        return (m_head.load(std::memory_order_acquire) - m_tail.load(std::memory_order_acquire))
            & m_mask;
    }
    std::size_t writable() const { return capacity() - readable(); }

    /// Producer: copies up to `count` items; returns how many fitted.
    std::size_t write(const T *data, std::size_t count)
    {
        const std::size_t head = m_head.load(std::memory_order_relaxed);
        const std::size_t tail = m_tail.load(std::memory_order_acquire);
        const std::size_t free = m_mask - ((head - tail) & m_mask);
        const std::size_t n = std::min(count, free);
        for (std::size_t i = 0; i < n; ++i)
            m_buffer[(head + i) & m_mask] = data[i];
        m_head.store((head + n) & m_mask, std::memory_order_release);
        return n;
    }

    /// Consumer: copies up to `count` items out; returns how many there were.
    std::size_t read(T *out, std::size_t count)
    {
        const std::size_t tail = m_tail.load(std::memory_order_relaxed);
        const std::size_t head = m_head.load(std::memory_order_acquire);
        const std::size_t n = std::min(count, (head - tail) & m_mask);
        for (std::size_t i = 0; i < n; ++i)
            out[i] = m_buffer[(tail + i) & m_mask];
        m_tail.store((tail + n) & m_mask, std::memory_order_release);
        return n;
    }

    /// Consumer: drops up to `count` items.
    std::size_t skip(std::size_t count)
    {
        const std::size_t tail = m_tail.load(std::memory_order_relaxed);
        const std::size_t head = m_head.load(std::memory_order_acquire);
        const std::size_t n = std::min(count, (head - tail) & m_mask);
        m_tail.store((tail + n) & m_mask, std::memory_order_release);
        return n;
    }

private:
    std::vector<T> m_buffer;
    std::size_t m_mask = 0;
    alignas(64) std::atomic<std::size_t> m_head {0}; ///< written by the producer
    alignas(64) std::atomic<std::size_t> m_tail {0}; ///< written by the consumer
};

} // namespace floorline::media
