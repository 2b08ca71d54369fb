// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace floorline::server {

/**
 * @brief One logical Ogg stream written to a file (libogg), each page handed to the kernel as
 * soon as it is made.
 *
 * A process killed mid-file leaves whole pages followed by at most one torn one; OggReader
 * reads such a file up to its last whole page. flush() closes the current page early, so what
 * a killed writer loses is bounded by how often it flushes.
 */
class OggFileWriter
{
public:
    OggFileWriter();
    ~OggFileWriter();
    OggFileWriter(const OggFileWriter &) = delete;
    OggFileWriter &operator=(const OggFileWriter &) = delete;

    bool open(const QString &path, QString *error);
    /// `granule`: the stream position after this packet (RFC 7845 §4: samples at 48 kHz).
    bool packet(std::span<const uint8_t> bytes, int64_t granule, bool endOfStream = false);
    /// Ends the current page now (a header must stand alone; a live stream bounds its loss).
    bool flush();
    /// Flushes, syncs to disk and closes; the file is complete.
    bool close();
    /// Closes and deletes the file.
    void discard();
    qint64 bytesWritten() const { return m_bytes; }
    QString path() const { return m_file.fileName(); }

private:
    bool writePages(bool force);

    struct State;
    std::unique_ptr<State> m_state;
    QFile m_file;
    int64_t m_packetNumber = 0;
    qint64 m_bytes = 0;
    bool m_first = true;
};

/// @brief The packets of one Ogg stream read back from a file, up to its last whole page.
struct OggPackets
{
    std::vector<QByteArray> packets;
    /// Granule position of the last whole page (-1: none); an end-of-stream page seen.
    int64_t lastGranule = -1;
    bool endOfStream = false;
    /// Bytes after the last whole page (a torn write, or not Ogg at all).
    qint64 trailingBytes = 0;
    /// Granule of each packet that ends a page, by packet index (what a repair keeps).
    std::vector<std::pair<std::size_t, int64_t>> pageEnds;
};

/// Reads the first logical stream of `path`; pages whose checksum fails end the reading.
OggPackets readOggFile(const QString &path);

} // namespace floorline::server
