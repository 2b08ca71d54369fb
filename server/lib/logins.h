// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "login.h"
#include "server/relay/rtprelay.h"

#include "core/protocol/codec.h"
#include "core/protocol/events.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <memory>
#include <unordered_map>

namespace floorline::server {

/**
 * @brief Every login on the server, and the one way events reach them: each login's sequenced
 * event log, so a client that reconnects resumes without gaps (docs/protocol.md §2.3, §3.3).
 *
 * What other parts must do when a login comes, goes or loses its connection they do on its
 * signals, which are emitted synchronously. Thread rule: the server's signaling thread.
 */
class Logins : public QObject
{
    Q_OBJECT
public:
    using Bindings = std::unordered_map<uint32_t, RtpRelay::Binding>;

    Logins(int eventLogSize, int resumeGraceMs, QObject *parent = nullptr);
    ~Logins() override;

    Login &create(const proto::Account &account, bool display);
    /// Ends a login: aboutToDrop (its sessions are left), then it is gone, then dropped().
    void drop(quint64 id);
    /// The login is at `connection` now (logged in or resumed).
    void attach(Login &login, Connection &connection);
    /// Its connection is gone: the login waits `resumeGraceMs` for a resume, then drops.
    void detach(Login &login);

    Login *find(quint64 id);
    const Login *find(quint64 id) const;
    /// The login of `unit` with this resume token, if any.
    Login *resumable(const QString &unit, const QString &token);
    QList<quint64> ofUnit(const QString &unit) const { return m_byUnit.value(unit); }
    /// Units with at least one login, each with its logins.
    const QHash<QString, QList<quint64>> &byUnit() const { return m_byUnit; }
    const std::unordered_map<quint64, std::unique_ptr<Login>> &all() const { return m_logins; }
    int count() const { return int(m_logins.size()); }
    /// SSRC → key and media clock of every login, for the relay (rebuilt on every change).
    std::shared_ptr<const Bindings> bindings() const { return m_bindings; }

    void deliver(Login &login, const proto::EncodedEvent &event);
    void deliver(Login &login, const proto::Event &event);
    void deliver(quint64 login, const proto::Event &event);
    /// One event to each of `logins` but `except`; encoded once.
    void deliverTo(const QList<quint64> &logins, const proto::Event &event, quint64 except = 0);
    /// One event to every login of `unit`.
    void deliverToUnit(const QString &unit, const proto::Event &event);
    /// One event to every login that `to` accepts.
    void deliverIf(const proto::Event &event, const std::function<bool(const Login &)> &to);

Q_SIGNALS:
    void created(floorline::server::Login *login);
    void attached(floorline::server::Login *login);
    void detached(floorline::server::Login *login);
    void aboutToDrop(floorline::server::Login *login);
    void dropped(const QString &unit);

private:
    void rebuildBindings();

    int m_eventLogSize;
    int m_resumeGraceMs;
    std::unordered_map<quint64, std::unique_ptr<Login>> m_logins;
    QHash<QString, QList<quint64>> m_byUnit;
    QHash<quint32, quint64> m_bySsrc;
    std::shared_ptr<const Bindings> m_bindings;
    quint64 m_next = 1;
};

} // namespace floorline::server
