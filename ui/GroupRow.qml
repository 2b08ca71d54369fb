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
    required property bool alarm
    required property int queuePosition
    required property string spurtMedia
    required property url spurtMediaUrl
    property GroupTreeModel groups
    property ConsoleController controller
    property DragGhost ghost
    property var confirmBroadcast
    property double now
    /// The global key that talks on this group only ("F1"), empty when none.
    readonly property string slotKey: controller?.pushToTalk.slotKeys[groupId] ?? ""

    readonly property bool talking: talker !== ""
    /// A narrow tree (the 1024 px minimum): tighter controls, no thumbnail on the tile (the
    /// media panel shows the picture large anyway).
    readonly property bool compact: width < 640
    implicitWidth: Math.max(1, treeView.width) // the view lays out before it has a width
    implicitHeight: hasChildren ? 40 : 50
    color: emergency ? Qt.darker(Theme.emergency, 2.2)
         : talking ? Qt.darker(Theme.talking, 3.2)
         : (row % 2 ? Theme.panel : Theme.panelRaised)
    // An open emergency keeps the group marked until it is cleared.
    border.color: alarm ? Theme.emergency : selected ? Theme.selected : "transparent"
    border.width: alarm ? 3 : selected ? 2 : 0
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
        anchors.leftMargin: 6 + row.depth * 14
        anchors.rightMargin: 6
        spacing: row.compact ? 4 : 8

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
        // Name, then who talks (or how many units): what appears during a spurt takes the
        // second line and the picture slot, so the controls to the right never move.
        ColumnLayout {
            Layout.fillWidth: true
            Layout.minimumWidth: 90
            spacing: 1
            // The name has the whole first line: a queue position coming up must not cut it.
            // Its global key (F1–F12, when the settings give groups keys) stands before it.
            RowLayout {
                Layout.fillWidth: true
                spacing: 6
                Rectangle {
                    objectName: "slotKey"
                    visible: row.slotKey !== ""
                    implicitWidth: slotKeyText.implicitWidth + 8
                    implicitHeight: slotKeyText.implicitHeight + 2
                    radius: 3
                    color: "transparent"
                    border.color: Theme.textDim
                    Accessible.name: qsTr("Global key %1 talks on %2").arg(row.slotKey).arg(row.name)
                    Text {
                        id: slotKeyText
                        anchors.centerIn: parent
                        text: row.slotKey
                        color: Theme.textDim
                        font.pixelSize: 11
                    }
                }
                Text {
                    Layout.fillWidth: true
                    text: row.name
                    color: Theme.text
                    font.pixelSize: 15
                    font.weight: row.hasChildren ? Font.DemiBold : Font.Normal
                    elide: Text.ElideRight
                }
            }
            Item {
                visible: !row.hasChildren
                Layout.fillWidth: true
                implicitHeight: 20
                Text {
                    id: queued
                    objectName: "queued"
                    anchors.right: parent.right
                    anchors.verticalCenter: parent.verticalCenter
                    visible: row.queuePosition > 0
                    text: qsTr("Queued #%1").arg(row.queuePosition)
                    color: Theme.waiting
                    font.pixelSize: 12
                    font.weight: Font.DemiBold
                }
                Text {
                    anchors.verticalCenter: parent.verticalCenter
                    visible: !row.talking
                    text: qsTr("%n unit(s)", "", row.members)
                    color: Theme.textDim
                    font.pixelSize: 11
                }
                Rectangle {
                    objectName: "talker"
                    visible: row.talking
                    radius: 10
                    color: row.emergency ? Theme.emergency : Theme.talking
                    width: Math.min(parent.width - (queued.visible ? queued.width + 6 : 0),
                                    talkerText.implicitWidth + 14)
                    height: 20
                    Text {
                        id: talkerText
                        anchors.fill: parent
                        anchors.leftMargin: 7
                        anchors.rightMargin: 7
                        verticalAlignment: Text.AlignVCenter
                        text: (row.emergency ? "⚠ " : "● ") + row.talker + "  "
                              + row.clock(row.now - row.talkingSince)
                        color: "white"
                        font.pixelSize: 12
                        font.weight: Font.DemiBold
                        elide: Text.ElideMiddle
                    }
                }
            }
        }
        // The item the current spurt shows: a placeholder until it is here. Its slot is kept
        // on every talk group, so a picture arriving does not push the controls.
        Item {
            visible: !row.hasChildren && !row.compact
            implicitWidth: 44
            implicitHeight: 34
            Rectangle {
                objectName: "spurtMedia"
                anchors.fill: parent
                visible: row.spurtMedia !== ""
                radius: 4
                color: Theme.background
                border.color: Theme.talking
                Image {
                    anchors.fill: parent
                    anchors.margins: 2
                    source: row.spurtMediaUrl
                    sourceSize.height: 64
                    asynchronous: true // the media panel shows it large at once; the tile follows
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
        }
        ToggleChip {
            compact: row.compact
            objectName: "monitor"
            visible: !row.hasChildren
            checked: row.monitored
            text: qsTr("Monitor")
            onColor: "#2f6f4a"
            Accessible.name: qsTr("Monitor %1").arg(row.name)
            onToggled: row.groups.setMonitored(row.groupId, checked)
        }
        ToggleChip {
            compact: row.compact
            visible: !row.hasChildren
            checked: row.selected
            text: qsTr("Headset")
            Accessible.name: qsTr("Talk and listen on %1 in the headset").arg(row.name)
            onToggled: row.groups.setSelected(row.groupId, checked)
        }
        ToggleChip {
            compact: row.compact
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
            implicitWidth: row.compact ? 28 : 36
            leftPadding: 2
            rightPadding: 2
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
            implicitWidth: row.compact ? 44 : implicitContentWidth + leftPadding + rightPadding
            leftPadding: row.compact ? 4 : 8
            rightPadding: row.compact ? 4 : 8
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
            onClicked: row.confirmBroadcast.ask(row.groupId)
        }
        Slider {
            visible: !row.hasChildren
            Layout.preferredWidth: row.compact ? 56 : 90
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
