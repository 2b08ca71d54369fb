// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QUrl>

#include "core/signaling/signalingclient.h"
#include <QStringList>

#include <memory>
#include <vector>

namespace floorline::bench {

/// p-th percentile (0..100) of `samples` by nearest rank; sorts a copy.
double percentile(std::vector<double> samples, double p);

/// Runs floorline-server as a child process on free ports with a fresh database.
class ServerProcess
{
public:
    ~ServerProcess();
    /// Starts the binary next to the bench (or `binary`) with `extraArgs`; waits until it listens.
    bool start(const QString &binary, const QStringList &extraArgs, QString *error);
    quint16 port() const { return m_port; }
    /// wss:// unless started with --plain.
    QUrl url() const;
    /// SHA-256 of its certificate, as `floorline-server --fingerprint` printed it; empty: ws://.
    QByteArray fingerprint() const { return m_fingerprint; }
    quint16 rtpPort() const { return m_rtpPort; }
    qint64 pid() const { return m_process ? m_process->processId() : 0; }
    /// CPU seconds (user + system) the server has used so far, from /proc.
    double cpuSeconds() const;
    /// The newest counters line the server printed (it runs with --stats-interval 1).
    QJsonObject latestStats();

private:
    std::unique_ptr<QProcess> m_process;
    QString m_dir;
    quint16 m_port = 0;
    quint16 m_rtpPort = 0;
    QByteArray m_fingerprint;
    QJsonObject m_stats;
};

QString defaultServerBinary();

/// Waits until `client` is online, then affiliates it to `group`. False (with a message on
/// stderr) if either does not happen within a few seconds.
bool joinGroup(SignalingClient &client, const QString &group);

} // namespace floorline::bench
