// SPDX-License-Identifier: Apache-2.0
#include "pairing.h"

#include "core/protocol/pairinguri.h"
#include "core/signaling/signalingclient.h"

#include <QHostAddress>

namespace floorline::console {

Pairing::Pairing(SignalingClient &client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    // A fresh login (a server restart among others) starts a new list: page sessions live in
    // the server's memory, and a resumed login keeps them and the list.
    connect(&m_client, &SignalingClient::loggedIn, this,
            [this](const proto::LoginResult &, bool resumed) {
                if (resumed || m_devices.isEmpty())
                    return;
                m_devices.clear();
                Q_EMIT devicesChanged();
            });
}

void Pairing::start()
{
    m_client.send(proto::PairCreate {}, [this](const Reply<proto::PairCode> &reply) {
        if (!reply.ok()) {
            m_uri.clear();
            m_error = reply.error.message;
            Q_EMIT codeChanged();
            return;
        }
        m_error.clear();
        m_token = reply.value->token;
        m_expires = reply.value->expires;
        // The address this console reached the server at: the device is on the same network.
        // A phone's camera opens it as the phone page; a Floorline device reads it too.
        // With the certificate this console trusts: the device needs no prompt of its own.
        const QByteArray fingerprint = m_client.url().scheme() == QLatin1String("wss")
            ? m_client.presentedCertificate()
            : QByteArray();
        m_uri = proto::PairingUri {m_client.url(), m_client.login().unit.id, m_token, m_expires,
                                   fingerprint}
                    .toWebUrl();
        // The demo's embedded server and a server on the same machine are reached on loopback:
        // the code still pairs a client on this machine, but a phone opens its own loopback.
        const QString host = m_client.url().host();
        const bool loopback = host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0
            || QHostAddress(host).isLoopback();
        m_warning = loopback
            ? tr("This console reached the server at %1, which a phone cannot open. To pair a "
                 "phone, log in with the server's network address.")
                  .arg(host)
            : QString();
        Q_EMIT codeChanged();
    });
}

bool Pairing::handle(const proto::Event &event)
{
    const auto *bound = std::get_if<proto::PairBound>(&event);
    if (!bound)
        return false;
    // pair.bound names the device in `console` (the Paired shape, docs/protocol.md §10.9).
    QString name = bound->alias.isEmpty() ? bound->console : bound->alias;
    // Two phones both called "Engine 4": the second is told apart by its number.
    if (m_devices.contains(name)) {
        int n = 2;
        while (m_devices.contains(QStringLiteral("%1 (%2)").arg(name).arg(n)))
            ++n;
        name = QStringLiteral("%1 (%2)").arg(name).arg(n);
    }
    m_devices.append(name);
    Q_EMIT devicesChanged();
    // The code is spent: a second device needs a new one.
    m_uri.clear();
    Q_EMIT codeChanged();
    return true;
}

} // namespace floorline::console
