// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QObject>
#include <QString>

namespace floorline::input {

/// A device with buttons the console can take push-to-talk from (a foot pedal, a headset's
/// PTT button, a keyboard).
struct ButtonDevice
{
    /// Names the device across unplugging and plugging in again (and across restarts):
    /// "<name> [vvvv:pppp]". Two identical pedals share it; the first one found is used.
    QString key;
    QString name; ///< as the device calls itself ("PCsensor FootSwitch")
    /// It has the letter keys: typing on it must not talk, so "any button" is not offered;
    /// one key is chosen by pressing it.
    bool keyboard = false;
    bool operator==(const ButtonDevice &) const = default;
};

/**
 * @brief Push-to-talk buttons on input devices (Linux evdev; Windows Raw Input), behind one
 * interface.
 *
 * One device and one of its buttons are watched. Plugging the device in while the console
 * runs starts watching it; pulling it out while the button is down reports `released` and
 * `lost`, so the talk ends. While `learning`, every device is read and the first button
 * pressed anywhere is reported as `learned` (the settings' "press your pedal now").
 * Thread rule: GUI thread.
 */
class Buttons : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    /// Devices with buttons, as plugged in now.
    virtual QList<ButtonDevice> devices() const = 0;
    /// Watches `button` (a Linux input event code, e.g. BTN_0 = 256; 0: any button, what a
    /// one-button pedal chosen from the list has) on the device `key` (empty: none).
    virtual void watch(const QString &key, int button) = 0;
    virtual void setLearning(bool on) = 0;
    /// The watched device is plugged in and readable.
    virtual bool connected() const = 0;
    /// What works, or why not ("No permission to read …").
    virtual QString status() const = 0;
    /// A button's name for people ("BTN_0", "F13", "code 300").
    virtual QString buttonName(int button) const = 0;

Q_SIGNALS:
    void pressed();
    void released();
    /// The watched device went away while its button was down (after `released`).
    void lost();
    void learned(const QString &key, int button);
    void devicesChanged();
    void statusChanged();
};

} // namespace floorline::input
