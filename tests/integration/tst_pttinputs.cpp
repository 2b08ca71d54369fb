// SPDX-License-Identifier: Apache-2.0
// Push-to-talk from outside the window, through the real backends: a pedal read by the evdev
// backend (plugged in late, repeating, pulled out mid-press, chosen by pressing it), the X
// server's key grab on a private Xvfb (held with auto-repeat, Caps Lock lit, a key another
// client holds), and the console's rules over them against the real server (one press is one
// request, only the source that started a talk ends it, emergency and group keys).
//
// The pedal: where the kernel has uinput, a real virtual device (/dev/uinput); this project's
// CI kernel has none (CONFIG_INPUT_UINPUT is not set), so the same tests also run on a device
// tree of our own: a sysfs entry and a pipe carrying the kernel's struct input_event records.
#include "core/console/consolecontroller.h"
#include "core/input/evdevbuttons.h"
#include "core/input/x11hotkeys.h"
#include "support/testclient.h"

#include <QDir>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <fcntl.h>
#include <linux/input.h>
#include <linux/uinput.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace floorline;
using namespace floorline::console;

namespace {
/// Something that can press a button: the pipe-fed tree or /dev/uinput.
class Pedal
{
public:
    virtual ~Pedal() = default;
    virtual bool plug() = 0;
    virtual void unplug() = 0;
    virtual QString key() const = 0;
    void button(bool down, int code = BTN_0) { send(EV_KEY, code, down ? 1 : 0); }
    void repeat(int code = BTN_0) { send(EV_KEY, code, 2); }

protected:
    virtual int fd() const = 0;
    void send(int type, int code, int value)
    {
        input_event events[2] = {};
        events[0].type = std::uint16_t(type);
        events[0].code = std::uint16_t(code);
        events[0].value = value;
        events[1].type = EV_SYN;
        events[1].code = SYN_REPORT;
        QCOMPARE(::write(fd(), events, sizeof events), ssize_t(sizeof events));
    }
};

/// A device tree in a temporary folder: what the evdev backend reads under /sys/class/input
/// and /dev/input.
class PipePedal : public Pedal
{
public:
    PipePedal(const QString &root, int number, QString name)
        : m_sys(root + QStringLiteral("/sys"))
        , m_dev(root + QStringLiteral("/dev"))
        , m_node(QStringLiteral("event%1").arg(number))
        , m_name(std::move(name))
    {
        QDir().mkpath(m_sys);
        QDir().mkpath(m_dev);
    }
    ~PipePedal() override
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    QString sys() const { return m_sys; }
    QString dev() const { return m_dev; }
    QString key() const override { return m_name + QStringLiteral(" [0c45:7403]"); }
    bool plug() override
    {
        const QString base = m_sys + QLatin1Char('/') + m_node + QStringLiteral("/device/");
        QDir().mkpath(base + QStringLiteral("id"));
        QDir().mkpath(base + QStringLiteral("capabilities"));
        const auto put = [&](const QString &rel, const QByteArray &text) {
            QFile f(base + rel);
            return f.open(QIODevice::WriteOnly) && f.write(text + '\n') > 0;
        };
        if (!put(QStringLiteral("name"), m_name.toUtf8())
            || !put(QStringLiteral("id/vendor"), "0c45")
            || !put(QStringLiteral("id/product"), "7403")
            || !put(QStringLiteral("capabilities/key"), "1f 0 0 0 0"))
            return false;
        const QByteArray path = (m_dev + QLatin1Char('/') + m_node).toLocal8Bit();
        if (::mkfifo(path.constData(), 0600) != 0)
            return false;
        m_fd = ::open(path.constData(), O_RDWR | O_NONBLOCK); // a writer from the start
        return m_fd >= 0;
    }
    void unplug() override
    {
        QFile::remove(m_dev + QLatin1Char('/') + m_node);
        QDir(m_sys + QLatin1Char('/') + m_node).removeRecursively();
        ::close(m_fd);
        m_fd = -1;
    }

protected:
    int fd() const override { return m_fd; }

private:
    QString m_sys, m_dev, m_node, m_name;
    int m_fd = -1;
};

/// A real virtual device through the kernel's uinput.
class UinputPedal : public Pedal
{
public:
    static bool available() { return QFile::exists(QStringLiteral("/dev/uinput")); }
    ~UinputPedal() override { unplug(); }
    QString key() const override { return QStringLiteral("Floorline test pedal [0c45:7403]"); }
    bool plug() override
    {
        m_fd = ::open("/dev/uinput", O_WRONLY | O_NONBLOCK);
        if (m_fd < 0)
            return false;
        ::ioctl(m_fd, UI_SET_EVBIT, EV_KEY);
        ::ioctl(m_fd, UI_SET_KEYBIT, BTN_0);
        uinput_setup setup = {};
        setup.id.bustype = BUS_USB;
        setup.id.vendor = 0x0c45;
        setup.id.product = 0x7403;
        std::strncpy(setup.name, "Floorline test pedal", UINPUT_MAX_NAME_SIZE - 1);
        return ::ioctl(m_fd, UI_DEV_SETUP, &setup) == 0 && ::ioctl(m_fd, UI_DEV_CREATE) == 0;
    }
    void unplug() override
    {
        if (m_fd < 0)
            return;
        ::ioctl(m_fd, UI_DEV_DESTROY);
        ::close(m_fd);
        m_fd = -1;
    }

protected:
    int fd() const override { return m_fd; }

private:
    int m_fd = -1;
};

/// Hotkeys the test presses itself: the console's rules without an X server.
class ScriptedHotkeys : public input::Hotkeys
{
public:
    void setBindings(const QHash<QString, input::KeyChord> &bindings) override
    {
        this->bindings = bindings;
    }
    bool available() const override { return true; }
    QString status() const override { return QStringLiteral("scripted"); }
    QStringList refused() const override { return {}; }
    void press(const QString &id) { Q_EMIT pressed(id); }
    void release(const QString &id) { Q_EMIT released(id); }
    QHash<QString, input::KeyChord> bindings;
};

/// A private X server with key auto-repeat on, for the key grab.
struct Xvfb
{
    Xvfb()
    {
        for (int attempt = 0; attempt < 20 && display.isEmpty(); ++attempt) {
            const int n = 300 + int(QRandomGenerator::global()->bounded(500));
            if (QFile::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(n)))
                continue;
            process.start(QStringLiteral("Xvfb"),
                          {QStringLiteral(":%1").arg(n), QStringLiteral("-nolisten"),
                           QStringLiteral("tcp"), QStringLiteral("-ac")});
            if (!process.waitForStarted(3000))
                return;
            if (QTest::qWaitFor(
                    [n] { return QFile::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(n)); },
                    5000))
                display = QStringLiteral(":%1").arg(n);
        }
        if (!display.isEmpty())
            xdotool({QStringLiteral("--version")}); // warm up
        QProcess::execute(QStringLiteral("xset"),
                          {QStringLiteral("-display"), display, QStringLiteral("r"),
                           QStringLiteral("rate"), QStringLiteral("250"), QStringLiteral("30")});
    }
    ~Xvfb()
    {
        process.terminate();
        process.waitForFinished(3000);
    }
    bool xdotool(const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DISPLAY"), display);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral("xdotool"), args);
        return p.waitForFinished(5000) && p.exitCode() == 0;
    }
    QProcess process;
    QString display;
};

struct Console
{
    explicit Console(server::Server &server, const QString &user = QStringLiteral("dispatch-1"))
        : controller(client, nullptr)
    {
        controller.connection()->trust()->pin(server.url(), server.fingerprint(), false);
        controller.connectToServer(server.url(), user, user);
    }
    bool ready()
    {
        return QTest::qWaitFor(
            [&] {
                return controller.link() == Link::Online && controller.groups()->rowCount() > 0
                    && !controller.groups()->selectedGroups().isEmpty();
            },
            5000);
    }
    TalkState state() { return controller.talk()->state(); }
    SignalingClient client;
    ConsoleController controller;
};
} // namespace

class TestPttInputs : public QObject
{
    Q_OBJECT
private:
    /// Press, repeats and release are one press; pulled out mid-press ends it and says so.
    void pressRepeatReleaseAndPullOut(Pedal &pedal, input::EvdevButtons &buttons)
    {
        QSignalSpy pressed(&buttons, &input::Buttons::pressed);
        QSignalSpy released(&buttons, &input::Buttons::released);
        QSignalSpy lost(&buttons, &input::Buttons::lost);
        buttons.watch(pedal.key(), BTN_0);
        QVERIFY2(buttons.status().startsWith(QStringLiteral("Not plugged in")),
                 qPrintable(buttons.status()));
        QVERIFY(pedal.plug()); // while the console runs
        QTRY_VERIFY_WITH_TIMEOUT(buttons.connected(), 3000);
        QVERIFY2(buttons.status().startsWith(QStringLiteral("Ready: ")),
                 qPrintable(buttons.status()));
        pedal.button(true);
        for (int i = 0; i < 10; ++i)
            pedal.repeat();
        pedal.button(true); // a bounce reported twice is still the same press
        QTRY_COMPARE(pressed.size(), 1);
        pedal.button(false);
        QTRY_COMPARE(released.size(), 1);
        QCOMPARE(pressed.size(), 1);
        // Another button on the same device is not the pedal.
        pedal.button(true, BTN_0 + 1);
        pedal.button(false, BTN_0 + 1);
        QTest::qWait(100);
        QCOMPARE(pressed.size(), 1);
        pedal.button(true);
        QTRY_COMPARE(pressed.size(), 2);
        pedal.unplug();
        QTRY_COMPARE(released.size(), 2);
        QCOMPARE(lost.size(), 1);
        QTRY_VERIFY(!buttons.connected());
        // Back in: works again without touching the choice.
        QVERIFY(pedal.plug());
        QTRY_VERIFY_WITH_TIMEOUT(buttons.connected(), 3000);
        pedal.button(true);
        QTRY_COMPARE(pressed.size(), 3);
        pedal.button(false);
        QTRY_COMPARE(released.size(), 3);
    }

private Q_SLOTS:
    void pipePedal()
    {
        QTemporaryDir root;
        PipePedal pedal(root.path(), 7, QStringLiteral("PCsensor FootSwitch"));
        input::EvdevButtons buttons(pedal.sys(), pedal.dev());
        pressRepeatReleaseAndPullOut(pedal, buttons);
    }

    void uinputPedal()
    {
        if (!UinputPedal::available())
            QSKIP("no /dev/uinput on this kernel (CONFIG_INPUT_UINPUT): the pipe-fed tree "
                  "above ran the same checks");
        UinputPedal pedal;
        input::EvdevButtons buttons;
        pressRepeatReleaseAndPullOut(pedal, buttons);
    }

    void learningTakesTheFirstButtonPressedAnywhere()
    {
        QTemporaryDir root;
        PipePedal keyboard(root.path(), 2, QStringLiteral("AT keyboard"));
        PipePedal pedal(root.path(), 10, QStringLiteral("PCsensor FootSwitch"));
        QVERIFY(keyboard.plug());
        QVERIFY(pedal.plug());
        input::EvdevButtons buttons(pedal.sys(), pedal.dev());
        QCOMPARE(buttons.devices().size(), 2);
        // event2 before event10: in the order people count.
        QCOMPARE(buttons.devices().first().name, QStringLiteral("AT keyboard"));
        QSignalSpy learned(&buttons, &input::Buttons::learned);
        buttons.setLearning(true);
        QTest::qWait(50);
        pedal.button(true, KEY_F13);
        pedal.button(false, KEY_F13);
        QTRY_COMPARE(learned.size(), 1);
        QCOMPARE(learned.first().at(0).toString(), pedal.key());
        QCOMPARE(learned.first().at(1).toInt(), KEY_F13);
        QCOMPARE(buttons.buttonName(KEY_F13), QStringLiteral("F13"));
        // Learning is over: the keyboard is not read any more.
        keyboard.button(true, KEY_A);
        QTest::qWait(100);
        QCOMPARE(learned.size(), 1);
    }

    void aKeyboardIsNotAPedalUntilOneOfItsKeysIsChosen()
    {
        QTemporaryDir root;
        PipePedal keyboard(root.path(), 3, QStringLiteral("AT Translated Set 2 keyboard"));
        QVERIFY(keyboard.plug());
        // Its letters: KEY_Q..KEY_P, KEY_A..KEY_L, KEY_Z..KEY_M in the lowest word.
        QFile caps(root.path() + QStringLiteral("/sys/event3/device/capabilities/key"));
        QVERIFY(caps.open(QIODevice::WriteOnly));
        caps.write("0 0 0 0 7fffffffffffffff\n");
        caps.close();
        input::EvdevButtons buttons(root.path() + QStringLiteral("/sys"),
                                    root.path() + QStringLiteral("/dev"));
        QVERIFY(buttons.devices().first().keyboard);
        QSignalSpy pressed(&buttons, &input::Buttons::pressed);
        buttons.watch(keyboard.key(), 0); // chosen from the list: "any button"
        QTRY_VERIFY(buttons.connected());
        QVERIFY2(buttons.status().contains(QStringLiteral("is a keyboard")),
                 qPrintable(buttons.status()));
        keyboard.button(true, KEY_A); // typing does not talk
        keyboard.button(false, KEY_A);
        QTest::qWait(100);
        QCOMPARE(pressed.size(), 0);
        buttons.watch(keyboard.key(), KEY_F13); // one key chosen by pressing it
        keyboard.button(true, KEY_F13);
        QTRY_COMPARE(pressed.size(), 1);
    }

    void x11KeyGrab()
    {
        Xvfb x;
        if (x.display.isEmpty())
            QSKIP("Xvfb did not start");
        input::X11Hotkeys keys(x.display);
        QVERIFY(keys.available());
        QVERIFY2(keys.detectableRepeat(), "Xvfb has XKB: the server filters repeats");
        QSignalSpy pressed(&keys, &input::Hotkeys::pressed);
        QSignalSpy released(&keys, &input::Hotkeys::released);
        keys.setBindings(
            {{QStringLiteral("talk"), input::KeyChord::parse(QStringLiteral("ScrollLock"))},
             {QStringLiteral("group:2"), input::KeyChord::parse(QStringLiteral("Ctrl+F2"))}});
        QVERIFY(keys.refused().isEmpty());
        // Held a second with the server repeating ~30 times a second: one press, one release.
        QVERIFY(x.xdotool({QStringLiteral("keydown"), QStringLiteral("Scroll_Lock")}));
        QTRY_COMPARE(pressed.size(), 1);
        QTest::qWait(1000);
        QVERIFY(x.xdotool({QStringLiteral("keyup"), QStringLiteral("Scroll_Lock")}));
        QTRY_COMPARE(released.size(), 1);
        QCOMPARE(pressed.size(), 1);
        QCOMPARE(pressed.first().first().toString(), QStringLiteral("talk"));
        // Space released while the grab holds the keyboard reaches the grab: passed on.
        QSignalSpy passedOn(&keys, &input::Hotkeys::otherKeyReleased);
        QVERIFY(x.xdotool({QStringLiteral("keydown"), QStringLiteral("space")}));
        QVERIFY(x.xdotool({QStringLiteral("keydown"), QStringLiteral("Scroll_Lock")}));
        QTRY_COMPARE(pressed.size(), 2);
        QVERIFY(x.xdotool({QStringLiteral("keyup"), QStringLiteral("space")}));
        QTRY_COMPARE(passedOn.size(), 1);
        QCOMPARE(passedOn.first().first().toUInt(), 0x20u);
        QVERIFY(x.xdotool({QStringLiteral("keyup"), QStringLiteral("Scroll_Lock")}));
        QTRY_COMPARE(released.size(), 2);
        pressed.clear();
        released.clear();
        pressed << QVariantList {QStringLiteral("talk")};
        released << QVariantList {QStringLiteral("talk")};
        // Caps Lock lit does not turn the key off.
        QVERIFY(x.xdotool({QStringLiteral("key"), QStringLiteral("Caps_Lock")}));
        QVERIFY(x.xdotool({QStringLiteral("keydown"), QStringLiteral("ctrl+F2")}));
        QTRY_COMPARE(pressed.size(), 2);
        QCOMPARE(pressed.last().first().toString(), QStringLiteral("group:2"));
        QVERIFY(x.xdotool({QStringLiteral("keyup"), QStringLiteral("ctrl+F2")}));
        QTRY_COMPARE(released.size(), 2);
        QVERIFY(x.xdotool({QStringLiteral("key"), QStringLiteral("Caps_Lock")}));
        // F2 without Ctrl is not the key: it stays the other programs'.
        QVERIFY(x.xdotool({QStringLiteral("key"), QStringLiteral("F2")}));
        QTest::qWait(200);
        QCOMPARE(pressed.size(), 2);

        // A second program asking for the same key is refused, and says so.
        input::X11Hotkeys other(x.display);
        QSignalSpy otherPressed(&other, &input::Hotkeys::pressed);
        other.setBindings(
            {{QStringLiteral("talk"), input::KeyChord::parse(QStringLiteral("ScrollLock"))},
             {QStringLiteral("emergency"), input::KeyChord::parse(QStringLiteral("Pause"))}});
        QCOMPARE(other.refused(), QStringList {QStringLiteral("talk")});
        QVERIFY2(other.status().contains(QStringLiteral("Another program")),
                 qPrintable(other.status()));
        QVERIFY(x.xdotool({QStringLiteral("key"), QStringLiteral("Pause")}));
        QTRY_COMPARE(otherPressed.size(), 1);
        // Bindings replaced: the old key is given back.
        keys.setBindings({});
        other.setBindings(
            {{QStringLiteral("talk"), input::KeyChord::parse(QStringLiteral("ScrollLock"))}});
        QVERIFY(other.refused().isEmpty());
    }

    void consoleRulesOverTheSources()
    {
        auto server = test::startServer(30, 6);
        Console console(*server);
        QVERIFY(console.ready());
        ScriptedHotkeys hotkeys;
        QTemporaryDir root;
        PipePedal pedal(root.path(), 4, QStringLiteral("Headset PTT"));
        input::EvdevButtons buttons(pedal.sys(), pedal.dev());
        PttInputs &ptt = *console.controller.pushToTalk();
        QSignalSpy edited(&ptt, &PttInputs::settingsEdited);
        ptt.setBackends(&hotkeys, &buttons);
        // The defaults: Scroll Lock talks; no emergency or group keys.
        QCOMPARE(hotkeys.bindings.keys(), QList<QString> {QStringLiteral("talk")});
        QVERIFY(!ptt.setTalkKey(QStringLiteral("e")).isEmpty()); // types text: refused
        QCOMPARE(ptt.talkKey(), QStringLiteral("ScrollLock"));
        QVERIFY(ptt.setEmergencyKey(QStringLiteral("Ctrl+Alt+E")).isEmpty());
        ptt.setGroupKeys(QStringLiteral("Alt"));
        QCOMPARE(hotkeys.bindings.size(), 14);
        QCOMPARE(hotkeys.bindings.value(QStringLiteral("group:3")).toString(),
                 QStringLiteral("Alt+F3"));
        // One key, one job: a key another setting has is refused, and says whose it is.
        QCOMPARE(ptt.setTalkKey(QStringLiteral("Alt+F2")),
                 QStringLiteral("Alt+F2 is already the key of group 2"));
        QCOMPARE(ptt.setEmergencyKey(QStringLiteral("ScrollLock")),
                 QStringLiteral("ScrollLock is already the talk key"));
        QVERIFY(ptt.setTalkKey(QStringLiteral("F5")).isEmpty());
        QCOMPARE(ptt.setGroupKeys(QString()), QStringLiteral("F5 is already the talk key"));
        QCOMPARE(ptt.groupKeys(), QStringLiteral("Alt"));
        QVERIFY(ptt.setTalkKey(QStringLiteral("ScrollLock")).isEmpty());
        // While the settings wait for a key, and while logged out, no key is global.
        ptt.setCapturing(true);
        QVERIFY(hotkeys.bindings.isEmpty());
        ptt.setCapturing(false);
        QCOMPARE(hotkeys.bindings.size(), 14);
        ptt.setPedal(pedal.key());
        QCOMPARE(edited.size(), 5);
        QVERIFY(pedal.plug());
        QTRY_VERIFY_WITH_TIMEOUT(buttons.connected(), 3000);

        // One physical press, one request; only the source that started it ends it.
        QSignalSpy changes(console.controller.talk(), &TalkControl::changed);
        hotkeys.press(QStringLiteral("talk"));
        QTRY_COMPARE(console.state(), TalkState::Granted);
        pedal.button(true); // joins the talk, asks for nothing
        pedal.button(false);
        QTest::qWait(200);
        QCOMPARE(console.state(), TalkState::Granted);
        hotkeys.release(QStringLiteral("talk"));
        QTRY_COMPARE(console.state(), TalkState::Idle);

        // A group key talks on its slot only, whatever is selected.
        const QString third = console.controller.groups()->leavesInTreeOrder().at(2);
        QCOMPARE(ptt.slotKeys().value(third).toString(), QStringLiteral("Alt+F3"));
        hotkeys.press(QStringLiteral("group:3"));
        QTRY_COMPARE(console.state(), TalkState::Granted);
        QCOMPARE(console.controller.talk()->targets(),
                 QStringList {console.controller.groups()->nameOf(third)});
        hotkeys.release(QStringLiteral("group:3"));
        QTRY_COMPARE(console.state(), TalkState::Idle);
        hotkeys.press(QStringLiteral("group:12")); // no twelfth group: nothing happens
        QTest::qWait(100);
        QCOMPARE(console.state(), TalkState::Idle);
        hotkeys.release(QStringLiteral("group:12"));

        // The emergency key makes an emergency call: the group shows the emergency.
        const QString selected = console.controller.groups()->selectedGroups().first();
        hotkeys.press(QStringLiteral("emergency"));
        QTRY_COMPARE(console.state(), TalkState::Granted);
        QVERIFY(console.controller.talk()->emergency()); // the panel's emergency button lights
        QTRY_VERIFY(console.controller.groups()
                        ->data(console.controller.groups()->indexOf(selected),
                               GroupTreeModel::EmergencyRole)
                        .toBool());
        hotkeys.release(QStringLiteral("emergency"));
        QTRY_COMPARE(console.state(), TalkState::Idle);

        // The pedal pulled out mid-press: the talk ends, and the console says why.
        pedal.button(true);
        QTRY_COMPARE(console.state(), TalkState::Granted);
        QVERIFY(ptt.heldOutside());
        pedal.unplug();
        QTRY_COMPARE(console.state(), TalkState::Idle);
        QCOMPARE(ptt.notice(), QStringLiteral("The pedal was unplugged: the talk ended"));
        QVERIFY(!ptt.heldOutside());

        // Logged out: the keys go back to the other programs, the pedal is not read.
        console.controller.logout();
        QTRY_VERIFY(hotkeys.bindings.isEmpty());
        hotkeys.press(QStringLiteral("talk"));
        QTest::qWait(100);
        QCOMPARE(console.state(), TalkState::Idle);
        QCOMPARE(console.controller.talk()->notice(), QString()); // no "Not connected" left
        hotkeys.release(QStringLiteral("talk"));

        // Kept and given back as the account's.
        const QVariantMap kept = ptt.settings();
        ptt.restore({});
        QCOMPARE(ptt.emergencyKey(), QString());
        QCOMPARE(ptt.groupKeys(), QStringLiteral("off"));
        QVERIFY(ptt.slotKeys().isEmpty());
        ptt.restore(kept);
        QCOMPARE(ptt.emergencyKey(), QStringLiteral("Ctrl+Alt+E"));
        QCOMPARE(ptt.pedal(), pedal.key());
        QCOMPARE(ptt.slotKeys().value(third).toString(), QStringLiteral("Alt+F3"));
        // A file edited by hand with a key that types text: the key is dropped, not taken.
        ptt.restore({{QStringLiteral("talk"), QStringLiteral("x")}});
        QCOMPARE(ptt.talkKey(), QString());
    }
};

QTEST_GUILESS_MAIN(TestPttInputs)
#include "tst_pttinputs.moc"
