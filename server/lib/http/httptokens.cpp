// SPDX-License-Identifier: Apache-2.0
#include "httptokens.h"

#include "../login.h"
#include "../logins.h"

#include <QRandomGenerator>

namespace floorline::server {

QByteArray HttpTokens::issue(const Login &login)
{
    // Tokens of logins that ended go as new ones are made: the tables stay as large as the
    // logins that asked.
    for (auto it = m_byLogin.begin(); it != m_byLogin.end();) {
        if (!m_logins.find(it.key())) {
            m_byToken.remove(it.value());
            it = m_byLogin.erase(it);
        } else {
            ++it;
        }
    }
    m_byToken.remove(m_byLogin.value(login.id));
    QByteArray raw(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(raw.data()),
                                         reinterpret_cast<quint32 *>(raw.data() + raw.size()));
    const QByteArray token = raw.toHex();
    m_byToken.insert(token, login.id);
    m_byLogin.insert(login.id, token);
    return token;
}

const Login *HttpTokens::resolve(const QByteArray &token)
{
    const auto it = m_byToken.constFind(token);
    if (it == m_byToken.cend())
        return nullptr;
    const Login *login = m_logins.find(it.value());
    if (!login) {
        m_byLogin.remove(it.value());
        m_byToken.erase(it);
    }
    return login;
}

} // namespace floorline::server
