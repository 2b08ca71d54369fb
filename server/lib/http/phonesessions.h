// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>

namespace floorline::server {

/// @brief A phone page bound to a console by its pairing code (docs/protocol.md §13.5).
struct PhoneSession
{
    QString phone; ///< the phone's sender id: "phone-" and 16 hex digits
    QString alias; ///< the name the field user gave, or "Phone n"
    QString console; ///< the console's unit id: uploads count against its quota
    qint64 expires = 0; ///< ms since the epoch
};

/**
 * @brief The phones paired with consoles, by bearer token: in memory (a restart asks for a new
 * scan), each good for 12 hours, at most 32 per console (a new one ends the oldest).
 * Thread rule: the server's signaling thread.
 */
class PhoneSessions
{
public:
    static constexpr qint64 kLifetimeMs = 12LL * 3600 * 1000;
    static constexpr int kPerConsole = 32;

    /// A new session for a phone of `console`; its token.
    QByteArray open(const QString &console, const QString &name);
    /// The session `token` names while it is good.
    std::optional<PhoneSession> resolve(const QByteArray &token);
    /// How many phones `console` has paired so far (names "Phone n").
    int count(const QString &console) const { return m_numbered.value(console); }

private:
    void dropExpired(qint64 now);

    QHash<QByteArray, PhoneSession> m_byToken;
    QHash<QString, int> m_numbered;
};

} // namespace floorline::server
