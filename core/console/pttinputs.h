// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/input/buttons.h"
#include "core/input/hotkeys.h"
#include "core/input/keychord.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace floorline::console {

class GroupTreeModel;
class TalkControl;

/**
 * @brief Push-to-talk from outside the window: global hotkeys (talk on the selected groups,
 * emergency, one per group slot) and a pedal or headset button, with the settings that
 * choose them.
 *
 * Every source keeps the rule of the Space bar: one physical press is one floor request and
 * its release ends it. Only the source that started a talk ends it (a pedal held while Space
 * is let go keeps talking), and a pedal pulled out mid-press ends the talk and says so. The
 * window losing the focus does not end a talk held from here: the dispatcher is typing in
 * another program on purpose.
 * Group slots: slot n is the n-th talk group in the tree's order, as the group list shows it.
 * The settings are the account's (the composition root keeps them per account and server).
 * Thread rule: GUI thread.
 */
class PttInputs : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Part of the ConsoleController")
    /// Global key that talks on the selected groups ("ScrollLock"); empty: none.
    Q_PROPERTY(QString talkKey READ talkKey NOTIFY changed)
    /// Global key that makes an emergency call on the selected groups; empty: none.
    Q_PROPERTY(QString emergencyKey READ emergencyKey NOTIFY changed)
    /// Group slot keys: "off", or the modifiers before F1–F12 ("", "Ctrl", "Alt", "Shift").
    Q_PROPERTY(QString groupKeys READ groupKeys NOTIFY changed)
    /// Group id → its slot key ("F1", "Ctrl+F3"), for the group tiles.
    Q_PROPERTY(QVariantMap slotKeys READ slotKeys NOTIFY slotsChanged)
    Q_PROPERTY(bool hotkeysAvailable READ hotkeysAvailable NOTIFY statusChanged)
    /// What the global keys do on this desktop, or why they do nothing.
    Q_PROPERTY(QString hotkeyStatus READ hotkeyStatus NOTIFY statusChanged)
    /// Keys another program holds, as the dispatcher wrote them.
    Q_PROPERTY(QStringList refusedKeys READ refusedKeys NOTIFY statusChanged)
    Q_PROPERTY(bool pedalAvailable READ pedalAvailable CONSTANT)
    /// Devices with buttons, plugged in now ("<name> [vvvv:pppp]").
    Q_PROPERTY(QStringList pedalDevices READ pedalDevices NOTIFY pedalDevicesChanged)
    Q_PROPERTY(QString pedal READ pedal NOTIFY changed)
    Q_PROPERTY(QString pedalButton READ pedalButtonName NOTIFY changed)
    Q_PROPERTY(QString pedalStatus READ pedalStatus NOTIFY statusChanged)
    /// Waiting for the next button pressed on any device, to choose it.
    Q_PROPERTY(bool learning READ learning NOTIFY learningChanged)
    /// Why a talk from here ended on its own (the pedal was unplugged); empty otherwise.
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
public:
    PttInputs(TalkControl &talk, GroupTreeModel &groups, QObject *parent = nullptr);

    /// The backends this platform has (null: none), from the composition root.
    void setBackends(input::Hotkeys *hotkeys, input::Buttons *buttons);

    QString talkKey() const { return m_talkKey.toString(); }
    QString emergencyKey() const { return m_emergencyKey.toString(); }
    QString groupKeys() const { return m_groupKeys; }
    QVariantMap slotKeys() const { return m_slotKeys; }
    bool hotkeysAvailable() const;
    QString hotkeyStatus() const;
    QStringList refusedKeys() const;
    bool pedalAvailable() const { return m_buttons != nullptr; }
    QStringList pedalDevices() const;
    QString pedal() const { return m_pedal; }
    QString pedalButtonName() const;
    QString pedalStatus() const;
    bool learning() const { return m_learning; }
    QString notice() const { return m_notice; }
    /// A talk held now was started here (a global key or the pedal), not in the window.
    bool heldOutside() const { return !m_holder.isEmpty(); }
    /// A global key is down: the X server's grab has the keyboard, and the window may be told
    /// it lost the focus although the dispatcher never left it.
    bool globalKeyDown() const { return !m_down.isEmpty(); }
    /// Keys and the pedal work only while logged in (the login form has the keyboard
    /// otherwise, and an account's keys are not the next one's).
    void setActive(bool active);
    /// While the settings wait for a key, no key is global: pressing the talk key there sets
    /// it, it does not go on the air.
    Q_INVOKABLE void setCapturing(bool capturing);

    /// Sets a key from its text; returns why it cannot be used, empty when it was taken.
    Q_INVOKABLE QString setTalkKey(const QString &text);
    Q_INVOKABLE QString setEmergencyKey(const QString &text);
    /// Returns why the group keys cannot have these modifiers (a key taken), empty when set.
    Q_INVOKABLE QString setGroupKeys(const QString &modifiers);
    /// The text of a key pressed in the settings (Qt key and modifiers of a KeyEvent);
    /// empty for a key that cannot be a global hotkey.
    Q_INVOKABLE QString chordText(int key, int modifiers) const;
    Q_INVOKABLE void setPedal(const QString &device);
    /// The next button pressed on any device becomes the pedal.
    Q_INVOKABLE void learnPedal();
    Q_INVOKABLE void cancelLearning();

    /// The settings to keep for this account, and applying kept ones (empty: the defaults).
    QVariantMap settings() const;
    void restore(const QVariantMap &settings);

Q_SIGNALS:
    void changed();
    void slotsChanged();
    void statusChanged();
    void pedalDevicesChanged();
    void learningChanged();
    void noticeChanged();
    /// The dispatcher changed a setting: worth keeping (settings()).
    void settingsEdited(const QVariantMap &settings);
    /// A key the window had (Space) was released while a global key held the keyboard.
    void windowKeyReleased(int qtKey);

private:
    QString setKey(input::KeyChord *into, const QString &text);
    /// Which other setting uses `chord` ("the emergency key", "group 3's key"); empty: none.
    QString usedBy(const input::KeyChord &chord, const input::KeyChord *except) const;
    void edited();
    void bind();
    void updateSlots();
    void onPressed(const QString &id);
    void onReleased(const QString &id);
    void setNotice(const QString &notice);

    TalkControl &m_talk;
    GroupTreeModel &m_groups;
    QPointer<input::Hotkeys> m_hotkeys;
    QPointer<input::Buttons> m_buttons;
    input::KeyChord m_talkKey, m_emergencyKey;
    QString m_groupKeys = QStringLiteral("off");
    QString m_pedal;
    int m_pedalButton = 0;
    bool m_learning = false;
    QStringList m_slots; ///< group id per slot, slot 1 first
    QVariantMap m_slotKeys;
    QString m_holder; ///< the source holding the talk now ("talk", "group:3", "pedal")
    QSet<QString> m_down; ///< global keys down now
    bool m_active = false;
    bool m_capturing = false;
    QString m_notice;
};

} // namespace floorline::console
