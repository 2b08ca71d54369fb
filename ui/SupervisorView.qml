// SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Floorline.Core

// A supervisor's overview of the server: every live session (emergencies first, then who
// talks, then who waits) and every console with where it talks. Live: the server's overview
// events update it, and the talk timers tick here.
Rectangle {
    id: view
    required property ConsoleController controller
    readonly property var supervision: controller.supervision
    property double now: Date.now()
    color: Theme.panel
    radius: Theme.radius

    Timer {
        interval: 1000
        repeat: true
        running: view.visible && view.controller.connection.link === Console.Online
        triggeredOnStart: true
        onTriggered: view.now = Date.now()
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 10
        spacing: 8
        RowLayout {
            Layout.fillWidth: true
            spacing: 16
            Text {
                text: qsTr("Live sessions")
                color: Theme.text
                font.pixelSize: 16
                font.weight: Font.DemiBold
            }
            Text {
                objectName: "overviewSummary"
                Layout.fillWidth: true
                Accessible.role: Accessible.StaticText
                Accessible.name: text
                text: qsTr("%n live", "", view.supervision.sessions.live)
                      + " · " + qsTr("%n talking", "", view.supervision.sessions.talking)
                      + " · " + qsTr("%n waiting", "", view.supervision.sessions.waiting)
                      + (view.controller.emergencies.count > 0
                         ? " · " + qsTr("%n emergencies", "", view.controller.emergencies.count) : "")
                color: view.controller.emergencies.count > 0 ? Theme.emergency : Theme.textDim
                font.pixelSize: 13
                elide: Text.ElideRight
            }
            Text {
                visible: view.supervision.notice !== ""
                text: view.supervision.notice
                color: Theme.denied
                font.pixelSize: 12
                elide: Text.ElideRight
                Layout.maximumWidth: 360
            }
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 10
            ListView {
                id: sessions
                objectName: "overviewSessions"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: 6
                model: view.supervision.sessions
                boundsBehavior: Flickable.StopAtBounds
                ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded }
                // While the pointer is over the list its rows stay where they are.
                HoverHandler {
                    id: hover
                    onHoveredChanged: view.supervision.sessions.held = hovered
                }
                delegate: SupervisedSessionRow {
                    width: sessions.width - 12
                    controller: view.controller
                    now: view.now
                }
                Text {
                    anchors.centerIn: parent
                    visible: sessions.count === 0
                    text: view.controller.connection.link === Console.Online
                          ? qsTr("Nobody is talking or waiting, and there are no calls.")
                          : qsTr("Not connected")
                    color: Theme.textDim
                    font.pixelSize: 14
                }
            }
            ColumnLayout {
                // Its list fills its height only: the sessions get the spare width.
                Layout.fillWidth: false
                Layout.preferredWidth: Math.max(220, view.width * 0.26)
                Layout.maximumWidth: 320
                Layout.fillHeight: true
                spacing: 6
                // Acknowledge from here too; above the consoles, so the sessions never move.
                Item {
                    Layout.fillWidth: true
                    // The banner sizes itself (rows, "n more", a notice); the layout follows.
                    Layout.preferredHeight: visible ? banner.height : 0
                    visible: view.controller.emergencies.count > 0
                             || view.controller.emergencies.notice !== ""
                    EmergencyBanner {
                        id: banner
                        objectName: "overviewEmergencies"
                        width: parent.width
                        controller: view.controller
                    }
                }
                Text {
                    text: qsTr("Consoles (%1)").arg(view.supervision.consoles.count)
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                    color: Theme.text
                    font.pixelSize: 14
                    font.weight: Font.DemiBold
                }
                ListView {
                    id: consoles
                    objectName: "overviewConsoles"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    spacing: 6
                    model: view.supervision.consoles
                    boundsBehavior: Flickable.StopAtBounds
                    ScrollBar.vertical: ScrollBar {}
                    delegate: ConsolePresenceRow {
                        width: consoles.width - 12
                        now: view.now
                    }
                }
            }
        }
    }
}
