// SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Floorline.Core

// Media: while a talk spurt shows an item, that item, large, for exactly as long as the spurt
// lasts; otherwise the shelf of the group last opened (what was shared with it), where files
// are shared and an item is armed to go with the dispatcher's next spurt.
Item {
    id: panel
    required property ConsoleController controller
    readonly property MediaLibrary media: controller.media
    readonly property var live: controller.floors.onAir.length ? controller.floors.onAir[0] : null
    // The group's name, as the dispatcher knows it (the shelf is keyed by its id).
    readonly property string shelfName: media.shelf.group === "" ? ""
        : controller.groups.nameOf(media.shelf.group)

    // Where a file dropped anywhere on the panel goes: the shelf shown.
    DropArea {
        anchors.fill: parent
        keys: ["text/uri-list"]
        enabled: panel.media.shelf.group !== ""
        onDropped: (drop) => {
            for (const url of Theme.droppedFiles(drop))
                panel.media.share(url, panel.media.shelf.group)
            drop.accept(Qt.CopyAction)
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 6
        visible: panel.live === null
        RowLayout {
            Layout.fillWidth: true
            Text {
                Layout.fillWidth: true
                text: panel.media.shelf.group === "" ? qsTr("Media")
                    : panel.shelfName
                color: Theme.textDim
                font.pixelSize: 13
                font.weight: Font.DemiBold
                elide: Text.ElideRight
            }
            Button {
                objectName: "shareFile"
                text: qsTr("Share file…")
                flat: true
                enabled: panel.media.shelf.group !== ""
                focusPolicy: Qt.TabFocus
                Accessible.name: qsTr("Share a file with %1").arg(panel.shelfName)
                onClicked: fileDialog.open()
            }
        }
        ListView {
            id: shelf
            objectName: "shelf"
            Layout.fillWidth: true
            Layout.fillHeight: true
            orientation: ListView.Horizontal
            spacing: 8
            clip: true
            model: panel.media.shelf
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Media shelf")
            delegate: ShelfItem {
                media: panel.media
                height: ListView.view.height
            }
            Text {
                anchors.centerIn: parent
                width: parent.width - 20
                visible: shelf.count === 0
                text: panel.media.shelf.group === ""
                      ? qsTr("Drop a file on a group to share it; its shelf opens here")
                      : qsTr("Nothing shared yet. Drop a file here or on the group")
                color: Theme.textDim
                font.pixelSize: 12
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
            }
        }
        Text {
            objectName: "lastSent"
            Layout.fillWidth: true
            visible: panel.media.sent.length > 0
            readonly property var last: panel.media.sent.length ? panel.media.sent[0] : null
            text: last ? qsTr("%1 → %2: %3").arg(last.name).arg(last.to)
                             .arg(last.state === "opened" ? qsTr("opened")
                                  : last.state === "delivered" ? qsTr("delivered")
                                  : last.state === "queued" ? qsTr("queued") : qsTr("sending"))
                       : ""
            color: last && last.state === "opened" ? Theme.talking : Theme.textDim
            font.pixelSize: 12
            elide: Text.ElideMiddle
        }
        Text {
            objectName: "mediaNotice"
            Layout.fillWidth: true
            visible: text !== ""
            text: panel.media.notice
            color: Theme.denied
            font.pixelSize: 12
            elide: Text.ElideRight
        }
    }

    // An item opened again from the activity log, until closed.
    Rectangle {
        id: viewed
        objectName: "viewedMedia"
        readonly property var item: panel.media.viewing
        anchors.fill: parent
        visible: item.media !== undefined
        color: Theme.background
        radius: Theme.radius
        border.color: Theme.line
        Image {
            anchors.fill: parent
            anchors.margins: 6
            anchors.bottomMargin: 30
            fillMode: Image.PreserveAspectFit
            source: viewed.visible && viewed.item.kind === "image"
                    && viewed.item.url.toString() !== "" ? "image://media/" + viewed.item.media : ""
        }
        BusyIndicator {
            anchors.centerIn: parent
            running: viewed.visible && viewed.item.url.toString() === ""
        }
        Text {
            anchors.left: parent.left
            anchors.right: closeViewed.left
            anchors.bottom: parent.bottom
            anchors.margins: 8
            text: viewed.visible ? viewed.item.caption : ""
            color: Theme.textDim
            font.pixelSize: 12
            elide: Text.ElideRight
        }
        Button {
            id: closeViewed
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            text: qsTr("Close")
            flat: true
            focusPolicy: Qt.TabFocus
            onClicked: panel.media.closeView()
        }
    }

    // The item of the spurt on the air now: over everything else here.
    Rectangle {
        objectName: "onAirMedia"
        anchors.fill: parent
        z: 2
        visible: panel.live !== null
        color: Theme.background
        radius: Theme.radius
        border.color: Theme.talking
        border.width: 2
        Accessible.role: Accessible.Graphic
        Accessible.name: panel.live ? qsTr("%1 shows %2").arg(panel.live.talker).arg(panel.live.name)
                                    : ""
        Image {
            id: picture
            objectName: "onAirPicture"
            anchors.fill: parent
            anchors.margins: 6
            anchors.bottomMargin: 28
            fillMode: Image.PreserveAspectFit
            asynchronous: false // the picture goes with the words: show it in this frame
            // Decoded ahead by the media image provider, so this frame only copies it.
            source: panel.live && panel.live.kind === "image" && panel.live.url.toString() !== ""
                    ? "image://media/" + panel.live.media : ""
        }
        Column {
            objectName: "onAirPlaceholder"
            anchors.centerIn: parent
            visible: panel.live !== null && (panel.live.url.toString() === ""
                                             || picture.status === Image.Loading)
            spacing: 6
            BusyIndicator {
                anchors.horizontalCenter: parent.horizontalCenter
                running: parent.visible
            }
            Text {
                text: qsTr("Fetching %1…").arg(panel.live ? panel.live.name : "")
                color: Theme.textDim
                font.pixelSize: 12
            }
        }
        Text {
            anchors.centerIn: parent
            visible: panel.live !== null && panel.live.kind !== "image"
                     && panel.live.url.toString() !== ""
            text: qsTr("%1 (open from the shelf)").arg(panel.live ? panel.live.name : "")
            color: Theme.text
        }
        Text {
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            anchors.margins: 6
            text: !panel.live ? ""
                : panel.live.name === "" ? qsTr("● %1 on %2").arg(panel.live.talker).arg(panel.live.where)
                : qsTr("● %1 on %2 — %3").arg(panel.live.talker).arg(panel.live.where)
                      .arg(panel.live.name)
            color: Theme.talking
            font.pixelSize: 13
            font.weight: Font.DemiBold
            elide: Text.ElideRight
        }
    }

    // A push to this console covers the panel until looked at.
    IncomingMedia {
        anchors.fill: parent
        z: 1
        media: panel.media
    }

    FileDialog {
        id: fileDialog
        title: qsTr("Share a file with %1").arg(panel.shelfName)
        currentFolder: panel.media.pickFolder
        nameFilters: [qsTr("Pictures and videos (*.jpg *.jpeg *.png *.gif *.webp *.mp4 *.webm)")]
        onAccepted: panel.media.share(selectedFile, panel.media.shelf.group)
    }
}
