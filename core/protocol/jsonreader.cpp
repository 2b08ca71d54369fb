// SPDX-License-Identifier: Apache-2.0
#include "jsonreader.h"

#include <algorithm>

#include <cmath>

#include <QRegularExpression>

namespace floorline::proto {

JsonReader::JsonReader(QJsonObject object, QString path)
    : m_object(std::move(object))
    , m_path(std::move(path))
{ }

void JsonReader::fail(const QString &field, const QString &what)
{
    if (m_error.isEmpty())
        m_error = QStringLiteral("%1: %2").arg(fieldPath(field), what);
}

void JsonReader::absorb(const JsonReader &child)
{
    if (m_error.isEmpty())
        m_error = child.error();
}

bool JsonReader::has(const char *key) const
{
    const auto it = m_object.constFind(QLatin1String(key));
    return it != m_object.constEnd() && !it->isNull() && !it->isUndefined();
}

QString JsonReader::fieldPath(const QString &field) const
{
    return m_path.isEmpty() ? field : m_path + QLatin1Char('.') + field;
}

QString JsonReader::string(const char *key, int maxLength, std::optional<QString> fallback)
{
    const QString name = QString::fromLatin1(key);
    if (!has(key)) {
        if (fallback)
            return *fallback;
        fail(name, QStringLiteral("is required"));
        return {};
    }
    const QJsonValue value = m_object.value(name);
    if (!value.isString()) {
        fail(name, QStringLiteral("must be a string"));
        return {};
    }
    QString text = value.toString();
    if (text.size() > maxLength) {
        fail(name, QStringLiteral("longer than %1 characters").arg(maxLength));
        return {};
    }
    return text;
}

bool JsonReader::isValidId(const QString &id)
{
    if (id.isEmpty() || id.size() > 64)
        return false;
    for (const QChar c : id) {
        const char16_t u = c.unicode();
        const bool allowed = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z')
            || (u >= u'0' && u <= u'9') || u == u'.' || u == u'_' || u == u':' || u == u'@'
            || u == u'-';
        if (!allowed)
            return false;
    }
    return true;
}

QString JsonReader::id(const char *key)
{
    const QString text = string(key, 64);
    if (ok() && !isValidId(text))
        fail(QString::fromLatin1(key), QStringLiteral("is not a valid identifier"));
    return text;
}

QString JsonReader::sha256(const char *key, bool required)
{
    return hex(key, 64, required);
}

QString JsonReader::hex(const char *key, int digits, bool required)
{
    if (!required && !has(key))
        return {};
    const QString text = string(key, digits);
    const bool valid = text.size() == digits && std::all_of(text.begin(), text.end(), [](QChar c) {
                           return (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
                               || (c >= QLatin1Char('a') && c <= QLatin1Char('f'));
                       });
    if (ok() && !valid)
        fail(QString::fromLatin1(key),
             QStringLiteral("must be %1 lower-case hex digits").arg(digits));
    return text;
}

std::optional<QString> JsonReader::optionalId(const char *key)
{
    if (!has(key))
        return std::nullopt;
    return id(key);
}

qint64 JsonReader::integer(const char *key, qint64 min, qint64 max, std::optional<qint64> fallback)
{
    const QString name = QString::fromLatin1(key);
    if (!has(key)) {
        if (fallback)
            return *fallback;
        fail(name, QStringLiteral("is required"));
        return min;
    }
    const QJsonValue value = m_object.value(name);
    // JSON numbers are doubles; accept only exact integers within the 2^53 safe range. The
    // range is checked before the cast: casting 1e300 to an integer is undefined behaviour.
    const double d = value.toDouble(0.5);
    if (!value.isDouble() || !std::isfinite(d) || d > 9007199254740991.0 || d < -9007199254740991.0
        || d != std::trunc(d)) {
        fail(name, QStringLiteral("must be an integer"));
        return min;
    }
    const qint64 v = static_cast<qint64>(d);
    if (v < min || v > max) {
        fail(name, QStringLiteral("must be between %1 and %2").arg(min).arg(max));
        return min;
    }
    return v;
}

bool JsonReader::boolean(const char *key, std::optional<bool> fallback)
{
    const QString name = QString::fromLatin1(key);
    if (!has(key)) {
        if (fallback)
            return *fallback;
        fail(name, QStringLiteral("is required"));
        return false;
    }
    const QJsonValue value = m_object.value(name);
    if (!value.isBool()) {
        fail(name, QStringLiteral("must be true or false"));
        return false;
    }
    return value.toBool();
}

QJsonArray JsonReader::arrayField(const char *key, int maxItems, bool required)
{
    const QString name = QString::fromLatin1(key);
    if (!has(key)) {
        if (required)
            fail(name, QStringLiteral("is required"));
        return {};
    }
    const QJsonValue value = m_object.value(name);
    if (!value.isArray()) {
        fail(name, QStringLiteral("must be an array"));
        return {};
    }
    QJsonArray array = value.toArray();
    if (array.size() > maxItems) {
        fail(name, QStringLiteral("has more than %1 items").arg(maxItems));
        return {};
    }
    return array;
}

QStringList JsonReader::idList(const char *key, int maxItems, bool required)
{
    QStringList out;
    const QJsonArray array = arrayField(key, maxItems, required);
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString item = array.at(i).toString();
        if (!array.at(i).isString() || !isValidId(item)) {
            fail(QStringLiteral("%1[%2]").arg(QLatin1String(key)).arg(i),
                 QStringLiteral("is not a valid identifier"));
            return {};
        }
        out.append(item);
    }
    return out;
}

JsonReader JsonReader::child(const char *key)
{
    const QString name = QString::fromLatin1(key);
    if (!has(key)) {
        fail(name, QStringLiteral("is required"));
        return JsonReader({}, fieldPath(name));
    }
    const QJsonValue value = m_object.value(name);
    if (!value.isObject()) {
        fail(name, QStringLiteral("must be an object"));
        return JsonReader({}, fieldPath(name));
    }
    return JsonReader(value.toObject(), fieldPath(name));
}

QJsonArray toJsonArray(const QStringList &list)
{
    QJsonArray array;
    for (const QString &s : list)
        array.append(s);
    return array;
}

} // namespace floorline::proto
