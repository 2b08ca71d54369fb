// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "benchcommon.h"
#include "voicebursts.h"

#include "core/media/portaudiobackend.h"
#include "core/media/voiceengine.h"
#include "core/signaling/signalingclient.h"

#include <memory>

namespace floorline::bench {

struct JackOptions : VoiceRunOptions
{
    QString serverBinary;
};

class Probe;

/**
 * @brief Two voice engines through real PortAudio on the JACK server in JACK_DEFAULT_SERVER,
 * talking across a real floorline-server, with a probe wired to A's microphone ("mouth") and
 * B's headset ("ear"). The probe is one duplex PortAudio stream, so what it plays and what it
 * hears share a single sample clock.
 */
class JackRig
{
public:
    explicit JackRig(JackOptions options);
    ~JackRig();

    bool setUp(QString *error);
    /// Marked bursts in talk spurts: mouth-to-ear per burst.
    LatencyResult mouthToEar();
    /// A talks on; B leaves and rejoins the group `times` times: join request to first sound (ms).
    std::vector<double> lateEntry(int times);

private:
    bool requestFloor();
    void releaseFloor();
    bool setAffiliated(bool on);

    JackOptions m_options;
    ServerProcess m_server;
    SignalingClient m_a, m_b;
    std::unique_ptr<media::PortAudioBackend> m_devices;
    std::unique_ptr<media::VoiceEngine> m_engineA, m_engineB;
    std::unique_ptr<Probe> m_probe;
};

} // namespace floorline::bench
