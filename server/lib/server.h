// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "hub.h"
#include "mediastore.h"

#include <QHostAddress>
#include <QObject>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>

#include <memory>
#include <optional>

class QWebSocketServer;

namespace floorline::server {

class Store;

/// @brief Everything needed to start a server; defaults suit the demo on loopback.
struct ServerOptions
{
    QHostAddress host = QHostAddress::LocalHost;
    quint16 port = 0; ///< signaling (WebSocket); 0 picks a free port
    quint16 rtpPort = 0; ///< RTP relay (UDP); 0 picks a free port
    QString database = QStringLiteral(":memory:");
    QString fleetFile; ///< imported on first start when the database is empty
    /// Where uploaded media are kept; empty: a fresh temporary directory, removed on stop
    /// (demo and tests). Their metadata go into `database`.
    QString mediaDirectory;
    MediaStore::Limits mediaLimits;
    std::optional<proto::Fleet> fleet; ///< or a fleet given directly (demo, tests)
    /// argon2id cost of the passwords the server hashes (a fleet file, a migration). A fleet
    /// given directly is hashed at the minimum: its passwords are demo ids, not secrets.
    PasswordHasher::Cost passwordCost = PasswordHasher::Cost::interactive();
    Hub::Config hub;
};

/**
 * @brief The reference server: WebSocket signaling hub, RTP relay thread and SQLite store.
 *
 * Tests and the console's demo mode run it in-process; `floorline-server` wraps it.
 */
class Server : public QObject
{
    Q_OBJECT
public:
    explicit Server(QObject *parent = nullptr);
    ~Server() override;

    bool start(const ServerOptions &options, QString *error);
    void stop();

    quint16 port() const;
    quint16 rtpPort() const { return m_relay.port(); }
    QUrl url() const;
    Hub *hub() const { return m_hub.get(); }
    const RtpRelay::Counters &relayCounters() const { return m_relay.counters(); }
    QJsonObject statsJson() const;

private:
    std::unique_ptr<Store> m_store;
    std::unique_ptr<MediaStore> m_media;
    std::unique_ptr<PushStore> m_pushes;
    std::unique_ptr<EmergencyStore> m_emergencies;
    std::unique_ptr<QTemporaryDir> m_mediaTemp;
    QTimer m_sweep; ///< abandoned uploads go hourly (MediaStore::sweep)
    std::unique_ptr<QWebSocketServer> m_socketServer;
    RtpRelay m_relay;
    std::unique_ptr<Hub> m_hub;
    QHostAddress m_host;
};

} // namespace floorline::server
