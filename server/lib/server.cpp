// SPDX-License-Identifier: Apache-2.0
#include "server.h"

#include "http/httpconnection.h"
#include "http/httprouter.h"
#include "http/mediahttp.h"
#include "http/phonehttp.h"

#include "store.h"

#include "core/protocol/fingerprint.h"

#include <QDir>
#include <QLoggingCategory>
#include <QWebSocket>

#include <algorithm>

Q_LOGGING_CATEGORY(lcServer, "floorline.server", QtInfoMsg)

namespace floorline::server {

Server::Server(QObject *parent)
    : QObject(parent)
{ }

Server::~Server()
{
    stop();
}

bool Server::start(const ServerOptions &options, QString *error)
{
    error->clear(); // the checks below read it
    m_host = options.host;
    // Before the database is touched: a wrong --cert or a refused --plain leaves it as it was.
    if (!makeIdentity(options, error))
        return false;
    m_store = std::make_unique<Store>();
    if (!m_store->open(options.database, error))
        return false;
    const bool empty = m_store->isEmpty(error);
    if (!error->isEmpty())
        return false;
    if (empty) {
        std::optional<proto::Fleet> fleet = options.fleet;
        if (!fleet && !options.fleetFile.isEmpty())
            fleet = proto::Fleet::load(options.fleetFile, error);
        if (!fleet) {
            if (error->isEmpty())
                *error = QStringLiteral("the database is empty: give a fleet file (--fleet) or"
                                        " --demo-fleet");
            return false;
        }
        const auto cost = options.fleet ? PasswordHasher::Cost::minimal() : options.passwordCost;
        if (!m_store->import(*fleet, cost, error))
            return false;
    } else if (const int migrated = m_store->migratePasswords(options.passwordCost, error);
               migrated < 0) {
        return false;
    } else if (migrated > 0) {
        qCInfo(lcServer) << "database" << options.database << ":" << migrated
                         << "plain passwords are argon2id hashes now";
    }
    std::optional<proto::Fleet> fleet = m_store->load(error);
    if (!fleet)
        return false;
    QStringList locked;
    for (const proto::Account &a : fleet->accounts)
        if (a.password == PasswordHasher::locked())
            locked.append(a.unit.id);
    if (!locked.isEmpty())
        qCWarning(lcServer).noquote()
            << locked.size() << "accounts have no password and cannot log in until one is set"
            << "(floorline-server --db" << options.database << "--set-password ID):"
            << locked.mid(0, 5).join(QStringLiteral(", "))
                + (locked.size() > 5 ? QStringLiteral(", …") : QString());
    if (!empty
        && (options.fleet || (!options.fleetFile.isEmpty() && !options.fleetFileFirstStartOnly))) {
        // The import is for an empty database only. An operator who asked for a fleet must
        // learn that another one is in charge now, not from failed logins later.
        const auto units = std::count_if(
            fleet->accounts.cbegin(), fleet->accounts.cend(),
            [](const proto::Account &a) { return a.unit.role == proto::Role::Unit; });
        QStringList given; // floorline-server sets `fleet` from --demo-fleet only
        if (options.fleet)
            given.append(QStringLiteral("--demo-fleet"));
        if (!options.fleetFile.isEmpty())
            given.append(QStringLiteral("--fleet ") + options.fleetFile);
        *error = QStringLiteral("database %1 already holds a fleet of %2 units; %3 is only for an"
                                " empty database: leave it out, or give a new --db")
                     .arg(options.database)
                     .arg(units)
                     .arg(given.join(QStringLiteral(" and ")));
        return false;
    }

    m_relay.setSecure(!options.plainRtp);
    if (options.plainRtp)
        qCWarning(lcServer) << "voice in plain RTP (--plain-rtp): anyone on the network path can"
                               " listen to it and inject into it";
    QString mediaDirectory = options.mediaDirectory;
    if (mediaDirectory.isEmpty()) {
        m_mediaTemp = std::make_unique<QTemporaryDir>();
        mediaDirectory = m_mediaTemp->path();
    }
    if (options.recording.enabled && !startRecording(options, mediaDirectory, error))
        return false;
    if (!m_relay.start(options.host, options.rtpPort, error))
        return false;
    m_hub = std::make_unique<Hub>(options.hub, std::move(*fleet), m_relay);
    m_hub->setRecordings(m_recordings.get());
    m_media = std::make_unique<MediaStore>();
    if (!m_media->open(mediaDirectory, options.database, options.mediaLimits, error))
        return false;
    m_hub->setMediaStore(m_media.get());
    connect(&m_sweep, &QTimer::timeout, this, [this] {
        m_media->sweep();
        m_hub->sweep();
    });
    m_sweep.start(3600 * 1000);
    m_pushes = std::make_unique<PushStore>();
    if (!m_pushes->open(options.database, error))
        return false;
    m_hub->setPushStore(m_pushes.get());
    m_emergencies = std::make_unique<EmergencyStore>();
    if (!m_emergencies->open(options.database, error))
        return false;
    m_hub->setEmergencyStore(m_emergencies.get());

    if (!listen(options, error)) {
        m_relay.stop();
        return false;
    }
    qCInfo(lcServer).noquote() << "signaling on" << url().toString() << "RTP on UDP"
                               << m_relay.port();
    if (m_identity)
        qCInfo(lcServer).noquote()
            << "certificate SHA-256" << proto::formatFingerprint(m_identity->fingerprint());
    return true;
}

bool Server::startRecording(const ServerOptions &options, const QString &mediaDirectory,
                            QString *error)
{
    const QString directory = options.recording.directory.isEmpty()
        ? QDir(mediaDirectory).filePath(QStringLiteral("recordings"))
        : options.recording.directory;
    m_recordingStore = std::make_unique<RecordingStore>();
    if (!m_recordingStore->open(options.database, directory, error))
        return false;
    // What a server that stopped mid-spurt left is settled before anything new is written.
    m_recordingStore->recover();
    m_recordings
        = std::make_unique<RecordingService>(*m_recordingStore, options.recording.retention);
    m_recordings->enforceRetention();
    m_relay.setTap(&m_recordings->tap());
    return true;
}

bool Server::makeIdentity(const ServerOptions &options, QString *error)
{
    const ServerOptions::Tls &tls = options.tls;
    if (tls.plain && !options.host.isLoopback() && !tls.plainOnNetwork) {
        *error
            = QStringLiteral("plain ws:// sends passwords and voice keys in clear: it is only for"
                             " a loopback address, and %1 is not one (say --plain-on-network"
                             " if that is really meant)")
                  .arg(options.host.toString());
        return false;
    }
    if (!tls.plain) {
        if (!tls.certificateFile.isEmpty() || !tls.keyFile.isEmpty()) {
            m_identity = TlsIdentity::load(tls.certificateFile, tls.keyFile, error);
        } else {
            QStringList names;
            if (!options.host.isLoopback() && options.host != QHostAddress::Any
                && options.host != QHostAddress::AnyIPv4 && options.host != QHostAddress::AnyIPv6)
                names.append(options.host.toString());
            m_identity = TlsIdentity::selfSigned(tls.directory, names, error);
            if (m_identity && m_identity->made() && !tls.directory.isEmpty())
                qCInfo(lcServer).noquote() << "made a self-signed certificate in" << tls.directory;
        }
        if (!m_identity)
            return false;
    } else if (!options.host.isLoopback()) {
        qCWarning(lcServer).noquote() << "signaling in clear (ws://) on" << options.host.toString()
                                      << ": passwords and keys can be read on the network";
    }
    return true;
}

bool Server::listen(const ServerOptions &options, QString *error)
{
    m_listener = std::make_unique<SignalingListener>();
    connect(m_listener.get(), &SignalingListener::accepted, this,
            [this](QWebSocket *socket, QSslSocket *tls) { m_hub->accept(socket, tls); });
    m_httpPacer.setRate(options.httpBytesPerSecond);
    m_mediaHttp = std::make_unique<MediaHttp>(m_hub->httpTokens(), m_phones, m_hub->mediaService(),
                                              m_media.get(), m_hub->mutableStats(), m_httpStats);
    m_phoneHttp = std::make_unique<PhoneHttp>(m_phones, m_hub->pushService(), m_hub->fleet(),
                                              m_httpStats, options.mediaLimits.maxBytes);
    m_http = std::make_unique<HttpRouter>(*m_mediaHttp, *m_phoneHttp);
    connect(m_listener.get(), &SignalingListener::httpAccepted, this, [this](QTcpSocket *socket) {
        new HttpConnection(socket, *m_http, m_httpStats, m_httpPacer, this);
    });
    if (!m_identity)
        return m_listener->listen(options.host, options.port, nullptr, error);
    const QSslConfiguration tlsConfiguration = m_identity->serverConfiguration();
    return m_listener->listen(options.host, options.port, &tlsConfiguration, error);
}

void Server::stop()
{
    m_sweep.stop();
    if (m_listener)
        m_listener->close();
    // HTTP connections are children of the server: they go before the hub their routes use.
    for (HttpConnection *c : findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly))
        delete c;
    m_http.reset();
    m_phoneHttp.reset();
    m_mediaHttp.reset();
    m_hub.reset();
    m_listener.reset();
    m_relay.stop();
    // After the relay: its thread hands the recorder packets until it stops.
    m_recordings.reset();
    m_recordingStore.reset();
    m_store.reset();
    m_media.reset();
    m_pushes.reset();
    m_emergencies.reset();
    m_mediaTemp.reset();
    m_identity.reset();
}

quint16 Server::port() const
{
    return m_listener ? m_listener->port() : 0;
}

QUrl Server::url() const
{
    QUrl url;
    url.setScheme(m_identity ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setHost(m_host.toString());
    url.setPort(port());
    return url;
}

QJsonObject Server::statsJson() const
{
    const RtpRelay::Counters &r = m_relay.counters();
    QJsonObject relay {
        {QStringLiteral("received"), qint64(r.received.load())},
        {QStringLiteral("relayedIn"), qint64(r.relayedIn.load())},
        {QStringLiteral("forwarded"), qint64(r.forwarded.load())},
        {QStringLiteral("keepAlives"), qint64(r.keepAlives.load())},
        {QStringLiteral("droppedMalformed"), qint64(r.droppedMalformed.load())},
        {QStringLiteral("droppedOversize"), qint64(r.droppedOversize.load())},
        {QStringLiteral("droppedUnknownSsrc"), qint64(r.droppedUnknownSsrc.load())},
        {QStringLiteral("droppedUnlatched"), qint64(r.droppedUnlatched.load())},
        {QStringLiteral("droppedBadKey"), qint64(r.droppedBadKey.load())},
        {QStringLiteral("droppedReplayed"), qint64(r.droppedReplayed.load())},
        {QStringLiteral("droppedForeignAddress"), qint64(r.droppedForeignAddress.load())},
        {QStringLiteral("droppedNotHolder"), qint64(r.droppedNotHolder.load())},
        {QStringLiteral("droppedPayloadType"), qint64(r.droppedPayloadType.load())}};
    QJsonObject out {{QStringLiteral("relay"), relay}};
    if (m_recordings) {
        const Recorder::Counters &c = m_recordings->counters();
        out.insert(QStringLiteral("recording"),
                   QJsonObject {
                       {QStringLiteral("now"), m_recordings->recordingsNow()},
                       {QStringLiteral("packets"), qint64(c.packets.load())},
                       {QStringLiteral("droppedQueueFull"), qint64(c.droppedQueueFull.load())},
                       {QStringLiteral("droppedUnverified"), qint64(c.droppedUnverified.load())}});
    }
    if (m_hub) {
        QJsonObject signaling = m_hub->stats().toJson();
        signaling.insert(QStringLiteral("tlsHandshakeFailures"),
                         qint64(m_listener ? m_listener->handshakeFailures() : 0));
        out.insert(QStringLiteral("signaling"), signaling);
        out.insert(QStringLiteral("logins"), m_hub->liveLogins());
        out.insert(QStringLiteral("http"), m_httpStats.toJson());
    }
    return out;
}

} // namespace floorline::server
