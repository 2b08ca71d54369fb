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
        compare(findChild(view, "loginError").text, "Enter the server as wss://host:port")
        compare(Fixture.controller.connection.link, Console.Offline)
        // ws:// only to this machine: a password must not cross a network in clear.
        fill("ws://192.0.2.7:7700", "dispatch-1", "dispatch-1")
        verify(findChild(view, "loginError").text.indexOf("not encrypted") >= 0)
        compare(Fixture.controller.connection.link, Console.Offline)
        // What was typed stays to be corrected (it used to snap back to the last server).
        wait(50)
        compare(findChild(view, "loginServer").text, "ws://192.0.2.7:7700")
        // A password typed into the user field is no user name: refused here, sent nowhere
        // (it used to connect and wait for a login that was never sent, again and again).
        fill(Fixture.controller.connection.serverUrl, "Hunter2secret!", "")
        verify(findChild(view, "loginError").text.indexOf("at most 48 letters") >= 0,
               findChild(view, "loginError").text)
        wait(300)
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
        compare(Fixture.controller.connection.certificate, Fixture.serverFingerprint())
    }

    function logOut() {
        mouseClick(findChild(view, "logout"))
        tryCompare(Fixture.controller.connection, "link", Console.Offline, 3000)
    }

    // Trust on first use: a server this console never saw shows its fingerprint and waits for
    // the dispatcher, who compares it and trusts it; the console then logs in.
    function test_5_aNewServerAsksToTrustItsCertificate() {
        logOut()
        Fixture.forgetServer()
        fill(Fixture.controller.connection.serverUrl, "dispatch-1", "dispatch-1")
        const prompt = findChild(view, "trustPrompt")
        tryVerify(() => prompt.visible, 5000, "trust prompt")
        compare(Fixture.controller.connection.link, Console.Offline)
        verify(findChild(view, "trustFingerprint").Accessible.description
               .indexOf(Fixture.serverFingerprint()) >= 0)
        verify(findChild(view, "trustText").text.indexOf("not known") >= 0)
        verify(!findChild(view, "loginConnect").visible)
        mouseClick(findChild(view, "trustAccept"))
        tryCompare(Fixture.controller.connection, "link", Console.Online, 5000)
        verify(!prompt.visible)
        // Trusted now: the next login does not ask again.
        logOut()
        fill(Fixture.controller.connection.serverUrl, "dispatch-1", "dispatch-1")
        tryCompare(Fixture.controller.connection, "link", Console.Online, 5000)
    }

    // A server whose certificate is not the one trusted before: a warning with both
    // fingerprints, nothing sent; Cancel keeps it that way, only an explicit trust connects.
    function test_6_aChangedCertificateIsAWarning() {
        logOut()
        Fixture.pinOtherCertificate()
        fill(Fixture.controller.connection.serverUrl, "dispatch-1", "dispatch-1")
        const prompt = findChild(view, "trustPrompt")
        tryVerify(() => prompt.visible, 5000, "warning")
        verify(findChild(view, "trustText").text.indexOf("Warning") === 0)
        const fingerprints = findChild(view, "trustFingerprint").Accessible.description
        verify(fingerprints.indexOf("Trusted: 42:42:42") >= 0, fingerprints)
        verify(fingerprints.indexOf(Fixture.serverFingerprint()) >= 0, fingerprints)
        verify(findChild(view, "loginError").text.indexOf("has changed") >= 0)
        mouseClick(findChild(view, "trustCancel"))
        verify(!prompt.visible)
        // Not "check its certificate below" with nothing below any more.
        verify(findChild(view, "loginError").text.indexOf("did not trust") >= 0,
               findChild(view, "loginError").text)
        wait(300)
        compare(Fixture.controller.connection.link, Console.Offline)
        fill(Fixture.controller.connection.serverUrl, "dispatch-1", "dispatch-1")
        tryVerify(() => prompt.visible, 5000, "warning again")
        mouseClick(findChild(view, "trustAccept"))
        tryCompare(Fixture.controller.connection, "link", Console.Online, 5000)
    }
}
