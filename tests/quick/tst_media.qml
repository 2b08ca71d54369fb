// SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtTest
import Floorline.Core
import Floorline.Ui
import Floorline.Test

// Media on the console view: a file dropped on a group uploads with visible progress and lands
// on the group's shelf; a unit's talk spurt that shows a picture shows it (a placeholder first)
// and it disappears when the floor goes idle.
TestCase {
    id: test
    name: "Media"
    when: windowShown
    visible: true
    width: 1366
    height: 768

    ConsoleView {
        id: view
        anchors.fill: parent
        controller: Fixture.controller
    }

    // A drag that carries a file, as the drop areas take it from inside the application
    // (a file manager's drag arrives through the platform, which a test cannot drive).
    Rectangle {
        id: fileDrag
        width: 20
        height: 20
        color: "white"
        property url file
        readonly property var fileUrls: [file]
        Drag.keys: ["text/uri-list"]
        Drag.hotSpot.x: 10
        Drag.hotSpot.y: 10
    }

    function initTestCase() {
        tryVerify(() => Fixture.ready(), 5000, "logged in with a group selected")
    }

    function test_1_droppingAFileOnAGroupUploadsWithVisibleProgress() {
        let row = null
        tryVerify(() => (row = findChild(view, "group-tg-001")) !== null, 3000, "the tg-001 tile")
        fileDrag.file = Fixture.writePicture("scene.png", 700, 500, "noise")
        const at = row.mapToItem(test, row.width / 2, row.height / 2)
        fileDrag.x = at.x - 10
        fileDrag.y = at.y - 10
        fileDrag.Drag.active = true
        fileDrag.Drag.drop()
        fileDrag.Drag.active = false

        const media = Fixture.controller.media
        compare(media.shelf.group, "tg-001", "the group's shelf opened")
        compare(media.uploading, 1)
        let item = null
        tryVerify(() => (item = findChild(view, "shelfItem-scene.png")) !== null, 2000,
                  "the file is on the shelf")
        const bar = findChild(item, "uploadProgress")
        verify(bar.visible, "an upload shows its progress")
        tryVerify(() => bar.value > 0 && bar.value < 1, 5000, "progress moves: " + bar.value)
        tryCompare(media, "uploading", 0, 15000)
        verify(!bar.visible)
        compare(media.notice, "")
        tryVerify(() => item.delivery.indexOf("Delivered to") === 0, 5000,
                  "delivery shows: " + item.delivery)
    }

    function test_2_incomingSpurtShowsItsPictureUntilIdle() {
        const onAir = findChild(view, "onAirMedia")
        const picture = findChild(view, "onAirPicture")
        verify(!onAir.visible)
        const group = Fixture.unitTalksShowing("unit-0003", "hydrant.png")
        verify(group !== "", "the unit talks with a picture")
        tryVerify(() => onAir.visible, 3000, "the spurt's picture shows")
        tryCompare(picture, "status", Image.Ready, 5000)
        compare(picture.sourceSize.width, 640)
        const thumb = findChild(findChild(view, "group-" + group), "spurtMedia")
        verify(thumb.visible, "the group tile shows it too")
        Fixture.unitStops("unit-0003")
        tryVerify(() => !onAir.visible, 3000, "it goes with the floor")
        tryVerify(() => !thumb.visible, 3000)

        // The log keeps what the spurt showed: click it to see the picture again.
        const log = findChild(view, "activityList")
        let entry = null
        tryVerify(() => (entry = log.itemAtIndex(0)) !== null && entry.media !== "", 3000,
                  "the spurt is in the log with its picture")
        mouseClick(entry)
        const viewed = findChild(view, "viewedMedia")
        tryVerify(() => viewed.visible, 3000, "the picture shows again")
        verify(viewed.item.caption.indexOf("Patrol 3 on ") === 0, viewed.item.caption)
    }
}
