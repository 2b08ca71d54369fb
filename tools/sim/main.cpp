// SPDX-License-Identifier: Apache-2.0
// floorline-sim: a fleet of simulated field units speaking real speech over real sockets.
#include "core/protocol/fingerprint.h"
#include "tools/sim/simfleet.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <utility>

using namespace floorline;

namespace {
void onSignal(int)
{
    QCoreApplication::quit();
}

void printStats(const sim::SimFleet &fleet)
{
    const QByteArray json = QJsonDocument(fleet.statsJson()).toJson(QJsonDocument::Compact);
    std::fprintf(stdout, "%s\n", json.constData());
    std::fflush(stdout);
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("floorline-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Floorline fleet simulator: units that log in, "
                                                    "monitor their groups and talk real speech."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server({QStringLiteral("s"), QStringLiteral("server")},
                                    QStringLiteral("Signaling URL (default wss://127.0.0.1:7700)."),
                                    QStringLiteral("url"), QStringLiteral("wss://127.0.0.1:7700"));
    const QCommandLineOption fingerprint(
        QStringLiteral("fingerprint"),
        QStringLiteral("SHA-256 of a self-signed server's certificate (floorline-server "
                       "--fingerprint prints it)."),
        QStringLiteral("hex"));
    const QCommandLineOption units(QStringLiteral("units"),
                                   QStringLiteral("Units of the demo fleet (as the server's "
                                                  "--demo-fleet; default 200)."),
                                   QStringLiteral("n"), QStringLiteral("200"));
    const QCommandLineOption groups(QStringLiteral("groups"),
                                    QStringLiteral("Groups of the demo fleet (default 20)."),
                                    QStringLiteral("n"), QStringLiteral("20"));
    const QCommandLineOption fleetFile(QStringLiteral("fleet"),
                                       QStringLiteral("Play the units of this fleet file instead."),
                                       QStringLiteral("file"));
    const QCommandLineOption interval(QStringLiteral("talk-interval"),
                                      QStringLiteral("Mean seconds between talk spurts per group "
                                                     "(default 15)."),
                                      QStringLiteral("seconds"), QStringLiteral("15"));
    const QCommandLineOption emergency(QStringLiteral("emergency-share"),
                                       QStringLiteral("Share of requests that are emergencies "
                                                      "(default 0.02)."),
                                       QStringLiteral("fraction"), QStringLiteral("0.02"));
    const QCommandLineOption duration(QStringLiteral("duration"),
                                      QStringLiteral("Stop after this many seconds and print "
                                                     "totals (default: run until stopped)."),
                                      QStringLiteral("seconds"), QStringLiteral("0"));
    const QCommandLineOption stats(QStringLiteral("stats-interval"),
                                   QStringLiteral("Print counters as JSON every N seconds "
                                                  "(default 10)."),
                                   QStringLiteral("seconds"), QStringLiteral("10"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QStringLiteral("Random seed for a repeatable schedule."),
                                  QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption frame(QStringLiteral("frame-ms"),
                                   QStringLiteral("Opus frame size the units send: 20 or 10 "
                                                  "(default 20)."),
                                   QStringLiteral("ms"), QStringLiteral("20"));
    parser.addOptions({server, fingerprint, units, groups, fleetFile, interval, emergency, duration,
                       stats, seed, frame});
    parser.process(app);

    proto::Fleet fleet;
    if (parser.isSet(fleetFile)) {
        QString error;
        auto loaded = proto::Fleet::load(parser.value(fleetFile), &error);
        if (!loaded) {
            std::fprintf(stderr, "floorline-sim: %s\n", qPrintable(error));
            return 1;
        }
        fleet = *loaded;
    } else {
        fleet = proto::makeDemoFleet(parser.value(units).toInt(), parser.value(groups).toInt());
    }

    sim::SimFleet::Options options;
    options.server = QUrl(parser.value(server));
    if (!options.server.isValid()
        || (options.server.scheme() != QLatin1String("wss")
            && options.server.scheme() != QLatin1String("ws"))) {
        std::fprintf(stderr, "floorline-sim: --server wants a wss:// (or ws://) URL\n");
        return 2;
    }
    options.fingerprint = proto::parseFingerprint(parser.value(fingerprint));
    if (parser.isSet(fingerprint) && options.fingerprint.isEmpty()) {
        std::fprintf(stderr,
                     "floorline-sim: --fingerprint wants 64 hex digits (pairs may be"
                     " separated by ':')\n");
        return 2;
    }
    options.talkIntervalSeconds = std::max(0.5, parser.value(interval).toDouble());
    options.emergencyShare = std::clamp(parser.value(emergency).toDouble(), 0.0, 1.0);
    options.seed = parser.value(seed).toUInt();
    options.frameMs = parser.value(frame).toInt();
    if (options.frameMs != 20 && options.frameMs != 10) {
        std::fprintf(stderr, "floorline-sim: --frame-ms is 20 or 10\n");
        return 2;
    }
    sim::SimFleet sim(fleet, options);
    bool failed = false; // every unit meets the same certificate: said once
    QObject::connect(&sim, &sim::SimFleet::failed, &app, [&failed](const QString &why) {
        if (std::exchange(failed, true))
            return;
        std::fprintf(stderr, "floorline-sim: %s\n", qPrintable(why));
        QCoreApplication::exit(1);
    });
    sim.start();

    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    QTimer statsTimer;
    QObject::connect(&statsTimer, &QTimer::timeout, &sim, [&sim] { printStats(sim); });
    if (parser.value(stats).toInt() > 0)
        statsTimer.start(parser.value(stats).toInt() * 1000);
    if (parser.value(duration).toInt() > 0)
        QTimer::singleShot(parser.value(duration).toInt() * 1000, &app, &QCoreApplication::quit);
    const int code = app.exec();
    printStats(sim); // before stopping, so "online" still counts who was connected
    sim.stop();
    return code;
}
