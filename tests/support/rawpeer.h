// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QTest>
#include <QWebSocket>

namespace floorline::test {

/// A raw WebSocket peer that sends whatever a test gives it.
class RawPeer
{
public:
    explicit RawPeer(const QUrl &url)
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived,
                         [this](const QString &m) { received.append(m); });
        // A hostile or malformed peer does not care who the server is: any certificate does.
        QObject::connect(&socket, &QWebSocket::sslErrors, [this] { socket.ignoreSslErrors(); });
        socket.open(url);
    }
    bool connected()
    {
        return QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; },
                               3000);
    }
    /// Sends `frame` and waits for the next message; returns it parsed.
    QJsonObject exchange(const QByteArray &frame)
    {
        const qsizetype before = received.size();
        socket.sendTextMessage(QString::fromUtf8(frame));
        if (!QTest::qWaitFor([&] { return received.size() > before; }, 3000))
            return {};
        return QJsonDocument::fromJson(received.at(before).toUtf8()).object();
    }
    void hello() { exchange(R"({"type":"hello","id":1,"protocols":[1]})"); }
    QWebSocket socket;
    QStringList received;
};

} // namespace floorline::test
