// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/console/consolecontroller.h"

#include <QObject>
#include <QPointer>
#include <QQuickWindow>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace floorline::ui {

/**
 * @brief Makes the Space bar push-to-talk everywhere in the console window, and Enter the key
 * that presses whatever control has the keyboard focus; ends any talk when the window stops
 * being the dispatcher's.
 *
 * Held Space talks on the selected groups wherever the focus is, except in a visible text
 * field, where it types. Controls normally take Space to press themselves; a dispatcher
 * tabbing through the console must not toggle a Monitor chip when it means to talk, so Enter
 * does that instead. Installed on the window as an event filter, because key events reach the
 * focused control before any handler in its parents could see them.
 *
 * One physical press is one floor request. X11 repeats a held key as release/press pairs, and
 * Qt marks them as repeats only when it sees both at once; on a busy machine it sometimes does
 * not. So a release waits kRepeatGuardMs for the press that would make it a repeat before it
 * ends the talk. When the window is deactivated, loses the focus or hides, the release goes to
 * another window or nowhere: the talk ends at once, whatever in the window started it (Space,
 * the mouse on a PTT button), and the next press starts afresh. A talk held by a global key or
 * the pedal (PttInputs) goes on: those reach the console wherever the focus is.
 * While a global key is down the X server's grab has the keyboard: the window is told it lost
 * the focus (ignored then), and a Space released meanwhile reaches the grab, which passes it
 * on (PttInputs::windowKeyReleased), so a talk held with Space still ends with Space.
 */
class PttKeyFilter : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(floorline::console::ConsoleController *controller READ controller WRITE setController
                   NOTIFY controllerChanged)
    /// The window whose keys are watched (the view's Window.window).
    Q_PROPERTY(QQuickWindow *window READ window WRITE setWindow NOTIFY windowChanged)
public:
    /// Longer than the gap Qt may see between an auto-repeat's release and press, well under
    /// the 100 ms a release may take to end the talk.
    static constexpr int kRepeatGuardMs = 40;

    explicit PttKeyFilter(QObject *parent = nullptr);
    QQuickWindow *window() const { return m_window; }
    void setWindow(QQuickWindow *window);
    console::ConsoleController *controller() const { return m_controller; }
    void setController(console::ConsoleController *controller);

Q_SIGNALS:
    void windowChanged();
    void controllerChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool onSpace(bool press);
    /// The window is no longer where the dispatcher's hands are: end the talk.
    void windowLost();

    QPointer<console::ConsoleController> m_controller;
    QPointer<QQuickWindow> m_window;
    QTimer m_releaseGuard;
    bool m_talking = false;
};

} // namespace floorline::ui
