// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QSocketNotifier>

#include <memory>

namespace floorline::input {

/**
 * @brief Reads key and button events from one evdev node (struct input_event records) without
 * taking them from anyone else (no EVIOCGRAB: a keyboard read while learning still types).
 *
 * A node that goes away (the kernel answers ENODEV; a pipe standing in for it reaches its
 * end) reports `gone` once.
 * Thread rule: GUI thread.
 */
class EvdevReader : public QObject
{
    Q_OBJECT
public:
    explicit EvdevReader(QObject *parent = nullptr);
    ~EvdevReader() override;

    /// Opens `path` read-only; false with `error` (errno text) when it cannot.
    bool open(const QString &path, QString *error);
    QString path() const { return m_path; }

Q_SIGNALS:
    /// A key or button changed: `down` on press, not on release; auto-repeats are not reported.
    void key(int code, bool down);
    void gone();

private:
    void onReadable();
    void close();

    int m_fd = -1;
    QString m_path;
    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace floorline::input
