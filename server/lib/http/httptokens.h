// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHash>

namespace floorline::server {

struct Login;
class Logins;

/**
 * @brief Bearer tokens for media over HTTPS (docs/protocol.md §13.2): each names one login and
 * is good exactly as long as that login lives (its resume grace included). A login holds one
 * token at a time: asking again ends the earlier one.
 * Thread rule: the server's signaling thread.
 */
class HttpTokens
{
public:
    explicit HttpTokens(Logins &logins)
        : m_logins(logins)
    { }

    /// A new token for `login` (32 random bytes, hex).
    QByteArray issue(const Login &login);
    /// The live login `token` names; null for an unknown token or a login that ended.
    const Login *resolve(const QByteArray &token);

private:
    Logins &m_logins;
    QHash<QByteArray, quint64> m_byToken;
    QHash<quint64, QByteArray> m_byLogin;
};

} // namespace floorline::server
