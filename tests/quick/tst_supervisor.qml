// SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtTest
import Floorline.Core
import Floorline.Ui
import Floorline.Test

// A supervisor's overview against the real server: several live sessions (a talking group
// with a queue, an emergency, a colleague's call), the consoles and where they talk, live
// updates as the floor moves, and hearing any session in one click.
TestCase {
    id: test
    name: "Supervisor"
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

    readonly property var supervision: Fixture.controller.supervision

    // The overview's rows as they are laid out now, top to bottom.
    function rows() {
        const list = findChild(view, "overviewSessions")
        const out = []
        for (let i = 0; i < list.count; ++i) {
            list.positionViewAtIndex(i, ListView.Contain)
            const item = list.itemAtIndex(i)
            if (item)
                out.push(item)
        }
        list.positionViewAtBeginning()
        return out
    }
    function row(sessionId) { return rows().find(r => r.sessionId === sessionId) }
    function queueLines(r) {
        const lines = []
        for (let i = 0; i < r.queue.length; ++i)
            lines.push(r.queue[i])
        return lines
    }
    function consoleRow(unit) {
        const list = findChild(view, "overviewConsoles")
        for (let i = 0; i < list.count; ++i) {
            const item = list.itemAtIndex(i)
            if (item && item.unit === unit)
                return item
        }
        return null
    }

    function initTestCase() {
        tryVerify(() => Fixture.ready(), 5000, "logged in")
        Fixture.logInAs("supervisor")
        tryVerify(() => supervision.available && Fixture.ready(), 5000, "logged in as supervisor")
    }

    function test_1_aSupervisorSeesTheOverviewFirst() {
        const overview = findChild(view, "supervisorView")
        verify(overview.visible, "the overview, not the console's panels")
        verify(findChild(view, "viewSwitch").visible)
        tryVerify(() => consoleRow("supervisor") !== null, 3000)
        verify(consoleRow("supervisor").self)
        compare(findChild(view, "overviewSessions").count, 0, "nobody talks yet")
    }

    function test_2_sessionsQueueEmergencyAndCalls() {
        compare(Fixture.unitAsks("unit-0001", false), "granted")
        compare(Fixture.unitAsks("unit-0005", false), "queued")
        compare(Fixture.unitAsks("unit-0002", true), "granted") // an emergency call on tg-002
        const call = Fixture.otherDispatcherCalls(["unit-0003"])
        verify(call !== "")
        tryVerify(() => rows().length === 3, 3000, "two groups and a call")

        // Emergencies first, then who talks, then quiet calls.
        tryCompare(rows()[0], "sessionId", "group:tg-002", 3000)
        const emergency = rows()[0]
        verify(emergency.emergency)
        tryVerify(() => emergency.emergencyText.indexOf("not acknowledged") > 0, 3000,
                  emergency.emergencyText)
        compare(emergency.talker, Fixture.aliasOf("unit-0002"))
        compare(emergency.floorType, "emergency")

        const busy = row("group:tg-001")
        compare(busy.talker, Fixture.aliasOf("unit-0001"))
        compare(queueLines(busy), ["1  " + Fixture.aliasOf("unit-0005")])
        verify(busy.participantCount >= 3, "the units and the consoles monitoring it")
        const talkTime = findChild(busy, "talker")
        verify(talkTime.text.indexOf(Fixture.aliasOf("unit-0001")) >= 0, talkTime.text)

        const callRow = row(call)
        compare(callRow.kind, "adhoc")
        compare(callRow.owner, "Dispatch 2")
        compare(callRow.talker, "")
        compare(rows()[2].sessionId, call)

        const summary = findChild(view, "overviewSummary").text
        verify(summary.indexOf("3 live") === 0, summary)
        verify(summary.indexOf("2 talking") > 0, summary)
        verify(summary.indexOf("1 waiting") > 0, summary)

        tryVerify(() => consoleRow("dispatch-2") !== null, 3000, "the colleague's console")
        verify(consoleRow("dispatch-2").calls.length > 0, "in its call")
        grabImage(view).save("quick-supervisor.png")
    }

    function test_3_theQueueMovesLive() {
        Fixture.unitStops("unit-0001")
        const busy = () => row("group:tg-001")
        tryCompare(busy(), "talker", Fixture.aliasOf("unit-0005"), 3000)
        compare(busy().queueCount, 0)
        Fixture.unitStops("unit-0005")
        tryVerify(() => busy() === undefined, 3000, "a quiet group leaves the overview")
    }

    function test_3b_rowsHoldStillUnderThePointer() {
        compare(Fixture.unitAsks("unit-0001", false), "granted")
        tryVerify(() => row("group:tg-001") !== undefined, 3000)
        const list = findChild(view, "overviewSessions")
        mouseMove(list, 40, 20)
        tryCompare(supervision.sessions, "held", true, 2000)
        const before = rows().map(r => r.sessionId)
        Fixture.unitStops("unit-0001") // the group goes quiet: it would leave the list
        tryCompare(row("group:tg-001"), "ended", true, 3000)
        compare(rows().map(r => r.sessionId), before, "nothing moved under the pointer")
        compare(findChild(row("group:tg-001"), "talker").text, "ended")
        // A new talker while held: at the end, nothing above it moves.
        compare(Fixture.unitAsks("unit-0004", false), "granted") // tg-004
        tryVerify(() => rows().length === before.length + 1, 3000)
        compare(rows()[rows().length - 1].sessionId, "group:tg-004")
        compare(rows().slice(0, before.length).map(r => r.sessionId), before)
        // The pointer leaves: what ended goes, the rest sorts itself.
        mouseMove(findChild(view, "pttPanel"), 10, 10)
        tryCompare(supervision.sessions, "held", false, 2000)
        tryVerify(() => row("group:tg-001") === undefined, 3000, "the quiet group is gone")
        verify(rows().findIndex(r => r.sessionId === "group:tg-004")
               < rows().findIndex(r => r.kind === "adhoc"), "who talks before a quiet call")
    }

    function test_3c_talkFromTheOverview() {
        // unit-0004 talks on tg-004; the supervisor holds the row's PTT: a console's press
        // takes the floor from a radio.
        const talk = findChild(row("group:tg-004"), "rowTalk")
        verify(talk.enabled, "a monitored group can be talked on")
        mousePress(talk)
        tryCompare(Fixture.controller.talk, "state", Console.Granted, 4000)
        tryCompare(row("group:tg-004"), "talker", "Supervisor", 3000)
        mouseRelease(talk)
        tryCompare(Fixture.controller.talk, "state", Console.Idle, 3000)
        Fixture.unitStops("unit-0004")
        mouseMove(findChild(view, "pttPanel"), 10, 10)
    }

    function test_4_listenInToACallInOneClick() {
        const callId = rows().find(r => r.kind === "adhoc").sessionId
        const chip = findChild(row(callId), "monitor")
        compare(chip.text, "Listen in")
        mouseClick(chip)
        tryCompare(row(callId), "monitored", true, 3000)
        tryVerify(() => Fixture.controller.sessions.count > 0
                  && findChild(row(callId), "monitor").text === "Leave", 3000)
        tryVerify(() => row(callId).participants.indexOf("Supervisor") >= 0, 3000,
                  "the overview lists us in the call")
        mouseClick(findChild(row(callId), "monitor"))
        tryCompare(row(callId), "monitored", false, 3000)
    }

    function test_5_monitorAGroupInOneClick() {
        Fixture.controller.groups.setMonitored("tg-003", false)
        compare(Fixture.unitAsks("unit-0007", false), "granted") // tg-003
        tryVerify(() => row("group:tg-003") !== undefined, 3000)
        const chip = findChild(row("group:tg-003"), "monitor")
        compare(chip.text, "Monitor")
        mouseClick(chip)
        verify(Fixture.controller.groups.isMonitored("tg-003"), "heard on the speaker now")
        tryCompare(row("group:tg-003"), "monitored", true, 3000)
        compare(findChild(row("group:tg-003"), "monitor").text, "Monitoring")
        Fixture.unitStops("unit-0007")
    }

    function test_6_theHeaderSwitchesToTheConsoleAndBack() {
        mouseClick(findChild(view, "showConsole"))
        verify(!findChild(view, "supervisorView").visible)
        verify(findChild(view, "unitList").visible, "the console's panels")
        // unit-0002's emergency is still open: the console's own banner shows it too.
        verify(Fixture.controller.emergencies.count > 0)
        verify(findChild(view, "emergencyBanner").visible, "the banner over the group tree")
        mouseClick(findChild(view, "showOverview"))
        verify(findChild(view, "supervisorView").visible)
    }
}
