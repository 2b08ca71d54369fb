// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "pushstore.h"

#include "core/protocol/pushes.h"

#include <QHash>

namespace floorline::server {

class FleetIndex;
class Logins;
class MediaService;
class Presence;
class Reply;
struct Grant;
struct Login;
struct SignalingStats;

/**
 * @brief Pushes with store-and-forward (docs/protocol.md §10): a push is stored before anyone
 * hears of it and sent to each recipient's logins until acknowledged; groups' shelves; units
 * announcing a reset; pairing a device with a console.
 */
class PushService
{
public:
    PushService(const FleetIndex &fleet, Logins &logins, Presence &presence,
                const MediaService &media, SignalingStats &stats);

    void setStore(PushStore *store);

    void handle(Login &login, Reply &reply, const Grant &grant, const proto::MediaPush &r);
    void handle(Login &login, Reply &reply, const proto::MediaAck &r);
    void handle(Login &login, Reply &reply, const Grant &grant, const proto::MediaShelfGet &r);
    void handle(Login &login, Reply &reply, const proto::UnitAnnounce &r);
    void handle(Login &login, Reply &reply, const proto::PairCreate &r);
    void handle(Login &login, Reply &reply, const proto::PairClaim &r);
    /// Sends what `unit` is owed to every login that may take it now.
    void deliverPending(const QString &unit);

private:
    struct PairCode
    {
        QString console;
        qint64 expires = 0;
    };

    /// Who a push reaches (unit id → display logins only), or none after answering with the
    /// error.
    std::optional<QList<std::pair<QString, bool>>>
    recipients(const Login &login, Reply &reply, bool ownOnly, const proto::PushTarget &to);
    void refuse(Reply &reply, proto::ErrorCode code, const QString &why);
    proto::Pushed pushedOf(const StoredPush &push) const;
    void deliver(const PushDelivery &delivery);

    const FleetIndex &m_fleet;
    Logins &m_logins;
    Presence &m_presence;
    const MediaService &m_media;
    SignalingStats &m_stats;
    PushStore *m_store = nullptr;
    QHash<QString, QString> m_pairings; ///< device unit → console unit
    QHash<QString, PairCode> m_pairCodes; ///< one-time token → console
};

} // namespace floorline::server
