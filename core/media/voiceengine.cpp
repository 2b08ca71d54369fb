// SPDX-License-Identifier: Apache-2.0
#include "voiceengine.h"

#include "mediaworker.h"

#include <future>

namespace floorline::media {

VoiceEngine::VoiceEngine(AudioBackend &backend, Config config, QObject *parent)
    : QObject(parent)
    , m_worker(new MediaWorker(backend, config))
{
    m_thread.setObjectName(QStringLiteral("floorline-media"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &MediaWorker::deviceLost, this, [this](bool recovered) {
        Q_EMIT deviceLost(m_worker ? m_worker->deviceMessage() : QString(), recovered);
    });
    connect(m_worker, &MediaWorker::mediaReady, this, &VoiceEngine::mediaReady);
    connect(m_worker, &MediaWorker::devicesSwitched, this, [this](bool ok) {
        Q_EMIT devicesSwitched(ok, ok || !m_worker ? QString() : m_worker->deviceMessage());
    });
}

VoiceEngine::~VoiceEngine()
{
    stop();
}

bool VoiceEngine::start(QString *error)
{
    // Posted before the thread starts, so starting the thread orders everything the call
    // captures (ThreadSanitizer can see that; it cannot see inside Qt's event queue), and
    // answered through a promise rather than a blocking queued call for the same reason.
    std::promise<bool> opened;
    std::future<bool> result = opened.get_future();
    QMetaObject::invokeMethod(
        m_worker,
        [this, error, &opened] {
            const bool ok = m_worker->openDevices(error);
            m_worker->run(); // even without devices: stop() is served by the wake-up timer
            opened.set_value(ok);
        },
        Qt::QueuedConnection);
    m_thread.start(QThread::TimeCriticalPriority);
    return result.get();
}

void VoiceEngine::stop()
{
    if (!m_thread.isRunning())
        return;
    // Handed over through an atomic the media thread polls every wake-up, not through Qt's
    // event queue: ThreadSanitizer can see this hand-over both ways, not Qt's internals.
    std::promise<void> done;
    m_worker->requestShutdown(&done);
    done.get_future().wait(); // the worker has quit its own event loop by now
    m_thread.wait();
    m_worker = nullptr;
}

void VoiceEngine::connectMedia(const QHostAddress &relay, quint16 port, quint32 ssrc,
                               const QString &key)
{
    post([=, this] { m_worker->connectMedia(relay, port, ssrc, key); });
}

void VoiceEngine::setTalkKey(const QString &key)
{
    post([=, this] { m_worker->setTalkKey(key); });
}

void VoiceEngine::setTalkerKey(quint32 ssrc, const QString &key)
{
    post([=, this] { m_worker->setTalkerKey(ssrc, key); });
}

void VoiceEngine::setTransmitting(bool on)
{
    post([=, this] { m_worker->pipeline().setTransmitting(on); });
}

void VoiceEngine::setStream(quint32 ssrc, Route route, float gain)
{
    post([=, this] { m_worker->pipeline().setStream(ssrc, route, gain); });
}

void VoiceEngine::playTone(Tone tone, Route route)
{
    post([=, this] { m_worker->pipeline().playTone(tone, route); });
}

void VoiceEngine::setDevices(const QString &input, const QString &headset, const QString &speaker,
                             const QString &alert)
{
    post([=, this] { m_worker->switchDevices(input, headset, speaker, alert); });
}

float VoiceEngine::takeInputPeak()
{
    return m_worker && m_thread.isRunning() ? m_worker->takeInputPeak() : 0.0f;
}

template<typename T> T VoiceEngine::ask(std::function<T(MediaWorker &)> question) const
{
    if (!m_worker || !m_thread.isRunning())
        return {};
    auto answer = std::make_shared<std::promise<T>>();
    std::future<T> result = answer->get_future();
    m_worker->post([answer, question = std::move(question), worker = m_worker] {
        answer->set_value(question(*worker));
    });
    // The media thread answers within a wake-up, or a few on a loaded machine; a stuck one
    // must not freeze the GUI for good.
    if (result.wait_for(std::chrono::seconds(3)) != std::future_status::ready)
        return {};
    return result.get();
}

QHash<quint32, StreamStats> VoiceEngine::stats() const
{
    return ask<QHash<quint32, StreamStats>>(
        [](MediaWorker &worker) { return worker.pipeline().stats(); });
}

VoiceEngine::Transport VoiceEngine::transport() const
{
    return ask<Transport>([](MediaWorker &worker) { return worker.transport(); });
}

void VoiceEngine::post(std::function<void()> task)
{
    if (m_worker)
        m_worker->post(std::move(task));
}

} // namespace floorline::media
