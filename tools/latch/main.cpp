// SPDX-License-Identifier: Apache-2.0
// floorline-latch: logs in as a unit and latches the relay to a UDP port that a standard RTP
// tool (GStreamer, ffmpeg) then listens on, for interop tests against a --plain-rtp server
// (docs/operations.md, "Plain RTP for interop tests"). Stays logged in until Ctrl+C.
#include "core/protocol/fingerprint.h"
#include "core/protocol/rtp.h"
#include "core/signaling/signalingclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostInfo>
#include <QNetworkDatagram>
#include <QTimer>
#include <QUdpSocket>

#include <array>
#include <csignal>
#include <cstdio>
#include <functional>

using namespace floorline;

namespace {
void onSignal(int)
{
    QCoreApplication::quit();
}

/// The plain keep-alive of docs/protocol.md §6.2: an RTP header (payload type 127, the login's
/// SSRC) whose payload is the login's 16-byte media key.
QByteArray plainKeepAlive(const proto::MediaInfo &media)
{
    proto::RtpPacket header;
    header.payloadType = proto::kKeepAlivePayloadType;
    header.ssrc = media.ssrc;
    const QByteArray key = QByteArray::fromHex(media.key.toLatin1());
    std::array<uint8_t, 64> buffer {};
    const std::size_t size = proto::writeRtp(
        header, {reinterpret_cast<const uint8_t *>(key.constData()), std::size_t(key.size())},
        buffer);
    return QByteArray(reinterpret_cast<const char *>(buffer.data()), qsizetype(size));
}

/// Sends keep-alives from `local` until the relay echoes one; the socket is closed after, so
/// the RTP tool can bind the same port.
class Latch : public QObject
{
public:
    Latch(QHostAddress local, quint16 port)
        : m_local(std::move(local))
        , m_port(port)
    { }

    bool start(const QHostAddress &relay, const proto::MediaInfo &media, QString *error)
    {
        if (!m_socket.bind(m_local, m_port)) {
            *error = QStringLiteral("cannot bind %1:%2: %3")
                         .arg(m_local.toString())
                         .arg(m_port)
                         .arg(m_socket.errorString());
            return false;
        }
        const QByteArray keepAlive = plainKeepAlive(media);
        const auto send = [this, relay, port = quint16(media.port), keepAlive] {
            m_socket.writeDatagram(keepAlive, relay, port);
        };
        connect(&m_timer, &QTimer::timeout, this, send);
        connect(&m_socket, &QUdpSocket::readyRead, this, [this] {
            while (m_socket.hasPendingDatagrams())
                m_socket.receiveDatagram();
            m_timer.stop();
            m_socket.close();
            m_done();
        });
        m_timer.start(500);
        send();
        return true;
    }
    void onLatched(std::function<void()> done) { m_done = std::move(done); }

private:
    QHostAddress m_local;
    quint16 m_port;
    QUdpSocket m_socket;
    QTimer m_timer;
    std::function<void()> m_done = [] {};
};
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("floorline-latch"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Logs in as a unit and latches the relay of a --plain-rtp server to a local UDP port, so "
        "that a standard RTP tool listening there receives what the unit hears. Stays logged "
        "in until Ctrl+C."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server({QStringLiteral("s"), QStringLiteral("server")},
                                    QStringLiteral("Signaling URL (default wss://127.0.0.1:7700)."),
                                    QStringLiteral("url"), QStringLiteral("wss://127.0.0.1:7700"));
    const QCommandLineOption fingerprint(
        QStringLiteral("fingerprint"),
        QStringLiteral("SHA-256 of a self-signed server's certificate (floorline-server "
                       "--fingerprint prints it)."),
        QStringLiteral("hex"));
    const QCommandLineOption user(QStringLiteral("user"),
                                  QStringLiteral("Account to log in as (default unit-0001)."),
                                  QStringLiteral("id"), QStringLiteral("unit-0001"));
    const QCommandLineOption password(QStringLiteral("password"),
                                      QStringLiteral("Its password (default: the account id)."),
                                      QStringLiteral("secret"));
    const QCommandLineOption address(
        QStringLiteral("rtp-address"),
        QStringLiteral("Local address the RTP tool listens on (default 127.0.0.1)."),
        QStringLiteral("ip"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption port(QStringLiteral("rtp-port"),
                                  QStringLiteral("Local UDP port the RTP tool listens on "
                                                 "(default 5004)."),
                                  QStringLiteral("port"), QStringLiteral("5004"));
    parser.addOptions({server, fingerprint, user, password, address, port});
    parser.process(app);

    const QUrl url(parser.value(server));
    const QString account = parser.value(user);
    SignalingClient client;
    if (parser.isSet(fingerprint)) {
        const QByteArray pin = proto::parseFingerprint(parser.value(fingerprint));
        if (pin.isEmpty()) {
            std::fprintf(stderr, "floorline-latch: --fingerprint wants 64 hex digits\n");
            return 2;
        }
        client.setPinnedCertificate(pin);
    }
    const QHostAddress local(parser.value(address));
    if (local.isNull()) {
        std::fprintf(stderr, "floorline-latch: --rtp-address: not an IP address\n");
        return 2;
    }
    Latch latch(local, quint16(parser.value(port).toUInt()));
    const auto fail = [](const QString &why) {
        std::fprintf(stderr, "floorline-latch: %s\n", qPrintable(why));
        QCoreApplication::exit(1);
    };
    QObject::connect(&client, &SignalingClient::errorOccurred, &app,
                     [&](const proto::Error &e) { fail(e.message); });
    QObject::connect(&client, &SignalingClient::certificateRejected, &app,
                     [&](const QByteArray &presented, const QByteArray &, const QString &why) {
                         // Not "give this fingerprint": it came over the untrusted link.
                         fail(QStringLiteral("refused the certificate %1 (%2): give the "
                                             "--fingerprint that floorline-server "
                                             "--fingerprint prints on the server")
                                  .arg(proto::formatFingerprint(presented), why));
                     });
    bool latched = false;
    QObject::connect(
        &client, &SignalingClient::loggedIn, &app, [&](const proto::LoginResult &login, bool) {
            if (latched)
                return; // a resume keeps the latch
            if (!login.media.srtp.isEmpty()) {
                fail(QStringLiteral("the server encrypts voice (SRTP): a plain RTP "
                                    "tool cannot play it. Start it with "
                                    "--plain-rtp for interop tests."));
                return;
            }
            proto::Affiliate affiliate;
            affiliate.groups = login.unit.groups;
            client.send(affiliate);
            const QList<QHostAddress> relay = QHostInfo::fromName(url.host()).addresses();
            latch.onLatched([&, login] {
                latched = true;
                std::fprintf(stdout,
                             "latched %s:%s for %s (groups %s, ssrc %u): start the "
                             "RTP tool on that port now; Ctrl+C logs out\n",
                             qPrintable(parser.value(address)), qPrintable(parser.value(port)),
                             qPrintable(account), qPrintable(login.unit.groups.join(u',')),
                             login.media.ssrc);
                std::fflush(stdout);
            });
            QString error;
            if (relay.isEmpty())
                fail(QStringLiteral("cannot resolve %1").arg(url.host()));
            else if (!latch.start(relay.first(), login.media, &error))
                fail(error);
        });
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    client.connectToServer(url, account, parser.isSet(password) ? parser.value(password) : account);
    const int code = app.exec();
    client.disconnectFromServer();
    return code;
}
