// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "consolepresencemodel.h"
#include "supervisedsessionmodel.h"

#include "core/protocol/events.h"
#include "core/signaling/signalingclient.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace floorline::console {

class CallControl;
class EmergencyList;
class GroupTreeModel;
class SessionListModel;
class UnitListModel;

/**
 * @brief A supervisor's view of the server (docs/protocol.md §12): every live session with its
 * talker, talk time, queue, participants and emergency, every console and where it talks, and
 * monitoring any of them in one click.
 *
 * Started after each login of a supervisor; `overview.*` events enter through handle(). For
 * other roles it stays empty and `available` is false. Thread rule: GUI thread.
 */
class Supervision : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Part of the ConsoleController")
    /// This login is a supervisor's: the overview can be shown.
    Q_PROPERTY(bool available READ available NOTIFY availableChanged)
    /// The live sessions, emergencies first, then who talks, then who waits; with the counts
    /// the overview's summary shows.
    Q_PROPERTY(floorline::console::SupervisedSessionModel *sessions READ sessions CONSTANT)
    Q_PROPERTY(floorline::console::ConsolePresenceModel *consoles READ consoles CONSTANT)
    /// What went wrong with the last request (the overview, a monitor); empty otherwise.
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
public:
    struct Context
    {
        SignalingClient &client;
        GroupTreeModel &groups;
        UnitListModel &units;
        SessionListModel &calls;
        CallControl &callControl;
        EmergencyList &emergencies;
        std::function<QString(const QString &)> sessionName; ///< group or call name
    };
    explicit Supervision(Context context, QObject *parent = nullptr);

    /// After a login: asks for the overview when the login is a supervisor's, else clears.
    void start();
    /// overview.* events; false for any other event.
    bool handle(const proto::Event &event);

    bool available() const { return m_available; }
    SupervisedSessionModel *sessions() { return &m_sessions; }
    ConsolePresenceModel *consoles() { return &m_consoles; }
    QString notice() const { return m_notice; }

    /// Hear a session (on) or stop (off): a group is monitored on the speaker, a call is
    /// joined (session.join) or left.
    Q_INVOKABLE void monitor(const QString &session, bool on = true);

Q_SIGNALS:
    void availableChanged();
    void noticeChanged();

private:
    QString emergencyOn(const QString &session, const QString &group) const;
    bool monitored(const QString &session) const;
    QString nameOf(const QString &session) const;
    void setNotice(const QString &notice);
    void refresh();

    Context m_ctx;
    SupervisedSessionModel m_sessions;
    ConsolePresenceModel m_consoles;
    bool m_available = false;
    QString m_notice;
};

} // namespace floorline::console
