// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QString>

namespace floorline::server {

/**
 * @brief Failed logins back off, per account and per address: after a few free failures each
 * further attempt waits twice as long as the one before, up to a minute; a quiet quarter of an
 * hour forgives, and the account's own success forgives the account. 100 connections can no longer
 * try 6,600 passwords a second against one account; a refused attempt costs no password check.
 */
class LoginThrottle
{
public:
    struct Config
    {
        int accountFailures = 5; ///< free failures per account before it waits
        int addressFailures = 20; ///< per address: one person may mistype on several accounts
        qint64 maxDelayMs = 60000;
        qint64 forgetMs = 15 * 60000;
        int maxEntries = 100000; ///< per kind; the oldest are forgotten beyond it
    };

    explicit LoginThrottle(Config config);

    /// How long `account` from `address` must wait before a password is checked again; 0: now.
    qint64 waitMs(const QString &account, const QString &address, qint64 nowMs) const;
    /// Returns the account's failures in a row.
    int failed(const QString &account, const QString &address, qint64 nowMs);
    void succeeded(const QString &account);

private:
    struct Entry
    {
        int failures = 0;
        qint64 lastMs = 0;
        qint64 allowedMs = 0;
    };
    Entry bump(QHash<QString, Entry> &table, const QString &key, int free, qint64 nowMs);
    qint64 waitIn(const QHash<QString, Entry> &table, const QString &key, qint64 nowMs) const;

    Config m_config;
    QHash<QString, Entry> m_accounts;
    QHash<QString, Entry> m_addresses;
};

} // namespace floorline::server
