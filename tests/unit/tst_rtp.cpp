// SPDX-License-Identifier: Apache-2.0
#include "core/protocol/rtp.h"

#include <QTest>

using namespace floorline::proto;

Q_DECLARE_METATYPE(floorline::proto::RtpError)

namespace {
QByteArray header(quint8 first, quint8 second = 111, quint16 seq = 7, quint32 ts = 960,
                  quint32 ssrc = 0x11223344)
{
    QByteArray h(12, '\0');
    h[0] = char(first);
    h[1] = char(second);
    h[2] = char(seq >> 8);
    h[3] = char(seq);
    for (int i = 0; i < 4; ++i) {
        h[4 + i] = char(ts >> (24 - 8 * i));
        h[8 + i] = char(ssrc >> (24 - 8 * i));
    }
    return h;
}

RtpError parse(const QByteArray &data, RtpPacket &packet)
{
    return parseRtp({reinterpret_cast<const uint8_t *>(data.constData()), std::size_t(data.size())},
                    packet);
}
} // namespace

class TestRtp : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("datagram");
        QTest::addColumn<RtpError>("error");
        QTest::addColumn<int>("payloadSize");

        const QByteArray payload(40, 'x');
        QTest::newRow("plain") << header(0x80) + payload << RtpError::None << 40;
        QTest::newRow("empty payload") << header(0x80) << RtpError::None << 0;
        QTest::newRow("two csrcs")
            << header(0x82) + QByteArray(8, '\1') + payload << RtpError::None << 40;
        QTest::newRow("extension of one word")
            << header(0x90) + QByteArray::fromHex("bede0001") + QByteArray(4, '\2') + payload
            << RtpError::None << 40;
        QByteArray padded = header(0xa0) + payload + QByteArray::fromHex("000003");
        QTest::newRow("padding of three") << padded << RtpError::None << 40;
        QTest::newRow("padding is the whole payload")
            << header(0xa0) + QByteArray::fromHex("000003") << RtpError::None << 0;

        QTest::newRow("empty") << QByteArray() << RtpError::TooShort << 0;
        QTest::newRow("short header") << header(0x80).left(11) << RtpError::TooShort << 0;
        QTest::newRow("version 0") << header(0x00) + payload << RtpError::BadVersion << 0;
        QTest::newRow("version 1") << header(0x40) + payload << RtpError::BadVersion << 0;
        QTest::newRow("version 3") << header(0xc0) + payload << RtpError::BadVersion << 0;
        QTest::newRow("csrc count past end")
            << header(0x8f) + QByteArray(56, '\0') << RtpError::CsrcPastEnd << 0;
        QTest::newRow("csrc list cut mid-entry")
            << header(0x81) + QByteArray(3, '\0') << RtpError::CsrcPastEnd << 0;
        QTest::newRow("extension header missing")
            << header(0x90) + QByteArray(2, '\0') << RtpError::ExtensionPastEnd << 0;
        QTest::newRow("extension length past end")
            << header(0x90) + QByteArray::fromHex("bede00ff") + QByteArray(8, '\0')
            << RtpError::ExtensionPastEnd << 0;
        QTest::newRow("csrc then extension past end") << header(0x91) + QByteArray(4, '\0')
                + QByteArray::fromHex("bede0002") + QByteArray(4, '\0')
                                                      << RtpError::ExtensionPastEnd << 0;
        QTest::newRow("padding count zero")
            << header(0xa0) + payload + QByteArray(1, '\0') << RtpError::BadPadding << 0;
        QTest::newRow("padding longer than payload")
            << header(0xa0) + QByteArray::fromHex("0009") << RtpError::BadPadding << 0;
        QTest::newRow("padding with no payload byte for it")
            << header(0xa0) << RtpError::BadPadding << 0;
        QTest::newRow("oversized datagram")
            << header(0x80) + QByteArray(1500, 'x') << RtpError::TooLarge << 0;
        QTest::newRow("exactly the limit")
            << header(0x80) + QByteArray(1488, 'x') << RtpError::None << 1488;
    }

    void parse()
    {
        QFETCH(QByteArray, datagram);
        QFETCH(RtpError, error);
        QFETCH(int, payloadSize);
        RtpPacket packet;
        QCOMPARE(::parse(datagram, packet), error);
        if (error == RtpError::None) {
            QCOMPARE(int(packet.payload.size()), payloadSize);
            QCOMPARE(packet.ssrc, 0x11223344u);
            QCOMPARE(packet.sequence, quint16(7));
            QCOMPARE(packet.timestamp, 960u);
            // The payload view stays inside the datagram.
            const auto *begin = reinterpret_cast<const uint8_t *>(datagram.constData());
            QVERIFY(packet.payload.data() >= begin);
            QVERIFY(packet.payload.data() + packet.payload.size() <= begin + datagram.size());
        }
    }

    void fieldsAndExtension()
    {
        const QByteArray data = header(0x92, 0x80 | 111, 0xfffe, 0xdeadbeef, 0x01020304)
            + QByteArray::fromHex("aaaaaaaabbbbbbbb") + QByteArray::fromHex("10000001cafebabe")
            + QByteArray("opus");
        RtpPacket packet;
        QCOMPARE(::parse(data, packet), RtpError::None);
        QVERIFY(packet.marker);
        QCOMPARE(packet.payloadType, quint8(111));
        QCOMPARE(packet.sequence, quint16(0xfffe));
        QCOMPARE(packet.timestamp, 0xdeadbeefu);
        QCOMPARE(packet.csrcCount, quint8(2));
        QCOMPARE(packet.csrc[1], 0xbbbbbbbbu);
        QVERIFY(packet.hasExtension);
        QCOMPARE(packet.extensionProfile, quint16(0x1000));
        QCOMPARE(int(packet.extension.size()), 4);
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(packet.payload.data()), 4),
                 QByteArray("opus"));
    }

    void writeRoundTrip()
    {
        RtpPacket header;
        header.marker = true;
        header.payloadType = kOpusPayloadType;
        header.sequence = 65535;
        header.timestamp = 123456;
        header.ssrc = 0xcafef00d;
        const uint8_t payload[] = {1, 2, 3, 4, 5};
        uint8_t buffer[64];
        const std::size_t size = writeRtp(header, payload, buffer);
        QCOMPARE(size, std::size_t(17));
        RtpPacket parsed;
        QCOMPARE(parseRtp({buffer, size}, parsed), RtpError::None);
        QVERIFY(parsed.marker);
        QCOMPARE(parsed.payloadType, kOpusPayloadType);
        QCOMPARE(parsed.sequence, quint16(65535));
        QCOMPARE(parsed.timestamp, 123456u);
        QCOMPARE(parsed.ssrc, 0xcafef00du);
        QCOMPARE(peekSsrc(buffer), 0xcafef00du);
        QCOMPARE(int(parsed.payload.size()), 5);
        QCOMPARE(writeRtp(header, payload, {buffer, 16}), std::size_t(0)); // too small
    }

    void sequenceWrap()
    {
        QVERIFY(seqNewer(1, 65535));
        QVERIFY(!seqNewer(65535, 1));
        QVERIFY(seqNewer(100, 99));
        QVERIFY(!seqNewer(5, 5));
    }

    void randomGarbageNeverCrashes()
    {
        // Every length from 0 to 200 with random bytes: must classify, never read past the end.
        std::srand(42);
        for (int round = 0; round < 20000; ++round) {
            QByteArray data(std::rand() % 200, '\0');
            for (char &c : data)
                c = char(std::rand());
            RtpPacket packet;
            const RtpError error = ::parse(data, packet);
            if (error == RtpError::None)
                QVERIFY(packet.payload.size() <= std::size_t(data.size()));
        }
    }
};

QTEST_GUILESS_MAIN(TestRtp)
#include "tst_rtp.moc"
