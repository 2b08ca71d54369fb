// SPDX-License-Identifier: Apache-2.0
#include "recordingstore.h"

#include "oggopusfile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

Q_LOGGING_CATEGORY(lcRecordings, "floorline.server.recordings", QtInfoMsg)

namespace floorline::server {

namespace {
constexpr const char *kColumns = "id, session, grp, talker, alias, started, ended, state, file, "
                                 "bytes, duration_ms, priority, emergency, media";

const char *const kStates[] = {"recording", "complete", "cut", "lost"};

RecordingRow::State stateOf(const QString &name)
{
    for (int i = 0; i < 4; ++i) {
        if (name == QLatin1String(kStates[i]))
            return RecordingRow::State(i);
    }
    return RecordingRow::State::Lost;
}

RecordingRow rowFrom(const QSqlQuery &q)
{
    RecordingRow r;
    r.id = q.value(0).toLongLong();
    r.session = q.value(1).toString();
    r.group = q.value(2).toString();
    r.talker = q.value(3).toString();
    r.alias = q.value(4).toString();
    r.startedMs = q.value(5).toLongLong();
    r.endedMs = q.value(6).toLongLong();
    r.state = stateOf(q.value(7).toString());
    r.file = q.value(8).toString();
    r.bytes = q.value(9).toLongLong();
    r.durationMs = q.value(10).toLongLong();
    r.priority = q.value(11).toInt();
    r.emergency = q.value(12).toBool();
    r.media = q.value(13).toString();
    return r;
}

QString select(const char *where)
{
    return QStringLiteral("SELECT %1 FROM recordings %2")
        .arg(QLatin1String(kColumns), QLatin1String(where));
}
} // namespace

RecordingStore::RecordingStore() = default;
RecordingStore::~RecordingStore() = default;

QString RecordingStore::stateName(RecordingRow::State state)
{
    return QLatin1String(kStates[int(state)]);
}

bool RecordingStore::open(const QString &databasePath, const QString &directory, QString *error)
{
    m_directory = directory;
    if (!QDir().mkpath(directory)) {
        *error = QStringLiteral("cannot make the recordings directory %1").arg(directory);
        return false;
    }
    return m_db.open(
        databasePath,
        {QStringLiteral(
             "CREATE TABLE IF NOT EXISTS recordings (id INTEGER PRIMARY KEY AUTOINCREMENT, "
             "session TEXT NOT NULL, grp TEXT, talker TEXT NOT NULL, alias TEXT, "
             "started INTEGER NOT NULL, ended INTEGER NOT NULL DEFAULT 0, state TEXT NOT NULL, "
             "file TEXT, bytes INTEGER NOT NULL DEFAULT 0, duration_ms INTEGER NOT NULL DEFAULT "
             "0, priority INTEGER NOT NULL, emergency INTEGER NOT NULL, media TEXT)"),
         QStringLiteral("CREATE INDEX IF NOT EXISTS recordings_group ON recordings (grp, started)"),
         QStringLiteral(
             "CREATE INDEX IF NOT EXISTS recordings_session ON recordings (session, started)"),
         QStringLiteral(
             "CREATE INDEX IF NOT EXISTS recordings_talker ON recordings (talker, started)"),
         QStringLiteral("CREATE INDEX IF NOT EXISTS recordings_state ON recordings (state)")},
        error);
}

QString RecordingStore::absolutePath(const RecordingRow &row) const
{
    return row.file.isEmpty() ? QString() : QDir(m_directory).filePath(row.file);
}

bool RecordingStore::begin(RecordingRow &row)
{
    QSqlDatabase db = m_db.database();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO recordings (session, grp, talker, alias, started, state, "
                             "priority, emergency, media) VALUES (?,?,?,?,?,?,?,?,?)"));
    q.addBindValue(row.session);
    q.addBindValue(row.group);
    q.addBindValue(row.talker);
    q.addBindValue(row.alias);
    q.addBindValue(row.startedMs);
    q.addBindValue(stateName(RecordingRow::State::Recording));
    q.addBindValue(row.priority);
    q.addBindValue(row.emergency ? 1 : 0);
    q.addBindValue(row.media);
    if (!q.exec()) {
        qCWarning(lcRecordings) << "cannot index a recording:" << q.lastError().text();
        return false;
    }
    row.id = q.lastInsertId().toLongLong();
    row.state = RecordingRow::State::Recording;
    // A folder per day keeps directories small and an operator's `ls` readable.
    const QDateTime started = QDateTime::fromMSecsSinceEpoch(row.startedMs, Qt::UTC);
    row.file = started.toString(QStringLiteral("yyyy/MM/dd/")) + QString::number(row.id)
        + QStringLiteral(".opus");
    QDir().mkpath(QFileInfo(absolutePath(row)).path());
    QSqlQuery file(db);
    file.prepare(QStringLiteral("UPDATE recordings SET file = ? WHERE id = ?"));
    file.addBindValue(row.file);
    file.addBindValue(row.id);
    return file.exec();
}

bool RecordingStore::finish(qint64 id, RecordingRow::State state, qint64 endedMs, qint64 bytes,
                            qint64 durationMs)
{
    QSqlQuery q(m_db.database());
    if (state == RecordingRow::State::Lost)
        q.prepare(QStringLiteral("UPDATE recordings SET state = ?, ended = ?, bytes = ?, "
                                 "duration_ms = ?, file = NULL WHERE id = ?"));
    else
        q.prepare(QStringLiteral("UPDATE recordings SET state = ?, ended = ?, bytes = ?, "
                                 "duration_ms = ? WHERE id = ?"));
    q.addBindValue(stateName(state));
    q.addBindValue(endedMs);
    q.addBindValue(bytes);
    q.addBindValue(durationMs);
    q.addBindValue(id);
    return q.exec();
}

std::optional<RecordingRow> RecordingStore::row(qint64 id) const
{
    QSqlQuery q(m_db.database());
    q.prepare(select("WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return rowFrom(q);
}

QList<RecordingRow> RecordingStore::find(const RecordingQuery &query) const
{
    QStringList where {QStringLiteral("state != 'recording'")};
    QVariantList values;
    const auto match = [&](const char *column, const QString &value) {
        if (!value.isEmpty()) {
            where.append(QLatin1String(column) + QStringLiteral(" = ?"));
            values.append(value);
        }
    };
    match("session", query.session);
    match("grp", query.group);
    match("talker", query.talker);
    if (query.fromMs > 0) {
        where.append(QStringLiteral("started >= ?"));
        values.append(query.fromMs);
    }
    if (query.toMs > 0) {
        where.append(QStringLiteral("started < ?"));
        values.append(query.toMs);
    }
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("SELECT %1 FROM recordings WHERE %2 ORDER BY started %3, id %3 "
                             "LIMIT %4")
                  .arg(QLatin1String(kColumns), where.join(QStringLiteral(" AND ")),
                       query.newestFirst ? QStringLiteral("DESC") : QStringLiteral("ASC"))
                  .arg(std::max(1, query.limit)));
    for (const QVariant &v : values)
        q.addBindValue(v);
    QList<RecordingRow> out;
    if (q.exec()) {
        while (q.next())
            out.append(rowFrom(q));
    }
    return out;
}

qint64 RecordingStore::totalBytes() const
{
    QSqlQuery q(m_db.database());
    return q.exec(QStringLiteral("SELECT COALESCE(SUM(bytes), 0) FROM recordings")) && q.next()
        ? q.value(0).toLongLong()
        : 0;
}

int RecordingStore::recover()
{
    QSqlQuery q(m_db.database());
    if (!q.exec(select("WHERE state = 'recording'")))
        return 0;
    QList<RecordingRow> open;
    while (q.next())
        open.append(rowFrom(q));
    for (const RecordingRow &r : open) {
        const QString path = absolutePath(r);
        const QString part = path + QStringLiteral(".part");
        // Finished and renamed, but the server stopped before the index heard of it.
        if (const auto info = readOggOpus(path); info && info->complete && !QFile::exists(part)) {
            finish(r.id, RecordingRow::State::Complete, r.startedMs + info->durationMs(),
                   QFileInfo(path).size(), info->durationMs());
            continue;
        }
        QFile::remove(path);
        const auto repaired = QFile::exists(part) ? repairOggOpus(part, path) : std::nullopt;
        QFile::remove(part);
        if (repaired) {
            finish(r.id, RecordingRow::State::Cut, r.startedMs + repaired->durationMs(),
                   QFileInfo(path).size(), repaired->durationMs());
            qCInfo(lcRecordings) << "recording" << r.id << "was cut off; kept"
                                 << repaired->durationMs() << "ms";
        } else {
            finish(r.id, RecordingRow::State::Lost, r.startedMs, 0, 0);
            qCInfo(lcRecordings) << "recording" << r.id << "was cut off before any audio";
        }
    }
    return int(open.size());
}

bool RecordingStore::remove(const RecordingRow &row)
{
    const QString path = absolutePath(row);
    if (!path.isEmpty() && QFile::exists(path) && !QFile::remove(path))
        return false; // kept in the index while its file is still there
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("DELETE FROM recordings WHERE id = ?"));
    q.addBindValue(row.id);
    return q.exec();
}

int RecordingStore::sweep(qint64 olderThanMs, qint64 maxBytes)
{
    int removed = 0;
    QSqlQuery old(m_db.database());
    old.prepare(select("WHERE state != 'recording' AND started < ? ORDER BY started"));
    old.addBindValue(olderThanMs);
    QList<RecordingRow> rows;
    if (old.exec()) {
        while (old.next())
            rows.append(rowFrom(old));
    }
    for (const RecordingRow &r : rows)
        removed += remove(r) ? 1 : 0;
    if (maxBytes > 0) {
        qint64 total = totalBytes();
        QList<RecordingRow> oldestFirst;
        QSqlQuery oldest(m_db.database());
        oldest.prepare(select("WHERE state != 'recording' ORDER BY started, id"));
        if (total > maxBytes && oldest.exec()) {
            while (oldest.next())
                oldestFirst.append(rowFrom(oldest));
        }
        for (const RecordingRow &r : oldestFirst) {
            if (total <= maxBytes)
                break;
            if (remove(r)) {
                total -= r.bytes;
                ++removed;
            }
        }
    }
    if (removed > 0)
        qCInfo(lcRecordings) << "retention removed" << removed << "recordings";
    return removed;
}

} // namespace floorline::server
