// SPDX-License-Identifier: Apache-2.0
#include "demo.h"

namespace floorline::app {

namespace {
constexpr int kUnits = 48;
constexpr int kGroups = 12;
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
    return true;
}

} // namespace floorline::app
