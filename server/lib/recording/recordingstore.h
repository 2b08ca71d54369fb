// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "server/lib/sqlconnection.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace floorline::server {

/// @brief One recorded talk spurt as the index keeps it.
struct RecordingRow
{
    /// recording: being written; complete; cut: the server stopped mid-spurt and the file
    /// holds what arrived until then; lost: nothing playable arrived or survived (no file).
    enum class State { Recording, Complete, Cut, Lost };

    qint64 id = 0;
    QString session; ///< the session's id ("group:tg-001", or a call's)
    QString group; ///< empty for calls
    QString talker; ///< unit id
    QString alias;
    qint64 startedMs = 0; ///< wall clock, ms since the epoch: the floor was taken
    qint64 endedMs = 0; ///< the floor moved on (0 while recording)
    State state = State::Recording;
    QString file; ///< relative to the recordings directory; empty when lost
    qint64 bytes = 0;
    qint64 durationMs = 0; ///< of the audio in the file
    int priority = 0;
    bool emergency = false;
    QString media; ///< the media item that rode the spurt (its id), if any
};

/// @brief What a history search asks for: all given fields must match.
struct RecordingQuery
{
    QString session;
    QString group;
    QString talker;
    qint64 fromMs = 0; ///< started at or after
    qint64 toMs = 0; ///< started before (0: no bound)
    int limit = 100;
    bool newestFirst = true;
};

/**
 * @brief The index of recorded spurts (SQLite, the server's database) beside their files.
 *
 * A row is written when a spurt starts (state `recording`) and completed when it ends, so a
 * server killed mid-spurt finds the row at its next start: recover() then makes the file that
 * was being written complete (what arrived, `cut`) or removes it (`lost`). Retention removes
 * the oldest finished recordings, file and row together.
 */
class RecordingStore
{
public:
    RecordingStore();
    ~RecordingStore();

    /// `directory`: where the files are (created if missing).
    bool open(const QString &databasePath, const QString &directory, QString *error);
    const QString &directory() const { return m_directory; }
    QString absolutePath(const RecordingRow &row) const;

    /// A new row in state `recording`; fills `row.id` and `row.file`. False on a database error.
    bool begin(RecordingRow &row);
    bool finish(qint64 id, RecordingRow::State state, qint64 endedMs, qint64 bytes,
                qint64 durationMs);
    std::optional<RecordingRow> row(qint64 id) const;
    QList<RecordingRow> find(const RecordingQuery &query) const;
    qint64 totalBytes() const;

    /// Rows left `recording` by a server that stopped without finishing them: each file is
    /// made whole (cut) or removed (lost). Returns how many rows were settled.
    int recover();
    /// Removes finished recordings that started before `olderThanMs`, then the oldest until
    /// the files take at most `maxBytes` (0: no bound). Returns how many went.
    int sweep(qint64 olderThanMs, qint64 maxBytes);

    static QString stateName(RecordingRow::State state);

private:
    bool remove(const RecordingRow &row);

    SqlConnection m_db {QStringLiteral("recordings")};
    QString m_directory;
};

} // namespace floorline::server

Q_DECLARE_METATYPE(floorline::server::RecordingRow)
