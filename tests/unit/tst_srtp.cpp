// SPDX-License-Identifier: Apache-2.0
#include "core/net/srtp.h"
#include "core/protocol/rtp.h"

#include <QTest>

#include <array>
#include <cstring>

using namespace floorline;

namespace {

struct Packet
{
    std::array<uint8_t, proto::kMaxDatagramSize> bytes {};
    std::size_t size = 0;
    QByteArray view() const
    {
        return QByteArray(reinterpret_cast<const char *>(bytes.data()), qsizetype(size));
    }
};

Packet rtp(uint16_t sequence, const QByteArray &payload, uint32_t ssrc = 0x11223344)
{
    Packet p;
    proto::RtpPacket h;
    h.payloadType = proto::kOpusPayloadType;
    h.sequence = sequence;
    h.timestamp = uint32_t(sequence) * 960;
    h.ssrc = ssrc;
    p.size = proto::writeRtp(
        h, {reinterpret_cast<const uint8_t *>(payload.constData()), std::size_t(payload.size())},
        p.bytes);
    return p;
}

Packet protect(srtp::Context &sender, uint16_t sequence, const QByteArray &payload)
{
    Packet p = rtp(sequence, payload);
    p.size = sender.protect(p.bytes.data(), p.size, p.bytes.size());
    return p;
}

} // namespace

class TestSrtp : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripHidesThePayload()
    {
        const QByteArray key = srtp::randomKey();
        auto sender = srtp::Context::sender(key);
        auto receiver = srtp::Context::receiver(key, 0x11223344);
        QVERIFY(sender && receiver);
        const QByteArray voice("the voice of a dispatcher, 40 bytes long");
        Packet p = protect(*sender, 100, voice);
        QCOMPARE(p.size, proto::kRtpHeaderSize + std::size_t(voice.size()) + srtp::kOverhead);
        QVERIFY(!p.view().contains(voice));
        // The header stays readable for the relay: same SSRC, payload type and sequence.
        proto::RtpPacket parsed;
        QCOMPARE(proto::parseRtp({p.bytes.data(), p.size}, parsed), proto::RtpError::None);
        QCOMPARE(parsed.ssrc, 0x11223344u);
        QCOMPARE(parsed.sequence, uint16_t(100));
        QCOMPARE(receiver->unprotect(p.bytes.data(), p.size), srtp::Result::Ok);
        QCOMPARE(p.view().mid(12), voice);
        QVERIFY(receiver->proven());
    }

    void wrongKeyTamperingAndReplayAreRefused()
    {
        const QByteArray key = srtp::randomKey();
        auto sender = srtp::Context::sender(key);
        auto stranger = srtp::Context::receiver(srtp::randomKey(), 0x11223344);
        auto receiver = srtp::Context::receiver(key, 0x11223344);
        Packet p = protect(*sender, 7, QByteArray(60, 'x'));
        const QByteArray sent = p.view();
        QCOMPARE(stranger->unprotect(p.bytes.data(), p.size), srtp::Result::AuthFailed);
        QCOMPARE(p.view(), sent); // a failed try leaves the packet as it was

        Packet tampered = p;
        tampered.bytes[20] ^= 0x01;
        QCOMPARE(receiver->unprotect(tampered.bytes.data(), tampered.size),
                 srtp::Result::AuthFailed);
        Packet header = p;
        header.bytes[1] ^= 0x80; // the marker bit is authenticated too
        QCOMPARE(receiver->unprotect(header.bytes.data(), header.size), srtp::Result::AuthFailed);

        Packet first = p;
        QCOMPARE(receiver->unprotect(first.bytes.data(), first.size), srtp::Result::Ok);
        Packet again = p;
        QCOMPARE(receiver->unprotect(again.bytes.data(), again.size), srtp::Result::Replayed);

        Packet tiny = p;
        tiny.size = 20;
        QCOMPARE(receiver->unprotect(tiny.bytes.data(), tiny.size), srtp::Result::Malformed);
    }

    void longTalkRollsOverAndALateEntrantFollows()
    {
        const QByteArray key = srtp::randomKey();
        auto sender = srtp::Context::sender(key);
        auto present = srtp::Context::receiver(key, 0x11223344);
        // 65530 .. 65535, then 0 .. 40: the rollover counter becomes 1 after six packets.
        for (int i = 0; i < 46; ++i) {
            const uint16_t sequence = uint16_t(65530 + i);
            Packet p = protect(*sender, sequence, QByteArray::number(i));
            QCOMPARE(present->unprotect(p.bytes.data(), p.size), srtp::Result::Ok);
            QCOMPARE(p.view().mid(12), QByteArray::number(i));
        }
        // Someone joins the talk now: its first packet is under counter 1, not 0.
        auto late = srtp::Context::receiver(key, 0x11223344);
        for (int i = 46; i < 60; ++i) {
            Packet p = protect(*sender, uint16_t(65530 + i), QByteArray::number(i));
            QCOMPARE(late->unprotect(p.bytes.data(), p.size), srtp::Result::Ok);
            QCOMPARE(p.view().mid(12), QByteArray::number(i));
        }
    }

    void aLateEntrantStillRefusesAStranger()
    {
        // The rollover guesses must not turn a wrong key into an accepted packet, and must
        // leave the receiver able to take the real talker afterwards.
        const QByteArray key = srtp::randomKey();
        auto sender = srtp::Context::sender(key);
        auto intruder = srtp::Context::sender(srtp::randomKey());
        auto late = srtp::Context::receiver(key, 0x11223344);
        Packet forged = protect(*intruder, 10, QByteArray("forged"));
        QCOMPARE(late->unprotect(forged.bytes.data(), forged.size), srtp::Result::AuthFailed);
        QVERIFY(!late->proven());
        Packet real = protect(*sender, 11, QByteArray("real"));
        QCOMPARE(late->unprotect(real.bytes.data(), real.size), srtp::Result::Ok);
    }

    void matchesTheProtocolsTestVectors()
    {
        // docs/protocol.md §6.5: another implementation checks itself against these.
        const QByteArray key
            = QByteArray::fromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b");
        auto sender = srtp::Context::sender(key);
        Packet keepAlive;
        const QByteArray header = QByteArray::fromHex("807f123400000000aabbccdd");
        std::memcpy(keepAlive.bytes.data(), header.constData(), 12);
        keepAlive.size = sender->protect(keepAlive.bytes.data(), 12, keepAlive.bytes.size());
        QCOMPARE(keepAlive.view().toHex(),
                 QByteArray("807f123400000000aabbccdd34b788c19fc19a6a33e593ea7c810a18"));
        Packet media;
        const QByteArray plain = QByteArray::fromHex("80ef1235000003c0aabbccdddeadbeef");
        std::memcpy(media.bytes.data(), plain.constData(), 16);
        media.size = sender->protect(media.bytes.data(), 16, media.bytes.size());
        QCOMPARE(media.view().toHex(),
                 QByteArray("80ef1235000003c0aabbccdd33b93937df300e90ef8d68db050219c25d0f2b1e"));
        auto receiver = srtp::Context::receiver(key, 0xaabbccdd);
        QCOMPARE(receiver->unprotect(media.bytes.data(), media.size), srtp::Result::Ok);
        QCOMPARE(media.view(), plain);
    }

    void keysAreParsedStrictly()
    {
        const QByteArray key = srtp::randomKey();
        QCOMPARE(key.size(), int(srtp::kKeySize));
        QVERIFY(key != srtp::randomKey());
        QCOMPARE(srtp::parseKey(QString::fromLatin1(key.toHex())), key);
        QVERIFY(srtp::parseKey(QString::fromLatin1(key.toHex()).left(54)).isEmpty());
        QVERIFY(srtp::parseKey(QString(56, QLatin1Char('g'))).isEmpty());
        QVERIFY(!srtp::Context::sender(QByteArray(16, 'k')));
    }
};

QTEST_GUILESS_MAIN(TestSrtp)
#include "tst_srtp.moc"
