// SPDX-License-Identifier: Apache-2.0
#pragma once

// Finding the JACK ports a PortAudio stream just registered, so a test or benchmark can wire
// its own "mouth" and "ear" to an engine's microphone and headset (jack_lsp / jack_connect).
#include <QProcess>
#include <QSet>
#include <QString>
#include <QStringList>

namespace floorline::test {

inline QSet<QString> jackPorts()
{
    QProcess lsp;
    lsp.start(QStringLiteral("jack_lsp"), {});
    lsp.waitForFinished(5000);
    const QStringList lines = QString::fromLocal8Bit(lsp.readAllStandardOutput())
                                  .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return QSet<QString>(lines.begin(), lines.end());
}

/// The one port that appeared since `before` whose name contains `direction` (":in_", ":out_").
inline QString newJackPort(const QSet<QString> &before, const QString &direction)
{
    for (const QString &p : jackPorts() - before) {
        if (p.contains(direction))
            return p;
    }
    return {};
}

inline bool jackConnect(const QString &from, const QString &to)
{
    return QProcess::execute(QStringLiteral("jack_connect"), {from, to}) == 0;
}

} // namespace floorline::test
