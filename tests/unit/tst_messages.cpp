// SPDX-License-Identifier: Apache-2.0
// Every signaling message round-trips; every malformed or incomplete one is rejected clearly.
#include "core/protocol/codec.h"
#include "core/protocol/jsonstrict.h"

#include <QJsonDocument>
#include <QTest>

using namespace floorline::proto;

namespace {

SessionInfo sampleSession()
{
    SessionInfo s;
    s.id = QStringLiteral("adhoc:3");
    s.kind = SessionKind::AdHoc;
    s.name = QStringLiteral("Harbour fire");
    s.owner = QStringLiteral("dispatch-1");
    s.members = {QStringLiteral("dispatch-1"), QStringLiteral("unit-0004")};
    s.floor.state = FloorState::Taken;
    s.floor.talker = QStringLiteral("unit-0004");
    s.floor.alias = QStringLiteral("Patrol 4");
    s.floor.ssrc = 0xdeadbeef;
    s.floor.type = FloorType::ImminentPeril;
    s.floor.priority = 3;
    s.floor.queued = 2;
    s.floor.media = QString(64, QLatin1Char('f'));
    return s;
}

QList<Request> sampleRequests()
{
    Login password;
    password.user = QStringLiteral("unit-0001");
    password.password = QStringLiteral("s3cret \"quoted\"");
    Login resume;
    resume.user = QStringLiteral("unit-0001");
    resume.resumeToken = QStringLiteral("0123456789abcdef0123456789abcdef");
    resume.lastSeq = 9007199254740991ULL;
    SessionCreate adhoc;
    adhoc.kind = SessionKind::AdHoc;
    adhoc.name = QStringLiteral("Incident 42");
    adhoc.units = {QStringLiteral("unit-0001"), QStringLiteral("unit-0002")};
    SessionCreate broadcast;
    broadcast.kind = SessionKind::Broadcast;
    broadcast.group = QStringLiteral("region-1");
    FloorRequest floor;
    floor.session = QStringLiteral("group:tg-001");
    floor.priority = 15;
    floor.type = FloorType::Emergency;
    floor.media = QString(64, QLatin1Char('d'));
    MediaPush pushMedia;
    pushMedia.push = QStringLiteral("p-1");
    pushMedia.to.group = QStringLiteral("tg-001");
    pushMedia.media = QString(64, QLatin1Char('e'));
    pushMedia.note = QStringLiteral("the east door");
    MediaPush pushLink;
    pushLink.push = QStringLiteral("p-2");
    pushLink.to.bound = true;
    pushLink.link = QStringLiteral("https://maps.example/a?b=c");
    Login display;
    display.user = QStringLiteral("dispatch-1");
    display.password = QStringLiteral("x");
    display.display = true;
    return {Hello {{1, 2}, QStringLiteral("floorline/0.1")},
            password,
            resume,
            Logout {},
            DirectoryGet {},
            Affiliate {{QStringLiteral("tg-001"), QStringLiteral("tg-002")}},
            Deaffiliate {{QStringLiteral("tg-001")}},
            adhoc,
            broadcast,
            SessionInvite {QStringLiteral("adhoc:1"), {QStringLiteral("unit-0009")}},
            SessionLeave {QStringLiteral("adhoc:1")},
            SessionListGet {},
            SessionListGet {true},
            floor,
            FloorRelease {QStringLiteral("group:tg-001")},
            QueuePositionRequest {QStringLiteral("group:tg-001")},
            Ping {},
            MediaUpload {QStringLiteral("scene \"1\".jpg"), QStringLiteral("image/jpeg"), 84213,
                         QString(64, QLatin1Char('a'))},
            MediaUploadStatus {QStringLiteral("1b4e28ba2fa1408b9e1f4c2f2d9a3c55")},
            MediaChunk {QStringLiteral("1b4e28ba2fa1408b9e1f4c2f2d9a3c55"), 32768,
                        QByteArray("\x00\xff binary \x01", 12)},
            MediaFinish {QStringLiteral("1b4e28ba2fa1408b9e1f4c2f2d9a3c55")},
            MediaGet {QString(64, QLatin1Char('b')), 65536, 1000},
            pushMedia,
            pushLink,
            MediaAck {QStringLiteral("dispatch-1"), QStringLiteral("p-1"), PushState::Opened},
            MediaShelfGet {QStringLiteral("tg-001")},
            UnitAnnounce {UnitStatus::Resetting},
            PairCreate {},
            PairClaim {QStringLiteral("0123456789abcdef0123456789abcdef")},
            MediaTokenGet {},
            display,
            EmergencyRaise {QStringLiteral("tg-001")},
            EmergencyRaise {},
            EmergencyAcknowledge {QStringLiteral("em-17")},
            EmergencyCancel {QStringLiteral("em-17")},
            EmergencyListGet {},
            Supervise {},
            Supervise {false},
            SessionJoin {QStringLiteral("adhoc:3")}};
}

SessionView sampleView()
{
    SessionView v;
    v.info = sampleSession();
    v.heldMs = 4200;
    v.queue = {
        {QStringLiteral("dispatch-1"), QStringLiteral("Dispatch 1"), 15, FloorType::ImminentPeril},
        {QStringLiteral("unit-0004"), QStringLiteral("Patrol 4"), 0, FloorType::Normal}};
    return v;
}

SessionView sampleGroupView()
{
    SessionView v;
    v.info.id = QStringLiteral("group:tg-001");
    v.info.kind = SessionKind::Group;
    v.info.name = QStringLiteral("North 1");
    v.group = QStringLiteral("tg-001");
    return v;
}

ConsoleView sampleConsole()
{
    ConsoleView c;
    c.unit = QStringLiteral("dispatch-1");
    c.alias = QStringLiteral("Dispatch 1");
    c.logins = 2;
    c.monitoring = 12;
    c.calls = {QStringLiteral("adhoc:3")};
    c.talking = QStringLiteral("adhoc:3");
    c.queued = QStringLiteral("group:tg-002");
    c.lastSession = QStringLiteral("adhoc:3");
    c.lastTalkAgoMs = 0;
    return c;
}

EmergencyInfo sampleEmergency(EmergencyState state)
{
    EmergencyInfo e;
    e.id = QStringLiteral("em-17");
    e.unit = QStringLiteral("unit-0004");
    e.alias = QStringLiteral("Patrol \"4\"");
    e.group = QStringLiteral("tg-001");
    e.session = QStringLiteral("group:tg-001");
    e.state = state;
    e.raisedAt = 1764130000000;
    if (state != EmergencyState::Open)
        e.acks = {{QStringLiteral("dispatch-1"), QStringLiteral("Dispatch 1"), 1764130004000},
                  {QStringLiteral("supervisor"), QStringLiteral("Supervisor"), 1764130009000}};
    if (state == EmergencyState::Cancelled) {
        e.cancelledBy = QStringLiteral("unit-0004");
        e.cancelledByAlias = QStringLiteral("Patrol 4");
        e.cancelledAt = 1764130060000;
    }
    return e;
}

/// Raised without a group, in a call.
EmergencyInfo sampleCallEmergency()
{
    EmergencyInfo e;
    e.id = QStringLiteral("em-18");
    e.unit = QStringLiteral("unit-0002");
    e.session = QStringLiteral("adhoc:3");
    e.raisedAt = 1;
    return e;
}

Pushed samplePushed()
{
    Pushed p;
    p.push = QStringLiteral("p-1");
    p.from = QStringLiteral("unit-0001");
    p.fromAlias = QStringLiteral("Engine 1");
    p.group = QStringLiteral("tg-001");
    p.media = MediaItem {QString(64, QLatin1Char('c')), QStringLiteral("image/png"), 10,
                         QStringLiteral("a.png"),       QStringLiteral("unit-0001"), 5};
    p.note = QStringLiteral("note");
    p.sent = 1764130000000;
    return p;
}

QList<Event> sampleEvents()
{
    return {
        FloorGranted {QStringLiteral("group:tg-001"), 30, FloorType::Emergency, 7},
        FloorTaken {QStringLiteral("group:tg-001"), QStringLiteral("unit-0002"),
                    QStringLiteral("Medic 2"), 42, FloorType::Normal, 1,
                    QString(64, QLatin1Char('e'))},
        FloorIdle {QStringLiteral("group:tg-001")},
        FloorRevoke {QStringLiteral("group:tg-001"), 4, QStringLiteral("pre-empted")},
        FloorDeny {QStringLiteral("group:tg-001"), 107, QStringLiteral("queue full")},
        QueuePositionInfo {{QStringLiteral("group:tg-001"), 3}},
        SessionJoined {sampleSession()},
        SessionUpdated {sampleSession()},
        SessionEnded {QStringLiteral("adhoc:3"), QStringLiteral("the creator left")},
        UnitStatusChanged {QStringLiteral("unit-0004"), UnitStatus::Busy, QStringLiteral("adhoc:3"),
                           QStringLiteral("Structure fire")},
        MediaPushed {samplePushed()},
        MediaPushStatus {QStringLiteral("p-1"), QStringLiteral("unit-0004"), PushState::Delivered},
        PairBound {{QStringLiteral("unit-0007"), QStringLiteral("Medic 7")}},
        EmergencyRaised {sampleEmergency(EmergencyState::Open)},
        EmergencyUpdated {sampleEmergency(EmergencyState::Acknowledged)},
        EmergencyCleared {sampleEmergency(EmergencyState::Cancelled)},
        OverviewSession {sampleView()},
        OverviewSession {sampleGroupView()},
        OverviewEnded {QStringLiteral("adhoc:3")},
        OverviewConsole {sampleConsole()},
        OverviewConsole {ConsoleView {QStringLiteral("supervisor"), {}, Role::Supervisor, false}}};
}

template<typename V> QByteArray failureText(const V &decoded)
{
    const auto *failure = std::get_if<DecodeFailure>(&decoded);
    return failure ? failure->error.message.toUtf8() : QByteArray();
}

template<typename R> void checkResultRoundTrip(const typename R::Result &value)
{
    const QByteArray frame = encodeResult(77, value.toJson());
    // A result kept encoded (the server's directory) goes out exactly as if encoded now.
    QCOMPARE(encodeRawResult(77, compactJson(value.toJson())), frame);
    auto decoded = decodeServerFrame(frame);
    QVERIFY(std::holds_alternative<ServerFrame>(decoded));
    const auto &response = std::get<ResponseFrame>(std::get<ServerFrame>(decoded));
    QCOMPARE(response.id, quint64(77));
    QVERIFY(!response.error);
    QString error;
    const auto parsed = parseResult<R>(response.result, &error);
    QVERIFY2(parsed, qPrintable(error));
    QVERIFY2(*parsed == value, frame.constData());
}

} // namespace

class TestMessages : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void requestsRoundTrip()
    {
        const QList<Request> requests = sampleRequests();
        QCOMPARE(requests.size(),
                 // + resume, broadcast, link push, display, emergency raised without a group,
                 // every session listed, supervise off
                 qsizetype(std::variant_size_v<Request> + 7));
        quint64 id = 1;
        for (const Request &request : requests) {
            const QByteArray frame = encodeRequest(id, request);
            auto decoded = decodeRequest(frame);
            QVERIFY2(std::holds_alternative<RequestFrame>(decoded),
                     failureText(decoded).constData());
            const RequestFrame &f = std::get<RequestFrame>(decoded);
            QCOMPARE(f.id, id);
            QVERIFY2(f.request == request, frame.constData());
            ++id;
        }
    }

    void resultsRoundTrip()
    {
        checkResultRoundTrip<Hello>(HelloResult {1, QStringLiteral("floorline-server/0.1"), {}});
        LoginResult login;
        login.unit = {QStringLiteral("unit-0001"), QStringLiteral("Engine 1"), Role::Unit,
                      UnitStatus::Online,          {QStringLiteral("tg-001")}, {}};
        login.token = QStringLiteral("abc");
        login.seq = 12;
        login.resumed = true;
        login.media = {7701, 0x80000001u, QStringLiteral("00112233445566778899aabbccddeeff")};
        checkResultRoundTrip<Login>(login);
        Directory directory;
        directory.groups = {{QStringLiteral("all"), QStringLiteral("All"), {}},
                            {QStringLiteral("tg-1"), QStringLiteral("Ops"), QStringLiteral("all")}};
        directory.units = {login.unit};
        checkResultRoundTrip<DirectoryGet>(directory);
        checkResultRoundTrip<Affiliate>(SessionList {{sampleSession()}});
        InviteResult invite;
        invite.session = sampleSession();
        invite.invited = {QStringLiteral("unit-0004")};
        invite.skipped
            = {{QStringLiteral("unit-0005"), SkipReason::Busy, QStringLiteral("adhoc:1")},
               {QStringLiteral("unit-0006"), SkipReason::AlreadyMember, {}}};
        checkResultRoundTrip<SessionCreate>(invite);
        checkResultRoundTrip<FloorRequest>(
            FloorRequestResult {FloorOutcome::Granted, 30, {}, 0, 0, {}});
        checkResultRoundTrip<FloorRequest>(FloorRequestResult {
            FloorOutcome::Granted, 30, QString(56, QLatin1Char('a')), 0, 0, {}});
        checkResultRoundTrip<FloorRequest>(
            FloorRequestResult {FloorOutcome::Queued, 0, {}, 2, 0, {}});
        checkResultRoundTrip<FloorRequest>(
            FloorRequestResult {FloorOutcome::Denied, 0, {}, 0, 107, QStringLiteral("queue full")});
        checkResultRoundTrip<QueuePositionRequest>(QueuePosition {QStringLiteral("group:x"), 1});
        checkResultRoundTrip<Ping>(Pong {1764130000000});
        checkResultRoundTrip<Logout>(Empty {});
        const MediaItem item {
            QString(64, QLatin1Char('c')),  QStringLiteral("video/mp4"), 5242880,
            QStringLiteral("incident.mp4"), QStringLiteral("unit-0001"), 1764130000000};
        checkResultRoundTrip<MediaUpload>(
            UploadState {QStringLiteral("1b4e28ba2fa1408b9e1f4c2f2d9a3c55"), 0, 84213, {}});
        checkResultRoundTrip<MediaUpload>(UploadState {{}, 5242880, 5242880, item});
        checkResultRoundTrip<MediaFinish>(item);
        checkResultRoundTrip<MediaGet>(MediaData {item, 0, QByteArray("\x01\x02", 2), false});
        checkResultRoundTrip<MediaPush>(
            PushResult {QStringLiteral("p-1"),
                        {{QStringLiteral("unit-0001"), PushState::Queued},
                         {QStringLiteral("dispatch-1"), PushState::Opened}},
                        true});
        checkResultRoundTrip<MediaShelfGet>(MediaShelf {{samplePushed()}});
        checkResultRoundTrip<PairCreate>(PairCode {QStringLiteral("0123456789abcdef"), 5});
        checkResultRoundTrip<MediaTokenGet>(HttpToken {QString(64, QLatin1Char('a'))});
        checkResultRoundTrip<PairClaim>(
            Paired {QStringLiteral("dispatch-1"), QStringLiteral("D 1")});
        checkResultRoundTrip<EmergencyRaise>(sampleEmergency(EmergencyState::Open));
        checkResultRoundTrip<EmergencyRaise>(sampleCallEmergency());
        checkResultRoundTrip<EmergencyAcknowledge>(sampleEmergency(EmergencyState::Acknowledged));
        checkResultRoundTrip<EmergencyCancel>(sampleEmergency(EmergencyState::Cancelled));
        checkResultRoundTrip<EmergencyListGet>(
            EmergencyList {{sampleEmergency(EmergencyState::Open),
                            sampleEmergency(EmergencyState::Acknowledged), sampleCallEmergency()}});
        checkResultRoundTrip<EmergencyListGet>(EmergencyList {});
        checkResultRoundTrip<Supervise>(
            Overview {{sampleView(), sampleGroupView()}, {sampleConsole()}});
        checkResultRoundTrip<Supervise>(Overview {});
    }

    void eventsRoundTrip()
    {
        const QList<Event> events = sampleEvents();
        // + a quiet group's view, a console gone
        QCOMPARE(events.size(), qsizetype(std::variant_size_v<Event> + 2));
        quint64 seq = 100;
        for (const Event &event : events) {
            const QByteArray frame = encodeEvent(seq, event);
            auto decoded = decodeServerFrame(frame);
            QVERIFY2(std::holds_alternative<ServerFrame>(decoded),
                     failureText(decoded).constData());
            const auto &e = std::get<EventFrame>(std::get<ServerFrame>(decoded));
            QCOMPARE(e.seq, seq);
            QVERIFY2(e.event == event, frame.constData());
            ++seq;
        }
    }

    void errorsRoundTrip()
    {
        auto decoded = decodeServerFrame(
            encodeErrorResponse(5, {ErrorCode::NotInSession, QStringLiteral("not in it")}));
        const auto &response = std::get<ResponseFrame>(std::get<ServerFrame>(decoded));
        QCOMPARE(response.error->code, ErrorCode::NotInSession);
        QCOMPARE(response.error->message, QStringLiteral("not in it"));
        auto unsolicited
            = decodeServerFrame(encodeError({ErrorCode::RateLimited, QStringLiteral("slow down")}));
        QCOMPARE(std::get<ErrorFrame>(std::get<ServerFrame>(unsolicited)).error.code,
                 ErrorCode::RateLimited);
    }

    void unknownFieldsAreIgnored()
    {
        auto decoded = decodeRequest(
            R"({"type":"floor.release","id":3,"session":"group:a","future":{"x":[1,2]}})");
        QVERIFY(std::holds_alternative<RequestFrame>(decoded));
    }

    void malformedRequests_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("mentions");
        QTest::addColumn<bool>("hasId");

        QTest::newRow("not json") << QByteArray("{\"type\":") << ErrorCode::BadJson
                                  << QStringLiteral("not valid JSON") << false;
        QTest::newRow("binary junk") << QByteArray("\x00\xff\x13", 3) << ErrorCode::BadJson
                                     << QStringLiteral("not valid JSON") << false;
        QTest::newRow("array") << QByteArray("[1,2]") << ErrorCode::BadMessage
                               << QStringLiteral("JSON object") << false;
        QTest::newRow("missing id") << QByteArray(R"({"type":"ping"})") << ErrorCode::BadMessage
                                    << QStringLiteral("id: is required") << false;
        QTest::newRow("id not integer")
            << QByteArray(R"({"type":"ping","id":1.5})") << ErrorCode::BadMessage
            << QStringLiteral("id: must be an integer") << false;
        QTest::newRow("id zero") << QByteArray(R"({"type":"ping","id":0})") << ErrorCode::BadMessage
                                 << QStringLiteral("id: must be between") << false;
        QTest::newRow("id as string") << QByteArray(R"({"type":"ping","id":"7"})")
                                      << ErrorCode::BadMessage << QStringLiteral("id") << false;
        QTest::newRow("missing type") << QByteArray(R"({"id":4})") << ErrorCode::BadMessage
                                      << QStringLiteral("type: is required") << true;
        QTest::newRow("unknown type")
            << QByteArray(R"({"type":"floor.steal","id":4})") << ErrorCode::UnknownType
            << QStringLiteral("floor.steal") << true;
        QTest::newRow("hello without versions")
            << QByteArray(R"({"type":"hello","id":1})") << ErrorCode::BadMessage
            << QStringLiteral("protocols") << true;
        QTest::newRow("hello versions wrong type")
            << QByteArray(R"({"type":"hello","id":1,"protocols":["1"]})") << ErrorCode::BadMessage
            << QStringLiteral("protocols") << true;
        QTest::newRow("login without password")
            << QByteArray(R"({"type":"login","id":2,"user":"unit-1"})") << ErrorCode::BadMessage
            << QStringLiteral("password: is required") << true;
        QTest::newRow("login with bad user id")
            << QByteArray(R"({"type":"login","id":2,"user":"a b","password":"x"})")
            << ErrorCode::BadMessage << QStringLiteral("user: is not a valid identifier") << true;
        QTest::newRow("login resume with empty token")
            << QByteArray(R"({"type":"login","id":2,"user":"u","resume":{"token":"","lastSeq":0}})")
            << ErrorCode::BadMessage << QStringLiteral("resume.token: must not be empty") << true;
        QTest::newRow("login resume without lastSeq")
            << QByteArray(R"({"type":"login","id":2,"user":"u","resume":{"token":"t"}})")
            << ErrorCode::BadMessage << QStringLiteral("resume.lastSeq: is required") << true;
        QTest::newRow("floor request without session")
            << QByteArray(R"({"type":"floor.request","id":3})") << ErrorCode::BadMessage
            << QStringLiteral("session: is required") << true;
        QTest::newRow("floor request priority out of range")
            << QByteArray(R"({"type":"floor.request","id":3,"session":"g","priority":16})")
            << ErrorCode::BadMessage << QStringLiteral("priority: must be between 0 and 15")
            << true;
        QTest::newRow("floor request unknown type")
            << QByteArray(R"({"type":"floor.request","id":3,"session":"g","floorType":"panic"})")
            << ErrorCode::BadMessage << QStringLiteral("floorType: unknown value 'panic'") << true;
        QTest::newRow("affiliate groups not a list")
            << QByteArray(R"({"type":"group.affiliate","id":3,"groups":"tg-1"})")
            << ErrorCode::BadMessage << QStringLiteral("groups: must be an array") << true;
        QTest::newRow("affiliate group not an id")
            << QByteArray(R"({"type":"group.affiliate","id":3,"groups":["ok",7]})")
            << ErrorCode::BadMessage << QStringLiteral("groups[1]") << true;
        QTest::newRow("session create group kind")
            << QByteArray(R"({"type":"session.create","id":3,"kind":"group"})")
            << ErrorCode::BadMessage << QStringLiteral("kind: must be adhoc or broadcast") << true;
        QTest::newRow("broadcast without group")
            << QByteArray(R"({"type":"session.create","id":3,"kind":"broadcast"})")
            << ErrorCode::BadMessage << QStringLiteral("group: is required") << true;
        QTest::newRow("emergency ack without emergency")
            << QByteArray(R"({"type":"emergency.ack","id":3})") << ErrorCode::BadMessage
            << QStringLiteral("emergency: is required") << true;
        QTest::newRow("emergency cancel with a bad id")
            << QByteArray(R"({"type":"emergency.cancel","id":3,"emergency":"em 3"})")
            << ErrorCode::BadMessage << QStringLiteral("emergency: is not a valid identifier")
            << true;
        QTest::newRow("emergency raise group not an id")
            << QByteArray(R"({"type":"emergency.raise","id":3,"group":7})") << ErrorCode::BadMessage
            << QStringLiteral("group:") << true;
        QTest::newRow("overlong string")
            << QByteArray(R"({"type":"login","id":2,"user":"u","password":")")
                + QByteArray(300, 'x') + QByteArray(R"("})")
            << ErrorCode::BadMessage << QStringLiteral("longer than 256") << true;
        QByteArray manyGroups = R"({"type":"group.affiliate","id":3,"groups":[)";
        for (int i = 0; i < 257; ++i)
            manyGroups += (i ? ",\"g\"" : "\"g\"");
        manyGroups += "]}";
        QTest::newRow("too many list items")
            << manyGroups << ErrorCode::BadMessage << QStringLiteral("more than 256 items") << true;
        // Duplicate keys: QJsonDocument would keep the last one (a ping that logs out).
        QTest::newRow("duplicate type")
            << QByteArray(R"({"type":"ping","id":5,"type":"logout"})") << ErrorCode::BadMessage
            << QStringLiteral("duplicate key 'type'") << true;
        QTest::newRow("duplicate id")
            << QByteArray(R"({"type":"ping","id":5,"id":6})") << ErrorCode::BadMessage
            << QStringLiteral("duplicate key 'id'") << false;
        QTest::newRow("duplicate key nested")
            << QByteArray(R"({"type":"media.push","id":5,"push":"p","link":"https://x.org",)"
                          R"("to":{"unit":"a","unit":"b"}})")
            << ErrorCode::BadMessage << QStringLiteral("duplicate key 'unit'") << true;
        QTest::newRow("duplicate key escaped")
            << QByteArray("{\"type\":\"ping\",\"id\":5,\"t\\u0079pe\":\"logout\"}")
            << ErrorCode::BadMessage << QStringLiteral("duplicate key 'type'") << true;
        // Numbers far outside the 64-bit range are refused, never cast (undefined behaviour).
        QTest::newRow("id 1e300") << QByteArray(R"({"type":"ping","id":1e300})")
                                  << ErrorCode::BadMessage
                                  << QStringLiteral("id: must be an integer") << false;
        QTest::newRow("priority -1e300")
            << QByteArray(R"({"type":"floor.request","id":3,"session":"g","priority":-1e300})")
            << ErrorCode::BadMessage << QStringLiteral("priority: must be an integer") << true;
        QTest::newRow("offset 2^63")
            << QByteArray("{\"type\":\"media.get\",\"id\":3,\"offset\":9223372036854775808,"
                          "\"media\":\"")
                + QByteArray(64, 'a') + QByteArray("\"}")
            << ErrorCode::BadMessage << QStringLiteral("offset: must be an integer") << true;
    }

    void sameKeyInDifferentObjectsIsFine()
    {
        // "unit" in two different objects, and in an array of objects, is not a duplicate.
        const QByteArray frame = R"({"type":"session.create","id":5,"kind":"adhoc",)"
                                 R"("units":["u1","u2"],"name":"units"})";
        QVERIFY(std::holds_alternative<RequestFrame>(decodeRequest(frame)));
        QVERIFY(!firstDuplicateKey(R"([{"a":1},{"a":2}])"));
        QVERIFY(!firstDuplicateKey(R"({"a":{"a":{"a":1}}})"));
        QCOMPARE(firstDuplicateKey(R"({"a":[{"b":1,"c":{"d":1},"b":2}]})"), QStringLiteral("b"));
    }

    void malformedRequests()
    {
        QFETCH(QByteArray, frame);
        QFETCH(ErrorCode, code);
        QFETCH(QString, mentions);
        QFETCH(bool, hasId);
        auto decoded = decodeRequest(frame);
        QVERIFY(std::holds_alternative<DecodeFailure>(decoded));
        const DecodeFailure &failure = std::get<DecodeFailure>(decoded);
        QCOMPARE(failure.error.code, code);
        QVERIFY2(failure.error.message.contains(mentions), qPrintable(failure.error.message));
        QCOMPARE(failure.id.has_value(), hasId);
    }

    void malformedServerFrames_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::newRow("event without seq")
            << QByteArray(R"({"type":"event","event":"floor.idle","data":{"session":"g"}})");
        QTest::newRow("response without result or error")
            << QByteArray(R"({"type":"response","id":1})");
        QTest::newRow("error with unknown code")
            << QByteArray(R"({"type":"error","error":{"code":"oops"}})");
        QTest::newRow("unknown envelope") << QByteArray(R"({"type":"gossip"})");
        // The client is as strict as the server: a duplicate in what the server sends.
        QTest::newRow("duplicate key from the server")
            << QByteArray(R"({"type":"event","seq":3,"event":"floor.idle",)"
                          R"("data":{"session":"g","session":"h"}})");
    }

    void malformedServerFrames()
    {
        QFETCH(QByteArray, frame);
        QVERIFY(std::holds_alternative<DecodeFailure>(decodeServerFrame(frame)));
    }

    void unknownEventKeepsItsSequenceNumber()
    {
        auto decoded = decodeServerFrame(
            R"({"type":"event","seq":41,"event":"floor.party","data":{"x":1}})");
        QVERIFY(std::holds_alternative<ServerFrame>(decoded));
        const auto &unknown = std::get<UnknownEventFrame>(std::get<ServerFrame>(decoded));
        QCOMPARE(unknown.seq, quint64(41));
        QCOMPARE(unknown.name, QStringLiteral("floor.party"));
    }

    void invalidEventDataIsSkippedButCounted_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("taken without talker") << QByteArray(
            R"({"type":"event","seq":9,"event":"floor.taken","data":{"session":"g","ssrc":1}})")
                                              << "talker: is required";
        QTest::newRow("taken ssrc too big") << QByteArray(
            R"({"type":"event","seq":9,"event":"floor.taken","data":{"session":"g","talker":"u","ssrc":4294967296}})")
                                            << "ssrc: must be between";
        QTest::newRow("emergency with unknown state") << QByteArray(
            R"({"type":"event","seq":9,"event":"emergency.updated","data":{"emergency":{"id":"em-1","unit":"u","state":"closed","raisedAt":1}}})")
                                                      << "emergency.state: unknown value 'closed'";
        QTest::newRow("emergency ack without unit") << QByteArray(
            R"({"type":"event","seq":9,"event":"emergency.updated","data":{"emergency":{"id":"em-1","unit":"u","state":"acknowledged","raisedAt":1,"acks":[{"at":5}]}}})")
                                                    << "acks[0].unit: is required";
    }

    void invalidEventDataIsSkippedButCounted()
    {
        QFETCH(QByteArray, frame);
        QFETCH(QString, mentions);
        auto decoded = decodeServerFrame(frame);
        QVERIFY(std::holds_alternative<ServerFrame>(decoded));
        const auto &skipped = std::get<UnknownEventFrame>(std::get<ServerFrame>(decoded));
        QCOMPARE(skipped.seq, quint64(9));
        QVERIFY2(skipped.error.contains(mentions), qPrintable(skipped.error));
    }

    void resultOfWrongShapeIsRejected()
    {
        QString error;
        QVERIFY(!parseResult<FloorRequest>(QJsonObject {{QStringLiteral("outcome"), 3}}, &error));
        QVERIFY(error.contains(QLatin1String("result.outcome")));
        QVERIFY(!parseResult<FloorRequest>(
            QJsonObject {{QStringLiteral("outcome"), QStringLiteral("granted")}}, &error));
        QVERIFY2(error.contains(QLatin1String("result.duration")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestMessages)
#include "tst_messages.moc"
