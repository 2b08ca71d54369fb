// SPDX-License-Identifier: Apache-2.0
// Runs the Qt Quick Tests in this folder against the real console modules.
#include "consolefixture.h"
#include "ui/mediaimageprovider.h"
#include "ui/qrcode.h"

#include <QQmlEngine>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(Floorline_CorePlugin)
Q_IMPORT_QML_PLUGIN(Floorline_UiPlugin)

class Setup : public QObject
{
    Q_OBJECT
public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        // Where qt_add_qml_module puts the static modules' qmldir files (Qt 6.4 does not
        // search there by default).
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        engine->addImageProvider(QStringLiteral("qr"), new floorline::ui::QrImageProvider);
        // Pictures decode on request here (the fixture's cache does not exist yet to prepare).
        engine->addImageProvider(QStringLiteral("media"),
                                 new floorline::ui::MediaImageProvider(
                                     &floorline::test::ConsoleFixture::cacheDirectory));
    }
};

QUICK_TEST_MAIN_WITH_SETUP(floorline_quick, Setup)

#include "tst_quick.moc"
