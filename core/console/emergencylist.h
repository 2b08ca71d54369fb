// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/protocol/events.h"
#include "core/signaling/signalingclient.h"

#include <QAbstractListModel>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace floorline::media {
class VoiceEngine;
}

namespace floorline::console {

class GroupTreeModel;

/**
 * @brief The open emergencies of the fleet, as the server keeps them (docs/protocol.md §11):
 * several at once, those nobody has acknowledged first (newest on top), each with who
 * acknowledged it; cancelled ones leave.
 *
 * The alarm tone repeats every kRepeatMs while any emergency waits for its first
 * acknowledgement, from this console or another (a colleague who took it is on it). Each
 * open emergency keeps its group highlighted in the tree until it is cancelled. Events enter
 * through handle(), as MediaLibrary's do. Thread rule: GUI thread.
 *
 * Roles: `emergencyId`, `unit`, `alias`, `group` (name), `groupId`, `raisedAt` (ms),
 * `acknowledged` (bool), `acknowledgedBy` ("Dispatch 1, Dispatch 2"), `ackedByMe`, `mine`
 * (raised by this console's account).
 */
class EmergencyList : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Part of the ConsoleController")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    /// Emergencies nobody has acknowledged yet.
    Q_PROPERTY(int unacknowledged READ unacknowledged NOTIFY countChanged)
    /// Why the last acknowledge or cancel failed, or, for a while, who cleared the last
    /// emergency ("Emergency of Patrol 45 on North Ops 5 cleared by Patrol 45"); empty
    /// otherwise. An emergency must not just vanish.
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
public:
    static constexpr int kRepeatMs = 4000;
    /// How long "cleared by" stays up after an emergency is cleared.
    static constexpr int kClearedNoticeMs = 10000;
    enum Role {
        IdRole = Qt::UserRole + 1,
        UnitRole,
        AliasRole,
        GroupRole,
        GroupIdRole,
        RaisedAtRole,
        AcknowledgedRole,
        AcknowledgedByRole,
        AckedByMeRole,
        MineRole,
    };

    EmergencyList(SignalingClient &client, media::VoiceEngine *voice, GroupTreeModel &groups,
                  QObject *parent = nullptr);

    int count() const { return int(m_items.size()); }
    int unacknowledged() const;
    QString notice() const { return m_notice; }
    /// The tone is repeating (an emergency waits for its first acknowledgement).
    bool alarmSounding() const { return m_alarm.isActive(); }
    const QList<proto::EmergencyInfo> &items() const { return m_items; }

    Q_INVOKABLE void acknowledge(const QString &id);
    Q_INVOKABLE void cancel(const QString &id);
    /// Acknowledges every emergency this console has not acknowledged yet (the banner's
    /// button when one is shown).
    Q_INVOKABLE void acknowledgeAll();

    /// Emergency events; false for anything else.
    bool handle(const proto::Event &event);
    /// After a login: what the server has open now replaces what we showed.
    void reload();
    /// Logged out: nothing is shown or sounds any more; the next login reloads what is open.
    void clear()
    {
        replaceAll({});
        setNotice({});
    }
    /// Who we are (acknowledgements by this account show as ours).
    void setSelf(const QString &unit) { m_self = unit; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void countChanged();
    void noticeChanged();

private:
    void put(const proto::EmergencyInfo &e, bool raised);
    void remove(const QString &id);
    void replaceAll(const QList<proto::EmergencyInfo> &items);
    void updateAlarm(bool sound);
    void refreshGroups();
    void setNotice(const QString &notice);
    void answer(const Reply<proto::EmergencyInfo> &reply);

    SignalingClient &m_client;
    media::VoiceEngine *m_voice;
    GroupTreeModel &m_groups;
    QList<proto::EmergencyInfo> m_items;
    QSet<QString> m_alarmedGroups;
    QTimer m_alarm;
    QTimer m_noticeTimer; ///< a "cleared by" notice goes after a while
    QString m_self;
    QString m_notice;
};

} // namespace floorline::console
