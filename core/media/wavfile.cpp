// SPDX-License-Identifier: Apache-2.0
#include "wavfile.h"

#include <QFile>
#include <QSaveFile>
#include <QtEndian>

#include <algorithm>
#include <cstring>

namespace floorline::media {

std::optional<PcmClip> readWav(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const QByteArray data = file.readAll();
    const auto fail = [&](const char *what) {
        *error = QStringLiteral("%1: %2").arg(path, QLatin1String(what));
        return std::nullopt;
    };
    if (data.size() < 12 || !data.startsWith("RIFF") || data.mid(8, 4) != "WAVE")
        return fail("not a RIFF/WAVE file");
    const auto *bytes = reinterpret_cast<const uchar *>(data.constData());
    PcmClip clip;
    bool haveFormat = false;
    qsizetype at = 12;
    while (at + 8 <= data.size()) {
        const QByteArray id = data.mid(at, 4);
        const quint32 length = qFromLittleEndian<quint32>(bytes + at + 4);
        const qsizetype body = at + 8;
        if (length > quint32(data.size() - body))
            return fail("chunk runs past the end of the file");
        if (id == "fmt ") {
            if (length < 16)
                return fail("format chunk too short");
            const quint16 format = qFromLittleEndian<quint16>(bytes + body);
            const quint16 channels = qFromLittleEndian<quint16>(bytes + body + 2);
            clip.sampleRate = int(qFromLittleEndian<quint32>(bytes + body + 4));
            const quint16 bits = qFromLittleEndian<quint16>(bytes + body + 14);
            if (format != 1 || channels != 1 || bits != 16)
                return fail("only 16-bit PCM mono is supported");
            haveFormat = true;
        } else if (id == "data") {
            if (!haveFormat)
                return fail("data before format");
            clip.samples.resize(length / 2);
            for (std::size_t i = 0; i < clip.samples.size(); ++i)
                clip.samples[i] = qFromLittleEndian<qint16>(bytes + body + 2 * i);
            return clip;
        }
        at = body + length + (length & 1);
    }
    return fail("no data chunk");
}

bool writeWav(const QString &path, const PcmClip &clip, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    const quint32 dataBytes = quint32(clip.samples.size() * 2);
    QByteArray header(44, '\0');
    auto *h = reinterpret_cast<uchar *>(header.data());
    std::memcpy(h, "RIFF", 4);
    qToLittleEndian<quint32>(36 + dataBytes, h + 4);
    std::memcpy(h + 8, "WAVEfmt ", 8);
    qToLittleEndian<quint32>(16, h + 16);
    qToLittleEndian<quint16>(1, h + 20);
    qToLittleEndian<quint16>(1, h + 22);
    qToLittleEndian<quint32>(quint32(clip.sampleRate), h + 24);
    qToLittleEndian<quint32>(quint32(clip.sampleRate * 2), h + 28);
    qToLittleEndian<quint16>(2, h + 32);
    qToLittleEndian<quint16>(16, h + 34);
    std::memcpy(h + 36, "data", 4);
    qToLittleEndian<quint32>(dataBytes, h + 40);
    file.write(header);
    QByteArray body(qsizetype(dataBytes), '\0');
    for (std::size_t i = 0; i < clip.samples.size(); ++i)
        qToLittleEndian<qint16>(clip.samples[i], body.data() + 2 * i);
    file.write(body);
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

std::vector<float> toFloat48k(const PcmClip &clip)
{
    std::vector<float> out;
    if (clip.sampleRate <= 0 || clip.samples.empty())
        return out;
    const double step = double(clip.sampleRate) / 48000.0;
    const auto n = std::size_t(double(clip.samples.size() - 1) / step);
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const double at = double(i) * step;
        const auto k = std::size_t(at);
        const double frac = at - double(k);
        const double a = clip.samples[k],
                     b = clip.samples[std::min(k + 1, clip.samples.size() - 1)];
        out.push_back(float((a + (b - a) * frac) / 32768.0));
    }
    return out;
}

} // namespace floorline::media
