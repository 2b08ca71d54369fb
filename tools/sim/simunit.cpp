// SPDX-License-Identifier: Apache-2.0
#include "simunit.h"

#include <QCryptographicHash>

#include "core/protocol/clock.h"
#include "core/protocol/fingerprint.h"
#include "core/protocol/rtp.h"

#include <QLoggingCategory>
#include <QRandomGenerator>

Q_LOGGING_CATEGORY(lcSimUnit, "floorline.sim.unit", QtInfoMsg)

namespace floorline::sim {

SimUnit::SimUnit(const proto::Account &account, const QUrl &server, const QByteArray &fingerprint,
                 QObject *parent)
    : QObject(parent)
    , m_account(account)
    , m_server(server)
{
    m_client.setPinnedCertificate(fingerprint);
    connect(
        &m_client, &SignalingClient::certificateRejected, this,
        [this](const QByteArray &presented, const QByteArray &pinned, const QString &why) {
            const QString fingerprint = proto::formatFingerprint(presented);
            Q_EMIT failed(
                pinned.isEmpty()
                    ? QStringLiteral("%1 presents certificate SHA-256 %2, not trusted (%3); give"
                                     " its --fingerprint (floorline-server --fingerprint)")
                          .arg(m_server.toString(), fingerprint, why)
                    : QStringLiteral("%1 presents certificate SHA-256 %2, not the one "
                                     "--fingerprint names (%3)")
                          .arg(m_server.toString(), fingerprint, proto::formatFingerprint(pinned)));
        });
    m_rtp.open(QHostAddress(server.host()).protocol() == QAbstractSocket::IPv6Protocol
                   ? QHostAddress::LocalHostIPv6
                   : QHostAddress::AnyIPv4);
    m_emergencyTimer.setSingleShot(true);
    connect(&m_emergencyTimer, &QTimer::timeout, this, &SimUnit::cancelEmergency);
    connect(&m_client, &SignalingClient::loggedIn, this, &SimUnit::onLoggedIn);
    connect(&m_client, &SignalingClient::eventReceived, this,
            [this](const proto::Event &event) { onEvent(event); });
    connect(&m_client, &SignalingClient::connectionLost, this, [this] {
        // The server released our floor with the connection; never pick the spurt up again.
        finish(false);
        m_rtp.stop();
    });
    connect(&m_rtp, &RtpEndpoint::packetReceived, this, [this](const ReceivedRtp &packet) {
        ++m_counters.packetsReceived;
        const auto last = m_lastSequence.constFind(packet.ssrc);
        if (last != m_lastSequence.constEnd() && !packet.marker) {
            const quint16 gap = quint16(packet.sequence - *last);
            if (gap > 1 && gap < 1000)
                m_counters.packetsLost += gap - 1;
        }
        m_lastSequence.insert(packet.ssrc, packet.sequence);
    });
}

void SimUnit::start()
{
    m_client.connectToServer(m_server, m_account.unit.id, m_account.password);
}

void SimUnit::stop()
{
    finish(true);
    m_emergencyTimer.stop(); // a fresh login asks for the emergency again and starts it anew
    m_client.disconnectFromServer();
    m_rtp.stop();
}

void SimUnit::reset(int downMs)
{
    if (!isIdle())
        return;
    ++m_counters.resets;
    m_client.send(proto::UnitAnnounce {proto::UnitStatus::Resetting},
                  [this, downMs](const Reply<proto::Empty> &) {
                      stop();
                      QTimer::singleShot(downMs, this, &SimUnit::start);
                  });
}

void SimUnit::onLoggedIn(const proto::LoginResult &login)
{
    if (m_everOnline)
        ++m_counters.reconnects;
    m_everOnline = true;
    const QHostAddress host(m_server.host() == QLatin1String("localhost")
                                ? QStringLiteral("127.0.0.1")
                                : m_server.host());
    // One media clock per RTP stream: a new SSRC starts afresh, a resume that keeps it does not.
    if (login.media.ssrc != m_rtp.ssrc())
        m_clock = MediaClock();
    m_rtp.start(host, quint16(login.media.port), login.media.ssrc, login.media.key);
    if (!login.resumed) {
        // Events may have been missed (or the server restarted): ask where our emergency is.
        m_client.send(proto::EmergencyListGet {}, [this](const Reply<proto::EmergencyList> &r) {
            if (!r.ok())
                return;
            bool open = false;
            for (const proto::EmergencyInfo &e : r.value->emergencies) {
                if (e.unit == m_account.unit.id) {
                    adoptEmergency(e);
                    open = true;
                }
            }
            if (!open) {
                m_emergency = {}; // cancelled by a console while we were gone
                m_emergencyTimer.stop();
            }
        });
    }
    if (!login.resumed && !m_account.unit.groups.isEmpty()) {
        m_client.send(proto::Affiliate {m_account.unit.groups},
                      [this](const Reply<proto::SessionList> &reply) {
                          if (!reply.ok())
                              qCWarning(lcSimUnit) << m_account.unit.id
                                                   << "could not affiliate:" << reply.error.message;
                      });
    }
}

void SimUnit::talk(const QString &session, const media::SpurtRecording *clip, proto::FloorType type,
                   int priority, const QString &media)
{
    if (!isIdle() || !clip || clip->packets.empty())
        return;
    // While nobody has acknowledged our emergency, every call is an emergency call (escalation);
    // once someone has, there is no reason to pre-empt anyone any more.
    if (!m_emergency.id.isEmpty())
        type = m_emergency.acks.isEmpty() ? proto::FloorType::Emergency : proto::FloorType::Normal;
    m_floorSession = session;
    m_clip = clip;
    ++m_counters.requests;
    m_client.send(proto::FloorRequest {session, priority, type, media},
                  [this, session](const Reply<proto::FloorRequestResult> &reply) {
                      if (m_floorSession != session)
                          return; // gave up meanwhile (connection lost)
                      if (!reply.ok()) {
                          m_floorSession.clear();
                          return;
                      }
                      switch (reply.value->outcome) {
                      case proto::FloorOutcome::Granted:
                          ++m_counters.granted;
                          m_rtp.setTalkKey(reply.value->key);
                          startSpeaking();
                          break;
                      case proto::FloorOutcome::Queued:
                          ++m_counters.queued; // wait for floor.granted
                          break;
                      case proto::FloorOutcome::Denied:
                          ++m_counters.denied;
                          m_floorSession.clear(); // back off until the fleet picks us again
                          break;
                      }
                  });
}

void SimUnit::onEvent(const proto::Event &event)
{
    // SRTP: each talk's key comes with its floor events (docs/protocol.md §6.5).
    if (const auto *granted = std::get_if<proto::FloorGranted>(&event))
        m_rtp.setTalkKey(granted->key);
    if (const auto *taken = std::get_if<proto::FloorTaken>(&event)) {
        m_rtp.setTalkerKey(taken->ssrc, taken->key);
        // The spurt's item shows for as long as the spurt: until the next Taken or Idle.
        if (taken->media.isEmpty()) {
            m_showing.remove(taken->session);
        } else {
            m_showing.insert(taken->session, taken->media);
            ++m_counters.mediaShown;
            if (!m_have.contains(taken->media) && !m_fetching.contains(taken->media))
                fetch(taken->media, 0);
        }
    } else if (const auto *idle = std::get_if<proto::FloorIdle>(&event)) {
        m_showing.remove(idle->session);
    } else if (const auto *pushed = std::get_if<proto::MediaPushed>(&event)) {
        // A radio's screen shows a push at once: delivered and opened.
        ++m_counters.pushesReceived;
        m_client.send(proto::MediaAck {pushed->from, pushed->push, proto::PushState::Delivered});
        m_client.send(proto::MediaAck {pushed->from, pushed->push, proto::PushState::Opened});
    } else if (const auto *granted = std::get_if<proto::FloorGranted>(&event)) {
        if (granted->session == m_floorSession && !m_speaking) {
            ++m_counters.granted;
            startSpeaking();
        }
    } else if (const auto *revoke = std::get_if<proto::FloorRevoke>(&event)) {
        if (revoke->session == m_floorSession) {
            ++m_counters.revoked;
            finish(true); // stop at once and hand the floor back
        }
    } else if (const auto *deny = std::get_if<proto::FloorDeny>(&event)) {
        if (deny->session == m_floorSession) {
            ++m_counters.denied;
            finish(false);
        }
    } else {
        onEmergencyEvent(event);
    }
}

void SimUnit::onEmergencyEvent(const proto::Event &event)
{
    if (const auto *raised = std::get_if<proto::EmergencyRaised>(&event))
        adoptEmergency(raised->emergency);
    else if (const auto *updated = std::get_if<proto::EmergencyUpdated>(&event))
        adoptEmergency(updated->emergency);
    else if (const auto *cleared = std::get_if<proto::EmergencyCleared>(&event))
        adoptEmergency(cleared->emergency);
}

void SimUnit::adoptEmergency(const proto::EmergencyInfo &e)
{
    if (e.unit != m_account.unit.id)
        return; // another unit's, heard on one of our groups
    if (e.state == proto::EmergencyState::Cancelled) {
        if (e.id == m_emergency.id) {
            m_emergency = {}; // over (a console may have ended it): back to normal
            m_emergencyTimer.stop();
        }
        return;
    }
    const bool fresh = e.id != m_emergency.id;
    const bool firstAck = !e.acks.isEmpty() && (fresh || m_emergency.acks.isEmpty());
    m_emergency = e;
    if (fresh)
        ++m_counters.emergencies;
    if (firstAck)
        ++m_counters.emergenciesAcknowledged;
    // The timer runs from the raise (unacknowledged) or from the first ack; it is only started
    // anew when that moment comes, or when it is not running (after a stop and a fresh login).
    if (firstAck || (!e.acks.isEmpty() && !m_emergencyTimer.isActive()))
        m_emergencyTimer.start(QRandomGenerator::global()->bounded(
            m_emergencyTimes.cancelAfterAckMinMs, m_emergencyTimes.cancelAfterAckMaxMs + 1));
    else if (e.acks.isEmpty() && (fresh || !m_emergencyTimer.isActive()))
        m_emergencyTimer.start(m_emergencyTimes.unacknowledgedMs);
}

void SimUnit::cancelEmergency()
{
    if (m_emergency.id.isEmpty())
        return;
    if (!isOnline()) {
        m_emergencyTimer.start(5000); // try again once we are back
        return;
    }
    ++m_counters.emergencyCancels;
    const QString id = m_emergency.id;
    m_client.send(proto::EmergencyCancel {id}, [this, id](const Reply<proto::EmergencyInfo> &r) {
        // not-found: a console ended it first. Anything else: the link failed, try again.
        if (!r.ok() && r.error.code != proto::ErrorCode::NotFound) {
            m_emergencyTimer.start(5000);
            return;
        }
        if (m_emergency.id == id) {
            m_emergency = {};
            m_emergencyTimer.stop();
        }
    });
}

void SimUnit::fetch(const QString &media, qint64 offset)
{
    // One chunk at a time: a radio's download must not crowd out its floor requests.
    m_fetching.insert(media);
    proto::MediaGet get;
    get.media = media;
    get.offset = offset;
    m_client.send(get, [this, media](const Reply<proto::MediaData> &reply) {
        if (!reply.ok()) {
            m_fetching.remove(media);
            return;
        }
        if (!reply.value->eof) {
            fetch(media, reply.value->offset + reply.value->data.size());
            return;
        }
        m_fetching.remove(media);
        m_have.insert(media);
        ++m_counters.mediaFetched;
    });
}

void SimUnit::upload(const QByteArray &bytes, const QString &name, const QString &type,
                     std::function<void(const QString &)> done)
{
    const QString sha
        = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    auto send = std::make_shared<std::function<void(const QString &, qint64)>>();
    // The pending request's callback keeps the sender alive, not the sender itself (no cycle).
    *send = [this, bytes, sha, done, weak = std::weak_ptr(send)](const QString &upload,
                                                                 qint64 offset) {
        if (offset >= bytes.size()) {
            m_client.send(
                proto::MediaFinish {upload},
                [done, sha](const Reply<proto::MediaItem> &r) { done(r.ok() ? sha : QString()); });
            return;
        }
        const qint64 length = std::min<qint64>(proto::kMaxMediaChunk, bytes.size() - offset);
        m_client.send(
            proto::MediaChunk {upload, offset, bytes.mid(offset, length)},
            [done, send = weak.lock(), upload, offset, length](const Reply<proto::UploadState> &r) {
                if (!r.ok())
                    done({});
                else
                    (*send)(upload, offset + length);
            });
    };
    m_client.send(proto::MediaUpload {name, type, bytes.size(), sha},
                  [done, send, sha](const Reply<proto::UploadState> &r) {
                      if (!r.ok())
                          done({});
                      else if (r.value->upload.isEmpty())
                          done(sha); // already stored
                      else
                          (*send)(r.value->upload, 0);
                  });
}

void SimUnit::startSpeaking()
{
    m_speaking = true;
    m_next = 0;
    m_spurtStartMs = monotonicMs();
    m_clock.startSpurt(m_spurtStartMs); // the sequence number runs on by itself (RtpEndpoint)
    ++m_counters.spurts;
}

void SimUnit::pace(qint64 nowMs)
{
    if (!m_speaking)
        return;
    // Real-time pacing from the spurt start: timer jitter never accumulates into drift.
    const std::vector<QByteArray> &packets = m_clip->packets;
    const std::size_t due = std::min<std::size_t>(
        packets.size(), std::size_t((nowMs - m_spurtStartMs) / m_clip->frameMs) + 1);
    for (; m_next < due; ++m_next) {
        m_rtp.sendPayload(packets.at(m_next), m_next == 0, m_clock.next(m_clip->frameMs));
        ++m_counters.packetsSent;
    }
    if (m_next >= packets.size())
        finish(true);
}

void SimUnit::finish(bool release)
{
    if (release && !m_floorSession.isEmpty() && isOnline())
        m_client.send(proto::FloorRelease {m_floorSession});
    m_floorSession.clear();
    m_speaking = false;
    m_clip = nullptr;
}

} // namespace floorline::sim
