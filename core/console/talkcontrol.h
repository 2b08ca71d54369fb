// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "consoletypes.h"

#include "core/protocol/events.h"
#include "core/signaling/signalingclient.h"

#include <QObject>
#include <QSet>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace floorline::media {
class VoiceEngine;
}

namespace floorline::console {

class ActivityLogModel;
class GroupTreeModel;
class MediaLibrary;

/**
 * @brief This console's push-to-talk: one press asks for the floor on the selected groups
 * (simulselect) or on one session, the release gives it back; what the floor answered, where
 * the talk goes and for how long.
 *
 * Floor events for our own requests (Granted, Deny, Revoke, Queue Position Info) enter through
 * handle(), as MediaLibrary's do. Thread rule: GUI thread.
 */
class TalkControl : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Part of the ConsoleController")
    Q_PROPERTY(floorline::console::TalkState state READ state NOTIFY changed)
    /// Why the last request was denied or the floor revoked (kept after the release, until
    /// the next press); empty otherwise.
    Q_PROPERTY(QString notice READ notice NOTIFY changed)
    /// The Denied state came from a revoke: the floor was taken away while talking (cut off),
    /// not refused.
    Q_PROPERTY(bool revoked READ revoked NOTIFY changed)
    Q_PROPERTY(int queuePosition READ queuePosition NOTIFY changed)
    /// Where the talk goes: while a press is held, the groups or call it asked for; otherwise
    /// where the next press of the main PTT goes (the selected groups).
    Q_PROPERTY(QStringList targets READ targets NOTIFY targetsChanged)
    /// True while a press is held: `targets` is where this talk goes, not the selection.
    Q_PROPERTY(bool pressed READ pressed NOTIFY targetsChanged)
    /// The held press is an emergency call (from the button, or the emergency key).
    Q_PROPERTY(bool emergency READ emergency NOTIFY targetsChanged)
    /// When the floor was granted (ms since the epoch, as Date.now()); 0 when not on the air.
    Q_PROPERTY(double grantedAt READ grantedAt NOTIFY changed)
    /// When the server's T2 ends the talk (from Floor Granted's duration); 0 when not known.
    Q_PROPERTY(double endsAt READ endsAt NOTIFY changed)
public:
    struct Context
    {
        SignalingClient &client;
        media::VoiceEngine *voice;
        GroupTreeModel &groups;
        ActivityLogModel &activity;
        MediaLibrary &library;
        std::function<QString(const QString &)> sessionName; ///< group or call name
        std::function<QString()> self; ///< our alias, for the activity log
    };
    explicit TalkControl(Context context, QObject *parent = nullptr);

    TalkState state() const { return m_state; }
    QString notice() const { return m_notice; }
    bool revoked() const { return m_revoked; }
    int queuePosition() const { return m_queuePosition; }
    QStringList targets() const;
    bool pressed() const { return !m_talkSessions.isEmpty(); }
    bool emergency() const { return pressed() && m_emergency; }
    double grantedAt() const { return double(m_grantedAt); }
    double endsAt() const { return double(m_endsAt); }

    /// Push-to-talk pressed: request the floor on every selected group (`emergency`: as an
    /// emergency call, which pre-empts any talker and raises the alarm on every receiver).
    Q_INVOKABLE void press(bool emergency = false);
    /// Push-to-talk on one session only: a group tile's or a call card's own button.
    /// `session` is a session id ("group:<id>", "adhoc:<n>").
    Q_INVOKABLE void pressOn(const QString &session);
    /// Push-to-talk released: stop sending and release (or leave the queue).
    Q_INVOKABLE void release();

    /// Our own floor's events; false for anything else.
    bool handle(const proto::Event &event);
    /// The link is up (`online`) or gone: the server released our floor when it dropped
    /// (docs/protocol.md §3.3).
    void setOnline(bool online);
    /// A fresh login: whatever the last link said is over.
    void reset();
    /// A session we talk in ended.
    void sessionEnded(const QString &session);
    /// The selection changed: `targets` follows it unless a press is held.
    void selectionChanged() { Q_EMIT targetsChanged(); }

Q_SIGNALS:
    void changed();
    void targetsChanged();

private:
    void request(const QStringList &sessions, bool emergency);
    void onResult(const QString &session, proto::FloorType type,
                  const Reply<proto::FloorRequestResult> &reply);
    void set(TalkState state, const QString &notice = {}, int position = 0, bool revoked = false);
    void stopSending();

    Context m_ctx;
    bool m_online = false;
    bool m_emergency = false; ///< the last request was an emergency call
    bool m_revoked = false;
    TalkState m_state = TalkState::Idle;
    QString m_notice;
    int m_queuePosition = 0;
    QStringList m_pressedOn; ///< sessions of the held press, in the order asked for
    QSet<QString> m_talkSessions; ///< sessions we requested or hold the floor in
    QSet<QString> m_granted;
    qint64 m_grantedAt = 0;
    qint64 m_endsAt = 0;
};

} // namespace floorline::console
