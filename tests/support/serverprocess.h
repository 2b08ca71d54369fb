// SPDX-License-Identifier: Apache-2.0
#pragma once
// A floorline-server process on a database file, for tests that stage a crash for real
// (SIGKILL: no shutdown code runs) and a restart on the same port, where the clients that were
// connected find it again. The including test defines FLOORLINE_SERVER_BIN.

#include "core/protocol/fingerprint.h"

#include <QFileInfo>
#include <QProcess>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUrl>

#include <csignal>

namespace floorline::test {

class ServerProcess
{
public:
    /// `extra`: further command-line options (`--http-rate 2000000`).
    explicit ServerProcess(const QString &database, QStringList extra = {})
        : m_database(database)
        , m_extra(std::move(extra))
    { }
    ~ServerProcess() { kill(); }

    /// Starts the server; a second start (after kill()) binds the same port again.
    bool start()
    {
        if (m_port == 0) {
            QTcpServer probe; // a free port; the server binds it again right after
            if (!probe.listen(QHostAddress::LocalHost))
                return false;
            m_port = probe.serverPort();
        }
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QStringList args {QStringLiteral("--port"),     QString::number(m_port),
                          QStringLiteral("--rtp-port"), QStringLiteral("0"),
                          QStringLiteral("--db"),       m_database};
        // The fleet goes into the empty database once; a restart must not give it again.
        if (!QFileInfo::exists(m_database))
            args += {QStringLiteral("--demo-fleet"), QStringLiteral("30,6")};
        m_process.start(QStringLiteral(FLOORLINE_SERVER_BIN), args + m_extra);
        if (!m_process.waitForStarted())
            return false;
        return QTest::qWaitFor(
            [this] {
                QTcpSocket s;
                s.connectToHost(QHostAddress::LocalHost, m_port);
                return s.waitForConnected(100);
            },
            10000);
    }
    void kill()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        ::kill(pid_t(m_process.processId()), SIGKILL);
        m_process.waitForFinished();
    }
    QUrl url() const { return QUrl(QStringLiteral("wss://127.0.0.1:%1").arg(m_port)); }
    /// What `floorline-server --fingerprint` prints for this database: the kept certificate's.
    QByteArray fingerprint() const
    {
        QProcess print;
        print.start(QStringLiteral(FLOORLINE_SERVER_BIN),
                    {QStringLiteral("--db"), m_database, QStringLiteral("--fingerprint")});
        print.waitForFinished();
        return proto::parseFingerprint(QString::fromLatin1(print.readAllStandardOutput()));
    }

private:
    QString m_database;
    QStringList m_extra;
    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace floorline::test
