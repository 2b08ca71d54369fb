// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QSqlDatabase>
#include <QStringList>

namespace floorline::server {

/**
 * @brief One named Qt SQL connection to the server's SQLite file, closed and removed with it.
 *
 * Each store has its own, under a unique name: several servers run in one process in the
 * integration tests, and Qt SQL connections are per name.
 */
class SqlConnection
{
public:
    /// `purpose` names the connection in logs ("store", "media", "push").
    explicit SqlConnection(const QString &purpose);
    ~SqlConnection();
    SqlConnection(const SqlConnection &) = delete;
    SqlConnection &operator=(const SqlConnection &) = delete;

    /// Opens the file at `path` (made 0600, created so if new) and runs `schema` (PRAGMAs,
    /// CREATE ... IF NOT EXISTS). `check`: first refuse a database that fails SQLite's
    /// quick_check, so a damaged file is never written to.
    bool open(const QString &path, const QStringList &schema, QString *error, bool check = false);
    QSqlDatabase database() const;

private:
    QString m_name;
};

} // namespace floorline::server
