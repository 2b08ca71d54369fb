// SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Floorline.Core

// The console window: ConsoleView (or DisplayView for a display client) in the dark Material
// style.
ApplicationWindow {
    id: window
    required property ConsoleController controller
    width: 1366
    height: 768
    minimumWidth: 1024
    minimumHeight: 600
    visible: true
    title: qsTr("Floorline — %1").arg(controller.connection.user)
    color: Theme.background
    Material.theme: Material.Dark
    Material.accent: Theme.selected

    // Ctrl+Q closes the console, as its window's close button does.
    Shortcut {
        sequences: [StandardKey.Quit]
        context: Qt.ApplicationShortcut
        onActivated: window.close()
    }

    // A display client (floorline --as-display) shows pushes only; a console everything.
    Loader {
        anchors.fill: parent
        focus: true
        sourceComponent: window.controller.display ? displayView : consoleView
    }
    Component {
        id: consoleView
        ConsoleView {
            controller: window.controller
            focus: true
        }
    }
    Component {
        id: displayView
        DisplayView {
            controller: window.controller
        }
    }
}
