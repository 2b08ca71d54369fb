// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "recordingstore.h"

#include <QString>

namespace floorline::server {

/**
 * @brief Copies recorded spurts out of the server for people who are not Floorline users: an
 * incident reviewer, a court. Each spurt becomes a standard Ogg Opus file named after its time,
 * session and talker (any player opens it; its tags say the same), and `index.csv` lists them
 * in order with everything the index knows.
 */
class RecordingExport
{
public:
    explicit RecordingExport(const RecordingStore &store)
        : m_store(store)
    { }

    /// Copies what `query` finds (oldest first) into `directory` (made if missing). Returns
    /// how many files were written, -1 on an error (`error` says which).
    int run(RecordingQuery query, const QString &directory, QString *error) const;

    /// How an exported file is named: `20261203-141502.123_group-tg-001_unit-0001.opus`.
    static QString fileName(const RecordingRow &row);

private:
    const RecordingStore &m_store;
};

} // namespace floorline::server
