// SPDX-License-Identifier: Apache-2.0
#include "mediaimageprovider.h"

#include "core/console/mediacache.h"

#include <QImageReader>
#include <QQmlEngine>
#include <QThreadPool>

namespace floorline::ui {

MediaImageProvider::MediaImageProvider(std::function<QString()> directory)
    : QQuickImageProvider(QQuickImageProvider::Image)
    , m_directory(std::move(directory))
    , m_decoded(std::make_shared<Decoded>())
{ }

QImage MediaImageProvider::decode(const QString &path)
{
    QImageReader reader(path);
    reader.setAutoTransform(true); // phone photos carry their orientation in EXIF
    const QSize size = reader.size();
    if (size.isValid() && std::max(size.width(), size.height()) > kMaxEdge)
        reader.setScaledSize(size.scaled(kMaxEdge, kMaxEdge, Qt::KeepAspectRatio));
    // The scene graph uploads premultiplied ARGB without converting it again.
    return reader.read().convertToFormat(QImage::Format_ARGB32_Premultiplied);
}

void MediaImageProvider::prepare(const QString &id)
{
    {
        std::lock_guard lock(m_decoded->mutex);
        if (m_decoded->images.contains(id))
            return;
    }
    const QString path = m_directory() + QLatin1Char('/') + id;
    QThreadPool::globalInstance()->start([decoded = m_decoded, id, path] {
        QImage image = decode(path);
        if (image.isNull())
            return;
        const int cost = int(std::max<qsizetype>(1, image.sizeInBytes() / 1024));
        std::lock_guard lock(decoded->mutex);
        decoded->images.insert(id, new QImage(std::move(image)), cost);
    });
}

QImage MediaImageProvider::requestImage(const QString &id, QSize *size, const QSize &requestedSize)
{
    QImage image;
    {
        std::lock_guard lock(m_decoded->mutex);
        if (const QImage *found = m_decoded->images.object(id))
            image = *found; // shares the pixels: no copy
    }
    if (image.isNull()) {
        image = decode(m_directory() + QLatin1Char('/') + id);
        if (!image.isNull()) {
            std::lock_guard lock(m_decoded->mutex);
            m_decoded->images.insert(id, new QImage(image),
                                     int(std::max<qsizetype>(1, image.sizeInBytes() / 1024)));
        }
    }
    if (!image.isNull() && requestedSize.isValid())
        image = image.scaled(requestedSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    if (size)
        *size = image.size();
    return image;
}

void installMediaImages(QQmlEngine &engine, console::MediaCache &cache)
{
    auto *provider = new MediaImageProvider([&cache] { return cache.directory(); });
    engine.addImageProvider(QStringLiteral("media"), provider);
    // Tied to the engine: its provider goes with it.
    QObject::connect(&cache, &console::MediaCache::available, &engine,
                     [provider, &cache](const QString &id) {
                         const auto item = cache.item(id);
                         if (!item || item->type.startsWith(QLatin1String("image/")))
                             provider->prepare(id);
                     });
}

} // namespace floorline::ui
