// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bulkpacer.h"
#include "httpupload.h"
#include "mediacache.h"
#include "mediahttpclient.h"
#include "mediashelfmodel.h"

#include "core/signaling/signalingclient.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <deque>

namespace floorline::console {

/**
 * @brief The console's media (DESIGN.md M4–M6): sharing files with a group, the groups'
 * shelves, pushes received and acknowledged, and the item armed for the next talk spurt.
 *
 * Sharing uploads the file over HTTPS (HttpUpload), or in signaling chunks where HTTPS does
 * not get through (resumed after a reconnect from where the server stands), then pushes it to the
 * group, whose members and consoles find it on the group's shelf. A push received is acknowledged
 * as delivered at once and as opened when the dispatcher opens it; pushes are told apart by sender
 * and id, so one sent again after a reconnect shows once. Thread rule: GUI thread (it shares the
 * console's SignalingClient).
 */
class MediaLibrary : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by the console")
    Q_PROPERTY(floorline::console::MediaShelfModel *shelf READ shelf CONSTANT)
    /// The item that goes with this console's next talk spurt (its id), empty when none.
    Q_PROPERTY(QString armed READ armed NOTIFY armedChanged)
    Q_PROPERTY(QString armedName READ armedName NOTIFY armedChanged)
    /// What went wrong with the last share, for the dispatcher; empty when nothing.
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
    /// The oldest push to this console (not to a group) nobody has looked at yet: `key`,
    /// `from` (alias), `name`, `kind` ("image", "video", "link", "file"), `url` (local file once
    /// here, empty while it is fetched), `link`, `note`. Empty when there is none.
    Q_PROPERTY(QVariantMap incoming READ incoming NOTIFY incomingChanged)
    Q_PROPERTY(int incomingCount READ incomingCount NOTIFY incomingChanged)
    /// What this console pushed to a unit or to its displays, newest first: `push`, `to`,
    /// `name`, `state` ("queued", "delivered", "opened"), so the dispatcher sees it arrive.
    Q_PROPERTY(QVariantList sent READ sent NOTIFY sentChanged)
    /// An item the dispatcher opened again (from the activity log): `media`, `caption`, `kind`,
    /// `url` (empty while it is fetched). Empty when none.
    Q_PROPERTY(QVariantMap viewing READ viewing NOTIFY viewingChanged)
    /// Uploads running now (the shelf shows each one's progress).
    Q_PROPERTY(int uploading READ uploading NOTIFY uploadingChanged)
    /// Where "Share file…" opens: the folder of the last file shared, else Pictures or home.
    Q_PROPERTY(QUrl pickFolder READ pickFolder NOTIFY pickFolderChanged)
public:
    /// Pushes to this console (not to a group) gather on this pseudo-shelf.
    static inline const QString kInbox = QStringLiteral("@inbox");
    static constexpr int kWindow = 4; ///< upload chunks in flight

    explicit MediaLibrary(SignalingClient &client, QObject *parent = nullptr);

    MediaCache &cache() { return m_cache; }
    QUrl pickFolder() const { return m_pickFolder; }
    const MediaCache &cache() const { return m_cache; }
    MediaShelfModel *shelf() { return &m_shelf; }
    QString armed() const { return m_armed; }
    QString armedName() const;
    QString notice() const { return m_notice; }
    /// Shares under way: being read and hashed, or uploading.
    int uploading() const { return int(m_uploads.size()) + m_preparing; }
    QVariantMap incoming() const;
    QVariantList sent() const;
    QVariantMap viewing() const;
    /// Shows `media` again (fetching it if needed), with `caption` saying where it was shown.
    Q_INVOKABLE void view(const QString &media, const QString &caption);
    Q_INVOKABLE void closeView();
    /// Pushes the shelf entry `key` to `unit` (shown to the dispatcher as `label`), or, with
    /// `unit` empty, to this account's display clients (`floorline --as-display`). Queued by the
    /// server if the recipient is away.
    Q_INVOKABLE void sendTo(const QString &key, const QString &unit, const QString &label);
    int incomingCount() const { return int(m_incoming.size()); }
    /// The dispatcher has seen the incoming item: the sender learns it was opened.
    Q_INVOKABLE void dismissIncoming();

    /// A fresh login as `unit`: shelves are fetched again, interrupted uploads resume.
    void onLoggedIn(const QString &unit, bool resumed);
    /// Takes the media events; false for any other event.
    bool handle(const proto::Event &event);

    /// Uploads a local file and shares it with `group`. False (and `notice` says why) when
    /// the file cannot be read or is too large.
    Q_INVOKABLE bool share(const QUrl &file, const QString &group);
    /// Shows `group`'s shelf, fetching what the server keeps for it the first time.
    Q_INVOKABLE void showShelf(const QString &group);
    /// The item goes with the next talk spurt (until used or disarmed).
    Q_INVOKABLE void arm(const QString &media);
    Q_INVOKABLE void disarm() { arm({}); }
    /// The dispatcher opened an entry: fetch it and tell the sender it was opened.
    Q_INVOKABLE void open(const QString &key);
    Q_INVOKABLE QUrl urlOf(const QString &media) const { return m_cache.url(media); }
    Q_INVOKABLE void clearNotice() { setNotice({}); }

    /// The armed item, taken for a talk spurt: it goes with one spurt only.
    QString takeArmed();

Q_SIGNALS:
    void armedChanged();
    void noticeChanged();
    void uploadingChanged();
    void pickFolderChanged();
    void incomingChanged();
    void sentChanged();
    void viewingChanged();

private:
    void setPickFolder(const QUrl &folder);
    static QUrl defaultPickFolder();
    struct Upload
    {
        QString key;
        QString push;
        QString group;
        QString name;
        QString type;
        QString sha256;
        QByteArray bytes;
        QString upload; ///< the server's upload id
        qint64 next = 0; ///< next offset to send
        qint64 acked = 0; ///< bytes the server confirmed
        int inFlight = 0;
        bool stalled = false; ///< the link dropped: resume with upload-status when back
        bool overSignaling = false; ///< HTTPS did not work for it this login: chunks
        bool awaitingToken = false; ///< starts when the HTTPS token is settled
        QPointer<HttpUpload> http; ///< the HTTPS transfer running, if any
    };
    void onPushed(const proto::Pushed &pushed);
    void onPushStatus(const proto::MediaPushStatus &status);
    void startUpload(Upload &u);
    void startHttpUpload(Upload &u);
    void pumpUploads();
    void onChunkResult(const QString &key, qint64 length, const Reply<proto::UploadState> &r);
    void finishUpload(const QString &key);
    void pushShared(const QString &key, const proto::MediaItem &item);
    void failUpload(const QString &key, const QString &why);
    Upload *uploadOf(const QString &key);
    void setNotice(const QString &notice);
    static ShelfEntry entryOf(const proto::Pushed &p);

    SignalingClient &m_client;
    BulkPacer m_pacer;
    MediaHttpClient m_http; ///< before the cache, which holds transfers of it
    MediaCache m_cache;
    MediaShelfModel m_shelf;
    QUrl m_pickFolder = defaultPickFolder();
    int m_preparing = 0; ///< shares being read and hashed on a worker thread
    QString m_unit;
    QString m_armed;
    QString m_notice;
    std::deque<Upload> m_uploads;
    QTimer m_pumpTimer;
    QSet<QString> m_seen; ///< "<from>/<push>" received: a push sent twice shows once
    QSet<QString> m_shelvesLoaded;
    QStringList m_incoming; ///< inbox keys not yet looked at, oldest first
    QString m_viewing; ///< item opened again from the log
    QString m_viewingCaption;
    struct Sent
    {
        QString push;
        QString to;
        QString name;
        QHash<QString, proto::PushState> states; ///< recipient unit -> how far it got
    };
    std::deque<Sent> m_sent; ///< newest first, the last kMaxSent
    static constexpr std::size_t kMaxSent = 20;
    QHash<QString, QHash<QString, proto::PushState>> m_delivery; ///< our push -> unit -> state
};

} // namespace floorline::console
