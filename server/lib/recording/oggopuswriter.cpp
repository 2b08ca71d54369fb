// SPDX-License-Identifier: Apache-2.0
#include "oggopuswriter.h"

#include <opus.h>

namespace floorline::server {

namespace {
/// Packets that may wait for one that came out of order (60 ms at 20 ms frames).
constexpr std::size_t kReorderWindow = 3;
/// A page is closed after this many packets (RFC 7845 suggests at most a second per page).
constexpr int kPacketsPerPage = 25;
/// Longer silences inside one spurt are not filled: a clock that jumps further is a restart.
constexpr int64_t kMaxFillSamples = 10 * 48000;
constexpr int64_t kFirstSequence = int64_t(1) << 20; // room below for packets that come late

void putLe16(QByteArray &out, uint16_t v)
{
    out.append(char(v & 0xff)).append(char(v >> 8));
}
void putLe32(QByteArray &out, uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        out.append(char((v >> (8 * i)) & 0xff));
}
std::span<const uint8_t> bytesOf(const QByteArray &b)
{
    return {reinterpret_cast<const uint8_t *>(b.constData()), std::size_t(b.size())};
}
} // namespace

OggOpusWriter::OggOpusWriter(QString path, QList<QPair<QString, QString>> tags)
    : m_path(std::move(path))
    , m_tags(std::move(tags))
{ }

bool OggOpusWriter::add(uint16_t sequence, uint32_t timestamp, std::span<const uint8_t> opus)
{
    if (m_failed)
        return false;
    const int64_t extended = m_highest < 0
        ? kFirstSequence + sequence
        : m_highest + int16_t(uint16_t(sequence - uint16_t(m_highest)));
    if (extended <= m_lastEmitted || m_window.count(extended)) {
        ++m_summary.late; // its place is written already, or it came twice
        return true;
    }
    m_highest = std::max(m_highest, extended);
    m_window.emplace(extended,
                     std::make_pair(timestamp,
                                    QByteArray(reinterpret_cast<const char *>(opus.data()),
                                               qsizetype(opus.size()))));
    while (m_window.size() > kReorderWindow) {
        const auto first = m_window.begin();
        if (!emit(first->first, first->second.first, first->second.second))
            return false;
        m_window.erase(first);
    }
    return !m_failed;
}

bool OggOpusWriter::emit(int64_t sequence, uint32_t timestamp, const QByteArray &opus)
{
    m_lastEmitted = sequence;
    const int samples = opus.isEmpty()
        ? OPUS_INVALID_PACKET
        : opus_packet_get_nb_samples(reinterpret_cast<const unsigned char *>(opus.constData()),
                                     opus_int32(opus.size()), 48000);
    if (samples <= 0) {
        ++m_summary.invalid;
        return true;
    }
    if (!m_open) {
        if (!writeHeaders(uint8_t(opus.at(0))))
            return false;
        m_nextTimestamp = timestamp;
    }
    const int32_t ahead = int32_t(timestamp - m_nextTimestamp);
    if (ahead < 0) { // overlaps what is written: a sender that went back in time
        ++m_summary.late;
        return true;
    }
    if (ahead > 0 && ahead <= kMaxFillSamples) {
        // Frames of the size the talker used, in its mode, with no data: concealed.
        const uint8_t empty = uint8_t(m_lastToc & 0xfc);
        const int frame = opus_packet_get_samples_per_frame(&empty, 48000);
        for (int32_t left = ahead; left >= frame; left -= frame) {
            if (!writeAudio({&empty, 1}, frame))
                return false;
            ++m_summary.concealed;
        }
    }
    m_lastToc = uint8_t(opus.at(0));
    if (!writeAudio(bytesOf(opus), samples))
        return false;
    ++m_summary.packets;
    m_nextTimestamp = timestamp + uint32_t(samples);
    return true;
}

bool OggOpusWriter::writeHeaders(uint8_t toc)
{
    QString error;
    if (!m_file.open(m_path, &error)) {
        m_failed = true;
        return false;
    }
    m_open = true;
    m_lastToc = toc;
    QByteArray head("OpusHead");
    head.append(char(1)); // version
    head.append(char((toc & 0x04) ? 2 : 1)); // channels, from the first packet's stereo bit
    putLe16(head, uint16_t(kPreSkip));
    putLe32(head, 48000); // the rate the talker captured at is not known; Opus codes at 48k
    putLe16(head, 0); // output gain
    head.append(char(0)); // mapping family 0: mono or stereo
    QByteArray tags("OpusTags");
    const QByteArray vendor("floorline-server");
    putLe32(tags, uint32_t(vendor.size()));
    tags.append(vendor);
    putLe32(tags, uint32_t(m_tags.size()));
    for (const auto &[key, value] : m_tags) {
        const QByteArray comment = key.toUtf8() + '=' + value.toUtf8();
        putLe32(tags, uint32_t(comment.size()));
        tags.append(comment);
    }
    // Each header ends its page, and audio starts on a page of its own (RFC 7845 §3).
    m_failed = !m_file.packet(bytesOf(head), 0) || !m_file.flush()
        || !m_file.packet(bytesOf(tags), 0) || !m_file.flush();
    return !m_failed;
}

bool OggOpusWriter::writeAudio(std::span<const uint8_t> bytes, int samples)
{
    // One packet is held back, so the last one can carry the end-of-stream flag.
    if (m_hasHeld && !writeHeld(false))
        return false;
    m_held = QByteArray(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size()));
    m_heldSamples = samples;
    m_hasHeld = true;
    m_summary.samples += samples;
    return true;
}

bool OggOpusWriter::writeHeld(bool last)
{
    m_hasHeld = false;
    if (!m_file.packet(bytesOf(m_held), kPreSkip + m_writtenSamples + m_heldSamples, last)
        || (++m_sincePage >= kPacketsPerPage && !m_file.flush())) {
        m_failed = true;
        return false;
    }
    m_writtenSamples += m_heldSamples;
    if (m_sincePage >= kPacketsPerPage)
        m_sincePage = 0;
    return true;
}

bool OggOpusWriter::finish(QString *error)
{
    for (const auto &[sequence, packet] : m_window) {
        if (!emit(sequence, packet.first, packet.second))
            break;
    }
    m_window.clear();
    if (!m_open || m_failed) {
        *error = m_failed ? QStringLiteral("the recording could not be written")
                          : QStringLiteral("no audio arrived");
        discard();
        return false;
    }
    const bool ok = writeHeld(true) && m_file.close();
    m_summary.bytes = m_file.bytesWritten();
    m_open = false;
    if (!ok) {
        *error = QStringLiteral("the recording could not be written");
        m_file.discard();
        return false;
    }
    return true;
}

void OggOpusWriter::discard()
{
    m_file.discard();
    m_open = false;
}

} // namespace floorline::server
