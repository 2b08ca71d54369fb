// SPDX-License-Identifier: Apache-2.0
#include "demo.h"

#include <QTimer>

namespace floorline::app {

namespace {
constexpr int kUnits = 48;
constexpr int kGroups = 12;
constexpr int kColleagueCallMs = 4000; ///< the simulated fleet logs in within about a second
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
    sim.talkIntervalSeconds = 6.0; // a busy evening: something to hear on most groups
    sim.emergencyShare = 0.03;
    m_fleet = std::make_unique<sim::SimFleet>(fleet, sim);
    m_fleet->start();
    // Once the fleet is on line, the colleague calls a few units into an incident.
    m_colleague = std::make_unique<SignalingClient>();
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
