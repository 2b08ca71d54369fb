// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace floorline::console {

/// The talk group whose own session this is ("group:<id>"), or empty for ad-hoc and broadcast
/// sessions (docs/protocol.md §4.1).
inline QString groupOf(const QString &session)
{
    static const QString prefix = QStringLiteral("group:");
    return session.startsWith(prefix) ? session.mid(prefix.size()) : QString();
}

} // namespace floorline::console
