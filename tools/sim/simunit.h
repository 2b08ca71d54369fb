// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "mediaclock.h"

#include "core/media/spurtrecording.h"

#include "core/net/rtpendpoint.h"
#include "core/protocol/fleet.h"
#include "core/signaling/signalingclient.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>

#include <vector>

namespace floorline::sim {

/// @brief What one simulated unit did and heard.
struct UnitCounters
{
    quint64 requests = 0;
    quint64 granted = 0;
    quint64 queued = 0;
    quint64 denied = 0;
    quint64 revoked = 0;
    quint64 spurts = 0;
    quint64 packetsSent = 0;
    quint64 packetsReceived = 0;
    quint64 packetsLost = 0; ///< sequence gaps within a talker's stream
    /// SRTP packets that never verified (wrong or missing key, forged): heard as silence
    quint64 packetsRejected = 0;
    quint64 reconnects = 0;
    quint64 mediaShown = 0; ///< spurts heard that showed an item
    quint64 mediaFetched = 0; ///< items fetched with media.get (each once)
    quint64 pushesReceived = 0; ///< pushes acknowledged (delivered, then opened)
    quint64 resets = 0; ///< resets announced
    quint64 emergencies = 0; ///< emergencies of this unit the server raised
    quint64 emergenciesAcknowledged = 0; ///< of those, acknowledged by a console
    quint64 emergencyCancels = 0; ///< emergency.cancel sent by the unit itself
};

/// @brief How long a simulated unit keeps an emergency open (tests shorten them).
struct EmergencyTimes
{
    int cancelAfterAckMinMs = 8000; ///< the unit cancels a random 8-20 s after the first ack
    int cancelAfterAckMaxMs = 20000;
    int unacknowledgedMs = 90000; ///< and gives up on its own after 90 s without one
};

/**
 * @brief One field unit: logs in, affiliates to its groups, talks when told and listens.
 *
 * It behaves like a disciplined radio: it waits in the queue when queued, stops at once on Floor
 * Revoke, backs off when denied, and after a reconnect it does not resume talking. A unit that
 * talked as an emergency has an open emergency (docs/protocol.md §11): until a console
 * acknowledges it, every talk of the unit is an emergency call; once acknowledged, the unit
 * talks normally and cancels the emergency itself a little later.
 */
class SimUnit : public QObject
{
    Q_OBJECT
public:
    SimUnit(const proto::Account &account, const QUrl &server, const QByteArray &fingerprint,
            QObject *parent = nullptr);

    void start();
    void stop();
    bool isOnline() const { return m_client.state() == SignalingClient::State::Online; }
    /// Idle: online, not talking and not waiting for the floor.
    bool isIdle() const { return isOnline() && m_floorSession.isEmpty(); }
    const proto::Account &account() const { return m_account; }
    UnitCounters counters() const
    {
        UnitCounters c = m_counters;
        c.packetsRejected = m_rtp.rejected();
        return c;
    }

    /// Requests the floor on `session` and, once granted, speaks `clip` in real time; the
    /// spurt shows the stored item `media` if given.
    void talk(const QString &session, const media::SpurtRecording *clip, proto::FloorType type,
              int priority, const QString &media = {});
    /// The item the live spurt on `session` shows, as this radio's screen does; empty: none.
    QString showing(const QString &session) const { return m_showing.value(session); }
    /// True once `media` was fetched whole (a radio shows what it has).
    bool has(const QString &media) const { return m_have.contains(media); }
    /// Announces a reset, goes off line for `downMs` and comes back (a radio rebooting):
    /// the server holds its pushes meanwhile.
    void reset(int downMs);
    /// Uploads `bytes` and hands the stored item's id to `done` (empty on failure).
    void upload(const QByteArray &bytes, const QString &name, const QString &type,
                std::function<void(const QString &)> done);
    /// Sends the packets that are due by `nowMs` (called by the fleet's 10 ms pacing tick).
    void pace(qint64 nowMs);
    /// The unit's emergency while it is open or acknowledged; id empty: none.
    const proto::EmergencyInfo &emergency() const { return m_emergency; }
    void setEmergencyTimes(EmergencyTimes times) { m_emergencyTimes = times; }

Q_SIGNALS:
    void failed(const QString &why);

private:
    void onLoggedIn(const proto::LoginResult &login);
    void onEvent(const proto::Event &event);
    void startSpeaking();
    void finish(bool release);
    void fetch(const QString &media, qint64 offset);
    void onEmergencyEvent(const proto::Event &event);
    /// Takes over what the server says of our emergency (an event or emergency.list).
    void adoptEmergency(const proto::EmergencyInfo &emergency);
    void cancelEmergency();

    proto::Account m_account;
    QUrl m_server;
    SignalingClient m_client;
    RtpEndpoint m_rtp;
    UnitCounters m_counters;
    QString m_floorSession; ///< session we requested or hold the floor in
    bool m_speaking = false;
    const media::SpurtRecording *m_clip = nullptr;
    std::size_t m_next = 0;
    qint64 m_spurtStartMs = 0;
    MediaClock m_clock; ///< of the current login's SSRC
    QHash<quint32, quint16> m_lastSequence; ///< per talker SSRC
    bool m_everOnline = false;
    QHash<QString, QString> m_showing; ///< session -> item its live spurt shows
    QSet<QString> m_have; ///< items fetched whole
    QSet<QString> m_fetching;
    proto::EmergencyInfo m_emergency;
    EmergencyTimes m_emergencyTimes;
    QTimer m_emergencyTimer; ///< when this unit cancels its emergency itself
};

} // namespace floorline::sim
