// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "buttonpress.h"
#include "buttons.h"
#include "evdevscan.h"

#include <QFileSystemWatcher>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QTimer>

namespace floorline::input {

class EvdevReader;

/**
 * @brief Push-to-talk buttons through Linux evdev: devices found in sysfs, hot-plug seen as
 * nodes appearing in /dev/input, events read from the node.
 *
 * Reading a node needs permission: the `input` group, or a udev rule for the pedal
 * (docs/operations.md). A node udev has made but not yet opened to us is tried again
 * kRetryMs later, so a pedal plugged in works without touching the settings.
 * The roots are parameters so that a test can stand a device tree of its own in for the
 * kernel's where uinput is not available.
 */
class EvdevButtons : public Buttons
{
    Q_OBJECT
public:
    static constexpr int kRetryMs = 500;

    explicit EvdevButtons(QString sysClass = QStringLiteral("/sys/class/input"),
                          QString devDir = QStringLiteral("/dev/input"), QObject *parent = nullptr);
    ~EvdevButtons() override;

    QList<ButtonDevice> devices() const override;
    void watch(const QString &key, int button) override;
    void setLearning(bool on) override;
    bool connected() const override;
    QString status() const override { return m_status; }
    QString buttonName(int button) const override;

private:
    /// Reads sysfs again and opens what should be open.
    void rescan();
    void openNode(const EvdevNode &node);
    void onKey(const QString &key, int code, bool down);
    void onGone(const QString &path);
    void setStatus(const QString &status);
    bool watchedIsKeyboard() const;

    QString m_sysClass, m_devDir;
    QFileSystemWatcher m_watcher;
    QTimer m_retry;
    QList<EvdevNode> m_nodes;
    QHash<QString, QPointer<EvdevReader>> m_readers; ///< by node path
    QSet<QString> m_gone; ///< nodes that reported their end since the directory last changed
    ButtonPress m_press {*this};
    QString m_status;
};

} // namespace floorline::input
