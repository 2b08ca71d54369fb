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
    /// Asks before a broadcast is made (BroadcastDialog).
    required property var confirmBroadcast
    spacing: 6

    RowLayout {
        Layout.fillWidth: true
        // A fixed height: a notice and its ✕ appearing must not push the drop zones down.
        Layout.preferredHeight: 32
        Layout.maximumHeight: 32
        spacing: 8
        Text {
            text: qsTr("Calls")
            color: Theme.textDim
            font.pixelSize: 13
            font.weight: Font.DemiBold
        }
        // The incident's name, typed before the drop: the call is made with it.
        TextField {
            id: callName
            objectName: "nextCallName"
            Layout.preferredWidth: panel.width < 480 ? 120 : 150
            Layout.preferredHeight: 30
            topPadding: 4
            bottomPadding: 4
            // Short: the field is narrow; the accessible name says it in full.
            placeholderText: qsTr("Call name")
            font.pixelSize: 12
            Accessible.name: qsTr("Name of the next call")
            Keys.onEscapePressed: focus = false
        }
        Text {
            id: notice
            objectName: "inviteNotice"
            Layout.fillWidth: true
            text: panel.controller.calls.inviteNotice
            color: panel.controller.calls.inviteNoticeWarns ? Theme.waiting : Theme.text
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
            onClicked: panel.controller.calls.clearInviteNotice()
        }
    }
    RowLayout {
        Layout.fillWidth: true
        Layout.fillHeight: true
        spacing: Theme.gap
        ColumnLayout {
            Layout.preferredWidth: panel.width < 480 ? 120 : 150
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
                onReceived: (units, group) => {
                    if (group !== "")
                        panel.controller.calls.inviteGroup(group, "", callName.text)
                    else
                        panel.controller.calls.invite(units, "", callName.text)
                    callName.clear()
                }
            }
            // Always in its place (greyed without a selection): nothing moves under the hand.
            Button {
                objectName: "callSelected"
                Layout.fillWidth: true
                Layout.preferredHeight: 30
                text: panel.selectedUnits.length > 0
                      ? qsTr("Call %n selected", "", panel.selectedUnits.length)
                      : qsTr("Call selected")
                enabled: panel.selectedUnits.length > 0
                flat: true
                font.pixelSize: 11
                leftPadding: 4
                rightPadding: 4
                // Shrinks to fit a longer label in another language rather than lose its end.
                contentItem: Text {
                    text: parent.text
                    font.pixelSize: parent.font.pixelSize
                    font.capitalization: parent.font.capitalization
                    font.weight: parent.font.weight
                    font.letterSpacing: parent.font.letterSpacing
                    color: parent.enabled ? Theme.text : Theme.textDim
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                    fontSizeMode: Text.HorizontalFit
                    minimumPixelSize: 8
                    elide: Text.ElideRight
                }
                focusPolicy: Qt.TabFocus
                Accessible.name: qsTr("Start a call with the selected units")
                onClicked: {
                    panel.controller.calls.invite(panel.selectedUnits, "", callName.text)
                    callName.clear()
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
                onReceived: (units, group) => panel.confirmBroadcast.ask(group)
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
            interactive: false // drags carry units onto cards; the wheel and the bar scroll
            model: panel.controller.sessions
            ScrollBar.horizontal: ScrollBar {
                id: callBar
                policy: calls.contentWidth > calls.width ? ScrollBar.AlwaysOn : ScrollBar.AsNeeded
            }
            WheelHandler {
                onWheel: (event) => {
                    const delta = event.angleDelta.y !== 0 ? event.angleDelta.y : event.angleDelta.x
                    callBar.position = Math.max(0, Math.min(1 - callBar.size,
                        callBar.position - delta / 120 * 120 / Math.max(1, calls.contentWidth)))
                }
            }
            // A new call is brought into view: the dispatcher just made it, or must see it.
            Connections {
                target: panel.controller.sessions
                function onRowsInserted(parent, first, last) {
                    Qt.callLater(calls.positionViewAtIndex, last, ListView.Contain)
                }
            }
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Live calls")
            delegate: CallCard {
                height: ListView.view.height
                // A whole card is always visible, even in the narrowest strip.
                width: Math.min(implicitWidth, ListView.view.width)
                controller: panel.controller
                selectedUnits: panel.selectedUnits
            }
            Text {
                anchors.centerIn: parent
                width: parent.width - 16
                visible: calls.count === 0
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignHCenter
                text: qsTr("No live calls. Drop units on New call to start one.")
                color: Theme.textDim
                font.pixelSize: 13
            }
        }
    }
}
