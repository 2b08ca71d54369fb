// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/protocol/events.h"

#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace floorline {
class SignalingClient;
}

namespace floorline::console {

/**
 * @brief Pairing a device (a phone, a body camera) with this console: a one-time code from the
 * server, shown as a QR code of its pairing URI (docs/protocol.md §10.10). A device that claims
 * it is bound to the console and its `bound` pushes arrive here.
 * Thread rule: GUI thread.
 */
class Pairing : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by the console")
    /// The pairing URI to show as a QR code; empty until a code arrived.
    Q_PROPERTY(QString uri READ uri NOTIFY codeChanged)
    /// When the code stops working, ms since the epoch.
    Q_PROPERTY(double expires READ expires NOTIFY codeChanged)
    /// Devices paired since login, by alias (the newest last).
    Q_PROPERTY(QStringList devices READ devices NOTIFY devicesChanged)
    Q_PROPERTY(QString error READ error NOTIFY codeChanged)
    /// Why a phone will not reach the code's address (this console reached the server on
    /// loopback); empty when nothing is known against it.
    Q_PROPERTY(QString warning READ warning NOTIFY codeChanged)
public:
    explicit Pairing(SignalingClient &client, QObject *parent = nullptr);

    QString uri() const { return m_uri; }
    double expires() const { return double(m_expires); }
    QStringList devices() const { return m_devices; }
    QString error() const { return m_error; }
    QString warning() const { return m_warning; }

    /// Asks the server for a fresh code (each code pairs one device).
    Q_INVOKABLE void start();
    /// Takes pair.bound; false for any other event.
    bool handle(const proto::Event &event);

Q_SIGNALS:
    void codeChanged();
    void devicesChanged();

private:
    SignalingClient &m_client;
    QString m_uri;
    qint64 m_expires = 0;
    QString m_token;
    QString m_error;
    QString m_warning;
    QStringList m_devices;
};

} // namespace floorline::console
