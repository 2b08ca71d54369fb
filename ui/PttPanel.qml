// SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Floorline.Core

// The large press-and-hold push-to-talk button and what the floor said.
ColumnLayout {
    id: panel
    required property ConsoleController controller
    /// A low window (the 600 px minimum): a smaller button leaves room for the activity log.
    readonly property bool compact: Window.height > 0 && Window.height < 700
    spacing: compact ? 8 : 16

    readonly property color stateColor: controller.talk.state === Console.Granted ? Theme.onAir
        : controller.talk.state === Console.Requesting || controller.talk.state === Console.Queued
          ? Theme.waiting
        : controller.talk.state === Console.Denied ? Theme.denied : Theme.panelRaised

    // The time on the air and what is left of the grant's Duration (T2), ticking while granted.
    property double now: Date.now()
    Timer {
        interval: 250
        repeat: true
        running: panel.controller.talk.state === Console.Granted
        triggeredOnStart: true
        onTriggered: panel.now = Date.now()
    }
    function clock(ms) {
        const s = Math.max(0, Math.floor(ms / 1000))
        return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0")
    }

    Text {
        Layout.alignment: Qt.AlignHCenter
        text: panel.controller.talk.pressed ? qsTr("Talking to") : qsTr("Next talk goes to")
        color: Theme.textDim
        font.pixelSize: 13
    }
    // Fixed heights: a long list of groups or the timer appearing must not move the button
    // under a pressing hand.
    Label {
        objectName: "targets"
        Layout.alignment: Qt.AlignHCenter
        Layout.preferredWidth: 230
        Layout.preferredHeight: 44
        text: panel.controller.talk.targets.length ? panel.controller.talk.targets.join(", ")
                                                   : qsTr("no group selected")
        color: panel.controller.talk.pressed ? Theme.selected : Theme.text
        font.pixelSize: 16
        wrapMode: Text.Wrap
        maximumLineCount: 2
        elide: Text.ElideRight
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        Accessible.name: (panel.controller.talk.pressed ? qsTr("Talking to") : qsTr("Next talk goes to"))
                         + ": " + text
    }
    Label {
        objectName: "talkClock"
        Layout.alignment: Qt.AlignHCenter
        Layout.preferredWidth: 230
        Layout.preferredHeight: 18
        horizontalAlignment: Text.AlignHCenter
        elide: Text.ElideRight
        readonly property bool onAir: panel.controller.talk.state === Console.Granted
                                      && panel.controller.talk.grantedAt > 0
        text: !onAir ? ""
            : panel.controller.talk.endsAt > 0
              ? qsTr("%1 on the air · %2 left").arg(panel.clock(panel.now - panel.controller.talk.grantedAt))
                    .arg(panel.clock(panel.controller.talk.endsAt - panel.now))
              : qsTr("%1 on the air").arg(panel.clock(panel.now - panel.controller.talk.grantedAt))
        color: Theme.onAir
        font.pixelSize: 14
        font.weight: Font.DemiBold
    }
    Rectangle {
        id: ptt
        objectName: "pttButton"
        Layout.alignment: Qt.AlignHCenter
        readonly property int size: panel.compact ? 150 : 200
        // Implicit size: the layout follows it when the window is resized.
        implicitWidth: size
        implicitHeight: size
        Layout.maximumWidth: size
        Layout.maximumHeight: size
        radius: size / 2
        color: panel.stateColor
        border.color: Qt.lighter(panel.stateColor, 1.4)
        border.width: 4
        activeFocusOnTab: true
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("Push to talk")
        Accessible.description: label.text.replace("\n", " ")
        Text {
            id: label
            anchors.centerIn: parent
            horizontalAlignment: Text.AlignHCenter
            text: panel.controller.talk.state === Console.Granted ? qsTr("ON AIR")
                : panel.controller.talk.state === Console.Requesting ? qsTr("REQUESTING")
                : panel.controller.talk.state === Console.Queued
                  ? qsTr("QUEUED\n#%1").arg(panel.controller.talk.queuePosition)
                : panel.controller.talk.state === Console.Denied
                  ? (panel.controller.talk.revoked ? qsTr("CUT OFF") : qsTr("DENIED"))
                : qsTr("PUSH\nTO TALK")
            color: Theme.text
            font.pixelSize: 26
            font.weight: Font.Bold
            // Longer words in other languages ("AUF SENDUNG") shrink to stay inside the circle.
            width: ptt.width - 28
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: 14
        }
        TapHandler {
            // Held while the pointer stays on the button; sliding off or releasing ends it.
            gesturePolicy: TapHandler.WithinBounds
            onPressedChanged: pressed ? panel.controller.talk.press() : panel.controller.talk.release()
        }
        // A shelf item dropped here goes with the next talk spurt.
        DropArea {
            anchors.fill: parent
            keys: ["floorline/media"]
            onDropped: (drop) => {
                panel.controller.media.arm(drop.source.dragMedia)
                drop.accept(Qt.CopyAction)
            }
            Rectangle {
                anchors.fill: parent
                radius: width / 2
                visible: parent.containsDrag
                color: "transparent"
                border.color: Theme.selected
                border.width: 6
            }
        }
        Keys.onPressed: (event) => {
            if (event.key === Qt.Key_Return && !event.isAutoRepeat) {
                panel.controller.talk.press()
                event.accepted = true
            }
        }
        Keys.onReleased: (event) => {
            if (event.key === Qt.Key_Return && !event.isAutoRepeat) {
                panel.controller.talk.release()
                event.accepted = true
            }
        }
    }
    RowLayout {
        objectName: "armedMedia"
        Layout.alignment: Qt.AlignHCenter
        Layout.maximumWidth: 230
        // Keeps its place when empty: the emergency button below must not move.
        Layout.preferredHeight: 32
        opacity: panel.controller.media.armed !== "" ? 1 : 0
        enabled: panel.controller.media.armed !== ""
        Text {
            Layout.fillWidth: true
            text: qsTr("Shows %1 with your next talk").arg(panel.controller.media.armedName)
            color: Theme.selected
            font.pixelSize: 13
            elide: Text.ElideMiddle
        }
        Button {
            text: "✕"
            flat: true
            focusPolicy: Qt.TabFocus
            Accessible.name: qsTr("Do not show a picture with the next talk")
            onClicked: panel.controller.media.disarm()
        }
    }
    Button {
        id: emergencyButton
        objectName: "emergencyCall"
        Layout.alignment: Qt.AlignHCenter
        text: qsTr("Hold for emergency call")
        focusPolicy: Qt.TabFocus
        implicitWidth: 220
        implicitHeight: 40
        background: Rectangle {
            radius: Theme.radius
            // Lit while held, and while the emergency key holds an emergency call.
            color: emergencyButton.pressed || panel.controller.talk.emergency
                   ? Theme.emergency : Qt.darker(Theme.emergency, 1.8)
            border.color: Theme.emergency
            border.width: emergencyButton.visualFocus ? 3 : 1
        }
        contentItem: Text {
            text: emergencyButton.text
            color: "white"
            font.pixelSize: 14
            font.weight: Font.Bold
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
        }
        Accessible.name: qsTr("Emergency call on the selected groups, hold to talk")
        onPressed: panel.controller.talk.press(true)
        onReleased: panel.controller.talk.release()
        onCanceled: panel.controller.talk.release()
    }
    Text {
        objectName: "talkNotice"
        Accessible.role: Accessible.StaticText
        Accessible.name: text
        Layout.alignment: Qt.AlignHCenter
        Layout.preferredWidth: 230
        Layout.preferredHeight: 36
        maximumLineCount: 2
        elide: Text.ElideRight
        readonly property string notice: panel.controller.talk.notice !== ""
                                         ? panel.controller.talk.notice : panel.controller.pushToTalk.notice
        readonly property string globalKey: panel.controller.pushToTalk.hotkeysAvailable
                                            ? panel.controller.pushToTalk.talkKey : ""
        text: notice !== "" && (panel.controller.talk.state === Console.Denied
                                || panel.controller.talk.state === Console.Idle)
              ? notice
            : panel.controller.talk.state === Console.Granted ? qsTr("You are on the air")
            : globalKey !== "" ? qsTr("Hold the button, Space or %1").arg(globalKey)
            : qsTr("Hold the button or the Space bar")
        color: notice !== "" && panel.controller.talk.state !== Console.Granted
               ? Theme.denied : Theme.textDim
        font.pixelSize: 14
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignHCenter
    }
}
