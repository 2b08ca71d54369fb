// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/protocol/types.h"

#include <QJsonObject>

namespace floorline::server {

class Connection;
struct SignalingStats;

/**
 * @brief The one answer a request gets: a result or an error, written to the connection that
 * asked. Every `forbidden` is counted here, so no refusal goes uncounted.
 */
class Reply
{
public:
    Reply(Connection &connection, quint64 id, SignalingStats &stats)
        : m_connection(connection)
        , m_id(id)
        , m_stats(stats)
    { }

    void ok(const QJsonObject &result = {});
    /// A result already encoded as one compact JSON object.
    void okEncoded(const QByteArray &result);
    void fail(proto::ErrorCode code, const QString &message);
    Connection &connection() const { return m_connection; }
    quint64 id() const { return m_id; }

private:
    Connection &m_connection;
    quint64 m_id;
    SignalingStats &m_stats;
};

} // namespace floorline::server
