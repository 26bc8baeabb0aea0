// The resource server on /mcp/{server} in OAuth mode: static bearer tokens from TokenService,
// the RFC 6750 / RFC 9728 answers when one is missing or not good enough, and no token upstream.
#include "McpTestClient.h"
#include "TestSupport.h"
#include "gateway/Gateway.h"
#include "gateway/ResourceGuard.h"
#include "http/Request.h"
#include "http/Responder.h"
#include "http/Response.h"
#include "http/Server.h"
#include "oauth/TokenService.h"
#include "oauth/VerifiedTokenCache.h"
#include "store/CredentialRepository.h"
#include "store/Database.h"
#include "store/Migrator.h"
#include "store/RoleRepository.h"
#include "store/ServerRepository.h"
#include "store/UserRepository.h"

#include <QElapsedTimer>
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

// An upstream that answers every request with an invoice and records each request's headers.
class RecordingUpstream
{
public:
    RecordingUpstream()
    {
        http::ServerOptions options;
        options.workerThreads = 1;
        m_server = std::make_unique<http::Server>(options);
        m_server->setHandler([this](const http::Request &request,
                                    std::shared_ptr<http::Responder> responder) {
            {
                QMutexLocker lock(&m_mutex);
                m_seen.append(request.headers());
            }
            responder->respond(http::Response::json(200, "{\"id\":\"in_1\",\"status\":\"open\"}"));
        });
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0).ok());
    }
    QString baseUrl() const { return u"http://127.0.0.1:%1/v1"_s.arg(m_server->serverPort()); }
    QList<http::Headers> seen()
    {
        QMutexLocker lock(&m_mutex);
        return m_seen;
    }

private:
    std::unique_ptr<http::Server> m_server;
    QMutex m_mutex;
    QList<http::Headers> m_seen;
};

QList<Field> withAuth(const QByteArray &authorization)
{
    QList<Field> headers = kPostHeaders;
    headers.append(Field("Authorization", authorization));
    return headers;
}

QByteArray bearer(const QString &token)
{
    return "Bearer " + token.toLatin1();
}

// A quoted attribute of a WWW-Authenticate challenge, or a null array.
QByteArray attribute(const QByteArray &challenge, const QByteArray &name)
{
    const QByteArray key = name + "=\"";
    qsizetype at = challenge.indexOf(key);
    if (at < 0)
        return {};
    at += key.size();
    return challenge.mid(at, challenge.indexOf('"', at) - at);
}

} // namespace

class TestTokenGuard : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<RecordingUpstream> m_upstream;
    std::unique_ptr<gateway::Gateway> m_gateway;
    std::unique_ptr<oauth::TokenService> m_tokens;

    QString mint(const QString &user, const QString &server, QStringList scopes = {},
                 const QDateTime &now = QDateTime::currentDateTimeUtc())
    {
        oauth::TokenService::MintRequest r;
        r.user = user;
        r.server = server;
        r.scopes = std::move(scopes);
        auto minted = m_tokens->mint(r, now);
        if (!minted)
            qFatal("%s", qPrintable(minted.error().message()));
        return minted->token;
    }

    QByteArray metadataUrl(const QByteArray &server) const
    {
        return "http://127.0.0.1:" + QByteArray::number(m_gateway->port()) +
               "/.well-known/oauth-protected-resource/mcp/" + server;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("GATEHOUSE_TEST_GUARD_KEY", "sk_upstream_secret");
        store::DatabaseOptions options;
        options.sqlitePath = m_dir.filePath(u"gatehouse.db"_s);
        auto db = store::Database::open(options);
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        QVERIFY(store::Migrator(*m_db).migrate().ok());
        m_upstream = std::make_unique<RecordingUpstream>();

        store::Credential credential;
        credential.name = u"billing-key"_s;
        credential.type = u"api_key"_s;
        credential.location = u"header"_s;
        credential.param = u"X-API-Key"_s;
        credential.secret = store::SecretReference{u"env"_s, u"GATEHOUSE_TEST_GUARD_KEY"_s};
        QVERIFY(store::CredentialRepository(*m_db).upsert(credential).ok());
        for (const QString &name : {u"billing"_s, u"crm"_s}) {
            store::Server server;
            server.name = name;
            server.openapi = test::sourceDir() + u"/examples/specs/billing.yaml"_s;
            server.baseUrl = m_upstream->baseUrl();
            server.credential = u"billing-key"_s;
            QVERIFY(store::ServerRepository(*m_db).create(server).ok());
        }
        // Every action on the example's resources, so the policy lets the calls through.
        store::Role everything;
        everything.name = u"everything"_s;
        for (const QString &server : {u"billing"_s, u"crm"_s})
            for (const QString &resource : {u"invoices"_s, u"customers"_s})
                for (const QString &action : {u"read"_s, u"create"_s, u"update"_s, u"delete"_s})
                    everything.rules.append(
                        store::Rule{server + u'/' + resource, u"allow"_s, action});
        QVERIFY(store::RoleRepository(*m_db).create(everything).ok());
        for (const QString &name : {u"bob"_s, u"carol"_s}) {
            store::User user;
            user.name = name;
            user.roles = {u"everything"_s};
            QVERIFY(store::UserRepository(*m_db).create(user).ok());
        }

        m_gateway = std::make_unique<gateway::Gateway>(m_db.get());
        gateway::ListenOptions listen;
        listen.port = 0;
        listen.workerThreads = 2; // authMode stays OAuth, the default
        QVERIFY(m_gateway->start(listen).ok());
        m_tokens = std::make_unique<oauth::TokenService>(*m_db, m_gateway->baseUrl());
    }
    void cleanupTestCase()
    {
        m_gateway.reset();
        m_upstream.reset();
    }

    void tokenOpensASessionAndNeverGoesUpstream()
    {
        const QString token = mint(u"bob"_s, u"billing"_s);
        McpTestSession session(
            m_gateway->port(), "billing",
            {Field("Authorization", bearer(token)), Field("Cookie", "session=client-cookie")});
        QVERIFY(session.isOpen());
        const json tools = session.call("tools/list")["result"]["tools"];
        QVERIFY2(tools.size() >= 2, tools.dump().c_str());
        const json result = session.callTool(u"get_invoice"_s, {{"invoice_id", "in_1"}});
        QVERIFY2(!result.value("isError", false), result.dump().c_str());

        // SECURITY-CASES "token passthrough": the upstream sees only the injected credential.
        const auto seen = m_upstream->seen();
        QVERIFY(!seen.isEmpty());
        for (const http::Headers &headers : seen) {
            QVERIFY(!headers.contains("authorization"));
            QVERIFY(!headers.contains("cookie"));
            QVERIFY(!headers.contains("mcp-session-id"));
            QCOMPARE(headers.value("x-api-key"), QByteArray("sk_upstream_secret"));
            for (const auto &[name, value] : headers.fields())
                QVERIFY2(!value.contains(token.toLatin1().mid(6)), name.constData());
        }
    }

    // Issue 7's matrix at the dispatch layer: "Bob can read invoices, not create them".
    void policyFiltersToolsAndRefusesDeniedCalls()
    {
        store::Role viewer;
        viewer.name = u"viewer"_s;
        viewer.rules = {store::Rule{u"billing/invoices"_s, u"allow"_s, u"read"_s}};
        QVERIFY(store::RoleRepository(*m_db).upsert(viewer).ok());
        store::User vera;
        vera.name = u"vera"_s;
        vera.roles = {u"viewer"_s};
        QVERIFY(store::UserRepository(*m_db).upsert(vera).ok());
        QVERIFY(m_gateway->reloadServers().ok());

        McpTestSession session(m_gateway->port(), "billing",
                               {Field("Authorization", bearer(mint(u"vera"_s, u"billing"_s)))});
        QVERIFY(session.isOpen());
        QStringList names;
        const json listed = session.call("tools/list");
        QVERIFY2(listed.contains("result"), listed.dump().c_str());
        for (const json &tool : listed["result"]["tools"])
            names << QString::fromStdString(tool["name"].get<std::string>());
        QVERIFY2(names.contains(u"list_invoices"_s) && names.contains(u"get_invoice"_s),
                 qPrintable(names.join(u", "_s)));
        QVERIFY2(!names.contains(u"create_invoice"_s) && !names.contains(u"get_customer"_s) &&
                     !names.contains(u"void_invoice"_s),
                 qPrintable(names.join(u", "_s)));

        // A denied call never reaches the upstream, and says what permission is missing.
        const qsizetype before = m_upstream->seen().size();
        const json denied =
            session.callTool(u"create_invoice"_s, {{"customer_id", "cus_1"}, {"amount", 5}});
        QVERIFY2(denied.value("isError", false), denied.dump().c_str());
        const std::string text = denied["content"][0]["text"].get<std::string>();
        QVERIFY2(text.find("billing/invoices: create") != std::string::npos, text.c_str());
        QVERIFY2(text.find("owner") != std::string::npos, text.c_str());
        QCOMPARE(m_upstream->seen().size(), before);
        const json allowed = session.callTool(u"get_invoice"_s, {{"invoice_id", "in_1"}});
        QVERIFY2(!allowed.value("isError", false), allowed.dump().c_str());
        QCOMPARE(m_upstream->seen().size(), before + 1);

        // A token's scopes narrow the grants: bob may create, but not with a read-only token.
        // The answer is an HTTP step-up challenge (MCP 2025-11-25, scope challenge handling).
        McpTestSession readOnly(
            m_gateway->port(), "billing",
            {Field("Authorization", bearer(mint(u"bob"_s, u"billing"_s, {u"billing:read"_s})))});
        QVERIFY(readOnly.isOpen());
        for (const std::string tool : {"create_invoice", "call_tool"}) {
            json params = {{"name", tool},
                           {"arguments", {{"customer_id", "cus_1"}, {"amount", 5}}}};
            if (tool == "call_tool")
                params["arguments"] = {{"name", "create_invoice"},
                                       {"arguments", {{"customer_id", "cus_1"}, {"amount", 5}}}};
            const json message = {
                {"jsonrpc", "2.0"}, {"id", 7}, {"method", "tools/call"}, {"params", params}};
            const HttpResponse r = readOnly.post(QByteArray::fromStdString(message.dump()));
            QCOMPARE(r.status, 403);
            const QByteArray challenge = r.header("www-authenticate");
            QVERIFY2(challenge.contains("error=\"insufficient_scope\""), challenge.constData());
            QVERIFY2(challenge.contains("scope=\"billing:create\""), challenge.constData());
            QVERIFY2(challenge.contains("resource_metadata="), challenge.constData());
        }
        // The scope it has still works.
        const json read = readOnly.callTool(u"get_invoice"_s, {{"invoice_id", "in_1"}});
        QVERIFY2(!read.value("isError", false), read.dump().c_str());
        QCOMPARE(m_upstream->seen().size(), before + 2);
    }

    void gatewayWideTokenWorksOnEveryServer()
    {
        const QString token = mint(u"carol"_s, {});
        for (const QByteArray &server : {QByteArray("billing"), QByteArray("crm")}) {
            McpTestSession session(m_gateway->port(), server,
                                   {Field("Authorization", bearer(token))});
            QVERIFY(session.isOpen());
            QVERIFY(session.call("tools/list")["result"]["tools"].size() >= 2);
        }
    }

    void metadataUrl_data()
    {
        QTest::addColumn<QString>("publicUrl");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("root") << u"http://127.0.0.1:8787"_s
                              << QByteArray("http://127.0.0.1:8787/.well-known/"
                                            "oauth-protected-resource/mcp/billing");
        QTest::newRow("trailing slash") << u"https://gw.example/"_s
                                        << QByteArray("https://gw.example/.well-known/"
                                                      "oauth-protected-resource/mcp/billing");
        QTest::newRow("path") << u"https://gw.example/base/"_s
                              << QByteArray("https://gw.example/.well-known/"
                                            "oauth-protected-resource/base/mcp/billing");
    }
    void metadataUrl()
    {
        QFETCH(QString, publicUrl);
        QFETCH(QByteArray, expected);
        QCOMPARE(gateway::ResourceGuard::metadataUrl(QUrl(publicUrl), u"billing"_s), expected);
    }

    void schemeIsCaseInsensitive()
    {
        const QString token = mint(u"bob"_s, u"billing"_s);
        const auto r = request(m_gateway->port(), "POST", "/mcp/billing",
                               withAuth("bEaReR   " + token.toLatin1()), kInitialize);
        QCOMPARE(r.status, 200);
        QVERIFY(!r.header("mcp-session-id").isEmpty());
    }

    void noTokenAsksForOne_data()
    {
        QTest::addColumn<QList<Field>>("headers");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no Authorization") << kPostHeaders << QByteArray("/mcp/billing")
                                          << u"gatehouse token mint --user NAME --server billing"_s;
        QTest::newRow("Basic scheme")
            << withAuth("Basic Ym9iOnB3") << QByteArray("/mcp/billing") << u"Basic scheme"_s;
        QTest::newRow("token in the query string")
            << kPostHeaders << QByteArray("/mcp/billing?access_token=gh_at_abc")
            << u"query string"_s;
    }
    void noTokenAsksForOne()
    {
        QFETCH(QList<Field>, headers);
        QFETCH(QByteArray, path);
        QFETCH(QString, mentions);
        const auto r = request(m_gateway->port(), "POST", path, headers, kInitialize);
        QCOMPARE(r.status, 401);
        // RFC 6750 section 3.1: no credentials, so no error code; RFC 9728 section 5.1.
        const QByteArray challenge = r.header("www-authenticate");
        QCOMPARE(challenge, "Bearer resource_metadata=\"" + metadataUrl("billing") + '"');
        QVERIFY(!r.json().contains("error"));
        const QString description = QString::fromStdString(r.json()["error_description"]);
        QVERIFY2(description.contains(mentions), qPrintable(description));
        QCOMPARE(r.header("cache-control"), QByteArray("no-store"));
    }

    void badTokensAreRefused_data()
    {
        QTest::addColumn<QString>("case_");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("error");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("garbage") << u"garbage"_s << 401 << QByteArray("invalid_token")
                                 << u"not one this gateway issued"_s;
        QTest::newRow("bad characters")
            << u"characters"_s << 401 << QByteArray("invalid_token") << u"characters"_s;
        QTest::newRow("longer than 4 KB")
            << u"long"_s << 401 << QByteArray("invalid_token") << u"longer than 4096"_s;
        QTest::newRow("expired") << u"expired"_s << 401 << QByteArray("invalid_token")
                                 << u"expired at"_s;
        QTest::newRow("revoked") << u"revoked"_s << 401 << QByteArray("invalid_token")
                                 << u"revoked"_s;
        QTest::newRow("disabled user")
            << u"disabled"_s << 401 << QByteArray("invalid_token") << u"disabled"_s;
        QTest::newRow("token for server A on server B")
            << u"audience"_s << 401 << QByteArray("invalid_token") << u"/mcp/crm, not for"_s;
        QTest::newRow("missing scope")
            << u"scope"_s << 403 << QByteArray("insufficient_scope") << u"billing:read"_s;
        QTest::newRow("two tokens")
            << u"two"_s << 400 << QByteArray("invalid_request") << u"more than one token"_s;
        QTest::newRow("two Authorization headers")
            << u"twoHeaders"_s << 400 << QByteArray("invalid_request") << u"more than one"_s;
        QTest::newRow("Bearer without a token")
            << u"empty"_s << 400 << QByteArray("invalid_request") << u"no token"_s;
        QTest::newRow("header and query")
            << u"query"_s << 400 << QByteArray("invalid_request") << u"query string"_s;
    }
    void badTokensAreRefused()
    {
        QFETCH(QString, case_);
        QFETCH(int, status);
        QFETCH(QByteArray, error);
        QFETCH(QString, mentions);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QString token = mint(u"bob"_s, u"billing"_s);
        QList<Field> headers;
        QByteArray path = "/mcp/billing";
        if (case_ == u"garbage"_s) {
            token = u"gh_at_not-a-real-token"_s;
        } else if (case_ == u"characters"_s) {
            token = u"gh_at_abc!def"_s;
        } else if (case_ == u"long"_s) {
            token = QString(5000, u'a');
        } else if (case_ == u"expired"_s) {
            token = mint(u"bob"_s, u"billing"_s, {}, now.addSecs(-7200));
        } else if (case_ == u"revoked"_s) {
            QVERIFY(m_tokens->revoke(oauth::TokenService::hashToken(token).left(12)).ok());
        } else if (case_ == u"disabled"_s) {
            store::User dora;
            dora.name = u"dora"_s;
            QVERIFY(store::UserRepository(*m_db).upsert(dora).ok());
            token = mint(u"dora"_s, u"billing"_s);
            dora.disabled = true;
            QVERIFY(store::UserRepository(*m_db).upsert(dora).ok());
        } else if (case_ == u"audience"_s) {
            token = mint(u"bob"_s, u"crm"_s);
        } else if (case_ == u"scope"_s) {
            token = mint(u"bob"_s, {}, {u"crm:read"_s});
        } else if (case_ == u"two"_s) {
            headers = withAuth(bearer(token) + " second");
        } else if (case_ == u"twoHeaders"_s) {
            headers = withAuth(bearer(token));
            headers.append(Field("Authorization", bearer(token)));
        } else if (case_ == u"empty"_s) {
            headers = withAuth("Bearer ");
        } else if (case_ == u"query"_s) {
            path += "?access_token=" + token.toLatin1();
        }
        if (headers.isEmpty())
            headers = withAuth(bearer(token));
        const auto r = request(m_gateway->port(), "POST", path, headers, kInitialize);
        QCOMPARE(r.status, status);
        const QByteArray challenge = r.header("www-authenticate");
        QVERIFY2(challenge.startsWith("Bearer "), challenge.constData());
        QCOMPARE(attribute(challenge, "error"), error);
        QCOMPARE(attribute(challenge, "resource_metadata"), metadataUrl("billing"));
        const QByteArray description = attribute(challenge, "error_description");
        QVERIFY2(description.contains(mentions.toLatin1()), challenge.constData());
        QCOMPARE(QString::fromStdString(r.json()["error"]), QString::fromLatin1(error));
        const QString bodyDescription = QString::fromStdString(r.json()["error_description"]);
        QVERIFY2(bodyDescription.contains(mentions), qPrintable(bodyDescription));
        // Neither the answer nor its challenge repeats the token.
        if (token.size() > 12) {
            QVERIFY(!challenge.contains(token.toLatin1().mid(6)));
            QVERIFY(!r.body.contains(token.toLatin1().mid(6)));
        }
        if (status == 403) {
            QCOMPARE(attribute(challenge, "scope"), QByteArray("billing:read"));
            QVERIFY2(description.contains("crm:read"), challenge.constData()); // granted
        }
    }

    // The gateway keeps verified tokens for a moment (VerifiedTokenCache): a token that was just
    // used must still stop working at once when this process revokes it or disables its user,
    // and within about a second when another process (the command line) changes the store.
    void aUsedTokenStopsAtOnceWhenRevokedHere()
    {
        const QString token = mint(u"bob"_s, u"billing"_s);
        QCOMPARE(
            request(m_gateway->port(), "POST", "/mcp/billing", withAuth(bearer(token)), kInitialize)
                .status,
            200);
        QVERIFY(m_tokens->revoke(oauth::TokenService::hashToken(token).left(12)).ok());
        QCOMPARE(
            request(m_gateway->port(), "POST", "/mcp/billing", withAuth(bearer(token)), kInitialize)
                .status,
            401);
    }

    void aUsedTokenStopsAtOnceWhenItsUserIsDisabledHere()
    {
        store::User erin;
        erin.name = u"erin"_s;
        erin.roles = {u"everything"_s};
        QVERIFY(store::UserRepository(*m_db).upsert(erin).ok());
        const QString token = mint(u"erin"_s, u"billing"_s);
        QCOMPARE(
            request(m_gateway->port(), "POST", "/mcp/billing", withAuth(bearer(token)), kInitialize)
                .status,
            200);
        erin.disabled = true;
        QVERIFY(store::UserRepository(*m_db).upsert(erin).ok());
        const auto r = request(m_gateway->port(), "POST", "/mcp/billing", withAuth(bearer(token)),
                               kInitialize);
        QCOMPARE(r.status, 401);
        QVERIFY2(r.header("www-authenticate").contains("disabled"), r.body.constData());
    }

    // A user disabled inside a larger transaction (a configuration reload does that) is refused
    // at once too: the caches learn of it when that transaction commits.
    void aUsedTokenStopsAtOnceWhenItsUserIsDisabledInsideAnOuterWrite()
    {
        store::User fay;
        fay.name = u"fay"_s;
        fay.roles = {u"everything"_s};
        QVERIFY(store::UserRepository(*m_db).upsert(fay).ok());
        const QString token = mint(u"fay"_s, u"billing"_s);
        const auto initialize = [&] {
            return request(m_gateway->port(), "POST", "/mcp/billing", withAuth(bearer(token)),
                           kInitialize)
                .status;
        };
        QCOMPARE(initialize(), 200);
        const Status written = m_db->write([&](QSqlDatabase &) -> Status {
            fay.disabled = true;
            if (Status s = store::UserRepository(*m_db).upsert(fay); !s)
                return s;
            // Still inside the transaction: a request now sees the committed (enabled) user, and
            // must not keep that answer past the commit.
            return initialize() == 200
                       ? Status()
                       : Status(Error(ErrorCode::Internal, u"refused before the commit"_s));
        });
        QVERIFY2(written.ok(), qPrintable(written.error().message()));
        QCOMPARE(initialize(), 401);
    }

    void aRevocationByAnotherProcessTakesEffectWithinASecond()
    {
        const QString token = mint(u"bob"_s, u"billing"_s);
        QCOMPARE(
            request(m_gateway->port(), "POST", "/mcp/billing", withAuth(bearer(token)), kInitialize)
                .status,
            200);
        // As `gatehouse token revoke` in another process would: the store changes, this
        // process's Database is not told.
        {
            auto other = store::Database::open(m_db->options());
            QVERIFY(other.ok());
            QVERIFY((*other)
                        ->write([&](QSqlDatabase &db) -> Status {
                            QSqlQuery q(db);
                            q.prepare(
                                u"UPDATE oauth_tokens SET revoked = 1 WHERE token_hash = ?"_s);
                            q.addBindValue(oauth::TokenService::hashToken(token));
                            if (!q.exec() || q.numRowsAffected() != 1)
                                return Error(ErrorCode::Database, q.lastError().text());
                            return {};
                        })
                        .ok());
        }
        QElapsedTimer waited;
        waited.start();
        int status = 200;
        while (status == 200 && waited.elapsed() < 5000) {
            status = request(m_gateway->port(), "POST", "/mcp/billing", withAuth(bearer(token)),
                             kInitialize)
                         .status;
            if (status == 200)
                QTest::qWait(50);
        }
        QCOMPARE(status, 401);
        QVERIFY2(waited.elapsed() < oauth::VerifiedTokenCache::defaultMaxAge.count() + 1000,
                 qPrintable(QString::number(waited.elapsed())));
    }

    void sessionsBelongToTheirUser()
    {
        const QString bobs = mint(u"bob"_s, u"billing"_s);
        const auto init =
            request(m_gateway->port(), "POST", "/mcp/billing", withAuth(bearer(bobs)), kInitialize);
        QCOMPARE(init.status, 200);
        auto headers = withAuth(bearer(mint(u"carol"_s, u"billing"_s)));
        headers.append(Field("Mcp-Session-Id", init.header("mcp-session-id")));
        const auto r = request(m_gateway->port(), "POST", "/mcp/billing", headers,
                               "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}");
        QVERIFY2(r.status == 403 || r.status == 404, r.body.constData());
    }

    void sessionsBelongToTheirServer()
    {
        // A session opened on billing must not serve crm: its provider is billing's, while the
        // token of the crm request (audience, scopes) was checked for crm only.
        const QString forBilling = mint(u"bob"_s, u"billing"_s);
        const QString forCrm = mint(u"bob"_s, u"crm"_s);
        const auto init = request(m_gateway->port(), "POST", "/mcp/billing",
                                  withAuth(bearer(forBilling)), kInitialize);
        QCOMPARE(init.status, 200);
        const QByteArray id = init.header("mcp-session-id");
        const QByteArray ping = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}";
        auto elsewhere = withAuth(bearer(forCrm));
        elsewhere.append(Field("Mcp-Session-Id", id));
        const auto refused = request(m_gateway->port(), "POST", "/mcp/crm", elsewhere, ping);
        QCOMPARE(refused.status, 403);
        QVERIFY2(refused.body.contains("another server"), refused.body.constData());
        for (const char *method : {"GET", "DELETE"})
            QCOMPARE(request(m_gateway->port(), method, "/mcp/crm", elsewhere, {}).status, 403);
        // On its own server the session still works (the DELETE above did not end it).
        auto here = withAuth(bearer(forBilling));
        here.append(Field("Mcp-Session-Id", id));
        const auto ok = request(m_gateway->port(), "POST", "/mcp/billing", here, ping);
        QVERIFY2(ok.status == 200, ok.body.constData());
    }
};

QTEST_GUILESS_MAIN(TestTokenGuard)
#include "TestTokenGuard.moc"
