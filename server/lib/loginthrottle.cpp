// SPDX-License-Identifier: Apache-2.0
#include "loginthrottle.h"

#include <algorithm>

namespace floorline::server {

LoginThrottle::LoginThrottle(Config config)
    : m_config(config)
{ }

qint64 LoginThrottle::waitIn(const QHash<QString, Entry> &table, const QString &key,
                             qint64 nowMs) const
{
    const auto it = table.constFind(key);
    if (it == table.cend() || nowMs - it->lastMs > m_config.forgetMs)
        return 0;
    return std::max<qint64>(0, it->allowedMs - nowMs);
}

qint64 LoginThrottle::waitMs(const QString &account, const QString &address, qint64 nowMs) const
{
    return std::max(waitIn(m_accounts, account, nowMs), waitIn(m_addresses, address, nowMs));
}

LoginThrottle::Entry LoginThrottle::bump(QHash<QString, Entry> &table, const QString &key, int free,
                                         qint64 nowMs)
{
    if (table.size() >= m_config.maxEntries && !table.contains(key)) {
        // Bounded memory under a spray of names or addresses: forget what is quiet longest.
        for (auto it = table.begin(); it != table.end();)
            it = nowMs - it->lastMs > m_config.forgetMs ? table.erase(it) : std::next(it);
        if (table.size() >= m_config.maxEntries) {
            const auto oldest
                = std::min_element(table.begin(), table.end(), [](const Entry &a, const Entry &b) {
                      return a.lastMs < b.lastMs;
                  });
            table.erase(oldest);
        }
    }
    Entry &e = table[key];
    if (nowMs - e.lastMs > m_config.forgetMs)
        e = {};
    ++e.failures;
    e.lastMs = nowMs;
    const int over = e.failures - free + 1; // the last free failure arms the first wait
    if (over > 0)
        e.allowedMs
            = nowMs + std::min<qint64>(m_config.maxDelayMs, 1000LL << std::min(over - 1, 16));
    return e;
}

int LoginThrottle::failed(const QString &account, const QString &address, qint64 nowMs)
{
    bump(m_addresses, address, m_config.addressFailures, nowMs);
    return bump(m_accounts, account, m_config.accountFailures, nowMs).failures;
}

void LoginThrottle::succeeded(const QString &account)
{
    // The address keeps its count: logging in to one's own account between guesses at
    // another must not wipe the slate.
    m_accounts.remove(account);
}

} // namespace floorline::server
