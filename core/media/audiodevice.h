// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "spscring.h"

#include <QList>
#include <QString>

#include <atomic>
#include <cstdint>
#include <memory>

namespace floorline::media {

/// @brief A sound device as the console lists it.
struct AudioDeviceInfo
{
    QString name;
    QString hostApi;
    int inputChannels = 0;
    int outputChannels = 0;
    double defaultSampleRate = 0;
    bool defaultInput = false;
    bool defaultOutput = false;
};

struct AudioStreamConfig
{
    int sampleRate = 48000;
    int framesPerBuffer = 0; ///< 0: let the host choose (paFramesPerBufferUnspecified)
    double suggestedLatencyMs = 0; ///< 0: the device's low-latency default
};

/**
 * @brief An open mono stream between a device and a sample ring.
 *
 * Thread rule: the device's callback only copies samples between the device buffer and the
 * ring and bumps the atomic counters below; everything else happens on the media thread.
 */
class AudioStream
{
public:
    virtual ~AudioStream() = default;
    virtual bool start(QString *error) = 0;
    virtual void stop() = 0;
    virtual bool isRunning() const = 0;
    /// The device went away or the host aborted the stream; reopen on another device.
    bool hasFailed() const { return m_failed.load(std::memory_order_acquire); }
    virtual double latencyMs() const = 0;
    uint64_t frames() const { return m_frames.load(std::memory_order_relaxed); }
    /// Output: frames the ring could not supply (played as silence). Input: frames dropped
    /// because the ring was full.
    uint64_t xruns() const { return m_xruns.load(std::memory_order_relaxed); }
    /// The largest block the device has moved in one callback: how far ahead playout must stay.
    uint32_t largestPeriod() const { return m_period.load(std::memory_order_relaxed); }

protected:
    void notePeriod(uint32_t frames)
    {
        if (frames > m_period.load(std::memory_order_relaxed))
            m_period.store(frames, std::memory_order_relaxed);
    }
    std::atomic<uint32_t> m_period {0};
    std::atomic<bool> m_failed {false};
    std::atomic<uint64_t> m_frames {0};
    std::atomic<uint64_t> m_xruns {0};
};

/// @brief A family of sound devices: PortAudio for real ones, a fake with a virtual clock for
/// unit tests.
class AudioBackend
{
public:
    virtual ~AudioBackend() = default;
    virtual QString name() const = 0;
    virtual QList<AudioDeviceInfo> devices() = 0;
    /// Opens a capture stream on the device called `device` (empty: the default) feeding `ring`.
    virtual std::unique_ptr<AudioStream> openInput(const QString &device,
                                                   const AudioStreamConfig &config,
                                                   SpscRing<float> &ring, QString *error)
        = 0;
    /// Opens a playback stream on `device` (empty: the default) draining `ring`.
    virtual std::unique_ptr<AudioStream> openOutput(const QString &device,
                                                    const AudioStreamConfig &config,
                                                    SpscRing<float> &ring, QString *error)
        = 0;
    /// Re-reads the device list after a device appeared or disappeared. Close streams first.
    virtual bool reinitialize(QString *error) = 0;
};

} // namespace floorline::media
