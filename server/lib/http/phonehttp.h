// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "httpexchange.h"
#include "httpstats.h"

#include <QStringList>

namespace floorline::server {

class FleetIndex;
class PhoneSessions;
class PushService;
struct PhoneSession;

/**
 * @brief The phone page (docs/protocol.md §13.5): a field user scans the console's pairing QR
 * code with an ordinary phone camera, the browser opens `/pair/<code>`, and the page, bound
 * to that console, uploads photos and videos (through /media/uploads, as the console), pushes
 * them to the console or its displays, lists the console's group shelves and asks the displays
 * to play an item.
 *
 * The page is static HTML, CSS and JavaScript from the server's resources: nothing to build,
 * nothing to install on the phone.
 * Thread rule: the server's signaling thread.
 */
class PhoneHttp : public HttpRoutes
{
public:
    /// `maxBytes`: the store's item size limit, told to the page before it uploads.
    PhoneHttp(PhoneSessions &phones, PushService &pushes, const FleetIndex &fleet, HttpStats &stats,
              qint64 maxBytes);

    std::unique_ptr<HttpExchange> begin(const HttpRequest &request,
                                        const QHostAddress &peer) override;

private:
    std::unique_ptr<HttpExchange> claim();
    QJsonObject session(const PhoneSession &phone) const;
    std::unique_ptr<HttpExchange> push(const PhoneSession &phone);
    HttpResponse pushState(const PhoneSession &phone, const QByteArray &push) const;
    HttpResponse shelf(const PhoneSession &phone, const HttpRequest &request) const;
    /// The groups whose shelves the console reads: its own, or every group for a console
    /// configured with none.
    QStringList shelfGroups(const QString &console) const;

    PhoneSessions &m_phones;
    PushService &m_pushes;
    const FleetIndex &m_fleet;
    HttpStats &m_stats;
    qint64 m_maxBytes;
};

/// A file of the phone page (index.html, phone.js, phone.css) with its type and the headers
/// that keep the pairing code in the address bar from leaving the page.
HttpResponse phoneAsset(const QByteArray &name);

} // namespace floorline::server
