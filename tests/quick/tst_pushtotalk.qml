// SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtTest
import Floorline.Core
import Floorline.Ui
import Floorline.Test

// What a dispatcher sees on the console view: holding Space talks and shows it; a queued
// request shows its place; a unit's emergency raises the banner until acknowledged.
TestCase {
    id: test
    name: "PushToTalk"
    when: windowShown
    visible: true // TestCase hides itself by default; the banner's visibility is under test
    width: 1366
    height: 768

    ConsoleView {
        id: view
        anchors.fill: parent
        controller: Fixture.controller
        focus: true
    }

    function initTestCase() {
        tryVerify(() => Fixture.ready(), 5000, "logged in with a group selected")
    }

    function test_1_holdingSpaceShowsGrantedAndReleasingShowsIdle() {
        view.forceActiveFocus()
        keyPress(Qt.Key_Space)
        tryCompare(Fixture.controller.talk, "state", Console.Granted, 3000)
        const notice = findChild(view, "talkNotice")
        compare(notice.text, "You are on the air")
        keyRelease(Qt.Key_Space)
        tryCompare(Fixture.controller.talk, "state", Console.Idle, 3000)
    }

    function test_2_queuedRequestShowsItsPosition() {
        // A colleague at another console talks: consoles are equal, so ours waits.
        const group = "tg-001"
        verify(Fixture.otherDispatcherTalks(group), "the colleague took the floor")
        Fixture.controller.groups.setSelected(group, true)
        view.forceActiveFocus()
        keyPress(Qt.Key_Space)
        tryCompare(Fixture.controller.talk, "state", Console.Queued, 3000)
        compare(Fixture.controller.talk.queuePosition, 1)
        const button = findChild(view, "pttButton")
        verify(button.children[0].text.indexOf("#1") >= 0, button.children[0].text)
        keyRelease(Qt.Key_Space)
        tryCompare(Fixture.controller.talk, "state", Console.Idle, 3000)
        Fixture.otherDispatcherStops(group)
    }

    function test_2b_aRadioNeverCutsTheConsoleOffAndTheConsoleTakesOver() {
        // A radio talks; the console's press takes the floor from it (console priority).
        const group = Fixture.unitTalks("unit-0001", false)
        verify(group !== "", "the unit took the floor")
        Fixture.controller.groups.setSelected(group, true)
        view.forceActiveFocus()
        keyPress(Qt.Key_Space)
        tryCompare(Fixture.controller.talk, "state", Console.Granted, 4000)
        // While we talk, the radio asks again: it waits, it does not cut us off.
        compare(Fixture.unitAsks("unit-0001", false), "queued")
        wait(300)
        compare(Fixture.controller.talk.state, Console.Granted)
        keyRelease(Qt.Key_Space)
        tryCompare(Fixture.controller.talk, "state", Console.Idle, 3000)
        Fixture.unitStops("unit-0001")
    }

    function test_3_emergencyStaysUntilClearedAndShowsWhoAcknowledged() {
        const banner = findChild(view, "emergencyBanner")
        const list = Fixture.controller.emergencies
        verify(!banner.visible)
        const group = Fixture.unitTalks("unit-0002", true)
        verify(group !== "")
        tryCompare(list, "count", 1, 3000)
        tryVerify(() => banner.visible, 3000, "the banner is up")
        const row = findChild(view, "group-" + group)
        tryVerify(() => row.alarm, 3000, "the group is marked")
        compare(list.unacknowledged, 1)
        const ack = findChild(banner, "acknowledgeEmergency")
        mouseClick(ack)
        // A second click right after lands on nothing: the rows may be moving.
        verify(banner.settling, "the buttons wait a moment after a click")
        tryCompare(list, "unacknowledged", 0, 3000)
        const by = findChild(banner, "acknowledgedBy")
        tryVerify(() => by.visible && by.text === "acknowledged by Dispatch 1", 3000, by.text)
        verify(banner.visible, "acknowledged is not cleared: it stays until cleared")
        verify(!ack.enabled, "acknowledged once by us")
        Fixture.unitStops("unit-0002")
        tryVerify(() => findChild(banner, "cancelEmergency").enabled, 3000)
        mouseClick(findChild(banner, "cancelEmergency"))
        tryCompare(list, "count", 0, 3000)
        // It does not just vanish: the banner says who cleared it, for a while.
        tryVerify(() => list.notice.indexOf("cleared by Dispatch 1") > 0, 3000, list.notice)
        verify(banner.visible, "the notice shows")
        tryVerify(() => !row.alarm, 3000, "the group is no longer marked")
        tryVerify(() => !banner.visible, 12000, "the banner is gone")
    }

    // Logging out takes the emergency away with the login (the form must not sit under a
    // banner nobody logged in can acknowledge); the next login shows it again.
    function test_5_logoutTakesTheEmergencyAlong() {
        const banner = findChild(view, "emergencyBanner")
        const list = Fixture.controller.emergencies
        verify(Fixture.unitTalks("unit-0003", true) !== "")
        tryCompare(list, "count", 1, 3000)
        tryVerify(() => banner.visible, 3000, "the banner is up")
        Fixture.controller.logout()
        compare(list.count, 0)
        tryVerify(() => !banner.visible, 3000, "the banner went with the login")
        Fixture.logInAs("dispatch-1")
        tryCompare(Fixture.controller.connection, "link", Console.Online, 5000)
        tryCompare(list, "count", 1, 5000)
        tryVerify(() => banner.visible, 3000, "back with the next login")
        Fixture.unitStops("unit-0003")
        mouseClick(findChild(banner, "acknowledgeEmergency"))
        tryCompare(list, "unacknowledged", 0, 3000)
        tryVerify(() => findChild(banner, "cancelEmergency").enabled, 3000)
        mouseClick(findChild(banner, "cancelEmergency"))
        tryCompare(list, "count", 0, 3000)
    }

    function test_4_deniedPressShowsWhy() {
        const groups = Fixture.controller.groups
        const selected = Fixture.controller.talk.targets.length
        verify(selected > 0)
        for (const id of ["tg-001", "tg-002", "tg-003", "tg-004"])
            groups.setSelected(id, false)
        view.forceActiveFocus()
        keyPress(Qt.Key_Space)
        compare(Fixture.controller.talk.state, Console.Denied)
        compare(findChild(view, "talkNotice").text, "Select a group to talk to")
        keyRelease(Qt.Key_Space)
        // Letting go ends the denial; why stays readable until the next press.
        tryCompare(Fixture.controller.talk, "state", Console.Idle, 1000)
        compare(findChild(view, "talkNotice").text, "Select a group to talk to")
        groups.setSelected("tg-001", true)
    }
}
