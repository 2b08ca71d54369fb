// SPDX-License-Identifier: Apache-2.0
// The media store on a real SQLite file and a real directory: a 5 MB upload in chunks that is
// cut off, resumed after a restart and stored under its hash; and every kind of bad upload
// refused with nothing stored half-way and nothing stored before lost.
#include "server/lib/mediastore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace floorline::server;

namespace {
QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator random(seed);
    random.fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    return bytes;
}

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

constexpr qsizetype kChunk = 64 * 1024;
} // namespace

class TestMediaStore : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString media() const { return m_dir.path() + QStringLiteral("/media"); }
    QString db() const { return m_dir.path() + QStringLiteral("/floorline.db"); }
    std::unique_ptr<MediaStore> openStore(MediaStore::Limits limits = {})
    {
        auto store = std::make_unique<MediaStore>();
        QString error;
        if (!store->open(media(), db(), std::move(limits), &error))
            qWarning("%s", qPrintable(error));
        return store;
    }

private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }

    void fiveMegabytesResumeAfterARestartAndHashAsDeclared()
    {
        const QByteArray photo = randomBytes(5 * 1024 * 1024, 7);
        QString uploadId;
        {
            auto store = openStore();
            MediaError error;
            const auto up = store->begin(QStringLiteral("dispatch-1"), QStringLiteral("scene.jpg"),
                                         QStringLiteral("image/jpeg"), photo.size(), sha256(photo),
                                         false, &error);
            QVERIFY(up);
            QCOMPARE(up->received, 0);
            uploadId = up->id;
            for (qsizetype at = 0; at < photo.size() / 2; at += kChunk)
                QCOMPARE(store->write(uploadId, at, photo.mid(at, kChunk)), MediaError::None);
        } // the connection drops, the server restarts
        auto store = openStore();
        const auto resumed = store->upload(uploadId);
        QVERIFY(resumed);
        QCOMPARE(resumed->received, ((photo.size() / 2 + kChunk - 1) / kChunk) * kChunk);
        MediaError error;
        QVERIFY(!store->finish(uploadId, &error)); // not all there yet: refused, kept
        QCOMPARE(error, MediaError::Incomplete);
        for (qsizetype at = resumed->received; at < photo.size(); at += kChunk)
            QCOMPARE(store->write(uploadId, at, photo.mid(at, kChunk)), MediaError::None);
        const auto stored = store->finish(uploadId, &error);
        QVERIFY2(stored, qPrintable(MediaStore::errorText(error)));
        QCOMPARE(stored->id, sha256(photo));
        QCOMPARE(stored->size, photo.size());
        QCOMPARE(stored->type, QStringLiteral("image/jpeg"));
        QByteArray back;
        for (qint64 at = 0; at < stored->size; at += 1024 * 1024)
            back += store->read(stored->id, at, 1024 * 1024, &error);
        QCOMPARE(sha256(back), sha256(photo));
        QVERIFY(!store->upload(uploadId)); // finished uploads are gone
        QVERIFY(QDir(media() + QStringLiteral("/partial")).isEmpty());
        // Only the server's user reads what was stored.
        QCOMPARE(QFile::permissions(media() + QLatin1Char('/') + stored->id)
                     & (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                        | QFileDevice::ReadOther),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);

        // The same photo shared again is already there: nothing to send.
        // (to someone who may read it: for anyone else the bytes must come, or the answer
        // would tell them that somebody stored this content)
        const auto again
            = store->begin(QStringLiteral("dispatch-2"), QStringLiteral("copy.jpg"),
                           QStringLiteral("image/jpeg"), photo.size(), sha256(photo), true, &error);
        QVERIFY(again);
        QCOMPARE(again->received, again->size);
        QVERIFY(again->id.isEmpty());
        const auto stranger = store->begin(QStringLiteral("unit-7"), QStringLiteral("guess.jpg"),
                                           QStringLiteral("image/jpeg"), photo.size(),
                                           sha256(photo), false, &error);
        QVERIFY(stranger);
        QCOMPARE(stranger->received, 0);
        QVERIFY(!store->mayRead(sha256(photo), QStringLiteral("unit-7")));
        store->cancel(stranger->id);
    }

    void badUploadsAreRefusedAndNothingIsStoredHalfWay()
    {
        MediaStore::Limits limits;
        limits.maxBytes = 1024 * 1024;
        auto store = openStore(limits);
        // Something stored before, which no bad upload may touch.
        const QByteArray kept = randomBytes(4096, 1);
        MediaError error;
        auto up
            = store->begin(QStringLiteral("u"), QStringLiteral("kept.png"),
                           QStringLiteral("image/png"), kept.size(), sha256(kept), false, &error);
        QVERIFY(up);
        QCOMPARE(store->write(up->id, 0, kept), MediaError::None);
        QVERIFY(store->finish(up->id, &error));

        const QByteArray data = randomBytes(8192, 2);
        const QString hash = sha256(data);
        const QString jpeg = QStringLiteral("image/jpeg");
        QVERIFY(!store->begin({}, {}, jpeg, limits.maxBytes + 1, hash, false, &error));
        QCOMPARE(error, MediaError::TooLarge);
        QVERIFY(!store->begin({}, {}, QStringLiteral("application/x-sh"), data.size(), hash, false,
                              &error));
        QCOMPARE(error, MediaError::BadType);
        QVERIFY(
            !store->begin({}, {}, jpeg, data.size(), QStringLiteral("not-a-hash"), false, &error));
        QCOMPARE(error, MediaError::BadHash);

        up = store->begin({}, {}, jpeg, data.size(), hash, false, &error);
        QVERIFY(up);
        QCOMPARE(store->write(up->id, 100, data.left(10)), MediaError::BadOffset);
        QCOMPARE(store->write(up->id, 0, data + "x"), MediaError::TooLarge); // past the size
        QCOMPARE(store->upload(up->id)->received, 0); // refused chunks leave nothing
        QCOMPARE(store->write(QStringLiteral("nope"), 0, data), MediaError::UnknownUpload);

        // Declared one hash, sent other bytes: refused, partial file gone.
        QByteArray tampered = data;
        tampered[17] = char(tampered[17] ^ 0x55);
        QCOMPARE(store->write(up->id, 0, tampered), MediaError::None);
        QVERIFY(!store->finish(up->id, &error));
        QCOMPARE(error, MediaError::HashMismatch);
        QVERIFY(!store->upload(up->id));
        QVERIFY(!store->media(hash));
        QVERIFY(QDir(media() + QStringLiteral("/partial")).isEmpty());

        QVERIFY(store->read(QStringLiteral("0123"), 0, 10, &error).isEmpty());
        QCOMPARE(error, MediaError::UnknownMedia);
        QVERIFY(store->read(sha256(kept), kept.size() + 1, 10, &error).isEmpty());
        QCOMPARE(error, MediaError::BadRange);

        // And what was stored first is whole.
        QCOMPARE(sha256(store->read(sha256(kept), 0, kept.size(), &error)), sha256(kept));
    }

    void uploadsInFlightAndQuotasAreBounded()
    {
        QTemporaryDir dir;
        MediaStore store;
        MediaStore::Limits limits;
        limits.maxOpenUploads = 3;
        limits.ownerQuota = 10 * 1024 * 1024;
        limits.totalQuota = 15 * 1024 * 1024;
        QString openError;
        QVERIFY(store.open(dir.filePath(QStringLiteral("m")), dir.filePath(QStringLiteral("d")),
                           limits, &openError));
        const QString jpeg = QStringLiteral("image/jpeg");
        MediaError error = MediaError::None;
        const auto hash = [](int n) { return QString(64, QLatin1Char(char('0' + n))); };
        const qint64 mib = 1024 * 1024;
        QVERIFY(store.begin(QStringLiteral("u1"), {}, jpeg, 4 * mib, hash(0), false, &error));
        QVERIFY(store.begin(QStringLiteral("u1"), {}, jpeg, 4 * mib, hash(1), false, &error));
        // Declared bytes count: a third of 4 MiB would pass u1's 10 MiB.
        QVERIFY(!store.begin(QStringLiteral("u1"), {}, jpeg, 4 * mib, hash(2), false, &error));
        QCOMPARE(error, MediaError::OwnerQuota);
        QVERIFY(store.begin(QStringLiteral("u1"), {}, jpeg, 1 * mib, hash(3), false, &error));
        // Three open at once is the bound, whatever their size.
        QVERIFY(!store.begin(QStringLiteral("u1"), {}, jpeg, 1024, hash(4), false, &error));
        QCOMPARE(error, MediaError::TooManyUploads);
        // The store as a whole: u2 may not take what is left of 15 MiB and more.
        QVERIFY(!store.begin(QStringLiteral("u2"), {}, jpeg, 7 * mib, hash(5), false, &error));
        QCOMPARE(error, MediaError::StoreFull);
        QVERIFY(store.begin(QStringLiteral("u2"), {}, jpeg, 5 * mib, hash(6), false, &error));
    }

    void abandonedUploadsAndStrayFilesGoAlsoAfterARestart()
    {
        QTemporaryDir dir;
        const QString media = dir.filePath(QStringLiteral("m"));
        const QString db = dir.filePath(QStringLiteral("d"));
        MediaStore::Limits limits;
        limits.abandonAfterMs = 200;
        QString error;
        QString upload;
        {
            MediaStore store;
            QVERIFY(store.open(media, db, limits, &error));
            MediaError e = MediaError::None;
            const QByteArray half = randomBytes(4096, 5);
            const auto up = store.begin(QStringLiteral("u1"), {}, QStringLiteral("image/png"), 8192,
                                        sha256(half + half), false, &e);
            QVERIFY(up);
            upload = up->id;
            QCOMPARE(store.write(upload, 0, half), MediaError::None);
            // A crash between a file's rename and its row's commit leaves a file nobody names;
            // a partial file without its upload row, likewise.
            QFile stray(media + QLatin1Char('/') + QString(64, QLatin1Char('f')));
            QVERIFY(stray.open(QIODevice::WriteOnly));
            stray.write("x");
            QFile lost(media + QStringLiteral("/partial/lost"));
            QVERIFY(lost.open(QIODevice::WriteOnly));
        }
        QTest::qWait(300); // the server is down longer than the upload may wait
        {
            MediaStore store;
            QVERIFY(store.open(media, db, limits, &error));
            QVERIFY(!store.upload(upload));
            QVERIFY(QDir(media + QStringLiteral("/partial")).isEmpty());
            QVERIFY(QDir(media).entryList(QDir::Files).isEmpty());
        }

        // An upload that goes on is kept: each chunk counts as activity. Older than the limit
        // since it began, younger since its chunk, with wide margins: a loaded 2-core machine
        // stretches a wait by a few hundred milliseconds.
        limits.abandonAfterMs = 1000;
        MediaStore going;
        QVERIFY(going.open(media, db, limits, &error));
        MediaError e = MediaError::None;
        const QByteArray bytes = randomBytes(4096, 6);
        const auto up = going.begin(QStringLiteral("u1"), {}, QStringLiteral("image/png"), 8192,
                                    sha256(bytes + bytes), false, &e);
        QVERIFY(up);
        QTest::qWait(600);
        QCOMPARE(going.write(up->id, 0, bytes), MediaError::None);
        QTest::qWait(600);
        QCOMPARE(going.sweep(), 0);
        QVERIFY(going.upload(up->id));
    }
};

QTEST_GUILESS_MAIN(TestMediaStore)
#include "tst_mediastore.moc"
