// SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Floorline.Core

// Audio settings: which microphone, headset and speaker, and a level meter to check the
// microphone before going on the air. Applying moves the running engine to the new devices.
Dialog {
    id: dialog
    /// Null when the application has no audio settings to offer (benchmarks).
    required property AudioSettings audio
    title: qsTr("Audio settings")
    modal: true
    standardButtons: Dialog.Apply | Dialog.Close
    width: Math.min(520, parent ? parent.width - 40 : 520)
    anchors.centerIn: parent
    // Popups live in the window's overlay, outside the console's items: set the theme here.
    Material.theme: Material.Dark
    Material.accent: Theme.selected
    // Our own frame: Material's uses a shader effect that software rendering cannot draw.
    background: Rectangle {
        color: Theme.panelRaised
        radius: Theme.radius
        border.color: Theme.line
    }
    onOpened: if (audio) { audio.refresh(); audio.metering = true }
    onClosed: if (audio) audio.metering = false
    onApplied: if (audio) audio.apply(input.chosen, headset.chosen, speaker.chosen, alert.chosen)

    component DevicePicker: ComboBox {
        id: picker
        property var devices: []
        property string current
        /// What the first entry ("" chosen) means.
        property string none: qsTr("System default")
        /// The chosen device name, "" for the system default.
        readonly property string chosen: currentIndex <= 0 ? "" : devices[currentIndex - 1]
        Layout.fillWidth: true
        model: [none].concat(devices)
        currentIndex: Math.max(0, devices.indexOf(current) + 1)
    }

    ColumnLayout {
        width: dialog.availableWidth // its implicit height sizes the dialog
        spacing: 10
        Label {
            visible: !(dialog.audio?.available ?? false)
            text: qsTr("The console runs without sound (no audio system, or --no-audio).")
            color: Theme.denied
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label { text: qsTr("Microphone") }
        DevicePicker {
            id: input
            objectName: "inputDevice"
            devices: (dialog.audio?.inputDevices ?? [])
            current: (dialog.audio?.input ?? "")
            Accessible.name: qsTr("Microphone device")
        }
        Label { text: qsTr("Headset (selected groups, tones)") }
        DevicePicker {
            id: headset
            objectName: "headsetDevice"
            devices: (dialog.audio?.outputDevices ?? [])
            current: (dialog.audio?.headset ?? "")
            Accessible.name: qsTr("Headset device")
        }
        Label { text: qsTr("Speaker (monitored groups); default: the headset") }
        DevicePicker {
            id: speaker
            objectName: "speakerDevice"
            devices: (dialog.audio?.outputDevices ?? [])
            current: (dialog.audio?.speaker ?? "")
            Accessible.name: qsTr("Speaker device")
        }
        Label { text: qsTr("Alarms (emergency tone), heard in the room") }
        DevicePicker {
            id: alert
            objectName: "alertDevice"
            none: qsTr("In the headset")
            devices: (dialog.audio?.outputDevices ?? [])
            current: (dialog.audio?.alert ?? "")
            Accessible.name: qsTr("Alarm device")
        }
        Label { text: qsTr("Microphone level: speak to test it") }
        Rectangle {
            objectName: "levelMeter"
            Layout.fillWidth: true
            implicitHeight: 14
            radius: 3
            color: Theme.panelRaised
            border.color: Theme.line
            Accessible.role: Accessible.ProgressBar
            Accessible.name: qsTr("Microphone level")
            Rectangle {
                width: parent.width * (dialog.audio?.level ?? 0)
                height: parent.height
                radius: 3
                color: (dialog.audio?.level ?? 0) > 0.9 ? Theme.denied
                     : (dialog.audio?.level ?? 0) > 0.7 ? Theme.waiting : Theme.talking
            }
        }
        Label {
            text: qsTr("For the lowest delay use 10 ms frames with devices set to 128-frame periods (about 2.7 ms at 48 kHz).")
            color: Theme.textDim
            font.pixelSize: 12
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            visible: (dialog.audio?.status ?? "") !== ""
            text: (dialog.audio?.status ?? "")
            color: Theme.denied
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
    }
}
