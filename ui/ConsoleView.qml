// SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Floorline.Core
import Floorline.Ui // its C++ types (PttKeyFilter) are only seen through the module import

// Everything the dispatcher sees: header, emergency banner, units, the group tree, live calls
// and the push-to-talk panel. Holding Space anywhere in it talks on the selected groups
// (except while typing in the unit search, where Space is a space; Escape leaves it).
FocusScope {
    id: view
    required property ConsoleController controller
    /// A supervisor sees the overview of the server first; the header switches.
    property bool overviewWanted: true
    readonly property bool overview: controller.supervision.available && overviewWanted

    PttKeyFilter {
        controller: view.controller
        window: view.Window.window
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        StatusHeader {
            id: header
            Layout.fillWidth: true
            controller: view.controller
            overviewShown: view.overview
            onOverviewToggled: view.overviewWanted = !view.overviewWanted
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.gap
            // While the link is down nothing here is live: dimmed, timers stopped.
            opacity: view.controller.connection.link === Console.Reconnecting ? 0.45 : 1
            spacing: Theme.gap
            SupervisorView {
                objectName: "supervisorView"
                visible: view.overview
                Layout.fillWidth: true
                Layout.fillHeight: true
                controller: view.controller
            }
            Rectangle {
                visible: !view.overview
                // Narrower side panels on small screens: the group rows' controls need the room.
                Layout.preferredWidth: Math.max(190, Math.min(300, view.width * 0.19))
                Layout.fillHeight: true
                color: Theme.panel
                radius: Theme.radius
                UnitsPanel {
                    id: units
                    anchors.fill: parent
                    anchors.margins: 10
                    controller: view.controller
                    ghost: ghost
                }
            }
            ColumnLayout {
                visible: !view.overview
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: Theme.gap
                Rectangle {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    color: Theme.panel
                    radius: Theme.radius
                    GroupTree {
                        anchors.fill: parent
                        anchors.margins: 4
                        controller: view.controller
                        ghost: ghost
                        confirmBroadcast: broadcastDialog
                    }
                    // Over the top of the tree only: where the talk goes, the search and the
                    // PTT stay in sight, and nothing moves when an emergency comes in.
                    EmergencyBanner {
                        objectName: "emergencyBanner"
                        anchors.left: parent.left
                        anchors.right: parent.right
                        anchors.top: parent.top
                        z: 2
                        controller: view.controller
                    }
                }
                RowLayout {
                    Layout.fillWidth: true
                    // A layout whose children fill takes "fill" from them: the tree above
                    // must get the spare height, not this strip.
                    Layout.fillHeight: false
                    Layout.preferredHeight: Math.max(190, view.height * 0.26)
                    spacing: Theme.gap
                    Rectangle {
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        color: Theme.panel
                        radius: Theme.radius
                        CallsPanel {
                            anchors.fill: parent
                            anchors.margins: 10
                            controller: view.controller
                            selectedUnits: units.selection
                            confirmBroadcast: broadcastDialog
                        }
                    }
                    Rectangle {
                        Layout.preferredWidth: Math.max(200, view.width * 0.2)
                        Layout.fillHeight: true
                        color: Theme.panel
                        radius: Theme.radius
                        MediaPanel {
                            objectName: "mediaPanel"
                            anchors.fill: parent
                            anchors.margins: 8
                            controller: view.controller
                        }
                    }
                }
            }
            Rectangle {
                Layout.preferredWidth: view.width < 1200 ? 240 : 320
                Layout.fillHeight: true
                color: Theme.panel
                radius: Theme.radius
                ColumnLayout {
                    anchors.fill: parent
                    anchors.margins: 12
                    spacing: 12
                    PttPanel {
                        objectName: "pttPanel"
                        // Its own height, always: the activity log below takes what is left.
                        Layout.minimumHeight: implicitHeight
                        Layout.alignment: Qt.AlignHCenter
                        controller: view.controller
                    }
                    ActivityLog {
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        Layout.minimumHeight: 40
                        Layout.preferredHeight: 40
                        controller: view.controller
                    }
                }
            }
        }
    }
    BroadcastDialog {
        id: broadcastDialog
        objectName: "broadcastDialog"
        parent: Overlay.overlay
        controller: view.controller
    }
    DragGhost {
        id: ghost
        objectName: "dragGhost"
    }
    // Where the keyboard rests when no control has it: Space talks, Tab starts at the top.
    Item {
        id: keyboardHome
        focus: true
    }
    LoginView {
        objectName: "loginView"
        anchors.fill: parent
        controller: view.controller
        onDismissed: keyboardHome.forceActiveFocus()
    }
}
