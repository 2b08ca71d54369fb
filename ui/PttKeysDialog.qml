// SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Floorline.Core

// Push-to-talk from outside the window: global keys (talk, emergency, one per group slot),
// and a pedal or headset button. The choices are this account's, kept for its next login.
Dialog {
    id: dialog
    required property PttInputs ptt
    title: qsTr("Push-to-talk keys and pedal")
    modal: true
    standardButtons: Dialog.Close
    width: Math.min(560, parent ? parent.width - 40 : 560)
    anchors.centerIn: parent
    Material.theme: Material.Dark
    Material.accent: Theme.selected
    background: Rectangle {
        color: Theme.panelRaised
        radius: Theme.radius
        border.color: Theme.line
    }
    onClosed: { ptt.cancelLearning(); ptt.setCapturing(false) }

    readonly property var groupKeyModes: ["off", "", "Ctrl", "Alt", "Shift"]

    ColumnLayout {
        width: dialog.availableWidth
        spacing: 8
        Label {
            objectName: "hotkeyStatus"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: dialog.ptt.hotkeyStatus
                  + (dialog.ptt.refusedKeys.length > 0 ? " (" + dialog.ptt.refusedKeys.join(", ") + ")" : "")
            color: dialog.ptt.hotkeysAvailable && dialog.ptt.refusedKeys.length === 0 ? Theme.textDim : Theme.denied
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.textDim
            text: qsTr("Click a key field, then press the key (with Ctrl, Alt, Shift or Super if you like). These keys work in every program.")
        }
        Label { text: qsTr("Talk on the selected groups") }
        KeyCapture {
            id: talkKey
            objectName: "talkKey"
            Layout.fillWidth: true
            label: qsTr("Talk key")
            key: dialog.ptt.talkKey
            accept: (text) => dialog.ptt.setTalkKey(text)
            chordText: (k, m) => dialog.ptt.chordText(k, m)
            onCapturing: (on) => dialog.ptt.setCapturing(on)
        }
        Label { text: qsTr("Emergency call on the selected groups") }
        KeyCapture {
            id: emergencyKey
            objectName: "emergencyKey"
            Layout.fillWidth: true
            label: qsTr("Emergency key")
            key: dialog.ptt.emergencyKey
            accept: (text) => dialog.ptt.setEmergencyKey(text)
            chordText: (k, m) => dialog.ptt.chordText(k, m)
            onCapturing: (on) => dialog.ptt.setCapturing(on)
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("Group keys: F1 talks on the first group of the list, F2 on the second, … up to F12")
        }
        ComboBox {
            id: groupKeys
            objectName: "groupKeys"
            Layout.fillWidth: true
            focusPolicy: Qt.StrongFocus
            property string error
            model: [qsTr("Off"), "F1–F12", "Ctrl+F1–F12", "Alt+F1–F12", "Shift+F1–F12"]
            currentIndex: Math.max(0, dialog.groupKeyModes.indexOf(dialog.ptt.groupKeys))
            Accessible.name: qsTr("Group keys")
            onActivated: (index) => {
                error = dialog.ptt.setGroupKeys(dialog.groupKeyModes[index])
                currentIndex = Math.max(0, dialog.groupKeyModes.indexOf(dialog.ptt.groupKeys))
            }
        }
        Label {
            objectName: "groupKeysError"
            Layout.fillWidth: true
            visible: groupKeys.error !== ""
            text: groupKeys.error
            wrapMode: Text.Wrap
            color: Theme.denied
        }
        MenuSeparator { Layout.fillWidth: true }
        Label { text: qsTr("Pedal or headset button") }
        RowLayout {
            Layout.fillWidth: true
            ComboBox {
                id: pedal
                objectName: "pedalDevice"
                Layout.fillWidth: true
                enabled: dialog.ptt.pedalAvailable
                focusPolicy: Qt.StrongFocus
                model: [qsTr("None")].concat(dialog.ptt.pedalDevices)
                currentIndex: Math.max(0, dialog.ptt.pedalDevices.indexOf(dialog.ptt.pedal) + 1)
                Accessible.name: qsTr("Pedal device")
                onActivated: (index) => dialog.ptt.setPedal(index <= 0 ? "" : dialog.ptt.pedalDevices[index - 1])
            }
            Button {
                objectName: "learnPedal"
                text: dialog.ptt.learning ? qsTr("Cancel") : qsTr("Press to choose…")
                enabled: dialog.ptt.pedalAvailable
                focusPolicy: Qt.TabFocus
                Accessible.name: qsTr("Choose the pedal by pressing it")
                onClicked: dialog.ptt.learning ? dialog.ptt.cancelLearning() : dialog.ptt.learnPedal()
            }
        }
        Label {
            objectName: "pedalStatus"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.textDim
            text: dialog.ptt.pedalStatus
        }
    }
}
