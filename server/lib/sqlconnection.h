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

    /// Opens the file at `path` and runs `schema` (PRAGMAs, CREATE ... IF NOT EXISTS).
    bool open(const QString &path, const QStringList &schema, QString *error);
    QSqlDatabase database() const;

private:
    QString m_name;
};

} // namespace floorline::server
