// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "keychord.h"

#include <QHash>
#include <QObject>
#include <QStringList>

namespace floorline::input {

/**
 * @brief Keys that reach the console wherever the focus is (the X server's key grab, the
 * desktop portal's global shortcuts), behind one interface.
 *
 * A binding is an id ("talk", "emergency", "group:3") with its key. A held key reports one
 * `pressed` and one `released`, however often the keyboard repeats it in between. A key that
 * another program already holds is listed in `refused()`; `status()` says in words what works.
 * Thread rule: GUI thread.
 */
class Hotkeys : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    /// Replaces every binding. Keys the backend could not take are in refused() afterwards
    /// (possibly later: the portal asks the desktop).
    virtual void setBindings(const QHash<QString, KeyChord> &bindings) = 0;
    /// This backend works on this desktop at all.
    virtual bool available() const = 0;
    /// What works, for the settings ("Global keys through the X server"), or why nothing does.
    virtual QString status() const = 0;
    /// Ids whose key could not be taken (another program holds it).
    virtual QStringList refused() const = 0;

Q_SIGNALS:
    void pressed(const QString &id);
    void released(const QString &id);
    /// status(), available() or refused() changed.
    void statusChanged();
    /// While a global key is held the keyboard is the grab's: another key released meanwhile
    /// (Space, that was held in the console's window) arrives here instead of in the window.
    /// `keysym`: X11 keysym (0x20 for Space).
    void otherKeyReleased(quint32 keysym);
};

/// Where no backend works (a platform without global keys): says so.
class NoHotkeys : public Hotkeys
{
    Q_OBJECT
public:
    explicit NoHotkeys(QString why, QObject *parent = nullptr)
        : Hotkeys(parent)
        , m_why(std::move(why))
    { }
    void setBindings(const QHash<QString, KeyChord> &) override { }
    bool available() const override { return false; }
    QString status() const override { return m_why; }
    QStringList refused() const override { return {}; }

private:
    QString m_why;
};

} // namespace floorline::input
