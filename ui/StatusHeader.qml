// SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Floorline.Core

// Product name, statistics and audio settings, who is logged in, and the link to the server
// (with a reconnect indicator).
Rectangle {
    id: header
    required property ConsoleController controller
    /// The supervisor's overview is shown instead of the console's panels.
    property bool overviewShown: false
    signal overviewToggled()
    color: Theme.panel
    implicitHeight: 48

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 16
        anchors.rightMargin: 16
        spacing: 12
        Text {
            text: "Floorline"
            color: Theme.text
            font.pixelSize: 20
            font.weight: Font.DemiBold
        }
        Text {
            text: header.controller.supervision.available ? qsTr("Supervisor console")
                                                          : qsTr("Dispatch console")
            color: Theme.textDim
            font.pixelSize: 14
        }
        // A supervisor switches between the overview of the server and its own console.
        TabBar {
            objectName: "viewSwitch"
            visible: header.controller.supervision.available
            currentIndex: header.overviewShown ? 0 : 1
            Layout.preferredHeight: 36
            background: null
            TabButton {
                objectName: "showOverview"
                text: qsTr("Overview")
                width: implicitWidth
                focusPolicy: Qt.TabFocus
                onClicked: if (!header.overviewShown) header.overviewToggled()
            }
            TabButton {
                objectName: "showConsole"
                text: qsTr("Console")
                width: implicitWidth
                focusPolicy: Qt.TabFocus
                onClicked: if (header.overviewShown) header.overviewToggled()
            }
        }
        Text {
            objectName: "linkError"
            Layout.fillWidth: true
            visible: header.controller.connection.link !== Console.Online
            text: header.controller.connection.lastError !== "" ? header.controller.connection.lastError
                : header.controller.connection.link === Console.Reconnecting
                  ? qsTr("Connection lost: talkers and calls shown as last known")
                  : ""
            color: Theme.denied
            font.pixelSize: 13
            elide: Text.ElideRight
            horizontalAlignment: Text.AlignRight
        }
        Item { Layout.fillWidth: true; visible: header.controller.connection.link === Console.Online }
        ToolButton {
            objectName: "openPairing"
            text: qsTr("Pair device")
            focusPolicy: Qt.TabFocus
            enabled: header.controller.connection.link === Console.Online
            Accessible.name: qsTr("Pair a device with this console")
            onClicked: pairingDialog.open()
        }
        ToolButton {
            objectName: "openStats"
            text: qsTr("Statistics")
            focusPolicy: Qt.TabFocus
            Accessible.name: qsTr("Voice statistics per talker")
            onClicked: stats.open()
        }
        ToolButton {
            objectName: "openPttKeys"
            text: qsTr("Keys")
            focusPolicy: Qt.TabFocus
            visible: !header.controller.display
            Accessible.name: qsTr("Push-to-talk keys and pedal")
            onClicked: pttKeysDialog.open()
        }
        ToolButton {
            objectName: "openAudio"
            text: qsTr("Audio")
            focusPolicy: Qt.TabFocus
            enabled: header.controller.audio !== null
            Accessible.name: qsTr("Audio settings")
            onClicked: audioDialog.open()
        }
        Rectangle {
            id: dot
            width: 12
            height: 12
            radius: 6
            color: header.controller.connection.link === Console.Online ? Theme.talking
                 : header.controller.connection.link === Console.Offline ? Theme.denied : Theme.waiting
            SequentialAnimation on opacity {
                running: header.controller.connection.link === Console.Reconnecting
                         || header.controller.connection.link === Console.Connecting
                loops: Animation.Infinite
                NumberAnimation { to: 0.3; duration: 400 }
                NumberAnimation { to: 1.0; duration: 400 }
            }
        }
        Text {
            objectName: "connectionState"
            Accessible.name: qsTr("Connection state")
            // The server's identity is one hover away: what the dispatcher compares when asked.
            Accessible.description: stateHover.text
            HoverHandler { id: stateHover
                readonly property string text: header.controller.connection.certificate !== ""
                    ? qsTr("Encrypted (TLS). Server certificate SHA-256: %1").arg(header.controller.connection.certificate)
                    : header.controller.connection.link === Console.Online ? qsTr("Not encrypted (this machine only)") : ""
            }
            ToolTip.visible: stateHover.hovered && stateHover.text !== ""
            ToolTip.text: stateHover.text
            text: header.controller.connection.link === Console.Online ? qsTr("Online")
                : header.controller.connection.link === Console.Connecting ? qsTr("Connecting…")
                : header.controller.connection.link === Console.Reconnecting ? qsTr("Reconnecting…")
                : qsTr("Offline")
            color: Theme.text
            font.pixelSize: 14
        }
        Text {
            text: header.controller.connection.user
            color: Theme.textDim
            font.pixelSize: 14
        }
        ToolButton {
            objectName: "logout"
            visible: header.controller.connection.link !== Console.Offline
            text: qsTr("Log out")
            focusPolicy: Qt.TabFocus
            Accessible.name: qsTr("Log out")
            onClicked: header.controller.logout()
        }
    }

    StatsDialog {
        id: stats
        parent: Overlay.overlay
        controller: header.controller
    }
    PairingDialog {
        id: pairingDialog
        objectName: "pairingDialog"
        parent: Overlay.overlay
        controller: header.controller
    }
    PttKeysDialog {
        id: pttKeysDialog
        objectName: "pttKeysDialog"
        parent: Overlay.overlay
        ptt: header.controller.pushToTalk
    }
    AudioDialog {
        id: audioDialog
        parent: Overlay.overlay
        audio: header.controller.audio
    }
}
