// SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtTest
import Floorline.Core
import Floorline.Ui
import Floorline.Test

// Logging out and in again through the form, as a dispatcher at a shift change: a wrong
// password or a bad address says what is wrong and keeps the form; the right one opens the
// console.
TestCase {
    id: test
    name: "Login"
    when: windowShown
    visible: true
    width: 1366
    height: 768

    ConsoleView {
        id: view
        anchors.fill: parent
        controller: Fixture.controller
        focus: true
    }

    function initTestCase() {
        tryVerify(() => Fixture.ready(), 5000, "logged in")
        verify(!findChild(view, "loginView").visible)
    }

    function fill(server, user, password) {
        findChild(view, "loginServer").text = server
        findChild(view, "loginUser").text = user
        findChild(view, "loginPassword").text = password
        mouseClick(findChild(view, "loginConnect"))
    }

    function test_1_logoutShowsTheForm() {
        mouseClick(findChild(view, "logout"))
        tryCompare(Fixture.controller.connection, "link", Console.Offline, 3000)
        const form = findChild(view, "loginView")
        verify(form.visible)
        compare(findChild(view, "loginServer").text, Fixture.controller.connection.serverUrl)
        compare(findChild(view, "loginUser").text, "dispatch-1")
    }

    function test_2_aBadAddressIsExplained() {
        fill("http://localhost", "dispatch-1", "dispatch-1")
        compare(findChild(view, "loginError").text, "Enter the server as ws://host:port")
        compare(Fixture.controller.connection.link, Console.Offline)
    }

    function test_3_aWrongPasswordIsExplainedAndTheFormStays() {
        fill(Fixture.controller.connection.serverUrl, "dispatch-1", "not-the-password")
        const error = findChild(view, "loginError")
        tryVerify(() => error.text.indexOf("wrong password") >= 0, 5000, error.text)
        tryCompare(Fixture.controller.connection, "link", Console.Offline, 3000)
        verify(findChild(view, "loginView").visible)
    }

    function test_4_theRightPasswordOpensTheConsole() {
        fill(Fixture.controller.connection.serverUrl, "dispatch-1", "dispatch-1")
        tryCompare(Fixture.controller.connection, "link", Console.Online, 5000)
        verify(!findChild(view, "loginView").visible)
        compare(findChild(view, "loginError").text, "")
    }
}
