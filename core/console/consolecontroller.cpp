// SPDX-License-Identifier: Apache-2.0
#include "consolecontroller.h"

#include "core/media/voiceengine.h"

#include <QDateTime>
#include <QHostInfo>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcConsole, "floorline.console", QtInfoMsg)

namespace floorline::console {

namespace {
const QString kGroupPrefix = QStringLiteral("group:");

/// The talk group whose own session this is, or empty for ad-hoc and broadcast sessions.
QString groupOf(const QString &session)
{
    return session.startsWith(kGroupPrefix) ? session.mid(kGroupPrefix.size()) : QString();
}
} // namespace

ConsoleController::ConsoleController(SignalingClient &client, media::VoiceEngine *voice,
                                     QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_voice(voice)
{
    connect(&m_client, &SignalingClient::stateChanged, this, &ConsoleController::onState);
    connect(&m_client, &SignalingClient::loggedIn, this, &ConsoleController::onLoggedIn);
    connect(&m_client, &SignalingClient::eventReceived, this,
            [this](const proto::Event &e, quint64) { onEvent(e); });
    connect(&m_client, &SignalingClient::errorOccurred, this,
            [this](const proto::Error &e) { setError(e.message); });
    connect(&m_groups, &GroupTreeModel::listeningChanged, this,
            &ConsoleController::onListeningChanged);
}

void ConsoleController::connectToServer(const QUrl &url, const QString &user,
                                        const QString &password)
{
    m_client.connectToServer(url, user, password);
}

QString ConsoleController::user() const
{
    return m_client.login().unit.alias.isEmpty() ? m_client.login().unit.id
                                                 : m_client.login().unit.alias;
}

void ConsoleController::onState(SignalingClient::State state)
{
    Link link = Link::Offline;
    switch (state) {
    case SignalingClient::State::Disconnected:
        link = Link::Offline;
        break;
    case SignalingClient::State::Connecting:
    case SignalingClient::State::LoggingIn:
        link = m_directoryLoaded ? Link::Reconnecting : Link::Connecting;
        break;
    case SignalingClient::State::Online:
        link = Link::Online;
        break;
    case SignalingClient::State::Reconnecting:
        link = Link::Reconnecting;
        break;
    }
    if (link != Link::Online && link != m_link && m_talkState != TalkState::Idle) {
        // The server released our floor when the link dropped (docs/protocol.md §3.3).
        if (m_voice)
            m_voice->setTransmitting(false);
        m_talkSessions.clear();
        m_granted.clear();
        setTalk(TalkState::Denied, tr("Connection lost"));
    }
    if (link != m_link) {
        m_link = link;
        Q_EMIT linkChanged();
    }
}

void ConsoleController::onLoggedIn(const proto::LoginResult &login, bool resumed)
{
    Q_EMIT linkChanged();
    if (m_voice) {
        const QUrl url = m_client.url();
        const QList<QHostAddress> addresses = QHostInfo::fromName(url.host()).addresses();
        if (!addresses.isEmpty())
            m_voice->connectMedia(addresses.first(), quint16(login.media.port), login.media.ssrc,
                                  login.media.key);
    }
    if (resumed) {
        return; // the server kept our affiliations; events since lastSeq replay by themselves
    }
    m_affiliated.clear();
    loadDirectory();
}

void ConsoleController::loadDirectory()
{
    m_client.send(proto::DirectoryGet {}, [this](const Reply<proto::Directory> &reply) {
        if (!reply.ok()) {
            setError(tr("Could not load the directory: %1").arg(reply.error.message));
            return;
        }
        QHash<QString, int> members;
        for (const proto::UnitInfo &u : reply.value->units) {
            for (const QString &g : u.groups)
                ++members[g];
        }
        const bool first = !m_directoryLoaded;
        m_groups.setGroups(reply.value->groups, members);
        m_directoryLoaded = true;
        Q_EMIT talkTargetsChanged();
        if (first && !m_groups.restoreListening(m_savedListening)) {
            // A fresh console monitors the groups its user belongs to and talks on the first.
            // A dispatcher usually belongs to none: then every talk group (leaf) is monitored.
            QStringList mine = m_client.login().unit.groups;
            if (mine.isEmpty())
                mine = m_groups.leaves();
            for (const QString &g : mine)
                m_groups.setMonitored(g, true);
            if (!mine.isEmpty())
                m_groups.setSelected(mine.first(), true);
        }
        syncAffiliations();
    });
}

void ConsoleController::onListeningChanged(const QString &group)
{
    syncAffiliations();
    route(group);
    Q_EMIT talkTargetsChanged();
    if (m_directoryLoaded)
        Q_EMIT listeningChanged(m_groups.listeningState());
}

QStringList ConsoleController::talkTargets() const
{
    QStringList names;
    for (const QString &g : m_groups.selectedGroups())
        names << m_groups.nameOf(g);
    return names;
}

void ConsoleController::syncAffiliations()
{
    if (m_client.state() != SignalingClient::State::Online || !m_directoryLoaded)
        return;
    QStringList add, remove;
    for (const QString &g : m_groups.groupIds()) {
        const bool want = m_groups.isMonitored(g);
        if (want && !m_affiliated.contains(g))
            add << g;
        else if (!want && m_affiliated.contains(g))
            remove << g;
    }
    for (const QString &g : std::as_const(add))
        m_affiliated.insert(g);
    for (const QString &g : std::as_const(remove)) {
        m_affiliated.remove(g);
        m_groups.clearTalker(g);
        m_talkerSsrc.remove(g);
    }
    if (!add.isEmpty()) {
        m_client.send(proto::Affiliate {add}, [this](const Reply<proto::SessionList> &reply) {
            if (!reply.ok()) {
                setError(tr("Could not monitor: %1").arg(reply.error.message));
                return;
            }
            // Late entry: a group that is already talking shows its talker at once.
            for (const proto::SessionInfo &s : reply.value->sessions) {
                const QString g = groupOf(s.id);
                if (g.isEmpty() || s.floor.state == proto::FloorState::Idle || s.floor.ssrc == 0)
                    continue;
                onEvent(proto::FloorTaken {s.id, s.floor.talker, s.floor.alias, s.floor.ssrc,
                                           s.floor.type, s.floor.priority});
            }
        });
    }
    if (!remove.isEmpty())
        m_client.send(proto::Deaffiliate {remove}, [](const Reply<proto::Empty> &) {});
}

void ConsoleController::route(const QString &group)
{
    const auto it = m_talkerSsrc.constFind(group);
    if (!m_voice || it == m_talkerSsrc.constEnd())
        return;
    m_voice->setStream(*it,
                       m_groups.isSelected(group) ? media::Route::Headset : media::Route::Speaker,
                       m_groups.gain(group));
}

void ConsoleController::onEvent(const proto::Event &event)
{
    if (const auto *taken = std::get_if<proto::FloorTaken>(&event)) {
        const QString g = groupOf(taken->session);
        if (g.isEmpty())
            return;
        const bool emergency = taken->type == proto::FloorType::Emergency;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QString talker = taken->alias.isEmpty() ? taken->talker : taken->alias;
        m_groups.setTalker(g, talker, emergency, now);
        m_activity.started(g, m_groups.nameOf(g), talker, emergency, now);
        m_talkerSsrc.insert(g, taken->ssrc);
        route(g);
        if (emergency) {
            m_emergency = tr("%1 — %2").arg(taken->alias.isEmpty() ? taken->talker : taken->alias,
                                            m_groups.nameOf(g));
            Q_EMIT emergencyChanged();
            if (m_voice)
                m_voice->playTone(media::Tone::Emergency, media::Route::Headset);
        }
    } else if (const auto *idle = std::get_if<proto::FloorIdle>(&event)) {
        const QString g = groupOf(idle->session);
        m_groups.clearTalker(g);
        m_activity.ended(g, QDateTime::currentMSecsSinceEpoch());
        m_talkerSsrc.remove(g);
    } else if (const auto *granted = std::get_if<proto::FloorGranted>(&event)) {
        if (!m_talkSessions.contains(granted->session))
            return;
        const QString g = groupOf(granted->session);
        m_groups.setQueuePosition(g, 0);
        m_granted.insert(granted->session);
        m_activity.started(g, m_groups.nameOf(g), user(), false,
                           QDateTime::currentMSecsSinceEpoch());
        if (m_talkState != TalkState::Granted) {
            setTalk(TalkState::Granted);
            if (m_voice) {
                m_voice->setTransmitting(true);
                m_voice->playTone(media::Tone::TalkPermit, media::Route::Headset);
            }
        }
    } else if (const auto *deny = std::get_if<proto::FloorDeny>(&event)) {
        if (!m_talkSessions.remove(deny->session))
            return;
        m_groups.setQueuePosition(groupOf(deny->session), 0);
        if (m_talkSessions.isEmpty()) {
            setTalk(TalkState::Denied, deny->reason);
            if (m_voice)
                m_voice->playTone(media::Tone::Deny, media::Route::Headset);
        }
    } else if (const auto *revoke = std::get_if<proto::FloorRevoke>(&event)) {
        if (!m_granted.remove(revoke->session))
            return;
        m_activity.ended(groupOf(revoke->session), QDateTime::currentMSecsSinceEpoch());
        m_talkSessions.remove(revoke->session);
        m_client.send(proto::FloorRelease {revoke->session});
        if (m_granted.isEmpty()) {
            if (m_voice) {
                m_voice->setTransmitting(false);
                m_voice->playTone(media::Tone::Deny, media::Route::Headset);
            }
            setTalk(TalkState::Denied, tr("Floor revoked: %1").arg(revoke->reason));
        }
    } else if (const auto *queued = std::get_if<proto::QueuePositionInfo>(&event)) {
        if (!m_talkSessions.contains(queued->session))
            return;
        m_groups.setQueuePosition(groupOf(queued->session), queued->position);
        if (m_talkState != TalkState::Granted)
            setTalk(TalkState::Queued, {}, queued->position);
    }
}

void ConsoleController::pressTalk()
{
    if (m_talkState == TalkState::Granted || m_talkState == TalkState::Requesting
        || m_talkState == TalkState::Queued)
        return; // key bounce or Space auto-repeat: one press, one request
    if (m_link != Link::Online) {
        setTalk(TalkState::Denied, tr("Not connected"));
        return;
    }
    const QStringList targets = m_groups.selectedGroups();
    if (targets.isEmpty()) {
        setTalk(TalkState::Denied, tr("Select a group to talk to"));
        return;
    }
    setTalk(TalkState::Requesting);
    for (const QString &g : targets) {
        const QString session = kGroupPrefix + g;
        m_talkSessions.insert(session);
        m_client.send(proto::FloorRequest {session, 0, proto::FloorType::Normal},
                      [this, session](const Reply<proto::FloorRequestResult> &reply) {
                          onRequestResult(session, reply);
                      });
    }
}

void ConsoleController::onRequestResult(const QString &session,
                                        const Reply<proto::FloorRequestResult> &reply)
{
    if (!m_talkSessions.contains(session)) {
        // Released before the answer came: give back a floor we no longer want.
        if (reply.ok() && reply.value->outcome != proto::FloorOutcome::Denied)
            m_client.send(proto::FloorRelease {session});
        return;
    }
    if (!reply.ok()) {
        m_talkSessions.remove(session);
        if (m_talkSessions.isEmpty())
            setTalk(TalkState::Denied, reply.error.message);
        return;
    }
    switch (reply.value->outcome) {
    case proto::FloorOutcome::Granted:
        onEvent(proto::FloorGranted {session, reply.value->duration, proto::FloorType::Normal, 0});
        break;
    case proto::FloorOutcome::Queued:
        onEvent(proto::QueuePositionInfo {{session, reply.value->position}});
        if (m_voice && m_talkState == TalkState::Queued)
            m_voice->playTone(media::Tone::Queued, media::Route::Headset);
        break;
    case proto::FloorOutcome::Denied:
        onEvent(proto::FloorDeny {session, reply.value->cause, reply.value->reason});
        break;
    }
}

void ConsoleController::releaseTalk()
{
    if (m_voice)
        m_voice->setTransmitting(false);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const QString &session : std::as_const(m_talkSessions)) {
        m_client.send(proto::FloorRelease {session});
        m_groups.setQueuePosition(groupOf(session), 0);
        if (m_granted.contains(session))
            m_activity.ended(groupOf(session), now);
    }
    m_talkSessions.clear();
    m_granted.clear();
    if (m_talkState != TalkState::Denied)
        setTalk(TalkState::Idle);
}

void ConsoleController::acknowledgeEmergency()
{
    if (m_emergency.isEmpty())
        return;
    m_emergency.clear();
    Q_EMIT emergencyChanged();
}

void ConsoleController::setTalk(TalkState state, const QString &notice, int position)
{
    if (state == m_talkState && notice == m_talkNotice && position == m_queuePosition)
        return;
    m_talkState = state;
    m_talkNotice = notice;
    m_queuePosition = position;
    Q_EMIT talkChanged();
}

void ConsoleController::setError(const QString &error)
{
    qCWarning(lcConsole) << error;
    m_lastError = error;
    Q_EMIT errorChanged();
}

} // namespace floorline::console
