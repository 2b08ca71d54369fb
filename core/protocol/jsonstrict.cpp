// SPDX-License-Identifier: Apache-2.0
#include "jsonstrict.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <vector>

namespace floorline::proto {

namespace {
struct Scope
{
    bool object = false;
    bool expectKey = false;
    std::vector<QByteArrayView> keys;
};

/// A key as JSON means it: escapes resolved ("\u0061" is "a"). Only called for keys that hold
/// a backslash, which real clients never send.
QByteArray unescaped(QByteArrayView raw)
{
    const QByteArray doc = "[\"" + raw.toByteArray() + "\"]";
    return QJsonDocument::fromJson(doc).array().at(0).toString().toUtf8();
}

std::optional<QString> duplicateIn(std::vector<QByteArrayView> &keys)
{
    if (keys.size() < 2)
        return std::nullopt;
    std::vector<QByteArray> owned;
    const bool escaped = std::any_of(keys.cbegin(), keys.cend(),
                                     [](QByteArrayView k) { return k.contains('\\'); });
    if (escaped) {
        for (QByteArrayView k : keys)
            owned.push_back(k.contains('\\') ? unescaped(k) : k.toByteArray());
        std::sort(owned.begin(), owned.end());
        const auto dup = std::adjacent_find(owned.cbegin(), owned.cend());
        if (dup != owned.cend())
            return QString::fromUtf8(*dup);
        return std::nullopt;
    }
    std::sort(keys.begin(), keys.end());
    const auto dup = std::adjacent_find(keys.cbegin(), keys.cend());
    if (dup != keys.cend())
        return QString::fromUtf8(dup->data(), dup->size());
    return std::nullopt;
}
} // namespace

std::optional<QString> firstDuplicateKey(QByteArrayView json)
{
    std::vector<Scope> stack;
    const qsizetype n = json.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = json[i];
        switch (c) {
        case '"': {
            const qsizetype start = i + 1;
            for (++i; i < n && json[i] != '"'; ++i) {
                if (json[i] == '\\')
                    ++i; // the escaped character cannot end the string
            }
            if (!stack.empty() && stack.back().object && stack.back().expectKey) {
                stack.back().keys.push_back(json.sliced(start, std::min(i, n) - start));
                stack.back().expectKey = false;
            }
            break;
        }
        case '{':
            stack.push_back({true, true, {}});
            break;
        case '[':
            stack.push_back({false, false, {}});
            break;
        case '}':
        case ']':
            if (stack.empty())
                return std::nullopt; // not valid JSON: the parser has said so already
            if (stack.back().object) {
                if (auto dup = duplicateIn(stack.back().keys))
                    return dup;
            }
            stack.pop_back();
            break;
        case ',':
            if (!stack.empty() && stack.back().object)
                stack.back().expectKey = true;
            break;
        default:
            break;
        }
    }
    return std::nullopt;
}

} // namespace floorline::proto
