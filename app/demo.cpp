// SPDX-License-Identifier: Apache-2.0
#include "demo.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QTimer>

namespace floorline::app {

namespace {
constexpr int kUnits = 48;
constexpr int kGroups = 12;
constexpr int kColleagueCallMs = 4000; ///< the simulated fleet logs in within about a second
/// A field photo stand-in: a coloured scene with a caption, as PNG bytes.
QByteArray scene(const QString &caption, QColor sky, QColor ground)
{
    QImage image(800, 500, QImage::Format_RGB32);
    QPainter p(&image);
    p.fillRect(0, 0, 800, 300, sky);
    p.fillRect(0, 300, 800, 200, ground);
    p.setBrush(QColor(230, 230, 230));
    p.setPen(Qt::NoPen);
    p.drawRect(260, 150, 280, 200);
    p.setBrush(QColor(255, 140, 40));
    p.drawEllipse(QPoint(400, 130), 90, 60);
    p.setPen(Qt::white);
    p.setFont(QFont(QStringLiteral("Sans"), 36, QFont::Bold));
    p.drawText(QRect(0, 400, 800, 100), Qt::AlignCenter, caption);
    p.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}
} // namespace

Demo::Demo() = default;
Demo::~Demo() = default;

bool Demo::start(QString *error)
{
    const proto::Fleet fleet = proto::makeDemoFleet(kUnits, kGroups);
    server::ServerOptions options;
    options.fleet = fleet;
    m_server = std::make_unique<server::Server>();
    if (!m_server->start(options, error))
        return false;
    sim::SimFleet::Options sim;
    sim.server = m_server->url();
    sim.fingerprint = m_server->fingerprint();
    sim.talkIntervalSeconds = 6.0; // a busy evening: something to hear on most groups
    // Now and then: an unacknowledged emergency makes its unit escalate every talk.
    sim.emergencyShare = 0.01;
    sim.resetIntervalSeconds = 45; // now and then a radio reboots: "Resetting" in the unit list
    // Some spurts show a picture: what a unit in the field would send with its words.
    sim.pictures
        = {{QStringLiteral("harbour-rd.png"),
            scene(QStringLiteral("Harbour Rd 14"), QColor(70, 110, 160), QColor(60, 60, 60))},
           {QStringLiteral("hydrant.png"),
            scene(QStringLiteral("Hydrant, north side"), QColor(40, 60, 90), QColor(50, 90, 50))},
           {QStringLiteral("access-gate.png"),
            scene(QStringLiteral("Access gate B"), QColor(120, 80, 60), QColor(80, 80, 70))}};
    m_fleet = std::make_unique<sim::SimFleet>(fleet, sim);
    m_fleet->start();
    // Once the fleet is on line, the colleague calls a few units into an incident.
    m_colleague = std::make_unique<SignalingClient>();
    m_colleague->setPinnedCertificate(m_server->fingerprint());
    m_colleague->connectToServer(m_server->url(), QStringLiteral("dispatch-2"),
                                 QStringLiteral("dispatch-2"));
    QTimer::singleShot(kColleagueCallMs, m_colleague.get(), [this] {
        m_colleague->send(
            proto::SessionCreate {proto::SessionKind::AdHoc,
                                  QStringLiteral("Structure fire, Harbour Rd"),
                                  {QStringLiteral("unit-0007"), QStringLiteral("unit-0019"),
                                   QStringLiteral("unit-0031"), QStringLiteral("unit-0043")},
                                  {}});
    });
    return true;
}

} // namespace floorline::app
