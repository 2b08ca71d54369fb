// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <type_traits>
#include <utility>

namespace floorline::proto {

/**
 * @brief Strict, error-collecting reader for one JSON object of the wire protocol.
 *
 * Message structs read their fields through it so every message validates the same way: a missing
 * or mistyped field, a value out of range or a list that is too long records one error naming the
 * field path, and reading goes on harmlessly so a struct's read() needs no early returns. Unknown
 * fields are ignored (protocol principle: forward compatibility).
 */
class JsonReader
{
public:
    explicit JsonReader(QJsonObject object, QString path = {});

    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    void fail(const QString &field, const QString &what);
    /// Takes over the first error of a child reader (see child()).
    void absorb(const JsonReader &child);
    const QJsonObject &object() const { return m_object; }
    bool has(const char *key) const;

    /// A string of at most maxLength characters; required unless a default is given.
    QString string(const char *key, int maxLength = 256, std::optional<QString> fallback = {});
    /// An identifier: 1..64 characters of [A-Za-z0-9._:@-].
    QString id(const char *key);
    /// A SHA-256 in 64 lower-case hex digits (media ids); empty when absent and not required.
    QString sha256(const char *key, bool required = true);
    /// Exactly `digits` lower-case hex digits (keys); empty when absent and not required.
    QString hex(const char *key, int digits, bool required = true);
    std::optional<QString> optionalId(const char *key);
    qint64 integer(const char *key, qint64 min, qint64 max, std::optional<qint64> fallback = {});
    bool boolean(const char *key, std::optional<bool> fallback = {});
    QStringList idList(const char *key, int maxItems, bool required = true);
    /// A nested object; an invalid one yields an empty reader carrying the error.
    JsonReader child(const char *key);

    /// Reads a list of structs that have `void read(JsonReader &)`.
    template<typename T> QList<T> list(const char *key, int maxItems, bool required = true)
    {
        QList<T> out;
        const QJsonArray array = arrayField(key, maxItems, required);
        for (qsizetype i = 0; i < array.size() && ok(); ++i) {
            if (!array.at(i).isObject()) {
                fail(QStringLiteral("%1[%2]").arg(QLatin1String(key)).arg(i),
                     QStringLiteral("must be an object"));
                break;
            }
            JsonReader item(array.at(i).toObject(),
                            fieldPath(QStringLiteral("%1[%2]").arg(QLatin1String(key)).arg(i)));
            T value;
            value.read(item);
            if (!item.ok()) {
                m_error = item.error();
                break;
            }
            out.append(std::move(value));
        }
        return out;
    }

    /// Maps a string field onto an enum through a table of {name, value} pairs.
    template<typename E, std::size_t N>
    E enumeration(const char *key, const std::pair<const char *, E> (&table)[N],
                  std::type_identity_t<std::optional<E>> fallback = {})
    {
        if (!has(key) && fallback)
            return *fallback;
        const QString name = string(key, 64);
        for (const auto &[text, value] : table) {
            if (name == QLatin1String(text))
                return value;
        }
        if (ok())
            fail(QString::fromLatin1(key), QStringLiteral("unknown value '%1'").arg(name));
        return table[0].second;
    }

    static bool isValidId(const QString &id);

private:
    QJsonArray arrayField(const char *key, int maxItems, bool required);
    QString fieldPath(const QString &field) const;

    QJsonObject m_object;
    QString m_path;
    QString m_error;
};

/// Name of an enum value in a {name, value} table (the inverse of JsonReader::enumeration).
template<typename E, std::size_t N>
QString enumName(const std::pair<const char *, E> (&table)[N], E value)
{
    for (const auto &[text, v] : table) {
        if (v == value)
            return QLatin1String(text);
    }
    return QLatin1String(table[0].first);
}

QJsonArray toJsonArray(const QStringList &list);

template<typename T> QJsonArray toJsonArray(const QList<T> &items)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(item.toJson());
    return array;
}

} // namespace floorline::proto
