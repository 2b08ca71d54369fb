// SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A key chosen by pressing it: click, press the key (with Ctrl, Alt, Shift or Super), done.
// Escape leaves it as it was, Delete or Backspace clears it. `accept` is asked whether the key
// can be used and answers why not (empty: taken).
ColumnLayout {
    id: capture
    property string key
    property string label
    /// function(text) → error text, "" when the key was taken
    property var accept
    /// Turns a Qt key event into the key's text ("" when it cannot be a global key).
    property var chordText
    property string error
    /// Waiting for a key: no key may be global meanwhile (pressing the talk key here sets it).
    signal capturing(bool on)
    spacing: 2

    RowLayout {
    Layout.fillWidth: true
    spacing: 8
    Button {
        id: button
        objectName: capture.objectName + "Button"
        Layout.fillWidth: true
        checkable: true
        font.capitalization: Font.MixedCase // a key's name as it is printed: "ScrollLock", "F1"
        focusPolicy: Qt.StrongFocus
        text: checked ? qsTr("Press the key…") : (capture.key !== "" ? capture.key : qsTr("None"))
        Accessible.name: qsTr("%1: %2").arg(capture.label).arg(text)
        onCheckedChanged: {
            capture.capturing(checked)
            if (checked) { capture.error = ""; forceActiveFocus() }
        }
        onActiveFocusChanged: if (!activeFocus) checked = false
        Keys.onPressed: (event) => {
            if (!checked)
                return
            event.accepted = true
            if (event.key === Qt.Key_Escape) {
                checked = false
                return
            }
            if (event.key === Qt.Key_Delete || event.key === Qt.Key_Backspace) {
                capture.error = capture.accept("")
                checked = false
                return
            }
            const text = capture.chordText(event.key, event.modifiers)
            if (text === "")
                return // a modifier on its own: wait for the key
            capture.error = capture.accept(text)
            checked = false
        }
    }
    Button {
        text: qsTr("Clear")
        flat: true
        enabled: capture.key !== ""
        focusPolicy: Qt.TabFocus
        Accessible.name: qsTr("Clear %1").arg(capture.label)
        onClicked: capture.error = capture.accept("")
    }
    }
    Label {
        objectName: capture.objectName + "Error"
        Layout.fillWidth: true
        visible: capture.error !== ""
        text: capture.error
        wrapMode: Text.Wrap
        color: Theme.denied
    }
}
