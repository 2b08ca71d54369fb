// SPDX-License-Identifier: Apache-2.0
// floorline: the dispatch console. The composition root: command line and settings, the voice
// engine, the signaling client, the console controller, the QML UI, and the demo default
// (server and simulated fleet in-process) when no server is configured.
#include "demo.h"
#include "inputbackends.h"

#include "core/console/consolecontroller.h"
#include "core/input/buttons.h"
#include "core/input/hotkeys.h"
#include "core/media/portaudiobackend.h"
#include "core/media/voiceengine.h"
#include "core/protocol/fingerprint.h"
#include "ui/consolewindow.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QSettings>
#include <QTimer>
#include <QTranslator>
#include <QtQml/QQmlExtensionPlugin>

#include <cstdio>

Q_IMPORT_QML_PLUGIN(Floorline_CorePlugin)
Q_IMPORT_QML_PLUGIN(Floorline_UiPlugin)

using namespace floorline;

namespace {
int listAudioDevices()
{
    media::PortAudioBackend audio;
    if (!audio.isValid()) {
        std::fprintf(stderr, "floorline: %s\n", qPrintable(audio.errorString()));
        return 1;
    }
    for (const media::AudioDeviceInfo &d : audio.devices()) {
        std::printf("%s%s [%s] in %d out %d\n", qPrintable(d.name),
                    d.defaultInput || d.defaultOutput ? " (default)" : "", qPrintable(d.hostApi),
                    d.inputChannels, d.outputChannels);
    }
    return 0;
}

/// Saves the window to `file` after `seconds` and quits: for the documentation's screenshots.
void screenshotLater(QQmlApplicationEngine &engine, const QString &file, double seconds)
{
    QTimer::singleShot(int(seconds * 1000), &engine, [&engine, file] {
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().value(0));
        const bool saved = window && window->grabWindow().save(file);
        std::fprintf(saved ? stdout : stderr, "%s %s\n", saved ? "saved" : "could not save",
                     qPrintable(file));
        QCoreApplication::exit(saved ? 0 : 1);
    });
}
/// The command line, built the same way for the console and for answers that need no window.
struct CommandLine
{
    QCommandLineParser parser;
    const QCommandLineOption server {QStringLiteral("server"),
                                     QStringLiteral("Server URL (wss://host:port). Without it the "
                                                    "console runs its demo."),
                                     QStringLiteral("url")};
    const QCommandLineOption fingerprint {
        QStringLiteral("fingerprint"),
        QStringLiteral("Trust the --server's certificate with this SHA-256 (floorline-server "
                       "--fingerprint prints it) without asking, for this run; any other "
                       "certificate is refused."),
        QStringLiteral("hex")};
    const QCommandLineOption user {QStringLiteral("user"), QStringLiteral("Account to log in as."),
                                   QStringLiteral("id")};
    const QCommandLineOption password {QStringLiteral("password"),
                                       QStringLiteral("Password (the demo's: the account id). "
                                                      "Others on this machine can read it in the "
                                                      "process list: prefer the environment "
                                                      "variable FLOORLINE_PASSWORD. Without "
                                                      "either, the login form asks for it."),
                                       QStringLiteral("secret")};
    const QCommandLineOption demo {
        QStringLiteral("demo"),
        QStringLiteral("Run the demo: an in-process server and a "
                       "simulated fleet (the default with no --server).")};
    const QCommandLineOption list {QStringLiteral("list-audio-devices"),
                                   QStringLiteral("List sound devices and exit.")};
    const QCommandLineOption input {QStringLiteral("input-device"),
                                    QStringLiteral("Microphone by name."), QStringLiteral("name")};
    const QCommandLineOption headset {QStringLiteral("headset-device"),
                                      QStringLiteral("Headset output by name."),
                                      QStringLiteral("name")};
    const QCommandLineOption speaker {QStringLiteral("speaker-device"),
                                      QStringLiteral("Speaker output by name."),
                                      QStringLiteral("name")};
    const QCommandLineOption alert {QStringLiteral("alert-device"),
                                    QStringLiteral("Loudspeaker for alarms (the emergency tone) "
                                                   "by name; default: the headset."),
                                    QStringLiteral("name")};
    const QCommandLineOption noAudio {QStringLiteral("no-audio"),
                                      QStringLiteral("Run without sound devices.")};
    const QCommandLineOption screenshot {QStringLiteral("screenshot"),
                                         QStringLiteral("Save the window to a PNG and quit."),
                                         QStringLiteral("file")};
    const QCommandLineOption screenshotAfter {QStringLiteral("screenshot-after"),
                                              QStringLiteral("Seconds before the screenshot (8)."),
                                              QStringLiteral("s"), QStringLiteral("8")};
    const QCommandLineOption windowSize {QStringLiteral("window-size"),
                                         QStringLiteral("Window size, e.g. 1024x600 (default: as "
                                                        "last left, first 1366x768)."),
                                         QStringLiteral("WxH")};
    // Not "--display": Qt's X11 platform takes that (and -display) as the X server to use.
    const QCommandLineOption asDisplay {
        QStringLiteral("as-display"),
        QStringLiteral("Run as a display bound to the account: show what its console sends to "
                       "its displays (no talk groups, no audio).")};

    CommandLine()
    {
        parser.setApplicationDescription(QStringLiteral("Floorline push-to-talk dispatch console"));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({server, fingerprint, user, password, demo, list, input, headset, speaker,
                           alert, noAudio, screenshot, screenshotAfter, windowSize, asDisplay});
    }
};

void nameApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Floorline"));
    QCoreApplication::setApplicationName(QStringLiteral("floorline"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
    // The desktop entry installer/ installs: its icon and name for the window (Wayland).
    QGuiApplication::setDesktopFileName(QStringLiteral("org.floorline.Floorline"));
}

/// Help, version and the device list are answered on a terminal without a display.
bool answersWithoutWindow(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-v"
            || arg == "--version" || arg == "--list-audio-devices")
            return true;
    }
    return false;
}

/// The settings name servers and accounts and keep the certificate pins: readable by this user
/// only. Made 0600 before the first write, which keeps the mode when it replaces the file.
void keepPrivate(const QSettings &settings)
{
    const QString path = settings.fileName();
    if (!QFileInfo::exists(path)) {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return;
    }
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}
} // namespace

int main(int argc, char *argv[])
{
    if (answersWithoutWindow(argc, argv)) {
        QCoreApplication app(argc, argv);
        nameApplication();
        CommandLine cli;
        cli.parser.process(app); // help and version print and exit here
        return listAudioDevices();
    }
    qputenv("QT_QUICK_CONTROLS_STYLE", "Material");
    QGuiApplication app(argc, argv);
    nameApplication();
    // The console speaks the desktop's language when we have it (LANG=de_DE.UTF-8: German).
    // Any other language gets English, whose file holds its plural forms ("1 unit", "6 units").
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("floorline"), QStringLiteral("_"),
                        QStringLiteral(":/i18n"))
        || translator.load(QStringLiteral("floorline_en"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    CommandLine cli;
    QCommandLineParser &parser = cli.parser;
    const QCommandLineOption &server = cli.server, &user = cli.user, &password = cli.password,
                             &demo = cli.demo, &input = cli.input, &headset = cli.headset,
                             &speaker = cli.speaker, &noAudio = cli.noAudio,
                             &screenshot = cli.screenshot, &screenshotAfter = cli.screenshotAfter,
                             &display = cli.asDisplay;
    parser.process(app);

    // Settings remember servers and devices; the command line wins for this run. Without
    // --server the console runs its demo, as README says, whatever it was pointed at before.
    QSettings settings;
    keepPrivate(settings);
    const QStringList servers = parser.values(server);
    media::VoiceEngine::Config voiceConfig;
    voiceConfig.pipeline.playRoutedOnly
        = true; // each group's routing, volume, mute from its first packet
    voiceConfig.inputDevice = parser.value(input).isEmpty()
        ? settings.value(QStringLiteral("audio/input")).toString()
        : parser.value(input);
    voiceConfig.headsetDevice = parser.value(headset).isEmpty()
        ? settings.value(QStringLiteral("audio/headset")).toString()
        : parser.value(headset);
    voiceConfig.speakerDevice = parser.value(speaker).isEmpty()
        ? settings.value(QStringLiteral("audio/speaker")).toString()
        : parser.value(speaker);
    voiceConfig.alertDevice = parser.value(cli.alert).isEmpty()
        ? settings.value(QStringLiteral("audio/alert")).toString()
        : parser.value(cli.alert);

    app::Demo demoSystem;
    QUrl url;
    QString account = parser.value(user);
    if (parser.isSet(demo) || servers.isEmpty()) {
        QString error;
        if (!demoSystem.start(&error)) {
            std::fprintf(stderr, "floorline: the demo server did not start: %s\n",
                         qPrintable(error));
            return 1;
        }
        url = demoSystem.url();
        if (account.isEmpty())
            account = app::Demo::user();
    } else {
        url = QUrl(servers.first()); // the multi-server view comes later
    }
    if (account.isEmpty())
        account = settings.value(QStringLiteral("user")).toString();
    // The demo's passwords are the account ids; a real server's is given or typed, never
    // guessed (sending the id would count as a failed login against the account).
    const QString given = parser.isSet(password) ? parser.value(password)
                                                 : qEnvironmentVariable("FLOORLINE_PASSWORD");
    const bool haveSecret = !given.isEmpty() || demoSystem.running();
    const QString secret = given.isEmpty() ? account : given;

    std::unique_ptr<media::PortAudioBackend> audio;
    std::unique_ptr<media::VoiceEngine> voice;
    if (!parser.isSet(noAudio) && !parser.isSet(display))
        audio = std::make_unique<media::PortAudioBackend>();
    if (audio && audio->isValid()) {
        voice = std::make_unique<media::VoiceEngine>(*audio, voiceConfig);
        QString error;
        if (!voice->start(&error)) {
            std::fprintf(stderr, "floorline: no sound (%s); running without audio\n",
                         qPrintable(error));
            voice.reset();
        }
    }

    SignalingClient client;
    console::ConsoleController controller(client, voice.get());
    controller.setDisplay(parser.isSet(display));
    console::AudioSettings audioSettings(voice ? audio.get() : nullptr, voice.get(),
                                         voiceConfig.inputDevice, voiceConfig.headsetDevice,
                                         voiceConfig.speakerDevice, voiceConfig.alertDevice);
    controller.setAudio(&audioSettings);
    QObject::connect(&audioSettings, &console::AudioSettings::applied, &app,
                     [&settings](const QString &in, const QString &head, const QString &spk,
                                 const QString &alarm) {
                         settings.setValue(QStringLiteral("audio/input"), in);
                         settings.setValue(QStringLiteral("audio/headset"), head);
                         settings.setValue(QStringLiteral("audio/speaker"), spk);
                         settings.setValue(QStringLiteral("audio/alert"), alarm);
                     });
    // Per account and server host (the demo's port changes every run): how the dispatcher
    // listened last time. A login through the form names its own account and server.
    const auto listeningKeyOf = [](const QString &user, const QUrl &server) {
        return QStringLiteral("listening/%1@%2").arg(user, server.host());
    };
    QString listeningKey = listeningKeyOf(account, url);
    controller.setSavedListening(settings.value(listeningKey).toMap());
    // Global keys and the pedal, with the same account's choice of them. A display has no
    // push-to-talk.
    std::unique_ptr<input::Hotkeys> hotkeys;
    std::unique_ptr<input::Buttons> buttons;
    console::PttInputs &ptt = *controller.pushToTalk();
    const auto pttKeyOf = [](const QString &user, const QUrl &server) {
        return QStringLiteral("push-to-talk/%1@%2").arg(user, server.host());
    };
    QString pttKey = pttKeyOf(account, url);
    if (!parser.isSet(display)) {
        hotkeys = app::makeHotkeys();
        buttons = app::makeButtons();
        ptt.restore(settings.value(pttKey).toMap());
        ptt.setBackends(hotkeys.get(), buttons.get());
    }
    QObject::connect(
        &ptt, &console::PttInputs::settingsEdited, &app,
        [&settings, &pttKey](const QVariantMap &state) { settings.setValue(pttKey, state); });
    QObject::connect(&controller, &console::ConsoleController::listeningChanged, &app,
                     [&settings, &listeningKey](const QVariantMap &state) {
                         settings.setValue(listeningKey, state);
                     });
    QQmlApplicationEngine engine;
    QQuickWindow *window = ui::loadConsoleWindow(engine, controller);
    if (!window)
        return 1;
    // The window comes back where and how big the dispatcher left it.
    // (Not for screenshots: those have the documented size.)
    const QRect geometry = settings.value(QStringLiteral("window/geometry")).toRect();
    if (geometry.isValid() && !parser.isSet(screenshot))
        window->setGeometry(geometry);
    if (settings.value(QStringLiteral("window/maximized")).toBool() && !parser.isSet(screenshot))
        window->showMaximized();
    if (parser.isSet(cli.windowSize)) {
        const QStringList wh = parser.value(cli.windowSize).split(QLatin1Char('x'));
        const QSize size = wh.size() == 2 ? QSize(wh[0].toInt(), wh[1].toInt()) : QSize();
        if (size.width() < window->minimumWidth() || size.height() < window->minimumHeight()) {
            std::fprintf(stderr, "floorline: --window-size wants WxH, at least %dx%d\n",
                         window->minimumWidth(), window->minimumHeight());
            return 2;
        }
        window->resize(size);
    }
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &app, [&settings, window] {
        settings.setValue(QStringLiteral("window/maximized"),
                          window->visibility() == QWindow::Maximized);
        if (window->visibility() == QWindow::Windowed)
            settings.setValue(QStringLiteral("window/geometry"), window->geometry());
    });
    // A login through the form is remembered (server first in the list, the user name) only
    // once the server took it: a mistyped address, or a password typed into the user field,
    // must not end up in the settings file.
    QUrl formServer;
    QString formUser;
    QObject::connect(controller.connection(), &console::ServerConnection::loginRequested, &app,
                     [&](const QUrl &server, const QString &name) {
                         listeningKey = listeningKeyOf(name, server);
                         controller.setSavedListening(settings.value(listeningKey).toMap());
                         if (pttKeyOf(name, server) != pttKey) {
                             pttKey = pttKeyOf(name, server);
                             ptt.restore(settings.value(pttKey).toMap());
                         }
                         formServer = server;
                         formUser = name;
                     });
    QObject::connect(controller.connection(), &console::ServerConnection::loggedIn, &app, [&] {
        if (formServer.isEmpty())
            return;
        QStringList known = settings.value(QStringLiteral("servers")).toStringList();
        known.removeAll(formServer.toString());
        known.prepend(formServer.toString());
        settings.setValue(QStringLiteral("servers"), known);
        settings.setValue(QStringLiteral("user"), formUser);
        formServer.clear();
    });
    // Trust on first use: the certificates the dispatcher accepted before, per host and port.
    console::ServerTrust &trust = *controller.connection()->trust();
    // One readable line per server ("host:port=<hex>"), so that an operator can check or remove
    // a pin in the file by hand.
    const QString pinGroup = QStringLiteral("trusted-certificates");
    QVariantMap pins = settings.value(QStringLiteral("trust/pins")).toMap(); // before 0.1.0
    settings.remove(QStringLiteral("trust"));
    settings.beginGroup(pinGroup);
    for (const QString &key : settings.childKeys())
        pins.insert(key, settings.value(key));
    settings.endGroup();
    trust.setPins(pins);
    QObject::connect(&trust, &console::ServerTrust::pinsChanged, &app,
                     [&settings, pinGroup](const QVariantMap &kept) {
                         settings.remove(pinGroup);
                         settings.beginGroup(pinGroup);
                         for (auto it = kept.cbegin(); it != kept.cend(); ++it)
                             settings.setValue(it.key(), it.value().toString());
                         settings.endGroup();
                     });
    if (demoSystem.running()) {
        trust.pin(url, demoSystem.fingerprint(), false);
    } else if (parser.isSet(cli.fingerprint)) {
        const QByteArray pinned = proto::parseFingerprint(parser.value(cli.fingerprint));
        if (pinned.isEmpty()) {
            std::fprintf(stderr,
                         "floorline: --fingerprint wants 64 hex digits (pairs may be "
                         "separated by ':')\n");
            return 2;
        }
        trust.require(url, pinned);
    }
    // The demo, or a user named on the command line with a password, logs in at once;
    // otherwise the login form asks, starting from the last server and user.
    if (demoSystem.running() || (parser.isSet(user) && haveSecret))
        controller.connectToServer(url, account, secret);
    else
        controller.connection()->setLoginTarget(url, account);
    if (parser.isSet(screenshot))
        screenshotLater(engine, parser.value(screenshot), parser.value(screenshotAfter).toDouble());
    const int result = app.exec();
    if (voice)
        voice->stop();
    return result;
}
