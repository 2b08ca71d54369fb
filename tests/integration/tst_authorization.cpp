// SPDX-License-Identifier: Apache-2.0
// The authorization table (docs/protocol.md §4.1): the table in the document is the one the
// server has, every request type has a row, and every cell holds on a real server: each action
// is sent by a unit, a dispatcher, a supervisor and a display, inside and outside its own scope,
// and with and without the capability the row needs.
#include "support/testclient.h"

#include "server/lib/authorization.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRegularExpression>

#include <QTest>

using namespace floorline;
using namespace floorline::test;
using server::Access;
using server::Authorization;
using server::Caller;

namespace {
constexpr auto kOwnGroup = "tg-001"; // unit-0001's group, shared with unit-0005
constexpr auto kOtherGroup = "tg-002"; // unit-0002's group

/// The table as docs/protocol.md writes it: action → cells and capability.
struct DocRow
{
    std::array<Access, 4> access;
    QString needs;
};

QMap<QString, DocRow> documentedTable(QString *error)
{
    QFile file(QStringLiteral(FLOORLINE_SOURCE_DIR "/docs/protocol.md"));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    const qsizetype start = lines.indexOf(QStringLiteral("<!-- authorization table -->"));
    if (start < 0) {
        *error = QStringLiteral("no '<!-- authorization table -->' marker");
        return {};
    }
    QMap<QString, DocRow> rows;
    for (qsizetype i = start + 3; i < lines.size() && lines.at(i).startsWith(QLatin1Char('|'));
         ++i) {
        const QStringList cells = lines.at(i).split(QLatin1Char('|'));
        if (cells.size() < 8) {
            *error = QStringLiteral("short row: ") + lines.at(i);
            return {};
        }
        DocRow row;
        for (int c = 0; c < 4; ++c) {
            const QString cell = cells.at(2 + c).trimmed();
            row.access[c] = cell == QLatin1String("yes") ? Access::Yes
                : cell == QLatin1String("own")           ? Access::Own
                                                         : Access::No;
            if (cell != QLatin1String("yes") && cell != QLatin1String("own")
                && cell != QLatin1String("no"))
                *error = QStringLiteral("cell '%1' in: %2").arg(cell, lines.at(i));
        }
        row.needs = cells.at(6).trimmed().remove(QLatin1Char('`'));
        rows.insert(cells.at(1).trimmed().remove(QLatin1Char('`')), row);
    }
    return rows;
}

QString capabilityName(const std::optional<proto::Capability> &c)
{
    return c ? proto::enumName(proto::kCapabilities, *c) : QString();
}

template<typename... T> QStringList requestTypes(std::variant<T...> *)
{
    return {QLatin1String(T::kType)...};
}

/// The error a request got, or none for a result.
std::optional<proto::ErrorCode> outcome(TestClient &client, const proto::Request &request)
{
    return std::visit(
        [&](const auto &r) -> std::optional<proto::ErrorCode> {
            proto::Error error;
            if (client.call(r, &error))
                return std::nullopt;
            return error.code;
        },
        request);
}

proto::MediaPush pushTo(const QString &unit, const QString &group, bool bound)
{
    static int n = 0;
    proto::MediaPush p;
    p.push = QStringLiteral("p-%1").arg(++n);
    p.to.unit = unit;
    p.to.group = group;
    p.to.bound = bound;
    p.link = QStringLiteral("https://example.org/map");
    return p;
}

QByteArray pngBytes(int n)
{
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray::number(n).repeated(64);
}
} // namespace

class TestAuthorization : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<server::Server> m_server;
    /// Starts uploads and raises emergencies that belong to someone else.
    std::unique_ptr<TestClient> m_other;
    int m_uploads = 0;

    QString startUpload(TestClient &client)
    {
        const QByteArray bytes = pngBytes(++m_uploads);
        const QString sha = QString::fromLatin1(
            QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        const auto state = client.call(proto::MediaUpload {
            QStringLiteral("p.png"), QStringLiteral("image/png"), bytes.size(), sha});
        return state ? state->upload : QString();
    }

    QString raiseEmergency(TestClient &client, const QString &group)
    {
        proto::EmergencyRaise raise;
        raise.group = group;
        const auto e = client.call(raise);
        return e ? e->id : QString();
    }

    /// A request for `action` as `client` would send it: inside its own scope, or outside it.
    std::optional<proto::Request> sample(const QString &action, TestClient &client, bool inside)
    {
        const QString own = QLatin1String(kOwnGroup);
        const QString other = QLatin1String(kOtherGroup);
        const QString bogusMedia(64, QLatin1Char('a'));
        if (action == QLatin1String("hello"))
            return proto::Hello {{proto::kProtocolVersion}, QStringLiteral("tst")};
        if (action == QLatin1String("login"))
            return proto::Login {client.user, client.user, {}, 0, false};
        if (action == QLatin1String("logout"))
            return proto::Logout {};
        if (action == QLatin1String("ping"))
            return proto::Ping {};
        if (action == QLatin1String("directory.get"))
            return proto::DirectoryGet {};
        if (action == QLatin1String("group.affiliate"))
            return proto::Affiliate {{inside ? own : other}};
        if (action == QLatin1String("group.deaffiliate"))
            return proto::Deaffiliate {{other}};
        if (action == QLatin1String("session.create")) {
            proto::SessionCreate c;
            c.units = {QStringLiteral("unit-0009")};
            return c;
        }
        if (action == QLatin1String("session.create (broadcast)")) {
            proto::SessionCreate c;
            c.kind = proto::SessionKind::Broadcast;
            c.group = QStringLiteral("tg-004");
            return c;
        }
        if (action == QLatin1String("session.invite"))
            return proto::SessionInvite {QStringLiteral("adhoc:999"),
                                         {QStringLiteral("unit-0009")}};
        if (action == QLatin1String("session.leave"))
            return proto::SessionLeave {QStringLiteral("adhoc:999")};
        if (action == QLatin1String("session.list"))
            return proto::SessionListGet {false};
        if (action == QLatin1String("session.list (all)"))
            return proto::SessionListGet {true};
        if (action == QLatin1String("session.join"))
            return proto::SessionJoin {QStringLiteral("adhoc:999")};
        if (action.startsWith(QLatin1String("floor.request"))) {
            proto::FloorRequest f;
            f.session = proto::groupSessionId(own);
            if (action.endsWith(QLatin1String("(emergency)")))
                f.type = proto::FloorType::Emergency;
            return f;
        }
        if (action == QLatin1String("floor.release"))
            return proto::FloorRelease {proto::groupSessionId(own)};
        if (action == QLatin1String("floor.queue-position"))
            return proto::QueuePositionRequest {proto::groupSessionId(own)};
        if (action == QLatin1String("media.upload")) {
            const QByteArray bytes = pngBytes(100000 + ++m_uploads);
            return proto::MediaUpload {
                QStringLiteral("p.png"), QStringLiteral("image/png"), bytes.size(),
                QString::fromLatin1(
                    QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex())};
        }
        if (action == QLatin1String("media.upload-status") || action == QLatin1String("media.chunk")
            || action == QLatin1String("media.finish")) {
            const QString upload = startUpload(inside ? client : *m_other);
            if (upload.isEmpty())
                return std::nullopt;
            if (action == QLatin1String("media.upload-status"))
                return proto::MediaUploadStatus {upload};
            if (action == QLatin1String("media.chunk"))
                return proto::MediaChunk {upload, 0, QByteArray("x")};
            return proto::MediaFinish {upload};
        }
        if (action == QLatin1String("media.get"))
            return proto::MediaGet {bogusMedia, 0, 1024};
        if (action == QLatin1String("media.push (unit)"))
            return pushTo(inside ? QStringLiteral("unit-0005") : QStringLiteral("unit-0002"), {},
                          false);
        if (action == QLatin1String("media.push (group)"))
            return pushTo({}, inside ? own : other, false);
        if (action == QLatin1String("media.push (bound)")) {
            if (inside && client.user.startsWith(QLatin1String("unit-"))) {
                // A unit's bound push goes to the console it is paired with: pair it first.
                TestClient console(QStringLiteral("dispatch-1"), *m_server);
                if (!console.login())
                    return std::nullopt;
                const auto code = console.call(proto::PairCreate {});
                if (!code || !client.call(proto::PairClaim {code->token}))
                    return std::nullopt;
            }
            return pushTo({}, {}, true);
        }
        if (action == QLatin1String("media.ack"))
            return proto::MediaAck {QStringLiteral("unit-0002"), QStringLiteral("nope"),
                                    proto::PushState::Delivered};
        if (action == QLatin1String("media.shelf"))
            return proto::MediaShelfGet {inside ? own : other};
        if (action == QLatin1String("unit.announce"))
            return proto::UnitAnnounce {proto::UnitStatus::Online};
        if (action == QLatin1String("pair.create"))
            return proto::PairCreate {};
        if (action == QLatin1String("media.token"))
            return proto::MediaTokenGet {};
        if (action == QLatin1String("pair.claim"))
            return proto::PairClaim {QStringLiteral("0123456789abcdef")};
        if (action == QLatin1String("emergency.raise")) {
            proto::EmergencyRaise r;
            r.group = inside ? own : other;
            return r;
        }
        if (action == QLatin1String("emergency.ack"))
            return proto::EmergencyAcknowledge {QStringLiteral("em-999")};
        if (action == QLatin1String("emergency.cancel")) {
            // Inside: the caller's own emergency; outside: another unit's.
            const QString id = raiseEmergency(inside ? client : *m_other,
                                              inside ? own : QStringLiteral("tg-002"));
            if (id.isEmpty())
                return proto::EmergencyCancel {QStringLiteral("em-999")};
            return proto::EmergencyCancel {id};
        }
        if (action == QLatin1String("emergency.list"))
            return proto::EmergencyListGet {};
        if (action == QLatin1String("supervise"))
            return proto::Supervise {true};
        return std::nullopt;
    }

    /// A logged-in client for `caller`; `capable`: an account with every capability, else one
    /// with none.
    std::unique_ptr<TestClient> clientFor(Caller caller, bool capable)
    {
        QString user;
        switch (caller) {
        case Caller::Unit:
            user = capable ? QStringLiteral("unit-0001") : QStringLiteral("unit-nocap");
            break;
        case Caller::Dispatcher:
            user = capable ? QStringLiteral("dispatch-1") : QStringLiteral("dispatch-nocap");
            break;
        case Caller::Supervisor:
            user = capable ? QStringLiteral("supervisor") : QStringLiteral("supervisor-nocap");
            break;
        case Caller::Display:
            user = capable ? QStringLiteral("dispatch-2") : QStringLiteral("dispatch-nocap");
            break;
        }
        auto client = std::make_unique<TestClient>(user, *m_server);
        client->client.setDisplay(caller == Caller::Display);
        if (!client->login())
            return nullptr;
        return client;
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<server::Server>();
        server::ServerOptions options;
        proto::Fleet fleet = proto::makeDemoFleet(30, 6);
        // The same roles with no capability at all.
        for (const auto &[id, role] : {std::pair {"unit-nocap", proto::Role::Unit},
                                       std::pair {"dispatch-nocap", proto::Role::Dispatcher},
                                       std::pair {"supervisor-nocap", proto::Role::Supervisor}}) {
            proto::Account a;
            a.unit.id = QLatin1String(id);
            a.unit.alias = a.unit.id;
            a.unit.role = role;
            a.unit.groups = {QLatin1String(kOwnGroup)};
            a.password = a.unit.id;
            a.capabilities = QList<proto::Capability> {};
            fleet.accounts.append(a);
        }
        options.fleet = fleet;
        options.hub.limits.messagesPerSecond = 1000;
        options.hub.limits.messageBurst = 2000;
        QString error;
        QVERIFY2(m_server->start(options, &error), qPrintable(error));
        m_other = std::make_unique<TestClient>(QStringLiteral("unit-0002"), *m_server);
        QVERIFY(m_other->login());
    }

    void cleanup()
    {
        m_other.reset();
        m_server.reset();
    }

    void documentIsTheTable()
    {
        QString error;
        const QMap<QString, DocRow> doc = documentedTable(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QStringList inCode;
        for (const server::Permission &p : Authorization::table()) {
            const QString action = QLatin1String(p.action);
            inCode.append(action);
            QVERIFY2(doc.contains(action), qPrintable(action + QStringLiteral(" is not in docs")));
            for (int c = 0; c < 4; ++c)
                QVERIFY2(doc.value(action).access[c] == p.access[c],
                         qPrintable(QStringLiteral("%1, column %2").arg(action).arg(c + 1)));
            QCOMPARE(doc.value(action).needs, capabilityName(p.needs));
        }
        QCOMPARE(doc.size(), inCode.size()); // nothing documented that the server does not have
    }

    void everyRequestHasARow()
    {
        QStringList actions;
        for (const server::Permission &p : Authorization::table())
            actions.append(QLatin1String(p.action));
        for (const QString &type : requestTypes(static_cast<proto::Request *>(nullptr))) {
            const bool found = std::any_of(actions.cbegin(), actions.cend(), [&](const QString &a) {
                return a == type || a.startsWith(type + QStringLiteral(" ("));
            });
            QVERIFY2(found, qPrintable(type + QStringLiteral(" has no row")));
        }
    }

    void everyCellHolds_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<int>("caller");
        for (const server::Permission &p : Authorization::table()) {
            for (const auto &[name, caller] : server::kCallers)
                QTest::addRow("%s by %s", p.action, name)
                    << QString::fromLatin1(p.action) << int(caller);
        }
    }

    void everyCellHolds()
    {
        QFETCH(QString, action);
        QFETCH(int, caller);
        const server::Permission *row = nullptr;
        for (const server::Permission &p : Authorization::table()) {
            if (action == QLatin1String(p.action))
                row = &p;
        }
        QVERIFY(row);
        const Access access = row->access[std::size_t(caller)];
        if (access == Access::Own) {
            // Outside first: reaching into its scope may change it (a pairing stays).
            auto outsider = clientFor(Caller(caller), true);
            QVERIFY(outsider);
            const auto outside = sample(action, *outsider, false);
            QVERIFY(outside);
            QVERIFY2(outcome(*outsider, *outside) == proto::ErrorCode::Forbidden,
                     "allowed outside the caller's own scope");
        }
        auto client = clientFor(Caller(caller), true);
        QVERIFY(client);
        const auto inside = sample(action, *client, true);
        QVERIFY2(inside, "no sample request");
        const auto got = outcome(*client, *inside);
        if (access == Access::No) {
            QVERIFY2(got == proto::ErrorCode::Forbidden, "allowed, the table says no");
            return;
        }
        QVERIFY2(got != proto::ErrorCode::Forbidden, "forbidden, the table allows it");
        if (row->needs && Caller(caller) != Caller::Display) {
            // The same role without the capability is refused, and says why.
            auto incapable = clientFor(Caller(caller), false);
            QVERIFY(incapable);
            const auto request = sample(action, *incapable, true);
            QVERIFY(request);
            QVERIFY2(outcome(*incapable, *request) == proto::ErrorCode::Forbidden,
                     "allowed without the capability");
        }
    }

    void refusalsAreCounted()
    {
        auto unit = clientFor(Caller::Unit, true);
        QVERIFY(unit);
        const qint64 before = stat(*m_server, "forbidden");
        proto::Error error;
        QVERIFY(!unit->call(proto::PairCreate {}, &error));
        QCOMPARE(error.code, proto::ErrorCode::Forbidden);
        QCOMPARE(error.message, QStringLiteral("only consoles hand out pairing codes"));
        QVERIFY(!unit->call(proto::Affiliate {{QLatin1String(kOtherGroup)}}, &error));
        QCOMPARE(stat(*m_server, "forbidden"), before + 2);
    }

    void capabilityRefusalSaysWhy()
    {
        auto unit = clientFor(Caller::Unit, false);
        QVERIFY(unit);
        QVERIFY(unit->call(proto::Affiliate {{QLatin1String(kOwnGroup)}}));
        proto::FloorRequest request;
        request.session = proto::groupSessionId(QLatin1String(kOwnGroup));
        request.type = proto::FloorType::Emergency;
        proto::Error error;
        QVERIFY(!unit->call(request, &error));
        QCOMPARE(error.code, proto::ErrorCode::Forbidden);
        QCOMPARE(error.message,
                 QStringLiteral("this account is not authorised to declare an emergency"));
        // A normal request from the same account is granted: only the emergency is withheld.
        request.type = proto::FloorType::Normal;
        const auto granted = unit->call(request);
        QVERIFY(granted);
        QCOMPARE(granted->outcome, proto::FloorOutcome::Granted);
    }
};

QTEST_GUILESS_MAIN(TestAuthorization)
#include "tst_authorization.moc"
