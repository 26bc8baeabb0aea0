// Quotas, rate limits, spend caps and the audit log on a gateway with a store and OAuth: what a
// limit stops never reaches the upstream, and what was counted survives a restart.
#include "McpTestClient.h"
#include "TestSupport.h"
#include "gateway/CatalogProvider.h"
#include "gateway/Gateway.h"
#include "http/Request.h"
#include "http/Responder.h"
#include "http/Response.h"
#include "http/Server.h"
#include "oauth/TokenService.h"
#include "store/AuditRepository.h"
#include "store/CredentialRepository.h"
#include "store/Database.h"
#include "store/Migrator.h"
#include "store/PlanRepository.h"
#include "store/RoleRepository.h"
#include "store/ServerRepository.h"
#include "store/SpendRepository.h"
#include "store/ToolOverrideRepository.h"
#include "store/UserRepository.h"

#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::test;
using nlohmann::json;
using namespace Qt::StringLiterals;

namespace {

// An upstream that counts the requests per method and path; voiding an invoice fails (500).
class CountingUpstream
{
public:
    CountingUpstream()
    {
        http::ServerOptions options;
        options.workerThreads = 1;
        m_server = std::make_unique<http::Server>(options);
        m_server->setHandler([this](const http::Request &request,
                                    std::shared_ptr<http::Responder> responder) {
            {
                QMutexLocker lock(&m_mutex);
                ++m_hits[QString::fromLatin1(request.method()) + u' ' + request.path()];
            }
            if (request.method() == "DELETE")
                return responder->respond(
                    http::Response::json(500, "{\"error\":\"the ledger is closed\"}"));
            responder->respond(http::Response::json(200, "{\"id\":\"in_1\",\"status\":\"open\"}"));
        });
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0).ok());
    }
    QString baseUrl() const { return u"http://127.0.0.1:%1/v1"_s.arg(m_server->serverPort()); }
    int hits(const QString &request)
    {
        QMutexLocker lock(&m_mutex);
        return m_hits.value(request);
    }
    int total()
    {
        QMutexLocker lock(&m_mutex);
        int sum = 0;
        for (int n : std::as_const(m_hits))
            sum += n;
        return sum;
    }

private:
    std::unique_ptr<http::Server> m_server;
    QMutex m_mutex;
    QHash<QString, int> m_hits;
};

QByteArray bearer(const QString &token)
{
    return "Bearer " + token.toLatin1();
}

QByteArray callBody(const std::string &tool, const json &arguments, int id = 9)
{
    const json message = {{"jsonrpc", "2.0"},
                          {"id", id},
                          {"method", "tools/call"},
                          {"params", {{"name", tool}, {"arguments", arguments}}}};
    return QByteArray::fromStdString(message.dump());
}

std::string textOf(const json &result)
{
    return result.value("content", json::array()).empty()
               ? std::string()
               : result["content"][0].value("text", std::string());
}

} // namespace

class TestLimits : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<CountingUpstream> m_upstream;
    std::unique_ptr<gateway::Gateway> m_gateway;
    std::unique_ptr<oauth::TokenService> m_tokens;

    QString mint(const QString &user, std::optional<double> spendCap = std::nullopt)
    {
        oauth::TokenService::MintRequest r;
        r.user = user;
        r.server = u"billing"_s;
        r.spendCap = spendCap;
        auto minted = m_tokens->mint(r, QDateTime::currentDateTimeUtc());
        if (!minted)
            qFatal("%s", qPrintable(minted.error().message()));
        return minted->token;
    }

    // A restart comes back on the same port, so the tokens minted for it stay good.
    void startGateway()
    {
        const quint16 port = m_gateway ? m_gateway->port() : 0;
        m_gateway.reset();
        m_gateway = std::make_unique<gateway::Gateway>(m_db.get());
        gateway::ListenOptions listen;
        listen.port = port;
        listen.workerThreads = 2;
        QVERIFY(m_gateway->start(listen).ok());
        m_tokens = std::make_unique<oauth::TokenService>(*m_db, m_gateway->baseUrl());
    }

    void addUser(const QString &name, std::optional<QString> plan,
                 std::optional<qint64> ratePerMinute = std::nullopt)
    {
        store::User user;
        user.name = name;
        user.roles = {u"clerk"_s};
        user.plan = plan;
        user.ratePerMinute = ratePerMinute;
        QVERIFY(store::UserRepository(*m_db).create(user).ok());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("GATEHOUSE_TEST_LIMITS_KEY", "sk_limits");
        store::DatabaseOptions options;
        options.sqlitePath = m_dir.filePath(u"gatehouse.db"_s);
        auto db = store::Database::open(options);
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        QVERIFY(store::Migrator(*m_db).migrate().ok());
        m_upstream = std::make_unique<CountingUpstream>();

        store::Credential credential;
        credential.name = u"billing-key"_s;
        credential.type = u"api_key"_s;
        credential.location = u"header"_s;
        credential.param = u"X-API-Key"_s;
        credential.secret = store::SecretReference{u"env"_s, u"GATEHOUSE_TEST_LIMITS_KEY"_s};
        QVERIFY(store::CredentialRepository(*m_db).upsert(credential).ok());
        store::Server server;
        server.name = u"billing"_s;
        server.openapi = test::sourceDir() + u"/examples/specs/billing.yaml"_s;
        server.baseUrl = m_upstream->baseUrl();
        server.credential = u"billing-key"_s;
        QVERIFY(store::ServerRepository(*m_db).create(server).ok());
        // create_invoice costs 0.5 plus 1% of its amount; voiding costs 1, given back on failure;
        // reading costs nothing.
        store::ToolOverride create;
        create.server = u"billing"_s;
        create.key = u"createInvoice"_s;
        create.cost = 0.5;
        create.costArgument = u"amount"_s;
        create.costFactor = 0.01;
        QVERIFY(store::ToolOverrideRepository(*m_db).create(create).ok());
        store::ToolOverride voiding;
        voiding.server = u"billing"_s;
        voiding.key = u"voidInvoice"_s;
        voiding.cost = 1.0;
        voiding.refundOnFailure = true;
        QVERIFY(store::ToolOverrideRepository(*m_db).create(voiding).ok());

        store::Role clerk;
        clerk.name = u"clerk"_s;
        for (const QString &action : {u"read"_s, u"create"_s, u"delete"_s})
            clerk.rules.append(store::Rule{u"billing/invoices"_s, u"allow"_s, action});
        QVERIFY(store::RoleRepository(*m_db).create(clerk).ok());
        QVERIFY(
            store::PlanRepository(*m_db).create(store::Plan{u"tiny"_s, 3, std::nullopt, 4.0}).ok());
        addUser(u"quinn"_s, u"tiny"_s);
        addUser(u"olga"_s, u"tiny"_s);
        addUser(u"rita"_s, std::nullopt, 2);
        addUser(u"sam"_s, std::nullopt);
        store::User vic;
        vic.name = u"vic"_s;
        vic.roles = {u"clerk"_s};
        vic.callsPerMonth = 3; // the user's own limit, no plan
        QVERIFY(store::UserRepository(*m_db).create(vic).ok());
        startGateway();
    }

    void cleanupTestCase()
    {
        m_gateway.reset();
        m_upstream.reset();
    }

    void monthlyQuotaAnswers429AndSurvivesARestart()
    {
        const int before = m_upstream->hits(u"GET /v1/invoices/in_1"_s);
        {
            McpTestSession session(m_gateway->port(), "billing",
                                   {Field("Authorization", bearer(mint(u"quinn"_s)))});
            QVERIFY(session.isOpen());
            for (int i = 0; i < 3; ++i) {
                const json ok = session.callTool(u"get_invoice"_s, {{"invoice_id", "in_1"}});
                QVERIFY2(!ok.value("isError", false), ok.dump().c_str());
            }
            const HttpResponse r =
                session.post(callBody("get_invoice", {{"invoice_id", "in_1"}}, 41));
            QCOMPARE(r.status, 429);
            QVERIFY2(r.header("retry-after").toLongLong() >= 1,
                     r.header("retry-after").constData());
            const json body = json::parse(r.body.toStdString());
            QCOMPARE(body["id"], json(41));
            QCOMPARE(body["error"]["code"].get<int>(), gateway::CatalogProvider::kLimitErrorCode);
            const std::string message = body["error"]["message"].get<std::string>();
            QVERIFY2(message.find("Monthly limit") != std::string::npos, message.c_str());
            QVERIFY2(message.find("tiny") != std::string::npos, message.c_str());
            QCOMPARE(body["error"]["data"]["limit"], json("calls_per_month"));
            QCOMPARE(body["error"]["data"]["allowed"], json(3));
            QCOMPARE(body["error"]["data"]["used"], json(3));
            QVERIFY(body["error"]["data"].contains("resets_at"));
        }
        // The wall stopped the fourth call before the upstream.
        QCOMPARE(m_upstream->hits(u"GET /v1/invoices/in_1"_s), before + 3);

        // One user at the wall does not stop another on the same plan.
        McpTestSession other(m_gateway->port(), "billing",
                             {Field("Authorization", bearer(mint(u"olga"_s)))});
        QVERIFY(!other.callTool(u"get_invoice"_s, {{"invoice_id", "in_1"}}).value("isError", true));

        // A clean restart keeps the count.
        startGateway();
        McpTestSession again(m_gateway->port(), "billing",
                             {Field("Authorization", bearer(mint(u"quinn"_s)))});
        QVERIFY(again.isOpen());
        QCOMPARE(again.post(callBody("get_invoice", {{"invoice_id", "in_1"}})).status, 429);
        QCOMPARE(m_upstream->hits(u"GET /v1/invoices/in_1"_s), before + 4);
    }

    void rateLimitAnswers429WithRetryAfter()
    {
        McpTestSession session(m_gateway->port(), "billing",
                               {Field("Authorization", bearer(mint(u"rita"_s)))});
        QVERIFY(session.isOpen());
        const int before = m_upstream->total();
        QElapsedTimer sinceFirst;
        sinceFirst.start();
        for (int i = 0; i < 2; ++i)
            QVERIFY(!session.callTool(u"get_invoice"_s, {{"invoice_id", "in_1"}})
                         .value("isError", true));
        const HttpResponse r = session.post(callBody("get_invoice", {{"invoice_id", "in_1"}}));
        QCOMPARE(r.status, 429);
        // Two calls a minute: the next token is 30 s after the first call, less what has passed.
        const qint64 retryAfter = r.header("retry-after").toLongLong();
        const qint64 passed = sinceFirst.elapsed() / 1000;
        QVERIFY2(retryAfter >= 29 - passed && retryAfter <= 30,
                 r.header("retry-after").constData());
        const json body = json::parse(r.body.toStdString());
        QCOMPARE(body["error"]["data"]["limit"], json("rate_per_minute"));
        QCOMPARE(body["error"]["data"]["retry_after"], json(retryAfter));
        QCOMPARE(m_upstream->total(), before + 2);
        // Listing tools and the discovery meta-tools are not limited.
        QVERIFY(session.call("tools/list").contains("result"));
    }

    void everyCallCountsHoweverItIsSent()
    {
        const QString token = mint(u"vic"_s);
        const int before = m_upstream->total();
        McpTestSession session(m_gateway->port(), "billing",
                               {Field("Authorization", bearer(token))});
        QVERIFY(session.isOpen());
        // An escaped method name is the same method to the session, and so to the quota.
        const HttpResponse escaped = session.post(
            R"({"jsonrpc":"2.0","id":5,"method":"tools\/call","params":{"name":"get_invoice",)"
            R"("arguments":{"invoice_id":"in_1"}}})");
        QCOMPARE(escaped.status, 200);
        QCOMPARE(m_upstream->total(), before + 1);

        // A batch (protocol 2025-03-26 allows them): each call counts on its own.
        // JSON answers only, so the batch's replies come back as one array.
        QList<Field> headers = {Field("Content-Type", "application/json"),
                                Field("Accept", "application/json"),
                                Field("Authorization", bearer(token))};
        const HttpResponse init =
            request(m_gateway->port(), "POST", "/mcp/billing", headers,
                    R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":)"
                    R"("2025-03-26","capabilities":{},"clientInfo":{"name":"t","version":"1"}}})");
        QCOMPARE(init.status, 200);
        headers.append(Field("Mcp-Session-Id", init.header("mcp-session-id")));
        headers.append(Field("MCP-Protocol-Version", "2025-03-26"));
        request(m_gateway->port(), "POST", "/mcp/billing", headers,
                R"({"jsonrpc":"2.0","method":"notifications/initialized"})");
        const QByteArray batch =
            R"([{"jsonrpc":"2.0","id":11,"method":"tools/call","params":{"name":"get_invoice",)"
            R"("arguments":{"invoice_id":"in_1"}}},{"jsonrpc":"2.0","id":12,"method":)"
            R"("tools/call","params":{"name":"get_invoice","arguments":{"invoice_id":"in_1"}}},)"
            R"({"jsonrpc":"2.0","id":13,"method":"tools/call","params":{"name":"get_invoice",)"
            R"("arguments":{"invoice_id":"in_1"}}}])";
        const HttpResponse answered =
            request(m_gateway->port(), "POST", "/mcp/billing", headers, batch);
        QCOMPARE(answered.status, 200); // a batch answers each call in it
        const json replies = json::parse(answered.body.toStdString());
        QVERIFY2(replies.is_array() && replies.size() == 3, answered.body.constData());
        int limited = 0;
        for (const json &reply : replies)
            if (reply.contains("error") &&
                reply["error"]["code"] == gateway::CatalogProvider::kLimitErrorCode)
                ++limited;
        QCOMPARE(limited, 1); // 3 calls a month: the escaped one and two of these
        QCOMPARE(m_upstream->total(), before + 3);
    }

    void spendCapStopsTheCallBeforeTheUpstream()
    {
        const QString token = mint(u"sam"_s, 2.0);
        McpTestSession session(m_gateway->port(), "billing",
                               {Field("Authorization", bearer(token))});
        QVERIFY(session.isOpen());
        const int before = m_upstream->hits(u"POST /v1/invoices"_s);
        // 0.5 + 1% of 100 = 1.5 of the cap of 2.
        const json first =
            session.callTool(u"create_invoice"_s, {{"customer_id", "cus_1"}, {"amount", 100}});
        QVERIFY2(!first.value("isError", false), first.dump().c_str());
        QCOMPARE(m_upstream->hits(u"POST /v1/invoices"_s), before + 1);
        const json second =
            session.callTool(u"create_invoice"_s, {{"customer_id", "cus_1"}, {"amount", 100}});
        QVERIFY2(second.value("isError", false), second.dump().c_str());
        const std::string text = textOf(second);
        QVERIFY2(text.find("spend cap of 2") != std::string::npos, text.c_str());
        QVERIFY2(text.find("1.5 spent") != std::string::npos, text.c_str());
        QCOMPARE(m_upstream->hits(u"POST /v1/invoices"_s), before + 1); // never reached it
        // A cheaper call still fits: 0.5 + 0 = 0.5, exactly the rest of the cap.
        const json fits =
            session.callTool(u"create_invoice"_s, {{"customer_id", "cus_1"}, {"amount", 0}});
        QVERIFY2(!fits.value("isError", false), fits.dump().c_str());
        QCOMPARE(m_upstream->hits(u"POST /v1/invoices"_s), before + 2);
        // A negative amount cannot lower the cost (the schema refuses it before the cost does).
        QVERIFY(session.callTool(u"create_invoice"_s, {{"customer_id", "cus_1"}, {"amount", -5}})
                    .value("isError", false));

        // The spend is in the store, so a restart keeps it.
        startGateway();
        const auto spent =
            store::SpendRepository(*m_db).spentByToken(oauth::TokenService::hashToken(token));
        QVERIFY(spent.ok());
        QCOMPARE(*spent, 2.0);
        McpTestSession again(m_gateway->port(), "billing", {Field("Authorization", bearer(token))});
        QVERIFY(again.callTool(u"create_invoice"_s, {{"customer_id", "cus_1"}, {"amount", 0}})
                    .value("isError", false));
        QCOMPARE(m_upstream->hits(u"POST /v1/invoices"_s), before + 2);
    }

    void failedCallsGiveTheirCostBackWhereTheToolSaysSo()
    {
        const QString token = mint(u"sam"_s, 1.0);
        McpTestSession session(m_gateway->port(), "billing",
                               {Field("Authorization", bearer(token))});
        QVERIFY(session.isOpen());
        // The upstream fails every void (500); each costs 1, refunded, so the cap of 1 never
        // fills and every call reaches the upstream.
        const int before = m_upstream->hits(u"DELETE /v1/invoices/in_1"_s);
        for (int i = 0; i < 3; ++i)
            QVERIFY(session.callTool(u"void_invoice"_s, {{"invoice_id", "in_1"}})
                        .value("isError", false));
        QCOMPARE(m_upstream->hits(u"DELETE /v1/invoices/in_1"_s), before + 3);
        const auto spent =
            store::SpendRepository(*m_db).spentByToken(oauth::TokenService::hashToken(token));
        QVERIFY(spent.ok());
        QCOMPARE(*spent, 0.0);
    }

    // Limits the store cannot give are not "no limits": calls are refused, nothing goes
    // upstream, and calls go again once the plans can be read.
    void unreadablePlansRefuseCallsUntilTheyCanBeRead()
    {
        const auto rename = [this](const QString &from, const QString &to) {
            return m_db->write([&](QSqlDatabase &db) -> Status {
                QSqlQuery q(db);
                if (!q.exec(u"ALTER TABLE %1 RENAME TO %2"_s.arg(from, to)))
                    return Error(ErrorCode::Database, q.lastError().text());
                return {};
            });
        };
        QVERIFY(rename(u"plans"_s, u"plans_away"_s).ok());
        startGateway();
        const int before = m_upstream->total();
        {
            McpTestSession session(m_gateway->port(), "billing",
                                   {Field("Authorization", bearer(mint(u"sam"_s)))});
            QVERIFY(session.isOpen());
            const json refused = session.callTool(u"get_invoice"_s, {{"invoice_id", "in_1"}});
            QVERIFY2(refused.value("isError", false), refused.dump().c_str());
            QVERIFY2(textOf(refused).find("cannot read its plans and limits") != std::string::npos,
                     refused.dump().c_str());
        }
        QCOMPARE(m_upstream->total(), before);

        QVERIFY(rename(u"plans_away"_s, u"plans"_s).ok());
        QVERIFY(m_gateway->reloadServers().ok());
        McpTestSession session(m_gateway->port(), "billing",
                               {Field("Authorization", bearer(mint(u"sam"_s)))});
        const json ok = session.callTool(u"get_invoice"_s, {{"invoice_id", "in_1"}});
        QVERIFY2(!ok.value("isError", false), ok.dump().c_str());
        QCOMPARE(m_upstream->total(), before + 1);
    }

    void everyCallIsAudited()
    {
        // Stopping writes what was recorded.
        m_gateway->stop();
        store::AuditFilter filter;
        filter.limit = 1000;
        const auto rows = store::AuditRepository(*m_db).query(filter);
        QVERIFY(rows.ok());
        auto find = [&](const QString &user, const QString &decision) -> const store::AuditRow * {
            for (const store::AuditRow &row : *rows)
                if (row.user == user && row.decision == decision)
                    return &row;
            return nullptr;
        };
        const store::AuditRow *quota = find(u"quinn"_s, u"quota"_s);
        QVERIFY(quota);
        QCOMPARE(quota->tool, u"get_invoice"_s);
        QCOMPARE(quota->server, u"billing"_s);
        QVERIFY(quota->reason && quota->reason->contains(u"Monthly limit"_s));
        QVERIFY(find(u"rita"_s, u"rate"_s));
        const store::AuditRow *spend = find(u"sam"_s, u"spend"_s);
        QVERIFY(spend);
        QCOMPARE(spend->tool, u"create_invoice"_s);
        QVERIFY(!spend->upstreamStatus);
        const store::AuditRow *allowed = find(u"quinn"_s, u"allow"_s);
        QVERIFY(allowed);
        QCOMPARE(allowed->upstreamStatus, 200);
        QVERIFY(allowed->latencyMs.has_value());
        QCOMPARE(allowed->client, oauth::TokenService::commandLineClientId());
        QVERIFY(allowed->reason && allowed->reason->contains(u"clerk"_s));
        bool charged = false;
        for (const store::AuditRow &row : *rows)
            charged |= row.user == u"sam"_s && row.tool == u"create_invoice"_s && row.cost == 1.5 &&
                       row.upstreamStatus == 200;
        QVERIFY(charged);
        bool refunded = false;
        for (const store::AuditRow &row : *rows)
            refunded |= row.tool == u"void_invoice"_s && row.upstreamStatus == 500 && !row.cost;
        QVERIFY(refunded);
        startGateway();
    }
};

QTEST_GUILESS_MAIN(TestLimits)
#include "TestLimits.moc"
