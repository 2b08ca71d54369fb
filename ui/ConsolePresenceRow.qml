// SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Layouts
import Floorline.Core

// One dispatcher or supervisor at a console: where it talks now, where it waits, where it
// talked last, and what it listens to.
Rectangle {
    id: row
    required property double now
    required property string unit
    required property string alias
    required property string role
    required property int logins
    required property int monitoring
    required property string calls
    required property string talking
    required property string queued
    required property string lastWhere
    required property double lastTalkAt
    required property bool self
    objectName: "console-" + unit
    implicitHeight: content.implicitHeight + 14
    radius: Theme.radius
    color: Theme.panelRaised
    border.color: talking !== "" ? Theme.talking : "transparent"
    Accessible.role: Accessible.ListItem
    Accessible.name: alias + ", " + activity.text

    function ago(ms) {
        const s = Math.max(0, Math.floor((now - ms) / 1000))
        if (s < 60)
            return qsTr("%n s ago", "", s)
        if (s < 3600)
            return qsTr("%n min ago", "", Math.floor(s / 60))
        return qsTr("%n h ago", "", Math.floor(s / 3600))
    }

    ColumnLayout {
        id: content
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: 8
        spacing: 2
        RowLayout {
            Layout.fillWidth: true
            spacing: 6
            Text {
                Layout.fillWidth: true
                text: row.alias + (row.self ? qsTr(" (you)") : "")
                color: Theme.text
                font.pixelSize: 13
                font.weight: Font.DemiBold
                elide: Text.ElideRight
            }
            Text {
                text: row.role === "supervisor" ? qsTr("SUPERVISOR") : qsTr("DISPATCHER")
                color: Theme.textDim
                font.pixelSize: 10
                font.weight: Font.Bold
            }
        }
        Text {
            id: activity
            objectName: "activity"
            Layout.fillWidth: true
            text: row.talking !== "" ? qsTr("● Talking on %1").arg(row.talking)
                : row.queued !== "" ? qsTr("Waiting to talk on %1").arg(row.queued)
                : row.lastWhere !== "" && row.lastTalkAt > 0
                  ? qsTr("Last talked on %1, %2").arg(row.lastWhere).arg(row.ago(row.lastTalkAt))
                : qsTr("Has not talked yet")
            color: row.talking !== "" ? Theme.talking : row.queued !== "" ? Theme.waiting
                 : Theme.textDim
            font.pixelSize: 12
            font.weight: row.talking !== "" ? Font.DemiBold : Font.Normal
            elide: Text.ElideRight
        }
        Text {
            Layout.fillWidth: true
            text: qsTr("Monitors %n group(s)", "", row.monitoring)
                  + (row.calls !== "" ? qsTr(" · in %1").arg(row.calls) : "")
                  + (row.logins > 1 ? qsTr(" · %n consoles", "", row.logins) : "")
            color: Theme.textDim
            font.pixelSize: 11
            elide: Text.ElideRight
        }
    }
}
