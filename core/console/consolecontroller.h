// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "activitylogmodel.h"
#include "audiosettings.h"
#include "consoletypes.h"
#include "emergencylist.h"
#include "floorholder.h"
#include "grouptreemodel.h"
#include "inviteplanner.h"
#include "medialibrary.h"
#include "pairing.h"
#include "serverconnection.h"
#include "sessionlistmodel.h"
#include "talkcontrol.h"
#include "unitlistmodel.h"

#include "core/signaling/signalingclient.h"

#include <QObject>
#include <QSet>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace floorline::media {
class VoiceEngine;
}

namespace floorline::console {

/**
 * @brief The one boundary between the network and voice threads and the console's models.
 *
 * It logs in through a SignalingClient, loads the directory into the group tree, keeps the
 * server's affiliations and the voice engine's routing in step with what the dispatcher
 * monitors and selects, turns floor events into model state, and runs push-to-talk on the
 * selected groups (several at once: simulselect). It keeps the unit list and the live sessions,
 * and turns drops of units and groups into invitations (planned first: see planInvites).
 * Thread rule: GUI thread. The voice engine queues its work to the media thread itself.
 */
class ConsoleController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Built by the application")
    Q_PROPERTY(floorline::console::GroupTreeModel *groups READ groups CONSTANT)
    Q_PROPERTY(floorline::console::ActivityLogModel *activity READ activity CONSTANT)
    /// The fleet's units as the dispatcher filters them (search, status).
    Q_PROPERTY(floorline::console::UnitFilterModel *units READ units CONSTANT)
    Q_PROPERTY(floorline::console::SessionListModel *sessions READ sessions CONSTANT)
    /// What the last drop did: who was invited, who was not and why. Empty when nothing to say.
    Q_PROPERTY(QString inviteNotice READ inviteNotice NOTIFY inviteNoticeChanged)
    /// True when the notice reports units left out (shown as a warning).
    Q_PROPERTY(bool inviteNoticeWarns READ inviteNoticeWarns NOTIFY inviteNoticeChanged)
    /// Shelves, shares, pushes and the item armed for the next talk spurt.
    Q_PROPERTY(floorline::console::MediaLibrary *media READ media CONSTANT)
    /// Pairing devices with this console (a QR code of a one-time code).
    Q_PROPERTY(floorline::console::Pairing *pairing READ pairing CONSTANT)
    /// Talk spurts that show an item now, newest first: one map each with `session`, `where`
    /// (group or call name), `talker`, `media` (id), `name`, `kind` ("image", "video",
    /// "file"), `url` (local file, empty while it is fetched: show a placeholder).
    Q_PROPERTY(QVariantList onAir READ onAir NOTIFY onAirChanged)
    /// Device pickers and the level meter; null until the application sets them.
    Q_PROPERTY(floorline::console::AudioSettings *audio READ audio CONSTANT)
    /// The server: link state, login, what went wrong.
    Q_PROPERTY(floorline::console::ServerConnection *connection READ connection CONSTANT)
    /// Push-to-talk: state, where the talk goes, how long it may last.
    Q_PROPERTY(floorline::console::TalkControl *talk READ talk CONSTANT)
    /// The open emergencies, with acknowledge and cancel.
    Q_PROPERTY(floorline::console::EmergencyList *emergencies READ emergencies CONSTANT)
    /// A display client (`floorline --display`): it shows what its account sends it and takes
    /// no part in talk groups.
    Q_PROPERTY(bool display READ display CONSTANT)
public:
    ConsoleController(SignalingClient &client, media::VoiceEngine *voice,
                      QObject *parent = nullptr);

    void connectToServer(const QUrl &url, const QString &user, const QString &password)
    {
        m_connection.connectToServer(url, user, password);
    }
    /// Before the first login: run as a display client (see `display`).
    void setDisplay(bool on) { m_connection.setDisplay(on); }
    bool display() const { return m_connection.display(); }
    /// Logs out and stays offline (the login form comes back).
    Q_INVOKABLE void logout();
    /// How the dispatcher listened last time (GroupTreeModel::listeningState()); applied when
    /// the directory first loads, instead of the defaults.
    void setSavedListening(const QVariantMap &state) { m_savedListening = state; }
    /// Loads a directory as if the server had sent it (what a login does; benchmarks use it
    /// to fill the models without a server).
    void applyDirectory(const proto::Directory &directory);

    GroupTreeModel *groups() { return &m_groups; }
    ActivityLogModel *activity() { return &m_activity; }
    UnitFilterModel *units() { return &m_unitFilter; }
    const UnitListModel &unitList() const { return m_units; }
    SessionListModel *sessions() { return &m_sessions; }
    MediaLibrary *media() { return &m_library; }
    Pairing *pairing() { return &m_pairing; }
    QVariantList onAir() const;
    QString inviteNotice() const { return m_inviteNotice; }
    bool inviteNoticeWarns() const { return m_inviteNoticeWarns; }
    AudioSettings *audio() const { return m_audio; }
    /// Called once by the composition root, before the UI loads.
    void setAudio(AudioSettings *audio) { m_audio = audio; }
    ServerConnection *connection() { return &m_connection; }
    TalkControl *talk() { return &m_talk; }
    Link link() const { return m_connection.link(); }
    EmergencyList *emergencies() { return &m_emergencies; }

    /// Units dropped on a live session (`session`), or on "new call" (`session` empty; the
    /// new call is called `name`, or numbered by the server when empty).
    Q_INVOKABLE void invite(const QStringList &units, const QString &session,
                            const QString &name = {});
    /// A group dropped on a live session or on "new call": every unit of its subtree, once.
    Q_INVOKABLE void inviteGroup(const QString &group, const QString &session,
                                 const QString &name = {});
    /// What a broadcast to `group` would do, asked before it is made: `name` (the group),
    /// `reach` (units it would call), `skipped` (why the others would not be), `ok` (anyone).
    Q_INVOKABLE QVariantMap planBroadcast(const QString &group) const;
    /// A group dropped on "broadcast": one session over its whole subtree, only we talk.
    Q_INVOKABLE void broadcast(const QString &group);
    /// Leaves a call; leaving one we created ends it for everybody.
    Q_INVOKABLE void leaveSession(const QString &session);
    Q_INVOKABLE void clearInviteNotice();

    /// Per-stream receive statistics, on demand (the statistics view): one map per talker
    /// heard since login, newest first, with `talker`, `session` (group or call name),
    /// `ssrc`, `received`, `lost`, `late`, `concealed`, `recovered`, `played`, `jitterMs`,
    /// `delayMs`, `live` (talking now). Empty without a voice engine.
    Q_INVOKABLE QVariantList streamStats() const;

Q_SIGNALS:
    void inviteNoticeChanged();
    void onAirChanged();
    /// The dispatcher changed how groups are heard: worth saving.
    void listeningChanged(const QVariantMap &state);

private:
    void onLinkChanged();
    void onLoggedIn(const proto::LoginResult &login, bool resumed);
    void onEvent(const proto::Event &event);
    void onListeningChanged(const QString &group);
    void loadDirectory();
    /// Everything live the server has for us now (after any login): the console's picture of
    /// floors and calls is brought in line with it, without repeating what it already shows.
    void loadSessions();
    void onSessionEvent(const proto::Event &event);
    void onFloorTaken(const FloorHolder &holder);
    void onFloorIdle(const QString &session);
    /// What the spurt on `session` shows (`media` empty: nothing): model state and onAir.
    void showSpurtMedia(const QString &session, const QString &talker, const QString &media);
    void onMediaStateChanged(const QString &media);
    void onInviteResult(const InvitePlan &plan, const Reply<proto::InviteResult> &reply);
    void setInviteNotice(const QString &notice, bool warns = false);
    /// Group name for a group session, the call's name for the others.
    QString sessionName(const QString &session) const;
    void syncAffiliations();
    void route(const QString &session);
    void setError(const QString &error) { m_connection.setError(error); }

    SignalingClient &m_client;
    media::VoiceEngine *m_voice;
    GroupTreeModel m_groups;
    ActivityLogModel m_activity;
    UnitListModel m_units;
    UnitFilterModel m_unitFilter {&m_units};
    SessionListModel m_sessions {m_units};
    QString m_inviteNotice;
    bool m_inviteNoticeWarns = false;
    AudioSettings *m_audio = nullptr;
    QSet<QString> m_affiliated; ///< groups the server has us affiliated to
    QHash<QString, FloorHolder> m_holders; ///< session -> who talks there now
    MediaLibrary m_library {m_client};
    Pairing m_pairing {m_client};
    ServerConnection m_connection;
    TalkControl m_talk;
    EmergencyList m_emergencies;
    struct SpurtMedia
    {
        QString talker;
        QString media;
        qint64 since = 0;
    };
    QHash<QString, SpurtMedia> m_spurtMedia; ///< session -> the item its live spurt shows
    struct StreamName
    {
        QString talker;
        QString session;
        qint64 lastHeard = 0;
    };
    QHash<quint32, StreamName> m_streamNames; ///< every talker heard, for streamStats()
    bool m_directoryLoaded = false;
    bool m_listeningDirty = false; ///< a flush of listening changes is queued
    QVariantMap m_savedListening;
};

} // namespace floorline::console
