// SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtTest
import Floorline.Core
import Floorline.Ui
import Floorline.Test

// Pulling units into calls by dragging them, as a dispatcher does it with the mouse: what
// reaches the server is checked on the server's own counters.
TestCase {
    id: test
    name: "Invites"
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

    function stat(name) { return Fixture.serverStats()[name] }

    function unitRow(unit) {
        const list = findChild(view, "unitList")
        for (let i = 0; i < list.count; ++i) {
            const item = list.itemAtIndex(i)
            if (item && item.unitId === unit)
                return item
        }
        list.positionViewAtIndex(0, 0)
        return null
    }

    function call(index) { return findChild(view, "callList").itemAtIndex(index) }

    // Press on `source`, move in steps (DragHandler needs to see the pointer travel), release
    // over `target`.
    function drag(source, target) {
        const from = source.mapToItem(view, source.width / 2, source.height / 2)
        const to = target.mapToItem(view, target.width / 2, target.height / 2)
        mousePress(view, from.x, from.y)
        for (let i = 1; i <= 12; ++i)
            mouseMove(view, from.x + (to.x - from.x) * i / 12, from.y + (to.y - from.y) * i / 12,
                      10, Qt.LeftButton)
        wait(20) // the drag hands its last move to the zones through the event loop
        mouseRelease(view, to.x, to.y)
    }

    function initTestCase() {
        tryVerify(() => Fixture.ready(), 5000, "logged in")
        verify(Fixture.unitsOnline(["unit-0003", "unit-0004", "unit-0005"]))
        tryVerify(() => unitRow("unit-0004") && unitRow("unit-0004").status === "online", 3000)
        // A live call with one unit in it, started from the keyboard path.
        Fixture.controller.calls.invite(["unit-0003"], "")
        tryVerify(() => call(0) && call(0).participantCount === 2, 3000, "us and unit-0003")
    }

    function test_1_draggingAUnitOntoALiveCallSendsExactlyOneInvite() {
        const invitations = stat("invitations")
        const invited = stat("unitsInvited")
        const row = unitRow("unit-0004")
        drag(row, call(0))
        tryCompare(call(0), "participantCount", 3, 3000)
        compare(stat("invitations"), invitations + 1, "one session.invite reached the server")
        compare(stat("unitsInvited"), invited + 1, "for one unit")
        verify(call(0).participants.indexOf(row.alias) >= 0, call(0).participants)
        tryCompare(unitRow("unit-0004"), "status", "busy", 3000)
        const notice = findChild(view, "inviteNotice")
        verify(notice.text.indexOf("Invited " + row.alias) === 0, notice.text)
    }

    function test_2_draggingABusyUnitShowsTheSkippedNoticeAndSendsNone() {
        verify(Fixture.otherDispatcherCalls(["unit-0005"]) !== "")
        tryCompare(unitRow("unit-0005"), "status", "busy", 3000)
        const invitations = stat("invitations")
        const created = stat("sessionsCreated")
        const row = unitRow("unit-0005")
        // The other dispatcher's call is brought into view when it appears (its row comes in a
        // batch, after the unit's status): wait for it, then back to ours.
        const list = findChild(view, "callList")
        tryCompare(list, "count", 2, 3000)
        wait(150) // the bring-into-view runs later in the event loop
        list.positionViewAtIndex(0, ListView.Beginning)
        wait(50)
        drag(row, call(0))
        const notice = findChild(view, "inviteNotice")
        tryVerify(() => notice.text.indexOf("Not invited") >= 0, 3000, notice.text)
        compare(notice.text, "Not invited: " + row.alias + " (busy in Other call)")
        wait(200) // anything sent would have reached the server by now
        compare(stat("invitations"), invitations, "no invite was sent")
        compare(stat("sessionsCreated"), created)
        compare(call(0).participantCount, 3)
    }

    function test_3_droppingASubtreeOnBroadcastInvitesEachUnitOnce() {
        // unit-0010 belongs to two talk groups of the North region; 0003-0005 are busy.
        verify(Fixture.unitsOnline(["unit-0009", "unit-0010", "unit-0011", "unit-0012"]))
        tryVerify(() => unitRow("unit-0010") && unitRow("unit-0010").status === "online", 3000)
        const invited = stat("unitsInvited")
        const sessions = findChild(view, "callList")
        const before = sessions.count
        drag(findChild(view, "group-region-1"), findChild(view, "broadcastZone"))
        // Asked first, naming how many units it would call; nothing is sent before the answer.
        const ask = findChild(view, "broadcastDialog")
        tryCompare(ask, "opened", true, 3000)
        compare(ask.plan.reach, 4, "the four free units of the region")
        wait(200)
        compare(stat("unitsInvited"), invited, "nothing sent before the dispatcher confirms")
        ask.accept()
        let card = null
        tryVerify(() => {
            for (let i = 0; i < sessions.count; ++i) {
                if (call(i) && call(i).kind === "broadcast")
                    card = call(i)
            }
            return card !== null
        }, 3000, "a broadcast call appeared")
        tryCompare(card, "participantCount", 5, 3000) // us and the four free units
        compare(stat("unitsInvited"), invited + 4, "each free unit invited once")
        const alias = unitRow("unit-0010").alias
        const parts = card.participants.split(", ")
        compare(parts.filter(p => p === alias).length, 1, card.participants)
        verify(card.owned)
        const notice = findChild(view, "inviteNotice").text
        verify(notice.indexOf("Not invited: ") >= 0 && notice.indexOf("busy in") >= 0, notice)
    }

    function test_4_aUnitCannotBeDroppedOnBroadcast() {
        const created = stat("sessionsCreated")
        drag(unitRow("unit-0011"), findChild(view, "broadcastZone"))
        wait(200)
        compare(stat("sessionsCreated"), created, "broadcast takes groups only")
    }
}
