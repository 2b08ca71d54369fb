// SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Floorline.Core

// Live calls and where new ones start: drop units or a group on "New call" for an ad-hoc
// call, a group on "Broadcast" to call its whole subtree, or units on a call to add them.
// The line under the title says what the last drop did, and who was left out and why.
ColumnLayout {
    id: panel
    required property ConsoleController controller
    /// Unit ids picked in the unit list (for the keyboard path: "Call selected").
    required property var selectedUnits
    spacing: 6

    RowLayout {
        Layout.fillWidth: true
        spacing: 8
        Text {
            text: qsTr("Calls")
            color: Theme.textDim
            font.pixelSize: 13
            font.weight: Font.DemiBold
        }
        Text {
            id: notice
            objectName: "inviteNotice"
            Layout.fillWidth: true
            text: panel.controller.inviteNotice
            color: panel.controller.inviteNoticeWarns ? Theme.waiting : Theme.text
            font.pixelSize: 12
            elide: Text.ElideRight
            Accessible.role: Accessible.StaticText
            Accessible.name: text
            ToolTip.visible: noticeHover.hovered && truncated
            ToolTip.text: text
            HoverHandler { id: noticeHover }
        }
        ToolButton {
            visible: notice.text !== ""
            text: "✕"
            focusPolicy: Qt.TabFocus
            Accessible.name: qsTr("Dismiss the notice")
            onClicked: panel.controller.clearInviteNotice()
        }
    }
    RowLayout {
        Layout.fillWidth: true
        Layout.fillHeight: true
        spacing: Theme.gap
        ColumnLayout {
            Layout.preferredWidth: 170
            Layout.fillWidth: false // the calls take the rest
            Layout.fillHeight: true
            spacing: Theme.gap
            DropZone {
                objectName: "newCallZone"
                Layout.fillWidth: true
                Layout.fillHeight: true
                keys: ["floorline/units", "floorline/group"]
                title: qsTr("New call")
                hint: qsTr("Drop units or a group")
                onReceived: (units, group) => group !== ""
                           ? panel.controller.inviteGroup(group, "")
                           : panel.controller.invite(units, "")
                Button {
                    anchors.right: parent.right
                    anchors.bottom: parent.bottom
                    anchors.margins: 2
                    visible: panel.selectedUnits.length > 0
                    text: qsTr("Call selected")
                    flat: true
                    focusPolicy: Qt.TabFocus
                    Accessible.name: qsTr("Start a call with the selected units")
                    onClicked: panel.controller.invite(panel.selectedUnits, "")
                }
            }
            DropZone {
                objectName: "broadcastZone"
                Layout.fillWidth: true
                Layout.fillHeight: true
                keys: ["floorline/group"]
                tint: Theme.waiting
                title: qsTr("Broadcast")
                hint: qsTr("Drop a group: calls every unit below it")
                onReceived: (units, group) => panel.controller.broadcast(group)
            }
        }
        ListView {
            id: calls
            objectName: "callList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            orientation: ListView.Horizontal
            spacing: Theme.gap
            clip: true
            interactive: false
            model: panel.controller.sessions
            ScrollBar.horizontal: ScrollBar {}
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Live calls")
            delegate: CallCard {
                height: ListView.view.height
                controller: panel.controller
                selectedUnits: panel.selectedUnits
            }
            Text {
                anchors.centerIn: parent
                visible: calls.count === 0
                text: qsTr("No live calls. Drop units on New call to start one.")
                color: Theme.textDim
                font.pixelSize: 13
            }
        }
    }
}
