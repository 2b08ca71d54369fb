// SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Layouts
import Floorline.Core

// `floorline --as-display`: a second screen bound to the dispatcher's account (a wall display, a
// tablet). It shows what the console sends to its displays, one item at a time, and nothing
// of the talk groups.
Rectangle {
    id: view
    required property ConsoleController controller
    color: Theme.background

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.gap
        spacing: Theme.gap
        Text {
            Layout.fillWidth: true
            text: qsTr("Display of %1 · %2").arg(view.controller.connection.user)
                  .arg(view.controller.connection.link === Console.Online ? qsTr("Online") : qsTr("Offline"))
            color: Theme.textDim
            font.pixelSize: 14
        }
        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Text {
                anchors.centerIn: parent
                visible: view.controller.media.incomingCount === 0
                text: qsTr("Waiting for what the console sends to its displays")
                color: Theme.textDim
                font.pixelSize: 18
            }
            IncomingMedia {
                anchors.fill: parent
                media: view.controller.media
            }
        }
    }
    LoginView {
        anchors.fill: parent
        controller: view.controller
    }
}
