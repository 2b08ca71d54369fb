// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>

#include <cstdint>

namespace floorline::server {

/// @brief HTTP counters (docs/operations.md, Counters); signaling thread only.
struct HttpStats
{
    uint64_t connections = 0;
    uint64_t requests = 0;
    uint64_t badRequests = 0; ///< 400, 411, 413, 414, 431, 501: heads or bodies we refuse
    uint64_t unauthorized = 0; ///< 401: no token, or one of no live login
    uint64_t notFound = 0; ///< 404, items the caller may not read among them
    uint64_t refused = 0; ///< other 4xx: a store limit, a wrong offset, a range past the end
    uint64_t closedIdle = 0; ///< connections closed for a head or body that did not come
    uint64_t closedSlowReader = 0; ///< cut off: the answer waited unread too long
    uint64_t bytesIn = 0; ///< media bytes stored through HTTP
    uint64_t bytesOut = 0; ///< media bytes sent through HTTP
    uint64_t pairings = 0; ///< phone pages bound to a console (§13.5)

    QJsonObject toJson() const
    {
        return {{QStringLiteral("connections"), qint64(connections)},
                {QStringLiteral("requests"), qint64(requests)},
                {QStringLiteral("badRequests"), qint64(badRequests)},
                {QStringLiteral("unauthorized"), qint64(unauthorized)},
                {QStringLiteral("notFound"), qint64(notFound)},
                {QStringLiteral("refused"), qint64(refused)},
                {QStringLiteral("closedIdle"), qint64(closedIdle)},
                {QStringLiteral("closedSlowReader"), qint64(closedSlowReader)},
                {QStringLiteral("bytesIn"), qint64(bytesIn)},
                {QStringLiteral("bytesOut"), qint64(bytesOut)},
                {QStringLiteral("pairings"), qint64(pairings)}};
    }
};

} // namespace floorline::server
