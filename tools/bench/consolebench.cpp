// SPDX-License-Identifier: Apache-2.0
// How long the console's GUI thread stalls while a big fleet's events pour in: the real
// controller, models and QML UI (offscreen), a 10,000-unit / 1,000-group directory, and
// events decoded from JSON at a fixed rate, as the signaling client would hand them over.
// Prints the gaps between the GUI thread's 1 ms ticks (a gap over 1 ms is a stall) and the
// frames it rendered. Assert nothing: docs/performance.md has the results.
//   floorline-consolebench [--units N] [--groups N] [--rate EVENTS_PER_S] [--seconds S]
#include "benchcommon.h"

#include "core/console/consolecontroller.h"
#include "core/protocol/codec.h"
#include "core/protocol/fleet.h"
#include "ui/consolewindow.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QRandomGenerator>
#include <QTimer>
#include <QtQml/QQmlExtensionPlugin>

#include <cstdio>

Q_IMPORT_QML_PLUGIN(Floorline_CorePlugin)
Q_IMPORT_QML_PLUGIN(Floorline_UiPlugin)

using namespace floorline;

namespace {

/// A day in a busy control room, compressed: talkers come and go on the talk groups, and
/// units move in and out of calls. Encoded once, so the run measures decoding, not encoding.
std::vector<QByteArray> makeEvents(const proto::Fleet &fleet, int count)
{
    QStringList leaves;
    QSet<QString> parents;
    for (const proto::GroupInfo &g : fleet.groups)
        parents.insert(g.parent);
    for (const proto::GroupInfo &g : fleet.groups) {
        if (!parents.contains(g.id))
            leaves << g.id;
    }
    QRandomGenerator random(42);
    QHash<QString, bool> talking;
    std::vector<QByteArray> out;
    out.reserve(std::size_t(count));
    for (int i = 0; i < count; ++i) {
        const int kind = int(random.bounded(10));
        const proto::Account &unit = fleet.accounts.at(int(random.bounded(fleet.accounts.size())));
        proto::Event event;
        if (kind < 8) {
            const QString group = leaves.at(int(random.bounded(leaves.size())));
            const QString session = proto::groupSessionId(group);
            if (talking.value(group)) {
                event = proto::FloorIdle {session};
            } else {
                event = proto::FloorTaken {session,
                                           unit.unit.id,
                                           unit.unit.alias,
                                           quint32(random.generate()),
                                           kind == 7 ? proto::FloorType::Emergency
                                                     : proto::FloorType::Normal,
                                           0};
            }
            talking[group] = !talking.value(group);
        } else {
            const bool busy = kind == 8;
            const int call = int(random.bounded(50));
            event = proto::UnitStatusChanged {
                unit.unit.id, busy ? proto::UnitStatus::Busy : proto::UnitStatus::Online,
                busy ? QStringLiteral("adhoc:%1").arg(call) : QString(),
                busy ? QStringLiteral("Incident %1").arg(call) : QString()};
        }
        out.push_back(proto::encodeEvent(quint64(i + 1), event));
    }
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("QT_QUICK_CONTROLS_STYLE", "Material");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption unitsOpt(QStringLiteral("units"), QStringLiteral("Units."),
                                      QStringLiteral("n"), QStringLiteral("10000"));
    const QCommandLineOption groupsOpt(QStringLiteral("groups"), QStringLiteral("Groups."),
                                       QStringLiteral("n"), QStringLiteral("1000"));
    const QCommandLineOption rateOpt(QStringLiteral("rate"), QStringLiteral("Events per second."),
                                     QStringLiteral("n"), QStringLiteral("5000"));
    const QCommandLineOption secondsOpt(QStringLiteral("seconds"),
                                        QStringLiteral("Measured seconds."), QStringLiteral("s"),
                                        QStringLiteral("10"));
    const QCommandLineOption noUiOpt(QStringLiteral("no-ui"),
                                     QStringLiteral("Models only, no QML (what the UI costs)."));
    parser.addOptions({unitsOpt, groupsOpt, rateOpt, secondsOpt, noUiOpt});
    parser.addHelpOption();
    parser.process(app);
    const int units = parser.value(unitsOpt).toInt();
    const int groups = parser.value(groupsOpt).toInt();
    const double rate = parser.value(rateOpt).toDouble();
    const double seconds = parser.value(secondsOpt).toDouble();

    const proto::Fleet fleet = proto::makeDemoFleet(units, groups);
    proto::Directory directory;
    directory.groups = fleet.groups;
    for (const proto::Account &a : fleet.accounts) {
        proto::UnitInfo info = a.unit;
        info.status = proto::UnitStatus::Online;
        directory.units << info;
    }
    const std::vector<QByteArray> events = makeEvents(fleet, 200000);

    SignalingClient client; // never connected: the events are handed over as it would
    console::ConsoleController controller(client, nullptr);
    QElapsedTimer loadClock;
    loadClock.start();
    controller.applyDirectory(directory);
    const double loadMs = double(loadClock.nsecsElapsed()) / 1e6;

    const bool ui = !parser.isSet(noUiOpt);
    QQmlApplicationEngine engine;
    int frames = 0;
    if (ui) {
        QQuickWindow *window = ui::loadConsoleWindow(engine, controller);
        if (!window) {
            std::fprintf(stderr, "the console UI did not load\n");
            return 1;
        }
        window->resize(1920, 1080);
        QObject::connect(window, &QQuickWindow::frameSwapped, &app, [&frames] { ++frames; });
    }

    // The GUI thread's pulse: a 1 ms timer that also delivers the events that are due.
    // Its gaps are what a dispatcher feels: a gap of 40 ms is a PTT press noticed 40 ms late.
    constexpr double kWarmupS = 2.0;
    QElapsedTimer clock;
    std::vector<double> gaps;
    gaps.reserve(std::size_t(seconds * 1200));
    qint64 last = 0;
    std::size_t next = 0;
    quint64 delivered = 0;
    double worstIngestMs = 0;
    int framesAtStart = 0;
    QTimer pulse;
    pulse.setTimerType(Qt::PreciseTimer);
    pulse.setInterval(1);
    QObject::connect(&pulse, &QTimer::timeout, &app, [&] {
        const qint64 now = clock.nsecsElapsed();
        const double t = double(now) / 1e9;
        if (t >= kWarmupS && last >= qint64(kWarmupS * 1e9))
            gaps.push_back(double(now - last) / 1e6);
        else if (t >= kWarmupS && framesAtStart == 0)
            framesAtStart = frames;
        last = now;
        const auto due = quint64(t * rate);
        QElapsedTimer ingest;
        ingest.start();
        while (delivered < due) {
            const auto frame = proto::decodeServerFrame(events[next]);
            next = (next + 1) % events.size();
            ++delivered;
            if (const auto *server = std::get_if<proto::ServerFrame>(&frame)) {
                if (const auto *e = std::get_if<proto::EventFrame>(server))
                    Q_EMIT client.eventReceived(e->event, e->seq);
            }
        }
        if (t >= kWarmupS)
            worstIngestMs = std::max(worstIngestMs, double(ingest.nsecsElapsed()) / 1e6);
        if (t >= kWarmupS + seconds)
            app.quit();
    });
    clock.start();
    pulse.start();
    app.exec();

    const double measuredS = seconds;
    std::printf("console model: %d units, %d groups (directory load %.1f ms), %.0f events/s for "
                "%.0f s after %.0f s warm-up, %s\n",
                units, groups, loadMs, rate, measuredS, kWarmupS,
                ui ? "UI 1920x1080 offscreen" : "models only");
    std::printf("events delivered: %llu (%.0f/s)\n", static_cast<unsigned long long>(delivered),
                double(delivered) / (kWarmupS + measuredS));
    std::printf("GUI thread 1 ms pulse gaps: p50 %.2f ms  p99 %.2f ms  p99.9 %.2f ms  max %.2f ms "
                "(%zu ticks)\n",
                bench::percentile(gaps, 50), bench::percentile(gaps, 99),
                bench::percentile(gaps, 99.9), bench::percentile(gaps, 100), gaps.size());
    std::printf("worst single ingest batch: %.2f ms; frames rendered: %.1f/s\n", worstIngestMs,
                double(frames - framesAtStart) / measuredS);
    return 0;
}
