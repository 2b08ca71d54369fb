// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace floorline::media {
class AudioBackend;
class VoiceEngine;
} // namespace floorline::media

namespace floorline::console {

/**
 * @brief The audio settings a dispatcher sees: input, headset and speaker pickers and a
 * microphone level meter.
 *
 * Device names come from the audio backend (an empty name means the system default). Applying
 * a choice moves the running voice engine to the new devices; if one cannot be opened the
 * engine falls back to the defaults and `status` says why. `applied` tells the composition root
 * what to remember.
 * Thread rule: GUI thread; the engine does the switch on its media thread.
 */
class AudioSettings : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Built by the application")
    /// False when the console runs without sound (--no-audio, no audio system).
    Q_PROPERTY(bool available READ available CONSTANT)
    Q_PROPERTY(QStringList inputDevices READ inputDevices NOTIFY devicesListed)
    Q_PROPERTY(QStringList outputDevices READ outputDevices NOTIFY devicesListed)
    Q_PROPERTY(QString input READ input NOTIFY selectionChanged)
    Q_PROPERTY(QString headset READ headset NOTIFY selectionChanged)
    Q_PROPERTY(QString speaker READ speaker NOTIFY selectionChanged)
    /// The alert loudspeaker (emergency tone); empty: alarms play in the headset.
    Q_PROPERTY(QString alert READ alert NOTIFY selectionChanged)
    /// Microphone level 0..1 (-60..0 dBFS), falling back slowly like a hardware meter; only
    /// measured while `metering` is on (the settings are open).
    Q_PROPERTY(double level READ level NOTIFY levelChanged)
    Q_PROPERTY(bool metering READ metering WRITE setMetering NOTIFY meteringChanged)
    /// The last switch's outcome for people; empty when it went as chosen.
    Q_PROPERTY(QString status READ status NOTIFY statusChanged)
public:
    AudioSettings(media::AudioBackend *backend, media::VoiceEngine *voice, QString input,
                  QString headset, QString speaker, QString alert, QObject *parent = nullptr);

    bool available() const { return m_voice != nullptr; }
    QStringList inputDevices() const { return m_inputs; }
    QStringList outputDevices() const { return m_outputs; }
    QString input() const { return m_input; }
    QString headset() const { return m_headset; }
    QString speaker() const { return m_speaker; }
    QString alert() const { return m_alert; }
    double level() const { return m_level; }
    bool metering() const { return m_meter.isActive(); }
    void setMetering(bool on);
    QString status() const { return m_status; }

    /// Lists the devices again (a headset was plugged in).
    Q_INVOKABLE void refresh();
    /// Moves the engine to these devices (empty: the system default).
    Q_INVOKABLE void apply(const QString &input, const QString &headset, const QString &speaker,
                           const QString &alert = {});

Q_SIGNALS:
    void devicesListed();
    void selectionChanged();
    void levelChanged();
    void meteringChanged();
    void statusChanged();
    /// The dispatcher chose these devices: worth remembering.
    void applied(const QString &input, const QString &headset, const QString &speaker,
                 const QString &alert);

private:
    void onMeter();
    void setStatus(const QString &status);

    media::AudioBackend *m_backend;
    media::VoiceEngine *m_voice;
    QStringList m_inputs, m_outputs;
    QString m_input, m_headset, m_speaker, m_alert;
    double m_level = 0;
    QString m_status;
    QTimer m_meter;
};

} // namespace floorline::console
