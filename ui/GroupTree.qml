// SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls
import Floorline.Core

// The fleet's group tree: every group with who is talking, for how long, and how it is heard.
TreeView {
    id: tree
    required property ConsoleController controller
    required property DragGhost ghost
    /// Asks before a broadcast is made (BroadcastDialog).
    required property var confirmBroadcast
    /// Wall-clock ms, ticking, so every talking tile shows a running timer.
    property double now: Date.now()

    model: controller.groups
    clip: true
    columnWidthProvider: function(column) { return tree.width }
    onWidthChanged: forceLayout()
    boundsBehavior: Flickable.StopAtBounds
    // Pointer drags carry groups into calls, not flicks; the wheel and the scroll bar scroll.
    interactive: false
    ScrollBar.vertical: ScrollBar { id: bar }
    WheelHandler {
        onWheel: (event) => bar.position = Math.max(0, Math.min(1 - bar.size,
                     bar.position - event.angleDelta.y / 120 * 46 / Math.max(1, tree.contentHeight)))
    }
    Accessible.role: Accessible.Tree
    Accessible.name: qsTr("Talk groups")

    Timer {
        interval: 500
        running: tree.controller.connection.link === Console.Online
        repeat: true
        onTriggered: tree.now = Date.now()
    }
    Component.onCompleted: expandRecursively()
    Connections {
        target: tree.controller.groups
        function onModelReset() { Qt.callLater(tree.expandRecursively) }
    }

    delegate: GroupRow {
        groups: tree.controller.groups
        controller: tree.controller
        ghost: tree.ghost
        confirmBroadcast: tree.confirmBroadcast
        now: tree.now
    }
}
