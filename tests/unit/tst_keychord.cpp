// SPDX-License-Identifier: Apache-2.0
// Keys as a dispatcher writes them in the settings, and what the X server and the desktop
// portal are told from them.
#include "core/input/keychord.h"

#include <QTest>

using floorline::input::KeyChord;

class TestKeyChord : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("canonical");
        QTest::addColumn<uint>("keysym");
        QTest::addColumn<int>("x11Modifiers");
        QTest::addColumn<QString>("portal");
        QTest::addColumn<bool>("typesText");
        QTest::newRow("scroll lock")
            << "ScrollLock" << true << "ScrollLock" << 0xff14u << 0 << "Scroll_Lock" << false;
        QTest::newRow("any case, spaces")
            << " ctrl + f1 " << true << "Ctrl+F1" << 0xffbeu << 4 << "CTRL+F1" << false;
        QTest::newRow("modifier order") << "Shift+Alt+Ctrl+F12" << true << "Ctrl+Alt+Shift+F12"
                                        << 0xffc9u << (1 | 4 | 8) << "CTRL+ALT+SHIFT+F12" << false;
        QTest::newRow("super letter")
            << "Meta+e" << true << "Super+E" << uint('e') << 64 << "LOGO+e" << false;
        QTest::newRow("bare letter types") << "e" << true << "E" << uint('e') << 0 << "e" << true;
        QTest::newRow("shift letter types")
            << "Shift+E" << true << "Shift+E" << uint('e') << 1 << "SHIFT+e" << true;
        QTest::newRow("space types") << "Space" << true << "Space" << 0x20u << 0 << "space" << true;
        QTest::newRow("ctrl space")
            << "Control+Space" << true << "Ctrl+Space" << 0x20u << 4 << "CTRL+space" << false;
        QTest::newRow("page down")
            << "pgdown" << true << "PgDown" << 0xff56u << 0 << "Next" << false;
        QTest::newRow("F24") << "F24" << true << "F24" << 0xffd5u << 0 << "F24" << false;
        QTest::newRow("F25 unknown") << "F25" << false << "" << 0u << 0 << "" << false;
        QTest::newRow("unknown key") << "Ctrl+Volume" << false << "" << 0u << 0 << "" << false;
        QTest::newRow("unknown modifier") << "Hyper+F1" << false << "" << 0u << 0 << "" << false;
        QTest::newRow("no key") << "Ctrl+" << false << "" << 0u << 0 << "" << false;
        QTest::newRow("empty") << "" << false << "" << 0u << 0 << "" << false;
        QTest::newRow("non-ascii letter") << "Ctrl+é" << false << "" << 0u << 0 << "" << false;
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QString error;
        const KeyChord chord = KeyChord::parse(text, &error);
        QCOMPARE(chord.isValid(), valid);
        if (!valid) {
            QVERIFY2(!error.isEmpty(), "a refusal says why");
            QCOMPARE(chord.toString(), QString());
            return;
        }
        QFETCH(QString, canonical);
        QFETCH(uint, keysym);
        QFETCH(int, x11Modifiers);
        QFETCH(QString, portal);
        QFETCH(bool, typesText);
        QCOMPARE(chord.toString(), canonical);
        QCOMPARE(chord.x11Keysym(), keysym);
        QCOMPARE(int(chord.x11Modifiers()), x11Modifiers);
        QCOMPARE(chord.portalTrigger(), portal);
        QCOMPARE(chord.typesText(), typesText);
        // What is written back reads the same.
        QCOMPARE(KeyChord::parse(chord.toString()), chord);
    }

    void fromQtKeyIsWhatWasPressed()
    {
        QCOMPARE(KeyChord::fromQtKey(Qt::Key_F5, Qt::ControlModifier | Qt::AltModifier).toString(),
                 QStringLiteral("Ctrl+Alt+F5"));
        QCOMPARE(KeyChord::fromQtKey(Qt::Key_Pause, 0).toString(), QStringLiteral("Pause"));
        QCOMPARE(KeyChord::fromQtKey(Qt::Key_E, Qt::MetaModifier).toString(),
                 QStringLiteral("Super+E"));
        // A modifier pressed on its own is not a key yet; a volume key is not one we take.
        QVERIFY(!KeyChord::fromQtKey(Qt::Key_Control, Qt::ControlModifier).isValid());
        QVERIFY(!KeyChord::fromQtKey(Qt::Key_VolumeUp, 0).isValid());
    }

    void slotKeys()
    {
        QCOMPARE(KeyChord::function(1, KeyChord::Ctrl).toString(), QStringLiteral("Ctrl+F1"));
        QCOMPARE(KeyChord::function(12, 0).x11Keysym(), 0xffc9u);
        QVERIFY(!KeyChord::function(0, 0).isValid());
        QVERIFY(!KeyChord::function(25, 0).isValid());
    }
};

QTEST_GUILESS_MAIN(TestKeyChord)
#include "tst_keychord.moc"
