// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "floorholder.h"

#include "core/protocol/events.h"

#include <QHash>
#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace floorline::media {
class VoiceEngine;
}

namespace floorline::console {

class ActivityLogModel;
class GroupTreeModel;
class MediaCache;
class SessionListModel;
class UnitListModel;

/**
 * @brief Who talks where, as the console shows and hears it: floor events into the group tree,
 * the calls, the activity log, the item each spurt shows, and the voice engine's routing.
 *
 * Floor Taken and Floor Idle enter through handle(); snapshots (late entry, a re-login) through
 * taken() and idle(), which ignore a spurt already shown. Thread rule: GUI thread.
 */
class FloorView : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Part of the ConsoleController")
    /// Talk spurts that show an item now, newest first: one map each with `session`, `where`
    /// (group or call name), `talker`, `media` (id), `name`, `kind` ("image", "video",
    /// "file"), `url` (local file, empty while it is fetched: show a placeholder).
    Q_PROPERTY(QVariantList onAir READ onAir NOTIFY onAirChanged)
public:
    struct Context
    {
        media::VoiceEngine *voice;
        GroupTreeModel &groups;
        UnitListModel &units;
        SessionListModel &sessions;
        ActivityLogModel &activity;
        MediaCache &cache;
        std::function<QString(const QString &)> sessionName; ///< group or call name
    };
    explicit FloorView(Context context, QObject *parent = nullptr);

    /// Floor Taken and Floor Idle; false for any other event.
    bool handle(const proto::Event &event);
    void taken(const FloorHolder &holder);
    void idle(const QString &session);
    /// The link went down: from now on nothing here is seen; a spurt found over when it is
    /// back ended, as far as the console knows, at this moment (not at the re-login).
    void linkLost();
    /// After the re-login's snapshot: a spurt that ended while the link was down
    /// (idleWhileAway), then the console sees again.
    void idleWhileAway(const QString &session);
    void linkBack() { m_lostAt = 0; }
    /// Sessions whose floor the console shows as taken.
    QList<QString> busySessions() const { return m_holders.keys(); }
    /// Sends `session`'s talker to the headset or the speaker at the group's volume, as the
    /// dispatcher has set it now.
    void route(const QString &session);

    QVariantList onAir() const;
    /// Per-stream receive statistics, on demand (the statistics view): one map per talker
    /// heard since login, newest first, with `talker`, `session` (group or call name),
    /// `ssrc`, `received`, `lost`, `late`, `concealed`, `recovered`, `played`, `jitterMs`,
    /// `delayMs`, `live` (talking now). Empty without a voice engine.
    Q_INVOKABLE QVariantList streamStats() const;
    /// How voice travels: `connected`, `secure` (SRTP), `refused` and `replayed` packets.
    /// Empty without a voice engine.
    Q_INVOKABLE QVariantMap voiceTransport() const;

Q_SIGNALS:
    void onAirChanged();

private:
    void end(const QString &session, qint64 atMs);
    /// What the spurt on `session` shows (`media` empty: nothing): model state and onAir.
    void showSpurtMedia(const QString &session, const QString &talker, const QString &media);
    void onMediaStateChanged(const QString &media);

    Context m_ctx;
    QHash<QString, FloorHolder> m_holders; ///< session -> who talks there now
    qint64 m_lostAt = 0; ///< when the link went down (ms since the epoch); 0 while up
    struct SpurtMedia
    {
        QString talker;
        QString media;
        qint64 since = 0;
    };
    QHash<QString, SpurtMedia> m_spurtMedia; ///< session -> the item its live spurt shows
    struct StreamName
    {
        QString talker;
        QString session;
        qint64 lastHeard = 0;
    };
    QHash<quint32, StreamName> m_streamNames; ///< every talker heard, for streamStats()
};

} // namespace floorline::console
