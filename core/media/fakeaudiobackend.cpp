// SPDX-License-Identifier: Apache-2.0
#include "fakeaudiobackend.h"

namespace floorline::media {

class FakeAudioBackend::Stream : public AudioStream
{
public:
    Stream(FakeAudioBackend &backend, bool input, QString device, SpscRing<float> &ring)
        : m_backend(backend)
        , m_input(input)
        , m_device(std::move(device))
        , m_ring(ring)
    {
        m_backend.m_streams.append(this); // open() holds the lock
    }
    ~Stream() override
    {
        const std::lock_guard lock(m_backend.m_mutex);
        m_backend.m_streams.removeOne(this);
    }

    bool start(QString *error) override
    {
        if (m_failed) {
            *error = QStringLiteral("device '%1' is gone").arg(m_device);
            return false;
        }
        m_running.store(true);
        return true;
    }
    void stop() override { m_running.store(false); }
    bool isRunning() const override { return m_running.load(); }
    double latencyMs() const override { return 0; }

    /// One device period: what the PortAudio callback does, on the virtual clock.
    void run(int frames)
    {
        if (!m_running.load() || m_failed)
            return;
        std::vector<float> buffer(std::size_t(frames), 0.0f);
        if (m_input) {
            auto &mic = m_backend.m_microphone;
            for (float &s : buffer) {
                if (mic.empty())
                    break;
                s = mic.front();
                mic.pop_front();
            }
            const std::size_t written = m_ring.write(buffer.data(), buffer.size());
            m_xruns += buffer.size() - written;
        } else {
            const std::size_t read = m_ring.read(buffer.data(), buffer.size());
            m_xruns += buffer.size() - read;
            auto &played = m_backend.m_played[m_device];
            played.insert(played.end(), buffer.begin(), buffer.end());
        }
        m_frames += uint64_t(frames);
        notePeriod(uint32_t(frames));
    }

    void fail()
    {
        m_failed = true;
        m_running.store(false);
    }
    const QString &device() const { return m_device; }

private:
    FakeAudioBackend &m_backend;
    bool m_input;
    QString m_device;
    SpscRing<float> &m_ring;
    std::atomic<bool> m_running {false}; // started by the media thread, read by the clock
};

FakeAudioBackend::FakeAudioBackend()
{
    plugIn(QStringLiteral("Fake microphone"), true);
    plugIn(QStringLiteral("Fake headset"), false);
    plugIn(QStringLiteral("Fake speaker"), false);
    m_devices[0].defaultInput = true;
    m_devices[1].defaultOutput = true;
}

FakeAudioBackend::~FakeAudioBackend() = default;

void FakeAudioBackend::plugIn(const QString &device, bool input)
{
    const std::lock_guard lock(m_mutex);
    AudioDeviceInfo info;
    info.name = device;
    info.hostApi = QStringLiteral("Fake");
    info.inputChannels = input ? 1 : 0;
    info.outputChannels = input ? 0 : 1;
    info.defaultSampleRate = 48000;
    m_devices.append(info);
}

QList<AudioDeviceInfo> FakeAudioBackend::devices()
{
    const std::lock_guard lock(m_mutex);
    return m_devices;
}

bool FakeAudioBackend::reinitialize(QString *)
{
    return true;
}

std::unique_ptr<AudioStream> FakeAudioBackend::open(bool input, const QString &device,
                                                    SpscRing<float> &ring, QString *error)
{
    const std::lock_guard lock(m_mutex);
    for (const AudioDeviceInfo &d : std::as_const(m_devices)) {
        const bool fits = input ? d.inputChannels > 0 : d.outputChannels > 0;
        const bool chosen
            = device.isEmpty() ? (input ? d.defaultInput : d.defaultOutput) : d.name == device;
        if (fits && chosen)
            return std::make_unique<Stream>(*this, input, d.name, ring);
    }
    *error = QStringLiteral("no %1 device called '%2'")
                 .arg(input ? QStringLiteral("input") : QStringLiteral("output"), device);
    return nullptr;
}

std::unique_ptr<AudioStream> FakeAudioBackend::openInput(const QString &device,
                                                         const AudioStreamConfig &,
                                                         SpscRing<float> &ring, QString *error)
{
    return open(true, device, ring, error);
}

std::unique_ptr<AudioStream> FakeAudioBackend::openOutput(const QString &device,
                                                          const AudioStreamConfig &,
                                                          SpscRing<float> &ring, QString *error)
{
    return open(false, device, ring, error);
}

void FakeAudioBackend::advance(int frames)
{
    const std::lock_guard lock(m_mutex);
    for (Stream *s : std::as_const(m_streams))
        s->run(frames);
    m_clock += uint64_t(frames);
}

void FakeAudioBackend::speak(std::span<const float> samples)
{
    const std::lock_guard lock(m_mutex);
    m_microphone.insert(m_microphone.end(), samples.begin(), samples.end());
}

std::vector<float> FakeAudioBackend::played(const QString &device) const
{
    const std::lock_guard lock(m_mutex);
    return m_played.value(device);
}

void FakeAudioBackend::forgetPlayed()
{
    const std::lock_guard lock(m_mutex);
    m_played.clear();
}

void FakeAudioBackend::unplug(const QString &device)
{
    const std::lock_guard lock(m_mutex);
    for (Stream *s : std::as_const(m_streams)) {
        if (s->device() == device)
            s->fail();
    }
    m_devices.removeIf([&](const AudioDeviceInfo &d) { return d.name == device; });
}

} // namespace floorline::media
