// SPDX-License-Identifier: Apache-2.0
#include "passwordhasher.h"

#include <QMetaObject>

#include <sodium.h>

namespace floorline::server {

namespace {
const bool kSodiumReady = sodium_init() >= 0;
} // namespace

PasswordHasher::Cost PasswordHasher::Cost::interactive()
{
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

PasswordHasher::Cost PasswordHasher::Cost::minimal()
{
    return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

PasswordHasher::PasswordHasher(int threads, int maxPending, QObject *parent)
    : QObject(parent)
    , m_maxPending(maxPending)
{
    for (int i = 0; i < threads; ++i)
        m_workers.emplace_back([this] { work(); });
}

PasswordHasher::~PasswordHasher()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_jobs.clear(); // checks nobody waits for any more
    }
    m_wake.notify_all();
    for (std::thread &t : m_workers)
        t.join();
}

void PasswordHasher::work()
{
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
            if (m_stopping)
                return;
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
        }
        job();
    }
}

QString PasswordHasher::hash(const QString &password, Cost cost)
{
    if (!kSodiumReady)
        return {};
    const QByteArray secret = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, secret.constData(), std::size_t(secret.size()), cost.ops,
                          cost.memory)
        != 0)
        return {};
    return QString::fromLatin1(out);
}

bool PasswordHasher::isHash(const QString &stored)
{
    return stored.startsWith(QLatin1String("$argon2id$"));
}

bool PasswordHasher::verifyNow(const QString &stored, const QString &password)
{
    if (!kSodiumReady || !isHash(stored))
        return false;
    const QByteArray hashed = stored.toLatin1();
    const QByteArray secret = password.toUtf8();
    return crypto_pwhash_str_verify(hashed.constData(), secret.constData(),
                                    std::size_t(secret.size()))
        == 0;
}

const QString &PasswordHasher::decoy()
{
    // argon2id, interactive limits, of a string no account uses.
    static const QString kDecoy
        = QStringLiteral("$argon2id$v=19$m=65536,t=2,p=1$eKTevLi9tsXrdd+naS0lTw$"
                         "CDLQRgtMgDjfjQ9EEoKMkOexb3Yb7amuTKXLjypOJCY");
    return kDecoy;
}

bool PasswordHasher::verify(const QString &stored, const QString &password,
                            std::function<void(bool)> done)
{
    if (m_pending >= m_maxPending)
        return false;
    ++m_pending;
    // The answer comes back through this object's event loop; a hasher destroyed meanwhile
    // (its workers joined first) takes the queued answer with it. The worker moves `done` on
    // rather than copying it: what it captures (a QPointer to the connection) is copied, read
    // and destroyed on the event loop's thread only.
    std::function<void()> job = [this, stored, password, done = std::move(done)]() mutable {
        const bool match = verifyNow(stored, password);
        QMetaObject::invokeMethod(this, [this, match, done = std::move(done)] {
            --m_pending;
            done(match);
        });
    };
    {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back(std::move(job));
    }
    m_wake.notify_one();
    return true;
}

} // namespace floorline::server
