// SPDX-License-Identifier: Apache-2.0
#include "evdevbuttons.h"

#include "evdevreader.h"

#include <QDir>
#include <QLoggingCategory>

#include <linux/input-event-codes.h>

namespace floorline::input {

Q_LOGGING_CATEGORY(lcEvdev, "floorline.input.evdev", QtInfoMsg)

EvdevButtons::EvdevButtons(QString sysClass, QString devDir, QObject *parent)
    : Buttons(parent)
    , m_sysClass(std::move(sysClass))
    , m_devDir(std::move(devDir))
{
    m_retry.setSingleShot(true);
    m_retry.setInterval(kRetryMs);
    connect(&m_retry, &QTimer::timeout, this, &EvdevButtons::rescan);
    if (QDir(m_devDir).exists())
        m_watcher.addPath(m_devDir);
    // A node appears (plugged in) or goes: look again. udev makes the node after the sysfs
    // entry, so the node's own directory is the one to watch.
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] {
        m_gone.clear();
        m_retry.start(50);
    });
    rescan();
}

EvdevButtons::~EvdevButtons() = default;

QList<ButtonDevice> EvdevButtons::devices() const
{
    QList<ButtonDevice> list;
    for (const EvdevNode &n : m_nodes) {
        if (!list.contains(n.device))
            list << n.device;
    }
    return list;
}

void EvdevButtons::watch(const QString &key, int button)
{
    if (m_press.watch(key, button))
        rescan();
}

void EvdevButtons::setLearning(bool on)
{
    m_press.setLearning(on);
    rescan();
}

bool EvdevButtons::connected() const
{
    for (const EvdevNode &n : m_nodes) {
        if (n.device.key == m_press.watchedKey() && m_readers.value(n.path))
            return true;
    }
    return false;
}

QString EvdevButtons::buttonName(int button) const
{
    if (button == 0)
        return tr("any button");
    if (button >= BTN_0 && button <= BTN_9)
        return QStringLiteral("BTN_%1").arg(button - BTN_0);
    if (button >= KEY_F13 && button <= KEY_F24)
        return QStringLiteral("F%1").arg(13 + button - KEY_F13);
    if (button >= KEY_F1 && button <= KEY_F10)
        return QStringLiteral("F%1").arg(1 + button - KEY_F1);
    switch (button) {
    case BTN_LEFT:
        return QStringLiteral("BTN_LEFT");
    case BTN_RIGHT:
        return QStringLiteral("BTN_RIGHT");
    case BTN_MIDDLE:
        return QStringLiteral("BTN_MIDDLE");
    case BTN_TRIGGER:
        return QStringLiteral("BTN_TRIGGER");
    case KEY_PLAYPAUSE:
        return QStringLiteral("KEY_PLAYPAUSE");
    case KEY_MICMUTE:
        return QStringLiteral("KEY_MICMUTE");
    case KEY_PHONE:
        return QStringLiteral("KEY_PHONE");
    case KEY_ENTER:
        return QStringLiteral("KEY_ENTER");
    case KEY_SPACE:
        return QStringLiteral("KEY_SPACE");
    default:
        return button < BTN_MISC ? QStringLiteral("KEY %1").arg(button)
                                 : QStringLiteral("BTN %1").arg(button);
    }
}

void EvdevButtons::rescan()
{
    if (m_watcher.directories().isEmpty() && QDir(m_devDir).exists())
        m_watcher.addPath(m_devDir);
    const QList<ButtonDevice> before = devices();
    m_nodes = scanEvdev(m_sysClass, m_devDir);
    // Close what is no longer wanted; open what is.
    for (auto it = m_readers.begin(); it != m_readers.end();) {
        const auto node = std::find_if(m_nodes.cbegin(), m_nodes.cend(),
                                       [&](const EvdevNode &n) { return n.path == it.key(); });
        const bool wanted = node != m_nodes.cend() && m_press.wants(node->device.key);
        if (!wanted || !it.value()) {
            if (it.value())
                it.value()->deleteLater();
            it = m_readers.erase(it);
        } else {
            ++it;
        }
    }
    QString problem;
    const QString &watched = m_press.watchedKey();
    bool found = watched.isEmpty();
    for (const EvdevNode &n : std::as_const(m_nodes)) {
        const bool wanted = m_press.wants(n.device.key);
        if (n.device.key == watched)
            found = true;
        if (!wanted || m_readers.value(n.path) || m_gone.contains(n.path))
            continue;
        auto *reader = new EvdevReader(this);
        QString error;
        if (!reader->open(n.path, &error)) {
            delete reader;
            if (n.device.key == watched) {
                problem = tr("Cannot read %1 (%2): see \"Pedals\" in the operations guide")
                              .arg(n.device.name, error);
                m_retry.start(kRetryMs); // udev may not have given us the node yet
            }
            continue;
        }
        const QString key = n.device.key, path = n.path;
        connect(reader, &EvdevReader::key, this,
                [this, key](int code, bool down) { onKey(key, code, down); });
        connect(reader, &EvdevReader::gone, this, [this, path] { onGone(path); });
        m_readers.insert(n.path, reader);
        qCInfo(lcEvdev) << "reading" << n.path << n.device.key;
    }
    if (problem.isEmpty()) {
        if (watched.isEmpty())
            problem = tr("No pedal chosen");
        else if (!found)
            problem = tr("Not plugged in: %1").arg(watched);
        else if (m_press.button() == 0 && watchedIsKeyboard())
            problem = tr("%1 is a keyboard: choose the key that talks with \"Press to "
                         "choose…\"")
                          .arg(watched);
        else
            problem = tr("Ready: %1, %2").arg(watched, buttonName(m_press.button()));
    }
    setStatus(problem);
    if (devices() != before)
        Q_EMIT devicesChanged();
}

void EvdevButtons::onKey(const QString &key, int code, bool down)
{
    if (m_press.onButton(key, key == m_press.watchedKey() && watchedIsKeyboard(), code, down))
        rescan(); // learned: only the watched device is read from here
}

void EvdevButtons::onGone(const QString &path)
{
    if (QPointer<EvdevReader> reader = m_readers.take(path))
        reader->deleteLater();
    qCInfo(lcEvdev) << "gone:" << path;
    m_gone.insert(path); // until the directory changes: a node that ended is not read again
    const bool wasWatched = std::any_of(m_nodes.cbegin(), m_nodes.cend(), [&](const EvdevNode &n) {
        return n.path == path && n.device.key == m_press.watchedKey();
    });
    if (wasWatched)
        m_press.onWatchedGone();
    rescan();
}

bool EvdevButtons::watchedIsKeyboard() const
{
    return std::any_of(m_nodes.cbegin(), m_nodes.cend(), [&](const EvdevNode &n) {
        return n.device.key == m_press.watchedKey() && n.device.keyboard;
    });
}

void EvdevButtons::setStatus(const QString &status)
{
    if (status == m_status)
        return;
    m_status = status;
    Q_EMIT statusChanged();
}

} // namespace floorline::input
