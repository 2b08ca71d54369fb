// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QRandomGenerator>
#include <QSslSocket>
#include <QTest>
#include <QUrl>

namespace floorline::test {

/**
 * @brief A WebSocket client that sends requests and never reads the answers: the hostile
 * client a server must cut off before it queues without bound. It speaks the handshake and
 * masked text frames itself, over a TCP (wss://: TLS) socket whose read buffer is tiny and
 * never drained, so the kernel's buffers fill and the server's writes back up.
 */
class StubbornPeer
{
public:
    explicit StubbornPeer(const QUrl &url)
    {
        // The server may run in this thread: wait by spinning the event loop, never blocking.
        const bool tls = url.scheme() == QLatin1String("wss");
        if (tls) {
            QObject::connect(&m_socket, &QSslSocket::sslErrors,
                             [this] { m_socket.ignoreSslErrors(); });
            m_socket.connectToHostEncrypted(url.host(), quint16(url.port()));
        } else {
            m_socket.connectToHost(url.host(), quint16(url.port()));
        }
        if (!QTest::qWaitFor(
                [&] {
                    return m_socket.state() == QAbstractSocket::ConnectedState
                        && (!tls || m_socket.isEncrypted());
                },
                3000))
            return;
        m_socket.write("GET / HTTP/1.1\r\nHost: " + url.host().toLatin1()
                       + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                         "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                         "Sec-WebSocket-Version: 13\r\n\r\n");
        QByteArray response;
        (void)QTest::qWaitFor(
            [&] {
                response += m_socket.readAll();
                return response.contains("\r\n\r\n");
            },
            3000);
        m_open = response.startsWith("HTTP/1.1 101");
        // From here on nothing is read: a small buffer that fills and stays full.
        m_socket.setReadBufferSize(1024);
    }

    bool isOpen() const { return m_open && m_socket.state() == QAbstractSocket::ConnectedState; }

    /// One masked text frame, as every client must send.
    void send(const QByteArray &text)
    {
        QByteArray frame;
        frame.append(char(0x81));
        const qsizetype n = text.size();
        if (n < 126) {
            frame.append(char(0x80 | n));
        } else {
            frame.append(char(0x80 | 126));
            frame.append(char((n >> 8) & 0xff));
            frame.append(char(n & 0xff));
        }
        const quint32 mask = QRandomGenerator::global()->generate();
        const char key[4] = {char(mask >> 24), char(mask >> 16), char(mask >> 8), char(mask)};
        frame.append(key, 4);
        for (qsizetype i = 0; i < n; ++i)
            frame.append(char(text.at(i) ^ key[i % 4]));
        m_socket.write(frame);
        m_socket.flush();
    }

    QSslSocket &socket() { return m_socket; }

private:
    QSslSocket m_socket;
    bool m_open = false;
};

} // namespace floorline::test
