// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "hotkeys.h"

#include <QHash>
#include <QSocketNotifier>
#include <QTimer>

#include <memory>

struct xcb_connection_t;

namespace floorline::input {

/**
 * @brief Global keys through the X server: a passive key grab on the root window, on a
 * connection of our own.
 *
 * Our own connection, not Qt's: the X server delivers a grabbed key to the grabbing client
 * whichever window has the focus, and the XKB "detectable auto-repeat" flag we set on it (a
 * held key repeats as presses only, without the release before each) must not change what
 * Qt's connection sees. Where the server has no XKB, a release waits kRepeatGuardMs for the
 * press that would make it a repeat, as the window's Space does.
 * Each key is grabbed with and without Caps Lock and Num Lock, so a lit lock does not turn
 * the hotkey off. A key another client already grabbed is refused (BadAccess).
 * Thread rule: GUI thread (events arrive through a socket notifier).
 */
class X11Hotkeys : public Hotkeys
{
    Q_OBJECT
public:
    static constexpr int kRepeatGuardMs = 40;

    /// Connects to `display` (empty: $DISPLAY).
    explicit X11Hotkeys(const QString &display = {}, QObject *parent = nullptr);
    ~X11Hotkeys() override;

    void setBindings(const QHash<QString, KeyChord> &bindings) override;
    bool available() const override { return m_connection != nullptr; }
    QString status() const override;
    QStringList refused() const override { return m_refused; }
    /// The server ignores repeats for us (XKB); false: the release guard filters them.
    bool detectableRepeat() const { return m_detectableRepeat; }

private:
    struct Grab
    {
        QString id;
        std::uint8_t keycode;
        std::uint16_t modifiers;
    };
    void readKeyboardMapping();
    QList<std::uint8_t> keycodesOf(std::uint32_t keysym) const;
    void ungrabAll();
    void grabAll();
    void drain();
    void onKey(bool press, std::uint8_t keycode, std::uint16_t state);
    void endHeld(std::uint8_t keycode);

    xcb_connection_t *m_connection = nullptr;
    std::uint32_t m_root = 0;
    std::unique_ptr<QSocketNotifier> m_notifier;
    bool m_detectableRepeat = false;
    std::uint8_t m_minKeycode = 0;
    int m_keysymsPerKeycode = 0;
    QList<std::uint32_t> m_keysyms; ///< the keyboard mapping, per keycode from m_minKeycode
    QHash<QString, KeyChord> m_bindings;
    QList<Grab> m_grabs;
    QStringList m_refused;
    QHash<std::uint8_t, QString> m_held; ///< keycode → id of a key held down now
    QHash<std::uint8_t, QTimer *> m_releaseGuards;
};

} // namespace floorline::input
