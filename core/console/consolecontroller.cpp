// SPDX-License-Identifier: Apache-2.0
#include "consolecontroller.h"

#include "sessionids.h"

#include "core/media/voiceengine.h"

#include <QDateTime>

namespace floorline::console {

ConsoleController::ConsoleController(SignalingClient &client, media::VoiceEngine *voice,
                                     QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_voice(voice)
    , m_connection(client, voice)
    , m_talk({client, voice, m_groups, m_activity, m_library,
              [this](const QString &s) { return sessionName(s); },
              [this] { return m_connection.user(); }})
    , m_emergencies(client, voice, m_groups)
    , m_floors({voice, m_groups, m_units, m_sessions, m_activity, m_library.cache(),
                [this](const QString &s) { return sessionName(s); }})
    , m_calls({client, m_groups, m_units, m_sessions, m_floors, m_talk,
               [this](const QString &g) { return m_affiliated.contains(g); }})
    , m_supervision({client, m_groups, m_units, m_sessions, m_calls, m_emergencies,
                     [this](const QString &s) { return sessionName(s); }})
{
    connect(&m_connection, &ServerConnection::linkChanged, this, &ConsoleController::onLinkChanged);
    connect(&m_connection, &ServerConnection::loggedIn, this, &ConsoleController::onLoggedIn);
    connect(&m_client, &SignalingClient::eventReceived, this,
            [this](const proto::Event &e, quint64) { onEvent(e); });
    connect(&m_groups, &GroupTreeModel::listeningChanged, this,
            &ConsoleController::onListeningChanged);
    connect(&m_sessions, &SessionListModel::named, &m_units, &UnitListModel::setSessionName);
}

void ConsoleController::logout()
{
    m_talk.release();
    m_connection.logout();
    // The banner and its alarm belong to the login: the form must not sit under an emergency
    // nobody logged in can acknowledge (a fresh-eyes try found it left on screen).
    m_emergencies.clear();
}

void ConsoleController::onLinkChanged()
{
    const bool online = m_connection.link() == Link::Online;
    m_talk.setOnline(online);
    // Global keys and the pedal are the logged-in account's: through a reconnect they stay
    // (the console says it is not connected), logged out they go.
    m_ptt.setActive(!display() && (online || m_connection.link() == Link::Reconnecting));
    if (!online)
        m_floors.linkLost();
}

void ConsoleController::onLoggedIn(const proto::LoginResult &login, bool resumed)
{
    m_library.onLoggedIn(login.unit.id, resumed);
    m_talk.reset();
    if (display())
        return; // a display shows pushes only: no groups, no voice
    m_sessions.setSelf(login.unit.id);
    m_emergencies.setSelf(login.unit.id);
    m_emergencies.reload(); // what is open now, also what was raised while we were away
    m_supervision.start();
    if (resumed) {
        // The server kept our affiliations and replays the events since lastSeq; what it
        // shows now settles anything the replay cannot (a floor taken before the drop).
        m_calls.reload();
        return;
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
        applyDirectory(*reply.value);
        m_calls.reload();
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
    const bool first = !m_listeningRestored;
    m_listeningRestored = true;
    m_groups.setGroups(directory.groups, members);
    m_units.setUnits(directory.units, names, m_client.login().unit.id);
    m_directoryLoaded = true;
    m_talk.selectionChanged();
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
    m_floors.route(proto::groupSessionId(group)); // what the dispatcher hears changes at once
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
            m_talk.selectionChanged();
            if (m_directoryLoaded)
                Q_EMIT listeningChanged(m_groups.listeningState());
        },
        Qt::QueuedConnection);
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
        m_floors.idle(proto::groupSessionId(g));
    }
    // The server takes at most kMaxGroupsPerRequest groups per request: a console that
    // monitors more sends several.
    for (qsizetype at = 0; at < add.size(); at += proto::kMaxGroupsPerRequest) {
        const QStringList batch = add.mid(at, proto::kMaxGroupsPerRequest);
        m_client.send(proto::Affiliate {batch}, [this](const Reply<proto::SessionList> &reply) {
            if (!reply.ok()) {
                setError(tr("Could not monitor: %1").arg(reply.error.message));
                return;
            }
            // Late entry: a group that is already talking shows its talker at once.
            for (const proto::SessionInfo &s : reply.value->sessions) {
                if (const auto holder = FloorHolder::of(s); holder && !groupOf(s.id).isEmpty())
                    m_floors.taken(*holder);
            }
        });
    }
    for (qsizetype at = 0; at < remove.size(); at += proto::kMaxGroupsPerRequest)
        m_client.send(proto::Deaffiliate {remove.mid(at, proto::kMaxGroupsPerRequest)},
                      [](const Reply<proto::Empty> &) {});
}

void ConsoleController::onEvent(const proto::Event &event)
{
    // Each part takes the events of its job; the first that knows one ends the search.
    (void)(m_library.handle(event) || m_pairing.handle(event) || m_talk.handle(event)
           || m_emergencies.handle(event) || m_floors.handle(event) || m_calls.handle(event)
           || m_supervision.handle(event));
}

QString ConsoleController::sessionName(const QString &session) const
{
    const QString group = groupOf(session);
    return group.isEmpty() ? m_sessions.nameOf(session) : m_groups.nameOf(group);
}

} // namespace floorline::console
