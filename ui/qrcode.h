// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QImage>
#include <QQuickImageProvider>

namespace floorline::ui {

/// `text` as a QR code (libqrencode, error correction M): black modules of `scale` pixels on
/// white, with the 4-module quiet zone scanners need. Null if it does not fit a QR code.
QImage qrImage(const QString &text, int scale);

/**
 * @brief `image://qr/<percent-encoded text>`: the pairing dialog's QR code.
 * Registered on the QML engine by the composition root.
 */
class QrImageProvider : public QQuickImageProvider
{
public:
    QrImageProvider();
    QImage requestImage(const QString &id, QSize *size, const QSize &requestedSize) override;
};

} // namespace floorline::ui
