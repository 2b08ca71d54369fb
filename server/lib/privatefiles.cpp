// SPDX-License-Identifier: Apache-2.0
#include "privatefiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <fcntl.h>
#include <unistd.h>
#endif

namespace floorline::server::privatefiles {

namespace {
constexpr QFileDevice::Permissions kFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kDirectory = kFile | QFileDevice::ExeOwner;
} // namespace

bool makeDirectory(const QString &path, QString *error)
{
    // Every level made here is 0700, not only the leaf: `--db /srv/new/server.sqlite` makes
    // /srv/new, which then holds the database. Levels that exist are someone else's choice.
    QStringList missing;
    for (QString level = QDir::cleanPath(QDir(path).absolutePath()); !QFileInfo::exists(level);) {
        missing.prepend(level);
        const QString up = QFileInfo(level).absolutePath();
        if (up == level)
            break;
        level = up;
    }
    for (const QString &level : std::as_const(missing)) {
        if (!QDir().mkdir(level) && !QDir(level).exists()) {
            *error = QStringLiteral("cannot create the directory %1").arg(level);
            return false;
        }
        QFile::setPermissions(level, kDirectory);
    }
    if (!QFile::setPermissions(path, kDirectory)) {
        *error = QStringLiteral("cannot create the directory %1 (mode 0700)").arg(path);
        return false;
    }
    return true;
}

bool restrictFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.exists() && !file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot create %1: %2").arg(path, file.errorString());
        return false;
    }
    file.close();
    if (!QFile::setPermissions(path, kFile)) {
        *error = QStringLiteral("cannot make %1 private (mode 0600)").arg(path);
        return false;
    }
    // SQLite makes its journal files with the database's mode; older ones are tightened too.
    for (const char *suffix : {"-wal", "-shm"}) {
        const QString side = path + QLatin1String(suffix);
        if (QFileInfo::exists(side))
            QFile::setPermissions(side, kFile);
    }
    return true;
}

bool sync(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
        return false;
#ifdef Q_OS_WIN
    return _commit(file.handle()) == 0;
#else
    return ::fsync(file.handle()) == 0;
#endif
}

bool syncDirectory(const QString &path)
{
#ifdef Q_OS_WIN
    Q_UNUSED(path);
    return true;
#else
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
#endif
}

} // namespace floorline::server::privatefiles
