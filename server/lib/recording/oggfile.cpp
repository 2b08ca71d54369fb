// SPDX-License-Identifier: Apache-2.0
#include "oggfile.h"

#include <QRandomGenerator>

#include <ogg/ogg.h>

#ifndef Q_OS_WIN
#include <unistd.h>
#endif

namespace floorline::server {

struct OggFileWriter::State
{
    ogg_stream_state stream {};
    bool initialised = false;
    ~State()
    {
        if (initialised)
            ogg_stream_clear(&stream);
    }
};

OggFileWriter::OggFileWriter() = default;

OggFileWriter::~OggFileWriter()
{
    if (m_file.isOpen())
        m_file.close();
}

bool OggFileWriter::open(const QString &path, QString *error)
{
    m_file.setFileName(path);
    // Unbuffered: each page goes to the kernel when written, not when Qt's buffer fills.
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered)) {
        *error = m_file.errorString();
        return false;
    }
    m_state = std::make_unique<State>();
    // The serial number tells streams apart when files are chained; any number will do.
    if (ogg_stream_init(&m_state->stream, int(QRandomGenerator::global()->generate())) != 0) {
        *error = QStringLiteral("libogg could not start a stream");
        return false;
    }
    m_state->initialised = true;
    m_packetNumber = 0;
    m_bytes = 0;
    m_first = true;
    return true;
}

bool OggFileWriter::packet(std::span<const uint8_t> bytes, int64_t granule, bool endOfStream)
{
    if (!m_state)
        return false;
    ogg_packet p {};
    p.packet = const_cast<unsigned char *>(bytes.data()); // libogg copies it, never writes
    p.bytes = long(bytes.size());
    p.b_o_s = m_first ? 1 : 0;
    p.e_o_s = endOfStream ? 1 : 0;
    p.granulepos = granule;
    p.packetno = m_packetNumber++;
    m_first = false;
    if (ogg_stream_packetin(&m_state->stream, &p) != 0)
        return false;
    return writePages(endOfStream);
}

bool OggFileWriter::flush()
{
    return m_state && writePages(true);
}

bool OggFileWriter::writePages(bool force)
{
    ogg_page page;
    while (force ? ogg_stream_flush(&m_state->stream, &page)
                 : ogg_stream_pageout(&m_state->stream, &page)) {
        if (m_file.write(reinterpret_cast<const char *>(page.header), page.header_len)
                != page.header_len
            || m_file.write(reinterpret_cast<const char *>(page.body), page.body_len)
                != page.body_len)
            return false;
        m_bytes += page.header_len + page.body_len;
    }
    return true;
}

bool OggFileWriter::close()
{
    if (!m_file.isOpen())
        return false;
    const bool ok = flush();
#ifndef Q_OS_WIN
    // A recording the index calls complete must be on the disk, not in the page cache.
    ::fdatasync(m_file.handle());
#endif
    m_file.close();
    m_state.reset();
    return ok && m_file.error() == QFileDevice::NoError;
}

void OggFileWriter::discard()
{
    if (m_file.isOpen())
        m_file.close();
    m_state.reset();
    if (!m_file.fileName().isEmpty()) // never opened: nothing to remove
        m_file.remove();
}

OggPackets readOggFile(const QString &path)
{
    OggPackets out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return out;
    ogg_sync_state sync;
    ogg_sync_init(&sync);
    ogg_stream_state stream;
    bool streaming = false;
    qint64 consumed = 0; // bytes of whole pages taken so far
    bool done = false;
    while (!done) {
        char *buffer = ogg_sync_buffer(&sync, 65536);
        const qint64 n = file.read(buffer, 65536);
        if (n <= 0)
            break;
        ogg_sync_wrote(&sync, long(n));
        ogg_page page;
        int result;
        while ((result = ogg_sync_pageout(&sync, &page)) != 0) {
            if (result < 0) { // bytes that are no page: damage, and where reading stops
                done = true;
                break;
            }
            if (!streaming) {
                ogg_stream_init(&stream, ogg_page_serialno(&page));
                streaming = true;
            }
            if (ogg_page_serialno(&page) != stream.serialno || ogg_stream_pagein(&stream, &page))
                continue; // another logical stream: not ours
            consumed += page.header_len + page.body_len;
            ogg_packet packet;
            int got;
            while ((got = ogg_stream_packetout(&stream, &packet)) != 0) {
                if (got == 1) // -1: a hole in the stream, reading goes on behind it
                    out.packets.emplace_back(reinterpret_cast<const char *>(packet.packet),
                                             qsizetype(packet.bytes));
            }
            if (ogg_page_granulepos(&page) >= 0) {
                out.lastGranule = ogg_page_granulepos(&page);
                if (!out.packets.empty())
                    out.pageEnds.emplace_back(out.packets.size() - 1, out.lastGranule);
            }
            if (ogg_page_eos(&page)) {
                out.endOfStream = true;
                done = true;
                break;
            }
        }
    }
    out.trailingBytes = file.size() - consumed;
    if (streaming)
        ogg_stream_clear(&stream);
    ogg_sync_clear(&sync);
    return out;
}

} // namespace floorline::server
