// SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Floorline.Core

// One live call: its name and kind, who is in it, who holds the floor. A call this console is
// in takes dropped units and groups (ad-hoc only), has its own push-to-talk and can be left
// or, when ours, ended. Calls we are not in are shown for awareness only.
Rectangle {
    id: card
    required property ConsoleController controller
    required property var selectedUnits
    required property string sessionId
    required property string kind
    required property string name
    required property string participants
    required property int participantCount
    required property bool joined
    required property bool owned
    required property string talker
    required property bool emergency
    objectName: "call-" + sessionId
    implicitWidth: Math.max(220, actions.implicitWidth + 20)
    radius: Theme.radius
    color: emergency ? Qt.darker(Theme.emergency, 2.2)
         : talker !== "" ? Qt.darker(Theme.talking, 3.2) : Theme.panelRaised
    border.color: drop.containsDrag ? Theme.selected : (joined ? Theme.line : "transparent")
    border.width: drop.containsDrag ? 3 : 1
    opacity: joined ? 1 : 0.75
    Accessible.role: Accessible.Grouping
    Accessible.name: talker !== "" ? qsTr("%1, %2 talking").arg(name).arg(talker) : name

    DropZone {
        id: drop
        objectName: "callDrop"
        anchors.fill: parent
        enabled: card.joined && card.kind === "adhoc"
        keys: ["floorline/units", "floorline/group"]
        showFrame: false // the card itself shows the hover; the zone only catches the drop
        onReceived: (units, group) => group !== ""
                   ? card.controller.calls.inviteGroup(group, card.sessionId)
                   : card.controller.calls.invite(units, card.sessionId)
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 10
        spacing: 4
        // The kind above the name: the name gets the card's whole width for its two lines.
        Text {
            text: card.kind === "broadcast" ? qsTr("BROADCAST")
                : card.joined ? qsTr("CALL") : qsTr("NOT JOINED")
            color: Theme.textDim
            font.pixelSize: 10
            font.weight: Font.Bold
        }
        Text {
            Layout.fillWidth: true
            text: card.name
            color: Theme.text
            font.pixelSize: 14
            font.weight: Font.DemiBold
            wrapMode: Text.WordWrap
            maximumLineCount: 2
            elide: Text.ElideRight
        }
        Text {
            Layout.fillWidth: true
            Layout.fillHeight: true
            text: qsTr("%n in call: ", "", card.participantCount) + card.participants
            color: Theme.textDim
            font.pixelSize: 12
            wrapMode: Text.Wrap
            elide: Text.ElideRight
        }
        Text {
            visible: card.talker !== ""
            text: (card.emergency ? "⚠ " : "● ") + card.talker
            color: card.emergency ? Theme.emergency : Theme.talking
            font.pixelSize: 13
            font.weight: Font.DemiBold
        }
        RowLayout {
            id: actions
            visible: card.joined
            spacing: 2
            Button {
                objectName: "callTalk"
                text: qsTr("Talk")
                flat: true
                font.pixelSize: 12
                leftPadding: 6
                rightPadding: 6
                focusPolicy: Qt.TabFocus
                enabled: card.kind !== "broadcast" || card.owned
                Accessible.name: qsTr("Talk on %1").arg(card.name)
                onPressed: card.controller.talk.pressOn(card.sessionId)
                onReleased: card.controller.talk.release()
                onCanceled: card.controller.talk.release()
            }
            Button {
                text: qsTr("Add selected")
                flat: true
                font.pixelSize: 12
                leftPadding: 6
                rightPadding: 6
                focusPolicy: Qt.TabFocus
                visible: card.kind === "adhoc"
                enabled: card.selectedUnits.length > 0
                Accessible.name: qsTr("Add the selected units to %1").arg(card.name)
                onClicked: card.controller.calls.invite(card.selectedUnits, card.sessionId)
            }
            Button {
                text: card.owned ? qsTr("End") : qsTr("Leave")
                flat: true
                font.pixelSize: 12
                leftPadding: 6
                rightPadding: 6
                focusPolicy: Qt.TabFocus
                Accessible.name: card.owned ? qsTr("End %1").arg(card.name)
                                            : qsTr("Leave %1").arg(card.name)
                onClicked: card.controller.calls.leaveSession(card.sessionId)
            }
        }
    }
}
