// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QCache>
#include <QImage>
#include <QQuickImageProvider>

#include <functional>
#include <memory>
#include <mutex>

class QQmlEngine;

namespace floorline::console {
class MediaCache;
}

namespace floorline::ui {

/**
 * @brief `image://media/<item id>`: pictures from the console's media cache, decoded before a
 * talk spurt names them.
 *
 * A picture shown with a spurt must be on screen with the words. Decoding an 800×500 PNG on the
 * GUI thread takes longer than rendering the frame it goes in, so every picture that lands in
 * the cache is decoded on a worker thread (prepare()), and the spurt's Image only copies the
 * decoded result. Pictures are kept up to kMaxBytes, least recently used out first; one not
 * prepared is decoded on request.
 * Thread rule: prepare() on the GUI thread; requestImage() on whichever thread Qt Quick asks.
 */
class MediaImageProvider : public QQuickImageProvider
{
public:
    static constexpr qsizetype kMaxBytes = 256LL * 1024 * 1024;
    static constexpr int kMaxEdge = 1920; ///< larger pictures are scaled down to this

    /// `directory` says where the media cache keeps its files (named by their SHA-256).
    explicit MediaImageProvider(std::function<QString()> directory);

    /// Decodes the cached file of `id` in the background.
    void prepare(const QString &id);
    QImage requestImage(const QString &id, QSize *size, const QSize &requestedSize) override;

private:
    struct Decoded
    {
        std::mutex mutex;
        QCache<QString, QImage> images {int(kMaxBytes / 1024)}; ///< cost in KiB
    };
    static QImage decode(const QString &path);

    std::function<QString()> m_directory;
    std::shared_ptr<Decoded> m_decoded; ///< shared with decoding tasks that outlive a request
};

/// Adds `image://media/` to `engine`, fed by `cache`: each picture is decoded as soon as the
/// cache has it (or is asked for one it has). The engine owns the provider.
void installMediaImages(QQmlEngine &engine, console::MediaCache &cache);

} // namespace floorline::ui
