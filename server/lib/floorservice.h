// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "floorarbiter.h"

#include "core/protocol/requests.h"

#include <QObject>

namespace floorline::server {

class EmergencyService;
class Logins;
class MediaStore;
class RecordingService;
class Reply;
class SessionTable;
class SupervisorFeed;
struct Login;
struct Session;
struct SignalingStats;

/**
 * @brief Floor control (docs/protocol.md §5): requests, releases and queue positions, the
 * arbiter's actions turned into events, and the arbiter's timers.
 *
 * A login whose connection drops gives up every floor it holds or waits for at once: a talker
 * who may never come back must not hold a group.
 */
class FloorService : public QObject
{
    Q_OBJECT
public:
    /// `srtp`: every talk gets its own media key, sent to the talker and to who hears it.
    FloorService(SessionTable &sessions, Logins &logins, SupervisorFeed &feed,
                 SignalingStats &stats, bool srtp, QObject *parent = nullptr);
    /// The holder's talk key as Floor Taken carries it (hex); empty over plain RTP.
    QString talkKey(quint64 holder) const;

    void setMediaStore(MediaStore *media) { m_media = media; }
    void setEmergencies(EmergencyService *emergencies) { m_emergencies = emergencies; }
    /// Told of every floor move, before the relay's routes change (recording).
    void setRecordings(RecordingService *recordings) { m_recordings = recordings; }

    void handle(Login &login, Reply &reply, const proto::FloorRequest &r);
    void handle(Login &login, Reply &reply, const proto::FloorRelease &r);
    void handle(Login &login, Reply &reply, const proto::QueuePositionRequest &r);
    /// Whoever hears a spurt may read the media that rides it (docs/protocol.md §9.7): the
    /// session's members when it is asked for, and each who joins while it runs.
    void shareMedia(const QString &media, const QStringList &units);
    /// `login` gives up what it holds or waits for in `session`.
    void release(Session &session, quint64 login);
    /// Sends what the arbiter decided; `quietFor` does not hear its own queue position (its
    /// request's answer said it).
    void apply(Session &session, const FloorArbiter::Actions &actions, quint64 quietFor = 0);

private:
    /// SRTP: a fresh key for a new talk; the running one when the login already holds the
    /// floor elsewhere (one press on several groups sends one stream).
    QString startTalk(Session &session, quint64 participant);
    void releaseAll(Login &login);
    void armTimer(Session &session);
    void onTimer(Session &session);
    qint64 lastMediaOfHolder(const Session &session) const;
    FloorArbiter::Requester requester(const Login &l, const proto::FloorRequest &r,
                                      const Session &s) const;
    void count(proto::FloorOutcome outcome);

    SessionTable &m_sessions;
    Logins &m_logins;
    SupervisorFeed &m_feed;
    SignalingStats &m_stats;
    bool m_srtp = true;
    MediaStore *m_media = nullptr;
    EmergencyService *m_emergencies = nullptr;
    RecordingService *m_recordings = nullptr;
};

} // namespace floorline::server
