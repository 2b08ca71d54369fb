// SPDX-License-Identifier: Apache-2.0
#include "stats.h"

namespace floorline::server {

QJsonObject SignalingStats::toJson() const
{
    return {{QStringLiteral("connections"), qint64(connections)},
            {QStringLiteral("logins"), qint64(logins)},
            {QStringLiteral("resumesExpired"), qint64(resumesExpired)},
            {QStringLiteral("resumes"), qint64(resumes)},
            {QStringLiteral("requests"), qint64(requests)},
            {QStringLiteral("authFailures"), qint64(authFailures)},
            {QStringLiteral("loginsThrottled"), qint64(loginsThrottled)},
            {QStringLiteral("loginsBusy"), qint64(loginsBusy)},
            {QStringLiteral("loginsRefused"), qint64(loginsRefused)},
            {QStringLiteral("badJson"), qint64(badJson)},
            {QStringLiteral("badMessage"), qint64(badMessage)},
            {QStringLiteral("unknownType"), qint64(unknownType)},
            {QStringLiteral("tooLarge"), qint64(tooLarge)},
            {QStringLiteral("rateLimited"), qint64(rateLimited)},
            {QStringLiteral("notAuthenticated"), qint64(notAuthenticated)},
            {QStringLiteral("forbidden"), qint64(forbidden)},
            {QStringLiteral("closedOversize"), qint64(closedOversize)},
            {QStringLiteral("closedProtocolError"), qint64(closedProtocolError)},
            {QStringLiteral("closedSlowReader"), qint64(closedSlowReader)},
            {QStringLiteral("floorGranted"), qint64(floorGranted)},
            {QStringLiteral("floorQueued"), qint64(floorQueued)},
            {QStringLiteral("floorDenied"), qint64(floorDenied)},
            {QStringLiteral("floorRevoked"), qint64(floorRevoked)},
            {QStringLiteral("sessionsCreated"), qint64(sessionsCreated)},
            {QStringLiteral("invitations"), qint64(invitations)},
            {QStringLiteral("unitsInvited"), qint64(unitsInvited)},
            {QStringLiteral("unitsSkipped"), qint64(unitsSkipped)},
            {QStringLiteral("mediaUploads"), qint64(mediaUploads)},
            {QStringLiteral("mediaStored"), qint64(mediaStored)},
            {QStringLiteral("mediaRefused"), qint64(mediaRefused)},
            {QStringLiteral("mediaUnreadable"), qint64(mediaUnreadable)},
            {QStringLiteral("mediaBytesIn"), qint64(mediaBytesIn)},
            {QStringLiteral("mediaBytesOut"), qint64(mediaBytesOut)},
            {QStringLiteral("pushes"), qint64(pushes)},
            {QStringLiteral("pushDuplicates"), qint64(pushDuplicates)},
            {QStringLiteral("pushRefused"), qint64(pushRefused)},
            {QStringLiteral("pushesSent"), qint64(pushesSent)},
            {QStringLiteral("pushesDelivered"), qint64(pushesDelivered)},
            {QStringLiteral("pushesOpened"), qint64(pushesOpened)},
            {QStringLiteral("pairings"), qint64(pairings)},
            {QStringLiteral("pushRecipientsFull"), qint64(pushRecipientsFull)},
            {QStringLiteral("pushesExpired"), qint64(pushesExpired)},
            {QStringLiteral("emergenciesRaised"), qint64(emergenciesRaised)},
            {QStringLiteral("emergencyAcks"), qint64(emergencyAcks)},
            {QStringLiteral("emergenciesCancelled"), qint64(emergenciesCancelled)},
            {QStringLiteral("requestMaxUs"), qint64(requestMaxUs)},
            {QStringLiteral("slowestRequest"), QLatin1String(slowestRequest)},
            {QStringLiteral("requestsOver1ms"), qint64(requestsOver1ms)},
            {QStringLiteral("requestsOver5ms"), qint64(requestsOver5ms)}};
}

} // namespace floorline::server
