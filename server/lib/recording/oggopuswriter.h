// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "oggfile.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <cstdint>
#include <map>
#include <span>

namespace floorline::server {

/**
 * @brief One talk spurt as an Ogg Opus file (RFC 7845), muxed from the RTP payloads the
 * relay received, without decoding them.
 *
 * Timing follows the RTP timestamps (48 kHz, RFC 7587): a lost packet, or a pause the talker
 * did not send (DTX), becomes frames of the same size that hold no data, which a decoder
 * conceals (RFC 6716 §3.2.1: a frame of length 0), so the file lasts as long as the spurt
 * did. Packets may arrive a few out of order; a small window puts them back. The headers go
 * out with the first packet (its TOC says mono or stereo), and a page is closed at least
 * every half second, so a server killed mid-spurt loses at most that much.
 */
class OggOpusWriter
{
public:
    struct Summary
    {
        int64_t samples = 0; ///< 48 kHz samples of audio, concealed frames included
        int packets = 0; ///< payloads written as received
        int concealed = 0; ///< empty frames written for lost or unsent ones
        int late = 0; ///< payloads that came after their place was written
        int invalid = 0; ///< payloads that are no Opus packet
        qint64 bytes = 0;
        int64_t durationMs() const { return samples / 48; }
    };

    /// `tags`: Vorbis comments a player shows (RFC 7845 §5.2), as KEY=value pairs.
    OggOpusWriter(QString path, QList<QPair<QString, QString>> tags);

    /// One received payload; false once the file cannot be written.
    bool add(uint16_t sequence, uint32_t timestamp, std::span<const uint8_t> opus);
    /// Writes what waits and closes the file. False when it holds no audio (nothing was
    /// written) or could not be written: the file is gone then.
    bool finish(QString *error);
    /// Stops without finishing: the file is deleted.
    void discard();
    const Summary &summary() const { return m_summary; }
    /// The pre-skip the headers announce: libopus's encoder delay at 48 kHz.
    static constexpr int kPreSkip = 312;

private:
    bool emit(int64_t sequence, uint32_t timestamp, const QByteArray &opus);
    bool writeHeaders(uint8_t toc);
    bool writeAudio(std::span<const uint8_t> bytes, int samples);
    bool writeHeld(bool last);

    QString m_path;
    QList<QPair<QString, QString>> m_tags;
    OggFileWriter m_file;
    bool m_open = false;
    bool m_failed = false;
    Summary m_summary;
    /// Extended (32-bit) sequence number -> payload and timestamp, waiting for late ones.
    std::map<int64_t, std::pair<uint32_t, QByteArray>> m_window;
    int64_t m_lastEmitted = -1; ///< extended sequence of the last payload written
    int64_t m_highest = -1;
    uint32_t m_nextTimestamp = 0; ///< RTP timestamp where the next frame belongs
    uint8_t m_lastToc = 0;
    int m_sincePage = 0;
    QByteArray m_held; ///< the last packet, written when the next comes or at the end
    int m_heldSamples = 0;
    bool m_hasHeld = false;
    int64_t m_writtenSamples = 0;
};

} // namespace floorline::server
