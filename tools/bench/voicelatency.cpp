// SPDX-License-Identifier: Apache-2.0
// Mouth-to-ear latency of the voice path: marked bursts injected into A's microphone, detected
// in B's headset. `--path virtual` runs two pipelines on fake devices with one virtual clock
// (the design's own latency); `--path jack` runs two VoiceEngines through real PortAudio on
// the JACK server named by JACK_DEFAULT_SERVER, across a real floorline-server.
#include "jackrig.h"
#include "virtuallink.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

using namespace floorline;
using namespace floorline::bench;

void floorline::bench::printLatency(const char *label, const LatencyResult &r)
{
    const media::StreamStats &s = r.stream;
    const uint64_t frames = s.played + s.recovered + s.concealed;
    std::printf("%s: bursts heard %zu, missed %d; mouth-to-ear p50 %.1f ms, p95 %.1f ms, "
                "max %.1f ms\n",
                label, r.delaysMs.size(), r.missed, percentile(r.delaysMs, 50),
                percentile(r.delaysMs, 95), percentile(r.delaysMs, 100));
    std::printf("%s: B's stream: %llu received, %llu lost, %llu late, %llu recovered by FEC, "
                "%llu concealed (%.2f %% of %llu frames), jitter %.1f ms, buffer delay %d ms\n",
                label, static_cast<unsigned long long>(s.received),
                static_cast<unsigned long long>(s.lost), static_cast<unsigned long long>(s.late),
                static_cast<unsigned long long>(s.recovered),
                static_cast<unsigned long long>(s.concealed),
                frames ? 100.0 * double(s.concealed) / double(frames) : 0.0,
                static_cast<unsigned long long>(frames), s.jitterMs, s.delayMs);
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Voice mouth-to-ear latency benchmark"));
    parser.addHelpOption();
    auto option = [&](const char *name, const char *help, const char *value, const char *def) {
        QCommandLineOption o(QString::fromLatin1(name), QString::fromLatin1(help),
                             QString::fromLatin1(value), QString::fromLatin1(def));
        parser.addOption(o);
        return o;
    };
    const auto path = option("path", "virtual or jack (virtual).", "path", "virtual");
    const auto frame = option("frame-ms", "Opus frame, 20 or 10 (20).", "ms", "20");
    const auto spurts = option("spurts", "Talk spurts; the first warms up (8).", "n", "8");
    const auto bursts = option("bursts", "Bursts per spurt (16).", "n", "16");
    const auto jitter = option("jitter-ms", "Injected jitter, uniform 0..ms (0).", "ms", "0");
    const auto loss = option("loss", "Injected loss share, 0..1 (0).", "share", "0");
    const auto slack = option("slack-ms", "Playout slack (3).", "ms", "3");
    const auto period = option("period", "Virtual device period in frames (256).", "frames", "256");
    const auto late = option("late-entry", "jack: also measure late entry n times (0).", "n", "0");
    const auto binary = option("server-binary", "floorline-server to run.", "path", "");
    parser.process(app);

    const QString label = QStringLiteral("%1 %2 ms frames, jitter %3 ms, loss %4 %")
                              .arg(parser.value(path), parser.value(frame), parser.value(jitter))
                              .arg(parser.value(loss).toDouble() * 100);
    auto common = [&](VoiceRunOptions &o) {
        o.frameMs = parser.value(frame).toInt();
        o.spurts = parser.value(spurts).toInt();
        o.burstsPerSpurt = parser.value(bursts).toInt();
        o.jitterMs = parser.value(jitter).toInt();
        o.loss = parser.value(loss).toDouble();
        o.slackMs = parser.value(slack).toInt();
    };
    if (parser.value(path) == QLatin1String("virtual")) {
        VirtualOptions o;
        common(o);
        o.periodFrames = parser.value(period).toInt();
        printLatency(qPrintable(label), runVirtualLatency(o));
        return 0;
    }
    JackOptions o;
    common(o);
    o.serverBinary = parser.value(binary).isEmpty() ? defaultServerBinary() : parser.value(binary);
    JackRig rig(o);
    QString error;
    if (!rig.setUp(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    printLatency(qPrintable(label), rig.mouthToEar());
    if (const int n = parser.value(late).toInt(); n > 0) {
        const std::vector<double> entries = rig.lateEntry(n);
        std::printf("late entry (join request to first sound in B's headset), %zu of %d: p50 "
                    "%.1f ms, p95 %.1f ms, max %.1f ms\n",
                    entries.size(), n, percentile(entries, 50), percentile(entries, 95),
                    percentile(entries, 100));
    }
    return 0;
}
