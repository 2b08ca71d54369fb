// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "httpexchange.h"
#include "httppacer.h"
#include "httpstats.h"

#include <QObject>
#include <QTimer>

#include <memory>

class QTcpSocket;

namespace floorline::server {

/**
 * @brief One HTTP/1.1 connection on the signaling port (docs/protocol.md §13): requests one
 * after the other (keep-alive), bodies fed to their exchange as they arrive, answers streamed
 * as the peer reads them.
 *
 * A peer costs the others little: a head must arrive within kHeadTimeoutMs and pass no limit;
 * a body must keep coming (kIdleTimeoutMs between pieces); an answer is read from its source
 * only while less than kWriteAheadBytes wait unsent, so a peer that stops reading holds that
 * much memory, and is cut off after kStalledWriteMs without progress.
 * Thread rule: the server's signaling thread. Deletes itself (and its socket) when done.
 */
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    static constexpr int kHeadTimeoutMs = 10000;
    static constexpr int kIdleTimeoutMs = 30000;
    static constexpr int kStalledWriteMs = 30000;
    static constexpr qint64 kWriteAheadBytes = 1024 * 1024;
    static constexpr qint64 kPieceBytes = 256 * 1024;

    /// Takes `socket` (already encrypted, or plain on loopback), with what was read from it
    /// while telling HTTP from a WebSocket upgrade (nothing: the bytes are still buffered).
    HttpConnection(QTcpSocket *socket, HttpRoutes &routes, HttpStats &stats, HttpPacer &pacer,
                   QObject *parent = nullptr);
    ~HttpConnection() override;

private:
    void onReadable();
    void onWritten();
    void startHead();
    void answer(HttpResponse response, bool close = false);
    void pump();
    void finishResponse();
    void refuse(int status, const QByteArray &why, bool close = true);
    /// What the peer has not taken yet: the plain bytes and, on TLS, the encrypted ones.
    qint64 unsent() const;

    QTcpSocket *m_socket;
    HttpRoutes &m_routes;
    HttpStats &m_stats;
    HttpPacer &m_pacer;
    QTimer m_paced; ///< the pacer said wait: reading or sending goes on from here
    QByteArray m_buffer; ///< head bytes read so far
    HttpRequest m_request;
    std::unique_ptr<HttpExchange> m_exchange;
    qint64 m_bodyLeft = 0;
    bool m_reading = true; ///< reading a head or a body (not answering)
    bool m_inBody = false;
    bool m_closeAfter = false;
    bool m_draining = false; ///< the answer is all written, not all taken: the next head waits
    /// The answer being streamed: its source, where it stands, how much is left.
    HttpResponse m_response;
    qint64 m_sent = 0;
    QTimer m_deadline; ///< head, body or a stalled answer
};

} // namespace floorline::server
