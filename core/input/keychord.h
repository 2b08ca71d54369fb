// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <cstdint>

namespace floorline::input {

/**
 * @brief A key with its modifiers as a dispatcher writes it in the settings: "ScrollLock",
 * "Ctrl+F1", "Ctrl+Alt+E".
 *
 * Only keys a global hotkey can sensibly take are known: letters, digits, F1–F24 and the
 * keys nothing types (Scroll Lock, Pause, Insert, …). A key that types text (a letter, a
 * digit, Space) needs Ctrl, Alt or Super, or every other program would lose it.
 * The same text names the key to the X server (keysym and modifier mask) and to the desktop
 * portal (its trigger syntax), so both backends bind what the dispatcher typed.
 */
class KeyChord
{
public:
    enum Modifier : unsigned {
        Shift = 1,
        Ctrl = 2,
        Alt = 4,
        Super = 8,
    };

    KeyChord() = default;
    /// Parses "Ctrl+Alt+F1" (case-insensitive; "Control", "Meta", "Win" accepted). Invalid
    /// on an unknown key or modifier; `error` (when given) says which.
    static KeyChord parse(const QString &text, QString *error = nullptr);
    /// The chord of a Qt key event (Qt::Key, Qt::KeyboardModifiers as ints): what the
    /// dispatcher pressed in the settings. Invalid for a key global hotkeys cannot take.
    static KeyChord fromQtKey(int key, int modifiers);
    /// F`number` (1..24) with `modifiers` (Modifier bits): the group slot keys.
    static KeyChord function(int number, unsigned modifiers);

    bool isValid() const { return !m_key.isEmpty(); }
    /// Would take a key every other program types with (a letter, a digit, Space, bare).
    bool typesText() const;
    /// The canonical text: modifiers in the order Ctrl, Alt, Shift, Super, then the key.
    QString toString() const;
    /// The X11 keysym of the key (XK_F1, XK_Scroll_Lock, lower-case letters).
    std::uint32_t x11Keysym() const { return m_keysym; }
    /// The X11 modifier mask (ShiftMask, ControlMask, Mod1 for Alt, Mod4 for Super).
    std::uint16_t x11Modifiers() const;
    /// The trigger as the XDG GlobalShortcuts portal names it ("CTRL+ALT+F1", "LOGO+a").
    QString portalTrigger() const;
    unsigned modifiers() const { return m_modifiers; }
    QString key() const { return m_key; }

    bool operator==(const KeyChord &other) const
    {
        return m_key == other.m_key && m_modifiers == other.m_modifiers;
    }

private:
    QString m_key; ///< canonical name ("F1", "ScrollLock", "E")
    std::uint32_t m_keysym = 0;
    unsigned m_modifiers = 0;
};

} // namespace floorline::input
