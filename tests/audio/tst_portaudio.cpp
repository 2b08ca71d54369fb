// SPDX-License-Identifier: Apache-2.0
// The real PortAudio path on a private JACK dummy server (started by tools/scripts/test.sh):
// a tone played on an output stream, patched in JACK to an input stream, is captured intact.
#include "core/media/portaudiobackend.h"
#include "core/media/tones.h"
#include "tests/support/audiocheck.h"

#include <QProcess>
#include <QTest>

#include <cmath>

using namespace floorline::media;

namespace {
QStringList jackPorts()
{
    QProcess lsp;
    lsp.start(QStringLiteral("jack_lsp"), {});
    lsp.waitForFinished(5000);
    return QString::fromLocal8Bit(lsp.readAllStandardOutput())
        .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

bool jack(const QString &command, const QString &from, const QString &to)
{
    return QProcess::execute(command, {from, to}) == 0;
}

} // namespace

class TestPortAudio : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("JACK_DEFAULT_SERVER"))
            QFAIL("JACK_DEFAULT_SERVER is not set: run through tools/scripts/test.sh, which "
                  "starts a private JACK dummy server");
    }

    void listsTheJackDevice()
    {
        PortAudioBackend backend;
        QVERIFY2(backend.isValid(), qPrintable(backend.errorString()));
        bool jackDevice = false;
        for (const AudioDeviceInfo &d : backend.devices())
            jackDevice = jackDevice
                || (d.hostApi.contains(QLatin1String("JACK")) && d.inputChannels > 0
                    && d.outputChannels > 0);
        QVERIFY(jackDevice);
        QString error;
        SpscRing<float> ring(1024);
        QVERIFY(!backend.openInput(QStringLiteral("no such device"), {}, ring, &error));
        QVERIFY(error.contains(QLatin1String("no such device")));
    }

    void toneLoopsThroughJack()
    {
        PortAudioBackend backend;
        QVERIFY(backend.isValid());
        SpscRing<float> toDevice(48000), fromDevice(96000);
        QString error;
        AudioStreamConfig config;
        auto output = backend.openOutput({}, config, toDevice, &error);
        QVERIFY2(output, qPrintable(error));
        auto input = backend.openInput({}, config, fromDevice, &error);
        QVERIFY2(input, qPrintable(error));
        QVERIFY2(output->start(&error), qPrintable(error));
        QVERIFY2(input->start(&error), qPrintable(error));

        // Patch our output into our input inside JACK (and nothing else into the input).
        const QStringList ports = jackPorts();
        QString out, in;
        for (const QString &p : ports) {
            if (!p.startsWith(QLatin1String("system:")) && p.contains(QLatin1String("out")))
                out = p;
            if (!p.startsWith(QLatin1String("system:")) && p.contains(QLatin1String("in")))
                in = p;
        }
        QVERIFY2(!out.isEmpty() && !in.isEmpty(), qPrintable(ports.join(QLatin1Char(' '))));
        jack(QStringLiteral("jack_disconnect"), QStringLiteral("system:capture_1"), in);
        QVERIFY(jack(QStringLiteral("jack_connect"), out, in));

        // A media-thread loop: keep the output ring fed with a 1 kHz tone for one second.
        std::vector<float> captured;
        std::vector<float> chunk(480);
        double phase = 0;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 1500) {
            while (toDevice.writable() >= chunk.size() && toDevice.readable() < 4800) {
                for (float &s : chunk) {
                    s = 0.25f * float(std::sin(phase));
                    phase += 2.0 * M_PI * 1000.0 / 48000.0;
                }
                toDevice.write(chunk.data(), chunk.size());
            }
            std::vector<float> got(fromDevice.readable());
            fromDevice.read(got.data(), got.size());
            captured.insert(captured.end(), got.begin(), got.end());
            QTest::qWait(5);
        }
        output->stop();
        input->stop();
        qInfo("frames out %llu in %llu, output underruns %llu, input overruns %llu, "
              "latency out %.1f ms in %.1f ms",
              static_cast<unsigned long long>(output->frames()),
              static_cast<unsigned long long>(input->frames()),
              static_cast<unsigned long long>(output->xruns()),
              static_cast<unsigned long long>(input->xruns()), output->latencyMs(),
              input->latencyMs());
        QVERIFY(!output->hasFailed() && !input->hasFailed());
        // The dummy driver runs in real time: about 48000 frames a second.
        QVERIFY2(input->frames() > 48000 && input->frames() < 96000,
                 qPrintable(QString::number(input->frames())));
        QVERIFY(captured.size() > 48000);
        // The last half second of what came in is the tone, not silence or noise.
        const std::size_t from = captured.size() - 24000;
        const double tone = floorline::test::tonePower(captured.data() + from, 24000, 1000.0);
        const double other = floorline::test::tonePower(captured.data() + from, 24000, 1700.0);
        qInfo("1 kHz power %.5f, 1.7 kHz power %.8f", tone, other);
        QVERIFY(tone > 0.01);
        QVERIFY(tone > 1000 * other);
    }
};

QTEST_GUILESS_MAIN(TestPortAudio)
#include "tst_portaudio.moc"
