// SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Floorline.Core

// Pair a device with this console: a QR code of a one-time pairing URI (docs/protocol.md
// §10.10). A device that scans it before it expires is bound to the console, and what it pushes
// to its bound console shows here.
Dialog {
    id: dialog
    required property ConsoleController controller
    readonly property Pairing pairing: controller.pairing
    property double now: Date.now()
    title: qsTr("Pair a device")
    modal: false
    standardButtons: Dialog.Close
    width: 420
    anchors.centerIn: parent
    Material.theme: Material.Dark
    Material.accent: Theme.selected
    background: Rectangle {
        color: Theme.panelRaised
        radius: Theme.radius
        // Not modal (the console stays live behind it), so the frame sets it apart.
        border.color: Theme.selected
        border.width: 2
    }
    onOpened: pairing.start()

    Timer {
        interval: 1000
        repeat: true
        running: dialog.visible
        // A code that ran out is replaced: the dialog always shows one that works.
        onTriggered: {
            dialog.now = Date.now()
            if (dialog.pairing.uri !== "" && dialog.pairing.expires < dialog.now)
                dialog.pairing.start()
        }
    }

    ColumnLayout {
        width: parent.width
        spacing: 10
        Image {
            objectName: "pairingQr"
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: 280
            Layout.preferredHeight: 280
            visible: dialog.pairing.uri !== ""
            source: visible ? "image://qr/" + encodeURIComponent(dialog.pairing.uri) : ""
            smooth: false // crisp modules scan best
            cache: false
            Accessible.role: Accessible.Graphic
            Accessible.name: qsTr("Pairing code")
        }
        Label {
            Layout.fillWidth: true
            // After a pairing the spent code is gone: "Paired" below says it all.
            visible: dialog.pairing.error !== "" || dialog.pairing.uri !== ""
                     || dialog.pairing.devices.length === 0
            text: dialog.pairing.error !== "" ? dialog.pairing.error
                : dialog.pairing.uri === "" ? qsTr("Asking the server for a code…")
                : qsTr("Scan with the device within %1 s. The code works once.")
                      .arg(Math.max(0, Math.round((dialog.pairing.expires - dialog.now) / 1000)))
            color: dialog.pairing.error !== "" ? Theme.denied : Theme.textDim
            wrapMode: Text.Wrap
        }
        Label {
            objectName: "pairingWarning"
            Layout.fillWidth: true
            visible: text !== "" && dialog.pairing.uri !== ""
            text: dialog.pairing.warning
            color: Theme.denied
            wrapMode: Text.Wrap
        }
        Label {
            objectName: "pairedDevices"
            Layout.fillWidth: true
            visible: dialog.pairing.devices.length > 0
            text: qsTr("Paired: %1").arg(dialog.pairing.devices.join(", "))
            color: Theme.talking
            wrapMode: Text.Wrap
        }
        Button {
            Layout.alignment: Qt.AlignHCenter
            visible: dialog.pairing.uri === "" && dialog.pairing.devices.length > 0
            text: qsTr("Pair another device")
            onClicked: dialog.pairing.start()
        }
    }
}
