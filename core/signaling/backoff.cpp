// SPDX-License-Identifier: Apache-2.0
#include "backoff.h"

#include <algorithm>

namespace floorline {

Backoff::Backoff(int initialMs, int maxMs, quint32 seed)
    : m_initialMs(initialMs)
    , m_maxMs(maxMs)
    , m_random(seed ? seed : QRandomGenerator::system()->generate())
{ }

int Backoff::ceilingFor(int attempt) const
{
    const qint64 ceiling = qint64(m_initialMs) << std::min(attempt, 20);
    return int(std::min<qint64>(ceiling, m_maxMs));
}

int Backoff::next()
{
    const int ceiling = ceilingFor(m_attempt++);
    return ceiling / 2 + int(m_random.bounded(ceiling / 2 + 1));
}

} // namespace floorline
