// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/protocol/codec.h"
#include "stats.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class QSslSocket;
class QWebSocket;

namespace floorline::server {

/**
 * @brief One client's WebSocket: enforces size and rate limits, decodes requests, sends frames.
 *
 * Everything malformed is answered here with an error and counted in SignalingStats, so the hub
 * only ever sees well-formed, typed requests. A client that stops reading is cut off once
 * `maxQueuedBytes` wait for it: what the server holds for one connection is bounded.
 */
class Connection : public QObject
{
    Q_OBJECT
public:
    /// What a request costs of the rate budget beyond its one message (docs/protocol.md §8).
    using Cost = std::function<int(const proto::Request &)>;

    /// `tls`: the encrypted socket beneath `socket` (wss://), or null. `maxQueuedBytes`: what
    /// may wait unsent for a client that does not read; beyond it the connection is cut.
    Connection(QWebSocket *socket, QSslSocket *tls, const proto::Limits &limits,
               qint64 maxQueuedBytes, Cost cost, SignalingStats &stats, int loginTimeoutMs,
               QObject *parent = nullptr);
    ~Connection() override;

    void sendResult(quint64 id, const QJsonObject &result);
    void sendRawResult(quint64 id, const QByteArray &result);
    void sendError(quint64 id, proto::ErrorCode code, const QString &message);
    /// Sends an event or unsolicited frame; while a request is being handled it waits until
    /// that request's response has gone out (docs/protocol.md §2: response first).
    void sendFrame(const QByteArray &frame);
    void close();

    bool helloDone() const { return m_helloDone; }
    void setHelloDone() { m_helloDone = true; }
    quint64 login() const { return m_login; }
    void setLogin(quint64 login);
    QString peer() const;
    /// The peer's IP address alone (what failed logins are counted by).
    QString peerAddress() const;
    QHostAddress peerIp() const;
    /// A password login of this connection is being checked (off the signaling thread).
    bool loginPending() const { return m_loginPending; }
    void setLoginPending(bool pending) { m_loginPending = pending; }

Q_SIGNALS:
    void requestReceived(floorline::server::Connection *connection,
                         const floorline::proto::RequestFrame &request);
    void closed(floorline::server::Connection *connection);

private:
    void onMessage(const QString &message);
    void write(const QByteArray &frame);
    bool takeTokens(double n);

    qint64 queuedBytes() const;

    QWebSocket *m_socket;
    QPointer<QSslSocket> m_tls; ///< beneath m_socket on a wss:// connection
    proto::Limits m_limits;
    qint64 m_maxQueuedBytes;
    Cost m_cost;
    SignalingStats &m_stats;
    QTimer m_loginTimer;
    QElapsedTimer m_bucketClock;
    double m_tokens;
    bool m_helloDone = false;
    bool m_loginPending = false;
    quint64 m_login = 0;
    bool m_closed = false;
    bool m_handling = false; ///< inside requestReceived()
    QList<QByteArray> m_held; ///< events raised while handling, sent after the response
};

} // namespace floorline::server
