// SPDX-License-Identifier: Apache-2.0
#include "pttkeyfilter.h"

#include "core/console/consolecontroller.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QQuickItem>
#include <QQuickWindow>

namespace floorline::ui {

namespace {
/// Where Space is a character, not push-to-talk.
bool typesText(const QQuickItem *item)
{
    return item && (item->inherits("QQuickTextInput") || item->inherits("QQuickTextEdit"));
}

bool isButton(const QQuickItem *item)
{
    return item && item->inherits("QQuickAbstractButton");
}
} // namespace

void PttKeyFilter::setWindow(QQuickWindow *window)
{
    if (window == m_window)
        return;
    if (m_window)
        m_window->removeEventFilter(this);
    m_window = window;
    if (m_window)
        m_window->installEventFilter(this);
    Q_EMIT windowChanged();
}

bool PttKeyFilter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_window || !m_controller
        || (event->type() != QEvent::KeyPress && event->type() != QEvent::KeyRelease))
        return false;
    auto *key = static_cast<QKeyEvent *>(event);
    QQuickItem *focus = m_window->activeFocusItem();
    const bool press = event->type() == QEvent::KeyPress;
    if (key->key() == Qt::Key_Space && !typesText(focus)) {
        if (key->isAutoRepeat())
            return true; // a held key repeats; the floor was asked for once
        if (press && !m_talking) {
            m_talking = true;
            m_controller->pressTalk();
        } else if (!press && m_talking) {
            m_talking = false;
            m_controller->releaseTalk();
        }
        return true;
    }
    if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && isButton(focus)
        && key->modifiers() == Qt::NoModifier) {
        // Enter presses the focused control the way Space would have.
        QKeyEvent space(event->type(), Qt::Key_Space, Qt::NoModifier, QStringLiteral(" "),
                        key->isAutoRepeat());
        QCoreApplication::sendEvent(focus, &space);
        return true;
    }
    return false;
}

} // namespace floorline::ui
