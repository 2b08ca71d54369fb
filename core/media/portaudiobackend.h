// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audiodevice.h"

namespace floorline::media {

/**
 * @brief AudioBackend over PortAudio (ALSA, JACK, OSS on Linux; WASAPI and others on Windows).
 *
 * Devices are found by name, as PortAudio reports it; on Linux the tests and CI use the JACK
 * host API against a private dummy server (DESIGN.md §6).
 */
class PortAudioBackend : public AudioBackend
{
public:
    PortAudioBackend();
    ~PortAudioBackend() override;

    bool isValid() const { return m_initialized; }
    QString errorString() const { return m_error; }
    QString name() const override { return QStringLiteral("PortAudio"); }
    QList<AudioDeviceInfo> devices() override;
    std::unique_ptr<AudioStream> openInput(const QString &device, const AudioStreamConfig &config,
                                           SpscRing<float> &ring, QString *error) override;
    std::unique_ptr<AudioStream> openOutput(const QString &device, const AudioStreamConfig &config,
                                            SpscRing<float> &ring, QString *error) override;
    bool reinitialize(QString *error) override;

private:
    std::unique_ptr<AudioStream> open(bool input, const QString &device,
                                      const AudioStreamConfig &config, SpscRing<float> &ring,
                                      QString *error);
    bool m_initialized = false;
    QString m_error;
};

} // namespace floorline::media
