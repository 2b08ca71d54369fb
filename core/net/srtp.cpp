// SPDX-License-Identifier: Apache-2.0
#include "srtp.h"

#include "core/protocol/rtp.h"

#include <QRandomGenerator>

#include <srtp2/srtp.h>

#include <array>
#include <cstring>
#include <mutex>

namespace floorline::srtp {

namespace {

void initialiseOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { srtp_init(); });
}

/// How far past the counter libsrtp guesses a late entrant tries: a talk long enough to roll
/// the 16-bit sequence over twice (22 minutes at 20 ms) is already beyond any T2.
constexpr uint32_t kRolloverGuesses = 2;
/// Enough for reordering on any real path; libsrtp's minimum is 64.
constexpr unsigned long kReplayWindow = 1024;
static_assert(kTrailerRoom == SRTP_MAX_TRAILER_LEN);

} // namespace

struct Context::Session
{
    srtp_t srtp = nullptr;
};

QByteArray randomKey()
{
    QByteArray key(int(kKeySize), Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()),
                                          kKeySize / sizeof(quint32));
    return key;
}

QByteArray parseKey(const QString &hex)
{
    if (hex.size() != int(2 * kKeySize))
        return {};
    for (const QChar c : hex) {
        if (!c.isDigit() && !(c >= QLatin1Char('a') && c <= QLatin1Char('f'))
            && !(c >= QLatin1Char('A') && c <= QLatin1Char('F')))
            return {};
    }
    return QByteArray::fromHex(hex.toLatin1());
}

std::unique_ptr<Context> Context::sender(const QByteArray &key)
{
    std::unique_ptr<Context> c(new Context);
    if (!c->create(key, 0, false))
        return nullptr;
    return c;
}

std::unique_ptr<Context> Context::receiver(const QByteArray &key, uint32_t ssrc)
{
    std::unique_ptr<Context> c(new Context);
    if (!c->create(key, ssrc, true))
        return nullptr;
    return c;
}

bool Context::create(const QByteArray &key, uint32_t ssrc, bool inbound)
{
    if (key.size() != int(kKeySize))
        return false;
    initialiseOnce();
    m_key = key;
    m_ssrc = ssrc;
    srtp_policy_t policy;
    std::memset(&policy, 0, sizeof policy);
    srtp_crypto_policy_set_aes_gcm_128_16_auth(&policy.rtp);
    srtp_crypto_policy_set_aes_gcm_128_16_auth(&policy.rtcp);
    if (inbound) {
        policy.ssrc.type = ssrc_specific;
        policy.ssrc.value = ssrc;
    } else {
        policy.ssrc.type = ssrc_any_outbound;
    }
    // libsrtp copies the key into its own state; ours is only read during srtp_create.
    policy.key = reinterpret_cast<unsigned char *>(m_key.data());
    policy.window_size = kReplayWindow;
    policy.allow_repeat_tx = 0;
    m_session = new Session;
    if (srtp_create(&m_session->srtp, &policy) != srtp_err_status_ok) {
        delete m_session;
        m_session = nullptr;
        return false;
    }
    return true;
}

Context::~Context()
{
    if (m_session) {
        srtp_dealloc(m_session->srtp);
        delete m_session;
    }
}

std::size_t Context::protect(uint8_t *packet, std::size_t size, std::size_t capacity)
{
    if (size < proto::kRtpHeaderSize || size + SRTP_MAX_TRAILER_LEN > capacity)
        return 0;
    int length = int(size);
    if (srtp_protect(m_session->srtp, packet, &length) != srtp_err_status_ok)
        return 0;
    return std::size_t(length);
}

Result Context::unprotect(uint8_t *packet, std::size_t &size)
{
    if (size < proto::kRtpHeaderSize + kOverhead || size > proto::kMaxDatagramSize)
        return Result::Malformed;
    // libsrtp decrypts in place before it knows whether the tag verifies: work on a copy so a
    // failed try (another rollover counter, or a packet that is not ours) leaves the input.
    std::array<uint8_t, proto::kMaxDatagramSize> copy;
    uint32_t roc = 0;
    const bool guess
        = !m_proven && srtp_get_stream_roc(m_session->srtp, m_ssrc, &roc) == srtp_err_status_ok;
    for (uint32_t attempt = 0;; ++attempt) {
        std::memcpy(copy.data(), packet, size);
        int length = int(size);
        const srtp_err_status_t status = srtp_unprotect(m_session->srtp, copy.data(), &length);
        if (status == srtp_err_status_ok) {
            std::memcpy(packet, copy.data(), std::size_t(length));
            size = std::size_t(length);
            m_proven = true;
            return Result::Ok;
        }
        if (status == srtp_err_status_replay_fail || status == srtp_err_status_replay_old)
            return Result::Replayed;
        if (status != srtp_err_status_auth_fail)
            return Result::Malformed;
        if (!guess || attempt == kRolloverGuesses) {
            if (guess)
                srtp_set_stream_roc(m_session->srtp, m_ssrc, roc);
            return Result::AuthFailed;
        }
        srtp_set_stream_roc(m_session->srtp, m_ssrc, roc + attempt + 1);
    }
}

} // namespace floorline::srtp
