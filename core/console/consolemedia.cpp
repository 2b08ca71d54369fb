// SPDX-License-Identifier: Apache-2.0
// ConsoleController, media part: the item a talk spurt shows, from its Floor Taken until the
// session's next Floor Taken or Floor Idle (docs/protocol.md §9.7).
#include "consolecontroller.h"

#include "sessionids.h"

#include <QDateTime>

namespace floorline::console {

void ConsoleController::showSpurtMedia(const QString &session, const QString &talker,
                                       const QString &media)
{
    const bool had = m_spurtMedia.contains(session);
    if (media.isEmpty()) {
        m_spurtMedia.remove(session);
    } else {
        // Fetched now if not cached; the placeholder shows until it is (onMediaStateChanged).
        m_library.cache().fetch(media);
        m_spurtMedia.insert(session, {talker, media, QDateTime::currentMSecsSinceEpoch()});
    }
    // The large view first: the picture that goes with the words; the tile's thumbnail after.
    if (had || !media.isEmpty())
        Q_EMIT onAirChanged();
    const QString group = groupOf(session);
    if (!group.isEmpty())
        m_groups.setSpurtMedia(group, media, m_library.cache().url(media));
}

void ConsoleController::onMediaStateChanged(const QString &media)
{
    bool shown = false;
    for (auto it = m_spurtMedia.cbegin(); it != m_spurtMedia.cend(); ++it) {
        if (it->media != media)
            continue;
        shown = true;
        if (const QString group = groupOf(it.key()); !group.isEmpty())
            m_groups.setSpurtMedia(group, media, m_library.cache().url(media));
    }
    if (shown)
        Q_EMIT onAirChanged();
}

QVariantList ConsoleController::onAir() const
{
    QList<QString> sessions = m_spurtMedia.keys();
    std::sort(sessions.begin(), sessions.end(), [this](const QString &a, const QString &b) {
        return m_spurtMedia.value(a).since > m_spurtMedia.value(b).since;
    });
    QVariantList out;
    for (const QString &session : std::as_const(sessions)) {
        const SpurtMedia &s = m_spurtMedia[session];
        const auto item = m_library.cache().item(s.media);
        const QString kind = mediaKind(item ? item->type : QString());
        out << QVariantMap {{QStringLiteral("session"), session},
                            {QStringLiteral("where"), sessionName(session)},
                            {QStringLiteral("talker"), s.talker},
                            {QStringLiteral("media"), s.media},
                            {QStringLiteral("name"), item ? item->name : QString()},
                            {QStringLiteral("kind"), kind},
                            {QStringLiteral("url"), m_library.cache().url(s.media)}};
    }
    return out;
}

} // namespace floorline::console
