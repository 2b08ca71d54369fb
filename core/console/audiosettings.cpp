// SPDX-License-Identifier: Apache-2.0
#include "audiosettings.h"

#include "core/media/audiodevice.h"
#include "core/media/voiceengine.h"

#include <algorithm>
#include <cmath>

namespace floorline::console {

namespace {
constexpr int kMeterMs = 50;
constexpr double kFloorDb = -60.0;
constexpr double kFallPerTick = 0.04; ///< about 1.5 s from full scale to nothing
} // namespace

AudioSettings::AudioSettings(media::AudioBackend *backend, media::VoiceEngine *voice, QString input,
                             QString headset, QString speaker, QString alert, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_voice(voice)
    , m_input(std::move(input))
    , m_headset(std::move(headset))
    , m_speaker(std::move(speaker))
    , m_alert(std::move(alert))
{
    m_meter.setInterval(kMeterMs);
    connect(&m_meter, &QTimer::timeout, this, &AudioSettings::onMeter);
    if (m_voice) {
        connect(m_voice, &media::VoiceEngine::devicesSwitched, this,
                [this](bool ok, const QString &message) {
                    setStatus(ok ? QString() : tr("Could not open the device: %1").arg(message));
                });
    }
    refresh();
}

void AudioSettings::refresh()
{
    m_inputs.clear();
    m_outputs.clear();
    if (m_backend) {
        for (const media::AudioDeviceInfo &d : m_backend->devices()) {
            if (d.inputChannels > 0)
                m_inputs << d.name;
            if (d.outputChannels > 0)
                m_outputs << d.name;
        }
    }
    Q_EMIT devicesListed();
}

void AudioSettings::apply(const QString &input, const QString &headset, const QString &speaker,
                          const QString &alert)
{
    if (input == m_input && headset == m_headset && speaker == m_speaker && alert == m_alert)
        return;
    m_input = input;
    m_headset = headset;
    m_speaker = speaker;
    m_alert = alert;
    Q_EMIT selectionChanged();
    setStatus({});
    if (m_voice)
        m_voice->setDevices(input, headset, speaker, alert);
    Q_EMIT applied(input, headset, speaker, alert);
}

void AudioSettings::setMetering(bool on)
{
    if (on == m_meter.isActive() || !m_voice)
        return;
    if (on) {
        m_voice->takeInputPeak(); // start from now, not from whatever was loud before
        m_meter.start();
    } else {
        m_meter.stop();
        m_level = 0;
        Q_EMIT levelChanged();
    }
    Q_EMIT meteringChanged();
}

void AudioSettings::onMeter()
{
    const float peak = m_voice->takeInputPeak();
    const double db = peak > 0 ? 20.0 * std::log10(double(peak)) : kFloorDb;
    const double now = std::clamp((db - kFloorDb) / -kFloorDb, 0.0, 1.0);
    const double level = std::max(now, m_level - kFallPerTick);
    if (std::abs(level - m_level) > 1e-4) {
        m_level = level;
        Q_EMIT levelChanged();
    }
}

void AudioSettings::setStatus(const QString &status)
{
    if (status == m_status)
        return;
    m_status = status;
    Q_EMIT statusChanged();
}

} // namespace floorline::console
