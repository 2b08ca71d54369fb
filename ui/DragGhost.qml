// SPDX-License-Identifier: Apache-2.0
import QtQuick

// What follows the pointer while units or a group are dragged: a label saying what is carried,
// and the Drag source the drop zones read (`units` or `group`). One per view, so every list
// can start a drag without knowing where it will land.
Rectangle {
    id: ghost
    property var units: []
    property string group: ""
    property string label: ""

    visible: Drag.active
    z: 1000
    width: text.implicitWidth + 24
    height: 30
    radius: 15
    color: Theme.selected
    opacity: 0.92
    Drag.keys: group !== "" ? ["floorline/group"] : ["floorline/units"]
    // The ghost sits beside the pointer; the drop lands under the pointer itself.
    Drag.hotSpot.x: -12
    Drag.hotSpot.y: -12

    Text {
        id: text
        anchors.centerIn: parent
        text: ghost.label
        color: "white"
        font.pixelSize: 13
        font.weight: Font.DemiBold
    }

    /// Starts carrying `units` (a list of unit ids) or `group` (a group id) from `scenePos`.
    function start(units, group, label, scenePos) {
        ghost.units = units
        ghost.group = group
        ghost.label = label
        moveTo(scenePos)
        Drag.active = true
    }
    function moveTo(scenePos) {
        const p = parent.mapFromItem(null, scenePos.x, scenePos.y)
        x = p.x + 12
        y = p.y + 12
    }
    /// Drops where the pointer is; returns true when a zone took it.
    function finish() {
        const action = Drag.drop()
        Drag.active = false
        return action !== Qt.IgnoreAction
    }
}
