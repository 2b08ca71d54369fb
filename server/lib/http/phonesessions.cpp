// SPDX-License-Identifier: Apache-2.0
#include "phonesessions.h"

#include <QDateTime>
#include <QRandomGenerator>

namespace floorline::server {

namespace {
QByteArray randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(raw.data()),
                                         reinterpret_cast<quint32 *>(raw.data() + raw.size()));
    return raw.toHex();
}
} // namespace

void PhoneSessions::dropExpired(qint64 now)
{
    for (auto it = m_byToken.begin(); it != m_byToken.end();)
        it = it->expires < now ? m_byToken.erase(it) : std::next(it);
}

QByteArray PhoneSessions::open(const QString &console, const QString &name)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    dropExpired(now);
    // A console that pairs phone after phone keeps the newest: the oldest session ends.
    QList<QByteArray> mine;
    for (auto it = m_byToken.cbegin(); it != m_byToken.cend(); ++it) {
        if (it->console == console)
            mine.append(it.key());
    }
    if (mine.size() >= kPerConsole) {
        const auto oldest = std::min_element(mine.cbegin(), mine.cend(),
                                             [this](const QByteArray &a, const QByteArray &b) {
                                                 return m_byToken[a].expires < m_byToken[b].expires;
                                             });
        m_byToken.remove(*oldest);
    }
    const int number = ++m_numbered[console];
    PhoneSession s;
    s.phone = QStringLiteral("phone-") + QString::fromLatin1(randomHex(8));
    s.alias = name.isEmpty() ? QStringLiteral("Phone %1").arg(number) : name;
    s.console = console;
    s.expires = now + kLifetimeMs;
    const QByteArray token = randomHex(32);
    m_byToken.insert(token, s);
    return token;
}

std::optional<PhoneSession> PhoneSessions::resolve(const QByteArray &token)
{
    const auto it = m_byToken.constFind(token);
    if (it == m_byToken.cend())
        return std::nullopt;
    if (it->expires < QDateTime::currentMSecsSinceEpoch()) {
        m_byToken.erase(it);
        return std::nullopt;
    }
    return *it;
}

} // namespace floorline::server
