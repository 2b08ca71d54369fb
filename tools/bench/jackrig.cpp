// SPDX-License-Identifier: Apache-2.0
#include "jackrig.h"

#include "core/protocol/clock.h"
#include "tests/support/jackports.h"

#include <QSignalSpy>
#include <QTest>

#include <portaudio.h>

#include <array>
#include <atomic>
#include <cstdio>

namespace floorline::bench {

using namespace media;

namespace {
const QString kGroup = QStringLiteral("tg-001");
const QString kSession = QStringLiteral("group:tg-001");
} // namespace

/**
 * The mouth and the ear. Its callback is benchmark code, not product code: besides moving
 * samples it generates the bursts and stamps what it hears, all without locks or allocation.
 */
class Probe
{
public:
    ~Probe()
    {
        if (m_stream) {
            Pa_StopStream(m_stream);
            Pa_CloseStream(m_stream);
        }
    }
    bool open(QString *error)
    {
        const PaError e
            = Pa_OpenDefaultStream(&m_stream, 1, 1, paFloat32, 48000, paFramesPerBufferUnspecified,
                                   &Probe::callback, this);
        if (e == paNoError && Pa_StartStream(m_stream) == paNoError)
            return true;
        *error = QString::fromLocal8Bit(Pa_GetErrorText(e));
        return false;
    }

    // Burst mode (main thread): play `n` more bursts; read results once they are all judged.
    void playBursts(int n) { m_burstsLeft.store(n, std::memory_order_release); }
    int judged() const { return m_judged.load(std::memory_order_acquire); }
    int injectedCount() const { return m_injected.load(std::memory_order_acquire); }
    int64_t injectedAt(int i) const { return m_injectedAt[std::size_t(i)]; }
    int64_t heardAt(int i) const { return m_heardAt[std::size_t(i)]; }

    // Continuous mode (main thread): a steady tone; arm() to stamp the next sound heard.
    void setContinuous(bool on) { m_continuous.store(on, std::memory_order_release); }
    void arm()
    {
        m_heardUs.store(0, std::memory_order_relaxed);
        m_armed.store(true, std::memory_order_release);
    }
    qint64 heardUs() const { return m_heardUs.load(std::memory_order_acquire); }

    static constexpr int kMaxBursts = 4096;

private:
    static int callback(const void *input, void *output, unsigned long frames,
                        const PaStreamCallbackTimeInfo *, PaStreamCallbackFlags, void *self)
    {
        static_cast<Probe *>(self)->process(static_cast<const float *>(input),
                                            static_cast<float *>(output), int64_t(frames));
        return paContinue;
    }

    void process(const float *in, float *out, int64_t frames)
    {
        const bool continuous = m_continuous.load(std::memory_order_acquire);
        int injected = m_injected.load(std::memory_order_relaxed);
        for (int64_t j = 0; j < frames; ++j) {
            const int64_t now = m_clock + j;
            if (m_burstPos < 0 && injected < kMaxBursts && now >= m_nextBurst
                && m_burstsLeft.load(std::memory_order_acquire) > 0) {
                m_burstsLeft.fetch_sub(1, std::memory_order_acq_rel);
                m_injectedAt[std::size_t(injected)] = now;
                m_injected.store(++injected, std::memory_order_release);
                m_burstPos = 0;
                m_nextBurst
                    = now + VoiceBurst::kSpacingSamples + VoiceBurst::phase(uint32_t(injected));
            }
            float sample = 0.0f;
            if (m_burstPos >= 0) {
                sample = VoiceBurst::at(m_burstPos++);
                if (m_burstPos >= VoiceBurst::kSamples)
                    m_burstPos = -1;
            } else if (continuous) {
                sample = 0.3f * float(std::sin(2 * M_PI * 1000.0 * double(m_tone++) / 48000.0));
            }
            out[j] = sample;
        }
        for (int64_t j = 0; j < frames; ++j) {
            const int64_t now = m_clock + j;
            const bool loud = std::fabs(in[j]) > VoiceBurst::kThreshold;
            if (m_judging < injected) {
                const int64_t at = m_injectedAt[std::size_t(m_judging)];
                if (now >= at && (loud || now > at + VoiceBurst::kWindowSamples)) {
                    m_heardAt[std::size_t(m_judging)] = loud ? now : -1;
                    m_judged.store(++m_judging, std::memory_order_release);
                }
            }
            if (loud && m_armed.load(std::memory_order_acquire)) {
                // This sample reached the port (frames - j) samples before the callback ran.
                m_heardUs.store(monotonicUs() - (frames - j) * 1000000 / 48000,
                                std::memory_order_release);
                m_armed.store(false, std::memory_order_release);
            }
        }
        m_clock += frames;
    }

    PaStream *m_stream = nullptr;
    // Callback thread only.
    int64_t m_clock = 0;
    int64_t m_nextBurst = 0;
    int m_burstPos = -1;
    int m_judging = 0;
    int64_t m_tone = 0;
    // Written by the callback before the count that publishes them.
    std::array<int64_t, kMaxBursts> m_injectedAt {};
    std::array<int64_t, kMaxBursts> m_heardAt {};
    std::atomic<int> m_injected {0};
    std::atomic<int> m_judged {0};
    // Shared with the main thread.
    std::atomic<int> m_burstsLeft {0};
    std::atomic<bool> m_continuous {false};
    std::atomic<bool> m_armed {false};
    std::atomic<qint64> m_heardUs {0};
};

JackRig::JackRig(JackOptions options)
    : m_options(std::move(options))
{ }

JackRig::~JackRig()
{
    m_probe.reset();
    if (m_engineA)
        m_engineA->stop();
    if (m_engineB)
        m_engineB->stop();
}

bool JackRig::setUp(QString *error)
{
    if (qEnvironmentVariableIsEmpty("JACK_DEFAULT_SERVER")) {
        *error
            = QStringLiteral("JACK_DEFAULT_SERVER is not set: start tools/scripts/jack-dummy.sh");
        return false;
    }
    // 400 units in 10 groups: units 1 and 9 are both in tg-001. Talk time is not limited here.
    if (!m_server.start(m_options.serverBinary,
                        {QStringLiteral("--demo-fleet"), QStringLiteral("400,10"),
                         QStringLiteral("--max-talk"), QStringLiteral("3600")},
                        error))
        return false;
    m_a.setPinnedCertificate(m_server.fingerprint());
    m_a.connectToServer(m_server.url(), QStringLiteral("unit-0001"), QStringLiteral("unit-0001"));
    m_b.setPinnedCertificate(m_server.fingerprint());
    m_b.connectToServer(m_server.url(), QStringLiteral("unit-0009"), QStringLiteral("unit-0009"));
    if (!joinGroup(m_a, kGroup) || !joinGroup(m_b, kGroup)) {
        *error = QStringLiteral("could not join %1").arg(kGroup);
        return false;
    }

    m_devices = std::make_unique<PortAudioBackend>();
    if (!m_devices->isValid()) {
        *error = m_devices->errorString();
        return false;
    }
    VoiceEngine::Config config;
    config.pipeline.frameMs = m_options.frameMs;
    config.playoutSlackMs = m_options.slackMs;
    QSet<QString> before = test::jackPorts();
    m_engineA = std::make_unique<VoiceEngine>(*m_devices, config);
    if (!m_engineA->start(error))
        return false;
    const QString micA = test::newJackPort(before, QStringLiteral(":in_"));
    config.impairment.jitterMs = m_options.jitterMs;
    config.impairment.loss = m_options.loss;
    before = test::jackPorts();
    m_engineB = std::make_unique<VoiceEngine>(*m_devices, config);
    if (!m_engineB->start(error))
        return false;
    const QString headsetB = test::newJackPort(before, QStringLiteral(":out_"));
    before = test::jackPorts();
    m_probe = std::make_unique<Probe>();
    if (!m_probe->open(error))
        return false;
    const QString mouth = test::newJackPort(before, QStringLiteral(":out_"));
    const QString ear = test::newJackPort(before, QStringLiteral(":in_"));
    if (!test::jackConnect(mouth, micA) || !test::jackConnect(headsetB, ear)) {
        *error = QStringLiteral("could not wire %1 -> %2 and %3 -> %4")
                     .arg(mouth, micA, headsetB, ear);
        return false;
    }

    // SRTP: the listener's engine learns each talk's key from Floor Taken, as a console does.
    QObject::connect(&m_b, &SignalingClient::eventReceived, m_engineB.get(),
                     [engine = m_engineB.get()](const proto::Event &event) {
                         if (const auto *taken = std::get_if<proto::FloorTaken>(&event))
                             engine->setTalkerKey(taken->ssrc, taken->key);
                     });
    QSignalSpy readyA(m_engineA.get(), &VoiceEngine::mediaReady);
    QSignalSpy readyB(m_engineB.get(), &VoiceEngine::mediaReady);
    for (auto [client, engine] :
         {std::pair {&m_a, m_engineA.get()}, std::pair {&m_b, m_engineB.get()}}) {
        const proto::MediaInfo media = client->login().media;
        engine->connectMedia(QHostAddress::LocalHost, quint16(media.port), media.ssrc, media.key);
    }
    if (!QTest::qWaitFor([&] { return readyA.size() && readyB.size(); }, 5000)) {
        *error = QStringLiteral("the relay did not answer the engines' keep-alives");
        return false;
    }
    return true;
}

bool JackRig::requestFloor()
{
    bool granted = false;
    QString key;
    m_a.send(proto::FloorRequest {kSession, 0, {}}, [&](const Reply<proto::FloorRequestResult> &r) {
        granted = r.ok() && r.value->outcome == proto::FloorOutcome::Granted;
        if (granted)
            key = r.value->key;
    });
    if (!QTest::qWaitFor([&] { return granted; }, 5000))
        return false;
    m_engineA->setTalkKey(key);
    m_engineA->setTransmitting(true);
    return true;
}

void JackRig::releaseFloor()
{
    m_engineA->setTransmitting(false);
    bool done = false;
    m_a.send(proto::FloorRelease {kSession}, [&](const Reply<proto::Empty> &) { done = true; });
    if (!QTest::qWaitFor([&] { return done; }, 5000))
        std::fprintf(stderr, "floor release not answered\n");
}

bool JackRig::setAffiliated(bool on)
{
    bool done = false;
    if (on)
        m_b.send(proto::Affiliate {{kGroup}},
                 [&](const Reply<proto::SessionList> &r) { done = r.ok(); });
    else
        m_b.send(proto::Deaffiliate {{kGroup}},
                 [&](const Reply<proto::Empty> &r) { done = r.ok(); });
    return QTest::qWaitFor([&] { return done; }, 5000);
}

LatencyResult JackRig::mouthToEar()
{
    LatencyResult result;
    int counted = 0;
    for (int s = 0; s < m_options.spurts; ++s) {
        if (!requestFloor()) {
            std::fprintf(stderr, "floor not granted\n");
            break;
        }
        QTest::qWait(200);
        const int first = m_probe->injectedCount();
        m_probe->playBursts(m_options.burstsPerSpurt);
        const int last = first + m_options.burstsPerSpurt;
        if (!QTest::qWaitFor([&] { return m_probe->judged() >= last; },
                             m_options.burstsPerSpurt * 300 + 2000))
            std::fprintf(stderr, "spurt %d: not every burst was judged\n", s);
        releaseFloor();
        if (s > 0) { // the first spurt only taught B's jitter buffer the path
            for (int i = first; i < std::min(last, m_probe->judged()); ++i) {
                const int64_t heard = m_probe->heardAt(i);
                if (heard < 0)
                    ++result.missed;
                else
                    result.delaysMs.push_back(double(heard - m_probe->injectedAt(i)) / 48.0);
                ++counted;
            }
        }
        QTest::qWait(600); // silence: B's buffer drains and may adapt
    }
    result.missed += std::max(0, (m_options.spurts - 1) * m_options.burstsPerSpurt - counted);
    result.stream = m_engineB->stats().value(m_a.login().media.ssrc);
    return result;
}

std::vector<double> JackRig::lateEntry(int times)
{
    std::vector<double> out;
    m_probe->setContinuous(true);
    if (!requestFloor())
        return out;
    for (int i = 0; i < times; ++i) {
        if (!setAffiliated(false))
            break;
        QTest::qWait(500); // B's buffer drains; its headset goes quiet
        m_probe->arm();
        const qint64 start = monotonicUs();
        if (!setAffiliated(true))
            break;
        if (QTest::qWaitFor([&] { return m_probe->heardUs() != 0; }, 2000))
            out.push_back(double(m_probe->heardUs() - start) / 1000.0);
        else
            std::fprintf(stderr, "late entry %d: nothing heard\n", i);
    }
    releaseFloor();
    m_probe->setContinuous(false);
    return out;
}

} // namespace floorline::bench
