// SPDX-License-Identifier: Apache-2.0
#include "consolefixture.h"

#include "core/protocol/fingerprint.h"
#include "core/protocol/pairinguri.h"

#include <QColor>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRandomGenerator>

#include <QJsonObject>

#include <cmath>

namespace floorline::test {

ConsoleFixture::ConsoleFixture()
    : m_server(startServer(30, 6))
{
    QString error;
    if (!m_voice.start(&error))
        qWarning("fake audio did not start: %s", qPrintable(error));
    // The fake devices run on a virtual clock: advance it as real time passes.
    m_deviceClock.setInterval(10);
    connect(&m_deviceClock, &QTimer::timeout, this, [this] { m_devices.advance(480); });
    m_deviceClock.start();
    m_controller = std::make_unique<console::ConsoleController>(m_client, &m_voice);
    m_audio = std::make_unique<console::AudioSettings>(&m_devices, &m_voice, QString(), QString(),
                                                       QString(), QString());
    m_controller->setAudio(m_audio.get());
    m_controller->media()->cache().setDirectory(cacheDirectory());
    if (m_server) {
        m_controller->connection()->trust()->pin(m_server->url(), m_server->fingerprint(), false);
        m_controller->connectToServer(m_server->url(), QStringLiteral("dispatch-1"),
                                      QStringLiteral("dispatch-1"));
    }
}

QString ConsoleFixture::cacheDirectory()
{
    static QTemporaryDir directory;
    return directory.path();
}

ConsoleFixture::~ConsoleFixture()
{
    m_deviceClock.stop();
    m_voice.stop();
}

void ConsoleFixture::speakIntoMicrophone(double seconds)
{
    std::vector<float> tone(std::size_t(seconds * 48000));
    for (std::size_t i = 0; i < tone.size(); ++i)
        tone[i] = 0.5f * float(std::sin(2.0 * 3.14159265358979 * 440.0 * double(i) / 48000.0));
    m_devices.speak(tone);
}

bool ConsoleFixture::ready() const
{
    return m_controller->link() == console::Link::Online
        && !m_controller->groups()->selectedGroups().isEmpty();
}

TestClient *ConsoleFixture::loggedIn(const QString &unit)
{
    TestClient *client = m_units.value(unit);
    if (!client) {
        client = new TestClient(unit, *m_server, this);
        if (!client->login()) {
            delete client;
            return nullptr;
        }
        m_units.insert(unit, client);
    }
    return client;
}

bool ConsoleFixture::unitsOnline(const QStringList &units)
{
    for (const QString &unit : units) {
        if (!loggedIn(unit))
            return false;
    }
    return true;
}

QString ConsoleFixture::otherDispatcherCalls(const QStringList &units)
{
    TestClient *dispatcher = loggedIn(QStringLiteral("dispatch-2"));
    if (!dispatcher)
        return {};
    const auto result = dispatcher->call(
        proto::SessionCreate {proto::SessionKind::AdHoc, QStringLiteral("Other call"), units, {}});
    return result ? result->session.id : QString();
}

bool ConsoleFixture::otherDispatcherTalks(const QString &group)
{
    TestClient *dispatcher = loggedIn(QStringLiteral("dispatch-2"));
    if (!dispatcher || !dispatcher->call(proto::Affiliate {{group}}))
        return false;
    const auto result = dispatcher->call(proto::FloorRequest {proto::groupSessionId(group), 8, {}});
    return result && result->outcome == proto::FloorOutcome::Granted;
}

void ConsoleFixture::otherDispatcherStops(const QString &group)
{
    if (TestClient *dispatcher = m_units.value(QStringLiteral("dispatch-2")))
        dispatcher->call(proto::FloorRelease {proto::groupSessionId(group)});
}

QString ConsoleFixture::serverFingerprint() const
{
    return proto::formatFingerprint(m_server->fingerprint());
}

void ConsoleFixture::forgetServer()
{
    m_controller->connection()->trust()->forget(m_server->url());
}

void ConsoleFixture::pinOtherCertificate()
{
    m_controller->connection()->trust()->pin(m_server->url(), QByteArray(32, '\x42'), false);
}

QVariantMap ConsoleFixture::serverStats() const
{
    return m_server->statsJson().value(QStringLiteral("signaling")).toObject().toVariantMap();
}

QString ConsoleFixture::unitTalks(const QString &unit, bool emergency)
{
    return unitAsks(unit, emergency) == QLatin1String("granted")
        ? m_units.value(unit)->client.login().unit.groups.value(0)
        : QString();
}

QString ConsoleFixture::unitAsks(const QString &unit, bool emergency)
{
    TestClient *client = loggedIn(unit);
    if (!client)
        return {};
    const QString group = client->client.login().unit.groups.value(0);
    if (group.isEmpty() || !client->call(proto::Affiliate {{group}}))
        return {};
    const auto result = client->call(
        proto::FloorRequest {proto::groupSessionId(group), emergency ? 15 : 0,
                             emergency ? proto::FloorType::Emergency : proto::FloorType::Normal});
    return result ? proto::enumName(proto::kFloorOutcomes, result->outcome) : QString();
}

void ConsoleFixture::logInAs(const QString &user)
{
    m_controller->logout();
    m_controller->connection()->trust()->pin(m_server->url(), m_server->fingerprint(), false);
    m_controller->connectToServer(m_server->url(), user, user);
}

QString ConsoleFixture::aliasOf(const QString &unit) const
{
    return m_controller->unitList().alias(unit);
}

void ConsoleFixture::unitStops(const QString &unit)
{
    if (TestClient *client = m_units.value(unit)) {
        const QString group = client->client.login().unit.groups.value(0);
        client->call(proto::FloorRelease {proto::groupSessionId(group)});
    }
}

QUrl ConsoleFixture::writePicture(const QString &name, int width, int height, const QString &color)
{
    QImage image(width, height, QImage::Format_RGB32);
    if (color == QLatin1String("noise")) {
        // Noise does not compress: a file big enough for an upload to take a while.
        QRandomGenerator random(width * 7 + height);
        for (int y = 0; y < height; ++y)
            random.fillRange(reinterpret_cast<quint32 *>(image.scanLine(y)), width);
    } else {
        image.fill(QColor(color));
    }
    const QString path = m_files.filePath(name);
    return image.save(path, "PNG") ? QUrl::fromLocalFile(path) : QUrl();
}

QString ConsoleFixture::scanPairAndPushVideo(const QString &path, const QString &unit)
{
    QProcess zbar;
    zbar.start(QStringLiteral("zbarimg"), {QStringLiteral("--raw"), QStringLiteral("-q"), path});
    if (!zbar.waitForFinished(10000) || zbar.exitCode() != 0)
        return {};
    const QString read = QString::fromUtf8(zbar.readAllStandardOutput()).trimmed();
    const auto code = proto::PairingUri::parse(read);
    if (!code || code->server != m_server->url() || code->fingerprint != m_server->fingerprint())
        return {};
    TestClient *phone = loggedIn(unit);
    if (!phone || !phone->call(proto::PairClaim {code->token}))
        return {};
    QFile file(QStringLiteral(FLOORLINE_TEST_DATA "/incident.mp4"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray video = file.readAll();
    const QString sha
        = uploadMedia(*phone, video, QStringLiteral("incident.mp4"), QStringLiteral("video/mp4"));
    if (sha.isEmpty())
        return {};
    proto::MediaPush push;
    push.push = QStringLiteral("clip-1");
    push.to.bound = true;
    push.media = sha;
    return phone->call(push) ? read : QString();
}

QString ConsoleFixture::unitTalksShowing(const QString &unit, const QString &name)
{
    TestClient *client = loggedIn(unit);
    const QUrl file = writePicture(name, 640, 480, QStringLiteral("#d04020"));
    QFile f(file.toLocalFile());
    if (!client || !f.open(QIODevice::ReadOnly))
        return {};
    const QString sha = uploadMedia(*client, f.readAll(), name);
    if (sha.isEmpty())
        return {};
    const QString group = client->client.login().unit.groups.value(0);
    if (group.isEmpty() || !client->call(proto::Affiliate {{group}}))
        return {};
    const auto result = client->call(
        proto::FloorRequest {proto::groupSessionId(group), 0, proto::FloorType::Normal, sha});
    return result && result->outcome == proto::FloorOutcome::Granted ? group : QString();
}

} // namespace floorline::test
