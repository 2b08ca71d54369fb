// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>

namespace floorline::input {
class Buttons;
class Hotkeys;
} // namespace floorline::input

namespace floorline::app {

/// The global keys this desktop offers: the X server's grab under X11 (Qt's "xcb"
/// platform), the desktop portal under Wayland, and a backend that says why not elsewhere.
std::unique_ptr<input::Hotkeys> makeHotkeys();
/// Pedals and headset buttons: Linux evdev (FLOORLINE_INPUT_SYSFS and FLOORLINE_INPUT_DEV
/// name other roots than /sys/class/input and /dev/input, for tests on a kernel without
/// uinput); null where there is none.
std::unique_ptr<input::Buttons> makeButtons();

} // namespace floorline::app
