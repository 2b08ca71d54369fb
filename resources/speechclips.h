// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/media/wavfile.h"

#include <QList>

namespace floorline::resources {

/// The bundled speech clips (16 kHz mono), in order clip-1 .. clip-6.
QList<media::PcmClip> speechClips();

} // namespace floorline::resources
