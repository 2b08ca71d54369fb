// SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Floorline.Core

// One item on a group's shelf: a thumbnail (or a placeholder while it is fetched), upload
// progress, who shared it and how far it got. Click arms it for the next talk spurt (click
// again to disarm); drag it onto the push-to-talk button to do the same.
Rectangle {
    id: item
    required property MediaLibrary media
    required property string key
    required property string name
    required property string kind
    required property string from
    required property url url
    required property string availability
    required property real progress
    required property string link
    required property string problem
    required property string delivery
    required property bool armed
    required property string mediaId

    width: 128
    radius: Theme.radius
    color: armed ? Qt.darker(Theme.selected, 1.6) : Theme.panelRaised
    border.color: armed ? Theme.selected : Theme.line
    border.width: armed ? 2 : 1
    objectName: "shelfItem-" + name
    Accessible.role: Accessible.Button
    Accessible.name: armed ? qsTr("%1, goes with your next talk").arg(name)
                           : qsTr("%1 from %2").arg(name).arg(from)
    Accessible.description: qsTr("Click to show it with your next talk; drag it onto a unit to send it")

    Drag.active: dragger.active
    Drag.keys: ["floorline/media"]
    Drag.hotSpot.x: width / 2
    Drag.hotSpot.y: height / 2
    property string dragMedia: mediaId // what the PTT button's drop area reads

    DragHandler {
        id: dragger
        enabled: item.mediaId !== ""
        onActiveChanged: if (!active) { item.Drag.drop(); item.x = 0; item.y = 0 }
    }
    TapHandler {
        onTapped: {
            item.media.open(item.key)
            if (item.mediaId !== "")
                item.media.arm(item.armed ? "" : item.mediaId)
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 4
        spacing: 2
        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Image {
                anchors.fill: parent
                visible: item.kind === "image" && item.availability === "ready"
                source: visible ? item.url : ""
                sourceSize.width: 256
                fillMode: Image.PreserveAspectCrop
                clip: true
            }
            Text {
                anchors.centerIn: parent
                visible: item.kind !== "image" || item.availability !== "ready"
                text: item.availability === "loading" ? "…"
                    : item.kind === "video" ? "▶" : item.kind === "link" ? "🔗" : "□"
                color: Theme.textDim
                font.pixelSize: 24
            }
        }
        ProgressBar {
            objectName: "uploadProgress"
            Layout.fillWidth: true
            visible: item.availability === "uploading" || item.availability === "loading"
            value: item.progress
        }
        Text {
            Layout.fillWidth: true
            text: item.name
            color: Theme.text
            font.pixelSize: 11
            elide: Text.ElideMiddle
        }
        Text {
            objectName: "toDisplays"
            Layout.fillWidth: true
            visible: item.availability === "ready"
            text: qsTr("Show on my displays")
            color: Theme.selected
            font.pixelSize: 10
            font.underline: true
            elide: Text.ElideRight
            Accessible.role: Accessible.Link
            Accessible.name: qsTr("Show %1 on my displays").arg(item.name)
            TapHandler { onTapped: item.media.sendTo(item.key, "", "") }
        }
        Text {
            Layout.fillWidth: true
            text: item.problem !== "" ? item.problem
                : item.availability === "uploading" ? qsTr("Uploading %1%").arg(Math.round(item.progress * 100))
                : item.delivery !== "" ? item.delivery : item.from
            color: item.problem !== "" ? Theme.denied : Theme.textDim
            font.pixelSize: 10
            elide: Text.ElideRight
        }
    }
}
