// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "http/httppacer.h"
#include "http/httpstats.h"
#include "http/phonesessions.h"
#include "hub.h"
#include "mediastore.h"
#include "recording/recordingservice.h"
#include "signalinglistener.h"
#include "tlsidentity.h"

#include <QHostAddress>
#include <QObject>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>

#include <memory>
#include <optional>

namespace floorline::server {

class HttpRoutes;
class Store;

/// @brief Everything needed to start a server; defaults suit the demo on loopback.
struct ServerOptions
{
    QHostAddress host = QHostAddress::LocalHost;
    quint16 port = 0; ///< signaling (WebSocket); 0 picks a free port
    quint16 rtpPort = 0; ///< RTP relay (UDP); 0 picks a free port
    QString database = QStringLiteral(":memory:");
    QString fleetFile; ///< imported on first start when the database is empty
    /// `fleetFile` is for a first start only, and ignored once the database holds a fleet (a
    /// service's configuration names it on every start); otherwise that is refused.
    bool fleetFileFirstStartOnly = false;
    /// Where uploaded media are kept; empty: a fresh temporary directory, removed on stop
    /// (demo and tests). Their metadata go into `database`.
    QString mediaDirectory;
    MediaStore::Limits mediaLimits;
    std::optional<proto::Fleet> fleet; ///< or a fleet given directly (demo, tests)
    /// argon2id cost of the passwords the server hashes (a fleet file, a migration). A fleet
    /// given directly is hashed at the minimum: its passwords are demo ids, not secrets.
    PasswordHasher::Cost passwordCost = PasswordHasher::Cost::interactive();
    Hub::Config hub;
    /// Media over HTTP, all connections together (HttpPacer); 0: unpaced.
    qint64 httpBytesPerSecond = HttpPacer::kDefaultBytesPerSecond;
    /// Every talk spurt of a recorded group (and of every call) kept as Ogg Opus
    /// (docs/operations.md, Recordings).
    struct Recording
    {
        bool enabled = true;
        /// Where the files go; empty: `recordings` in the media directory.
        QString directory;
        RecordingService::Retention retention;
    } recording;
    /// Voice in plain RTP instead of SRTP: only for interop tests with RTP tools (GStreamer).
    bool plainRtp = false;
    /// Signaling is wss:// unless `plain`; docs/security.md, Transport.
    struct Tls
    {
        /// ws:// in clear: refused unless `host` is a loopback address or `plainOnNetwork`.
        bool plain = false;
        bool plainOnNetwork = false; ///< the operator's explicit consent to ws:// off loopback
        QString certificateFile; ///< the operator's PEM certificate (chain) ...
        QString keyFile; ///< ... and its key; without them a self-signed identity:
        /// where it is kept (made on first start); empty: a fresh one per start (tests).
        QString directory;
    } tls;
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
    /// SHA-256 of the certificate clients see (proto/fingerprint.h); empty over ws://.
    QByteArray fingerprint() const { return m_identity ? m_identity->fingerprint() : QByteArray(); }
    Hub *hub() const { return m_hub.get(); }
    const RtpRelay::Counters &relayCounters() const { return m_relay.counters(); }
    /// The recorded spurts; null when recording is off.
    RecordingService *recordings() const { return m_recordings.get(); }
    QJsonObject statsJson() const;

private:
    bool makeIdentity(const ServerOptions &options, QString *error);
    bool startRecording(const ServerOptions &options, const QString &mediaDirectory,
                        QString *error);
    bool listen(const ServerOptions &options, QString *error);

    std::unique_ptr<Store> m_store;
    std::optional<TlsIdentity> m_identity;
    std::unique_ptr<MediaStore> m_media;
    std::unique_ptr<PushStore> m_pushes;
    std::unique_ptr<EmergencyStore> m_emergencies;
    std::unique_ptr<RecordingStore> m_recordingStore;
    std::unique_ptr<RecordingService> m_recordings; ///< outlives the hub and the relay
    std::unique_ptr<QTemporaryDir> m_mediaTemp;
    QTimer m_sweep; ///< abandoned uploads go hourly (MediaStore::sweep)
    std::unique_ptr<SignalingListener> m_listener;
    HttpStats m_httpStats;
    HttpPacer m_httpPacer;
    PhoneSessions m_phones; ///< phone pages paired with consoles (docs/protocol.md §13.5)
    std::unique_ptr<HttpRoutes> m_mediaHttp; ///< media over HTTPS (docs/protocol.md §13)
    std::unique_ptr<HttpRoutes> m_phoneHttp;
    std::unique_ptr<HttpRoutes> m_http; ///< which of the two a path goes to
    RtpRelay m_relay;
    std::unique_ptr<Hub> m_hub;
    QHostAddress m_host;
};

} // namespace floorline::server
