// SPDX-License-Identifier: Apache-2.0
#include "testclient.h"

#include "core/media/opuscodec.h"
#include "resources/speechclips.h"

#include <QCryptographicHash>
#include <QThread>

namespace floorline::test {

std::unique_ptr<server::Server> startServer(int units, int groups, server::Hub::Config config)
{
    server::ServerOptions options;
    options.fleet = proto::makeDemoFleet(units, groups);
    options.hub = config;
    return startServer(options);
}

std::unique_ptr<server::Server> startServer(server::ServerOptions options)
{
    auto server = std::make_unique<server::Server>();
    QString error;
    if (!server->start(options, &error)) {
        qWarning().noquote() << "server did not start:" << error;
        return nullptr;
    }
    return server;
}

TestClient::TestClient(const QString &user, const server::Server &server, QObject *parent)
    : TestClient(user, server.url(), server.fingerprint(), parent)
{ }

TestClient::TestClient(const QString &user, const QUrl &url, const QByteArray &fingerprint,
                       QObject *parent)
    : QObject(parent)
    , user(user)
    , url(url)
{
    client.setPinnedCertificate(fingerprint);
    connect(&client, &SignalingClient::eventReceived, this,
            [this](const proto::Event &event, quint64 seq) {
                // SRTP: each talk's key comes with its floor events (docs/protocol.md §6.5).
                if (const auto *granted = std::get_if<proto::FloorGranted>(&event))
                    rtp.setTalkKey(granted->key);
                else if (const auto *taken = std::get_if<proto::FloorTaken>(&event))
                    rtp.setTalkerKey(taken->ssrc, taken->key);
                events.append(event);
                eventSeqs.append(seq);
            });
    connect(&rtp, &RtpEndpoint::packetReceived, this,
            [this](const ReceivedRtp &packet) { packets.append(packet); });
    connect(&client, &SignalingClient::loggedIn, this, [this](const proto::LoginResult &login) {
        rtp.start(QHostAddress::LocalHost, quint16(login.media.port), login.media.ssrc,
                  login.media.key);
    });
    rtp.open();
}

bool TestClient::login(int timeoutMs)
{
    client.connectToServer(url, user, user);
    return QTest::qWaitFor([this] { return client.state() == SignalingClient::State::Online; },
                           timeoutMs)
        && QTest::qWaitFor([this] { return rtp.isLatched(); }, timeoutMs);
}

QString uploadMedia(TestClient &client, const QByteArray &bytes, const QString &name,
                    const QString &type)
{
    const QString sha
        = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    const auto begun = client.call(proto::MediaUpload {name, type, bytes.size(), sha});
    if (!begun)
        return {};
    if (begun->upload.isEmpty())
        return sha; // already stored
    for (qint64 at = 0; at < bytes.size(); at += proto::kMaxMediaChunk) {
        if (!client.call(
                proto::MediaChunk {begun->upload, at, bytes.mid(at, proto::kMaxMediaChunk)}))
            return {};
    }
    const auto item = client.call(proto::MediaFinish {begun->upload});
    return item ? item->id : QString();
}

void TestClient::sendSpurt(const std::vector<QByteArray> &payloads, int gapMs)
{
    bool first = true;
    for (const QByteArray &payload : payloads) {
        rtp.sendPayload(payload, first, timestamp);
        timestamp += 960;
        first = false;
        if (gapMs > 0)
            QTest::qWait(gapMs);
    }
}

bool TestClient::waitPackets(int count, int timeoutMs)
{
    return QTest::qWaitFor([&] { return packets.size() >= count; }, timeoutMs);
}

std::vector<QByteArray> speechPackets(int n)
{
    const QList<media::PcmClip> clips = resources::speechClips();
    if (clips.size() < n)
        return {};
    media::OpusVoiceEncoder::Config config;
    config.sampleRate = clips.at(n - 1).sampleRate;
    return media::encodeClip(clips.at(n - 1).samples, config);
}

} // namespace floorline::test
