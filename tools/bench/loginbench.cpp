// SPDX-License-Identifier: Apache-2.0
// Password logins per second against a real floorline-server process: accounts whose passwords
// are argon2id at interactive cost (a fleet file, as an agency deploys), against the demo fleet
// hashed at libsodium's minimum cost in the same run, so the ratio is the price of argon2id.
// Each login is a TLS connection, hello and login, as a console's.
#include "benchcommon.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace floorline;

namespace {

struct Result
{
    double perSecond = -1;
    double cpuPerLogin = 0; ///< server CPU seconds per login
};

/// Logs in `users` in waves of `wave` at once (the server checks at most 32 passwords at a
/// time and refuses more as busy, as it should), one wave after the other.
Result measure(const QString &binary, const QStringList &arguments, const QStringList &users,
               const QString &password, int wave)
{
    bench::ServerProcess server;
    QString error;
    if (!server.start(binary, arguments, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return {};
    }
    std::vector<std::unique_ptr<SignalingClient>> clients;
    const double cpu0 = server.cpuSeconds();
    QElapsedTimer clock;
    clock.start();
    for (qsizetype first = 0; first < users.size(); first += wave) {
        const qsizetype end = std::min(users.size(), first + wave);
        for (qsizetype i = first; i < end; ++i) {
            auto client = std::make_unique<SignalingClient>();
            client->setPinnedCertificate(server.fingerprint());
            client->connectToServer(server.url(), users.at(i),
                                    password.isEmpty() ? users.at(i) : password);
            clients.push_back(std::move(client));
        }
        const bool online = QTest::qWaitFor(
            [&] {
                for (qsizetype i = first; i < end; ++i) {
                    if (clients[std::size_t(i)]->state() != SignalingClient::State::Online)
                        return false;
                }
                return true;
            },
            60000);
        if (!online) {
            std::fprintf(stderr, "a wave of logins did not complete\n");
            return {};
        }
    }
    const double wall = double(clock.nsecsElapsed()) / 1e9;
    const double cpu = server.cpuSeconds() - cpu0;
    return {double(users.size()) / wall, cpu / double(users.size())};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Password logins per second (argon2id)"));
    parser.addHelpOption();
    const QCommandLineOption count(QStringLiteral("logins"), QStringLiteral("Logins (96)."),
                                   QStringLiteral("n"), QStringLiteral("96"));
    const QCommandLineOption waveOption(QStringLiteral("wave"),
                                        QStringLiteral("Logins started together (16)."),
                                        QStringLiteral("n"), QStringLiteral("16"));
    const QCommandLineOption binary(QStringLiteral("server-binary"),
                                    QStringLiteral("floorline-server to run."),
                                    QStringLiteral("path"), bench::defaultServerBinary());
    parser.addOptions({count, waveOption, binary});
    parser.process(app);
    const int n = parser.value(count).toInt();
    const int wave = parser.value(waveOption).toInt();

    // The fleet file an operator writes: argon2id hashes at interactive limits (2 passes over
    // 64 MiB), made by the server's own --hash-password (one for all: checking is the cost).
    QProcess hasher;
    hasher.start(parser.value(binary), {QStringLiteral("--hash-password")});
    hasher.write("bench-password\n");
    hasher.closeWriteChannel();
    hasher.waitForFinished(30000);
    const QString hash = QString::fromLatin1(hasher.readAllStandardOutput()).trimmed();
    if (!hash.startsWith(QLatin1String("$argon2id$"))) {
        std::fprintf(stderr, "--hash-password printed no hash\n");
        return 1;
    }
    QTemporaryDir dir;
    QJsonArray accounts;
    QStringList users;
    for (int i = 1; i <= n; ++i) {
        const QString id = QStringLiteral("unit-%1").arg(i, 4, 10, QLatin1Char('0'));
        users.append(id);
        accounts.append(QJsonObject {{QStringLiteral("id"), id},
                                     {QStringLiteral("alias"), id},
                                     {QStringLiteral("role"), QStringLiteral("unit")},
                                     {QStringLiteral("groups"), QJsonArray {QStringLiteral("all")}},
                                     {QStringLiteral("password"), hash}});
    }
    const QJsonObject fleet {
        {QStringLiteral("groups"),
         QJsonArray {QJsonObject {{QStringLiteral("id"), QStringLiteral("all")},
                                  {QStringLiteral("name"), QStringLiteral("All")}}}},
        {QStringLiteral("accounts"), accounts}};
    QFile file(dir.filePath(QStringLiteral("fleet.json")));
    if (!file.open(QIODevice::WriteOnly)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(file.fileName()));
        return 1;
    }
    file.write(QJsonDocument(fleet).toJson());
    file.close();

    const Result hashed
        = measure(parser.value(binary), {QStringLiteral("--fleet"), file.fileName()}, users,
                  QStringLiteral("bench-password"), wave);
    const Result minimum
        = measure(parser.value(binary),
                  {QStringLiteral("--demo-fleet"), QStringLiteral("%1,4").arg(n)}, users, {}, wave);
    if (hashed.perSecond < 0 || minimum.perSecond < 0)
        return 1;
    std::printf("password logins over TLS, %d accounts, %d at a time, server in its own process\n",
                n, wave);
    std::printf(
        "  argon2id interactive (fleet file): %.1f logins/s, server CPU %.0f ms per login\n",
        hashed.perSecond, hashed.cpuPerLogin * 1000);
    std::printf(
        "  libsodium minimum cost (demo fleet): %.1f logins/s, server CPU %.1f ms per login\n",
        minimum.perSecond, minimum.cpuPerLogin * 1000);
    std::printf("  => argon2id logins run at %.2f x the rate of minimum-cost ones\n",
                hashed.perSecond / minimum.perSecond);
    return 0;
}
