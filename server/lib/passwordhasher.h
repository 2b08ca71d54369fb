// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QString>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace floorline::server {

/**
 * @brief Passwords as argon2id hashes (libsodium `crypto_pwhash_str`), verified on worker
 * threads so that a login never holds the signaling thread for the ~100 ms one check costs.
 *
 * The stored string carries its own parameters, so hashes made with different costs verify
 * alike. At most `maxPending` checks wait at once: beyond that a login is refused as busy, so a
 * flood of logins costs the others nothing but a refusal.
 */
class PasswordHasher : public QObject
{
    Q_OBJECT
public:
    struct Cost
    {
        unsigned long long ops = 0;
        std::size_t memory = 0;
        /// libsodium's interactive limits (2 passes over 64 MiB): every real account.
        static Cost interactive();
        /// The least libsodium allows: demo fleets, whose passwords are their public ids.
        static Cost minimal();
    };

    explicit PasswordHasher(int threads = 2, int maxPending = 32, QObject *parent = nullptr);
    ~PasswordHasher() override;

    /// The argon2id string for `password`, or empty if hashing failed (out of memory).
    static QString hash(const QString &password, Cost cost);
    static bool isHash(const QString &stored);
    /// What is stored for an account that has no password yet (a fleet file without one, as
    /// a package's starter fleet): it matches no password, so nobody logs in as it until an
    /// operator sets one (`--set-password`). "!" as in /etc/shadow.
    static QString locked() { return QStringLiteral("!"); }
    /// Checks on the calling thread (tools and migrations only, never the signaling thread).
    static bool verifyNow(const QString &stored, const QString &password);
    /// A hash of a secret no account has: verified for unknown users, so that a wrong user
    /// name takes as long to refuse as a wrong password.
    static const QString &decoy();

    /// Checks on a worker; `done(match)` runs on this object's thread. False (and `done` never
    /// called) when `maxPending` checks are waiting already.
    bool verify(const QString &stored, const QString &password, std::function<void(bool)> done);
    int pending() const { return m_pending; }

private:
    void work();

    // Plain threads and a locked queue: ThreadSanitizer sees every hand-over (it cannot see
    // inside Qt's thread pool).
    std::vector<std::thread> m_workers;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_jobs; ///< guarded by m_mutex
    bool m_stopping = false; ///< guarded by m_mutex
    int m_maxPending;
    int m_pending = 0; ///< this object's thread only
};

} // namespace floorline::server
