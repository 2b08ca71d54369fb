// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audiodevice.h"

#include <QHash>
#include <QStringList>

#include <deque>
#include <mutex>
#include <span>
#include <vector>

namespace floorline::media {

/**
 * @brief An AudioBackend with a virtual clock, for unit tests.
 *
 * Nothing runs by itself: advance() plays the device callbacks for a number of frames, in the
 * calling thread, which may differ from the thread that opens streams. The fake microphone says
 * whatever speak() was given (then silence); every output device records what it played. unplug()
 * makes a device vanish like a USB headset pulled out, so the engine's fallback can be tested.
 */
class FakeAudioBackend : public AudioBackend
{
public:
    FakeAudioBackend();
    ~FakeAudioBackend() override;

    QString name() const override { return QStringLiteral("Fake"); }
    QList<AudioDeviceInfo> devices() override;
    std::unique_ptr<AudioStream> openInput(const QString &device, const AudioStreamConfig &config,
                                           SpscRing<float> &ring, QString *error) override;
    std::unique_ptr<AudioStream> openOutput(const QString &device, const AudioStreamConfig &config,
                                            SpscRing<float> &ring, QString *error) override;
    bool reinitialize(QString *error) override;

    void advance(int frames);
    uint64_t clockFrames() const { return m_clock; }
    void speak(std::span<const float> samples);
    std::vector<float> played(const QString &device) const;
    /// Forgets what every device played so far.
    void forgetPlayed();
    void unplug(const QString &device);
    void plugIn(const QString &device, bool input);

    class Stream;

private:
    friend class Stream;
    std::unique_ptr<AudioStream> open(bool input, const QString &device, SpscRing<float> &ring,
                                      QString *error);

    /// The clock (advance) may run on a test's thread while an engine opens and closes
    /// streams on its media thread, as real device callbacks do.
    mutable std::mutex m_mutex;
    QList<AudioDeviceInfo> m_devices;
    QList<Stream *> m_streams;
    std::deque<float> m_microphone;
    QHash<QString, std::vector<float>> m_played;
    uint64_t m_clock = 0;
};

} // namespace floorline::media
