// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace floorline::input {

class Buttons;

/**
 * @brief The rules every Buttons backend keeps, whatever reads the devices (Linux evdev,
 * Windows Raw Input): one physical press is one talk; a second button, or a second identical
 * pedal, joins the press that is down; a keyboard talks only on the key chosen for it;
 * learning takes the first button pressed anywhere; the watched device going away in the
 * middle of a press ends the talk. It emits its owner's signals.
 * Thread rule: the owner's.
 */
class ButtonPress
{
public:
    explicit ButtonPress(Buttons &owner)
        : m_owner(owner)
    { }

    /// Watches `button` (0: any) on the device `key`; a press that is down ends. False when
    /// that is what was watched already.
    bool watch(const QString &key, int button);
    void setLearning(bool on) { m_learning = on; }
    bool learning() const { return m_learning; }
    const QString &watchedKey() const { return m_key; }
    int button() const { return m_button; }
    /// Whether the device `key` is read: the watched one, or every one while learning.
    bool wants(const QString &key) const
    {
        return m_learning || (!m_key.isEmpty() && key == m_key);
    }

    /// Button `code` of the device `key` went down or up; `keyboard`: that device has the
    /// letter keys. True when it was learned (learning ends; the owner reads less again).
    bool onButton(const QString &key, bool keyboard, int code, bool down);
    /// The watched device went away.
    void onWatchedGone();

private:
    Buttons &m_owner;
    QString m_key;
    int m_button = 0;
    bool m_learning = false;
    int m_downCode = 0; ///< the watched button held down now; 0: none
};

} // namespace floorline::input
