// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace floorline::server {

/**
 * Files that hold what the server must keep to itself (the database holds the password hashes;
 * media are readable only by those they were shared with) are the server user's alone: 0600
 * files in 0700 directories, and data written to them is on the disk before the index that
 * names it commits.
 */
namespace privatefiles {

/// Creates `path` (and its parents) if missing; the leaf and every level made becomes 0700.
bool makeDirectory(const QString &path, QString *error);
/// Creates an empty `path` if missing; it (and SQLite's -wal and -shm beside it) becomes 0600.
bool restrictFile(const QString &path, QString *error);
/// Flushes `path`'s data to the disk (fsync).
bool sync(const QString &path);
/// Flushes a directory's entries (a rename into it) to the disk; a no-op where the system has
/// no such call (Windows).
bool syncDirectory(const QString &path);

} // namespace privatefiles
} // namespace floorline::server
