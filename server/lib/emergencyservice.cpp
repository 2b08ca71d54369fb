// SPDX-License-Identifier: Apache-2.0
#include "emergencyservice.h"

#include <algorithm>

#include <QDateTime>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcEmergency, "floorline.server.emergency", QtInfoMsg)

namespace floorline::server {

using proto::EmergencyState;
using proto::ErrorCode;

namespace {
bool isConsole(const proto::Account &a)
{
    return a.unit.role != proto::Role::Unit;
}

qint64 numberOf(const QString &id)
{
    return id.startsWith(QLatin1String("em-")) ? id.mid(3).toLongLong() : 0;
}

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}
} // namespace

EmergencyService::EmergencyService(EmergencyStore &store,
                                   const QHash<QString, const proto::GroupInfo *> &groups,
                                   SignalingStats &stats, Fanout fanout)
    : m_store(store)
    , m_groups(groups)
    , m_stats(stats)
    , m_fanout(std::move(fanout))
    , m_lastNumber(store.lastNumber())
{
    // What was open when the server stopped is open still; nobody is told again; consoles
    // learn of it from emergency.list after their login.
    for (const proto::EmergencyInfo &e : store.active())
        m_active.append({numberOf(e.id), e});
    if (!m_active.isEmpty())
        qCInfo(lcEmergency) << m_active.size() << "emergencies still open";
}

EmergencyService::Answer EmergencyService::refuse(ErrorCode code, const QString &why)
{
    // The hub's reply counts a `forbidden`.
    return {proto::Error {code, why}, {}};
}

EmergencyService::Active *EmergencyService::find(const QString &id)
{
    for (Active &a : m_active) {
        if (a.info.id == id)
            return &a;
    }
    return nullptr;
}

bool EmergencyService::activeOn(const QString &session) const
{
    return std::any_of(m_active.cbegin(), m_active.cend(),
                       [&](const Active &a) { return a.info.session == session; });
}

void EmergencyService::announce(const proto::EmergencyInfo &e, const proto::Event &event)
{
    m_fanout({e.unit, e.group}, event);
}

const proto::EmergencyInfo *EmergencyService::raise(const proto::Account &caller,
                                                    const QString &group, const QString &session)
{
    // One emergency per account at a time: pressing the button again is the same emergency.
    for (const Active &a : m_active) {
        if (a.info.unit == caller.unit.id)
            return &a.info;
    }
    Active a;
    a.number = m_lastNumber + 1;
    a.info.id = QStringLiteral("em-%1").arg(a.number);
    a.info.unit = caller.unit.id;
    a.info.alias = caller.unit.alias;
    a.info.group = group;
    a.info.session = session;
    a.info.raisedAt = now();
    QString error;
    if (!m_store.add(a.number, a.info, &error)) {
        qCWarning(lcEmergency) << "storing the emergency of" << caller.unit.id
                               << "failed:" << error;
        return nullptr;
    }
    m_lastNumber = a.number;
    ++m_stats.emergenciesRaised;
    m_active.append(a);
    qCInfo(lcEmergency) << a.info.id << "raised by" << caller.unit.id << "on"
                        << (group.isEmpty() ? session : group);
    announce(a.info, proto::EmergencyRaised {a.info});
    return &m_active.last().info;
}

EmergencyService::Answer EmergencyService::handle(const proto::Account &caller, bool ownOnly,
                                                  const proto::EmergencyRaise &r)
{
    if (!r.group.isEmpty()) {
        if (!m_groups.contains(r.group))
            return refuse(ErrorCode::NotFound, QStringLiteral("no group '%1'").arg(r.group));
        if (ownOnly && !caller.unit.groups.contains(r.group))
            return refuse(ErrorCode::Forbidden,
                          QStringLiteral("unit is not a member of group '%1'").arg(r.group));
    }
    const QString session = r.group.isEmpty() ? QString() : proto::groupSessionId(r.group);
    const proto::EmergencyInfo *e = raise(caller, r.group, session);
    if (!e)
        return refuse(ErrorCode::Internal, QStringLiteral("storage failed"));
    return {std::nullopt, e->toJson()};
}

void EmergencyService::onEmergencyFloorRequest(const proto::Account &caller, const QString &group,
                                               const QString &session)
{
    raise(caller, group, session); // a storage failure is logged; the floor request stands
}

EmergencyService::Answer EmergencyService::handle(const proto::Account &caller, bool,
                                                  const proto::EmergencyAcknowledge &r)
{
    Active *a = find(r.id);
    if (!a)
        return refuse(ErrorCode::NotFound, QStringLiteral("no open emergency '%1'").arg(r.id));
    for (const proto::EmergencyAckInfo &ack : a->info.acks) {
        if (ack.unit == caller.unit.id)
            return {std::nullopt, a->info.toJson()}; // heard already: nobody is told twice
    }
    const proto::EmergencyAckInfo ack {caller.unit.id, caller.unit.alias, now()};
    QString error;
    if (!m_store.acknowledge(a->number, ack, &error)) {
        qCWarning(lcEmergency) << "storing the ack of" << r.id << "failed:" << error;
        return refuse(ErrorCode::Internal, QStringLiteral("storage failed"));
    }
    a->info.acks.append(ack);
    a->info.state = EmergencyState::Acknowledged;
    ++m_stats.emergencyAcks;
    qCInfo(lcEmergency) << r.id << "acknowledged by" << caller.unit.id;
    const proto::EmergencyInfo info = a->info;
    announce(info, proto::EmergencyUpdated {info});
    return {std::nullopt, info.toJson()};
}

EmergencyService::Answer EmergencyService::handle(const proto::Account &caller, bool ownOnly,
                                                  const proto::EmergencyCancel &r)
{
    Active *a = find(r.id);
    if (!a)
        return refuse(ErrorCode::NotFound, QStringLiteral("no open emergency '%1'").arg(r.id));
    if (ownOnly && a->info.unit != caller.unit.id)
        return refuse(ErrorCode::Forbidden,
                      QStringLiteral("only the unit that raised it, a dispatcher or a supervisor "
                                     "may cancel an emergency"));
    proto::EmergencyInfo info = a->info;
    info.state = EmergencyState::Cancelled;
    info.cancelledBy = caller.unit.id;
    info.cancelledByAlias = caller.unit.alias;
    info.cancelledAt = now();
    QString error;
    if (!m_store.cancel(a->number, info, &error)) {
        qCWarning(lcEmergency) << "storing the cancel of" << r.id << "failed:" << error;
        return refuse(ErrorCode::Internal, QStringLiteral("storage failed"));
    }
    m_active.removeIf([&](const Active &x) { return x.info.id == info.id; });
    ++m_stats.emergenciesCancelled;
    qCInfo(lcEmergency) << r.id << "cancelled by" << caller.unit.id;
    announce(info, proto::EmergencyCleared {info});
    return {std::nullopt, info.toJson()};
}

EmergencyService::Answer EmergencyService::handle(const proto::Account &caller, bool,
                                                  const proto::EmergencyListGet &)
{
    proto::EmergencyList list;
    for (const Active &a : m_active) {
        if (isConsole(caller) || a.info.unit == caller.unit.id)
            list.emergencies.append(a.info);
    }
    return {std::nullopt, list.toJson()};
}

} // namespace floorline::server
