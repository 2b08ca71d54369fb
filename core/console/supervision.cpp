// SPDX-License-Identifier: Apache-2.0
#include "supervision.h"

#include "callcontrol.h"
#include "emergencylist.h"
#include "grouptreemodel.h"
#include "sessionids.h"
#include "sessionlistmodel.h"
#include "unitlistmodel.h"

namespace floorline::console {

Supervision::Supervision(Context context, QObject *parent)
    : QObject(parent)
    , m_ctx(std::move(context))
    , m_sessions({[this](const QString &u) {
                      // The unit list leaves our own account out.
                      const proto::UnitInfo &self = m_ctx.client.login().unit;
                      return u == self.id && !self.alias.isEmpty() ? self.alias
                                                                   : m_ctx.units.alias(u);
                  },
                  [this](const QString &s, const QString &g) { return emergencyOn(s, g); },
                  [this](const QString &s) { return monitored(s); }})
    , m_consoles([this](const QString &s) { return nameOf(s); })
{
    // What the rows show besides the overview: emergencies, and what this console hears.
    for (QAbstractItemModel *m : {static_cast<QAbstractItemModel *>(&m_ctx.emergencies),
                                  static_cast<QAbstractItemModel *>(&m_ctx.calls)}) {
        connect(m, &QAbstractItemModel::rowsInserted, this, &Supervision::refresh);
        connect(m, &QAbstractItemModel::rowsRemoved, this, &Supervision::refresh);
        connect(m, &QAbstractItemModel::modelReset, this, &Supervision::refresh);
        connect(m, &QAbstractItemModel::dataChanged, this, &Supervision::refresh);
    }
    connect(&m_ctx.groups, &GroupTreeModel::listeningChanged, this, &Supervision::refresh);
}

void Supervision::start()
{
    const bool supervisor = m_ctx.client.login().unit.role == proto::Role::Supervisor;
    if (supervisor != m_available) {
        m_available = supervisor;
        Q_EMIT availableChanged();
    }
    if (!supervisor) {
        m_sessions.clear();
        m_consoles.clear();
        return;
    }
    m_consoles.setSelf(m_ctx.client.login().unit.id);
    m_ctx.client.send(proto::Supervise {}, [this](const Reply<proto::Overview> &reply) {
        if (!reply.ok()) {
            setNotice(tr("Could not load the overview: %1").arg(reply.error.message));
            return;
        }
        setNotice({});
        m_sessions.reset(reply.value->sessions);
        m_consoles.reset(reply.value->consoles);
    });
}

bool Supervision::handle(const proto::Event &event)
{
    if (const auto *s = std::get_if<proto::OverviewSession>(&event)) {
        m_sessions.put(s->session);
        m_consoles.refresh(); // a call's name may be new
    } else if (const auto *e = std::get_if<proto::OverviewEnded>(&event)) {
        m_sessions.remove(e->session);
    } else if (const auto *c = std::get_if<proto::OverviewConsole>(&event)) {
        m_consoles.put(c->console);
    } else {
        return false;
    }
    return true;
}

void Supervision::monitor(const QString &session, bool on)
{
    const QString group = groupOf(session);
    if (!group.isEmpty()) {
        m_ctx.groups.setMonitored(group, on); // the controller affiliates; heard on the speaker
        return;
    }
    if (!on) {
        m_ctx.callControl.leaveSession(session);
        return;
    }
    if (m_ctx.calls.isJoined(session))
        return;
    m_ctx.client.send(proto::SessionJoin {session}, [this, session](const Reply<proto::Empty> &r) {
        if (!r.ok())
            setNotice(tr("Could not join %1: %2").arg(nameOf(session), r.error.message));
        else
            setNotice({});
    });
}

QString Supervision::emergencyOn(const QString &session, const QString &group) const
{
    QStringList lines;
    for (const proto::EmergencyInfo &e : m_ctx.emergencies.items()) {
        if (e.session != session && (group.isEmpty() || e.group != group))
            continue;
        const QString who = e.alias.isEmpty() ? e.unit : e.alias;
        if (e.acks.isEmpty()) {
            lines << tr("%1: not acknowledged").arg(who);
        } else {
            const auto &ack = e.acks.first();
            lines << tr("%1: acknowledged by %2")
                         .arg(who, ack.alias.isEmpty() ? ack.unit : ack.alias);
        }
    }
    return lines.join(QStringLiteral("; "));
}

bool Supervision::monitored(const QString &session) const
{
    const QString group = groupOf(session);
    return group.isEmpty() ? m_ctx.calls.isJoined(session) : m_ctx.groups.isMonitored(group);
}

QString Supervision::nameOf(const QString &session) const
{
    const QString name = m_sessions.nameOf(session);
    return name.isEmpty() ? m_ctx.sessionName(session) : name;
}

void Supervision::setNotice(const QString &notice)
{
    if (notice == m_notice)
        return;
    m_notice = notice;
    Q_EMIT noticeChanged();
}

void Supervision::refresh()
{
    m_sessions.refresh();
}

} // namespace floorline::console
