// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/console/audiosettings.h"
#include "core/console/consolecontroller.h"
#include "core/media/fakeaudiobackend.h"
#include "core/media/voiceengine.h"
#include "support/testclient.h"

#include <QTemporaryDir>
#include <QTimer>

#include <QObject>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace floorline::test {

/**
 * @brief What the QML tests drive: a console controller logged in as dispatch-1 to a real
 * server on loopback, and field units the test can make talk.
 *
 * Its voice engine runs on the fake audio devices (paced in real time by a timer), so the
 * audio settings have devices to list and a microphone the test can speak into.
 */
class ConsoleFixture : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Fixture)
    QML_SINGLETON
    Q_PROPERTY(floorline::console::ConsoleController *controller READ controller CONSTANT)
public:
    ConsoleFixture();
    ~ConsoleFixture() override;
    /// Where the console under test caches media (the QML engine's picture provider reads it).
    static QString cacheDirectory();
    console::ConsoleController *controller() { return m_controller.get(); }

    /// True once logged in with the tree loaded and a group selected.
    Q_INVOKABLE bool ready() const;
    /// `unit` logs in, joins its first group and takes the floor there (`emergency`: with
    /// emergency priority). Returns that group's id, empty on failure.
    Q_INVOKABLE QString unitTalks(const QString &unit, bool emergency);
    Q_INVOKABLE void unitStops(const QString &unit);
    /// Like unitTalks, but returns what the floor answered: "granted", "queued" or "denied"
    /// (empty on failure), so a test can make a queue.
    Q_INVOKABLE QString unitAsks(const QString &unit, bool emergency);
    /// The console logs out and in again as `user` (password = id), e.g. "supervisor".
    Q_INVOKABLE void logInAs(const QString &user);
    /// What the console shows for `unit`.
    Q_INVOKABLE QString aliasOf(const QString &unit) const;
    /// A real PNG (`width` × `height`, one colour, or "noise") in a temporary directory; its
    /// file URL.
    Q_INVOKABLE QUrl writePicture(const QString &name, int width, int height, const QString &color);
    /// Where a test may write a file `name` (a temporary directory).
    Q_INVOKABLE QString filePath(const QString &name) const { return m_files.filePath(name); }
    /// The paired phone: reads the QR code in the picture at `path` (zbarimg), logs `unit` in on
    /// the server it names, claims the code and pushes tests/data/incident.mp4 to its bound
    /// console. Returns what it read, empty on any failure.
    Q_INVOKABLE QString scanPairAndPushVideo(const QString &path, const QString &unit);
    /// Like unitTalks, but the spurt shows a picture the unit uploaded first (`name`).
    Q_INVOKABLE QString unitTalksShowing(const QString &unit, const QString &name);
    /// Logs these units in (no affiliation); false if one failed.
    Q_INVOKABLE bool unitsOnline(const QStringList &units);
    /// Another dispatcher (dispatch-2) calls these units: they become busy elsewhere.
    /// Returns the call's session id, empty on failure.
    Q_INVOKABLE QString otherDispatcherCalls(const QStringList &units);
    /// The other dispatcher (dispatch-2) monitors `group` and takes its floor at a console's
    /// priority (8, as ours): our press then waits in the queue. True when granted.
    Q_INVOKABLE bool otherDispatcherTalks(const QString &group);
    Q_INVOKABLE void otherDispatcherStops(const QString &group);
    /// The server's signaling counters (docs/operations.md: sessionsCreated, invitations,
    /// unitsInvited, ...): what really reached the server.
    Q_INVOKABLE QVariantMap serverStats() const;
    /// The server's certificate fingerprint as the console shows it ("AB:CD:…").
    Q_INVOKABLE QString serverFingerprint() const;
    /// The console forgets that it trusts the server: the next login asks, as a first one.
    Q_INVOKABLE void forgetServer();
    /// The console trusts another certificate for the server: to it, the server's changed.
    Q_INVOKABLE void pinOtherCertificate();
    /// Plays `seconds` of a loud tone into the fake microphone.
    Q_INVOKABLE void speakIntoMicrophone(double seconds);

private:
    TestClient *loggedIn(const QString &unit);

    std::unique_ptr<server::Server> m_server;
    media::FakeAudioBackend m_devices;
    static media::VoiceEngine::Config voiceConfig()
    {
        media::VoiceEngine::Config c;
        c.pipeline.playRoutedOnly = true; // as the console application runs it
        return c;
    }
    media::VoiceEngine m_voice {m_devices, voiceConfig()};
    QTimer m_deviceClock;
    SignalingClient m_client;
    std::unique_ptr<console::ConsoleController> m_controller;
    std::unique_ptr<console::AudioSettings> m_audio;
    QHash<QString, TestClient *> m_units;
    QTemporaryDir m_files; ///< pictures the tests drop, and the console's media cache
};

} // namespace floorline::test
