// SPDX-License-Identifier: Apache-2.0
#include "evdevscan.h"

#include <QDir>
#include <QFile>

#include <algorithm>

namespace floorline::input {

namespace {
QString readLine(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readLine()).trimmed();
}

/// capabilities/key is a bitmap in hex words, most significant first; "0" when the device
/// has no keys (a mouse's relative axes, the power button's… which has one).
bool hasKeys(const QString &bitmap)
{
    const QStringList words = bitmap.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return std::any_of(words.cbegin(), words.cend(),
                       [](const QString &w) { return w.toULongLong(nullptr, 16) != 0; });
}

/// Most of the letter keys (KEY_Q..KEY_P, KEY_A..KEY_L, KEY_Z..KEY_M: codes 16-25, 30-38,
/// 44-50, all in the lowest 64-bit word, the last one listed).
bool looksLikeKeyboard(const QString &bitmap)
{
    const QStringList words = bitmap.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return false;
    const quint64 low = words.last().toULongLong(nullptr, 16);
    int letters = 0;
    for (const auto &[from, to] : {std::pair {16, 25}, std::pair {30, 38}, std::pair {44, 50}}) {
        for (int code = from; code <= to; ++code)
            letters += (low >> code) & 1;
    }
    return letters >= 20;
}
} // namespace

QList<EvdevNode> scanEvdev(const QString &sysClass, const QString &devDir)
{
    QList<EvdevNode> nodes;
    QStringList entries
        = QDir(sysClass).entryList({QStringLiteral("event*")}, QDir::AllEntries | QDir::System);
    // event2 before event10, as people count.
    std::sort(entries.begin(), entries.end(), [](const QString &a, const QString &b) {
        return a.mid(5).toInt() < b.mid(5).toInt();
    });
    for (const QString &entry : std::as_const(entries)) {
        const QString base = sysClass + QLatin1Char('/') + entry + QStringLiteral("/device/");
        const QString keys = readLine(base + QStringLiteral("capabilities/key"));
        if (!hasKeys(keys))
            continue;
        const QString path = devDir + QLatin1Char('/') + entry;
        if (!QFile::exists(path))
            continue; // udev has not made the node yet: the next scan finds it
        EvdevNode node;
        node.path = path;
        node.device.name = readLine(base + QStringLiteral("name"));
        node.device.keyboard = looksLikeKeyboard(keys);
        node.device.key = QStringLiteral("%1 [%2:%3]")
                              .arg(node.device.name, readLine(base + QStringLiteral("id/vendor")),
                                   readLine(base + QStringLiteral("id/product")));
        nodes << node;
    }
    return nodes;
}

} // namespace floorline::input
