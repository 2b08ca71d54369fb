// SPDX-License-Identifier: Apache-2.0
#include "buttonpress.h"

#include "buttons.h"

namespace floorline::input {

bool ButtonPress::watch(const QString &key, int button)
{
    if (key == m_key && button == m_button)
        return false;
    if (m_downCode != 0) {
        m_downCode = 0;
        Q_EMIT m_owner.released();
    }
    m_key = key;
    m_button = button;
    return true;
}

bool ButtonPress::onButton(const QString &key, bool keyboard, int code, bool down)
{
    if (m_learning) {
        if (!down)
            return false;
        m_learning = false;
        Q_EMIT m_owner.learned(key, code);
        return true;
    }
    if (key != m_key || (m_button != 0 && code != m_button))
        return false;
    if (m_button == 0 && keyboard)
        return false; // typing must not talk: a keyboard's key is chosen by pressing it
    if (down && m_downCode == 0) {
        m_downCode = code;
        Q_EMIT m_owner.pressed();
    } else if (!down && code == m_downCode) {
        m_downCode = 0;
        Q_EMIT m_owner.released();
    }
    return false;
}

void ButtonPress::onWatchedGone()
{
    if (m_downCode == 0)
        return;
    m_downCode = 0;
    Q_EMIT m_owner.released();
    Q_EMIT m_owner.lost();
}

} // namespace floorline::input
