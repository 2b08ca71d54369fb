// SPDX-License-Identifier: Apache-2.0
#include "pttinputs.h"

#include "grouptreemodel.h"
#include "talkcontrol.h"

#include "core/input/buttons.h"
#include "core/input/hotkeys.h"
#include "core/protocol/types.h"

#include <QLoggingCategory>

namespace floorline::console {

Q_DECLARE_LOGGING_CATEGORY(lcTalk)

namespace {
constexpr int kSlotCount = 12;
const QString kTalk = QStringLiteral("talk");
const QString kEmergency = QStringLiteral("emergency");
const QString kPedal = QStringLiteral("pedal");
const QString kGroupPrefix = QStringLiteral("group:");
/// Rarely used by any other program and on most desktop keyboards: a global key a new
/// console can take without surprising anyone. Emergency and group keys start off: an
/// emergency call by accident, or F5 taken from every browser, would.
const QString kDefaultTalkKey = QStringLiteral("ScrollLock");

unsigned modifiersOf(const QString &text)
{
    if (text == QLatin1String("Ctrl"))
        return input::KeyChord::Ctrl;
    if (text == QLatin1String("Alt"))
        return input::KeyChord::Alt;
    if (text == QLatin1String("Shift"))
        return input::KeyChord::Shift;
    return 0;
}
} // namespace

PttInputs::PttInputs(TalkControl &talk, GroupTreeModel &groups, QObject *parent)
    : QObject(parent)
    , m_talk(talk)
    , m_groups(groups)
{
    m_talkKey = input::KeyChord::parse(kDefaultTalkKey);
    connect(&m_groups, &QAbstractItemModel::modelReset, this, &PttInputs::updateSlots);
}

void PttInputs::setBackends(input::Hotkeys *hotkeys, input::Buttons *buttons)
{
    m_hotkeys = hotkeys;
    m_buttons = buttons;
    if (hotkeys) {
        connect(hotkeys, &input::Hotkeys::pressed, this, [this](const QString &id) {
            m_down.insert(id);
            onPressed(id);
        });
        connect(hotkeys, &input::Hotkeys::released, this, [this](const QString &id) {
            m_down.remove(id);
            onReleased(id);
        });
        connect(hotkeys, &input::Hotkeys::otherKeyReleased, this, [this](quint32 keysym) {
            if (keysym == 0x20)
                Q_EMIT windowKeyReleased(Qt::Key_Space);
        });
        connect(hotkeys, &input::Hotkeys::statusChanged, this, [this] {
            updateSlots(); // a key another program holds shows no badge
            Q_EMIT statusChanged();
        });
    }
    if (buttons) {
        connect(buttons, &input::Buttons::pressed, this, [this] { onPressed(kPedal); });
        connect(buttons, &input::Buttons::released, this, [this] { onReleased(kPedal); });
        connect(buttons, &input::Buttons::lost, this,
                [this] { setNotice(tr("The pedal was unplugged: the talk ended")); });
        connect(buttons, &input::Buttons::learned, this, [this](const QString &key, int button) {
            m_learning = false;
            m_pedal = key;
            m_pedalButton = button;
            Q_EMIT learningChanged();
            bind();
            edited();
        });
        connect(buttons, &input::Buttons::devicesChanged, this, &PttInputs::pedalDevicesChanged);
        connect(buttons, &input::Buttons::statusChanged, this, &PttInputs::statusChanged);
    }
    bind();
    Q_EMIT statusChanged();
}

bool PttInputs::hotkeysAvailable() const
{
    return m_hotkeys && m_hotkeys->available();
}

QString PttInputs::hotkeyStatus() const
{
    return m_hotkeys ? m_hotkeys->status() : tr("Global keys are not available on this system");
}

QStringList PttInputs::refusedKeys() const
{
    QStringList keys;
    if (!m_hotkeys)
        return keys;
    for (const QString &id : m_hotkeys->refused()) {
        if (id == kTalk)
            keys << m_talkKey.toString();
        else if (id == kEmergency)
            keys << m_emergencyKey.toString();
        else
            keys << input::KeyChord::function(id.mid(kGroupPrefix.size()).toInt(),
                                              modifiersOf(m_groupKeys))
                        .toString();
    }
    return keys;
}

QStringList PttInputs::pedalDevices() const
{
    QStringList keys;
    if (m_buttons) {
        for (const input::ButtonDevice &d : m_buttons->devices())
            keys << d.key;
    }
    if (!m_pedal.isEmpty() && !keys.contains(m_pedal))
        keys << m_pedal; // chosen before, unplugged now: still the choice
    return keys;
}

QString PttInputs::pedalButtonName() const
{
    if (m_pedal.isEmpty())
        return {};
    return m_buttons ? m_buttons->buttonName(m_pedalButton) : QString::number(m_pedalButton);
}

QString PttInputs::pedalStatus() const
{
    if (!m_buttons)
        return tr("Pedals are not available on this system");
    if (m_learning)
        return tr("Press the pedal or button now…");
    return m_buttons->status();
}

QString PttInputs::usedBy(const input::KeyChord &chord, const input::KeyChord *except) const
{
    if (!chord.isValid())
        return {};
    if (except != &m_talkKey && chord == m_talkKey)
        return tr("the talk key");
    if (except != &m_emergencyKey && chord == m_emergencyKey)
        return tr("the emergency key");
    if (m_groupKeys != QLatin1String("off")) {
        for (int slot = 1; slot <= kSlotCount; ++slot) {
            if (input::KeyChord::function(slot, modifiersOf(m_groupKeys)) == chord)
                return tr("the key of group %1").arg(slot);
        }
    }
    return {};
}

QString PttInputs::setKey(input::KeyChord *into, const QString &text)
{
    input::KeyChord chord;
    if (!text.trimmed().isEmpty()) {
        QString error;
        chord = input::KeyChord::parse(text, &error);
        if (!chord.isValid())
            return tr("Not a key: %1").arg(error);
        if (chord.typesText())
            return tr("\"%1\" types text in every program: add Ctrl, Alt or Super")
                .arg(chord.toString());
        if (const QString other = usedBy(chord, into); !other.isEmpty())
            return tr("%1 is already %2").arg(chord.toString(), other);
    }
    if (chord == *into)
        return {};
    *into = chord;
    bind();
    edited();
    return {};
}

QString PttInputs::setTalkKey(const QString &text)
{
    return setKey(&m_talkKey, text);
}

QString PttInputs::setEmergencyKey(const QString &text)
{
    return setKey(&m_emergencyKey, text);
}

QString PttInputs::setGroupKeys(const QString &modifiers)
{
    const QString mode
        = modifiers == QLatin1String("off") || modifiers.isEmpty() || modifiersOf(modifiers) != 0
        ? modifiers
        : QStringLiteral("off");
    if (mode == m_groupKeys)
        return {};
    if (mode != QLatin1String("off")) {
        for (int slot = 1; slot <= kSlotCount; ++slot) {
            const input::KeyChord key = input::KeyChord::function(slot, modifiersOf(mode));
            if (key == m_talkKey)
                return tr("%1 is already the talk key").arg(key.toString());
            if (key == m_emergencyKey)
                return tr("%1 is already the emergency key").arg(key.toString());
        }
    }
    m_groupKeys = mode;
    bind();
    updateSlots();
    edited();
    return {};
}

QString PttInputs::chordText(int key, int modifiers) const
{
    return input::KeyChord::fromQtKey(key, modifiers).toString();
}

void PttInputs::setPedal(const QString &device)
{
    if (device == m_pedal)
        return;
    m_pedal = device;
    m_pedalButton = 0; // any of its buttons, until one is chosen by pressing it
    bind();
    edited();
}

void PttInputs::learnPedal()
{
    if (!m_buttons)
        return;
    m_learning = true;
    m_buttons->setLearning(true);
    Q_EMIT learningChanged();
    Q_EMIT statusChanged();
}

void PttInputs::cancelLearning()
{
    if (!m_learning)
        return;
    m_learning = false;
    if (m_buttons)
        m_buttons->setLearning(false);
    Q_EMIT learningChanged();
    Q_EMIT statusChanged();
}

QVariantMap PttInputs::settings() const
{
    return {{QStringLiteral("talk"), m_talkKey.toString()},
            {QStringLiteral("emergency"), m_emergencyKey.toString()},
            {QStringLiteral("groupKeys"), m_groupKeys},
            {QStringLiteral("pedal"), m_pedal},
            {QStringLiteral("pedalButton"), m_pedalButton}};
}

void PttInputs::restore(const QVariantMap &settings)
{
    const auto text = [&](const char *key, const QString &fallback) {
        const auto it = settings.constFind(QLatin1String(key));
        return it == settings.cend() ? fallback : it->toString();
    };
    const auto usable = [](const QString &t) {
        const input::KeyChord chord = input::KeyChord::parse(t);
        return chord.isValid() && !chord.typesText() ? chord : input::KeyChord();
    };
    m_talkKey = usable(text("talk", kDefaultTalkKey));
    m_emergencyKey = usable(text("emergency", {}));
    m_groupKeys = text("groupKeys", QStringLiteral("off"));
    if (m_groupKeys != QLatin1String("off") && !m_groupKeys.isEmpty()
        && modifiersOf(m_groupKeys) == 0)
        m_groupKeys = QStringLiteral("off");
    m_pedal = text("pedal", {});
    m_pedalButton = settings.value(QStringLiteral("pedalButton")).toInt();
    bind();
    updateSlots();
    Q_EMIT changed();
}

void PttInputs::edited()
{
    Q_EMIT changed();
    Q_EMIT settingsEdited(settings());
}

void PttInputs::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    if (!active && !m_holder.isEmpty())
        onReleased(m_holder);
    bind();
}

void PttInputs::setCapturing(bool capturing)
{
    if (capturing == m_capturing)
        return;
    m_capturing = capturing;
    bind();
}

void PttInputs::bind()
{
    // No key is global while logged out (the login form has the keyboard, and the keys are
    // the next account's to choose) or while the settings wait for a key.
    const bool live = m_active && !m_capturing;
    if (m_hotkeys) {
        QHash<QString, input::KeyChord> bindings;
        if (live && m_talkKey.isValid())
            bindings.insert(kTalk, m_talkKey);
        if (live && m_emergencyKey.isValid())
            bindings.insert(kEmergency, m_emergencyKey);
        if (live && m_groupKeys != QLatin1String("off")) {
            for (int slot = 1; slot <= kSlotCount; ++slot)
                bindings.insert(kGroupPrefix + QString::number(slot),
                                input::KeyChord::function(slot, modifiersOf(m_groupKeys)));
        }
        m_hotkeys->setBindings(bindings);
    }
    if (m_buttons)
        m_buttons->watch(m_active ? m_pedal : QString(), m_pedalButton);
    updateSlots();
    Q_EMIT statusChanged();
}

void PttInputs::updateSlots()
{
    m_slots = m_groups.leavesInTreeOrder().mid(0, kSlotCount);
    m_slotKeys.clear();
    const QStringList refused = m_hotkeys ? m_hotkeys->refused() : QStringList();
    if (m_groupKeys != QLatin1String("off")) {
        for (int i = 0; i < m_slots.size(); ++i) {
            if (refused.contains(kGroupPrefix + QString::number(i + 1)))
                continue; // another program has that key: a badge would promise what it cannot
            m_slotKeys.insert(
                m_slots[i], input::KeyChord::function(i + 1, modifiersOf(m_groupKeys)).toString());
        }
    }
    Q_EMIT slotsChanged();
}

void PttInputs::onPressed(const QString &id)
{
    if (!m_active)
        return;
    if (!m_holder.isEmpty() || m_talk.pressed())
        return; // already talking from another key, the pedal or the window: one talk
    setNotice({});
    qCInfo(lcTalk) << "press from" << id;
    if (id == kTalk || id == kPedal) {
        m_holder = id;
        m_talk.press();
    } else if (id == kEmergency) {
        m_holder = id;
        m_talk.press(true);
    } else if (id.startsWith(kGroupPrefix)) {
        const int slot = id.mid(kGroupPrefix.size()).toInt();
        if (slot < 1 || slot > m_slots.size())
            return; // no group in that slot: the key does nothing
        m_holder = id;
        m_talk.pressOn(proto::groupSessionId(m_slots[slot - 1]));
    }
}

void PttInputs::onReleased(const QString &id)
{
    if (id != m_holder)
        return;
    qCInfo(lcTalk) << "release from" << id;
    m_holder.clear();
    m_talk.release();
}

void PttInputs::setNotice(const QString &notice)
{
    if (notice == m_notice)
        return;
    m_notice = notice;
    Q_EMIT noticeChanged();
}

} // namespace floorline::console
