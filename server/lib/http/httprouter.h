// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "httpexchange.h"

namespace floorline::server {

/// @brief Sends `/media/…` to the media routes and every other path to the phone page's.
class HttpRouter : public HttpRoutes
{
public:
    HttpRouter(HttpRoutes &media, HttpRoutes &phone)
        : m_media(media)
        , m_phone(phone)
    { }
    std::unique_ptr<HttpExchange> begin(const HttpRequest &request,
                                        const QHostAddress &peer) override
    {
        const bool media = request.path == "/media" || request.path.startsWith("/media/");
        return (media ? m_media : m_phone).begin(request, peer);
    }

private:
    HttpRoutes &m_media;
    HttpRoutes &m_phone;
};

} // namespace floorline::server
