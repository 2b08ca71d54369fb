// SPDX-License-Identifier: Apache-2.0
import QtQuick

// A place to drop units or a group on: dashed while idle, lit while something it takes hovers
// over it. `received(units, group)` fires with what the ghost carried.
DropArea {
    id: zone
    property string title
    property string hint
    property color tint: Theme.selected
    /// False when the item under the zone draws the hover itself (a call card).
    property bool showFrame: true
    signal received(var units, string group)

    onDropped: (drop) => {
        zone.received(drop.source.units, drop.source.group)
        drop.accept(Qt.CopyAction)
    }

    Rectangle {
        visible: zone.showFrame
        anchors.fill: parent
        radius: Theme.radius
        color: zone.containsDrag ? Qt.darker(zone.tint, 1.8) : "transparent"
        border.color: zone.containsDrag ? zone.tint : Theme.line
        border.width: 2
        Column {
            anchors.centerIn: parent
            width: parent.width - 16
            spacing: 2
            Text {
                width: parent.width
                text: zone.title
                color: zone.containsDrag ? "white" : Theme.text
                font.pixelSize: 14
                font.weight: Font.DemiBold
                horizontalAlignment: Text.AlignHCenter
                // Longer words in other languages shrink rather than lose their end.
                fontSizeMode: Text.HorizontalFit
                minimumPixelSize: 10
            }
            Text {
                width: parent.width
                text: zone.hint
                color: Theme.textDim
                font.pixelSize: 11
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                // Two lines' room; a longer hint in another language shrinks to fit it
                // rather than lose its end (an elided text counts as fitting, so no elide).
                height: 2 * Math.ceil(hintMetrics.lineSpacing)
                fontSizeMode: Text.Fit
                minimumPixelSize: 8
                clip: true
                FontMetrics {
                    id: hintMetrics
                    font.pixelSize: 11
                }
            }
        }
    }
}
