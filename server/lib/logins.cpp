// SPDX-License-Identifier: Apache-2.0
#include "logins.h"

#include "connection.h"

#include <QLoggingCategory>
#include <QRandomGenerator>

Q_LOGGING_CATEGORY(lcLogins, "floorline.server.logins", QtInfoMsg)

namespace floorline::server {

namespace {
QString hex(const void *data, int size)
{
    return QString::fromLatin1(QByteArray(static_cast<const char *>(data), size).toHex());
}
} // namespace

Logins::Logins(int eventLogSize, int resumeGraceMs, QObject *parent)
    : QObject(parent)
    , m_eventLogSize(eventLogSize)
    , m_resumeGraceMs(resumeGraceMs)
    , m_bindings(std::make_shared<Bindings>())
{ }

Logins::~Logins() = default;

Login &Logins::create(const proto::Account &account, bool display)
{
    auto login = std::make_unique<Login>();
    login->id = m_next++;
    login->account = &account;
    login->display = display;
    QRandomGenerator *random = QRandomGenerator::system();
    do {
        login->ssrc = random->generate();
    } while (login->ssrc == 0 || m_bySsrc.contains(login->ssrc));
    for (auto &b : login->key)
        b = uint8_t(random->bounded(256));
    quint32 token[4];
    random->fillRange(token);
    login->token = hex(token, sizeof token);
    login->lastMediaMs = std::make_shared<std::atomic<int64_t>>(0);
    login->grace.setSingleShot(true);
    const quint64 id = login->id;
    connect(&login->grace, &QTimer::timeout, this, [this, id] {
        qCInfo(lcLogins) << "resume window closed for login" << id;
        drop(id);
    });
    Login &raw = *login;
    m_byUnit[account.unit.id].append(id);
    m_bySsrc.insert(raw.ssrc, id);
    m_logins.emplace(id, std::move(login));
    rebuildBindings();
    Q_EMIT created(&raw);
    return raw;
}

void Logins::drop(quint64 id)
{
    const auto it = m_logins.find(id);
    if (it == m_logins.end())
        return;
    Q_EMIT aboutToDrop(it->second.get());
    const QString unit = it->second->unit();
    m_byUnit[unit].removeOne(id);
    if (m_byUnit[unit].isEmpty())
        m_byUnit.remove(unit);
    m_bySsrc.remove(it->second->ssrc);
    m_logins.erase(it);
    rebuildBindings();
    Q_EMIT dropped(unit);
}

void Logins::attach(Login &login, Connection &connection)
{
    login.grace.stop();
    login.connection = &connection;
    connection.setLogin(login.id);
    const QHostAddress peer = connection.peerIp();
    if (login.peer != peer) {
        login.peer = peer;
        rebuildBindings(); // its media may latch from here only, from now on
    }
    Q_EMIT attached(&login);
}

void Logins::detach(Login &login)
{
    login.connection = nullptr;
    login.grace.start(m_resumeGraceMs);
    Q_EMIT detached(&login);
}

Login *Logins::find(quint64 id)
{
    const auto it = m_logins.find(id);
    return it == m_logins.end() ? nullptr : it->second.get();
}

const Login *Logins::find(quint64 id) const
{
    const auto it = m_logins.find(id);
    return it == m_logins.end() ? nullptr : it->second.get();
}

Login *Logins::resumable(const QString &unit, const QString &token)
{
    for (quint64 id : m_byUnit.value(unit)) {
        Login *l = m_logins.at(id).get();
        if (l->token == token)
            return l;
    }
    return nullptr;
}

void Logins::deliver(Login &login, const proto::EncodedEvent &event)
{
    const QByteArray frame = event.frame(++login.seq);
    login.log.emplace_back(login.seq, frame);
    while (login.log.size() > std::size_t(m_eventLogSize))
        login.log.pop_front();
    if (login.connection)
        login.connection->sendFrame(frame);
}

void Logins::deliver(Login &login, const proto::Event &event)
{
    deliver(login, proto::encodeEventOnce(event));
}

void Logins::deliver(quint64 id, const proto::Event &event)
{
    if (Login *login = find(id))
        deliver(*login, event);
}

void Logins::deliverTo(const QList<quint64> &logins, const proto::Event &event, quint64 except)
{
    const proto::EncodedEvent encoded = proto::encodeEventOnce(event);
    for (quint64 id : logins) {
        if (Login *login = id == except ? nullptr : find(id))
            deliver(*login, encoded);
    }
}

void Logins::deliverToUnit(const QString &unit, const proto::Event &event)
{
    deliverTo(ofUnit(unit), event);
}

void Logins::deliverIf(const proto::Event &event, const std::function<bool(const Login &)> &to)
{
    const proto::EncodedEvent encoded = proto::encodeEventOnce(event);
    for (auto &[id, login] : m_logins) {
        if (to(*login))
            deliver(*login, encoded);
    }
}

void Logins::rebuildBindings()
{
    auto bindings = std::make_shared<Bindings>();
    for (const auto &[id, login] : m_logins)
        bindings->emplace(login->ssrc,
                          RtpRelay::Binding {login->key, login->lastMediaMs,
                                             login->peer ? std::optional(PeerIp::of(*login->peer))
                                                         : std::nullopt});
    m_bindings = std::move(bindings);
}

} // namespace floorline::server
