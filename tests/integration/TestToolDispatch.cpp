#include "McpTestClient.h"
#include "TestSupport.h"
#include "gateway/Gateway.h"
#include "http/Request.h"
#include "http/Responder.h"
#include "http/Response.h"
#include "http/Server.h"
#include "store/CredentialRepository.h"
#include "store/Database.h"
#include "store/Migrator.h"
#include "store/ServerRepository.h"
#include "store/ToolOverrideRepository.h"

#include <QFile>
#include <QMutex>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::test;
using nlohmann::json;
using namespace Qt::StringLiterals;

namespace {

// What the upstream API saw.
struct Seen
{
    QByteArray method;
    QByteArray path;
    QByteArray query;
    QByteArray apiKey;
    QByteArray contentType;
    QByteArray body;
};

// The billing API of examples/specs/billing.yaml, answered by our own HTTP server, recording
// every request.
class BillingUpstream
{
public:
    BillingUpstream()
    {
        http::ServerOptions options;
        options.workerThreads = 1;
        m_server = std::make_unique<http::Server>(options);
        m_server->setHandler([this](const http::Request &request,
                                    std::shared_ptr<http::Responder> responder) {
            {
                QMutexLocker lock(&m_mutex);
                m_seen.append(Seen{request.method(), request.path().toUtf8(), request.query(),
                                   request.header("x-api-key"), request.header("content-type"),
                                   request.body()});
            }
            const QString path = request.path();
            if (path.startsWith(QLatin1String("/specs/"))) {
                const QByteArray document = spec(path.mid(7));
                if (document.isEmpty())
                    return responder->respond(http::Response::error(404, u"no such spec"_s));
                http::Response answer(200, {{"Content-Type", "application/yaml"}}, document);
                const int delay = specDelayMs();
                if (delay == 0)
                    return responder->respond(std::move(answer));
                QTimer::singleShot(delay, [responder, answer = std::move(answer)]() mutable {
                    responder->respond(std::move(answer));
                });
                return;
            }
            if (path == QLatin1String("/v1/invoices/missing"))
                return responder->respond(http::Response::json(
                    404, R"({"error":{"message":"No such invoice: missing"}})"));
            if (path.startsWith(QLatin1String("/v1/invoices/")))
                return responder->respond(http::Response::json(
                    200,
                    R"({"id":")" + path.mid(13).toUtf8() +
                        R"(","status":"open","total":1250,"customer":{"id":"cu_1","name":"Ada","address":{"city":"Berlin"}}})"));
            if (path == QLatin1String("/v1/invoices") && request.method() == "POST")
                return responder->respond(
                    http::Response::json(201, R"({"id":"in_new","status":"draft"})"));
            if (path == QLatin1String("/v1/invoices"))
                return responder->respond(
                    http::Response::json(200, R"({"data":[{"id":"in_1"}],"has_more":false})"));
            responder->respond(http::Response::error(404, QStringLiteral("no such path")));
        });
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0).ok());
    }
    QString baseUrl() const
    {
        return QStringLiteral("http://127.0.0.1:%1/v1").arg(m_server->serverPort());
    }
    QString specUrl(const QString &name) const
    {
        return QStringLiteral("http://127.0.0.1:%1/specs/").arg(m_server->serverPort()) + name;
    }
    // A slow spec server: each spec is answered this much later.
    void setSpecDelay(int milliseconds)
    {
        QMutexLocker lock(&m_mutex);
        m_specDelayMs = milliseconds;
    }
    int specDelayMs()
    {
        QMutexLocker lock(&m_mutex);
        return m_specDelayMs;
    }
    int specFetches(const QString &name)
    {
        QMutexLocker lock(&m_mutex);
        return int(std::count_if(m_seen.cbegin(), m_seen.cend(), [&name](const Seen &seen) {
            return seen.path == "/specs/" + name.toUtf8();
        }));
    }
    void setServingSpecs(bool serving)
    {
        QMutexLocker lock(&m_mutex);
        m_servingSpecs = serving;
    }
    // billing.yaml as in examples/, and remote.yaml whose second operation takes a type from
    // this same loopback server through an absolute $ref.
    QByteArray spec(const QString &name)
    {
        {
            QMutexLocker lock(&m_mutex);
            if (!m_servingSpecs)
                return {};
        }
        if (name == u"billing.yaml") {
            QFile file(test::sourceDir() + u"/examples/specs/billing.yaml"_s);
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        }
        if (name == u"types.yaml")
            return "Id: {type: string, maxLength: 20}\n";
        if (name == u"remote.yaml")
            return "openapi: 3.1.0\ninfo: {title: Remote, version: '1'}\npaths:\n"
                   "  /plain:\n    get: {operationId: plain}\n"
                   "  /typed:\n    get:\n      operationId: typed\n      parameters:\n"
                   "        - {name: id, in: query, schema: {$ref: '" +
                   specUrl(u"types.yaml"_s).toUtf8() + "#/Id'}}\n";
        return {};
    }
    QList<Seen> seen()
    {
        QMutexLocker lock(&m_mutex);
        return m_seen;
    }
    void clear()
    {
        QMutexLocker lock(&m_mutex);
        m_seen.clear();
    }

private:
    std::unique_ptr<http::Server> m_server;
    QMutex m_mutex;
    QList<Seen> m_seen;
    bool m_servingSpecs = true;
    int m_specDelayMs = 0;
};

quint16 freePort()
{
    QTcpServer server;
    return server.listen(QHostAddress::LocalHost, 0) ? server.serverPort() : 0;
}

QString text(const json &result)
{
    return QString::fromStdString(result.value("content", json::array()).at(0).value("text", ""));
}

} // namespace

class TestToolDispatch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("GATEHOUSE_TEST_BILLING_KEY", "sk_test_secret");
        store::DatabaseOptions options;
        options.sqlitePath = m_dir.filePath(QStringLiteral("store.db"));
        auto db = store::Database::open(options);
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        QVERIFY(store::Migrator(*m_db).migrate().ok());
        m_upstream = std::make_unique<BillingUpstream>();

        store::Credential credential;
        credential.name = QStringLiteral("billing-key");
        credential.type = QStringLiteral("api_key");
        credential.location = QStringLiteral("header");
        credential.param = QStringLiteral("X-API-Key");
        credential.secret = store::SecretReference{QStringLiteral("env"),
                                                   QStringLiteral("GATEHOUSE_TEST_BILLING_KEY")};
        QVERIFY(store::CredentialRepository(*m_db).upsert(credential).ok());
        setServer(QStringLiteral("flat"));

        m_gateway = std::make_unique<gateway::Gateway>(m_db.get());
        gateway::ListenOptions listen;
        listen.port = 0;
        listen.authMode = gateway::AuthMode::None;
        listen.workerThreads = 2;
        QVERIFY(m_gateway->start(listen).ok());
    }
    void cleanupTestCase()
    {
        m_gateway.reset();
        m_upstream.reset();
    }
    void init() { m_upstream->clear(); }

    void listsGeneratedTools()
    {
        McpTestSession session(m_gateway->port(), "billing");
        QVERIFY(session.isOpen());
        const json tools = session.call("tools/list")["result"]["tools"];
        QStringList names;
        for (const json &tool : tools)
            names << QString::fromStdString(tool["name"]);
        QVERIFY2(names.contains(QStringLiteral("get_invoice")), qPrintable(names.join(u',')));
        QVERIFY(names.contains(QStringLiteral("create_invoice")));
        QVERIFY(!names.contains(QStringLiteral("void_invoice"))); // excluded in setServer()
        for (const json &tool : tools)
            QCOMPARE(tool["inputSchema"]["type"], "object");

        // compact_schemas lists get_tool_schema beside the tools; it answers the whole schema.
        QVERIFY(names.contains(QStringLiteral("get_tool_schema")));
        const json schema = session.callTool(u"get_tool_schema"_s, {{"name", "create_invoice"}});
        QVERIFY2(!schema.value("isError", false), schema.dump().c_str());
        const QString answer = text(schema);
        QVERIFY2(answer.contains(QLatin1String("\"customer_id\"")), qPrintable(answer));
        QVERIFY2(answer.contains(QLatin1String("Call the tool create_invoice itself.")),
                 qPrintable(answer));
        const json unknown = session.callTool(u"get_tool_schema"_s, {{"name", "void_invoice"}});
        QCOMPARE(unknown.value("isError", false), true);
        // call_tool belongs to the other modes.
        QCOMPARE(session.callTool(u"call_tool"_s, json::object())["code"], -32602);
    }

    void callsTheUpstreamWithTheCredential()
    {
        McpTestSession session(m_gateway->port(), "billing");
        const json result =
            session.callTool(QStringLiteral("get_invoice"), {{"invoice_id", "in_42"}});
        QVERIFY2(!result.value("isError", false), result.dump().c_str());
        QCOMPARE(result["structuredContent"]["id"], "in_42");
        const auto seen = m_upstream->seen();
        QCOMPARE(seen.size(), 1);
        QCOMPARE(seen[0].method, QByteArray("GET"));
        QCOMPARE(seen[0].path, QByteArray("/v1/invoices/in_42"));
        QCOMPARE(seen[0].apiKey, QByteArray("sk_test_secret"));
        // The secret never reaches the client.
        QVERIFY(result.dump().find("sk_test_secret") == std::string::npos);
    }

    void sendsJsonBodies()
    {
        McpTestSession session(m_gateway->port(), "billing");
        const json result = session.callTool(QStringLiteral("create_invoice"),
                                             {{"customer_id", "cu_1"}, {"amount", 12.5}});
        QVERIFY2(!result.value("isError", false), result.dump().c_str());
        const auto seen = m_upstream->seen();
        QCOMPARE(seen.size(), 1);
        QCOMPARE(seen[0].method, QByteArray("POST"));
        QVERIFY(seen[0].contentType.startsWith("application/json"));
        const json body = json::parse(seen[0].body.toStdString());
        QCOMPARE(body["customer_id"], "cu_1");
        QCOMPARE(body["amount"], 12.5);
    }

    void invalidArgumentsNeverReachTheUpstream()
    {
        McpTestSession session(m_gateway->port(), "billing");
        const json result = session.callTool(QStringLiteral("create_invoice"),
                                             {{"customer_id", "cu_1"}, {"amount", "lots"}});
        QCOMPARE(result.value("isError", false), true);
        QVERIFY2(text(result).contains(QLatin1String("amount")), qPrintable(text(result)));
        QVERIFY(m_upstream->seen().isEmpty());
    }

    void upstreamErrorsAreToolErrors()
    {
        McpTestSession session(m_gateway->port(), "billing");
        const json result =
            session.callTool(QStringLiteral("get_invoice"), {{"invoice_id", "missing"}});
        QCOMPARE(result.value("isError", false), true);
        QVERIFY2(text(result).contains(QLatin1String("404")), qPrintable(text(result)));
        QVERIFY2(text(result).contains(QLatin1String("No such invoice")), qPrintable(text(result)));
    }

    void unknownToolIsAProtocolError()
    {
        McpTestSession session(m_gateway->port(), "billing");
        const json error = session.callTool(QStringLiteral("nope"), json::object());
        QCOMPARE(error["code"], -32602);
    }

    void hierarchicalMode()
    {
        setServer(QStringLiteral("hierarchical"));
        QVERIFY(m_gateway->reloadServers().ok());
        McpTestSession session(m_gateway->port(), "billing");
        const json tools = session.call("tools/list")["result"]["tools"];
        QStringList names;
        for (const json &tool : tools)
            names << QString::fromStdString(tool["name"]);
        QCOMPARE(names, (QStringList{u"list_groups"_s, u"list_tools"_s, u"get_tool_schema"_s,
                                     u"call_tool"_s}));
        const QString groups = text(session.callTool(u"list_groups"_s, json::object()));
        QVERIFY2(groups.contains(QLatin1String("\ninvoices: 3")), qPrintable(groups));
        const QString listed = text(session.callTool(u"list_tools"_s, {{"group", "invoices"}}));
        QVERIFY2(listed.contains(QLatin1String("get_invoice: Retrieve an invoice")),
                 qPrintable(listed));
        const json schema = session.callTool(u"get_tool_schema"_s, {{"name", "get_invoice"}});
        QVERIFY(text(schema).contains(QLatin1String("\"invoice_id\"")));
        const json called = session.callTool(
            u"call_tool"_s, {{"name", "get_invoice"}, {"arguments", {{"invoice_id", "in_7"}}}});
        QVERIFY2(!called.value("isError", false), called.dump().c_str());
        QCOMPARE(called["structuredContent"]["id"], "in_7");
        const json unknown = session.callTool(
            u"call_tool"_s, {{"name", "void_invoice"}, {"arguments", json::object()}});
        QCOMPARE(unknown.value("isError", false), true);
        setServer(QStringLiteral("flat"));
        QVERIFY(m_gateway->reloadServers().ok());
    }

    void searchMode()
    {
        setServer(QStringLiteral("search"));
        QVERIFY(m_gateway->reloadServers().ok());
        McpTestSession session(m_gateway->port(), "billing");
        const json tools = session.call("tools/list")["result"]["tools"];
        QCOMPARE(tools.size(), 3u);
        const QString found =
            text(session.callTool(u"search_tools"_s, {{"query", "create an invoice"}}));
        QVERIFY2(found.section(u'\n', 1, 1).startsWith(QLatin1String("create_invoice:")),
                 qPrintable(found));
        setServer(QStringLiteral("flat"));
        QVERIFY(m_gateway->reloadServers().ok());
    }

    void unreachableUpstream()
    {
        store::Server server = *store::ServerRepository(*m_db).get(u"billing"_s);
        server.baseUrl = QStringLiteral("http://127.0.0.1:1/v1");
        QVERIFY(store::ServerRepository(*m_db).upsert(server).ok());
        QVERIFY(m_gateway->reloadServers().ok());
        McpTestSession session(m_gateway->port(), "billing");
        const json result = session.callTool(QStringLiteral("get_invoice"), {{"invoice_id", "x"}});
        QCOMPARE(result.value("isError", false), true);
        QVERIFY2(text(result).contains(QLatin1String("billing")), qPrintable(text(result)));
        setServer(QStringLiteral("flat"));
        QVERIFY(m_gateway->reloadServers().ok());
    }

    void overridesApplyOnReload()
    {
        store::ToolOverride renamed;
        renamed.server = QStringLiteral("billing");
        renamed.key = QStringLiteral("getInvoice");
        renamed.name = QStringLiteral("fetch_invoice");
        QVERIFY(store::ToolOverrideRepository(*m_db).upsert(renamed).ok());
        QVERIFY(m_gateway->reloadServers().ok());
        McpTestSession session(m_gateway->port(), "billing");
        const json result =
            session.callTool(QStringLiteral("fetch_invoice"), {{"invoice_id", "in_9"}});
        QVERIFY2(!result.value("isError", false), result.dump().c_str());
        QVERIFY(store::ToolOverrideRepository(*m_db).remove(u"billing"_s, u"getInvoice"_s).ok());
        QVERIFY(m_gateway->reloadServers().ok());
    }

    // openapi: a URL is fetched on every load; the last spec that loaded stays when a fetch
    // fails.
    void specFromUrl()
    {
        store::Server server;
        server.name = QStringLiteral("fetched");
        server.openapi = m_upstream->specUrl(u"billing.yaml"_s);
        server.baseUrl = m_upstream->baseUrl();
        server.credential = QStringLiteral("billing-key");
        QVERIFY(store::ServerRepository(*m_db).upsert(server).ok());
        QVERIFY(m_gateway->reloadServers().ok());
        auto catalog = m_gateway->catalog(u"fetched"_s);
        QVERIFY(catalog && catalog->tools);
        QVERIFY2(catalog->loadError.isEmpty(), qPrintable(catalog->loadError));
        QVERIFY(catalog->tools->find(u"get_invoice"_s));
        McpTestSession session(m_gateway->port(), "fetched");
        const json result = session.callTool(u"get_invoice"_s, {{"invoice_id", "in_9"}});
        QVERIFY2(!result.value("isError", false), result.dump().c_str());
        QCOMPARE(result["structuredContent"]["id"], "in_9");

        m_upstream->setServingSpecs(false);
        QVERIFY(m_gateway->reloadServers().ok());
        catalog = m_gateway->catalog(u"fetched"_s);
        QVERIFY(catalog && catalog->tools && catalog->tools->find(u"get_invoice"_s));
        m_upstream->setServingSpecs(true);
        QVERIFY(store::ServerRepository(*m_db).remove(u"fetched"_s).ok());
    }

    // What the GUI calls after an edit: the store is read and the spec fetched on the gateway's
    // own thread, published later on this one; requests made meanwhile are merged into one more.
    void backgroundReloadPublishesLaterAndMerges()
    {
        store::Server server;
        server.name = QStringLiteral("slow");
        server.openapi = m_upstream->specUrl(u"billing.yaml"_s);
        server.baseUrl = m_upstream->baseUrl();
        QVERIFY(store::ServerRepository(*m_db).upsert(server).ok());
        m_upstream->setSpecDelay(300);
        QSignalSpy reloaded(m_gateway.get(), &gateway::Gateway::reloaded);
        m_gateway->reloadInBackground();
        // Not loaded on this thread: nothing is published before the event loop runs.
        QVERIFY(!m_gateway->catalog(u"slow"_s));
        // An edit made while that reload runs, asked for twice more: one more reload takes both.
        store::ToolOverride renamed;
        renamed.server = QStringLiteral("slow");
        renamed.key = QStringLiteral("getInvoice");
        renamed.name = QStringLiteral("fetch_invoice");
        QVERIFY(store::ToolOverrideRepository(*m_db).upsert(renamed).ok());
        m_gateway->reloadInBackground();
        m_gateway->reloadInBackground();
        QVERIFY(reloaded.wait(10000));
        QCOMPARE(reloaded.count(), 1);
        QVERIFY(reloaded.first().first().value<Status>().ok());
        QCOMPARE(m_upstream->specFetches(u"billing.yaml"_s), 2);
        const auto catalog = m_gateway->catalog(u"slow"_s);
        QVERIFY(catalog && catalog->tools);
        QVERIFY(catalog->tools->find(u"fetch_invoice"_s));
        QVERIFY(!catalog->tools->find(u"get_invoice"_s));
        McpTestSession session(m_gateway->port(), "slow");
        QVERIFY(session.isOpen());
        QVERIFY(!session.callTool(u"fetch_invoice"_s, {{"invoice_id", "in_3"}})
                     .value("isError", false));

        m_upstream->setSpecDelay(0);
        QVERIFY(store::ServerRepository(*m_db).remove(u"slow"_s).ok());
        m_gateway->reloadInBackground();
        QVERIFY(reloaded.wait(10000));
        QVERIFY(!m_gateway->catalog(u"slow"_s));
    }

    // The GUI's start and stop: the store read and the last writes on the gateway's own thread;
    // a restart goes from Stopping to Starting; a stop while starting drops the start.
    void backgroundStartAndStop()
    {
        gateway::Gateway gateway(m_db.get());
        QSignalSpy states(&gateway, &gateway::Gateway::stateChanged);
        const auto seen = [&states] {
            QList<gateway::Gateway::State> list;
            for (const QList<QVariant> &args : std::as_const(states))
                list << args.first().value<gateway::Gateway::State>();
            states.clear();
            return list;
        };
        using State = gateway::Gateway::State;
        gateway::ListenOptions listen;
        listen.port = 0;
        listen.authMode = gateway::AuthMode::None;
        listen.workerThreads = 1;
        gateway.startInBackground(listen);
        QCOMPARE(gateway.state(), State::Starting);
        QTRY_COMPARE_WITH_TIMEOUT(gateway.state(), State::Running, 10000);
        QCOMPARE(seen(), (QList<State>{State::Starting, State::Running}));
        QVERIFY(gateway.catalog(u"billing"_s));
        const quint16 first = gateway.port();
        {
            McpTestSession session(first, "billing");
            QVERIFY(session.isOpen());
        }

        // Restarted with other options: never reported stopped on the way.
        listen.port = freePort();
        QVERIFY(listen.port != 0);
        gateway.startInBackground(listen);
        QCOMPARE(gateway.state(), State::Stopping);
        QVERIFY(gateway.restartPending());
        QTRY_COMPARE_WITH_TIMEOUT(gateway.state(), State::Running, 10000);
        QCOMPARE(seen(), (QList<State>{State::Stopping, State::Starting, State::Running}));
        QCOMPARE(gateway.port(), listen.port);
        {
            McpTestSession session(listen.port, "billing");
            QVERIFY(session.isOpen());
        }

        gateway.stopInBackground();
        QCOMPARE(gateway.state(), State::Stopping);
        QVERIFY(!gateway.restartPending());
        QTRY_COMPARE_WITH_TIMEOUT(gateway.state(), State::Stopped, 10000);
        QCOMPARE(seen(), (QList<State>{State::Stopping, State::Stopped}));

        // Stopped while starting: what the start read arrives (before this reload's answer, on
        // the same thread) and is dropped.
        gateway.startInBackground(listen);
        gateway.stopInBackground();
        QCOMPARE(gateway.state(), State::Stopped);
        QSignalSpy reloaded(&gateway, &gateway::Gateway::reloaded);
        gateway.reloadInBackground();
        QVERIFY(reloaded.wait(10000));
        QCOMPARE(gateway.state(), State::Stopped);
        QCOMPARE(seen(), (QList<State>{State::Starting, State::Stopped}));
    }

    // Remote $refs: refused unless openapi_remote_refs; allowed, they still go to public
    // addresses only, so a $ref to this loopback server is refused (SSRF).
    void remoteRefs_data()
    {
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not allowed") << false << u"not allowed for this server"_s;
        QTest::newRow("allowed, loopback refused") << true << u"loopback"_s;
    }
    void remoteRefs()
    {
        QFETCH(bool, allowed);
        QFETCH(QString, reason);
        store::Server server;
        server.name = QStringLiteral("remote");
        server.openapi = m_upstream->specUrl(u"remote.yaml"_s);
        server.baseUrl = m_upstream->baseUrl();
        server.openapiRemoteRefs = allowed;
        QVERIFY(store::ServerRepository(*m_db).upsert(server).ok());
        QVERIFY(m_gateway->reloadServers().ok());
        const auto catalog = m_gateway->catalog(u"remote"_s);
        QVERIFY(catalog && catalog->tools);
        QVERIFY(catalog->tools->find(u"plain"_s));
        QVERIFY(!catalog->tools->find(u"typed"_s));
        const auto &skipped = catalog->tools->spec->skipped();
        QCOMPARE(skipped.size(), 1);
        QVERIFY2(skipped.first().reason.contains(reason), qPrintable(skipped.first().reason));
        QVERIFY(store::ServerRepository(*m_db).remove(u"remote"_s).ok());
        QVERIFY(m_gateway->reloadServers().ok());
    }

private:
    void setServer(const QString &discovery)
    {
        store::Server server;
        server.name = QStringLiteral("billing");
        server.title = QStringLiteral("Billing API");
        server.openapi = test::sourceDir() + QStringLiteral("/examples/specs/billing.yaml");
        server.baseUrl = m_upstream->baseUrl();
        server.discovery = discovery;
        server.credential = QStringLiteral("billing-key");
        server.toolExcludes = {QStringLiteral("voidInvoice")};
        QVERIFY(store::ServerRepository(*m_db).upsert(server).ok());
    }

    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<BillingUpstream> m_upstream;
    std::unique_ptr<gateway::Gateway> m_gateway;
};

QTEST_GUILESS_MAIN(TestToolDispatch)
#include "TestToolDispatch.moc"
