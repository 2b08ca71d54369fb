// SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Floorline.Core

// Per-stream receive statistics, on demand: for each talker heard, packets received and lost,
// frames concealed, jitter and playout delay; and whether voice is encrypted, with what the
// receiver refused. Refreshed every second while open.
Dialog {
    id: dialog
    required property ConsoleController controller
    property var rows: []
    property var transport: ({})
    title: qsTr("Voice statistics")
    modal: false
    standardButtons: Dialog.Close
    width: Math.min(760, parent ? parent.width - 40 : 760)
    height: Math.min(480, parent ? parent.height - 40 : 480)
    anchors.centerIn: parent
    // Popups live in the window's overlay, outside the console's items: set the theme here.
    Material.theme: Material.Dark
    Material.accent: Theme.selected
    // Our own frame: Material's uses a shader effect that software rendering cannot draw.
    background: Rectangle {
        color: Theme.panelRaised
        radius: Theme.radius
        // Not modal (the console stays live behind it), so the frame sets it apart.
        border.color: Theme.selected
        border.width: 2
    }
    onOpened: refresh()

    function refresh() {
        rows = controller.floors.streamStats()
        transport = controller.floors.voiceTransport()
    }

    Timer {
        interval: 1000
        repeat: true
        running: dialog.visible
        onTriggered: dialog.refresh()
    }

    ColumnLayout {
        anchors.fill: parent
        Label {
            objectName: "voiceTransport"
            visible: dialog.transport.connected === true
            // Plain RTP is an operator's choice for interop tests: a dispatcher must see that
            // anyone on the network path can listen (docs/security.md).
            text: dialog.transport.secure
                  ? qsTr("Voice is encrypted (SRTP, AES-128-GCM). Refused: %1 packets that did not verify, %2 replayed.")
                    .arg(dialog.transport.refused).arg(dialog.transport.replayed)
                  : qsTr("Voice is NOT encrypted: this server sends plain RTP, so anyone on the network path can listen.")
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: dialog.transport.secure ? Theme.textDim : Theme.emergency
            font.bold: !dialog.transport.secure
            bottomPadding: 6
        }
        Label {
            visible: dialog.rows.length === 0
            // Without sound devices nothing is decoded: say why the list stays empty.
            text: !dialog.controller.audio || !dialog.controller.audio.available
                  ? qsTr("Sound is off (no sound device, or started with --no-audio): no voice is played, so there are no statistics.")
                  : qsTr("No voice received yet.")
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.textDim
        }
        ListView {
            id: list
            objectName: "statsList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: dialog.rows
            Accessible.role: Accessible.Table
            Accessible.name: qsTr("Voice statistics per talker")
            header: Label {
                text: qsTr("Talker · where · received · lost · concealed · jitter · delay")
                color: Theme.textDim
                font.pixelSize: 12
                bottomPadding: 6
            }
            delegate: Label {
                required property var modelData
                width: ListView.view.width
                text: qsTr("%1 · %2 · %3 · %4 · %5 · %6 ms · %7 ms")
                      .arg((modelData.live ? "● " : "") + modelData.talker)
                      .arg(modelData.session)
                      .arg(modelData.received).arg(modelData.lost).arg(modelData.concealed)
                      .arg(modelData.jitterMs.toFixed(1)).arg(modelData.delayMs)
                color: modelData.live ? Theme.talking : Theme.text
                font.pixelSize: 13
                elide: Text.ElideRight
            }
        }
    }
}
