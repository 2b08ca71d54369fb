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
    struct Limits
    {
        int perMinute = 30; ///< pushes one account may send a minute (burst as many)
        int maxWaiting = 500; ///< pushes that may wait for one recipient
        qint64 expireAfterMs = 7LL * 24 * 3600 * 1000; ///< a push waits this long at most
    };

    PushService(const FleetIndex &fleet, Logins &logins, Presence &presence,
                const MediaService &media, SignalingStats &stats, Limits limits);

    void setStore(PushStore *store);

    void handle(Login &login, Reply &reply, const Grant &grant, const proto::MediaPush &r);
    void handle(Login &login, Reply &reply, const proto::MediaAck &r);
    void handle(Login &login, Reply &reply, const Grant &grant, const proto::MediaShelfGet &r);
    void handle(Login &login, Reply &reply, const proto::UnitAnnounce &r);
    void handle(Login &login, Reply &reply, const proto::PairCreate &r);
    void handle(Login &login, Reply &reply, const proto::PairClaim &r);
    /// The console a pairing code was made by, while the code is good.
    std::optional<QString> pairCodeConsole(const QString &token) const;
    /// Spends a pairing code for a phone page (docs/protocol.md §13.5): the console hears of
    /// the phone as of a paired device. False for a code unknown, used or expired.
    bool claimForPhone(const QString &token, const QString &phone, const QString &alias);

    /// The answer to a push: its result, or why it was refused.
    struct PushOutcome
    {
        std::optional<proto::PushResult> result;
        proto::ErrorCode code = proto::ErrorCode::Internal;
        QString message;
        StoredPush push;
        QList<std::pair<QString, bool>> targets;
        bool refused() const { return !result && !message.isEmpty(); }
    };
    /// A push from a phone paired with `console` (docs/protocol.md §13.5): to every login of the
    /// console, or to its display logins only. The checks and storage of §10.2.
    PushOutcome pushFromPhone(const QString &phone, const QString &alias, const QString &console,
                              bool displaysOnly, const proto::MediaPush &r);
    /// Each recipient's state of an earlier push; nothing when there was none.
    std::optional<QList<proto::PushRecipient>> states(const QString &sender,
                                                      const QString &push) const;
    /// What was pushed to `group`, newest first (at most 50).
    proto::MediaShelf shelf(const QString &group) const;

    /// Sends what `unit` is owed to every login that may take it now.
    void deliverPending(const QString &unit);
    /// Forgets pushes that waited longer than their expiry (at start and hourly).
    void expire();

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
    PushOutcome refusal(proto::ErrorCode code, const QString &why);
    /// Steps 1–3 of §10.2: no store, a retried push (its result), an unknown item.
    PushOutcome check(const QString &sender, const proto::MediaPush &r);
    /// Steps 5–6 of §10.2 for recipients already checked.
    PushOutcome commit(const QString &sender, const QString &alias, const proto::MediaPush &r,
                       const QList<std::pair<QString, bool>> &found);
    static void answer(Reply &reply, const PushOutcome &outcome);
    /// Step 7: media.pushed to every eligible login of a new push's recipients.
    void sendOut(const PushOutcome &outcome);
    proto::Pushed pushedOf(const StoredPush &push) const;
    void deliver(const PushDelivery &delivery);
    /// Takes one push from the sender's budget; false when it is spent.
    bool takePush(const QString &sender);

    const FleetIndex &m_fleet;
    Logins &m_logins;
    Presence &m_presence;
    const MediaService &m_media;
    SignalingStats &m_stats;
    Limits m_limits;
    PushStore *m_store = nullptr;
    struct Budget
    {
        double tokens = 0;
        qint64 atMs = 0;
    };
    QHash<QString, Budget> m_budgets; ///< sender → what is left of its pushes a minute
    QHash<QString, QString> m_pairings; ///< device unit → console unit
    QHash<QString, PairCode> m_pairCodes; ///< one-time token → console
};

} // namespace floorline::server
