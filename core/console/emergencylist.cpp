// SPDX-License-Identifier: Apache-2.0
#include "emergencylist.h"

#include "grouptreemodel.h"

#include "core/media/voiceengine.h"

namespace floorline::console {

namespace {
bool acknowledgedBy(const proto::EmergencyInfo &e, const QString &unit)
{
    return std::any_of(e.acks.begin(), e.acks.end(),
                       [&](const proto::EmergencyAckInfo &a) { return a.unit == unit; });
}
} // namespace

EmergencyList::EmergencyList(SignalingClient &client, media::VoiceEngine *voice,
                             GroupTreeModel &groups, QObject *parent)
    : QAbstractListModel(parent)
    , m_client(client)
    , m_voice(voice)
    , m_groups(groups)
{
    // An alarm nobody has acknowledged keeps sounding: a dispatcher may be on another call.
    m_alarm.setInterval(kRepeatMs);
    connect(&m_alarm, &QTimer::timeout, this, [this] {
        if (m_voice)
            m_voice->playTone(media::Tone::Emergency, media::Route::Alert);
    });
    m_noticeTimer.setSingleShot(true);
    m_noticeTimer.setInterval(kClearedNoticeMs);
    connect(&m_noticeTimer, &QTimer::timeout, this, [this] { setNotice({}); });
}

int EmergencyList::unacknowledged() const
{
    return int(std::count_if(m_items.begin(), m_items.end(), [](const proto::EmergencyInfo &e) {
        return e.state == proto::EmergencyState::Open;
    }));
}

void EmergencyList::acknowledge(const QString &id)
{
    m_client.send(proto::EmergencyAcknowledge {id},
                  [this](const Reply<proto::EmergencyInfo> &reply) { answer(reply); });
}

void EmergencyList::cancel(const QString &id)
{
    m_client.send(proto::EmergencyCancel {id},
                  [this](const Reply<proto::EmergencyInfo> &reply) { answer(reply); });
}

void EmergencyList::acknowledgeAll()
{
    for (const proto::EmergencyInfo &e : std::as_const(m_items)) {
        if (!acknowledgedBy(e, m_self))
            acknowledge(e.id);
    }
}

void EmergencyList::answer(const Reply<proto::EmergencyInfo> &reply)
{
    if (!reply.ok()) {
        setNotice(reply.error.message);
        return;
    }
    setNotice({});
    // The event follows; the answer shows it at once for the one who clicked.
    if (reply.value->state == proto::EmergencyState::Cancelled)
        remove(reply.value->id);
    else
        put(*reply.value, false);
}

bool EmergencyList::handle(const proto::Event &event)
{
    if (const auto *raised = std::get_if<proto::EmergencyRaised>(&event))
        put(raised->emergency, true);
    else if (const auto *updated = std::get_if<proto::EmergencyUpdated>(&event))
        put(updated->emergency, false);
    else if (const auto *cleared = std::get_if<proto::EmergencyCleared>(&event)) {
        const proto::EmergencyInfo &e = cleared->emergency;
        const QString who = e.alias.isEmpty() ? e.unit : e.alias;
        const QString by = e.cancelledByAlias.isEmpty() ? e.cancelledBy : e.cancelledByAlias;
        const QString group = m_groups.nameOf(e.group);
        remove(e.id);
        setNotice(group.isEmpty() ? tr("Emergency of %1 cleared by %2").arg(who, by)
                                  : tr("Emergency of %1 on %2 cleared by %3").arg(who, group, by));
        m_noticeTimer.start();
    } else
        return false;
    return true;
}

void EmergencyList::reload()
{
    m_client.send(proto::EmergencyListGet {}, [this](const Reply<proto::EmergencyList> &reply) {
        if (reply.ok())
            replaceAll(reply.value->emergencies);
    });
}

void EmergencyList::put(const proto::EmergencyInfo &e, bool raised)
{
    const auto at = std::find_if(m_items.begin(), m_items.end(),
                                 [&](const proto::EmergencyInfo &i) { return i.id == e.id; });
    if (at != m_items.end()) {
        *at = e;
        const QModelIndex index = this->index(int(at - m_items.begin()));
        Q_EMIT dataChanged(index, index);
    } else {
        // Waiting ones on top, newest first: the one nobody has taken yet is what to see.
        int row = 0;
        while (row < m_items.size() && m_items.at(row).state == proto::EmergencyState::Open
               && m_items.at(row).raisedAt >= e.raisedAt)
            ++row;
        if (e.state != proto::EmergencyState::Open) {
            row = 0;
            while (row < m_items.size()
                   && (m_items.at(row).state == proto::EmergencyState::Open
                       || m_items.at(row).raisedAt >= e.raisedAt))
                ++row;
        }
        beginInsertRows({}, row, row);
        m_items.insert(row, e);
        endInsertRows();
        raised = true; // new to us (also an update for one raised while we were away)
    }
    Q_EMIT countChanged();
    refreshGroups();
    updateAlarm(raised && e.state == proto::EmergencyState::Open);
}

void EmergencyList::remove(const QString &id)
{
    const auto at = std::find_if(m_items.begin(), m_items.end(),
                                 [&](const proto::EmergencyInfo &i) { return i.id == id; });
    if (at == m_items.end())
        return;
    const int row = int(at - m_items.begin());
    beginRemoveRows({}, row, row);
    m_items.removeAt(row);
    endRemoveRows();
    Q_EMIT countChanged();
    refreshGroups();
    updateAlarm(false);
}

void EmergencyList::replaceAll(const QList<proto::EmergencyInfo> &items)
{
    beginResetModel();
    m_items = items;
    std::stable_sort(m_items.begin(), m_items.end(),
                     [](const proto::EmergencyInfo &a, const proto::EmergencyInfo &b) {
                         const bool ao = a.state == proto::EmergencyState::Open;
                         const bool bo = b.state == proto::EmergencyState::Open;
                         return ao != bo ? ao : a.raisedAt > b.raisedAt;
                     });
    endResetModel();
    Q_EMIT countChanged();
    refreshGroups();
    updateAlarm(unacknowledged() > 0 && !m_alarm.isActive());
}

void EmergencyList::updateAlarm(bool sound)
{
    if (unacknowledged() == 0) {
        m_alarm.stop();
        return;
    }
    if (sound && m_voice)
        m_voice->playTone(media::Tone::Emergency, media::Route::Alert);
    if (!m_alarm.isActive())
        m_alarm.start();
}

void EmergencyList::refreshGroups()
{
    QSet<QString> now;
    for (const proto::EmergencyInfo &e : std::as_const(m_items)) {
        if (!e.group.isEmpty())
            now.insert(e.group);
    }
    for (const QString &g : std::as_const(m_alarmedGroups)) {
        if (!now.contains(g))
            m_groups.setAlarm(g, false);
    }
    for (const QString &g : std::as_const(now))
        m_groups.setAlarm(g, true);
    m_alarmedGroups = now;
}

void EmergencyList::setNotice(const QString &notice)
{
    m_noticeTimer.stop(); // a new notice replaces a "cleared by" one, and stays
    if (notice == m_notice)
        return;
    m_notice = notice;
    Q_EMIT noticeChanged();
}

int EmergencyList::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant EmergencyList::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const proto::EmergencyInfo &e = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case AliasRole:
        return e.alias.isEmpty() ? e.unit : e.alias;
    case IdRole:
        return e.id;
    case UnitRole:
        return e.unit;
    case GroupRole:
        return e.group.isEmpty() ? QString() : m_groups.nameOf(e.group);
    case GroupIdRole:
        return e.group;
    case RaisedAtRole:
        return double(e.raisedAt);
    case AcknowledgedRole:
        return e.state == proto::EmergencyState::Acknowledged;
    case AcknowledgedByRole: {
        QStringList names;
        for (const proto::EmergencyAckInfo &a : e.acks)
            names << (a.alias.isEmpty() ? a.unit : a.alias);
        return names.join(QStringLiteral(", "));
    }
    case AckedByMeRole:
        return acknowledgedBy(e, m_self);
    case MineRole:
        return e.unit == m_self;
    }
    return {};
}

QHash<int, QByteArray> EmergencyList::roleNames() const
{
    return {{IdRole, "emergencyId"},
            {UnitRole, "unit"},
            {AliasRole, "alias"},
            {GroupRole, "group"},
            {GroupIdRole, "groupId"},
            {RaisedAtRole, "raisedAt"},
            {AcknowledgedRole, "acknowledged"},
            {AcknowledgedByRole, "acknowledgedBy"},
            {AckedByMeRole, "ackedByMe"},
            {MineRole, "mine"}};
}

} // namespace floorline::console
