// SPDX-License-Identifier: Apache-2.0
#include "speechclips.h"

#include <QDebug>

namespace floorline::resources {

QList<media::PcmClip> speechClips()
{
    QList<media::PcmClip> clips;
    for (int i = 1; i <= 6; ++i) {
        QString error;
        auto clip = media::readWav(QStringLiteral(":/speech/clip-%1.wav").arg(i), &error);
        if (clip)
            clips.append(std::move(*clip));
        else
            qWarning().noquote() << "speech clip missing:" << error;
    }
    return clips;
}

} // namespace floorline::resources
