// SPDX-License-Identifier: Apache-2.0
pragma Singleton
import QtQuick

// The dispatch-room palette: dark, low glare, with a few colours that mean one thing each.
QtObject {
    readonly property color background: "#12161c"
    readonly property color panel: "#1b212a"
    readonly property color panelRaised: "#232b36"
    readonly property color line: "#2e3947"
    readonly property color text: "#e6edf3"
    readonly property color textDim: "#8b98a8"
    readonly property color talking: "#35c46a"      // someone is on the air
    readonly property color onAir: "#2fb35e"        // this console is on the air
    readonly property color waiting: "#e0a526"      // requesting or queued
    readonly property color denied: "#e5484d"
    readonly property color emergency: "#ff3b30"
    readonly property color selected: "#3b82f6"     // heard in the headset, addressed by PTT
    readonly property int radius: 6
    readonly property int gap: 8

    /// The files a drop carries: a file manager's URLs, or, for a drag inside the
    /// application (whose mime data Qt does not pass on), its source's `fileUrls`.
    function droppedFiles(drop) {
        if (drop.hasUrls && drop.urls.length)
            return drop.urls
        return drop.source && drop.source.fileUrls ? drop.source.fileUrls : []
    }
}
