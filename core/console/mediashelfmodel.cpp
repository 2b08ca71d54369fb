// SPDX-License-Identifier: Apache-2.0
#include "mediashelfmodel.h"

#include "mediacache.h"

namespace floorline::console {

MediaShelfModel::MediaShelfModel(Lookup lookup, QObject *parent)
    : QAbstractListModel(parent)
    , m_lookup(std::move(lookup))
{ }

const std::vector<ShelfEntry> &MediaShelfModel::shown() const
{
    static const std::vector<ShelfEntry> kNone;
    const auto it = m_shelves.constFind(m_group);
    return it == m_shelves.cend() ? kNone : *it;
}

void MediaShelfModel::setGroup(const QString &group)
{
    if (group == m_group)
        return;
    beginResetModel();
    m_group = group;
    endResetModel();
    Q_EMIT groupChanged();
}

void MediaShelfModel::put(const QString &group, const ShelfEntry &entry)
{
    if (m_groupOf.contains(entry.key)) {
        update(entry.key, [&](ShelfEntry &e) { e = entry; });
        return;
    }
    std::vector<ShelfEntry> &shelf = m_shelves[group];
    // Newest first; a shelf loaded from the server may arrive after live pushes.
    const auto at = std::find_if(shelf.begin(), shelf.end(),
                                 [&](const ShelfEntry &e) { return e.sent < entry.sent; });
    const int row = int(at - shelf.begin());
    const bool visible = group == m_group;
    if (visible)
        beginInsertRows({}, row, row);
    shelf.insert(at, entry);
    m_groupOf.insert(entry.key, group);
    if (visible)
        endInsertRows();
}

void MediaShelfModel::remove(const QString &key)
{
    const auto g = m_groupOf.constFind(key);
    if (g == m_groupOf.cend())
        return;
    const QString group = *g;
    std::vector<ShelfEntry> &shelf = m_shelves[group];
    const auto at = std::find_if(shelf.begin(), shelf.end(),
                                 [&](const ShelfEntry &e) { return e.key == key; });
    m_groupOf.remove(key);
    if (at == shelf.end())
        return;
    const int row = int(at - shelf.begin());
    const bool visible = group == m_group;
    if (visible)
        beginRemoveRows({}, row, row);
    shelf.erase(at);
    if (visible)
        endRemoveRows();
}

void MediaShelfModel::update(const QString &key, const std::function<void(ShelfEntry &)> &change)
{
    const auto g = m_groupOf.constFind(key);
    if (g == m_groupOf.cend())
        return;
    std::vector<ShelfEntry> &shelf = m_shelves[*g];
    for (std::size_t row = 0; row < shelf.size(); ++row) {
        if (shelf[row].key != key)
            continue;
        change(shelf[row]);
        if (*g == m_group)
            Q_EMIT dataChanged(index(int(row)), index(int(row)));
        return;
    }
}

std::optional<ShelfEntry> MediaShelfModel::entry(const QString &key) const
{
    const auto g = m_groupOf.constFind(key);
    if (g == m_groupOf.cend())
        return std::nullopt;
    for (const ShelfEntry &e : m_shelves.value(*g)) {
        if (e.key == key)
            return e;
    }
    return std::nullopt;
}

void MediaShelfModel::mediaChanged(const QString &media)
{
    const std::vector<ShelfEntry> &shelf = shown();
    for (std::size_t row = 0; row < shelf.size(); ++row) {
        if (shelf[row].media == media)
            Q_EMIT dataChanged(index(int(row)), index(int(row)),
                               {UrlRole, StateRole, ProgressRole});
    }
}

void MediaShelfModel::setArmed(const QString &media)
{
    m_armed = media;
    if (!shown().empty())
        Q_EMIT dataChanged(index(0), index(int(shown().size()) - 1), {ArmedRole});
}

void MediaShelfModel::clear()
{
    beginResetModel();
    m_shelves.clear();
    m_groupOf.clear();
    m_armed.clear();
    endResetModel();
}

int MediaShelfModel::count(const QString &group) const
{
    return int(m_shelves.value(group).size());
}

int MediaShelfModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(shown().size());
}

QString MediaShelfModel::kindOf(const ShelfEntry &e)
{
    return e.media.isEmpty() ? QStringLiteral("link") : mediaKind(e.contentType);
}

QVariant MediaShelfModel::data(const QModelIndex &index, int role) const
{
    const std::vector<ShelfEntry> &shelf = shown();
    if (!index.isValid() || index.row() >= int(shelf.size()))
        return {};
    const ShelfEntry &e = shelf[std::size_t(index.row())];
    switch (role) {
    case KeyRole:
        return e.key;
    case MediaRole:
        return e.media;
    case Qt::DisplayRole:
    case NameRole:
        return e.name.isEmpty() ? (e.link.isEmpty() ? e.media.left(12) : e.link) : e.name;
    case KindRole:
        return kindOf(e);
    case FromRole:
        return e.fromAlias.isEmpty() ? e.from : e.fromAlias;
    case SentRole:
        return double(e.sent);
    case UrlRole:
        return e.media.isEmpty() ? QUrl() : m_lookup.url(e.media);
    case StateRole:
        if (e.uploadProgress >= 0)
            return QStringLiteral("uploading");
        if (!e.problem.isEmpty())
            return QStringLiteral("failed");
        return e.media.isEmpty() ? QStringLiteral("ready") : m_lookup.state(e.media);
    case ProgressRole:
        if (e.uploadProgress >= 0)
            return e.uploadProgress;
        return e.media.isEmpty() ? 1.0 : m_lookup.progress(e.media);
    case LinkRole:
        return e.link;
    case NoteRole:
        return e.note;
    case ProblemRole:
        return e.problem;
    case DeliveryRole:
        return e.delivery;
    case ArmedRole:
        return !e.media.isEmpty() && e.media == m_armed;
    default:
        return {};
    }
}

QHash<int, QByteArray> MediaShelfModel::roleNames() const
{
    return {{KeyRole, "key"},           {MediaRole, "mediaId"},      {NameRole, "name"},
            {KindRole, "kind"},         {FromRole, "from"},          {SentRole, "sent"},
            {UrlRole, "url"},           {StateRole, "availability"}, {ProgressRole, "progress"},
            {LinkRole, "link"},         {NoteRole, "note"},          {ProblemRole, "problem"},
            {DeliveryRole, "delivery"}, {ArmedRole, "armed"}};
}

} // namespace floorline::console
