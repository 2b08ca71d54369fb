// SPDX-License-Identifier: Apache-2.0
// Recording through the real server (docs/operations.md, Recordings): every spurt of a recorded
// group becomes an Ogg Opus file that an independent decoder (opusdec) plays back as what was
// said, lost packets keep their time, the media item that rode the spurt is in the index, a
// group whose handling instruction says no leaves nothing, a server killed mid-spurt leaves a
// playable file of what arrived (or none, and the index says which), and retention removes
// what it should and nothing else.
#include "support/audiocheck.h"
#include "support/serverprocess.h"
#include "support/testclient.h"

#include "core/media/wavfile.h"
#include "resources/speechclips.h"
#include "server/lib/recording/oggopusfile.h"
#include "server/lib/recording/recordingexport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace floorline;
using namespace floorline::test;
using server::RecordingRow;

namespace {
const QString kGroup = QStringLiteral("tg-001");
const QString kSession = QStringLiteral("group:tg-001");

/// What opusdec (opus-tools, not our decoder) makes of a file: 48 kHz mono samples.
std::optional<std::vector<float>> decodeWithOpusdec(const QString &path, const QString &scratch)
{
    const QString wav = scratch + QStringLiteral("/decoded.wav");
    QFile::remove(wav);
    QProcess opusdec;
    opusdec.start(QStringLiteral("opusdec"),
                  {QStringLiteral("--quiet"), QStringLiteral("--rate"), QStringLiteral("48000"),
                   QStringLiteral("--force-wav"), path, wav});
    if (!opusdec.waitForFinished(30000) || opusdec.exitCode() != 0) {
        qWarning() << "opusdec:" << opusdec.readAllStandardError();
        return std::nullopt;
    }
    QString error;
    const auto clip = media::readWav(wav, &error);
    if (!clip || clip->sampleRate != 48000) {
        qWarning() << "decoded file:" << error;
        return std::nullopt;
    }
    std::vector<float> out(clip->samples.size());
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = clip->samples[i] / 32768.0f;
    return out;
}

proto::FloorRequest floorRequest(const QString &media = {})
{
    return proto::FloorRequest {kSession, 0, proto::FloorType::Normal, media};
}
} // namespace

class TestServerRecording : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<server::Server> m_server;
    std::unique_ptr<TestClient> a, b;

    void startAll(server::ServerOptions options = {})
    {
        if (!options.fleet)
            options.fleet = proto::makeDemoFleet(30, 6);
        m_server = startServer(options);
        QVERIFY(m_server);
        QVERIFY(m_server->recordings());
        a = std::make_unique<TestClient>(QStringLiteral("unit-0001"), *m_server);
        b = std::make_unique<TestClient>(QStringLiteral("unit-0005"), *m_server);
        for (TestClient *t : {a.get(), b.get()}) {
            QVERIFY2(t->login(), qPrintable(t->user));
            QVERIFY(t->call(proto::Affiliate {{kGroup}}));
        }
    }

    /// A talks `payloads` (skipping the indexes in `lost`) and releases; the recording's row.
    std::optional<RecordingRow> talk(const std::vector<QByteArray> &payloads,
                                     const QSet<int> &lost = {}, const QString &media = {})
    {
        QSignalSpy recorded(m_server->recordings(), &server::RecordingService::recorded);
        const auto granted = a->call(floorRequest(media));
        if (!granted || granted->outcome != proto::FloorOutcome::Granted) {
            qWarning("the floor was not granted");
            return std::nullopt;
        }
        if (!b->waitEvent<proto::FloorTaken>()) {
            qWarning("the listener saw no Floor Taken");
            return std::nullopt;
        }
        bool first = true;
        for (int i = 0; i < int(payloads.size()); ++i) {
            if (!lost.contains(i))
                a->rtp.sendPayload(payloads[std::size_t(i)], first, a->timestamp);
            first = false;
            a->timestamp += 960;
            QTest::qWait(2);
        }
        b->waitPackets(int(payloads.size()) - int(lost.size()));
        if (!a->call(proto::FloorRelease {kSession}))
            return std::nullopt;
        if (recorded.isEmpty() && !recorded.wait(10000)) {
            qWarning("no recording was indexed");
            return std::nullopt;
        }
        return recorded.constFirst().constFirst().value<RecordingRow>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<RecordingRow>();
        QVERIFY(m_dir.isValid());
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("opusdec")).isEmpty(),
                 "opusdec (opus-tools) is missing: tools/scripts/setup-debian.sh installs it");
    }

    void cleanup()
    {
        a.reset();
        b.reset();
        m_server.reset();
    }

    void aRecordedSpurtSoundsLikeWhatWasSent()
    {
        startAll();
        const std::vector<QByteArray> speech = speechPackets(1);
        QVERIFY(speech.size() > 50);
        const auto row = talk(speech);
        QVERIFY(row);
        QCOMPARE(row->state, RecordingRow::State::Complete);
        QCOMPARE(row->talker, QStringLiteral("unit-0001"));
        QCOMPARE(row->group, kGroup);
        QCOMPARE(row->session, kSession);
        QVERIFY(row->endedMs >= row->startedMs);
        QCOMPARE(row->durationMs, qint64(speech.size()) * 20);
        const QString path = m_server->recordings()->store().absolutePath(*row);
        QVERIFY(QFile::exists(path));
        QVERIFY(!QFile::exists(path + QStringLiteral(".part")));
        QCOMPARE(QFileInfo(path).size(), row->bytes);

        const auto heard = decodeWithOpusdec(path, m_dir.path());
        QVERIFY(heard);
        const std::vector<float> sent = clipAt48k(resources::speechClips().at(0));
        // The file lasts as long as the spurt: every packet's 20 ms, no more, no less.
        QVERIFY2(
            std::abs(qint64(heard->size()) - qint64(speech.size()) * 960) <= 960,
            qPrintable(
                QStringLiteral("%1 samples for %2 packets").arg(heard->size()).arg(speech.size())));
        const double similarity = segmentCorrelation(sent, *heard, 4800, 1200, 4, 2);
        QVERIFY2(similarity >= 0.9, qPrintable(QString::number(similarity)));
    }

    void lostPacketsKeepTheirTime()
    {
        startAll();
        const std::vector<QByteArray> speech = speechPackets(1);
        QSet<int> lost;
        for (int i = 20; i < 30; ++i)
            lost.insert(i); // 200 ms that never reached the server
        const auto row = talk(speech, lost);
        QVERIFY(row);
        QCOMPARE(row->state, RecordingRow::State::Complete);
        // The gap is in the file, concealed: what follows it is where it was said.
        QCOMPARE(row->durationMs, qint64(speech.size()) * 20);
        const auto heard
            = decodeWithOpusdec(m_server->recordings()->store().absolutePath(*row), m_dir.path());
        QVERIFY(heard);
        QVERIFY(std::abs(qint64(heard->size()) - qint64(speech.size()) * 960) <= 960);
        const std::vector<float> sent = clipAt48k(resources::speechClips().at(0));
        const std::vector<float> after(sent.begin() + 40 * 960, sent.end());
        const std::vector<float> heardAfter(heard->begin() + 40 * 960, heard->end());
        int lag = -1;
        const double similarity = bestCorrelation(after, heardAfter, 1200, &lag, 4, 2);
        QVERIFY2(similarity >= 0.85, qPrintable(QString::number(similarity)));
        QVERIFY2(lag < 960, qPrintable(QString::number(lag))); // not shifted by the gap
    }

    void theRecordingKeepsTheMediaThatRodeIt()
    {
        startAll();
        const QString media = uploadMedia(*a, QByteArray(3000, 'p'), QStringLiteral("map.png"));
        QVERIFY(!media.isEmpty());
        const auto row = talk(speechPackets(2), {}, media);
        QVERIFY(row);
        QCOMPARE(row->media, media);
        const auto stored = m_server->recordings()->store().row(row->id);
        QVERIFY(stored);
        QCOMPARE(stored->media, media);
        // A player sees it too: the file's tags name the talker, the session and the media.
        QFile file(m_server->recordings()->store().absolutePath(*row));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray head = file.read(4096);
        QVERIFY(head.contains(QByteArray(QByteArray("FLOORLINE_MEDIA=") + media.toLatin1())));
        QVERIFY(head.contains("FLOORLINE_TALKER=unit-0001"));
    }

    void aGroupThatIsNotRecordedLeavesNothing()
    {
        server::ServerOptions options;
        options.fleet = proto::makeDemoFleet(30, 6);
        for (proto::GroupInfo &g : options.fleet->groups)
            g.recorded = g.id != kGroup;
        startAll(options);
        QVERIFY(a->call(floorRequest()));
        QVERIFY(b->waitEvent<proto::FloorTaken>());
        QCOMPARE(m_server->recordings()->recordingsNow(), 0);
        a->sendSpurt(speechPackets(2));
        QVERIFY(b->waitPackets(10));
        QVERIFY(a->call(proto::FloorRelease {kSession}));
        QTest::qWait(300);
        QCOMPARE(m_server->recordings()->store().find({}).size(), 0);
        QCOMPARE(m_server->recordings()->counters().packets.load(), 0u);
    }

    void aServerKilledMidSpurtLeavesAPlayableFileOrNone()
    {
        QTemporaryDir dir;
        const QString database = dir.filePath(QStringLiteral("server.sqlite"));
        ServerProcess process(database);
        QVERIFY(process.start());
        const QByteArray fingerprint = process.fingerprint();
        const std::vector<QByteArray> speech = speechPackets(1);
        {
            TestClient talker(QStringLiteral("unit-0001"), process.url(), fingerprint);
            QVERIFY(talker.login());
            QVERIFY(talker.call(proto::Affiliate {{kGroup}}));
            // A first spurt killed before any audio: nothing to keep.
            QVERIFY(talker.call(floorRequest()));
            QTest::qWait(200);
            process.kill();
        }
        QVERIFY(process.start());
        {
            TestClient talker(QStringLiteral("unit-0001"), process.url(), fingerprint);
            QVERIFY(talker.login());
            QVERIFY(talker.call(proto::Affiliate {{kGroup}}));
            QVERIFY(talker.call(floorRequest()));
            QTest::qWait(100); // the talker's latch
            // A second one killed after 1.6 s of speech, mid-page.
            for (int i = 0; i < 80; ++i) {
                talker.rtp.sendPayload(speech[std::size_t(i)], i == 0, talker.timestamp);
                talker.timestamp += 960;
                QTest::qWait(4);
            }
            QTest::qWait(300); // the recorder has written what it got
            process.kill();
        }
        // The next start settles both before it records anything new.
        QVERIFY(process.start());
        process.kill();

        server::RecordingStore store;
        QString error;
        QVERIFY2(store.open(database, dir.filePath(QStringLiteral("media/recordings")), &error),
                 qPrintable(error));
        server::RecordingQuery all;
        all.newestFirst = false;
        const QList<RecordingRow> rows = store.find(all);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].state, RecordingRow::State::Lost);
        QVERIFY(rows[0].file.isEmpty());
        QCOMPARE(rows[1].state, RecordingRow::State::Cut);
        const QString path = store.absolutePath(rows[1]);
        const auto info = server::readOggOpus(path);
        QVERIFY(info && info->complete);
        QVERIFY(!QFile::exists(path + QStringLiteral(".part")));
        // Whole pages close every half second: at most that much of what arrived is gone.
        QVERIFY2(rows[1].durationMs >= 1000 && rows[1].durationMs <= 1600,
                 qPrintable(QString::number(rows[1].durationMs)));
        const auto heard = decodeWithOpusdec(path, dir.path());
        QVERIFY(heard);
        const std::vector<float> sent = clipAt48k(resources::speechClips().at(0));
        const std::vector<float> said(sent.begin(), sent.begin() + std::ptrdiff_t(heard->size()));
        const double similarity = segmentCorrelation(said, *heard, 4800, 1200, 4, 2);
        QVERIFY2(similarity >= 0.9, qPrintable(QString::number(similarity)));
    }

    void retentionRemovesWhatItShouldAndNothingElse()
    {
        startAll();
        for (int i = 0; i < 3; ++i)
            QVERIFY(talk(speechPackets(2)));
        server::RecordingStore &store = m_server->recordings()->store();
        server::RecordingQuery all;
        all.newestFirst = false;
        QList<RecordingRow> rows = store.find(all);
        QCOMPARE(rows.size(), 3);
        // The oldest goes by age; of the other two, the older by size.
        const qint64 day = 24LL * 3600 * 1000;
        QVERIFY(store.sweep(rows[0].startedMs + 1, 0) == 1);
        QVERIFY(!QFile::exists(store.absolutePath(rows[0])));
        QVERIFY(!store.row(rows[0].id));
        QCOMPARE(store.sweep(rows[1].startedMs - day, rows[2].bytes + rows[1].bytes), 0);
        QCOMPARE(store.sweep(0, rows[2].bytes), 1);
        QVERIFY(!store.row(rows[1].id));
        const auto kept = store.row(rows[2].id);
        QVERIFY(kept);
        QVERIFY(server::readOggOpus(store.absolutePath(*kept))->complete);
        // A spurt being recorded is never swept, however small the bound.
        QVERIFY(a->call(floorRequest()));
        QVERIFY(b->waitEvent<proto::FloorTaken>());
        QCOMPARE(m_server->recordings()->recordingsNow(), 1);
        QCOMPARE(store.sweep(QDateTime::currentMSecsSinceEpoch() + day, 1), 1);
        QCOMPARE(m_server->recordings()->recordingsNow(), 1);
        QVERIFY(a->call(proto::FloorRelease {kSession}));
    }

    void anExportPlaysInAStandardPlayer()
    {
        startAll();
        for (int i = 0; i < 2; ++i)
            QVERIFY(talk(speechPackets(2)));
        const QString to = m_dir.filePath(QStringLiteral("export"));
        server::RecordingQuery query;
        query.group = kGroup;
        QString error;
        QCOMPARE(server::RecordingExport(m_server->recordings()->store()).run(query, to, &error),
                 2);
        const QStringList files
            = QDir(to).entryList({QStringLiteral("*.opus")}, QDir::Files, QDir::Name);
        QCOMPARE(files.size(), 2);
        QVERIFY(files[0].contains(QStringLiteral("group-tg-001_unit-0001")));
        for (const QString &f : files)
            QVERIFY(decodeWithOpusdec(QDir(to).filePath(f), m_dir.path()));
        QFile index(QDir(to).filePath(QStringLiteral("index.csv")));
        QVERIFY(index.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = index.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines[1].startsWith(QByteArray(files[0].toUtf8() + ',')));
    }
};

QTEST_GUILESS_MAIN(TestServerRecording)
#include "tst_serverrecording.moc"
