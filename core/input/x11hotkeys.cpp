// SPDX-License-Identifier: Apache-2.0
#include "x11hotkeys.h"

#include <QLoggingCategory>

#include <xcb/xcb.h>
// xkb.h names a member "explicit", which C++ reserves.
#define explicit explicit_
#include <xcb/xkb.h>
#undef explicit

#include <cstdlib>

namespace floorline::input {

Q_LOGGING_CATEGORY(lcX11Keys, "floorline.input.x11", QtInfoMsg)

namespace {
/// Caps Lock (LockMask) and Num Lock (Mod2 on every common layout) change the state a key
/// arrives with; grab each variant so that neither disables the hotkey.
constexpr std::uint16_t kLockVariants[]
    = {0, XCB_MOD_MASK_LOCK, XCB_MOD_MASK_2, XCB_MOD_MASK_LOCK | XCB_MOD_MASK_2};
constexpr std::uint16_t kChordMask
    = XCB_MOD_MASK_SHIFT | XCB_MOD_MASK_CONTROL | XCB_MOD_MASK_1 | XCB_MOD_MASK_4;

template<typename T> struct FreeDeleter
{
    void operator()(T *p) const { std::free(p); }
};
template<typename T> using XcbPtr = std::unique_ptr<T, FreeDeleter<T>>;
} // namespace

X11Hotkeys::X11Hotkeys(const QString &display, QObject *parent)
    : Hotkeys(parent)
{
    const QByteArray name = display.toLocal8Bit();
    xcb_connection_t *c = xcb_connect(name.isEmpty() ? nullptr : name.constData(), nullptr);
    if (xcb_connection_has_error(c)) {
        xcb_disconnect(c);
        qCWarning(lcX11Keys) << "no X server for global keys";
        return;
    }
    m_connection = c;
    m_root = xcb_setup_roots_iterator(xcb_get_setup(c)).data->root;
    XcbPtr<xcb_xkb_use_extension_reply_t> xkb(
        xcb_xkb_use_extension_reply(c, xcb_xkb_use_extension(c, 1, 0), nullptr));
    if (xkb && xkb->supported) {
        const std::uint32_t flag = XCB_XKB_PER_CLIENT_FLAG_DETECTABLE_AUTO_REPEAT;
        XcbPtr<xcb_xkb_per_client_flags_reply_t> flags(xcb_xkb_per_client_flags_reply(
            c, xcb_xkb_per_client_flags(c, XCB_XKB_ID_USE_CORE_KBD, flag, flag, 0, 0, 0), nullptr));
        m_detectableRepeat = flags && (flags->value & flag);
    }
    readKeyboardMapping();
    // Only key events: a grab reports them whatever our event mask; MappingNotify comes to
    // every client.
    m_notifier
        = std::make_unique<QSocketNotifier>(xcb_get_file_descriptor(c), QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &X11Hotkeys::drain);
    qCInfo(lcX11Keys) << "global keys through the X server; detectable auto-repeat"
                      << m_detectableRepeat;
}

X11Hotkeys::~X11Hotkeys()
{
    if (!m_connection)
        return;
    ungrabAll();
    xcb_disconnect(m_connection);
}

QString X11Hotkeys::status() const
{
    if (!m_connection)
        return tr("No X server to take global keys from");
    if (!m_refused.isEmpty())
        return tr("Another program holds %n of these keys", nullptr, int(m_refused.size()));
    return tr("Global keys work in every program (X server key grab)");
}

void X11Hotkeys::readKeyboardMapping()
{
    const xcb_setup_t *setup = xcb_get_setup(m_connection);
    m_minKeycode = setup->min_keycode;
    const int count = setup->max_keycode - setup->min_keycode + 1;
    XcbPtr<xcb_get_keyboard_mapping_reply_t> mapping(xcb_get_keyboard_mapping_reply(
        m_connection,
        xcb_get_keyboard_mapping(m_connection, setup->min_keycode, std::uint8_t(count)), nullptr));
    m_keysyms.clear();
    m_keysymsPerKeycode = 0;
    if (!mapping)
        return;
    m_keysymsPerKeycode = mapping->keysyms_per_keycode;
    const xcb_keysym_t *syms = xcb_get_keyboard_mapping_keysyms(mapping.get());
    const int n = xcb_get_keyboard_mapping_keysyms_length(mapping.get());
    m_keysyms = QList<std::uint32_t>(syms, syms + n);
}

QList<std::uint8_t> X11Hotkeys::keycodesOf(std::uint32_t keysym) const
{
    QList<std::uint8_t> codes;
    if (m_keysymsPerKeycode == 0)
        return codes;
    // The first two columns are the key unshifted and shifted: what the key is labelled.
    const int columns = std::min(m_keysymsPerKeycode, 2);
    for (qsizetype i = 0; i * m_keysymsPerKeycode < m_keysyms.size(); ++i) {
        for (int col = 0; col < columns; ++col) {
            if (m_keysyms[i * m_keysymsPerKeycode + col] == keysym) {
                codes << std::uint8_t(m_minKeycode + i);
                break;
            }
        }
    }
    return codes;
}

void X11Hotkeys::setBindings(const QHash<QString, KeyChord> &bindings)
{
    if (bindings == m_bindings && m_connection)
        return;
    m_bindings = bindings;
    if (!m_connection)
        return;
    // A key held while its binding goes ends now, not at a release nobody listens for.
    for (const std::uint8_t code : m_held.keys())
        endHeld(code);
    ungrabAll();
    grabAll();
    Q_EMIT statusChanged();
}

void X11Hotkeys::ungrabAll()
{
    for (const Grab &g : std::as_const(m_grabs)) {
        for (const std::uint16_t lock : kLockVariants)
            xcb_ungrab_key(m_connection, g.keycode, m_root, std::uint16_t(g.modifiers | lock));
    }
    m_grabs.clear();
    m_refused.clear();
    xcb_flush(m_connection);
}

void X11Hotkeys::grabAll()
{
    for (auto it = m_bindings.cbegin(); it != m_bindings.cend(); ++it) {
        const KeyChord &chord = it.value();
        const QList<std::uint8_t> codes = keycodesOf(chord.x11Keysym());
        bool refused = codes.isEmpty();
        for (const std::uint8_t code : codes) {
            QList<xcb_void_cookie_t> cookies;
            for (const std::uint16_t lock : kLockVariants) {
                cookies << xcb_grab_key_checked(m_connection, 0, m_root,
                                                std::uint16_t(chord.x11Modifiers() | lock), code,
                                                XCB_GRAB_MODE_ASYNC, XCB_GRAB_MODE_ASYNC);
            }
            bool taken = true;
            for (const xcb_void_cookie_t cookie : cookies) {
                XcbPtr<xcb_generic_error_t> error(xcb_request_check(m_connection, cookie));
                if (error)
                    taken = false; // BadAccess: another client grabbed this key
            }
            if (taken) {
                m_grabs << Grab {it.key(), code, chord.x11Modifiers()};
            } else {
                for (const std::uint16_t lock : kLockVariants)
                    xcb_ungrab_key(m_connection, code, m_root,
                                   std::uint16_t(chord.x11Modifiers() | lock));
                refused = true;
            }
        }
        if (refused) {
            m_refused << it.key();
            qCWarning(lcX11Keys) << "could not take" << chord.toString() << "for" << it.key();
        }
    }
    m_refused.sort();
    xcb_flush(m_connection);
    // Replies read above may have queued key events the socket notifier will not announce.
    QMetaObject::invokeMethod(this, &X11Hotkeys::drain, Qt::QueuedConnection);
}

void X11Hotkeys::drain()
{
    if (!m_connection)
        return;
    while (xcb_generic_event_t *raw = xcb_poll_for_event(m_connection)) {
        XcbPtr<xcb_generic_event_t> event(raw);
        switch (event->response_type & 0x7f) {
        case XCB_KEY_PRESS: {
            const auto *key = reinterpret_cast<xcb_key_press_event_t *>(raw);
            onKey(true, key->detail, key->state);
            break;
        }
        case XCB_KEY_RELEASE: {
            const auto *key = reinterpret_cast<xcb_key_release_event_t *>(raw);
            onKey(false, key->detail, key->state);
            break;
        }
        case XCB_MAPPING_NOTIFY: // another layout: the keys sit on other keycodes now
            readKeyboardMapping();
            ungrabAll();
            grabAll();
            Q_EMIT statusChanged();
            break;
        default:
            break;
        }
    }
    if (xcb_connection_has_error(m_connection)) {
        qCWarning(lcX11Keys) << "lost the X server";
        for (const std::uint8_t code : m_held.keys())
            endHeld(code);
        m_notifier.reset();
        xcb_disconnect(m_connection);
        m_connection = nullptr;
        Q_EMIT statusChanged();
    }
}

void X11Hotkeys::onKey(bool press, std::uint8_t keycode, std::uint16_t state)
{
    if (!press) {
        if (!m_held.contains(keycode)) {
            const qsizetype at = qsizetype(keycode - m_minKeycode) * m_keysymsPerKeycode;
            if (!m_held.isEmpty() && at >= 0 && at < m_keysyms.size())
                Q_EMIT otherKeyReleased(m_keysyms[at]);
            return;
        }
        if (m_detectableRepeat) {
            endHeld(keycode);
            return;
        }
        // Without XKB a held key repeats as release + press: wait for the press.
        QTimer *&guard = m_releaseGuards[keycode];
        if (!guard) {
            guard = new QTimer(this);
            guard->setSingleShot(true);
            guard->setInterval(kRepeatGuardMs);
            connect(guard, &QTimer::timeout, this, [this, keycode] { endHeld(keycode); });
        }
        guard->start();
        return;
    }
    if (m_held.contains(keycode)) {
        if (QTimer *guard = m_releaseGuards.value(keycode))
            guard->stop(); // a repeat: the key is still down
        return;
    }
    const std::uint16_t chord = state & kChordMask;
    for (const Grab &g : std::as_const(m_grabs)) {
        if (g.keycode == keycode && g.modifiers == chord) {
            m_held.insert(keycode, g.id);
            Q_EMIT pressed(g.id);
            return;
        }
    }
}

void X11Hotkeys::endHeld(std::uint8_t keycode)
{
    if (QTimer *guard = m_releaseGuards.value(keycode))
        guard->stop();
    const QString id = m_held.take(keycode);
    if (!id.isEmpty())
        Q_EMIT released(id);
}

} // namespace floorline::input
