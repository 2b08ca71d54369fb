// SPDX-License-Identifier: Apache-2.0
#include "keychord.h"

#include <QStringList>
#include <Qt>

#include <array>

namespace floorline::input {

namespace {
struct NamedKey
{
    const char *name;
    std::uint32_t keysym;
    const char *portal; ///< xkb key name the portal's trigger syntax takes
};

// Keys no program types with: safe to take bare. Keysyms from X11's keysymdef.h.
constexpr std::array kNamedKeys {
    NamedKey {"ScrollLock", 0xff14, "Scroll_Lock"},
    NamedKey {"Pause", 0xff13, "Pause"},
    NamedKey {"Insert", 0xff63, "Insert"},
    NamedKey {"Home", 0xff50, "Home"},
    NamedKey {"End", 0xff57, "End"},
    NamedKey {"PgUp", 0xff55, "Prior"},
    NamedKey {"PgDown", 0xff56, "Next"},
    NamedKey {"Menu", 0xff67, "Menu"},
    NamedKey {"Print", 0xff61, "Print"},
};
constexpr std::uint32_t kKeysymF1 = 0xffbe;
constexpr std::uint32_t kKeysymSpace = 0x20;

struct ModifierName
{
    const char *name;
    unsigned bit;
};
constexpr std::array kModifierNames {
    ModifierName {"ctrl", KeyChord::Ctrl},   ModifierName {"control", KeyChord::Ctrl},
    ModifierName {"alt", KeyChord::Alt},     ModifierName {"shift", KeyChord::Shift},
    ModifierName {"super", KeyChord::Super}, ModifierName {"meta", KeyChord::Super},
    ModifierName {"win", KeyChord::Super},   ModifierName {"logo", KeyChord::Super},
};

bool setKey(const QString &name, QString *key, std::uint32_t *keysym)
{
    for (const NamedKey &k : kNamedKeys) {
        if (name.compare(QLatin1String(k.name), Qt::CaseInsensitive) == 0) {
            *key = QLatin1String(k.name);
            *keysym = k.keysym;
            return true;
        }
    }
    if (name.compare(QLatin1String("Space"), Qt::CaseInsensitive) == 0) {
        *key = QStringLiteral("Space");
        *keysym = kKeysymSpace;
        return true;
    }
    if (name.size() == 1 && name.at(0).isLetterOrNumber() && name.at(0).unicode() < 0x80) {
        *key = name.toUpper();
        *keysym = name.toLower().at(0).unicode(); // X11 names a letter by its lower case
        return true;
    }
    if (name.size() >= 2 && name.at(0).toUpper() == QLatin1Char('F')) {
        bool ok = false;
        const int n = name.mid(1).toInt(&ok);
        if (ok && n >= 1 && n <= 24) {
            *key = QStringLiteral("F%1").arg(n);
            *keysym = kKeysymF1 + std::uint32_t(n - 1);
            return true;
        }
    }
    return false;
}
} // namespace

KeyChord KeyChord::parse(const QString &text, QString *error)
{
    KeyChord chord;
    const QStringList parts = text.trimmed().split(QLatin1Char('+'));
    for (int i = 0; i < parts.size(); ++i) {
        const QString part = parts[i].trimmed();
        if (i + 1 == parts.size()) {
            if (!setKey(part, &chord.m_key, &chord.m_keysym)) {
                if (error)
                    *error = part.isEmpty() ? QStringLiteral("no key given")
                                            : QStringLiteral("unknown key \"%1\"").arg(part);
                return {};
            }
            break;
        }
        bool known = false;
        for (const ModifierName &m : kModifierNames) {
            if (part.compare(QLatin1String(m.name), Qt::CaseInsensitive) == 0) {
                chord.m_modifiers |= m.bit;
                known = true;
            }
        }
        if (!known) {
            if (error)
                *error = QStringLiteral("unknown modifier \"%1\"").arg(part);
            return {};
        }
    }
    return chord;
}

KeyChord KeyChord::fromQtKey(int key, int modifiers)
{
    unsigned mods = 0;
    if (modifiers & Qt::ShiftModifier)
        mods |= Shift;
    if (modifiers & Qt::ControlModifier)
        mods |= Ctrl;
    if (modifiers & Qt::AltModifier)
        mods |= Alt;
    if (modifiers & Qt::MetaModifier)
        mods |= Super;
    QString name;
    if (key >= Qt::Key_F1 && key <= Qt::Key_F24) {
        name = QStringLiteral("F%1").arg(key - Qt::Key_F1 + 1);
    } else if ((key >= Qt::Key_A && key <= Qt::Key_Z) || (key >= Qt::Key_0 && key <= Qt::Key_9)) {
        name = QChar(key);
    } else {
        switch (key) {
        case Qt::Key_Space:
            name = QStringLiteral("Space");
            break;
        case Qt::Key_ScrollLock:
            name = QStringLiteral("ScrollLock");
            break;
        case Qt::Key_Pause:
            name = QStringLiteral("Pause");
            break;
        case Qt::Key_Insert:
            name = QStringLiteral("Insert");
            break;
        case Qt::Key_Home:
            name = QStringLiteral("Home");
            break;
        case Qt::Key_End:
            name = QStringLiteral("End");
            break;
        case Qt::Key_PageUp:
            name = QStringLiteral("PgUp");
            break;
        case Qt::Key_PageDown:
            name = QStringLiteral("PgDown");
            break;
        case Qt::Key_Menu:
            name = QStringLiteral("Menu");
            break;
        case Qt::Key_Print:
            name = QStringLiteral("Print");
            break;
        default:
            return {};
        }
    }
    KeyChord chord = parse(name);
    chord.m_modifiers = mods;
    return chord;
}

KeyChord KeyChord::function(int number, unsigned modifiers)
{
    KeyChord chord;
    if (number < 1 || number > 24)
        return chord;
    chord.m_key = QStringLiteral("F%1").arg(number);
    chord.m_keysym = kKeysymF1 + std::uint32_t(number - 1);
    chord.m_modifiers = modifiers;
    return chord;
}

bool KeyChord::typesText() const
{
    const bool character = m_keysym == kKeysymSpace || (m_keysym >= 0x30 && m_keysym <= 0x7a);
    return character && (m_modifiers & (Ctrl | Alt | Super)) == 0;
}

QString KeyChord::toString() const
{
    if (!isValid())
        return {};
    QString text;
    if (m_modifiers & Ctrl)
        text += QStringLiteral("Ctrl+");
    if (m_modifiers & Alt)
        text += QStringLiteral("Alt+");
    if (m_modifiers & Shift)
        text += QStringLiteral("Shift+");
    if (m_modifiers & Super)
        text += QStringLiteral("Super+");
    return text + m_key;
}

std::uint16_t KeyChord::x11Modifiers() const
{
    // ShiftMask 1, ControlMask 4, Mod1Mask 8 (Alt), Mod4Mask 64 (Super) on every X server
    // with the usual modifier map.
    std::uint16_t mask = 0;
    if (m_modifiers & Shift)
        mask |= 1;
    if (m_modifiers & Ctrl)
        mask |= 4;
    if (m_modifiers & Alt)
        mask |= 8;
    if (m_modifiers & Super)
        mask |= 64;
    return mask;
}

QString KeyChord::portalTrigger() const
{
    if (!isValid())
        return {};
    QString text;
    if (m_modifiers & Ctrl)
        text += QStringLiteral("CTRL+");
    if (m_modifiers & Alt)
        text += QStringLiteral("ALT+");
    if (m_modifiers & Shift)
        text += QStringLiteral("SHIFT+");
    if (m_modifiers & Super)
        text += QStringLiteral("LOGO+");
    for (const NamedKey &k : kNamedKeys) {
        if (m_key == QLatin1String(k.name))
            return text + QLatin1String(k.portal);
    }
    if (m_key == QLatin1String("Space"))
        return text + QStringLiteral("space");
    return text + (m_key.size() == 1 ? m_key.toLower() : m_key);
}

} // namespace floorline::input
