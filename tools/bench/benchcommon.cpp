// SPDX-License-Identifier: Apache-2.0
#include "benchcommon.h"

#include "core/protocol/fingerprint.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUdpSocket>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unistd.h>

namespace floorline::bench {

double percentile(std::vector<double> samples, double p)
{
    if (samples.empty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const auto rank = std::size_t(std::ceil(p / 100.0 * double(samples.size())));
    return samples[std::clamp<std::size_t>(rank, 1, samples.size()) - 1];
}

QUrl ServerProcess::url() const
{
    QUrl url;
    url.setScheme(m_fingerprint.isEmpty() ? QStringLiteral("ws") : QStringLiteral("wss"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    return url;
}

bool joinGroup(SignalingClient &client, const QString &group)
{
    if (!QTest::qWaitFor([&] { return client.state() == SignalingClient::State::Online; }, 10000)) {
        std::fprintf(stderr, "login failed\n");
        return false;
    }
    bool done = false;
    client.send(proto::Affiliate {{group}},
                [&](const Reply<proto::SessionList> &r) { done = r.ok(); });
    if (!QTest::qWaitFor([&] { return done; }, 5000)) {
        std::fprintf(stderr, "affiliation to %s failed\n", qPrintable(group));
        return false;
    }
    return true;
}

QString defaultServerBinary()
{
    return QCoreApplication::applicationDirPath()
        + QStringLiteral("/../../server/floorline-server");
}

namespace {
quint16 freePort(bool udp)
{
    if (udp) {
        QUdpSocket s;
        s.bind(QHostAddress::LocalHost, 0);
        return s.localPort();
    }
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}
} // namespace

ServerProcess::~ServerProcess()
{
    if (m_process) {
        m_process->terminate();
        if (!m_process->waitForFinished(3000))
            m_process->kill();
    }
    if (!m_dir.isEmpty())
        QDir(m_dir).removeRecursively();
}

bool ServerProcess::start(const QString &binary, const QStringList &extraArgs, QString *error)
{
    QTemporaryDir dir;
    dir.setAutoRemove(false);
    m_dir = dir.path();
    m_port = freePort(false);
    m_rtpPort = freePort(true);
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel); // stdout: counters
    QStringList args {QStringLiteral("--port"),
                      QString::number(m_port),
                      QStringLiteral("--rtp-port"),
                      QString::number(m_rtpPort),
                      QStringLiteral("--db"),
                      m_dir + QStringLiteral("/server.sqlite"),
                      QStringLiteral("--stats-interval"),
                      QStringLiteral("1")};
    args += extraArgs;
    m_fingerprint.clear();
    if (!extraArgs.contains(QStringLiteral("--plain"))) {
        // As an operator would: the fingerprint it prints is what the clients are given.
        QProcess print;
        print.start(binary,
                    {QStringLiteral("--db"), m_dir + QStringLiteral("/server.sqlite"),
                     QStringLiteral("--fingerprint")});
        print.waitForFinished(10000);
        m_fingerprint = proto::parseFingerprint(QString::fromLatin1(print.readAllStandardOutput()));
        if (m_fingerprint.isEmpty()) {
            *error = QStringLiteral("%1 --fingerprint printed no fingerprint").arg(binary);
            return false;
        }
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("floorline.*.info=false"));
    m_process->setProcessEnvironment(env);
    m_process->start(binary, args);
    if (!m_process->waitForStarted(5000)) {
        *error = QStringLiteral("cannot start %1: %2").arg(binary, m_process->errorString());
        return false;
    }
    // Ready when the signaling port accepts connections.
    for (int i = 0; i < 100; ++i) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_port);
        if (probe.waitForConnected(100))
            return true;
        QThread::msleep(50);
    }
    *error = QStringLiteral("server did not start listening");
    return false;
}

QJsonObject ServerProcess::latestStats()
{
    m_process->waitForReadyRead(100);
    const QList<QByteArray> lines = m_process->readAllStandardOutput().split('\n');
    for (const QByteArray &line : lines) {
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (doc.isObject())
            m_stats = doc.object();
    }
    return m_stats;
}

double ServerProcess::cpuSeconds() const
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid()));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = stat.readAll();
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    const double ticks = double(fields.at(11).toLongLong() + fields.at(12).toLongLong());
    return ticks / double(sysconf(_SC_CLK_TCK));
}

} // namespace floorline::bench
