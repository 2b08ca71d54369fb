// SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Floorline.Core

// The controller window: header, emergency banner, the group tree and the push-to-talk panel.
// Holding Space anywhere talks on the selected groups.
ApplicationWindow {
    id: window
    required property ConsoleController controller
    width: 1366
    height: 768
    minimumWidth: 1024
    minimumHeight: 600
    visible: true
    title: qsTr("Floorline — %1").arg(controller.user)
    color: Theme.background
    Material.theme: Material.Dark
    Material.accent: Theme.selected

    header: ColumnLayout {
        spacing: 0
        StatusHeader {
            Layout.fillWidth: true
            controller: window.controller
        }
        EmergencyBanner {
            Layout.fillWidth: true
            controller: window.controller
        }
    }

    Item {
        id: keys
        anchors.fill: parent
        focus: true
        Keys.onPressed: (event) => {
            if (event.key === Qt.Key_Space && !event.isAutoRepeat) {
                window.controller.pressTalk()
                event.accepted = true
            }
        }
        Keys.onReleased: (event) => {
            if (event.key === Qt.Key_Space && !event.isAutoRepeat) {
                window.controller.releaseTalk()
                event.accepted = true
            }
        }

        RowLayout {
            anchors.fill: parent
            anchors.margins: Theme.gap
            spacing: Theme.gap
            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
                color: Theme.panel
                radius: Theme.radius
                GroupTree {
                    anchors.fill: parent
                    anchors.margins: 4
                    controller: window.controller
                }
            }
            Rectangle {
                Layout.preferredWidth: 340
                Layout.fillHeight: true
                color: Theme.panel
                radius: Theme.radius
                PttPanel {
                    anchors.fill: parent
                    anchors.margins: 24
                    controller: window.controller
                }
            }
        }
    }
}
