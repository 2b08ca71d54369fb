// SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Layouts
import Floorline.Core

// Everything the dispatcher sees: header, emergency banner, the group tree and the
// push-to-talk panel. Holding Space anywhere in it talks on the selected groups.
FocusScope {
    id: view
    required property ConsoleController controller

    Keys.onPressed: (event) => {
        if (event.key === Qt.Key_Space && !event.isAutoRepeat) {
            view.controller.pressTalk()
            event.accepted = true
        }
    }
    Keys.onReleased: (event) => {
        if (event.key === Qt.Key_Space && !event.isAutoRepeat) {
            view.controller.releaseTalk()
            event.accepted = true
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        StatusHeader {
            Layout.fillWidth: true
            controller: view.controller
        }
        EmergencyBanner {
            objectName: "emergencyBanner"
            Layout.fillWidth: true
            controller: view.controller
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.gap
            spacing: Theme.gap
            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
                color: Theme.panel
                radius: Theme.radius
                GroupTree {
                    anchors.fill: parent
                    anchors.margins: 4
                    controller: view.controller
                }
            }
            Rectangle {
                Layout.preferredWidth: 340
                Layout.fillHeight: true
                color: Theme.panel
                radius: Theme.radius
                ColumnLayout {
                    anchors.fill: parent
                    anchors.margins: 20
                    spacing: 12
                    PttPanel {
                        objectName: "pttPanel"
                        Layout.alignment: Qt.AlignHCenter
                        controller: view.controller
                    }
                    ActivityLog {
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        controller: view.controller
                    }
                }
            }
        }
    }
}
