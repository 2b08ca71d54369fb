// SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Floorline.Core

// One group in the tree: name, members, talker with a running timer, queue place, emergency,
// and the dispatcher's monitor / headset (selected) / volume controls.
Rectangle {
    id: row
    required property TreeView treeView
    required property bool isTreeNode
    required property bool expanded
    required property int hasChildren
    required property int depth
    required property int row
    required property string groupId
    required property string name
    required property int members
    required property bool monitored
    required property bool selected
    required property real volume
    required property bool muted
    required property string talker
    required property double talkingSince
    required property bool emergency
    required property int queuePosition
    required property string spurtMedia
    required property url spurtMediaUrl
    property GroupTreeModel groups
    property ConsoleController controller
    property DragGhost ghost
    property double now

    readonly property bool talking: talker !== ""
    implicitWidth: Math.max(1, treeView.width) // the view lays out before it has a width
    implicitHeight: 46
    color: emergency ? Qt.darker(Theme.emergency, 2.2)
         : talking ? Qt.darker(Theme.talking, 3.2)
         : (row % 2 ? Theme.panel : Theme.panelRaised)
    border.color: selected ? Theme.selected : "transparent"
    border.width: selected ? 2 : 0
    Accessible.role: Accessible.TreeItem
    Accessible.name: talking ? qsTr("%1, %2 talking").arg(name).arg(talker) : name
    objectName: "group-" + groupId

    // Drag the group (with everything below it) into a call or onto Broadcast.
    DragHandler {
        target: null
        onActiveChanged: active ? row.ghost.start([], row.groupId, row.name, centroid.scenePosition)
                                : row.ghost.finish()
        onCentroidChanged: if (active) row.ghost.moveTo(centroid.scenePosition)
    }

    // A file from the desktop dropped on a talk group is shared with it (its shelf opens).
    DropArea {
        objectName: "fileDrop"
        anchors.fill: parent
        keys: ["text/uri-list"]
        enabled: !row.hasChildren
        onDropped: (drop) => {
            row.controller.media.showShelf(row.groupId)
            for (const url of Theme.droppedFiles(drop))
                row.controller.media.share(url, row.groupId)
            drop.accept(Qt.CopyAction)
        }
        Rectangle {
            anchors.fill: parent
            visible: parent.containsDrag
            color: "transparent"
            border.color: Theme.selected
            border.width: 2
            radius: Theme.radius
        }
    }

    function clock(ms) {
        const s = Math.max(0, Math.floor(ms / 1000))
        return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0")
    }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 8 + row.depth * 20
        anchors.rightMargin: 8
        spacing: 8

        AbstractButton {
            Layout.preferredWidth: 20
            Layout.fillHeight: true
            enabled: row.hasChildren
            focusPolicy: Qt.TabFocus
            Accessible.name: row.expanded ? qsTr("Collapse %1").arg(row.name)
                                          : qsTr("Expand %1").arg(row.name)
            onClicked: row.treeView.toggleExpanded(row.row)
            contentItem: Text {
                text: row.hasChildren ? (row.expanded ? "▾" : "▸") : ""
                color: parent.visualFocus ? Theme.text : Theme.textDim
                font.pixelSize: 16
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
            }
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 0
            Text {
                Layout.fillWidth: true
                text: row.name
                color: Theme.text
                font.pixelSize: 15
                font.weight: row.hasChildren ? Font.DemiBold : Font.Normal
                elide: Text.ElideRight
            }
            Text {
                text: qsTr("%n unit(s)", "", row.members)
                visible: !row.hasChildren
                color: Theme.textDim
                font.pixelSize: 11
            }
        }
        Rectangle {
            visible: row.talking
            radius: Theme.radius
            color: row.emergency ? Theme.emergency : Theme.talking
            implicitWidth: talkerText.implicitWidth + 16
            implicitHeight: 26
            Text {
                id: talkerText
                anchors.centerIn: parent
                text: (row.emergency ? "⚠ " : "● ") + row.talker + "  "
                      + row.clock(row.now - row.talkingSince)
                color: "white"
                font.pixelSize: 13
                font.weight: Font.DemiBold
            }
        }
        // The item the current spurt shows: a placeholder until it is here.
        Rectangle {
            objectName: "spurtMedia"
            visible: row.spurtMedia !== ""
            implicitWidth: 44
            implicitHeight: 34
            radius: 4
            color: Theme.background
            border.color: Theme.talking
            Image {
                anchors.fill: parent
                anchors.margins: 2
                source: row.spurtMediaUrl
                sourceSize.height: 64
                asynchronous: true // the media panel shows it large at once; the tile may follow
                fillMode: Image.PreserveAspectCrop
                clip: true
            }
            Text {
                anchors.centerIn: parent
                visible: row.spurtMediaUrl.toString() === ""
                text: "…"
                color: Theme.textDim
            }
        }
        Text {
            visible: row.queuePosition > 0
            text: qsTr("Queued #%1").arg(row.queuePosition)
            color: Theme.waiting
            font.pixelSize: 13
        }
        ToggleChip {
            objectName: "monitor"
            visible: !row.hasChildren
            checked: row.monitored
            text: qsTr("Monitor")
            onColor: "#2f6f4a"
            Accessible.name: qsTr("Monitor %1").arg(row.name)
            onToggled: row.groups.setMonitored(row.groupId, checked)
        }
        ToggleChip {
            visible: !row.hasChildren
            checked: row.selected
            text: qsTr("Headset")
            Accessible.name: qsTr("Talk and listen on %1 in the headset").arg(row.name)
            onToggled: row.groups.setSelected(row.groupId, checked)
        }
        ToggleChip {
            objectName: "mute"
            visible: !row.hasChildren
            enabled: row.monitored
            checked: row.muted
            text: qsTr("Mute")
            onColor: Theme.denied
            Accessible.name: qsTr("Mute %1").arg(row.name)
            onToggled: row.groups.setMuted(row.groupId, checked)
        }
        Button {
            objectName: "shelfButton"
            visible: !row.hasChildren
            text: "▤"
            flat: true
            implicitWidth: 36
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Media shared with %1").arg(row.name)
            focusPolicy: Qt.TabFocus
            Accessible.name: qsTr("Media shared with %1").arg(row.name)
            onClicked: row.controller.media.showShelf(row.groupId)
        }
        Button {
            objectName: "groupTalk"
            visible: !row.hasChildren
            text: qsTr("PTT")
            flat: true
            focusPolicy: Qt.TabFocus
            Accessible.name: qsTr("Talk on %1 only").arg(row.name)
            onPressed: row.controller.talk.pressOn("group:" + row.groupId)
            onReleased: row.controller.talk.release()
            onCanceled: row.controller.talk.release()
        }
        Button {
            visible: row.hasChildren
            text: qsTr("Broadcast")
            flat: true
            focusPolicy: Qt.TabFocus
            Accessible.name: qsTr("Broadcast to everyone in %1").arg(row.name)
            onClicked: row.controller.broadcast(row.groupId)
        }
        Slider {
            visible: !row.hasChildren
            Layout.preferredWidth: 90
            from: 0
            to: 1
            value: row.volume
            enabled: row.monitored && !row.muted
            focusPolicy: Qt.TabFocus
            Accessible.name: qsTr("Volume of %1").arg(row.name)
            onMoved: row.groups.setVolume(row.groupId, value)
        }
    }
}
