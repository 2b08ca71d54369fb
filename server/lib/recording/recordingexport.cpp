// SPDX-License-Identifier: Apache-2.0
#include "recordingexport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace floorline::server {

namespace {
/// Only what every file system and shell takes as it is.
QString safe(QString text)
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]+"));
    return text.replace(unsafe, QStringLiteral("-"));
}

QString csv(const QString &field)
{
    if (!field.contains(QLatin1Char(',')) && !field.contains(QLatin1Char('"'))
        && !field.contains(QLatin1Char('\n')))
        return field;
    return QLatin1Char('"') + QString(field).replace(QStringLiteral("\""), QStringLiteral("\"\""))
        + QLatin1Char('"');
}

QString isoTime(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs)
                  : QString();
}
} // namespace

QString RecordingExport::fileName(const RecordingRow &row)
{
    const QDateTime started = QDateTime::fromMSecsSinceEpoch(row.startedMs, Qt::UTC);
    return started.toString(QStringLiteral("yyyyMMdd-HHmmss.zzz")) + QLatin1Char('_')
        + safe(row.session) + QLatin1Char('_') + safe(row.talker) + QStringLiteral(".opus");
}

int RecordingExport::run(RecordingQuery query, const QString &directory, QString *error) const
{
    if (!QDir().mkpath(directory)) {
        *error = QStringLiteral("cannot make %1").arg(directory);
        return -1;
    }
    query.newestFirst = false;
    if (query.limit <= 0 || query.limit == RecordingQuery().limit)
        query.limit = 1000000;
    const QList<RecordingRow> rows = m_store.find(query);
    QFile index(QDir(directory).filePath(QStringLiteral("index.csv")));
    if (!index.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) {
        *error = QStringLiteral("cannot write %1: %2").arg(index.fileName(), index.errorString());
        return -1;
    }
    index.write("file,started_utc,ended_utc,duration_ms,session,group,talker,alias,state,"
                "priority,emergency,media,recording\n");
    int written = 0;
    for (const RecordingRow &row : rows) {
        QString name;
        if (row.state == RecordingRow::State::Complete || row.state == RecordingRow::State::Cut) {
            name = fileName(row);
            const QString to = QDir(directory).filePath(name);
            QFile::remove(to);
            if (!QFile::copy(m_store.absolutePath(row), to)) {
                *error = QStringLiteral("cannot copy recording %1 to %2").arg(row.id).arg(to);
                return -1;
            }
            ++written;
        }
        const QStringList fields {name,
                                  isoTime(row.startedMs),
                                  isoTime(row.endedMs),
                                  QString::number(row.durationMs),
                                  row.session,
                                  row.group,
                                  row.talker,
                                  row.alias,
                                  RecordingStore::stateName(row.state),
                                  QString::number(row.priority),
                                  row.emergency ? QStringLiteral("1") : QStringLiteral("0"),
                                  row.media,
                                  QString::number(row.id)};
        QStringList cells;
        for (const QString &f : fields)
            cells.append(csv(f));
        index.write(cells.join(QLatin1Char(',')).toUtf8() + '\n');
    }
    return written;
}

} // namespace floorline::server
