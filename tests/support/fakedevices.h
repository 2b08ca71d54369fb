// SPDX-License-Identifier: Apache-2.0
#pragma once

// Pacing the fake audio devices in real time, as real device callbacks would run.
#include "core/media/fakeaudiobackend.h"

#include <QElapsedTimer>
#include <QTest>

namespace floorline::test {

/// Runs the fake device clock in real time for `ms` (5 ms periods), keeping the event loop
/// alive so the engine's signals arrive.
inline void runDevices(media::FakeAudioBackend &devices, int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        devices.advance(240);
        QTest::qWait(5);
    }
}

} // namespace floorline::test
