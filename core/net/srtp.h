// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

#include "core/protocol/rtp.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>

namespace floorline::srtp {

/// The one suite Floorline speaks (RFC 7714): AES-128-GCM, 16-byte tag, no MKI. Its key is
/// the master key (16 bytes) followed by the master salt (12 bytes), as libsrtp takes them.
inline constexpr const char *kSuite = proto::kSrtpSuite;
inline constexpr std::size_t kKeySize = proto::kSrtpKeySize;
/// What protection adds to a packet: the GCM tag.
inline constexpr std::size_t kOverhead = 16;
/// Room protect() wants behind a packet (libsrtp's SRTP_MAX_TRAILER_LEN: tag and any MKI).
inline constexpr std::size_t kTrailerRoom = 144;

/// 28 random bytes from the system's CSPRNG.
QByteArray randomKey();
/// 56 hex digits -> 28 bytes; empty when the text is not exactly that.
QByteArray parseKey(const QString &hex);

enum class Result {
    Ok,
    AuthFailed, ///< tag does not verify: wrong key, tampered, or not ours
    Replayed, ///< seen before or too old for the replay window
    Malformed, ///< too short, or libsrtp refused the header
};

/**
 * @brief One direction of SRTP under one master key, for one SSRC or (sending) any.
 *
 * A thin owner of a libsrtp session. Sender: protect() encrypts an RTP packet in place and
 * appends the tag. Receiver: unprotect() checks the tag and the replay window, decrypts in
 * place and strips the tag. libsrtp tracks the rollover counter itself as packets arrive; a
 * receiver that joins a stream after it rolled over tries the next counters on its first packet
 * (late entry into a long talk), so a key needs no counter beside it.
 *
 * Not thread-safe: each instance belongs to one thread.
 */
class Context
{
public:
    /// key: kKeySize bytes. ssrc 0 = any (what a sender uses).
    static std::unique_ptr<Context> sender(const QByteArray &key);
    static std::unique_ptr<Context> receiver(const QByteArray &key, uint32_t ssrc);
    ~Context();
    Context(const Context &) = delete;
    Context &operator=(const Context &) = delete;

    /// packet: an RTP packet of `size` bytes in a buffer of `capacity` >= size + kOverhead.
    /// Returns the protected size, or 0 when it does not fit or libsrtp refuses.
    std::size_t protect(uint8_t *packet, std::size_t size, std::size_t capacity);
    /// On Ok, `size` becomes the plain packet's size. On failure the buffer is unchanged.
    Result unprotect(uint8_t *packet, std::size_t &size);

    const QByteArray &key() const { return m_key; }
    /// At least one packet authenticated under this key (receiver).
    bool proven() const { return m_proven; }

private:
    Context() = default;
    bool create(const QByteArray &key, uint32_t ssrc, bool inbound);

    struct Session;
    Session *m_session = nullptr;
    QByteArray m_key;
    uint32_t m_ssrc = 0;
    bool m_proven = false;
};

} // namespace floorline::srtp
