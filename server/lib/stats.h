// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>

#include <cstdint>

namespace floorline::server {

/// @brief Signaling counters; owned and written by the server's signaling thread only.
struct SignalingStats
{
    uint64_t connections = 0;
    uint64_t logins = 0;
    uint64_t resumes = 0;
    uint64_t resumesExpired = 0; ///< resumes refused: the token is unknown (a restart) or expired
    uint64_t requests = 0;
    uint64_t authFailures = 0;
    uint64_t loginsThrottled
        = 0; ///< password logins refused unchecked: the account or address backs off
    uint64_t loginsBusy = 0; ///< password logins refused: too many checks waiting
    uint64_t loginsRefused = 0; ///< password logins refused: the account has its bound of logins
    uint64_t badJson = 0;
    uint64_t badMessage = 0;
    uint64_t unknownType = 0;
    uint64_t tooLarge = 0;
    uint64_t rateLimited = 0;
    uint64_t notAuthenticated = 0;
    uint64_t forbidden = 0;
    uint64_t closedOversize = 0; ///< connections closed for a frame past the WebSocket limit
    /// ... or for frames that break the WebSocket protocol (RFC 6455 close code 1002)
    uint64_t closedProtocolError = 0;
    uint64_t closedSlowReader = 0; ///< connections cut off: too much waited unread
    uint64_t floorGranted = 0;
    uint64_t floorQueued = 0;
    uint64_t floorDenied = 0;
    uint64_t floorRevoked = 0;
    uint64_t sessionsCreated = 0; ///< ad-hoc and broadcast sessions
    uint64_t invitations = 0; ///< session.invite requests that reached the planner
    uint64_t unitsInvited = 0; ///< units joined by session.create or session.invite
    uint64_t unitsSkipped = 0; ///< units the planner left out (busy, offline, ...)
    uint64_t mediaUploads = 0; ///< media.upload requests accepted
    uint64_t mediaStored = 0; ///< uploads finished and stored
    uint64_t mediaRefused = 0; ///< media requests refused (size, type, hash, offset, owner, ...)
    uint64_t mediaUnreadable = 0; ///< media.get of an item the caller may not read (not-found)
    uint64_t mediaBytesIn = 0;
    uint64_t mediaBytesOut = 0;
    uint64_t pushes = 0; ///< media.push requests stored (duplicates not counted)
    uint64_t pushDuplicates = 0; ///< media.push repeated with an id already stored
    uint64_t pushRefused = 0; ///< media.push refused (target, permission, media)
    uint64_t pushesSent = 0; ///< media.pushed events sent to logins
    uint64_t pushesDelivered = 0; ///< recipients that acknowledged delivery
    uint64_t pushesOpened = 0; ///< recipients that acknowledged opening
    uint64_t pairings = 0; ///< pairing codes claimed
    uint64_t pushRecipientsFull = 0; ///< recipients left out of a push: too many waited for them
    uint64_t pushesExpired = 0; ///< deliveries forgotten undelivered after their expiry
    uint64_t emergenciesRaised = 0; ///< new emergency objects (a reused open one not counted)
    uint64_t emergencyAcks = 0; ///< acknowledgements added (repeats by one account not counted)
    uint64_t emergenciesCancelled = 0;
    /// How long the signaling thread spent on requests, each with the events it sent out:
    /// whatever one client asks must not hold everybody else up (docs/security.md, Limits).
    uint64_t requestMaxUs = 0;
    const char *slowestRequest = ""; ///< the type of the one that took requestMaxUs
    uint64_t requestsOver1ms = 0;
    uint64_t requestsOver5ms = 0;
    void requestTook(const char *type, uint64_t us)
    {
        requestsOver1ms += us > 1000;
        requestsOver5ms += us > 5000;
        if (us > requestMaxUs) {
            requestMaxUs = us;
            slowestRequest = type;
        }
    }

    uint64_t rejected() const
    {
        return badJson + badMessage + unknownType + tooLarge + rateLimited + notAuthenticated
            + forbidden + closedOversize + closedProtocolError + closedSlowReader;
    }
    QJsonObject toJson() const;
};

} // namespace floorline::server
