// SPDX-License-Identifier: Apache-2.0
#pragma once

// A plain HTTP/1.1 client over a real TLS socket, trusting one certificate by its fingerprint
// as a console does: sends exactly the bytes a test gives (bad requests included), reads the
// answer's head and as much of its body as wanted.
#include "core/protocol/fingerprint.h"

#include <QSslSocket>
#include <QTest>
#include <QUrl>

#include <memory>

namespace floorline::test {

struct HttpAnswer
{
    int status = 0; ///< 0: no answer (closed, timed out)
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[n, v] : headers) {
            if (n.compare(name, Qt::CaseInsensitive) == 0)
                return v;
        }
        return {};
    }
};

class HttpClient
{
public:
    HttpClient(const QUrl &server, const QByteArray &fingerprint)
        : m_server(server)
        , m_fingerprint(fingerprint)
    { }

    bool connect(int timeoutMs = 5000)
    {
        m_socket = std::make_unique<QSslSocket>();
        if (m_fingerprint.isEmpty()) {
            m_socket->connectToHost(m_server.host(), quint16(m_server.port()));
            return m_socket->waitForConnected(timeoutMs);
        }
        QObject::connect(m_socket.get(), &QSslSocket::sslErrors, m_socket.get(),
                         [this](const QList<QSslError> &) {
                             if (proto::certificateFingerprint(m_socket->peerCertificate())
                                 == m_fingerprint)
                                 m_socket->ignoreSslErrors();
                         });
        m_socket->connectToHostEncrypted(m_server.host(), quint16(m_server.port()));
        return QTest::qWaitFor([&] { return m_socket->isEncrypted(); }, timeoutMs);
    }
    QSslSocket *socket() { return m_socket.get(); }

    void sendRaw(const QByteArray &bytes)
    {
        m_socket->write(bytes);
        m_socket->flush();
    }

    /// One request; `headers` as "name: value" lines.
    HttpAnswer request(const QByteArray &method, const QByteArray &path,
                       const QList<QByteArray> &headers = {}, const QByteArray &body = {},
                       int timeoutMs = 10000)
    {
        if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
            connect();
        QByteArray head
            = method + ' ' + path + " HTTP/1.1\r\nhost: " + m_server.host().toLatin1() + "\r\n";
        for (const QByteArray &h : headers)
            head += h + "\r\n";
        if (!body.isEmpty() || method == "PUT" || method == "POST")
            head += "content-length: " + QByteArray::number(body.size()) + "\r\n";
        sendRaw(head + "\r\n" + body);
        return read(timeoutMs);
    }

    /// Reads one answer (head and its whole body).
    HttpAnswer read(int timeoutMs = 10000)
    {
        HttpAnswer answer;
        QByteArray buffer;
        qsizetype end = -1;
        const bool gotHead = QTest::qWaitFor(
            [&] {
                buffer += m_socket->readAll();
                end = buffer.indexOf("\r\n\r\n");
                return end >= 0 || m_socket->state() != QAbstractSocket::ConnectedState;
            },
            timeoutMs);
        if (!gotHead || end < 0) {
            m_leftover = buffer;
            return answer;
        }
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        answer.status = lines.first().split(' ').value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            answer.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
        }
        const qint64 length = answer.header("content-length").toLongLong();
        answer.body = buffer.mid(end + 4);
        (void)QTest::qWaitFor(
            [&] {
                answer.body += m_socket->readAll();
                return answer.body.size() >= length
                    || m_socket->state() != QAbstractSocket::ConnectedState;
            },
            timeoutMs);
        answer.body += m_socket->readAll();
        return answer;
    }

    bool closedByServer(int timeoutMs = 5000)
    {
        return QTest::qWaitFor(
            [&] {
                m_socket->readAll();
                return m_socket->state() == QAbstractSocket::UnconnectedState;
            },
            timeoutMs);
    }

private:
    QUrl m_server;
    QByteArray m_fingerprint;
    std::unique_ptr<QSslSocket> m_socket;
    QByteArray m_leftover;
};

} // namespace floorline::test
