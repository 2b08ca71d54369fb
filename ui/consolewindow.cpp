// SPDX-License-Identifier: Apache-2.0
#include "consolewindow.h"

#include "mediaimageprovider.h"
#include "qrcode.h"

#include "core/console/consolecontroller.h"

#include <QQmlApplicationEngine>
#include <QQuickWindow>

namespace floorline::ui {

QQuickWindow *loadConsoleWindow(QQmlApplicationEngine &engine,
                                console::ConsoleController &controller)
{
    engine.addImportPath(QStringLiteral("qrc:/qt/qml")); // the static modules' qmldir files
    engine.addImageProvider(QStringLiteral("qr"), new QrImageProvider); // the engine owns it
    installMediaImages(engine, controller.media()->cache());
    engine.setInitialProperties({{QStringLiteral("controller"), QVariant::fromValue(&controller)}});
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Floorline/Ui/Main.qml")));
    return qobject_cast<QQuickWindow *>(engine.rootObjects().value(0));
}

} // namespace floorline::ui
