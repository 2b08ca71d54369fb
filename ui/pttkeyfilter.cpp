// SPDX-License-Identifier: Apache-2.0
#include "pttkeyfilter.h"

#include "core/console/consolecontroller.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QQuickItem>
#include <QQuickWindow>

namespace floorline::ui {

namespace {
/// Where Space is a character, not push-to-talk. A field that is not visible (the login form
/// after logging in) types nothing a dispatcher can see: Space talks there.
bool typesText(const QQuickItem *item)
{
    return item && item->isVisible()
        && (item->inherits("QQuickTextInput") || item->inherits("QQuickTextEdit"));
}

bool isButton(const QQuickItem *item)
{
    return item && item->inherits("QQuickAbstractButton");
}
} // namespace

PttKeyFilter::PttKeyFilter(QObject *parent)
    : QObject(parent)
{
    m_releaseGuard.setSingleShot(true);
    m_releaseGuard.setInterval(kRepeatGuardMs);
    connect(&m_releaseGuard, &QTimer::timeout, this, [this] {
        m_talking = false;
        if (m_controller)
            m_controller->talk()->release();
    });
}

void PttKeyFilter::setWindow(QQuickWindow *window)
{
    if (window == m_window)
        return;
    if (m_window) {
        m_window->removeEventFilter(this);
        disconnect(m_window, nullptr, this, nullptr);
    }
    m_window = window;
    if (m_window) {
        m_window->installEventFilter(this);
        connect(m_window, &QWindow::activeChanged, this, [this] {
            if (!m_window->isActive())
                windowLost();
        });
        connect(m_window, &QWindow::visibleChanged, this, [this](bool visible) {
            if (!visible)
                windowLost();
        });
    }
    Q_EMIT windowChanged();
}

void PttKeyFilter::setController(console::ConsoleController *controller)
{
    if (controller == m_controller)
        return;
    if (m_controller)
        disconnect(m_controller->pushToTalk(), nullptr, this, nullptr);
    m_controller = controller;
    if (m_controller) {
        connect(m_controller->pushToTalk(), &console::PttInputs::windowKeyReleased, this,
                [this](int key) {
                    if (key == Qt::Key_Space && m_talking)
                        onSpace(false);
                });
    }
    Q_EMIT controllerChanged();
}

void PttKeyFilter::windowLost()
{
    if (m_controller && m_controller->pushToTalk()->globalKeyDown())
        return; // the grab took the keyboard: the dispatcher is still here
    m_releaseGuard.stop();
    m_talking = false;
    // A global key or the pedal holds the talk while the dispatcher works in another program.
    if (m_controller && !m_controller->pushToTalk()->heldOutside()
        && m_controller->talk()->state() != console::TalkState::Idle
        && m_controller->talk()->state() != console::TalkState::Denied)
        m_controller->talk()->release();
}

bool PttKeyFilter::onSpace(bool press)
{
    if (press) {
        if (m_releaseGuard.isActive()) {
            m_releaseGuard.stop(); // the release was a repeat Qt did not recognise
            return true;
        }
        // Talking from a global key or the pedal already: Space joins that press, and its
        // release must not end it.
        if (!m_talking && m_controller && !m_controller->pushToTalk()->heldOutside()) {
            m_talking = true;
            m_controller->talk()->press();
        }
    } else if (m_talking) {
        m_releaseGuard.start();
    }
    return true;
}

bool PttKeyFilter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_window)
        return false;
    if (event->type() == QEvent::FocusOut) {
        windowLost();
        return false;
    }
    if (!m_controller || (event->type() != QEvent::KeyPress && event->type() != QEvent::KeyRelease))
        return false;
    auto *key = static_cast<QKeyEvent *>(event);
    QQuickItem *focus = m_window->activeFocusItem();
    const bool press = event->type() == QEvent::KeyPress;
    if (key->key() == Qt::Key_Space && !typesText(focus)) {
        if (key->isAutoRepeat())
            return true; // a held key repeats; the floor was asked for once
        return onSpace(press);
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
