// SPDX-License-Identifier: Apache-2.0
#include "portaudiobackend.h"

#include <portaudio.h>

#include <algorithm>

namespace floorline::media {

namespace {

QString paError(PaError code)
{
    return QString::fromLocal8Bit(Pa_GetErrorText(code));
}

class PortAudioStream : public AudioStream
{
public:
    PortAudioStream(bool input, SpscRing<float> &ring)
        : m_input(input)
        , m_ring(ring)
    { }
    ~PortAudioStream() override
    {
        if (m_stream) {
            Pa_AbortStream(m_stream);
            Pa_CloseStream(m_stream);
        }
    }

    bool open(PaDeviceIndex device, const AudioStreamConfig &config, QString *error)
    {
        const PaDeviceInfo *info = Pa_GetDeviceInfo(device);
        PaStreamParameters parameters {};
        parameters.device = device;
        parameters.channelCount = 1;
        parameters.sampleFormat = paFloat32;
        parameters.suggestedLatency = config.suggestedLatencyMs > 0
            ? config.suggestedLatencyMs / 1000.0
            : (m_input ? info->defaultLowInputLatency : info->defaultLowOutputLatency);
        const PaError result
            = Pa_OpenStream(&m_stream, m_input ? &parameters : nullptr,
                            m_input ? nullptr : &parameters, config.sampleRate,
                            config.framesPerBuffer > 0 ? unsigned(config.framesPerBuffer)
                                                       : paFramesPerBufferUnspecified,
                            paNoFlag, &PortAudioStream::callback, this);
        if (result != paNoError) {
            m_stream = nullptr;
            *error = QStringLiteral("cannot open %1 on '%2': %3")
                         .arg(m_input ? QStringLiteral("input") : QStringLiteral("output"),
                              QString::fromLocal8Bit(info->name), paError(result));
            return false;
        }
        Pa_SetStreamFinishedCallback(m_stream, &PortAudioStream::finished);
        return true;
    }

    bool start(QString *error) override
    {
        m_stopping = false;
        const PaError result = Pa_StartStream(m_stream);
        if (result != paNoError) {
            *error = paError(result);
            return false;
        }
        return true;
    }
    void stop() override
    {
        m_stopping = true;
        if (m_stream && Pa_IsStreamActive(m_stream) == 1)
            Pa_StopStream(m_stream);
    }
    bool isRunning() const override { return m_stream && Pa_IsStreamActive(m_stream) == 1; }
    double latencyMs() const override
    {
        const PaStreamInfo *info = m_stream ? Pa_GetStreamInfo(m_stream) : nullptr;
        if (!info)
            return 0;
        return 1000.0 * (m_input ? info->inputLatency : info->outputLatency);
    }

private:
    // Audio thread: copy samples and count. No allocation, no lock, no Qt, no logging.
    static int callback(const void *input, void *output, unsigned long frames,
                        const PaStreamCallbackTimeInfo *, PaStreamCallbackFlags, void *self)
    {
        auto *s = static_cast<PortAudioStream *>(self);
        if (s->m_input) {
            const std::size_t written
                = s->m_ring.write(static_cast<const float *>(input), std::size_t(frames));
            if (written < frames)
                s->m_xruns.fetch_add(frames - written, std::memory_order_relaxed);
        } else {
            auto *out = static_cast<float *>(output);
            const std::size_t read = s->m_ring.read(out, std::size_t(frames));
            if (read < frames) {
                std::fill(out + read, out + frames, 0.0f);
                s->m_xruns.fetch_add(frames - read, std::memory_order_relaxed);
            }
        }
        s->m_frames.fetch_add(frames, std::memory_order_relaxed);
        s->notePeriod(uint32_t(frames));
        return paContinue;
    }

    static void finished(void *self)
    {
        auto *s = static_cast<PortAudioStream *>(self);
        // Finishing without a stop request means the host pulled the device away.
        if (!s->m_stopping.load(std::memory_order_acquire))
            s->m_failed.store(true, std::memory_order_release);
    }

    bool m_input;
    SpscRing<float> &m_ring;
    PaStream *m_stream = nullptr;
    std::atomic<bool> m_stopping {false};
};

} // namespace

PortAudioBackend::PortAudioBackend()
{
    const PaError result = Pa_Initialize();
    m_initialized = result == paNoError;
    if (!m_initialized)
        m_error = paError(result);
}

PortAudioBackend::~PortAudioBackend()
{
    if (m_initialized)
        Pa_Terminate();
}

bool PortAudioBackend::reinitialize(QString *error)
{
    if (m_initialized)
        Pa_Terminate();
    const PaError result = Pa_Initialize();
    m_initialized = result == paNoError;
    if (!m_initialized)
        *error = m_error = paError(result);
    return m_initialized;
}

QList<AudioDeviceInfo> PortAudioBackend::devices()
{
    QList<AudioDeviceInfo> out;
    if (!m_initialized)
        return out;
    const PaDeviceIndex defaultIn = Pa_GetDefaultInputDevice();
    const PaDeviceIndex defaultOut = Pa_GetDefaultOutputDevice();
    for (PaDeviceIndex i = 0; i < Pa_GetDeviceCount(); ++i) {
        const PaDeviceInfo *d = Pa_GetDeviceInfo(i);
        AudioDeviceInfo info;
        info.name = QString::fromLocal8Bit(d->name);
        info.hostApi = QString::fromLocal8Bit(Pa_GetHostApiInfo(d->hostApi)->name);
        info.inputChannels = d->maxInputChannels;
        info.outputChannels = d->maxOutputChannels;
        info.defaultSampleRate = d->defaultSampleRate;
        info.defaultInput = i == defaultIn;
        info.defaultOutput = i == defaultOut;
        out.append(info);
    }
    return out;
}

std::unique_ptr<AudioStream> PortAudioBackend::open(bool input, const QString &device,
                                                    const AudioStreamConfig &config,
                                                    SpscRing<float> &ring, QString *error)
{
    if (!m_initialized) {
        *error = QStringLiteral("PortAudio is not initialised: %1").arg(m_error);
        return nullptr;
    }
    PaDeviceIndex index = input ? Pa_GetDefaultInputDevice() : Pa_GetDefaultOutputDevice();
    if (!device.isEmpty()) {
        index = paNoDevice;
        for (PaDeviceIndex i = 0; i < Pa_GetDeviceCount(); ++i) {
            const PaDeviceInfo *d = Pa_GetDeviceInfo(i);
            const int channels = input ? d->maxInputChannels : d->maxOutputChannels;
            if (channels > 0 && QString::fromLocal8Bit(d->name) == device) {
                index = i;
                break;
            }
        }
    }
    if (index == paNoDevice) {
        *error = device.isEmpty()
            ? QStringLiteral("no default %1 device")
                  .arg(input ? QStringLiteral("input") : QStringLiteral("output"))
            : QStringLiteral("no %1 device called '%2'")
                  .arg(input ? QStringLiteral("input") : QStringLiteral("output"), device);
        return nullptr;
    }
    auto stream = std::make_unique<PortAudioStream>(input, ring);
    if (!stream->open(index, config, error))
        return nullptr;
    return stream;
}

std::unique_ptr<AudioStream> PortAudioBackend::openInput(const QString &device,
                                                         const AudioStreamConfig &config,
                                                         SpscRing<float> &ring, QString *error)
{
    return open(true, device, config, ring, error);
}

std::unique_ptr<AudioStream> PortAudioBackend::openOutput(const QString &device,
                                                          const AudioStreamConfig &config,
                                                          SpscRing<float> &ring, QString *error)
{
    return open(false, device, config, ring, error);
}

} // namespace floorline::media
