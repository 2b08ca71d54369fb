// SPDX-License-Identifier: Apache-2.0
// Speech through encoder -> RTP -> jitter buffer -> decoder comes out as the speech that went in.
#include "core/media/jitterbuffer.h"
#include "core/media/opuscodec.h"
#include "core/protocol/rtp.h"
#include "resources/speechclips.h"
#include "tests/support/audiocheck.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace floorline;

namespace {

/// Sends the clip as RTP with the given loss and jitter, plays it out through the jitter buffer
/// and a 16 kHz decoder (PLC and FEC as the buffer decides), and returns the decoded samples.
std::vector<int16_t> roundTrip(const media::PcmClip &clip, double lossShare, int jitterMs,
                               media::StreamStats *stats)
{
    media::OpusVoiceEncoder::Config config;
    config.sampleRate = clip.sampleRate;
    const std::vector<QByteArray> packets = media::encodeClip(clip.samples, config);
    QRandomGenerator random(4242);
    media::JitterBuffer buffer;
    media::OpusVoiceDecoder decoder(clip.sampleRate);
    const int frame = clip.sampleRate / 50;
    std::vector<int16_t> out;
    std::vector<int16_t> pcm(std::size_t(frame), 0);
    std::size_t sent = 0;
    int64_t now = 0;
    struct InFlight
    {
        int64_t at;
        uint16_t seq;
        QByteArray payload;
    };
    std::vector<InFlight> flight;
    // One tick per 20 ms frame: every packet, then time for the jitter and the buffer to drain.
    for (std::size_t tick = 0; tick < packets.size() + 50; ++tick) {
        if (sent < packets.size()) {
            // Through a real RTP header, as on the wire.
            proto::RtpPacket header;
            header.marker = sent == 0;
            header.payloadType = proto::kOpusPayloadType;
            header.sequence = uint16_t(1000 + sent);
            header.timestamp = uint32_t(sent * 960);
            uint8_t datagram[1500];
            const QByteArray &p = packets[sent];
            const std::size_t size = proto::writeRtp(
                header, {reinterpret_cast<const uint8_t *>(p.constData()), std::size_t(p.size())},
                datagram);
            proto::RtpPacket parsed;
            if (proto::parseRtp({datagram, size}, parsed) == proto::RtpError::None
                && (sent == 0 || random.generateDouble() >= lossShare)) {
                const int64_t delay = jitterMs ? random.bounded(jitterMs + 1) : 0;
                flight.push_back({now + delay, parsed.sequence,
                                  QByteArray(reinterpret_cast<const char *>(parsed.payload.data()),
                                             qsizetype(parsed.payload.size()))});
            }
            ++sent;
        }
        for (auto it = flight.begin(); it != flight.end();) {
            if (it->at <= now) {
                buffer.push(it->seq, uint32_t(it->seq - 1000) * 960, it->seq == 1000, it->payload,
                            it->at);
                it = flight.erase(it);
            } else {
                ++it;
            }
        }
        const media::JitterBuffer::Frame f = buffer.pop(now);
        int n = 0;
        switch (f.kind) {
        case media::JitterBuffer::Kind::None:
            break;
        case media::JitterBuffer::Kind::Packet:
            n = decoder.decode(f.payload, pcm);
            break;
        case media::JitterBuffer::Kind::Fec:
            n = decoder.decodeFec(f.payload, pcm);
            break;
        case media::JitterBuffer::Kind::Conceal:
            n = decoder.conceal(pcm);
            break;
        }
        if (f.kind != media::JitterBuffer::Kind::None && n == frame)
            out.insert(out.end(), pcm.begin(), pcm.end());
        now += 20;
    }
    *stats = buffer.stats();
    return out;
}

} // namespace

class TestVoicePath : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void speechSurvives_data()
    {
        QTest::addColumn<double>("loss");
        QTest::addColumn<int>("jitterMs");
        QTest::addColumn<double>("minimumCorrelation");
        // Normalised cross-correlation of each of the six clips with what comes out. Measured
        // with Debian 12's libopus 1.3.1: clean 0.934-0.956; 5 % loss 0.929-0.949 (in-band FEC
        // rebuilds most lost frames); 5 % loss and 0-30 ms jitter 0.923-0.953. The bounds
        // leave margin for other libopus versions.
        QTest::newRow("clean") << 0.0 << 0 << 0.9;
        QTest::newRow("5% loss") << 0.05 << 0 << 0.85;
        QTest::newRow("5% loss, 30 ms jitter") << 0.05 << 30 << 0.85;
    }

    void speechSurvives()
    {
        QFETCH(double, loss);
        QFETCH(int, jitterMs);
        QFETCH(double, minimumCorrelation);
        const QList<media::PcmClip> clips = resources::speechClips();
        QVERIFY(!clips.isEmpty());
        for (const media::PcmClip &clip : clips) {
            media::StreamStats stats;
            const std::vector<int16_t> out = roundTrip(clip, loss, jitterMs, &stats);
            // Opus delays the signal by a few ms; search up to 25 ms.
            const double r = test::bestCorrelation(clip.samples, out, clip.sampleRate / 40);
            qInfo("correlation %.3f  received %llu lost %llu late %llu concealed %llu fec %llu", r,
                  static_cast<unsigned long long>(stats.received),
                  static_cast<unsigned long long>(stats.lost),
                  static_cast<unsigned long long>(stats.late),
                  static_cast<unsigned long long>(stats.concealed),
                  static_cast<unsigned long long>(stats.recovered));
            QVERIFY2(r >= minimumCorrelation, qPrintable(QString::number(r)));
            if (loss == 0 && jitterMs == 0)
                QCOMPARE(stats.lost, quint64(0));
            else
                QVERIFY(stats.lost > 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestVoicePath)
#include "tst_voicepath.moc"
