// OAuth 2 upstream credentials through the in-process gateway: client credentials fetched once
// and shared by concurrent calls, refreshed at expiry, fetched anew after a 401; refresh tokens
// exchanged and their rotation stored in the vault; token endpoint errors as tool errors. Then
// the leak test: the unique secrets reach only the token endpoint, never an MCP response, a log
// line, an audit row or the database file in clear.
#include "McpTestClient.h"
#include "TestSupport.h"
#include "gateway/Gateway.h"
#include "http/Request.h"
#include "http/Responder.h"
#include "http/Response.h"
#include "http/Server.h"
#include "oauth/TokenService.h"
#include "secrets/CredentialVault.h"
#include "secrets/KeyFileKeyProvider.h"
#include "store/CredentialRepository.h"
#include "store/Database.h"
#include "store/Migrator.h"
#include "store/RoleRepository.h"
#include "store/ServerRepository.h"
#include "store/UserRepository.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QMutex>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrlQuery>
#include <QtTest>

#include <atomic>
#include <thread>

using namespace gatehouse;
using namespace gatehouse::test;
using nlohmann::json;
using namespace Qt::StringLiterals;

namespace {

// Unique per run, so that finding one anywhere is a leak and not a coincidence.
const QByteArray kRunId = QByteArray::number(QDateTime::currentMSecsSinceEpoch(), 36);
const QByteArray kClientSecret = "cs_leak_" + kRunId + "_9e1f";
const QByteArray kAliceRefresh = "rt_alice_" + kRunId + "_0";
const QByteArray kStaticKey = "sk_static_" + kRunId + "_4b";

QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;

void captureLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log.append(QString::fromLatin1(context.category ? context.category : "") + u' ' +
                     message);
    }
    if (g_previousHandler && type != QtDebugMsg)
        g_previousHandler(type, context, message);
}

// How the token endpoint answers one client.
struct Behaviour
{
    int expiresIn = 3600;
    int delayMs = 0;
    QByteArray error; // set: answer this OAuth error
    QByteArray errorDescription;
    bool rotate = false; // refresh_token grants get a new refresh token
};

struct TokenRequest
{
    QByteArray authorization;
    QUrlQuery form;
};

// The upstream's OAuth token endpoint: counts fetches per client, issues numbered access tokens,
// keeps the one valid refresh token per user and answers errors on demand.
class TokenEndpoint
{
public:
    TokenEndpoint()
    {
        http::ServerOptions options;
        options.workerThreads = 1;
        m_server = std::make_unique<http::Server>(options);
        m_server->setHandler(
            [this](const http::Request &request, std::shared_ptr<http::Responder> responder) {
                handle(request, std::move(responder));
            });
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0).ok());
    }
    QString url() const { return u"http://127.0.0.1:%1/oauth/token"_s.arg(m_server->serverPort()); }
    void set(const QString &client, Behaviour behaviour)
    {
        QMutexLocker lock(&m_mutex);
        m_behaviour.insert(client, behaviour);
    }
    void setRefreshToken(const QString &client, const QByteArray &token)
    {
        QMutexLocker lock(&m_mutex);
        m_refresh.insert(client, token);
    }
    QByteArray refreshToken(const QString &client)
    {
        QMutexLocker lock(&m_mutex);
        return m_refresh.value(client);
    }
    int fetches(const QString &client)
    {
        QMutexLocker lock(&m_mutex);
        return m_fetches.value(client);
    }
    QList<TokenRequest> requests(const QString &client)
    {
        QMutexLocker lock(&m_mutex);
        return m_requests.value(client);
    }

private:
    void handle(const http::Request &request, std::shared_ptr<http::Responder> responder)
    {
        TokenRequest seen{request.header("authorization"),
                          QUrlQuery(QString::fromUtf8(request.body()))};
        QString client = seen.form.queryItemValue(u"client_id"_s, QUrl::FullyDecoded);
        if (seen.authorization.startsWith("Basic ")) {
            const QByteArray pair = QByteArray::fromBase64(seen.authorization.mid(6));
            client = QUrl::fromPercentEncoding(pair.left(pair.indexOf(':')));
        }
        Behaviour behaviour;
        QByteArray body;
        int status = 200;
        {
            QMutexLocker lock(&m_mutex);
            behaviour = m_behaviour.value(client);
            ++m_fetches[client];
            m_requests[client].append(seen);
            const QString grant = seen.form.queryItemValue(u"grant_type"_s);
            json answer;
            if (!behaviour.error.isEmpty()) {
                status = 400;
                answer = {{"error", behaviour.error.toStdString()},
                          {"error_description", behaviour.errorDescription.toStdString()}};
            } else if (grant == u"refresh_token" &&
                       seen.form.queryItemValue(u"refresh_token"_s, QUrl::FullyDecoded).toUtf8() !=
                           m_refresh.value(client)) {
                status = 400;
                answer = {{"error", "invalid_grant"},
                          {"error_description", "The refresh token is invalid or expired."}};
            } else {
                answer = {{"access_token", u"at-%1-%2"_s.arg(client).arg(++m_issued).toStdString()},
                          {"token_type", "Bearer"},
                          {"expires_in", behaviour.expiresIn}};
                if (grant == u"refresh_token" && behaviour.rotate) {
                    const QByteArray next = "rt_" + kRunId + "_" + QByteArray::number(++m_issued);
                    m_refresh.insert(client, next);
                    answer["refresh_token"] = next.toStdString();
                }
            }
            body = QByteArray::fromStdString(answer.dump());
        }
        if (behaviour.delayMs == 0)
            return responder->respond(http::Response::json(status, body));
        QTimer::singleShot(behaviour.delayMs, [responder, status, body] {
            responder->respond(http::Response::json(status, body));
        });
    }

    std::unique_ptr<http::Server> m_server;
    QMutex m_mutex;
    QHash<QString, Behaviour> m_behaviour;
    QHash<QString, QByteArray> m_refresh; // the valid refresh token per client
    QHash<QString, int> m_fetches;
    QHash<QString, QList<TokenRequest>> m_requests;
    int m_issued = 0;
};

// The API: records the Authorization and X-API-Key it got, answers 401 to tokens it was told to
// refuse.
class Api
{
public:
    Api()
    {
        http::ServerOptions options;
        options.workerThreads = 1;
        m_server = std::make_unique<http::Server>(options);
        m_server->setHandler(
            [this](const http::Request &request, std::shared_ptr<http::Responder> responder) {
                const QByteArray authorization = request.header("authorization");
                bool refused = false;
                {
                    QMutexLocker lock(&m_mutex);
                    m_seen[request.path().section(u'/', 1, 1)].append(authorization);
                    m_apiKeys.append(request.header("x-api-key"));
                    refused = m_refused.contains(authorization.mid(7)) ||
                              (m_refuseAll && authorization.startsWith("Bearer "));
                }
                if (refused)
                    return responder->respond(http::Response::json(
                        401, R"({"error":{"message":"The access token is not valid."}})"));
                responder->respond(http::Response::json(
                    200, R"({"id":"in_1","status":"open","total":1,"customer":{"id":"cu_1"}})"));
            });
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0).ok());
    }
    // Each server gets its own path prefix, so its calls are told apart.
    QString baseUrl(const QString &server) const
    {
        return u"http://127.0.0.1:%1/%2/v1"_s.arg(m_server->serverPort()).arg(server);
    }
    QList<QByteArray> seen(const QString &server)
    {
        QMutexLocker lock(&m_mutex);
        return m_seen.value(server);
    }
    QList<QByteArray> apiKeys()
    {
        QMutexLocker lock(&m_mutex);
        return m_apiKeys;
    }
    void refuse(const QByteArray &token)
    {
        QMutexLocker lock(&m_mutex);
        m_refused.insert(token);
    }
    void refuseAll(bool refuse)
    {
        QMutexLocker lock(&m_mutex);
        m_refuseAll = refuse;
    }

private:
    std::unique_ptr<http::Server> m_server;
    QMutex m_mutex;
    QHash<QString, QList<QByteArray>> m_seen;
    QList<QByteArray> m_apiKeys;
    QSet<QByteArray> m_refused;
    bool m_refuseAll = false;
};

QString text(const json &result)
{
    if (!result.contains("content"))
        return QString::fromStdString(result.dump());
    return QString::fromStdString(result.value("content", json::array()).at(0).value("text", ""));
}

} // namespace

class TestUpstreamOAuth : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<TokenEndpoint> m_endpoint;
    std::unique_ptr<Api> m_api;
    std::unique_ptr<gateway::Gateway> m_gateway;
    std::unique_ptr<oauth::TokenService> m_tokens;
    std::shared_ptr<secrets::CredentialVault> m_vault;
    QMutex m_responsesMutex;
    QList<QByteArray> m_responses; // every MCP answer, for the leak test

    // A server named after its credential, whose client_id is the same name.
    void addServer(const QString &name, const QString &type, bool perUser = false)
    {
        store::Credential credential;
        credential.name = name;
        credential.type = type;
        credential.perUser = perUser;
        credential.tokenUrl = m_endpoint->url();
        credential.clientId = name;
        credential.scopes = QStringList{u"invoices:read"_s, u"invoices:write"_s};
        credential.resource = u"https://billing.example.test/"_s;
        credential.secret = store::SecretReference{u"keychain"_s, name};
        QVERIFY(store::CredentialRepository(*m_db).upsert(credential).ok());
        store::Server server;
        server.name = name;
        server.openapi = test::sourceDir() + u"/examples/specs/billing.yaml"_s;
        server.baseUrl = m_api->baseUrl(name);
        server.credential = name;
        QVERIFY(store::ServerRepository(*m_db).create(server).ok());
    }

    QByteArray mint(const QString &user, const QString &server)
    {
        oauth::TokenService::MintRequest r;
        r.user = user;
        r.server = server;
        auto minted = m_tokens->mint(r, QDateTime::currentDateTimeUtc());
        if (!minted)
            qFatal("%s", qPrintable(minted.error().message()));
        return minted->token.toUtf8();
    }

    json callWith(const QByteArray &token, const QString &server)
    {
        McpTestSession session(m_gateway->port(), server.toUtf8(),
                               {Field("Authorization", "Bearer " + token)});
        if (!session.isOpen())
            return json();
        json result = session.callTool(u"get_invoice"_s, {{"invoice_id", "in_1"}});
        QMutexLocker lock(&m_responsesMutex);
        m_responses.append(QByteArray::fromStdString(result.dump()));
        return result;
    }

    json call(const QString &user, const QString &server)
    {
        return callWith(mint(user, server), server);
    }

private Q_SLOTS:
    void initTestCase()
    {
        g_previousHandler = qInstallMessageHandler(captureLog);
        QLoggingCategory::setFilterRules(u"gatehouse.*.debug=true"_s);
        QVERIFY(m_dir.isValid());
        store::DatabaseOptions options;
        options.sqlitePath = m_dir.filePath(u"gatehouse.db"_s);
        auto db = store::Database::open(options);
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        QVERIFY(store::Migrator(*m_db).migrate().ok());
        m_endpoint = std::make_unique<TokenEndpoint>();
        m_api = std::make_unique<Api>();

        const QStringList clientCredentials{u"cc-basic"_s, u"cc-concurrent"_s, u"cc-expiry"_s,
                                            u"cc-early"_s, u"cc-retry"_s,      u"cc-refused"_s,
                                            u"cc-error"_s};
        for (const QString &name : clientCredentials)
            addServer(name, u"oauth2_client_credentials"_s);
        addServer(u"rt"_s, u"oauth2_refresh_token"_s, true);
        store::Credential key;
        key.name = u"static"_s;
        key.type = u"api_key"_s;
        key.location = u"header"_s;
        key.param = u"X-API-Key"_s;
        key.secret = store::SecretReference{u"keychain"_s, u"static"_s};
        QVERIFY(store::CredentialRepository(*m_db).upsert(key).ok());
        store::Server plain;
        plain.name = u"static"_s;
        plain.openapi = test::sourceDir() + u"/examples/specs/billing.yaml"_s;
        plain.baseUrl = m_api->baseUrl(u"static"_s);
        plain.credential = u"static"_s;
        QVERIFY(store::ServerRepository(*m_db).create(plain).ok());

        store::Role reader;
        reader.name = u"reader"_s;
        for (const QString &server : clientCredentials + QStringList{u"rt"_s, u"static"_s})
            reader.rules.append(store::Rule{server + u"/invoices"_s, u"allow"_s, u"read"_s});
        QVERIFY(store::RoleRepository(*m_db).create(reader).ok());
        for (const QString &name : {u"alice"_s, u"bob"_s}) {
            store::User user;
            user.name = name;
            user.roles = {u"reader"_s};
            QVERIFY(store::UserRepository(*m_db).create(user).ok());
        }

        secrets::KeyFileKeyProvider provider(m_dir.filePath(u"master.key"_s));
        auto opened = secrets::CredentialVault::open(*m_db, provider);
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message()));
        m_vault = opened->vault;
        for (const QString &name : clientCredentials)
            QVERIFY(m_vault->add(name, QString(), kClientSecret).ok());
        QVERIFY(m_vault->add(u"rt"_s, u"alice"_s, kAliceRefresh).ok());
        QVERIFY(m_vault->add(u"rt"_s, u"bob"_s, QByteArray("rt_bob_" + kRunId + "_stale")).ok());
        QVERIFY(m_vault->add(u"static"_s, QString(), kStaticKey).ok());
        m_endpoint->setRefreshToken(u"rt"_s, kAliceRefresh);

        auto existing = secrets::CredentialVault::openExisting(*m_db, provider);
        QVERIFY(existing.ok() && *existing);
        m_gateway = std::make_unique<gateway::Gateway>(m_db.get());
        m_gateway->setCredentialVault(*existing);
        gateway::ListenOptions listen;
        listen.port = 0;
        listen.workerThreads = 3; // waiting calls on other workers than the fetching one
        QVERIFY(m_gateway->start(listen).ok());
        m_tokens = std::make_unique<oauth::TokenService>(*m_db, m_gateway->baseUrl());
    }
    void cleanupTestCase()
    {
        m_gateway.reset();
        m_api.reset();
        m_endpoint.reset();
        qInstallMessageHandler(g_previousHandler);
    }

    void clientCredentialsTokenIsFetchedOnceAndSent()
    {
        const QString name = u"cc-basic"_s;
        for (int i = 0; i < 3; ++i) {
            const json result = call(u"alice"_s, name);
            QVERIFY2(!result.value("isError", false), result.dump().c_str());
        }
        QCOMPARE(m_endpoint->fetches(name), 1);
        const auto seen = m_api->seen(name);
        QCOMPARE(seen.size(), 3);
        QVERIFY(seen[0].startsWith("Bearer at-cc-basic-"));
        QCOMPARE(seen[1], seen[0]);
        QCOMPARE(seen[2], seen[0]);

        // RFC 6749 §4.4.2 with client_secret_basic (§2.3.1), and the RFC 8707 resource.
        const TokenRequest request = m_endpoint->requests(name).at(0);
        QCOMPARE(request.form.queryItemValue(u"grant_type"_s), u"client_credentials"_s);
        QCOMPARE(request.form.queryItemValue(u"scope"_s, QUrl::FullyDecoded),
                 u"invoices:read invoices:write"_s);
        QCOMPARE(request.form.queryItemValue(u"resource"_s, QUrl::FullyDecoded),
                 u"https://billing.example.test/"_s);
        QVERIFY(!request.form.hasQueryItem(u"client_secret"_s));
        QCOMPARE(request.authorization,
                 "Basic " + QByteArray("cc-basic:" + kClientSecret).toBase64());
    }

    void concurrentCallsShareOneFetch()
    {
        const QString name = u"cc-concurrent"_s;
        m_endpoint->set(name, Behaviour{3600, 600, {}, {}, false});
        constexpr int kCalls = 8;
        QList<QByteArray> tokens;
        for (int i = 0; i < kCalls; ++i)
            tokens.append(mint(i % 2 ? u"alice"_s : u"bob"_s, name));
        std::vector<std::jthread> threads; // joined however the test ends
        std::vector<json> results(kCalls);
        std::atomic<int> finished = 0;
        for (int i = 0; i < kCalls; ++i)
            threads.emplace_back([this, &results, &tokens, &finished, i, name] {
                results[size_t(i)] = callWith(tokens.at(i), name);
                ++finished;
            });
        // This thread runs the gateway's accept loop meanwhile.
        QTRY_COMPARE_WITH_TIMEOUT(finished.load(), kCalls, 60000);
        for (const json &result : results)
            QVERIFY2(result.is_object() && !result.value("isError", false), result.dump().c_str());
        QCOMPARE(m_endpoint->fetches(name), 1);
        const auto seen = m_api->seen(name);
        QCOMPARE(seen.size(), kCalls);
        for (const QByteArray &authorization : seen)
            QCOMPARE(authorization, seen.first());
    }

    void anExpiredTokenIsReplacedBeforeTheCall()
    {
        const QString name = u"cc-expiry"_s;
        m_endpoint->set(name, Behaviour{1, 0, {}, {}, false});
        QVERIFY(!call(u"alice"_s, name).value("isError", false));
        QTest::qWait(1300);
        QVERIFY(!call(u"alice"_s, name).value("isError", false));
        QCOMPARE(m_endpoint->fetches(name), 2);
        const auto seen = m_api->seen(name);
        QCOMPARE(seen.size(), 2);
        QVERIFY(seen[0] != seen[1]);
    }

    void aTokenNearItsExpiryIsRefreshedInTheBackground()
    {
        // 5 s: refreshed from 4 s on (a fifth before expiry); until 5 s the old one still works.
        const QString name = u"cc-early"_s;
        m_endpoint->set(name, Behaviour{5, 0, {}, {}, false});
        QVERIFY(!call(u"alice"_s, name).value("isError", false));
        QTest::qWait(4200);
        QVERIFY(!call(u"alice"_s, name).value("isError", false));
        QTRY_COMPARE(m_endpoint->fetches(name), 2);
        QVERIFY(!call(u"alice"_s, name).value("isError", false));
        const auto seen = m_api->seen(name);
        QCOMPARE(seen.size(), 3);
        QCOMPARE(seen[1], seen[0]);
        QVERIFY(seen[2] != seen[1]);
    }

    void a401DropsTheTokenAndTheCallIsRetriedOnce()
    {
        const QString name = u"cc-retry"_s;
        QVERIFY(!call(u"alice"_s, name).value("isError", false));
        const QByteArray first = m_api->seen(name).at(0);
        m_api->refuse(first.mid(7));
        const json result = call(u"alice"_s, name);
        QVERIFY2(!result.value("isError", false), result.dump().c_str());
        const auto seen = m_api->seen(name);
        QCOMPARE(seen.size(), 3);
        QCOMPARE(seen[1], first);
        QVERIFY(seen[2] != first);
        QCOMPARE(m_endpoint->fetches(name), 2);
    }

    void anUpstreamThatKeepsRefusingIsTriedTwiceOnly()
    {
        const QString name = u"cc-refused"_s;
        m_api->refuseAll(true);
        const json result = call(u"alice"_s, name);
        m_api->refuseAll(false);
        QCOMPARE(result.value("isError", false), true);
        QCOMPARE(m_api->seen(name).size(), 2);
        QCOMPARE(m_endpoint->fetches(name), 2);
    }

    void aTokenEndpointErrorIsAToolErrorThatQuotesIt()
    {
        const QString name = u"cc-error"_s;
        m_endpoint->set(name,
                        Behaviour{3600, 0, "invalid_client",
                                  "Client authentication failed for " + kClientSecret, false});
        const json result = call(u"alice"_s, name);
        QCOMPARE(result.value("isError", false), true);
        const QString message = text(result);
        QVERIFY2(message.contains(u"invalid_client"_s), qPrintable(message));
        QVERIFY2(message.contains(u"Client authentication failed"_s), qPrintable(message));
        QVERIFY2(message.contains(u"cc-error"_s), qPrintable(message));
        QVERIFY2(!message.toUtf8().contains(kClientSecret), qPrintable(message));
        QVERIFY(m_api->seen(name).isEmpty());
        // An error is not cached: once the endpoint answers, the next call goes through.
        m_endpoint->set(name, Behaviour{});
        QVERIFY(!call(u"alice"_s, name).value("isError", false));
    }

    void aRotatedRefreshTokenIsStoredInTheVault()
    {
        m_endpoint->set(u"rt"_s, Behaviour{3600, 0, {}, {}, true});
        const json result = call(u"alice"_s, u"rt"_s);
        QVERIFY2(!result.value("isError", false), result.dump().c_str());
        const TokenRequest first = m_endpoint->requests(u"rt"_s).at(0);
        QCOMPARE(first.form.queryItemValue(u"grant_type"_s), u"refresh_token"_s);
        QCOMPARE(first.form.queryItemValue(u"refresh_token"_s, QUrl::FullyDecoded).toUtf8(),
                 kAliceRefresh);
        QCOMPARE(first.form.queryItemValue(u"client_id"_s), u"rt"_s);
        QVERIFY(first.authorization.isEmpty());
        const QByteArray rotated = m_endpoint->refreshToken(u"rt"_s);
        QVERIFY(rotated != kAliceRefresh);
        auto stored = m_vault->secret(u"rt"_s, u"alice"_s);
        QVERIFY(stored.ok());
        QCOMPARE(*stored, rotated);

        // The next fetch (after a 401) sends the rotated one, and the endpoint accepts it.
        m_api->refuse(m_api->seen(u"rt"_s).last().mid(7));
        QVERIFY(!call(u"alice"_s, u"rt"_s).value("isError", false));
        QCOMPARE(m_endpoint->fetches(u"rt"_s), 2);
        QCOMPARE(*m_vault->secret(u"rt"_s, u"alice"_s), m_endpoint->refreshToken(u"rt"_s));
    }

    void aRefusedRefreshTokenTellsTheCallerToImportANewOne()
    {
        const json result = call(u"bob"_s, u"rt"_s);
        QCOMPARE(result.value("isError", false), true);
        const QString message = text(result);
        QVERIFY2(message.contains(u"invalid_grant"_s), qPrintable(message));
        QVERIFY2(message.contains(u"gatehouse credential rotate rt --user bob --from-stdin"_s),
                 qPrintable(message));
    }

    // The leak test of issue 6, over everything the calls above did.
    void secretsReachOnlyTheUpstream()
    {
        QVERIFY(!call(u"alice"_s, u"static"_s).value("isError", false));
        QVERIFY(m_api->apiKeys().contains(kStaticKey));

        QList<QByteArray> secrets{kClientSecret, kAliceRefresh, kStaticKey,
                                  QByteArray("cc-basic:" + kClientSecret).toBase64()};
        secrets.append(*m_vault->secret(u"rt"_s, u"alice"_s));
        auto forbidden = [&](const QByteArray &bytes) {
            for (const QByteArray &secret : std::as_const(secrets))
                if (bytes.contains(secret))
                    return true;
            return false;
        };

        {
            QMutexLocker lock(&m_responsesMutex);
            QVERIFY(m_responses.size() > 20);
            for (const QByteArray &response : std::as_const(m_responses))
                QVERIFY2(!forbidden(response), response.constData());
        }
        {
            QMutexLocker lock(&g_logMutex);
            QVERIFY(g_log.size() > 10);
            QVERIFY(g_log.join(u'\n').contains(u"fetched an access token for credential"_s));
            for (const QString &line : std::as_const(g_log))
                QVERIFY2(!forbidden(line.toUtf8()), qPrintable(line));
        }
        {
            auto connection = m_db->connection();
            QVERIFY(connection.ok());
            QSqlQuery audit(*connection);
            QVERIFY(audit.exec(u"SELECT * FROM audit_log"_s));
            while (audit.next())
                for (int i = 0; i < audit.record().count(); ++i)
                    QVERIFY(!forbidden(audit.value(i).toString().toUtf8()));
        }
        QDir dir(m_dir.path());
        for (const QString &file : dir.entryList({u"gatehouse.db*"_s}, QDir::Files)) {
            QFile f(dir.filePath(file));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!forbidden(f.readAll()), qPrintable(file));
        }
    }
};

QTEST_GUILESS_MAIN(TestUpstreamOAuth)
#include "TestUpstreamOAuth.moc"
