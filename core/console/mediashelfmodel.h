// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace floorline::console {

/// One thing shared with a group (or pushed to this console): what the shelf shows.
struct ShelfEntry
{
    QString key; ///< "<from>/<push>": names the push
    QString from; ///< unit id of the sender
    QString fromAlias;
    QString media; ///< stored item id; empty for a link
    QString name;
    QString contentType;
    qint64 size = 0;
    QString link;
    QString note;
    qint64 sent = 0; ///< ms since the epoch
    double uploadProgress = -1; ///< 0..1 while our upload runs, -1 otherwise
    QString problem; ///< why an upload or a download failed; empty when fine
    QString delivery; ///< for our own pushes: "Delivered to 3 of 5 · opened by 1"
};

/**
 * @brief A group's media shelf: what was shared with it, newest first, with each item's
 * download or upload state. One model serves every group; `group` picks the shelf shown.
 *
 * Roles: `key`, `mediaId`, `name`, `kind` ("image", "video", "link", "file"), `from` (alias),
 * `sent`, `url` (the local file once cached, else empty), `availability` ("uploading", "loading",
 * "ready", "failed", "missing"), `progress` 0..1, `link`, `note`, `problem`, `delivery`,
 * `armed` (it goes with this console's next talk spurt).
 * Thread rule: GUI thread; the media library feeds it.
 */
class MediaShelfModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by the media library")
    Q_PROPERTY(QString group READ group WRITE setGroup NOTIFY groupChanged)
public:
    enum Role {
        KeyRole = Qt::UserRole + 1,
        MediaRole,
        NameRole,
        KindRole,
        FromRole,
        SentRole,
        UrlRole,
        StateRole,
        ProgressRole,
        LinkRole,
        NoteRole,
        ProblemRole,
        DeliveryRole,
        ArmedRole,
    };
    Q_ENUM(Role)

    /// How the model learns an item's cache state and local file (the media library's cache).
    struct Lookup
    {
        std::function<QString(const QString &media)> state;
        std::function<double(const QString &media)> progress;
        std::function<QUrl(const QString &media)> url;
    };

    explicit MediaShelfModel(Lookup lookup, QObject *parent = nullptr);

    QString group() const { return m_group; }
    void setGroup(const QString &group);
    /// Adds (or, for a key already there, updates) an entry on `group`'s shelf.
    void put(const QString &group, const ShelfEntry &entry);
    /// Takes the entry `key` off its shelf (a share that could not be read).
    void remove(const QString &key);
    /// The entry `key` on any shelf, changed by `change`.
    void update(const QString &key, const std::function<void(ShelfEntry &)> &change);
    std::optional<ShelfEntry> entry(const QString &key) const;
    /// An item's cache state changed: rows showing it refresh.
    void mediaChanged(const QString &media);
    void setArmed(const QString &media);
    void clear();
    int count(const QString &group) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void groupChanged();

private:
    const std::vector<ShelfEntry> &shown() const;
    static QString kindOf(const ShelfEntry &e);

    Lookup m_lookup;
    QString m_group;
    QString m_armed;
    QHash<QString, std::vector<ShelfEntry>> m_shelves; ///< group -> entries, newest first
    QHash<QString, QString> m_groupOf; ///< key -> group
};

} // namespace floorline::console
