// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "inviteplanner.h"

#include "core/protocol/events.h"
#include "core/signaling/signalingclient.h"

#include <QObject>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace floorline::console {

class FloorView;
class GroupTreeModel;
class SessionListModel;
class TalkControl;
class UnitListModel;

/**
 * @brief Calls beyond talk groups: ad-hoc calls and broadcasts made by drag and drop, who was
 * invited and who was not, leaving, and the live calls the server has (also those we are not
 * in, for a dispatcher).
 *
 * Session and unit-status events enter through handle(). Thread rule: GUI thread.
 */
class CallControl : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Part of the ConsoleController")
    /// What the last drop did: who was invited, who was not and why. Empty when nothing to say.
    Q_PROPERTY(QString inviteNotice READ inviteNotice NOTIFY inviteNoticeChanged)
    /// True when the notice reports units left out (shown as a warning).
    Q_PROPERTY(bool inviteNoticeWarns READ inviteNoticeWarns NOTIFY inviteNoticeChanged)
public:
    struct Context
    {
        SignalingClient &client;
        GroupTreeModel &groups;
        UnitListModel &units;
        SessionListModel &sessions;
        FloorView &floors;
        TalkControl &talk;
        std::function<bool(const QString &group)> affiliated;
    };
    explicit CallControl(Context context, QObject *parent = nullptr);

    /// Session events and unit status; false for any other event.
    bool handle(const proto::Event &event);
    /// Everything live the server has for us now (after any login): the console's picture of
    /// floors and calls is brought in line with it, without repeating what it already shows.
    void reload();

    QString inviteNotice() const { return m_inviteNotice; }
    bool inviteNoticeWarns() const { return m_inviteNoticeWarns; }
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

Q_SIGNALS:
    void inviteNoticeChanged();

private:
    bool online() const;
    InvitePlan plan(const QString &group) const;
    void onInviteResult(const InvitePlan &plan, const Reply<proto::InviteResult> &reply);
    void setInviteNotice(const QString &notice, bool warns = false);

    Context m_ctx;
    QString m_inviteNotice;
    bool m_inviteNoticeWarns = false;
};

} // namespace floorline::console
