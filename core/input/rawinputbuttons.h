// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "buttonpress.h"
#include "buttons.h"

#include <QHash>
#include <QSet>

namespace floorline::input {

/**
 * @brief Push-to-talk buttons through Windows Raw Input: foot pedals (joysticks, game pads,
 * keyboards that type F13), headset buttons (consumer and telephony controls), read while
 * another program has the focus (RIDEV_INPUTSINK), with arrival and removal reported by
 * Windows (RIDEV_DEVNOTIFY), so a pedal plugged in works at once.
 *
 * Button codes: a HID button usage n is 0x100 + n - 1 (as Linux's BTN_0 onwards); a consumer
 * or telephony usage is its page << 16 | usage; a keyboard's key is kKeyboard | its scan code
 * (0x100 more for an extended key). Built and run on Windows only.
 * Thread rule: GUI thread (its message-only window gets WM_INPUT from Qt's event loop).
 */
class RawInputButtons : public Buttons
{
    Q_OBJECT
public:
    static constexpr int kKeyboard = 0x01000000;

    explicit RawInputButtons(QObject *parent = nullptr);
    ~RawInputButtons() override;

    QList<ButtonDevice> devices() const override;
    void watch(const QString &key, int button) override;
    void setLearning(bool on) override;
    bool connected() const override;
    QString status() const override { return m_status; }
    QString buttonName(int button) const override;

    /// WM_INPUT and WM_INPUT_DEVICE_CHANGE, from the window procedure.
    void onMessage(unsigned message, quintptr wParam, qintptr lParam);

private:
    struct Device
    {
        ButtonDevice device;
        QByteArray preparsed; ///< HID report layout (HidP_*), empty for a keyboard
        QSet<int> held; ///< codes down now: Windows repeats a held key, and reports whole states
    };
    /// Lists the devices Windows has now.
    void rescan();
    void onInput(qintptr rawInput);
    void updateStatus();

    void *m_window = nullptr; ///< HWND of the message-only window
    QHash<quintptr, Device> m_devices; ///< by Raw Input device handle
    ButtonPress m_press {*this};
    QString m_status;
};

} // namespace floorline::input
