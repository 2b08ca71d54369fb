// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/signaling/signalingclient.h"
#include "server/lib/server.h"
#include "tools/sim/simfleet.h"

#include <QUrl>

#include <memory>

namespace floorline::app {

/**
 * @brief The console's demo default: the reference server and a simulated fleet in-process,
 * so a fresh install shows a live control room with nothing to configure.
 *
 * The fleet is four levels of groups (all > regions > talk groups) with 48 units speaking
 * real speech every few seconds per group and an occasional emergency. A second dispatcher
 * (dispatch-2) runs a call of its own, so the console shows a live call it is not part of.
 */
class Demo
{
public:
    Demo();
    ~Demo();
    bool start(QString *error);
    QUrl url() const { return m_server->url(); }
    /// Its own server's certificate, made at start: the console trusts it without asking.
    QByteArray fingerprint() const { return m_server->fingerprint(); }
    bool running() const { return m_server != nullptr; }
    static QString user() { return QStringLiteral("dispatch-1"); }

private:
    std::unique_ptr<server::Server> m_server;
    std::unique_ptr<sim::SimFleet> m_fleet;
    std::unique_ptr<SignalingClient> m_colleague; ///< dispatch-2
};

} // namespace floorline::app
