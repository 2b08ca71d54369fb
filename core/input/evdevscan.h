// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "buttons.h"

#include <QString>

namespace floorline::input {

/// One Linux input device node, as sysfs describes it.
struct EvdevNode
{
    ButtonDevice device;
    QString path; ///< "/dev/input/event5"
};

/// The input devices under `sysClass` (normally /sys/class/input) that report keys or buttons,
/// with their nodes under `devDir` (normally /dev/input), in node order. Read from sysfs, as
/// udev does: no device is opened for it.
QList<EvdevNode> scanEvdev(const QString &sysClass, const QString &devDir);

} // namespace floorline::input
