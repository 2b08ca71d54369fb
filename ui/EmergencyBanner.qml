// SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Floorline.Core

// A unit's emergency: impossible to miss, stays until the dispatcher acknowledges it.
Rectangle {
    id: banner
    required property ConsoleController controller
    visible: controller.emergency !== ""
    color: Theme.emergency
    implicitHeight: visible ? 52 : 0
    Accessible.role: Accessible.AlertMessage
    Accessible.name: qsTr("Emergency: %1").arg(controller.emergency)

    SequentialAnimation on opacity {
        running: banner.visible
        loops: Animation.Infinite
        NumberAnimation { to: 0.75; duration: 500 }
        NumberAnimation { to: 1.0; duration: 500 }
    }
    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 16
        anchors.rightMargin: 16
        Text {
            Layout.fillWidth: true
            text: qsTr("EMERGENCY  %1").arg(banner.controller.emergency)
            color: "white"
            font.pixelSize: 20
            font.weight: Font.Bold
            elide: Text.ElideRight
        }
        Button {
            objectName: "acknowledgeEmergency"
            text: qsTr("Acknowledge")
            // A click must not take the keyboard focus: Space stays push-to-talk.
            focusPolicy: Qt.TabFocus
            Accessible.name: qsTr("Acknowledge the emergency")
            onClicked: banner.controller.acknowledgeEmergency()
        }
    }
}
