// SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Floorline.Core

// Every open emergency, impossible to miss: one line each (who, where, since when, who has
// acknowledged it), with Acknowledge, and Clear once someone has acknowledged it. Those
// nobody has taken come first; two lines show, the rest scroll with a count of how many wait.
// It lies over the top of the group tree instead of pushing the console down.
Rectangle {
    id: banner
    required property ConsoleController controller
    readonly property EmergencyList emergencies: controller.emergencies
    /// Too narrow for one line (the supervisor's overview): who and where above, the buttons
    /// below.
    readonly property bool narrow: width < 520
    readonly property int rowHeight: narrow ? 70 : 44
    // Also a while after the last one is cleared, to say who cleared it.
    visible: emergencies.count > 0 || emergencies.notice !== ""
    readonly property int shown: Math.min(emergencies.count, 2)
    height: shown * rowHeight + (emergencies.count > shown ? 22 : 0)
            + (emergencies.notice !== "" ? noticeText.implicitHeight + 6 : 0)
    color: Theme.emergency
    Accessible.role: Accessible.AlertMessage
    Accessible.name: qsTr("%n open emergency(s)", "", emergencies.count)

    function time(ms) { return new Date(ms).toLocaleTimeString(Qt.locale(), "HH:mm:ss") }

    // After a click the rows may move (a cleared one goes, the next slides into its place):
    // the buttons wait a moment, so a double click cannot acknowledge or clear the wrong one.
    property bool settling: false
    function settle() {
        settling = true
        settleTimer.restart()
    }
    Timer {
        id: settleTimer
        interval: 700
        onTriggered: banner.settling = false
    }

    // Pulses while nobody has acknowledged one; the colour, not the opacity: what lies under
    // the banner must not show through.
    SequentialAnimation on color {
        running: banner.visible && banner.emergencies.unacknowledged > 0
        loops: Animation.Infinite
        onRunningChanged: if (!running) banner.color = Theme.emergency
        ColorAnimation { to: Qt.darker(Theme.emergency, 1.25); duration: 500 }
        ColorAnimation { to: Theme.emergency; duration: 500 }
    }
    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        ListView {
            id: view
            objectName: "emergencyList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: banner.emergencies
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar { policy: view.count > 2 ? ScrollBar.AlwaysOn : ScrollBar.AsNeeded }
            // The wheel over the banner scrolls the banner, not the tree below it.
            WheelHandler {
                onWheel: (event) => view.flick(0, event.angleDelta.y * 8)
            }
            delegate: Rectangle {
                id: item
                required property int index
                required property string emergencyId
                required property string alias
                required property string group
                required property double raisedAt
                required property bool acknowledged
                required property string acknowledgedBy
                required property bool ackedByMe
                objectName: "emergency-" + emergencyId
                width: ListView.view.width
                height: banner.rowHeight
                color: acknowledged ? Qt.darker(Theme.emergency, 1.5) : "transparent"
                border.color: Qt.darker(Theme.emergency, 1.8)
                border.width: index > 0 ? 1 : 0
                Accessible.role: Accessible.AlertMessage
                Accessible.name: title.text + (acknowledged ? ", " + ackText.text : "")
                GridLayout {
                    anchors.fill: parent
                    anchors.leftMargin: banner.narrow ? 10 : 16
                    // Narrow: the scroll bar is always on; keep Clear out from under it.
                    anchors.rightMargin: banner.narrow ? 20 : 16
                    columns: banner.narrow ? 3 : 5
                    columnSpacing: banner.narrow ? 6 : 12
                    rowSpacing: 0
                    Text {
                        id: title
                        Layout.fillWidth: true
                        Layout.columnSpan: banner.narrow ? 3 : 1
                        font.pixelSize: banner.narrow ? 14 : 16
                        text: item.group !== ""
                              ? qsTr("EMERGENCY  %1 — %2").arg(item.alias).arg(item.group)
                              : qsTr("EMERGENCY  %1").arg(item.alias)
                        color: "white"
                        font.weight: Font.Bold
                        elide: Text.ElideRight
                    }
                    Text {
                        // Narrow: no room beside the buttons; the overview row shows the time.
                        visible: !banner.narrow
                        text: banner.time(item.raisedAt)
                        color: "white"
                        font.pixelSize: 13
                    }
                    Text {
                        id: ackText
                        objectName: "acknowledgedBy"
                        Layout.maximumWidth: banner.narrow ? -1 : 260
                        Layout.fillWidth: banner.narrow
                        opacity: item.acknowledged ? 1 : 0 // its cell stays: the buttons keep their place
                        text: qsTr("acknowledged by %1").arg(item.acknowledgedBy)
                        color: "white"
                        font.pixelSize: 13
                        elide: Text.ElideRight
                    }
                    Button {
                        objectName: "acknowledgeEmergency"
                        leftPadding: banner.narrow ? 6 : 12
                        rightPadding: banner.narrow ? 6 : 12
                        // Narrow and already ours: "acknowledged by" needs the room.
                        visible: !(banner.narrow && item.ackedByMe)
                        text: qsTr("Acknowledge")
                        enabled: !item.ackedByMe && !banner.settling
                        // A click must not take the keyboard focus: Space stays push-to-talk.
                        focusPolicy: Qt.TabFocus
                        Accessible.name: qsTr("Acknowledge the emergency of %1").arg(item.alias)
                        onClicked: {
                            banner.settle()
                            banner.emergencies.acknowledge(item.emergencyId)
                        }
                    }
                    Button {
                        objectName: "cancelEmergency"
                        leftPadding: banner.narrow ? 6 : 12
                        rightPadding: banner.narrow ? 6 : 12
                        text: qsTr("Clear")
                        flat: true
                        // Not before someone has taken it: a stray click cannot clear one
                        // nobody has read.
                        enabled: item.acknowledged && !banner.settling
                        focusPolicy: Qt.TabFocus
                        Accessible.name: qsTr("Clear the emergency of %1 for everyone").arg(item.alias)
                        onClicked: {
                            banner.settle()
                            banner.emergencies.cancel(item.emergencyId)
                        }
                    }
                }
            }
        }
        Text {
            objectName: "moreEmergencies"
            Layout.fillWidth: true
            Layout.leftMargin: 16
            Layout.preferredHeight: 22
            visible: banner.emergencies.count > banner.shown
            verticalAlignment: Text.AlignVCenter
            text: qsTr("%n more below (scroll)", "", banner.emergencies.count - banner.shown)
                  + (banner.emergencies.unacknowledged > banner.shown
                     ? " · " + qsTr("%n not acknowledged", "", banner.emergencies.unacknowledged)
                     : "")
            color: "white"
            font.pixelSize: 12
            font.weight: Font.DemiBold
            elide: Text.ElideRight
        }
        Text {
            id: noticeText
            objectName: "emergencyNotice"
            Layout.fillWidth: true
            Layout.leftMargin: 16
            Layout.rightMargin: 8
            visible: banner.emergencies.notice !== ""
            // Wrapped, not cut: who cleared it is the point of the line.
            wrapMode: Text.WordWrap
            text: banner.emergencies.notice
            color: "white"
            font.pixelSize: 12
        }
    }
}
