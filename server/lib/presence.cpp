// SPDX-License-Identifier: Apache-2.0
#include "presence.h"

#include "fleetindex.h"
#include "logins.h"
#include "sessiontable.h"

#include "core/protocol/codec.h"

namespace floorline::server {

namespace {
bool isGroupSession(const QString &id)
{
    return id.startsWith(QLatin1String("group:"));
}
} // namespace

Presence::Presence(const FleetIndex &fleet, Logins &logins, const SessionTable &sessions)
    : m_fleet(fleet)
    , m_logins(logins)
    , m_sessions(sessions)
{
    // Encoded once at start, so that no client's request pays for encoding the whole fleet.
    directoryJson();
}

proto::UnitStatus Presence::statusOf(const QString &unit, QString *busySession) const
{
    const QList<quint64> logins = m_logins.ofUnit(unit);
    if (logins.isEmpty())
        return m_announced.value(unit, proto::UnitStatus::Offline);
    // A unit that announced a reset (or going offline) on every login shows that until back.
    proto::UnitStatus announced = proto::UnitStatus::Online;
    for (quint64 id : logins) {
        const proto::UnitStatus a = m_logins.find(id)->announced;
        if (a == proto::UnitStatus::Online)
            return statusOfPresent(logins, busySession);
        announced = a;
    }
    return announced;
}

proto::UnitStatus Presence::statusOfPresent(const QList<quint64> &logins,
                                            QString *busySession) const
{
    for (quint64 id : logins) {
        for (const QString &s : m_logins.find(id)->sessions) {
            if (!isGroupSession(s)) {
                if (busySession)
                    *busySession = s;
                return proto::UnitStatus::Busy;
            }
        }
    }
    return proto::UnitStatus::Online;
}

proto::UnitInfo Presence::unitInfo(const proto::Account &account) const
{
    proto::UnitInfo info = account.unit;
    info.status = statusOf(account.unit.id);
    for (quint64 id : m_logins.ofUnit(account.unit.id)) {
        for (const QString &s : m_logins.find(id)->sessions) {
            if (isGroupSession(s) && !info.affiliated.contains(s.mid(6)))
                info.affiliated.append(s.mid(6));
        }
    }
    return info;
}

QByteArray Presence::directoryJson()
{
    if (m_encodedGroups.isEmpty())
        m_encodedGroups = proto::compactJson(proto::toJsonArray(m_fleet.groupList()));
    QByteArray json;
    json.reserve(m_encodedSize);
    json += QByteArrayLiteral("{\"groups\":") + m_encodedGroups + QByteArrayLiteral(",\"units\":[");
    bool first = true;
    for (const proto::Account &a : m_fleet.accounts()) {
        proto::UnitInfo info = unitInfo(a);
        EncodedUnit &encoded = m_encodedUnits[a.unit.id];
        if (encoded.json.isEmpty() || !(encoded.info == info)) {
            encoded.json = proto::compactJson(info.toJson());
            encoded.info = std::move(info);
        }
        if (!first)
            json += ',';
        first = false;
        json += encoded.json;
    }
    json += QByteArrayLiteral("]}");
    m_encodedSize = json.size();
    return json;
}

void Presence::announce(Login &login, proto::UnitStatus state)
{
    login.announced = state;
    if (state == proto::UnitStatus::Online)
        m_announced.remove(login.unit());
    else
        m_announced.insert(login.unit(), state);
}

void Presence::broadcast(const QString &unit)
{
    proto::UnitStatusChanged event;
    event.unit = unit;
    event.status = statusOf(unit, &event.session);
    if (const Session *s = m_sessions.find(event.session))
        event.sessionName = s->name; // "Busy in Structure fire", not "busy in adhoc:3"
    // Status is for the people watching the fleet, not for every radio in it.
    m_logins.deliverIf(event, [](const Login &l) { return l.isConsole(); });
}

} // namespace floorline::server
