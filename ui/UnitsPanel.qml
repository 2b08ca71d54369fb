// SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Floorline.Core

// The fleet's units: search, a status filter, and a list to pick units from and drag them
// into a call. Click selects one unit, Ctrl+click adds or removes one; dragging a selected
// unit carries the whole selection. Keyboard: arrows move, Enter selects, Ctrl+Enter adds.
ColumnLayout {
    id: panel
    required property ConsoleController controller
    required property DragGhost ghost
    /// Unit ids the dispatcher picked, in the order picked.
    property var selection: []
    spacing: 6

    function isSelected(id) { return selection.indexOf(id) >= 0 }
    function select(id, add) {
        if (!add) {
            selection = [id]
        } else if (isSelected(id)) {
            selection = selection.filter(u => u !== id)
        } else {
            selection = selection.concat([id])
        }
    }

    RowLayout {
        Layout.fillWidth: true
        Text {
            Layout.fillWidth: true
            text: qsTr("Units")
            color: Theme.textDim
            font.pixelSize: 13
            font.weight: Font.DemiBold
        }
        Text {
            text: panel.selection.length > 0 ? qsTr("%n selected", "", panel.selection.length)
                                             : qsTr("%n shown", "", panel.controller.units.count)
            color: Theme.textDim
            font.pixelSize: 12
        }
    }
    TextField {
        id: search
        objectName: "unitSearch"
        Layout.fillWidth: true
        placeholderText: qsTr("Search units or groups")
        Accessible.name: qsTr("Search units")
        onTextChanged: panel.controller.units.search = text
        Keys.onEscapePressed: { text = ""; list.forceActiveFocus() }
        Keys.onDownPressed: list.forceActiveFocus()
    }
    ComboBox {
        id: statusFilter
        objectName: "unitStatusFilter"
        Layout.fillWidth: true
        textRole: "label"
        valueRole: "status"
        model: [
            { label: qsTr("All units"), status: "" },
            { label: qsTr("Online"), status: "online" },
            { label: qsTr("Busy in a call"), status: "busy" },
            { label: qsTr("Offline"), status: "offline" },
            { label: qsTr("Resetting"), status: "resetting" }
        ]
        Accessible.name: qsTr("Show units by status")
        onActivated: panel.controller.units.statusFilter = currentValue
    }
    ListView {
        id: list
        objectName: "unitList"
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        model: panel.controller.units
        reuseItems: true // a busy fleet scrolls rows through fast: rebind, do not rebuild
        // Pointer drags start invitations, not flicks; the wheel and the scroll bar scroll.
        interactive: false
        keyNavigationEnabled: true
        activeFocusOnTab: true
        highlightMoveDuration: 0
        ScrollBar.vertical: ScrollBar { id: bar }
        Accessible.role: Accessible.List
        Accessible.name: qsTr("Units")
        WheelHandler {
            onWheel: (event) => bar.position = Math.max(0, Math.min(1 - bar.size,
                         bar.position - event.angleDelta.y / 120 * 48 / Math.max(1, list.contentHeight)))
        }
        Keys.onReturnPressed: (event) => {
            if (list.currentItem)
                panel.select(list.currentItem.unitId, event.modifiers & Qt.ControlModifier)
        }
        delegate: Rectangle {
            id: unitRow
            required property int index
            required property string unitId
            required property string alias
            required property string status
            required property string statusText
            required property string currentGroup
            required property string groups
            readonly property bool picked: panel.isSelected(unitId)
            objectName: "unit-" + unitId
            width: ListView.view.width
            height: 44
            color: picked ? Qt.darker(Theme.selected, 2.0)
                 : ListView.isCurrentItem && list.activeFocus ? Theme.line
                 : (index % 2 ? Theme.panel : Theme.panelRaised)
            border.color: picked ? Theme.selected : "transparent"
            Accessible.role: Accessible.ListItem
            Accessible.name: qsTr("%1, %2").arg(alias).arg(statusText)
            Accessible.selected: picked

            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: 10
                anchors.rightMargin: 10
                spacing: 8
                Rectangle {
                    width: 10
                    height: 10
                    radius: 5
                    color: unitRow.status === "online" ? Theme.talking
                         : unitRow.status === "busy" ? Theme.waiting
                         : unitRow.status === "resetting" ? Theme.selected : Theme.line
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 0
                    Text {
                        Layout.fillWidth: true
                        text: unitRow.alias
                        color: unitRow.status === "offline" ? Theme.textDim : Theme.text
                        font.pixelSize: 14
                        elide: Text.ElideRight
                    }
                    Text {
                        Layout.fillWidth: true
                        text: unitRow.currentGroup !== ""
                              ? qsTr("%1 · %2").arg(unitRow.statusText).arg(unitRow.currentGroup)
                              : unitRow.statusText
                        color: unitRow.status === "busy" ? Theme.waiting : Theme.textDim
                        font.pixelSize: 11
                        elide: Text.ElideRight
                    }
                }
            }
            // A shelf item dropped on a unit is pushed to it (held by the server while it is
            // away); the media panel shows it go from queued to delivered to opened.
            DropArea {
                anchors.fill: parent
                keys: ["floorline/media"]
                onDropped: (drop) => {
                    panel.controller.media.sendTo(drop.source.key, unitRow.unitId, unitRow.alias)
                    drop.accept(Qt.CopyAction)
                }
                Rectangle {
                    anchors.fill: parent
                    visible: parent.containsDrag
                    color: "transparent"
                    border.color: Theme.selected
                    border.width: 2
                }
            }
            TapHandler {
                acceptedModifiers: Qt.NoModifier
                onTapped: { list.currentIndex = unitRow.index; panel.select(unitRow.unitId, false) }
            }
            TapHandler {
                acceptedModifiers: Qt.ControlModifier
                onTapped: { list.currentIndex = unitRow.index; panel.select(unitRow.unitId, true) }
            }
            DragHandler {
                id: drag
                target: null
                onActiveChanged: {
                    if (active) {
                        // Dragging a picked unit carries the selection; any other, just itself.
                        const units = unitRow.picked ? panel.selection : [unitRow.unitId]
                        const label = units.length === 1 ? unitRow.alias
                                                         : qsTr("%n unit(s)", "", units.length)
                        panel.ghost.start(units, "", label, centroid.scenePosition)
                    } else {
                        panel.ghost.finish()
                    }
                }
                onCentroidChanged: if (active) panel.ghost.moveTo(centroid.scenePosition)
            }
        }
    }
}
