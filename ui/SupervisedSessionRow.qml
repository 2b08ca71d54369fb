// SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Floorline.Core

// One live session in the supervisor's overview: what it is and who is in it, who talks and
// for how long, who waits in which order, its emergency, and one click to hear it.
Rectangle {
    id: row
    required property ConsoleController controller
    required property double now
    required property string sessionId
    required property string kind
    required property string name
    required property string owner
    required property string talker
    required property double talkingSince
    required property int priority
    required property string floorType
    required property var queue
    required property int queueCount
    required property string participants
    required property int participantCount
    required property bool emergency
    required property string emergencyText
    required property bool monitored
    /// No longer live; kept in its place while the pointer is over the list.
    required property bool ended
    readonly property bool talking: talker !== ""
    /// A narrow list (the 1024×600 minimum): the queue goes under the talker, no column of
    /// its own.
    readonly property bool compact: width < 640
    readonly property string talkTime: {
        const s = Math.max(0, Math.floor((now - talkingSince) / 1000))
        return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0")
    }
    objectName: "overview-" + sessionId
    implicitHeight: Math.max(64, content.implicitHeight + 16)
    radius: Theme.radius
    color: emergency ? Qt.darker(Theme.emergency, 2.6) : Theme.panelRaised
    opacity: ended ? 0.45 : 1
    Accessible.role: Accessible.ListItem
    Accessible.name: name + (ended ? qsTr(", ended") : "") + (talking ? qsTr(", %1 talking %2").arg(talker).arg(talkTime) : "")
                     + (queueCount > 0 ? qsTr(", %n waiting", "", queueCount) : "")
                     + (emergencyText !== "" ? qsTr(", emergency: %1").arg(emergencyText) : "")

    // What state it is in, readable from across the room: red, green, amber, grey.
    Rectangle {
        width: 6
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        anchors.left: parent.left
        radius: Theme.radius
        color: row.emergency ? Theme.emergency : row.talking ? Theme.talking
             : row.queueCount > 0 ? Theme.waiting : Theme.line
    }

    RowLayout {
        id: content
        anchors.fill: parent
        anchors.leftMargin: 16
        anchors.rightMargin: 10
        anchors.topMargin: 8
        anchors.bottomMargin: 8
        spacing: 12
        // Fixed columns: talkers and queues line up from row to row, and a row changing state
        // never moves the Monitor button.
        ColumnLayout {
            Layout.fillWidth: true
            // Only what the fixed columns leave, whatever its texts' length.
            Layout.preferredWidth: 100
            Layout.minimumWidth: 0
            Layout.alignment: Qt.AlignTop
            spacing: 2
            Text {
                text: row.kind === "group" ? qsTr("TALK GROUP")
                    : row.kind === "broadcast" ? qsTr("BROADCAST") : qsTr("CALL")
                color: Theme.textDim
                font.pixelSize: 10
                font.weight: Font.Bold
            }
            Text {
                Layout.fillWidth: true
                text: row.name
                color: Theme.text
                font.pixelSize: 14
                font.weight: Font.DemiBold
                elide: Text.ElideRight
            }
            Text {
                Layout.fillWidth: true
                text: (row.owner !== "" ? qsTr("made by %1 · ").arg(row.owner) : "")
                      + qsTr("%n in it: ", "", row.participantCount) + row.participants
                color: Theme.textDim
                font.pixelSize: 12
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
            }
            Text {
                objectName: "emergencyText"
                Layout.fillWidth: true
                visible: row.emergencyText !== ""
                text: "⚠ " + row.emergencyText
                color: Theme.emergency
                font.pixelSize: 12
                font.weight: Font.DemiBold
                wrapMode: Text.WordWrap
                maximumLineCount: 3
                elide: Text.ElideRight
            }
        }
        ColumnLayout {
            Layout.preferredWidth: Math.round(row.width * (row.compact ? 0.3 : 0.2))
            Layout.minimumWidth: Layout.preferredWidth
            Layout.maximumWidth: Layout.preferredWidth
            Layout.alignment: Qt.AlignTop
            spacing: 2
            Text {
                text: qsTr("TALKING")
                color: Theme.textDim
                font.pixelSize: 10
                font.weight: Font.Bold
            }
            Text {
                objectName: "talker"
                Layout.fillWidth: true
                text: row.talking ? (row.floorType === "emergency" ? "⚠ " : "● ") + row.talker
                                  : row.ended ? qsTr("ended") : qsTr("nobody")
                color: !row.talking ? Theme.textDim
                     : row.floorType === "emergency" ? Theme.emergency : Theme.talking
                font.pixelSize: 13
                font.weight: row.talking ? Font.DemiBold : Font.Normal
                elide: Text.ElideRight
            }
            Text {
                visible: row.talking
                text: row.talkTime
                      + (row.floorType === "emergency" ? qsTr(" · emergency call")
                         : row.priority > 0 ? qsTr(" · P%1", "priority level").arg(row.priority) : "")
                color: row.floorType === "emergency" ? Theme.emergency : Theme.text
                font.pixelSize: 12
                font.family: "monospace"
            }
            Text {
                objectName: "compactQueue"
                Layout.fillWidth: true
                visible: row.compact && row.queueCount > 0
                text: qsTr("%n waiting: ", "", row.queueCount)
                      + row.queue.slice(0, 2).map(l => l.replace(/^\d+\s+/, "")).join(", ")
                color: Theme.waiting
                font.pixelSize: 11
                elide: Text.ElideRight
            }
        }
        ColumnLayout {
            visible: !row.compact
            Layout.preferredWidth: Math.round(row.width * 0.24)
            Layout.minimumWidth: Layout.preferredWidth
            Layout.maximumWidth: Layout.preferredWidth
            Layout.alignment: Qt.AlignTop
            spacing: 1
            Text {
                text: qsTr("WAITING")
                color: Theme.textDim
                font.pixelSize: 10
                font.weight: Font.Bold
            }
            Text {
                visible: row.queueCount === 0
                text: qsTr("nobody")
                color: Theme.textDim
                font.pixelSize: 12
            }
            Repeater {
                // Three lines at most; the row says how many more wait.
                model: row.queue.slice(0, 3)
                Text {
                    required property string modelData
                    objectName: "queueEntry"
                    Layout.fillWidth: true
                    text: modelData
                    color: Theme.waiting
                    font.pixelSize: 12
                    elide: Text.ElideRight
                }
            }
            Text {
                visible: row.queueCount > 3
                text: qsTr("+ %n more", "", row.queueCount - 3)
                color: Theme.waiting
                font.pixelSize: 11
            }
        }
        // Hold to talk here, as on a group row: what the supervisor hears, it can answer.
        Button {
            objectName: "rowTalk"
            Layout.alignment: Qt.AlignVCenter
            text: qsTr("PTT")
            flat: true
            leftPadding: row.compact ? 4 : 8
            rightPadding: row.compact ? 4 : 8
            focusPolicy: Qt.TabFocus
            enabled: row.monitored && !row.ended && row.kind !== "broadcast"
            Accessible.name: qsTr("Talk on %1").arg(row.name)
            onPressed: row.controller.talk.pressOn(row.sessionId)
            onReleased: row.controller.talk.release()
            onCanceled: row.controller.talk.release()
        }
        ToggleChip {
            objectName: "monitor"
            Layout.alignment: Qt.AlignVCenter
            Layout.preferredWidth: row.compact ? 90 : 104
            compact: row.compact
            checked: row.monitored
            enabled: !row.ended || row.kind === "group"
            text: row.kind === "group" ? (row.monitored ? qsTr("Monitoring") : qsTr("Monitor"))
                                       : (row.monitored ? qsTr("Leave") : qsTr("Listen in"))
            Accessible.name: (row.monitored ? qsTr("Stop hearing %1") : qsTr("Hear %1")).arg(row.name)
            // The model says whether it is heard; the click only asks.
            onClicked: {
                checked = Qt.binding(() => row.monitored)
                row.controller.supervision.monitor(row.sessionId, !row.monitored)
            }
        }
    }
}
