// SPDX-License-Identifier: Apache-2.0
#include "oggopusfile.h"

#include "oggfile.h"

#include <QFile>

#include <opus.h>

namespace floorline::server {

namespace {
int preSkipOf(const QByteArray &head)
{
    return uint8_t(head.at(10)) | (uint8_t(head.at(11)) << 8);
}

bool isHead(const OggPackets &read)
{
    return read.packets.size() >= 2 && read.packets[0].size() >= 19
        && read.packets[0].startsWith("OpusHead") && read.packets[1].startsWith("OpusTags");
}

int samplesOf(const QByteArray &packet)
{
    if (packet.isEmpty())
        return 0;
    const int n
        = opus_packet_get_nb_samples(reinterpret_cast<const unsigned char *>(packet.constData()),
                                     opus_int32(packet.size()), 48000);
    return n > 0 ? n : 0;
}

std::span<const uint8_t> bytesOf(const QByteArray &b)
{
    return {reinterpret_cast<const uint8_t *>(b.constData()), std::size_t(b.size())};
}
} // namespace

std::optional<OggOpusInfo> readOggOpus(const QString &path)
{
    const OggPackets read = readOggFile(path);
    if (!isHead(read))
        return std::nullopt;
    OggOpusInfo info;
    info.packets = int(read.packets.size()) - 2;
    info.complete = read.endOfStream && read.trailingBytes == 0;
    // The last page's granule says where the audio ends (RFC 7845 §4).
    info.samples = std::max<int64_t>(0, read.lastGranule - preSkipOf(read.packets[0]));
    return info;
}

std::optional<OggOpusInfo> repairOggOpus(const QString &from, const QString &to)
{
    const OggPackets read = readOggFile(from);
    if (!isHead(read) || read.packets.size() < 3)
        return std::nullopt;
    const int preSkip = preSkipOf(read.packets[0]);
    OggFileWriter out;
    QString error;
    if (!out.open(to, &error))
        return std::nullopt;
    bool ok = out.packet(bytesOf(read.packets[0]), 0) && out.flush()
        && out.packet(bytesOf(read.packets[1]), 0) && out.flush();
    OggOpusInfo info;
    for (std::size_t i = 2; ok && i < read.packets.size(); ++i) {
        info.samples += samplesOf(read.packets[i]);
        ++info.packets;
        ok = out.packet(bytesOf(read.packets[i]), preSkip + info.samples,
                        i + 1 == read.packets.size());
    }
    if (!ok || !out.close()) {
        out.discard();
        QFile::remove(to);
        return std::nullopt;
    }
    info.complete = true;
    return info;
}

} // namespace floorline::server
