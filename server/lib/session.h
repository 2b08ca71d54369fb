// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "floorarbiter.h"

#include <QList>
#include <QString>
#include <QTimer>

namespace floorline::server {

/// @brief A live session on the server: who is in it and its floor arbiter.
struct Session
{
    Session(QString id, proto::SessionKind kind, QString name, FloorArbiter::Config floor)
        : id(std::move(id))
        , kind(kind)
        , name(std::move(name))
        , arbiter(floor)
    {
        timer.setSingleShot(true);
        timer.setTimerType(Qt::PreciseTimer);
    }

    QString id;
    proto::SessionKind kind;
    QString name;
    QString group; ///< group sessions: the group id
    QString ownerUnit; ///< ad-hoc/broadcast: the creator's unit
    quint64 ownerLogin = 0;
    QList<quint64> members; ///< login ids, in join order
    FloorArbiter arbiter;
    QTimer timer; ///< armed at arbiter.nextDeadline()

    bool hasMember(quint64 login) const { return members.contains(login); }
};

} // namespace floorline::server
