// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "simunit.h"

#include <QJsonObject>
#include <QObject>
#include <QRandomGenerator>
#include <QTimer>

#include <memory>
#include <vector>

namespace floorline::sim {

/**
 * @brief The simulated fleet: many SimUnits, a talk schedule per group and real-time pacing.
 *
 * Each talk group gets talk spurts at exponentially distributed intervals; a random idle member
 * requests the floor and speaks one of the bundled speech clips (espeak-ng, encoded once at
 * start by the voice engine's own capture path). A small share of requests are emergencies, which
 * pre-empt whoever talks and raise the unit's emergency alert (see SimUnit for how it ends).
 */
class SimFleet : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QUrl server;
        /// wss:// to a self-signed server: the SHA-256 of its certificate (proto/fingerprint.h).
        QByteArray fingerprint;
        double talkIntervalSeconds = 15.0; ///< mean time between spurts per group
        double emergencyShare = 0.02;
        int connectsPerSecond = 100; ///< login ramp, so a big fleet does not stampede
        quint32 seed = 0; ///< 0: random
        int frameMs = 20; ///< the units' Opus frames, as a console's engine would send them
        /// Pictures the units share and show with some of their spurts (name → PNG bytes).
        QList<std::pair<QString, QByteArray>> pictures;
        double pictureShare = 0.25; ///< of spurts that show one, once they are uploaded
        /// Mean seconds between unit resets across the fleet (a radio announces it, is gone for
        /// resetDownSeconds, comes back); 0: none.
        double resetIntervalSeconds = 0;
        double resetDownSeconds = 8;
    };

    SimFleet(const proto::Fleet &fleet, Options options, QObject *parent = nullptr);
    ~SimFleet() override;

    void start();
    void stop();
    int unitCount() const { return int(m_units.size()); }
    int onlineCount() const;
    UnitCounters totals() const;
    QJsonObject statsJson() const;
    const std::vector<std::unique_ptr<SimUnit>> &units() const { return m_units; }

Q_SIGNALS:
    /// A unit cannot log in at all (the server's certificate is not trusted): the fleet is
    /// useless until the operator fixes it.
    void failed(const QString &why);

private:
    void scheduleGroup(const QString &group, qint64 nowMs);
    void onTick();
    void startBatch();
    void uploadPictures(SimUnit &unit);

    Options m_options;
    std::vector<std::unique_ptr<SimUnit>> m_units;
    QHash<QString, QList<SimUnit *>> m_members; ///< talk group -> members
    QHash<QString, qint64> m_nextSpurt; ///< talk group -> when
    std::vector<media::SpurtRecording> m_clips;
    QTimer m_pacing;
    QTimer m_ramp;
    std::size_t m_started = 0;
    QRandomGenerator m_random;
    qint64 m_nextReset = 0;
    QStringList m_pictureIds; ///< stored pictures the spurts may show
    bool m_uploading = false;
};

} // namespace floorline::sim
