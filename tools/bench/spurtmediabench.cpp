// SPDX-License-Identifier: Apache-2.0
// How soon a talk spurt's picture is on the console's screen when the console already has it:
// floorline-server as its own process, a unit that talks with a picture, and the real console
// (controller and QML UI, offscreen) that shows it. For each spurt it takes four moments:
//   request  the unit sends floor.request naming the picture;
//   taken    floor.taken reaches the console's signaling client;
//   model    the controller's onAir names the picture's local file (what the UI binds);
//   frame    the first frame rendered after that (the picture is in it).
// and prints the delays between them. Assert nothing: docs/performance.md has the results.
//   floorline-spurtmediabench [--spurts N] [--server PATH]
#include "benchcommon.h"

#include "core/console/consolecontroller.h"
#include "ui/consolewindow.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

#include <cstdio>

Q_IMPORT_QML_PLUGIN(Floorline_CorePlugin)
Q_IMPORT_QML_PLUGIN(Floorline_UiPlugin)

using namespace floorline;

namespace {
QByteArray picture(int n)
{
    QImage image(800, 500, QImage::Format_RGB32);
    image.fill(QColor::fromHsv((n * 97) % 360, 160, 200));
    QPainter(&image).drawText(QRect(0, 0, 800, 500), Qt::AlignCenter, QString::number(n));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

/// Uploads `bytes` in one go (they fit one chunk) and returns the stored item's id.
QString upload(SignalingClient &client, const QByteArray &bytes, const QString &name)
{
    const QString sha
        = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    bool done = false;
    QString id;
    client.send(proto::MediaUpload {name, QStringLiteral("image/png"), bytes.size(), sha},
                [&](const Reply<proto::UploadState> &r) {
                    if (!r.ok() || r.value->upload.isEmpty()) {
                        id = r.ok() ? sha : QString();
                        done = true;
                        return;
                    }
                    const QString up = r.value->upload;
                    client.send(proto::MediaChunk {up, 0, bytes},
                                [&, up](const Reply<proto::UploadState> &c) {
                                    if (!c.ok()) {
                                        done = true;
                                        return;
                                    }
                                    client.send(proto::MediaFinish {up},
                                                [&](const Reply<proto::MediaItem> &f) {
                                                    id = f.ok() ? f.value->id : QString();
                                                    done = true;
                                                });
                                });
                });
    (void)QTest::qWaitFor([&] { return done; }, 10000);
    return id;
}

/// Runs the event loop until `done`, blocking on events in between: QTest::qWaitFor sleeps
/// 10 ms between its passes, which would be measured as part of the delay.
template<typename Done> bool spinUntil(Done done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

void print(const char *what, const std::vector<double> &ms)
{
    std::printf("%-16s p50 %7.2f ms  p95 %7.2f ms  max %7.2f ms  (n=%zu)\n", what,
                bench::percentile(ms, 50), bench::percentile(ms, 95), bench::percentile(ms, 100),
                ms.size());
}
} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption spurts(QStringLiteral("spurts"), QStringLiteral("Spurts to time."),
                                    QStringLiteral("n"), QStringLiteral("60"));
    const QCommandLineOption serverBin(QStringLiteral("server"),
                                       QStringLiteral("floorline-server binary."),
                                       QStringLiteral("path"), bench::defaultServerBinary());
    parser.addOptions({spurts, serverBin});
    parser.addHelpOption();
    parser.process(app);

    bench::ServerProcess server;
    QString error;
    if (!server.start(parser.value(serverBin),
                      {QStringLiteral("--demo-fleet"), QStringLiteral("30,6"),
                       QStringLiteral("--rate-limit"), QStringLiteral("1000")},
                      &error)) {
        std::fprintf(stderr, "server: %s\n", qPrintable(error));
        return 1;
    }

    // The console. Its client's "taken" moment is taken before the controller sees the event.
    QTemporaryDir cache;
    SignalingClient consoleClient;
    QElapsedTimer clock;
    clock.start();
    double taken = -1;
    QObject::connect(
        &consoleClient, &SignalingClient::eventReceived, &app, [&](const proto::Event &e, quint64) {
            if (const auto *t = std::get_if<proto::FloorTaken>(&e); t && !t->media.isEmpty())
                taken = clock.nsecsElapsed() / 1e6;
        });
    console::ConsoleController controller(consoleClient, nullptr);
    controller.media()->cache().setDirectory(cache.path());
    // Connected before the UI loads, so this runs before the QML bindings react: "model" is
    // the controller's moment, and the UI's work (image, layout, render) falls in model->frame.
    double model = -1;
    double frame = -1;
    QObject::connect(controller.floors(), &console::FloorView::onAirChanged, &app, [&] {
        const QVariantList onAir = controller.floors()->onAir();
        if (model < 0 && !onAir.isEmpty()
            && !onAir.first().toMap().value(QStringLiteral("url")).toUrl().isEmpty())
            model = clock.nsecsElapsed() / 1e6;
    });
    QQmlApplicationEngine engine;
    QQuickWindow *window = ui::loadConsoleWindow(engine, controller);
    if (!window)
        return 1;
    window->resize(1366, 768);
    QObject::connect(window, &QQuickWindow::frameSwapped, &app, [&] {
        if (model >= 0 && frame < 0)
            frame = clock.nsecsElapsed() / 1e6;
    });
    controller.connection()->trust()->pin(server.url(), server.fingerprint(), false);
    controller.connectToServer(server.url(), QStringLiteral("dispatch-1"),
                               QStringLiteral("dispatch-1"));

    SignalingClient unit;
    unit.setPinnedCertificate(server.fingerprint());
    unit.connectToServer(server.url(), QStringLiteral("unit-0001"), QStringLiteral("unit-0001"));
    if (!bench::joinGroup(unit, QStringLiteral("tg-001"))
        || !QTest::qWaitFor([&] { return controller.link() == console::Link::Online; }, 5000))
        return 1;
    QStringList pictures;
    for (int i = 0; i < 3; ++i)
        pictures << upload(unit, picture(i), QStringLiteral("picture-%1.png").arg(i));
    if (pictures.contains(QString())) {
        std::fprintf(stderr, "upload failed\n");
        return 1;
    }
    // The console has them already, as it would after the shelf or an earlier spurt.
    for (const QString &p : pictures)
        controller.media()->cache().fetch(p);
    (void)QTest::qWaitFor(
        [&] {
            for (const QString &p : pictures) {
                if (controller.media()->cache().state(p) != console::MediaCache::State::Ready)
                    return false;
            }
            return true;
        },
        10000);
    int framesSwapped = 0;
    QObject::connect(window, &QQuickWindow::frameSwapped, &app, [&] { ++framesSwapped; });
    QTest::qWait(1000);
    std::printf("idle: %d frames rendered in 1 s\n", framesSwapped);

    const QString session = QStringLiteral("group:tg-001");
    std::vector<double> requestToTaken, takenToModel, modelToFrame, requestToFrame;
    const int n = parser.value(spurts).toInt();
    for (int i = 0; i < n + 3; ++i) { // the first three warm the image cache: not counted
        taken = model = frame = -1;
        const double request = clock.nsecsElapsed() / 1e6;
        unit.send(proto::FloorRequest {session, 0, proto::FloorType::Normal,
                                       pictures.at(i % pictures.size())});
        if (!spinUntil([&] { return frame >= 0; }, 5000)) {
            std::fprintf(stderr, "spurt %d: the picture did not show\n", i);
            return 1;
        }
        if (i >= 3) {
            requestToTaken.push_back(taken - request);
            takenToModel.push_back(model - taken);
            modelToFrame.push_back(frame - model);
            requestToFrame.push_back(frame - request);
        }
        QTest::qWait(150);
        unit.send(proto::FloorRelease {session});
        (void)QTest::qWaitFor([&] { return controller.floors()->onAir().isEmpty(); }, 5000);
        QTest::qWait(150);
    }
    std::printf("Floor Taken -> picture shown, cached, %d spurts, 1366x768 offscreen\n", n);
    print("request->taken", requestToTaken);
    print("taken->model", takenToModel);
    print("model->frame", modelToFrame);
    print("request->frame", requestToFrame);
    std::vector<double> takenToFrame;
    for (std::size_t i = 0; i < takenToModel.size(); ++i)
        takenToFrame.push_back(takenToModel[i] + modelToFrame[i]);
    print("taken->frame", takenToFrame);
    return 0;
}
