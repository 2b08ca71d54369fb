// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "httpexchange.h"
#include "httpstats.h"

namespace floorline::server {

class HttpTokens;
class MediaService;
class MediaStore;
class PhoneSessions;
struct SignalingStats;

/**
 * @brief Media over HTTPS on the signaling port (docs/protocol.md §13.3, §13.4): items read
 * with byte ranges, uploads that resume from where the store stands, in pieces of any size.
 *
 * The same store, limits and read rights as the signaling requests of §9; only the bytes
 * move differently: as fast as TCP carries them, not at the signaling message rate. Every
 * request names its login by a bearer token (HttpTokens).
 * Thread rule: the server's signaling thread.
 */
class MediaHttp : public HttpRoutes
{
public:
    MediaHttp(HttpTokens &tokens, PhoneSessions &phones, MediaService &media, MediaStore *store, SignalingStats &signaling,
              HttpStats &stats);

    std::unique_ptr<HttpExchange> begin(const HttpRequest &request,
                                        const QHostAddress &peer) override;
    /// The unit a request acts for: the login its token names, or the console of the phone
    /// page it names (§13.5); empty when no live one does.
    QString caller(const HttpRequest &request);

private:
    std::unique_ptr<HttpExchange> get(const HttpRequest &request, const QString &unit,
                                      const QByteArray &id);
    std::unique_ptr<HttpExchange> create(const QString &unit);
    std::unique_ptr<HttpExchange> status(const QString &unit, const QByteArray &upload);
    std::unique_ptr<HttpExchange> put(const HttpRequest &request, const QString &unit,
                                      const QByteArray &upload);

    HttpTokens &m_tokens;
    PhoneSessions &m_phones;
    MediaService &m_media;
    MediaStore *m_store;
    SignalingStats &m_signaling;
    HttpStats &m_stats;
};

/// The HTTP status and error code for a media store refusal.
HttpResponse mediaError(int fallbackStatus, int error);

} // namespace floorline::server
