// SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls
import QtTest
import Floorline.Core
import Floorline.Ui
import Floorline.Test

// The console without a mouse: Space talks wherever the focus is (except while typing),
// Enter presses the focused control, every control a dispatcher can reach has a name for a
// screen reader, and the audio settings show devices and a live microphone level.
TestCase {
    id: test
    name: "Keyboard"
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
    }

    function test_1_spaceTalksEvenWhenAChipHasTheFocusAndEnterPressesTheChip() {
        // The tree's rows are made a moment after the login (seen under load: not yet there).
        tryVerify(() => findChild(view, "group-tg-002") !== null, 5000, "group row")
        const chip = findChild(findChild(view, "group-tg-002"), "monitor")
        verify(chip.checked)
        chip.forceActiveFocus(Qt.TabFocusReason)
        verify(chip.activeFocus)
        keyPress(Qt.Key_Space)
        tryCompare(Fixture.controller.talk, "state", Console.Granted, 3000)
        keyRelease(Qt.Key_Space)
        tryCompare(Fixture.controller.talk, "state", Console.Idle, 3000)
        verify(chip.checked, "Space did not toggle the chip")
        keyClick(Qt.Key_Return)
        tryCompare(chip, "checked", false, 1000)
        verify(!Fixture.controller.groups.isMonitored("tg-002"))
        keyClick(Qt.Key_Return)
        tryCompare(chip, "checked", true, 1000)
    }

    function test_2_spaceTypesInTheSearchField() {
        const search = findChild(view, "unitSearch")
        search.forceActiveFocus()
        keyClick(Qt.Key_E)
        keyClick(Qt.Key_Space)
        keyClick(Qt.Key_1)
        compare(search.text, "e 1")
        compare(Fixture.controller.talk.state, Console.Idle)
        keyClick(Qt.Key_Escape)
        compare(search.text, "")
    }

    function test_3_everyReachableControlHasAnAccessibleName() {
        const unnamed = []
        let checked = 0
        function walk(item) {
            if (!item || !item.visible)
                return
            const focusable = item.activeFocusOnTab
                || (item.focusPolicy !== undefined && (item.focusPolicy & Qt.TabFocus))
            if (focusable && item.enabled) {
                ++checked
                const name = item.Accessible.name
                if (!name || name.trim() === "")
                    unnamed.push(item.toString() + " " + (item.objectName || item.text || ""))
            }
            for (let i = 0; i < item.children.length; ++i)
                walk(item.children[i])
        }
        walk(view)
        verify(checked > 20, "walked " + checked + " controls")
        compare(unnamed.length, 0, unnamed.join("; "))
    }

    function test_4_audioSettingsListDevicesAndShowTheMicrophoneLevel() {
        const audio = Fixture.controller.audio
        verify(audio.available)
        compare(audio.inputDevices, ["Fake microphone"])
        verify(audio.outputDevices.indexOf("Fake headset") >= 0)
        const button = findChild(view, "openAudio")
        verify(button.enabled)
        mouseClick(button)
        tryVerify(() => audio.metering, 2000, "the meter runs while the settings are open")
        compare(audio.level, 0)
        Fixture.speakIntoMicrophone(1.0)
        tryVerify(() => audio.level > 0.8, 3000, "a -6 dBFS tone fills the meter: " + audio.level)
        audio.metering = false
    }
}
