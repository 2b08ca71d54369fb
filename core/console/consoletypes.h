// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace floorline::console {
Q_NAMESPACE
QML_NAMED_ELEMENT(Console)

/// What this console's push-to-talk is doing, as the PTT button shows it.
enum class TalkState {
    Idle, ///< not talking
    Requesting, ///< floor requested, no answer yet
    Granted, ///< on the air
    Queued, ///< waiting in the floor queue (queuePosition says where)
    Denied, ///< the last request was refused (talkNotice says why) until PTT is pressed again
};
Q_ENUM_NS(TalkState)

/// The link to the server, as the connection indicator shows it.
enum class Link { Offline, Connecting, Online, Reconnecting };
Q_ENUM_NS(Link)

} // namespace floorline::console
