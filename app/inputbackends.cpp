// SPDX-License-Identifier: Apache-2.0
#include "inputbackends.h"

#include "core/input/hotkeys.h"

#include <QGuiApplication>

#ifdef Q_OS_LINUX
#include "core/input/evdevbuttons.h"
#include "core/input/portalhotkeys.h"
#include "core/input/x11hotkeys.h"
#endif
#ifdef Q_OS_WIN
#include "core/input/rawinputbuttons.h"
#endif

namespace floorline::app {

std::unique_ptr<input::Hotkeys> makeHotkeys()
{
    const QString platform = QGuiApplication::platformName();
#ifdef Q_OS_LINUX
    if (platform == QLatin1String("xcb"))
        return std::make_unique<input::X11Hotkeys>();
    // Wayland lets no program take keys from the compositor: the desktop portal binds them.
    if (platform.startsWith(QLatin1String("wayland")))
        return std::make_unique<input::PortalHotkeys>();
#endif
    if (platform == QLatin1String("offscreen") || platform == QLatin1String("minimal"))
        return std::make_unique<input::NoHotkeys>(
            QCoreApplication::translate("floorline", "No desktop: global keys are off"));
    return std::make_unique<input::NoHotkeys>(QCoreApplication::translate(
        "floorline",
        "This desktop offers no global keys: push-to-talk works while the console has the focus"));
}

std::unique_ptr<input::Buttons> makeButtons()
{
#ifdef Q_OS_LINUX
    const QString sys
        = qEnvironmentVariable("FLOORLINE_INPUT_SYSFS", QStringLiteral("/sys/class/input"));
    const QString dev = qEnvironmentVariable("FLOORLINE_INPUT_DEV", QStringLiteral("/dev/input"));
    return std::make_unique<input::EvdevButtons>(sys, dev);
#elif defined(Q_OS_WIN)
    return std::make_unique<input::RawInputButtons>();
#else
    return nullptr;
#endif
}

} // namespace floorline::app
