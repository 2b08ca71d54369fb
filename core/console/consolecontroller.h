// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "activitylogmodel.h"
#include "audiosettings.h"
#include "callcontrol.h"
#include "consoletypes.h"
#include "emergencylist.h"
#include "floorview.h"
#include "grouptreemodel.h"
#include "medialibrary.h"
#include "pairing.h"
#include "pttinputs.h"
#include "serverconnection.h"
#include "sessionlistmodel.h"
#include "supervision.h"
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
 * @brief One server's console: the composition of its parts, and the one boundary between the
 * network and voice threads and the console's models.
 *
 * It logs in through a SignalingClient (ServerConnection), loads the directory into the group
 * tree and keeps the server's affiliations in step with what the dispatcher monitors. Every
 * event goes to the part whose job it is, each with its own handle(): pushes and shelves
 * (MediaLibrary), pairing (Pairing), our own floor requests (TalkControl), emergencies
 * (EmergencyList), who talks where (FloorView), calls and invitations (CallControl), and what a
 * supervisor watches (Supervision). Everything that belongs to one server lives here, so a
 * console on several servers holds one of these per server.
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
    /// Shelves, shares, pushes and the item armed for the next talk spurt.
    Q_PROPERTY(floorline::console::MediaLibrary *media READ media CONSTANT)
    /// Pairing devices with this console (a QR code of a one-time code).
    Q_PROPERTY(floorline::console::Pairing *pairing READ pairing CONSTANT)
    /// Who talks where, the item each spurt shows, per-stream statistics.
    Q_PROPERTY(floorline::console::FloorView *floors READ floors CONSTANT)
    /// Ad-hoc calls, broadcasts and invitations.
    Q_PROPERTY(floorline::console::CallControl *calls READ calls CONSTANT)
    /// A supervisor's view of every live session and console (empty for other roles).
    Q_PROPERTY(floorline::console::Supervision *supervision READ supervision CONSTANT)
    /// Device pickers and the level meter; null until the application sets them.
    Q_PROPERTY(floorline::console::AudioSettings *audio READ audio CONSTANT)
    /// The server: link state, login, what went wrong.
    Q_PROPERTY(floorline::console::ServerConnection *connection READ connection CONSTANT)
    /// Push-to-talk: state, where the talk goes, how long it may last.
    Q_PROPERTY(floorline::console::TalkControl *talk READ talk CONSTANT)
    /// Push-to-talk from global keys and pedals, and their settings.
    Q_PROPERTY(floorline::console::PttInputs *pushToTalk READ pushToTalk CONSTANT)
    /// The open emergencies, with acknowledge and cancel.
    Q_PROPERTY(floorline::console::EmergencyList *emergencies READ emergencies CONSTANT)
    /// A display client (`floorline --as-display`): it shows what its account sends it and takes
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
    /// How the account about to log in listened last time; restored from its next directory.
    void setSavedListening(const QVariantMap &state)
    {
        m_savedListening = state;
        m_listeningRestored = false;
    }
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
    FloorView *floors() { return &m_floors; }
    CallControl *calls() { return &m_calls; }
    Supervision *supervision() { return &m_supervision; }
    AudioSettings *audio() const { return m_audio; }
    /// Called once by the composition root, before the UI loads.
    void setAudio(AudioSettings *audio) { m_audio = audio; }
    ServerConnection *connection() { return &m_connection; }
    TalkControl *talk() { return &m_talk; }
    PttInputs *pushToTalk() { return &m_ptt; }
    Link link() const { return m_connection.link(); }
    EmergencyList *emergencies() { return &m_emergencies; }

Q_SIGNALS:
    /// The dispatcher changed how groups are heard: worth saving.
    void listeningChanged(const QVariantMap &state);

private:
    void onLinkChanged();
    void onLoggedIn(const proto::LoginResult &login, bool resumed);
    void onEvent(const proto::Event &event);
    void onListeningChanged(const QString &group);
    void loadDirectory();
    /// Group name for a group session, the call's name for the others.
    QString sessionName(const QString &session) const;
    void syncAffiliations();
    void setError(const QString &error) { m_connection.setError(error); }

    SignalingClient &m_client;
    media::VoiceEngine *m_voice;
    GroupTreeModel m_groups;
    ActivityLogModel m_activity;
    UnitListModel m_units;
    UnitFilterModel m_unitFilter {&m_units};
    SessionListModel m_sessions {m_units};
    AudioSettings *m_audio = nullptr;
    QSet<QString> m_affiliated; ///< groups the server has us affiliated to
    MediaLibrary m_library {m_client};
    Pairing m_pairing {m_client};
    ServerConnection m_connection;
    TalkControl m_talk;
    PttInputs m_ptt {m_talk, m_groups};
    EmergencyList m_emergencies;
    FloorView m_floors;
    CallControl m_calls;
    Supervision m_supervision;
    bool m_directoryLoaded = false;
    bool m_listeningRestored = false; ///< m_savedListening applied to this login's directory
    bool m_listeningDirty = false; ///< a flush of listening changes is queued
    QVariantMap m_savedListening;
};

} // namespace floorline::console
