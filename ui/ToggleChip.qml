// SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls

// A small on/off pill: filled in its colour when on, outlined when off, so a row of them
// reads at a glance across a control room.
AbstractButton {
    id: chip
    property color onColor: Theme.selected
    checkable: true
    /// Tighter padding where space is short (a narrow group tree).
    property bool compact: false
    implicitWidth: label.implicitWidth + (compact ? 12 : 20)
    implicitHeight: 26
    focusPolicy: Qt.TabFocus // clicks leave the focus where it was: Space stays PTT
    Accessible.role: Accessible.CheckBox
    Accessible.checked: checked
    background: Rectangle {
        radius: 13
        color: chip.checked ? chip.onColor : "transparent"
        border.color: chip.checked ? chip.onColor : Theme.line
        border.width: chip.visualFocus ? 2 : 1
    }
    contentItem: Text {
        id: label
        text: chip.text
        color: chip.checked ? "white" : Theme.textDim
        font.pixelSize: chip.compact ? 11 : 12
        font.weight: Font.DemiBold
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }
}
