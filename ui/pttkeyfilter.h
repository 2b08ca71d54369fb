// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/console/consolecontroller.h"

#include <QObject>
#include <QPointer>
#include <QQuickWindow>
#include <QtQml/qqmlregistration.h>

namespace floorline::ui {

/**
 * @brief Makes the Space bar push-to-talk everywhere in the console window, and Enter the key
 * that presses whatever control has the keyboard focus.
 *
 * Held Space talks on the selected groups wherever the focus is, except in a text field,
 * where it types. Controls normally take Space to press themselves; a dispatcher tabbing
 * through the console must not toggle a Monitor chip when it means to talk, so Enter does
 * that instead. Installed on the window as an event filter, because key events reach the
 * focused control before any handler in its parents could see them.
 */
class PttKeyFilter : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(floorline::console::ConsoleController *controller MEMBER m_controller)
    /// The window whose keys are watched (the view's Window.window).
    Q_PROPERTY(QQuickWindow *window READ window WRITE setWindow NOTIFY windowChanged)
public:
    using QObject::QObject;
    QQuickWindow *window() const { return m_window; }
    void setWindow(QQuickWindow *window);

Q_SIGNALS:
    void windowChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QPointer<console::ConsoleController> m_controller;
    QPointer<QQuickWindow> m_window;
    bool m_talking = false;
};

} // namespace floorline::ui
