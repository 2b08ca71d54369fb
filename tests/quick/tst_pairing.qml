// SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtTest
import QtMultimedia
import Floorline.Core
import Floorline.Ui
import Floorline.Test

// Pairing as a person does it: open "Pair device", a phone scans the QR code on the screen,
// and the video it pushes to its bound console plays on the console until marked seen.
TestCase {
    id: test
    name: "Pairing"
    when: windowShown
    visible: true
    width: 1366
    height: 768

    ConsoleView {
        id: view
        anchors.fill: parent
        controller: Fixture.controller
    }

    function initTestCase() {
        tryVerify(() => Fixture.ready(), 5000, "logged in")
    }

    function test_scannedCodePairsAPhoneWhoseVideoPlays() {
        mouseClick(findChild(view, "openPairing"))
        const dialog = findChild(view, "pairingDialog")
        tryVerify(() => dialog.opened, 3000, "the pairing dialog opens")
        const qr = findChild(dialog.contentItem, "pairingQr")
        tryCompare(qr, "status", Image.Ready, 3000)
        // The test's server is on loopback: the dispatcher learns a phone cannot open that.
        const warning = findChild(dialog.contentItem, "pairingWarning")
        verify(warning.visible, "a loopback address is called out")
        verify(warning.text.indexOf("127.0.0.1") >= 0, warning.text)
        wait(100) // one frame with the code on it

        // The phone's camera sees what the screen shows.
        let grabbed = false
        const path = Fixture.filePath("screen-qr.png")
        verify(qr.grabToImage(result => grabbed = result.saveToFile(path)))
        tryVerify(() => grabbed, 3000, "the code on the screen was captured")
        const read = Fixture.scanPairAndPushVideo(path, "unit-0007")
        // An ordinary phone camera opens it in the browser: the phone page on the server.
        verify(/^https:\/\/127\.0\.0\.1:[0-9]+\/pair\/[0-9a-f]{32}\?/.test(read),
               "the scanner read the phone page address: " + read)
        tryVerify(() => findChild(dialog.contentItem, "pairedDevices").visible, 3000)
        compare(Fixture.controller.pairing.devices, ["Engine 7"])
        dialog.close()

        const incoming = findChild(view, "incomingMedia")
        tryVerify(() => incoming.visible, 5000, "the pushed video shows")
        const player = findChild(view, "incomingPlayer")
        tryCompare(player, "playbackState", MediaPlayer.PlayingState, 5000)
        tryVerify(() => player.position > 0, 5000, "the video plays")
        verify(player.hasVideo)
        mouseClick(findChild(view, "dismissIncoming"))
        tryVerify(() => !incoming.visible, 3000, "seen: it goes away")
        compare(Fixture.controller.media.incomingCount, 0)
    }
}
