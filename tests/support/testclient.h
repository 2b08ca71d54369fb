// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/net/rtpendpoint.h"
#include "core/signaling/signalingclient.h"
#include "server/lib/server.h"

#include <QList>
#include <QTest>

#include <memory>

namespace floorline::test {

/// Starts the real server library on loopback with a small demo fleet (in-memory SQLite).
/// A server on loopback with these options (its fleet included).
std::unique_ptr<server::Server> startServer(server::ServerOptions options);
std::unique_ptr<server::Server> startServer(int units = 30, int groups = 6,
                                            server::Hub::Config config = {});

/// One of the server's counters (docs/operations.md): what really reached it.
inline qint64 stat(server::Server &server, const char *name)
{
    return server.hub()->stats().toJson().value(QLatin1String(name)).toInteger();
}

/**
 * @brief A scripted client for integration tests: real SignalingClient + real RtpEndpoint.
 *
 * Records every event and RTP packet it receives so tests can assert on what a user's console
 * would have seen and heard.
 */
class TestClient : public QObject
{
    Q_OBJECT
public:
    /// Logs in to `server` trusting its certificate, as a client given its fingerprint would.
    TestClient(const QString &user, const server::Server &server, QObject *parent = nullptr);
    /// Logs in to a server in another process, trusting the certificate `fingerprint`.
    TestClient(const QString &user, const QUrl &url, const QByteArray &fingerprint,
               QObject *parent = nullptr);

    /// Connects, logs in and waits until the relay has latched our RTP socket.
    bool login(int timeoutMs = 5000);

    template<typename R>
    std::optional<typename R::Result> call(const R &request, proto::Error *error = nullptr,
                                           int timeoutMs = 5000)
    {
        bool done = false;
        Reply<typename R::Result> result;
        client.send(request, [&](const Reply<typename R::Result> &reply) {
            result = reply;
            done = true;
            // SRTP: a floor granted at once carries its talk key in the answer.
            if constexpr (std::is_same_v<typename R::Result, proto::FloorRequestResult>) {
                if (reply.ok() && reply.value->outcome == proto::FloorOutcome::Granted)
                    rtp.setTalkKey(reply.value->key);
            }
        });
        (void)QTest::qWaitFor([&] { return done; }, timeoutMs);
        if (error)
            *error = result.error;
        return result.value;
    }

    /// Waits for an event of type E (not yet taken) matching `match`, and takes it.
    template<typename E, typename Match>
    std::optional<E> waitEvent(Match match, int timeoutMs = 5000)
    {
        std::optional<E> found;
        (void)QTest::qWaitFor(
            [&] {
                for (qsizetype i = 0; i < events.size(); ++i) {
                    if (const E *e = std::get_if<E>(&events.at(i)); e && match(*e)) {
                        found = *e;
                        events.removeAt(i);
                        return true;
                    }
                }
                return false;
            },
            timeoutMs);
        return found;
    }
    template<typename E> std::optional<E> waitEvent(int timeoutMs = 5000)
    {
        return waitEvent<E>([](const E &) { return true; }, timeoutMs);
    }
    template<typename E> int countEvents() const
    {
        int n = 0;
        for (const proto::Event &e : events)
            n += std::holds_alternative<E>(e) ? 1 : 0;
        return n;
    }

    /// Sends RTP packets as a talk spurt (marker on the first), `gapMs` apart.
    void sendSpurt(const std::vector<QByteArray> &payloads, int gapMs = 1);
    bool waitPackets(int count, int timeoutMs = 5000);

    QString user;
    QUrl url;
    SignalingClient client;
    RtpEndpoint rtp;
    QList<proto::Event> events;
    QList<quint64> eventSeqs;
    QList<ReceivedRtp> packets;
    quint32 timestamp = 0;
};

/// Stores `bytes` through `client` (media.upload, 32 KiB chunks, media.finish) and returns the
/// item's id (its SHA-256), or empty if the server refused any step.
QString uploadMedia(TestClient &client, const QByteArray &bytes, const QString &name,
                    const QString &type = QStringLiteral("image/png"));

/// The bundled speech clip `n` (1-based) encoded as 20 ms Opus packets.
std::vector<QByteArray> speechPackets(int n = 1);

} // namespace floorline::test
