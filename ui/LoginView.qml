// SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Floorline.Core

// The login form over the console while it is offline: server, user, password, and why the
// last attempt failed. Enter in any field connects.
Rectangle {
    id: login
    required property ConsoleController controller
    color: Qt.rgba(0.07, 0.09, 0.11, 0.92)
    visible: controller.connection.needsLogin
    // Nothing behind the form takes clicks or keys while it is up.
    MouseArea { anchors.fill: parent; acceptedButtons: Qt.AllButtons; hoverEnabled: true }
    // Hidden, the form must not keep the keyboard: Space would type into the password.
    signal dismissed()
    // The fields start from the last attempt each time the form comes up, and then hold what
    // is typed (a binding would put the old address back when a refused entry stops a retry).
    function fill() {
        server.text = controller.connection.serverUrl
        user.text = controller.connection.account
    }
    Component.onCompleted: fill()
    Connections {
        target: login.controller.connection
        function onLoginTargetChanged() { login.fill() }
    }
    onVisibleChanged: {
        if (visible) {
            fill()
            password.clear() // a logged-out console does not keep the secret typed in
            const field = server.text === "" ? server : user.text === "" ? user : password
            field.forceActiveFocus()
        }
        else
            dismissed()
    }

    function connect() { login.controller.connection.login(server.text, user.text, password.text) }

    Rectangle {
        anchors.centerIn: parent
        width: 420
        height: form.implicitHeight + 48
        radius: Theme.radius
        color: Theme.panelRaised
        border.color: Theme.line
        ColumnLayout {
            id: form
            anchors.fill: parent
            anchors.margins: 24
            spacing: 10
            Label {
                text: qsTr("Log in to a Floorline server")
                font.pixelSize: 18
                font.weight: Font.DemiBold
                color: Theme.text
            }
            TextField {
                id: server
                objectName: "loginServer"
                Layout.fillWidth: true
                placeholderText: qsTr("Server, e.g. wss://dispatch.example:7700")
                Accessible.name: qsTr("Server address")
                onAccepted: login.connect()
            }
            TextField {
                id: user
                objectName: "loginUser"
                Layout.fillWidth: true
                placeholderText: qsTr("User")
                Accessible.name: qsTr("User name")
                onAccepted: login.connect()
            }
            TextField {
                id: password
                objectName: "loginPassword"
                Layout.fillWidth: true
                echoMode: TextInput.Password
                placeholderText: qsTr("Password")
                Accessible.name: qsTr("Password")
                onAccepted: login.connect()
            }
            Label {
                id: loginError
                objectName: "loginError"
                Layout.fillWidth: true
                // Room kept for four lines, so an error appearing does not move Connect, and
                // what to do (it comes last: "Use wss://host:port") is not cut off, in German too.
                Layout.preferredHeight: 4 * Math.ceil(fontMetrics.lineSpacing)
                verticalAlignment: Text.AlignTop
                maximumLineCount: 4
                FontMetrics {
                    id: fontMetrics
                    font: loginError.font
                }
                elide: Text.ElideRight
                text: login.controller.connection.lastError
                color: Theme.denied
                wrapMode: Text.Wrap
            }
            // A certificate the console does not trust yet (first contact) or any more (it
            // changed): its fingerprint, to compare with what the operator gives out, and the
            // dispatcher's decision. Cancel is the safe answer to a changed one.
            ColumnLayout {
                objectName: "trustPrompt"
                readonly property ServerTrust trust: login.controller.connection.trust
                visible: trust.asking
                Layout.fillWidth: true
                spacing: 6
                Label {
                    objectName: "trustText"
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: parent.trust.changed ? Theme.denied : Theme.text
                    font.weight: parent.trust.changed ? Font.DemiBold : Font.Normal
                    text: parent.trust.given
                          ? qsTr("%1 presents a certificate other than the one you were given for it (--fingerprint). Someone may be between you and the server, or the fingerprint you were given is out of date: ask its operator. Not connected.").arg(parent.trust.server)
                          : parent.trust.changed
                          ? qsTr("Warning: %1 presents a different certificate than the one this console trusts for it. Someone may be between you and the server. Trust it only if its operator says the certificate was replaced.").arg(parent.trust.server)
                          : qsTr("%1 is not known to this console yet. Compare its certificate fingerprint with the one its operator gives you.").arg(parent.trust.server)
                }
                Label {
                    objectName: "trustFingerprint"
                    Layout.fillWidth: true
                    wrapMode: Text.WrapAnywhere
                    font.family: "monospace"
                    font.pixelSize: 12
                    color: Theme.text
                    // 32 pairs in two rows of 16, as people read them out to each other.
                    function rows(f) { return f.substring(0, 47) + "\n" + f.substring(48) }
                    text: (parent.trust.changed ? (parent.trust.given ? qsTr("Given: %1") : qsTr("Trusted: %1")).arg("\n" + rows(parent.trust.previous)) + "\n" : "")
                          + qsTr("SHA-256: %1").arg("\n" + rows(parent.trust.presented))
                    Accessible.name: qsTr("Certificate fingerprint")
                    // Unbroken, for a screen reader (and the tests that read it like one).
                    Accessible.description: (parent.trust.changed ? (parent.trust.given ? qsTr("Given: %1") : qsTr("Trusted: %1")).arg(parent.trust.previous) + " " : "")
                                            + qsTr("SHA-256: %1").arg(parent.trust.presented)
                }
                RowLayout {
                    Layout.alignment: Qt.AlignRight
                    Button {
                        objectName: "trustCancel"
                        text: qsTr("Cancel")
                        highlighted: parent.parent.trust.changed
                        onClicked: login.controller.connection.declineCertificate()
                    }
                    Button {
                        objectName: "trustAccept"
                        // The operator's word is not the dispatcher's to overrule.
                        visible: !parent.parent.trust.given
                        text: parent.parent.trust.changed ? qsTr("Trust the new certificate")
                                                          : qsTr("Trust and connect")
                        highlighted: !parent.parent.trust.changed
                        Accessible.name: text
                        onClicked: parent.parent.trust.trust()
                    }
                }
            }
            Button {
                objectName: "loginConnect"
                visible: !login.controller.connection.trust.asking
                Layout.alignment: Qt.AlignRight
                text: qsTr("Connect")
                highlighted: true
                Accessible.name: qsTr("Connect and log in")
                onClicked: login.connect()
            }
        }
    }
}
