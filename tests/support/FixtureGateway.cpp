// A gateway on 127.0.0.1 with auth mode none and in-process tools, for the end-to-end tests (the
// official TypeScript SDK client, the MCP conformance suite) and the benchmark:
//   gatehouse_fixture_gateway [--port N] [--workers N] [--upstream URL [--catalog DIR [--policy]]]
// Serves /mcp/fixture with FixtureToolProvider's tools (echo, slow, fail, ...), or with
// --upstream, /mcp/fixture with one tool "fetch" that GETs URL. Prints "listening on PORT".
// With --catalog the tool comes the product's way instead: a store in DIR holds server "fixture"
// whose OpenAPI spec has one operation "fetch" (GET URL's path), dispatched by the catalog.
// --policy adds what issue 7 puts in front of a call: OAuth, a role granting the tool, a plan with
// a quota and a rate (never reached), the audit log; a token for the user is printed first
// ("token TOKEN"), and calls need it.
#include "FixtureToolProvider.h"
#include "UpstreamToolProvider.h"
#include "gateway/Gateway.h"
#include "oauth/TokenService.h"
#include "store/Database.h"
#include "store/Migrator.h"
#include "store/PlanRepository.h"
#include "store/RoleRepository.h"
#include "store/ServerRepository.h"
#include "store/UserRepository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <csignal>
#include <cstdio>

using namespace gatehouse;

namespace {

// The store behind --catalog (and --policy); null on failure, with the reason printed.
std::unique_ptr<store::Database> catalogStore(const QString &dir, const QUrl &upstream, bool policy)
{
    auto fail = [](const QString &what) {
        std::fprintf(stderr, "%s\n", qPrintable(what));
        return nullptr;
    };
    if (!QDir().mkpath(dir))
        return fail(QStringLiteral("cannot create ") + dir);
    const QString spec = QDir(dir).filePath(QStringLiteral("fixture.yaml"));
    QFile file(spec);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(QStringLiteral("cannot write ") + spec);
    file.write("openapi: 3.0.3\n"
               "info: {title: Fixture, version: '1'}\n"
               "paths:\n"
               "  " +
               upstream.path().toUtf8() +
               ":\n"
               "    get:\n"
               "      operationId: fetch\n"
               "      tags: [items]\n"
               "      responses:\n"
               "        '200': {description: The item, content: {application/json: {schema: "
               "{type: object}}}}\n");
    file.close();
    store::DatabaseOptions options;
    options.sqlitePath = QDir(dir).filePath(QStringLiteral("gatehouse.db"));
    auto opened = store::Database::open(options);
    if (!opened)
        return fail(opened.error().message());
    std::unique_ptr<store::Database> database = std::move(opened).value();
    if (Status migrated = store::Migrator(*database).migrate(); !migrated)
        return fail(migrated.error().message());
    store::Server server;
    server.name = QStringLiteral("fixture");
    server.openapi = spec;
    QUrl base = upstream;
    base.setPath(QString());
    server.baseUrl = base.toString();
    // The answer goes back as the upstream sent it, as with the in-process fetch tool.
    server.heuristics = store::ServerHeuristics{};
    server.heuristics->shapeResponses = false;
    if (Status saved = store::ServerRepository(*database).upsert(server); !saved)
        return fail(saved.error().message());
    if (!policy)
        return database;
    store::Role reader;
    reader.name = QStringLiteral("reader");
    reader.rules = {store::Rule{QStringLiteral("fixture/items"), QStringLiteral("allow"),
                                QStringLiteral("read")},
                    store::Rule{QStringLiteral("fixture/items"), QStringLiteral("deny"),
                                QStringLiteral("delete")}};
    if (Status saved = store::RoleRepository(*database).upsert(reader); !saved)
        return fail(saved.error().message());
    if (Status saved = store::PlanRepository(*database).upsert(store::Plan{
            QStringLiteral("bench"), 1'000'000'000'000, 1'000'000'000'000, std::nullopt});
        !saved)
        return fail(saved.error().message());
    store::User user;
    user.name = QStringLiteral("bench");
    user.roles = {QStringLiteral("reader")};
    user.plan = QStringLiteral("bench");
    if (Status saved = store::UserRepository(*database).upsert(user); !saved)
        return fail(saved.error().message());
    return database;
}

} // namespace

int main(int argc, char **argv)
{
    ::signal(SIGPIPE, SIG_IGN);
    // As `gatehouse serve` does: Qt's Unix event dispatcher rather than GLib's.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("port"), QStringLiteral("port (0: any)"), QStringLiteral("N"),
                      QStringLiteral("0")});
    parser.addOption({QStringLiteral("workers"), QStringLiteral("worker threads"),
                      QStringLiteral("N"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("upstream"), QStringLiteral("upstream URL for the fetch tool"),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("catalog"),
                      QStringLiteral("serve fetch from an OpenAPI catalog in a store in DIR"),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("policy"),
                      QStringLiteral("with --catalog: OAuth, permissions, limits and audit")});
    parser.process(app);

    const QUrl upstream(parser.value(QStringLiteral("upstream")));
    const bool policy = parser.isSet(QStringLiteral("policy"));
    std::unique_ptr<store::Database> database;
    if (parser.isSet(QStringLiteral("catalog"))) {
        database = catalogStore(parser.value(QStringLiteral("catalog")), upstream, policy);
        if (!database)
            return 1;
    }
    gateway::Gateway gateway(database.get());
    if (!database) {
        gateway.setToolProviderFactory(
            [upstream](const QString &) -> std::unique_ptr<mcp::ToolProvider> {
                if (upstream.isValid() && !upstream.isEmpty())
                    return std::make_unique<mcp::test::UpstreamToolProvider>(upstream);
                return std::make_unique<mcp::test::FixtureToolProvider>();
            });
        gateway.setServers({QStringLiteral("fixture")});
    }
    gateway::ListenOptions options;
    options.port = quint16(parser.value(QStringLiteral("port")).toUInt());
    options.workerThreads = parser.value(QStringLiteral("workers")).toInt();
    options.authMode = policy ? gateway::AuthMode::OAuth : gateway::AuthMode::None;
    if (Status started = gateway.start(options); !started) {
        std::fprintf(stderr, "%s\n", qPrintable(started.error().message()));
        return 1;
    }
    if (policy) {
        oauth::TokenService tokens(*database, gateway.baseUrl());
        oauth::TokenService::MintRequest request;
        request.user = QStringLiteral("bench");
        request.server = QStringLiteral("fixture");
        request.ttl = std::chrono::hours(24);
        const auto minted = tokens.mint(request, QDateTime::currentDateTimeUtc());
        if (!minted) {
            std::fprintf(stderr, "%s\n", qPrintable(minted.error().message()));
            return 1;
        }
        std::printf("token %s\n", qPrintable(minted->token));
    }
    std::printf("listening on %u\n", unsigned(gateway.port()));
    std::fflush(stdout);
    struct sigaction action = {};
    action.sa_handler = [](int) { QCoreApplication::quit(); };
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
    const int rc = QCoreApplication::exec();
    gateway.stop(); // writes the usage counts and audit rows while the store is open
    return rc;
}
