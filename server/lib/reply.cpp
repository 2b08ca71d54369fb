// SPDX-License-Identifier: Apache-2.0
#include "reply.h"

#include "connection.h"
#include "stats.h"

namespace floorline::server {

void Reply::ok(const QJsonObject &result)
{
    m_connection.sendResult(m_id, result);
}

void Reply::okEncoded(const QByteArray &result)
{
    m_connection.sendRawResult(m_id, result);
}

void Reply::fail(proto::ErrorCode code, const QString &message)
{
    if (code == proto::ErrorCode::Forbidden)
        ++m_stats.forbidden;
    m_connection.sendError(m_id, code, message);
}

} // namespace floorline::server
