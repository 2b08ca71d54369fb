// SPDX-License-Identifier: Apache-2.0
#include "consolecontroller.h"

#include "sessionids.h"

#include "core/media/voiceengine.h"

#include <QDateTime>
#include <QHostInfo>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcConsole, "floorline.console", QtInfoMsg)

namespace floorline::console {

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
    connect(&m_sessions, &SessionListModel::named, &m_units, &UnitListModel::setSessionName);
    connect(&m_library.cache(), &MediaCache::stateChanged, this,
            &ConsoleController::onMediaStateChanged);
    // An alarm nobody has acknowledged keeps sounding: a dispatcher may be on another call.
    m_emergencyAlarm.setInterval(kEmergencyRepeatMs);
    connect(&m_emergencyAlarm, &QTimer::timeout, this, [this] {
        if (m_voice)
            m_voice->playTone(media::Tone::Emergency, media::Route::Headset);
    });
}

void ConsoleController::connectToServer(const QUrl &url, const QString &user,
                                        const QString &password)
{
    setLoginTarget(url, user);
    setError({});
    m_client.connectToServer(url, user, password);
}

void ConsoleController::setLoginTarget(const QUrl &url, const QString &user)
{
    m_serverUrl = url;
    m_account = user;
    Q_EMIT linkChanged();
}

void ConsoleController::login(const QString &url, const QString &user, const QString &password)
{
    const QUrl server = QUrl::fromUserInput(url.trimmed());
    if (!server.isValid()
        || (server.scheme() != QLatin1String("ws") && server.scheme() != QLatin1String("wss"))
        || server.host().isEmpty()) {
        setError(tr("Enter the server as ws://host:port"));
        return;
    }
    if (user.trimmed().isEmpty()) {
        setError(tr("Enter your user name"));
        return;
    }
    Q_EMIT loginRequested(server, user.trimmed());
    connectToServer(server, user.trimmed(), password);
}

void ConsoleController::logout()
{
    releaseTalk();
    m_client.disconnectFromServer();
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
        setError({}); // a login that went through answers whatever went wrong before
        break;
    case SignalingClient::State::Reconnecting:
        link = Link::Reconnecting;
        if (!m_directoryLoaded)
            setError(tr("Cannot reach %1; trying again").arg(m_serverUrl.toString()));
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

void ConsoleController::setDisplay(bool on)
{
    m_display = on;
    m_client.setDisplay(on);
}

void ConsoleController::onLoggedIn(const proto::LoginResult &login, bool resumed)
{
    Q_EMIT linkChanged();
    m_library.onLoggedIn(login.unit.id, resumed);
    if (m_display)
        return; // a display shows pushes only: no groups, no voice
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
    m_sessions.clear();
    m_sessions.setSelf(login.unit.id);
    loadDirectory();
}

void ConsoleController::loadDirectory()
{
    m_client.send(proto::DirectoryGet {}, [this](const Reply<proto::Directory> &reply) {
        if (!reply.ok()) {
            setError(tr("Could not load the directory: %1").arg(reply.error.message));
            return;
        }
        applyDirectory(*reply.value);
        loadSessions();
    });
}

void ConsoleController::applyDirectory(const proto::Directory &directory)
{
    QHash<QString, int> members;
    for (const proto::UnitInfo &u : directory.units) {
        for (const QString &g : u.groups)
            ++members[g];
    }
    QHash<QString, QString> names;
    for (const proto::GroupInfo &g : directory.groups)
        names.insert(g.id, g.name);
    const bool first = !m_directoryLoaded;
    m_groups.setGroups(directory.groups, members);
    m_units.setUnits(directory.units, names, m_client.login().unit.id);
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
}

void ConsoleController::onListeningChanged(const QString &group)
{
    route(proto::groupSessionId(group)); // what the dispatcher hears changes at once
    // The rest looks at every group: once per burst of changes (loading the defaults of a
    // thousand groups, a "monitor all"), not once per group.
    if (m_listeningDirty)
        return;
    m_listeningDirty = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_listeningDirty = false;
            syncAffiliations();
            Q_EMIT talkTargetsChanged();
            if (m_directoryLoaded)
                Q_EMIT listeningChanged(m_groups.listeningState());
        },
        Qt::QueuedConnection);
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
        m_talkerSsrc.remove(proto::groupSessionId(g));
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
                onFloorTaken(proto::FloorTaken {s.id, s.floor.talker, s.floor.alias, s.floor.ssrc,
                                                s.floor.type, s.floor.priority, s.floor.media});
            }
        });
    }
    if (!remove.isEmpty())
        m_client.send(proto::Deaffiliate {remove}, [](const Reply<proto::Empty> &) {});
}

void ConsoleController::acknowledgeEmergency()
{
    if (m_emergency.isEmpty())
        return;
    m_emergency.clear();
    m_emergencyAlarm.stop();
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

QString ConsoleController::sessionName(const QString &session) const
{
    const QString group = groupOf(session);
    return group.isEmpty() ? m_sessions.nameOf(session) : m_groups.nameOf(group);
}

void ConsoleController::setError(const QString &error)
{
    if (error == m_lastError)
        return;
    if (!error.isEmpty())
        qCWarning(lcConsole) << error;
    m_lastError = error;
    Q_EMIT errorChanged();
}

} // namespace floorline::console
