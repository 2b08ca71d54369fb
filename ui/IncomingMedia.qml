// SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtMultimedia
import Floorline.Core

// What was pushed to this console itself (a paired camera's clip, a unit's photo): shown until
// the dispatcher has looked at it, which tells the sender it was opened. Videos play (Qt
// Multimedia), muted: the console's audio belongs to the talk groups.
Rectangle {
    id: view
    required property MediaLibrary media
    readonly property var item: media.incoming
    readonly property bool hasItem: item.key !== undefined
    readonly property bool here: hasItem && item.url.toString() !== ""
    visible: hasItem
    color: Theme.background
    radius: Theme.radius
    border.color: Theme.selected
    border.width: 2
    objectName: "incomingMedia"
    Accessible.role: Accessible.Graphic
    Accessible.name: hasItem ? qsTr("%1 sent %2").arg(item.from).arg(item.name) : ""

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 8
        spacing: 6
        Text {
            Layout.fillWidth: true
            text: view.hasItem ? qsTr("%1 sent %2").arg(view.item.from).arg(view.item.name) : ""
            color: Theme.text
            font.pixelSize: 14
            font.weight: Font.DemiBold
            elide: Text.ElideRight
        }
        // What the sender wrote with it ("North entrance"): often what the picture is for.
        Text {
            objectName: "incomingNote"
            Layout.fillWidth: true
            visible: text !== ""
            text: view.hasItem && view.item.note ? view.item.note : ""
            color: Theme.text
            font.pixelSize: 14
            wrapMode: Text.Wrap
            maximumLineCount: 3
            elide: Text.ElideRight
        }
        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Image {
                anchors.fill: parent
                visible: view.here && view.item.kind === "image"
                source: visible ? view.item.url : ""
                fillMode: Image.PreserveAspectFit
            }
            VideoOutput {
                id: output
                objectName: "incomingVideo"
                anchors.fill: parent
                visible: view.here && view.item.kind === "video"
            }
            MediaPlayer {
                id: player
                objectName: "incomingPlayer"
                videoOutput: output
                source: view.here && view.item.kind === "video" ? view.item.url : ""
                loops: MediaPlayer.Infinite
                onSourceChanged: if (player.source.toString() !== "") player.play()
            }
            Text {
                anchors.centerIn: parent
                visible: view.hasItem && view.item.kind === "link"
                text: view.hasItem ? view.item.link : ""
                color: Theme.selected
                font.pixelSize: 14
                wrapMode: Text.WrapAnywhere
                width: parent.width - 20
                horizontalAlignment: Text.AlignHCenter
            }
            BusyIndicator {
                anchors.centerIn: parent
                running: view.hasItem && view.item.kind !== "link" && !view.here
            }
        }
        RowLayout {
            Layout.fillWidth: true
            Text {
                Layout.fillWidth: true
                text: view.media.incomingCount > 1
                      ? qsTr("%n more waiting", "", view.media.incomingCount - 1) : ""
                color: Theme.textDim
                font.pixelSize: 12
            }
            Button {
                objectName: "dismissIncoming"
                text: qsTr("Seen")
                focusPolicy: Qt.TabFocus
                Accessible.name: qsTr("Mark %1 as seen").arg(view.hasItem ? view.item.name : "")
                onClicked: {
                    player.stop()
                    view.media.dismissIncoming()
                }
            }
        }
    }
}
