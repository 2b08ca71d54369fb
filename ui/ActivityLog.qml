// SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Floorline.Core

// The activity log: who talked, on which group, when, and for how long (newest first).
ColumnLayout {
    id: log
    required property ConsoleController controller
    spacing: 4

    Text {
        text: qsTr("Activity")
        color: Theme.textDim
        font.pixelSize: 13
        font.weight: Font.DemiBold
    }
    ListView {
        id: list
        objectName: "activityList"
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        model: log.controller.activity
        reuseItems: true // a busy fleet scrolls rows through fast: rebind, do not rebuild
        ScrollBar.vertical: ScrollBar {}
        Accessible.role: Accessible.List
        Accessible.name: qsTr("Activity log")
        delegate: RowLayout {
            id: entry
            required property double startedAt
            required property string group
            required property string talker
            required property double durationMs
            required property bool emergency
            required property bool live
            required property string media
            required property string mediaName
            width: ListView.view.width
            spacing: 8
            Accessible.role: Accessible.ListItem
            Accessible.name: qsTr("%1 on %2").arg(talker).arg(group)
            // A spurt that showed something: click to see it again.
            TapHandler {
                enabled: entry.media !== ""
                onTapped: log.controller.media.view(entry.media,
                    qsTr("%1 on %2 at %3").arg(entry.talker).arg(entry.group)
                        .arg(new Date(entry.startedAt).toLocaleTimeString(Qt.locale(), "HH:mm:ss")))
            }
            HoverHandler {
                enabled: entry.media !== ""
                cursorShape: Qt.PointingHandCursor
            }
            Text {
                text: new Date(entry.startedAt).toLocaleTimeString(Qt.locale(), "HH:mm:ss")
                color: Theme.textDim
                font.pixelSize: 12
                font.family: "monospace"
            }
            Text {
                Layout.fillWidth: true
                text: entry.media === "" ? qsTr("%1 on %2").arg(entry.talker).arg(entry.group)
                    : qsTr("%1 on %2, showing %3").arg(entry.talker).arg(entry.group)
                          .arg(entry.mediaName !== "" ? entry.mediaName : qsTr("a picture"))
                color: entry.emergency ? Theme.emergency
                     : entry.media !== "" ? Theme.selected : Theme.text
                font.pixelSize: 12
                elide: Text.ElideRight
            }
            Text {
                text: entry.live ? "●"
                    : Math.floor(entry.durationMs / 60000) + ":"
                      + String(Math.floor(entry.durationMs / 1000) % 60).padStart(2, "0")
                color: entry.live ? Theme.talking : Theme.textDim
                font.pixelSize: 12
                font.family: "monospace"
            }
        }
    }
}
