// SPDX-License-Identifier: Apache-2.0
// floorline-server: the reference backend. Composition root of the server library.
#include "server/lib/privatefiles.h"
#include "server/lib/recording/recordingexport.h"
#include "server/lib/server.h"
#include "server/lib/store.h"
#include "server/lib/tlsidentity.h"

#include "core/protocol/fingerprint.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>

#include <csignal>
#include <cstdio>

#ifndef Q_OS_WIN
#include <termios.h>
#include <unistd.h>
#endif

using namespace floorline;

namespace {
int exportRecordings(const server::ServerOptions &options, const server::RecordingQuery &query,
                     const QString &directory)
{
    if (!QFileInfo::exists(options.database)) {
        qCritical("floorline-server: no database at %s", qPrintable(options.database));
        return 1;
    }
    server::RecordingStore store;
    QString error;
    if (!store.open(options.database, options.recording.directory, &error)) {
        qCritical("floorline-server: %s", qPrintable(error));
        return 1;
    }
    const int written = server::RecordingExport(store).run(query, directory, &error);
    if (written < 0) {
        qCritical("floorline-server: %s", qPrintable(error));
        return 1;
    }
    std::fprintf(stdout, "%d recordings exported to %s (index.csv lists them)\n", written,
                 qPrintable(QDir(directory).absolutePath()));
    return 0;
}

void onSignal(int)
{
    QCoreApplication::quit();
}

/// One line from standard input, without echo when it is a terminal.
/// Shortest password an operator may set (NIST SP 800-63B's minimum for chosen secrets).
constexpr int kMinPasswordLength = 8;

QString readSecret(const char *prompt = "password: ")
{
#ifndef Q_OS_WIN
    termios saved {};
    const bool terminal = ::isatty(STDIN_FILENO) && ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (terminal) {
        std::fprintf(stderr, "%s", prompt);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
#endif
    QTextStream in(stdin);
    const QString line = in.readLine();
#ifndef Q_OS_WIN
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fprintf(stderr, "\n");
    }
#endif
    return line;
}

/// A new password for --set-password or --hash-password: typed twice on a terminal (no echo
/// shows a typo), at least kMinPasswordLength characters. Empty after saying what is wrong.
QString readNewPassword()
{
    const QString password = readSecret();
    if (password.isEmpty()) {
        qCritical("floorline-server: no password on standard input");
        return {};
    }
    if (password.size() < kMinPasswordLength) {
        qCritical("floorline-server: a password needs at least %d characters", kMinPasswordLength);
        return {};
    }
#ifndef Q_OS_WIN
    if (::isatty(STDIN_FILENO) && readSecret("again: ") != password) {
        qCritical("floorline-server: the two passwords differ; nothing changed");
        return {};
    }
#endif
    return password;
}

/// --set-password: the account's new hash in the database (docs/operations.md, Passwords).
int setPasswordOf(const QString &unit, const QString &database)
{
    const QString password = readNewPassword();
    if (password.isEmpty())
        return 1;
    server::Store store;
    QString error;
    const QString hash
        = server::PasswordHasher::hash(password, server::PasswordHasher::Cost::interactive());
    if (!store.open(database, &error) || hash.isEmpty()
        || !store.setPasswordHash(unit, hash, &error)) {
        qCritical("floorline-server: %s",
                  qPrintable(hash.isEmpty() ? QStringLiteral("hashing failed") : error));
        return 1;
    }
    std::fprintf(stderr,
                 "password of %s set in %s; a server running on it keeps the old one until it "
                 "is restarted\n",
                 qPrintable(unit), qPrintable(database));
    return 0;
}

/// --fingerprint: what an operator hands to the consoles so they need no trust prompt.
int printFingerprint(const server::ServerOptions &options)
{
    QString error;
    const auto identity = options.tls.certificateFile.isEmpty()
        ? server::TlsIdentity::selfSigned(options.tls.directory, {}, &error)
        : server::TlsIdentity::load(options.tls.certificateFile, options.tls.keyFile, &error);
    if (!identity) {
        qCritical("floorline-server: %s", qPrintable(error));
        return 1;
    }
    // A mistyped --db would hand out a fingerprint no running server has: say it is new.
    if (identity->made())
        std::fprintf(stderr, "floorline-server: no certificate in %s yet: made one\n",
                     qPrintable(QDir::toNativeSeparators(options.tls.directory)));
    std::fprintf(stdout, "%s\n", qPrintable(proto::formatFingerprint(identity->fingerprint())));
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // Every line with its time, so that a failed login can be matched with anything else; the
    // environment's QT_MESSAGE_PATTERN wins (the journal has times of its own).
    if (qEnvironmentVariableIsEmpty("QT_MESSAGE_PATTERN"))
        qSetMessagePattern(QStringLiteral(
            "%{time yyyy-MM-ddThh:mm:ss.zzz} %{if-category}%{category}: %{endif}%{message}"));
    QCoreApplication::setApplicationName(QStringLiteral("floorline-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Floorline reference server: WebSocket signaling, floor control (TS 24.380) "
                       "and RTP relay."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listen({QStringLiteral("l"), QStringLiteral("listen")},
                                    QStringLiteral("Address to listen on (default 127.0.0.1)."),
                                    QStringLiteral("address"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption port({QStringLiteral("p"), QStringLiteral("port")},
                                  QStringLiteral("WebSocket signaling port (default 7700)."),
                                  QStringLiteral("port"), QStringLiteral("7700"));
    const QCommandLineOption rtpPort(QStringLiteral("rtp-port"),
                                     QStringLiteral("UDP port of the RTP relay (default 7701)."),
                                     QStringLiteral("port"), QStringLiteral("7701"));
    // Named in --help: a database that already holds a fleet makes --fleet and --demo-fleet
    // no-ops, so where the default one lives matters.
    const QString defaultDb = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/server.sqlite");
    const QCommandLineOption db(
        QStringLiteral("db"), QStringLiteral("SQLite database file; by default %1").arg(defaultDb),
        QStringLiteral("file"));
    const QCommandLineOption mediaDir(
        QStringLiteral("media-dir"),
        QStringLiteral("Directory for uploaded media (default: \"media\" beside the database)."),
        QStringLiteral("dir"));
    const QCommandLineOption fleet(
        QStringLiteral("fleet"),
        QStringLiteral("Fleet file imported when the database is empty (refused otherwise)."),
        QStringLiteral("file"));
    const QCommandLineOption initialFleet(
        QStringLiteral("initial-fleet"),
        QStringLiteral("Fleet file imported when the database is empty, ignored once it holds "
                       "a fleet (for a service that names it on every start)."),
        QStringLiteral("file"));
    const QCommandLineOption demoFleet(
        QStringLiteral("demo-fleet"),
        QStringLiteral("Generate a demo fleet of UNITS,GROUPS (e.g. 200,20) when the database "
                       "is empty (refused otherwise)."),
        QStringLiteral("units,groups"));
    const QCommandLineOption writeFleet(QStringLiteral("write-fleet"),
                                        QStringLiteral("Write the demo fleet to a file and exit."),
                                        QStringLiteral("file"));
    const QCommandLineOption t2(QStringLiteral("max-talk"),
                                QStringLiteral("T2, maximum talk time in seconds (default 30)."),
                                QStringLiteral("seconds"), QStringLiteral("30"));
    const QCommandLineOption queue(QStringLiteral("queue"),
                                   QStringLiteral("Floor queue length; 0 turns queueing off "
                                                  "(default 8)."),
                                   QStringLiteral("n"), QStringLiteral("8"));
    const QCommandLineOption rate(
        QStringLiteral("rate-limit"),
        QStringLiteral("Messages per second per connection (default 50)."), QStringLiteral("n"),
        QStringLiteral("50"));
    const QCommandLineOption httpRate(
        QStringLiteral("http-rate"),
        QStringLiteral("Media over HTTPS, all connections together, in MB/s (default 80; 0: "
                       "unpaced). Faster costs floor access time on a small machine."),
        QStringLiteral("MBps"), QStringLiteral("80"));
    const QCommandLineOption stats(QStringLiteral("stats-interval"),
                                   QStringLiteral("Print counters as JSON every N seconds."),
                                   QStringLiteral("seconds"));
    const QCommandLineOption hashPassword(
        QStringLiteral("hash-password"),
        QStringLiteral("Read a password from standard input, print its argon2id hash (for the "
                       "fleet file's \"password\") and exit."));
    const QCommandLineOption setPassword(
        QStringLiteral("set-password"),
        QStringLiteral("Read a new password for UNIT from standard input, store its hash in the "
                       "database and exit; a running server takes it at its next start."),
        QStringLiteral("unit"));
    const QCommandLineOption cert(
        QStringLiteral("cert"),
        QStringLiteral("PEM certificate (chain) for wss://; without it a self-signed one."),
        QStringLiteral("file"));
    const QCommandLineOption key(QStringLiteral("key"),
                                 QStringLiteral("PEM private key of --cert."),
                                 QStringLiteral("file"));
    const QCommandLineOption tlsDir(
        QStringLiteral("tls-dir"),
        QStringLiteral("Where the self-signed certificate is made on first start and kept "
                       "(default: beside the database, named after it: server-tls for "
                       "server.sqlite)."),
        QStringLiteral("dir"));
    const QCommandLineOption fingerprint(
        QStringLiteral("fingerprint"),
        QStringLiteral("Print the SHA-256 fingerprint of the certificate clients will see (made "
                       "now if it does not exist yet) and exit."));
    const QCommandLineOption plain(
        QStringLiteral("plain"),
        QStringLiteral("Signaling in clear (ws://), for tests and interop; only on a loopback "
                       "address unless --plain-on-network."));
    const QCommandLineOption plainOnNetwork(
        QStringLiteral("plain-on-network"),
        QStringLiteral("Allow --plain on a non-loopback address: passwords and voice keys "
                       "travel readable by anyone on the network."));
    const QCommandLineOption plainRtp(
        QStringLiteral("plain-rtp"),
        QStringLiteral("Voice in plain RTP instead of SRTP, for interop with RTP tools: anyone on "
                       "the path can listen and inject."));
    const QCommandLineOption recordingsDir(
        QStringLiteral("recordings-dir"),
        QStringLiteral("Directory for recorded talk spurts (default: \"recordings\" in the media "
                       "directory)."),
        QStringLiteral("dir"));
    const QCommandLineOption noRecording(
        QStringLiteral("no-recording"),
        QStringLiteral("Record nothing, whatever the groups' handling instructions say."));
    const QCommandLineOption keepRecordings(
        QStringLiteral("keep-recordings"),
        QStringLiteral("Delete recordings older than this many days (0: keep them; default 90)."),
        QStringLiteral("days"), QStringLiteral("90"));
    const QCommandLineOption recordingsMax(
        QStringLiteral("recordings-max-mb"),
        QStringLiteral("Delete the oldest recordings while all of them take more than this (0: no "
                       "bound, the default)."),
        QStringLiteral("MB"), QStringLiteral("0"));
    const QCommandLineOption exportTo(
        QStringLiteral("export-recordings"),
        QStringLiteral("Copy recorded spurts to a directory as Ogg Opus files with index.csv, "
                       "then exit; narrow with --group, --session, --talker, --from, --to."),
        QStringLiteral("dir"));
    const QCommandLineOption exportGroup(QStringLiteral("group"),
                                         QStringLiteral("Export: only this group's spurts."),
                                         QStringLiteral("id"));
    const QCommandLineOption exportSession(QStringLiteral("session"),
                                           QStringLiteral("Export: only this session's spurts."),
                                           QStringLiteral("id"));
    const QCommandLineOption exportTalker(QStringLiteral("talker"),
                                          QStringLiteral("Export: only this unit's spurts."),
                                          QStringLiteral("unit"));
    const QCommandLineOption exportFrom(
        QStringLiteral("from"),
        QStringLiteral("Export: spurts that started at or after this time (ISO 8601, local time "
                       "unless it says Z or an offset)."),
        QStringLiteral("time"));
    const QCommandLineOption exportUntil(
        QStringLiteral("to"), QStringLiteral("Export: spurts that started before this time."),
        QStringLiteral("time"));
    parser.addOptions({listen,        port,
                       rtpPort,       db,
                       mediaDir,      fleet,
                       initialFleet,  demoFleet,
                       writeFleet,    t2,
                       queue,         rate,
                       httpRate,      stats,
                       hashPassword,  setPassword,
                       cert,          key,
                       tlsDir,        fingerprint,
                       plain,         plainOnNetwork,
                       plainRtp,      recordingsDir,
                       noRecording,   keepRecordings,
                       recordingsMax, exportTo,
                       exportGroup,   exportSession,
                       exportTalker,  exportFrom,
                       exportUntil});
    parser.process(app);

    std::optional<proto::Fleet> demo;
    if (parser.isSet(demoFleet)) {
        const QStringList parts = parser.value(demoFleet).split(QLatin1Char(','));
        if (parts.size() != 2 || parts[0].toInt() < 1 || parts[1].toInt() < 3) {
            qCritical("--demo-fleet wants UNITS,GROUPS with at least 1 unit and 3 groups");
            return 2;
        }
        demo = proto::makeDemoFleet(parts[0].toInt(), parts[1].toInt());
    }
    if (parser.isSet(writeFleet)) {
        QString error;
        const proto::Fleet f = demo.value_or(proto::makeDemoFleet(200, 20));
        if (!f.save(parser.value(writeFleet), &error)) {
            qCritical("%s", qPrintable(error));
            return 1;
        }
        return 0;
    }

    if (parser.isSet(hashPassword)) {
        const QString password = readNewPassword();
        if (password.isEmpty())
            return 1;
        const QString hash
            = server::PasswordHasher::hash(password, server::PasswordHasher::Cost::interactive());
        if (hash.isEmpty()) {
            qCritical("floorline-server: hashing failed");
            return 1;
        }
        std::fprintf(stdout, "%s\n", qPrintable(hash));
        return 0;
    }

    server::ServerOptions options;
    // "localhost" as people type it; other names are not looked up (a listen address that
    // changes with DNS would be a surprise).
    options.host = parser.value(listen) == QLatin1String("localhost")
        ? QHostAddress(QHostAddress::LocalHost)
        : QHostAddress(parser.value(listen));
    if (options.host.isNull()) {
        qCritical("floorline-server: --listen: '%s' is not an IP address (or localhost)",
                  qPrintable(parser.value(listen)));
        return 2;
    }
    options.port = quint16(parser.value(port).toUInt());
    options.rtpPort = quint16(parser.value(rtpPort).toUInt());
    const QString database = parser.isSet(db) ? parser.value(db) : defaultDb;
    if (parser.isSet(setPassword) && !QFileInfo::exists(database)) {
        // A mistyped --db would otherwise become a new, empty database, and the password
        // would seem set.
        qCritical("floorline-server: no database at %s: give the --db the server runs on",
                  qPrintable(QFileInfo(database).absoluteFilePath()));
        return 1;
    }
    if (parser.isSet(db)) {
        options.database = parser.value(db);
        // A directory made for it is the server's alone; one that exists is left as it is.
        const QString directory = QFileInfo(options.database).absolutePath();
        QString error;
        if (!QFileInfo::exists(directory)
            && !server::privatefiles::makeDirectory(directory, &error)) {
            qCritical("floorline-server: %s", qPrintable(error));
            return 1;
        }
    } else {
        QString error;
        if (!server::privatefiles::makeDirectory(QFileInfo(defaultDb).absolutePath(), &error)) {
            qCritical("floorline-server: %s", qPrintable(error));
            return 1;
        }
        options.database = defaultDb;
    }
    options.mediaDirectory = parser.isSet(mediaDir)
        ? parser.value(mediaDir)
        : QFileInfo(options.database).absolutePath() + QStringLiteral("/media");
    if (parser.isSet(setPassword))
        return setPasswordOf(parser.value(setPassword), options.database);
    options.recording.enabled = !parser.isSet(noRecording);
    options.recording.directory = parser.isSet(recordingsDir)
        ? parser.value(recordingsDir)
        : options.mediaDirectory + QStringLiteral("/recordings");
    options.recording.retention.maxAgeMs
        = std::max<qint64>(0, parser.value(keepRecordings).toLongLong()) * 24 * 3600 * 1000;
    options.recording.retention.maxBytes
        = std::max<qint64>(0, parser.value(recordingsMax).toLongLong()) * 1000 * 1000;
    if (parser.isSet(exportTo)) {
        server::RecordingQuery query;
        query.group = parser.value(exportGroup);
        query.session = parser.value(exportSession);
        query.talker = parser.value(exportTalker);
        for (const auto &[option, bound] :
             {std::pair {&exportFrom, &query.fromMs}, std::pair {&exportUntil, &query.toMs}}) {
            if (!parser.isSet(*option))
                continue;
            const QDateTime time = QDateTime::fromString(parser.value(*option), Qt::ISODate);
            if (!time.isValid()) {
                qCritical("floorline-server: --%s: '%s' is not an ISO 8601 time "
                          "(2026-12-03T14:00, or ...Z for UTC)",
                          qPrintable(option->names().constFirst()),
                          qPrintable(parser.value(*option)));
                return 2;
            }
            *bound = time.toMSecsSinceEpoch();
        }
        return exportRecordings(options, query, parser.value(exportTo));
    }
    options.tls.plain = parser.isSet(plain);
    options.plainRtp = parser.isSet(plainRtp);
    options.tls.plainOnNetwork = parser.isSet(plainOnNetwork);
    if (options.tls.plainOnNetwork && !options.tls.plain) {
        qCritical("floorline-server: --plain-on-network goes with --plain");
        return 2;
    }
    options.tls.certificateFile = parser.value(cert);
    options.tls.keyFile = parser.value(key);
    if (parser.isSet(cert) != parser.isSet(key)) {
        qCritical("floorline-server: --cert and --key go together");
        return 2;
    }
    // Named after the database, so two servers with their databases in one directory do not
    // share a key: /tmp/demo.sqlite keeps it in /tmp/demo-tls.
    const QFileInfo databaseFile(options.database);
    options.tls.directory = parser.isSet(tlsDir) ? parser.value(tlsDir)
                                                 : databaseFile.absolutePath() + QLatin1Char('/')
            + databaseFile.completeBaseName() + QStringLiteral("-tls");
    if (parser.isSet(fingerprint))
        return printFingerprint(options);
    if (parser.isSet(fleet) && parser.isSet(initialFleet)) {
        qCritical("--fleet and --initial-fleet: give one");
        return 2;
    }
    options.fleetFile = parser.isSet(fleet) ? parser.value(fleet) : parser.value(initialFleet);
    options.fleetFileFirstStartOnly = parser.isSet(initialFleet);
    options.fleet = demo;
    // Granted.duration must stay within what clients accept (1..86400 s).
    options.hub.floor.t2Ms = std::clamp(parser.value(t2).toInt(), 1, 86400) * 1000;
    options.hub.floor.maxQueue = parser.value(queue).toInt();
    options.hub.floor.queueing = options.hub.floor.maxQueue > 0;
    options.hub.limits.messagesPerSecond = std::max(1, parser.value(rate).toInt());
    options.httpBytesPerSecond
        = std::max<qint64>(0, parser.value(httpRate).toLongLong()) * 1000 * 1000;
    options.hub.limits.messageBurst = options.hub.limits.messagesPerSecond * 2;

    server::Server server;
    QString error;
    if (!server.start(options, &error)) {
        qCritical("floorline-server: %s", qPrintable(error));
        return 1;
    }
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);

    QTimer statsTimer;
    if (parser.isSet(stats)) {
        QObject::connect(&statsTimer, &QTimer::timeout, &server, [&server] {
            const QByteArray json
                = QJsonDocument(server.statsJson()).toJson(QJsonDocument::Compact);
            fprintf(stdout, "%s\n", json.constData());
            fflush(stdout);
        });
        statsTimer.start(parser.value(stats).toInt() * 1000);
    }
    return app.exec();
}
