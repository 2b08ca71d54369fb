// SPDX-License-Identifier: Apache-2.0
#pragma once

class QQmlApplicationEngine;
class QQuickWindow;

namespace floorline::console {
class ConsoleController;
}

namespace floorline::ui {

/// Loads the console's window (Main.qml) for `controller` on `engine`, with what it needs: the
/// static QML modules' import path and the `qr` and `media` image providers. The application
/// and the benchmarks load the same UI this way. Null if it did not load.
QQuickWindow *loadConsoleWindow(QQmlApplicationEngine &engine,
                                console::ConsoleController &controller);

} // namespace floorline::ui
