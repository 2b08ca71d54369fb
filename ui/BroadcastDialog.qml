// SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Floorline.Core

// A broadcast makes every unit below a group busy until it is ended: asked first, naming how
// many units it calls and who it leaves out.
Dialog {
    id: dialog
    required property ConsoleController controller
    property string group
    property var plan: ({})
    modal: true
    anchors.centerIn: parent
    width: Math.min(460, parent ? parent.width - 40 : 460)
    title: qsTr("Broadcast to %1?").arg(plan.name || "")
    standardButtons: plan.ok ? Dialog.Ok | Dialog.Cancel : Dialog.Close

    function ask(groupId) {
        group = groupId
        plan = controller.calls.planBroadcast(groupId)
        open()
    }
    onAccepted: controller.calls.broadcast(group)
    Component.onCompleted: {
        const ok = standardButton(Dialog.Ok)
        if (ok)
            ok.text = qsTr("Broadcast")
    }
    onPlanChanged: {
        const ok = standardButton(Dialog.Ok)
        if (ok)
            ok.text = qsTr("Broadcast")
    }

    ColumnLayout {
        width: parent.width
        spacing: 8
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: dialog.plan.ok
                  ? qsTr("This calls %n unit(s) into one call and keeps them busy until you end it.",
                         "", dialog.plan.reach || 0)
                  : qsTr("Nobody in %1 can be called now.").arg(dialog.plan.name || "")
        }
        Label {
            Layout.fillWidth: true
            visible: text !== ""
            wrapMode: Text.Wrap
            text: dialog.plan.skipped || ""
            color: Theme.waiting
        }
    }
}
