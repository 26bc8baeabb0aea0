// What the upstream learns about the caller, end to end through an in-process gateway with a
// store, minted tokens and an upstream that records every request's headers: the identity
// headers a server names (servers[].identity_headers) carry the caller's user and OAuth client,
// the gateway's values and never a client's, and never the client's token; and which credential
// each call carries when tools of one server need different upstream scopes (issue 6).
#include "McpTestClient.h"
#include "TestSupport.h"
#include "gateway/Gateway.h"
#include "http/Request.h"
#include "http/Responder.h"
#include "http/Response.h"
#include "http/Server.h"
#include "oauth/RandomToken.h"
#include "oauth/TokenService.h"
#include "secrets/CredentialVault.h"
#include "secrets/KeyFileKeyProvider.h"
#include "store/ClientRepository.h"
#include "store/CredentialRepository.h"
#include "store/Database.h"
#include "store/Migrator.h"
#include "store/RoleRepository.h"
#include "store/ServerRepository.h"
#include "store/TokenRepository.h"
#include "store/ToolOverrideRepository.h"
#include "store/UserRepository.h"

#include <QFile>
#include <QMutex>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::test;
using nlohmann::json;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kUpstreamKey = "sk_desk_upstream_4e1b7d";
const QByteArray kReadKey = "sk_desk_read_91c0e2";
const QByteArray kTradeKey = "sk_desk_trade_5d7a13";
const QByteArray kAliceTradeKey = "sk_alice_trade_c4f8b6";

// One operation that declares the identity header as a parameter of its own, so a client could
// try to set it as an argument, and another header parameter that must still go through.
const QByteArray kSpec = R"(openapi: 3.0.3
info: {title: Trading, version: "1"}
paths:
  /positions:
    get:
      operationId: readPositions
      tags: [positions]
      parameters:
        - {name: X-Gatehouse-User, in: header, schema: {type: string}}
        - {name: X-Request-Note, in: header, schema: {type: string}}
      responses:
        "200":
          description: the positions
          content:
            application/json:
              schema: {type: object}
)";

// Operations whose security requirements ask for different OAuth 2 scopes.
const QByteArray kDeskSpec = R"(openapi: 3.0.3
info: {title: Desk, version: "1"}
components:
  securitySchemes:
    desk:
      type: oauth2
      flows:
        clientCredentials:
          tokenUrl: https://auth.example/token
          scopes: {"positions:read": read positions, "orders:write": place orders}
paths:
  /positions:
    get:
      operationId: readPositions
      tags: [positions]
      security: [{desk: ["positions:read"]}]
      responses: {"200": {description: the positions}}
  /orders:
    post:
      operationId: placeOrder
      tags: [orders]
      security: [{desk: ["positions:read", "orders:write"]}]
      responses: {"200": {description: the order}}
  /account:
    delete:
      operationId: closeAccount
      tags: [account]
      security: [{desk: ["orders:write"]}]
      responses: {"200": {description: closed}}
)";

// An upstream that answers every request and records its headers.
class RecordingUpstream
{
public:
    RecordingUpstream()
    {
        http::ServerOptions options;
        options.workerThreads = 1;
        m_server = std::make_unique<http::Server>(options);
        m_server->setHandler(
            [this](const http::Request &request, std::shared_ptr<http::Responder> responder) {
                {
                    QMutexLocker lock(&m_mutex);
                    m_seen.append(request.headers());
                }
                responder->respond(http::Response::json(200, R"({"positions":[]})"));
            });
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0).ok());
    }
    QString baseUrl() const { return u"http://127.0.0.1:%1/v1"_s.arg(m_server->serverPort()); }
    QList<http::Headers> take()
    {
        QMutexLocker lock(&m_mutex);
        return std::exchange(m_seen, {});
    }

private:
    std::unique_ptr<http::Server> m_server;
    QMutex m_mutex;
    QList<http::Headers> m_seen;
};

// Servers whose tools need different scopes: "desk" reads with desk-read (positions:read) and
// trades with its candidate desk-trade (orders:write too), and close_account needs a scope (its
// override's) that no credential carries; "personal" tries the caller's own trading credential
// (own-trade, per user) before desk-trade; "mine" has only own-trade to trade with.
bool seedScopedServers(store::Database &db, const QString &dir, const QString &upstream)
{
    QFile spec(dir + u"/desk.yaml"_s);
    if (!spec.open(QIODevice::WriteOnly) || spec.write(kDeskSpec) != kDeskSpec.size())
        return false;
    spec.close();
    const QStringList read{u"positions:read"_s};
    const QStringList trade{u"positions:read"_s, u"orders:write"_s};
    struct Seed
    {
        QString name;
        QStringList scopes;
        QString env; // empty: the vault holds each user's own
    };
    for (const Seed &seed : {Seed{u"desk-read"_s, read, u"GATEHOUSE_TEST_DESK_READ"_s},
                             Seed{u"desk-trade"_s, trade, u"GATEHOUSE_TEST_DESK_TRADE"_s},
                             Seed{u"own-trade"_s, trade, QString()}}) {
        store::Credential c;
        c.name = seed.name;
        c.type = u"bearer"_s;
        c.scopes = seed.scopes;
        c.perUser = seed.env.isEmpty();
        if (!seed.env.isEmpty())
            c.secret = store::SecretReference{u"env"_s, seed.env};
        if (!store::CredentialRepository(db).upsert(c))
            return false;
    }
    const std::pair<QString, QStringList> servers[] = {
        {u"desk"_s, {u"desk-trade"_s}},
        {u"personal"_s, {u"own-trade"_s, u"desk-trade"_s}},
        {u"mine"_s, {u"own-trade"_s}},
    };
    for (const auto &[name, candidates] : servers) {
        store::Server server;
        server.name = name;
        server.openapi = spec.fileName();
        server.baseUrl = upstream;
        server.credential = u"desk-read"_s;
        server.credentials = candidates;
        if (!store::ServerRepository(db).create(server))
            return false;
    }
    store::ToolOverride admin;
    admin.server = u"desk"_s;
    admin.key = u"closeAccount"_s;
    admin.scopes = QStringList{u"account:admin"_s};
    return store::ToolOverrideRepository(db).create(admin).ok();
}

// A store with server "trading" (identity headers on, an owner-wide API key) and "quiet" (no
// identity headers), and users alice and bob who may read positions on both.
std::unique_ptr<store::Database> seededStore(const QString &dir, const QString &upstream)
{
    store::DatabaseOptions options;
    options.sqlitePath = dir + u"/gatehouse.db"_s;
    auto db = store::Database::open(options);
    if (!db || !store::Migrator(**db).migrate())
        return nullptr;
    QFile spec(dir + u"/trading.yaml"_s);
    if (!spec.open(QIODevice::WriteOnly) || spec.write(kSpec) != kSpec.size())
        return nullptr;
    spec.close();

    store::Credential key;
    key.name = u"desk-key"_s;
    key.type = u"api_key"_s;
    key.location = u"header"_s;
    key.param = u"X-API-Key"_s;
    key.secret = store::SecretReference{u"env"_s, u"GATEHOUSE_TEST_DESK_KEY"_s};
    if (!store::CredentialRepository(**db).upsert(key))
        return nullptr;
    if (!seedScopedServers(**db, dir, upstream))
        return nullptr;
    for (const QString &name : {u"trading"_s, u"quiet"_s}) {
        store::Server server;
        server.name = name;
        server.openapi = spec.fileName();
        server.baseUrl = upstream;
        server.credential = key.name;
        if (name == u"trading")
            server.identityHeaders =
                store::ServerIdentityHeaders{u"X-Gatehouse-User"_s, u"X-Gatehouse-Client"_s};
        if (!store::ServerRepository(**db).create(server))
            return nullptr;
    }
    store::Role reader;
    reader.name = u"reader"_s;
    reader.rules = {store::Rule{u"trading/positions"_s, u"allow"_s, u"read"_s},
                    store::Rule{u"quiet/positions"_s, u"allow"_s, u"read"_s}};
    for (const QString &server : {u"desk"_s, u"personal"_s, u"mine"_s})
        reader.rules << store::Rule{server + u"/positions"_s, u"allow"_s, u"read"_s}
                     << store::Rule{server + u"/orders"_s, u"allow"_s, u"create"_s}
                     << store::Rule{server + u"/account"_s, u"allow"_s, u"delete"_s};
    if (!store::RoleRepository(**db).create(reader))
        return nullptr;
    for (const QString &name : {u"alice"_s, u"bob"_s}) {
        store::User user;
        user.name = name;
        user.roles = {reader.name};
        if (!store::UserRepository(**db).create(user))
            return nullptr;
    }
    return std::move(db).value();
}

QString text(const json &result)
{
    return QString::fromStdString(result.value("content", json::array()).at(0).value("text", ""));
}

} // namespace

class TestCredentialSelection : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<RecordingUpstream> m_upstream;
    std::unique_ptr<gateway::Gateway> m_gateway;
    std::unique_ptr<oauth::TokenService> m_tokens;

    McpTestSession session(const QString &user, const QString &server)
    {
        const QString bearer = token(user, server, oauth::TokenService::commandLineClientId());
        return McpTestSession(m_gateway->port(), server.toUtf8(),
                              {Field("Authorization", "Bearer " + bearer.toLatin1())});
    }

    // A token of `user` on `server`, issued to the OAuth client `clientId` (as the authorization
    // server would after a sign-in through that client).
    QString token(const QString &user, const QString &server, const QString &clientId)
    {
        oauth::TokenService::MintRequest r;
        r.user = user;
        r.server = server;
        auto minted = m_tokens->mint(r, QDateTime::currentDateTimeUtc());
        if (!minted)
            qFatal("%s", qPrintable(minted.error().message()));
        if (clientId == oauth::TokenService::commandLineClientId())
            return minted->token;
        store::Client client;
        client.clientId = clientId;
        client.user = user;
        client.name = u"Trading desk"_s;
        if (Status s = store::ClientRepository(*m_db).upsert(client); !s)
            qFatal("%s", qPrintable(s.error().message()));
        store::Token row;
        const QString token = oauth::RandomToken::generate(oauth::TokenService::tokenPrefix());
        row.tokenHash = oauth::TokenService::hashToken(token);
        row.clientId = clientId;
        row.user = user;
        row.audience = minted->audience;
        row.scopes = minted->scopes;
        row.expiresAt = minted->expiresAt;
        if (Status s = store::TokenRepository(*m_db).insert(row); !s)
            qFatal("%s", qPrintable(s.error().message()));
        return token;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("GATEHOUSE_TEST_DESK_KEY", kUpstreamKey);
        qputenv("GATEHOUSE_TEST_DESK_READ", kReadKey);
        qputenv("GATEHOUSE_TEST_DESK_TRADE", kTradeKey);
        m_upstream = std::make_unique<RecordingUpstream>();
        m_db = seededStore(m_dir.path(), m_upstream->baseUrl());
        QVERIFY(m_db);
        // Alice has imported her own trading key; bob has not.
        secrets::KeyFileKeyProvider provider(m_dir.filePath(u"master.key"_s));
        auto opened = secrets::CredentialVault::open(*m_db, provider);
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message()));
        QVERIFY(opened->vault->add(u"own-trade"_s, u"alice"_s, kAliceTradeKey).ok());
        m_gateway = std::make_unique<gateway::Gateway>(m_db.get());
        m_gateway->setCredentialVault(opened->vault);
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
    void init() { m_upstream->take(); }

    // The caller's user and client arrive upstream, with the owner's key; the client's token,
    // its own identity headers (sent to the gateway or as a tool argument) and its cookie do not.
    void identityHeadersNameTheCallerAndNeverCarryTheToken_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("clientId");
        QTest::newRow("command-line token")
            << u"alice"_s << oauth::TokenService::commandLineClientId();
        QTest::newRow("token of an OAuth client") << u"bob"_s << u"desk-app-7c1"_s;
    }
    void identityHeadersNameTheCallerAndNeverCarryTheToken()
    {
        QFETCH(QString, user);
        QFETCH(QString, clientId);
        const QString bearer = token(user, u"trading"_s, clientId);
        McpTestSession session(m_gateway->port(), "trading",
                               {Field("Authorization", "Bearer " + bearer.toLatin1()),
                                Field("X-Gatehouse-User", "mallory"),
                                Field("X-Gatehouse-Client", "forged-client"),
                                Field("Cookie", "session=client-cookie")});
        QVERIFY(session.isOpen());
        const json result = session.callTool(
            u"read_positions"_s, {{"X-Gatehouse-User", "mallory"}, {"X-Request-Note", "eod"}});
        QVERIFY2(!result.value("isError", false), result.dump().c_str());

        const QList<http::Headers> seen = m_upstream->take();
        QCOMPARE(seen.size(), 1);
        const http::Headers &headers = seen.first();
        QCOMPARE(headers.values("x-gatehouse-user"), QList<QByteArray>{user.toUtf8()});
        QCOMPARE(headers.values("x-gatehouse-client"), QList<QByteArray>{clientId.toUtf8()});
        QCOMPARE(headers.value("x-api-key"), kUpstreamKey);
        QCOMPARE(headers.value("x-request-note"), QByteArray("eod")); // other parameters go
        QVERIFY(!headers.contains("authorization"));
        QVERIFY(!headers.contains("cookie"));
        const QByteArray secretPart = bearer.toLatin1().mid(6); // after the gh_at_ prefix
        for (const auto &[name, value] : headers.fields()) {
            QVERIFY2(!value.contains(secretPart), name.constData());
            QVERIFY2(!value.contains("mallory") && !value.contains("forged"), name.constData());
        }
    }

    // Two tools of one server that need different scopes, called in one session: each call
    // carries the first candidate whose scopes include the tool's, per call, not per session.
    void toolsNeedingDifferentScopesCarryDifferentCredentials()
    {
        McpTestSession s = session(u"alice"_s, u"desk"_s);
        QVERIFY(s.isOpen());
        for (const QString &tool : {u"read_positions"_s, u"place_order"_s, u"read_positions"_s}) {
            const json result = s.callTool(tool, json::object());
            QVERIFY2(!result.value("isError", false), qPrintable(text(result)));
        }
        const QList<http::Headers> seen = m_upstream->take();
        QCOMPARE(seen.size(), 3);
        QCOMPARE(seen.at(0).value("authorization"), "Bearer " + kReadKey);
        QCOMPARE(seen.at(1).value("authorization"), "Bearer " + kTradeKey);
        QCOMPARE(seen.at(2).value("authorization"), "Bearer " + kReadKey);
    }

    // A tool that needs a scope no candidate carries is a tool error naming the scope and the
    // credentials considered, and the upstream sees nothing.
    void scopeNoCredentialCarriesSendsNothing()
    {
        McpTestSession s = session(u"alice"_s, u"desk"_s);
        QVERIFY(s.isOpen());
        const json result = s.callTool(u"close_account"_s, json::object());
        QVERIFY(result.value("isError", false));
        const QString message = text(result);
        QVERIFY2(message.contains(u"account:admin"_s), qPrintable(message));
        QVERIFY2(message.contains(u"desk-read, desk-trade"_s), qPrintable(message));
        QVERIFY(m_upstream->take().isEmpty());
    }

    // A per-user candidate counts only for a caller who has a secret for it: alice's own key
    // goes for her, bob's call falls through to the next candidate, or, with none left, is a
    // tool error that says how to add his and sends nothing.
    void perUserCandidateWithoutTheCallersSecretIsSkipped_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("server");
        QTest::addColumn<QByteArray>("key"); // empty: nothing goes upstream
        QTest::newRow("alice, her own first") << u"alice"_s << u"personal"_s << kAliceTradeKey;
        QTest::newRow("bob, none of his own") << u"bob"_s << u"personal"_s << kTradeKey;
        QTest::newRow("alice, only her own") << u"alice"_s << u"mine"_s << kAliceTradeKey;
        QTest::newRow("bob, nothing left") << u"bob"_s << u"mine"_s << QByteArray();
    }
    void perUserCandidateWithoutTheCallersSecretIsSkipped()
    {
        QFETCH(QString, user);
        QFETCH(QString, server);
        QFETCH(QByteArray, key);
        McpTestSession s = session(user, server);
        QVERIFY(s.isOpen());
        const json result = s.callTool(u"place_order"_s, json::object());
        const QList<http::Headers> seen = m_upstream->take();
        if (key.isEmpty()) {
            QVERIFY(result.value("isError", false));
            QVERIFY2(text(result).contains(u"gatehouse credential import own-trade --user bob"_s),
                     qPrintable(text(result)));
            QVERIFY(seen.isEmpty());
            return;
        }
        QVERIFY2(!result.value("isError", false), qPrintable(text(result)));
        QCOMPARE(seen.size(), 1);
        QCOMPARE(seen.first().value("authorization"), "Bearer " + key);
        // Reading needs no trading scope: the server's default still goes.
        QVERIFY(!s.callTool(u"read_positions"_s, json::object()).value("isError", false));
        QCOMPARE(m_upstream->take().value(0).value("authorization"), "Bearer " + kReadKey);
    }

    // A server without identity_headers tells the upstream nothing about the caller, and still
    // takes no identity from the client.
    void serverWithoutIdentityHeadersSendsNone()
    {
        McpTestSession session(
            m_gateway->port(), "quiet",
            {Field("Authorization", "Bearer " + token(u"alice"_s, u"quiet"_s,
                                                      oauth::TokenService::commandLineClientId())
                                                    .toLatin1()),
             Field("X-Gatehouse-Client", "forged-client")});
        QVERIFY(session.isOpen());
        const json result = session.callTool(u"read_positions"_s, json::object());
        QVERIFY2(!result.value("isError", false), result.dump().c_str());
        const QList<http::Headers> seen = m_upstream->take();
        QCOMPARE(seen.size(), 1);
        QVERIFY(!seen.first().contains("x-gatehouse-user"));
        QVERIFY(!seen.first().contains("x-gatehouse-client"));
        QCOMPARE(seen.first().value("x-api-key"), kUpstreamKey);
    }

    // Without sign-in there is no one to name: nothing is sent, and a client's argument of the
    // same name still does not go through.
    void authModeNoneSendsNoIdentity()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto db = seededStore(dir.path(), m_upstream->baseUrl());
        QVERIFY(db);
        gateway::Gateway open(db.get());
        gateway::ListenOptions listen;
        listen.port = 0;
        listen.workerThreads = 1;
        listen.authMode = gateway::AuthMode::None;
        QVERIFY(open.start(listen).ok());
        McpTestSession session(open.port(), "trading", {Field("X-Gatehouse-User", "mallory")});
        QVERIFY(session.isOpen());
        const json result =
            session.callTool(u"read_positions"_s, {{"X-Gatehouse-User", "mallory"}});
        QVERIFY2(!result.value("isError", false), qPrintable(text(result)));
        const QList<http::Headers> seen = m_upstream->take();
        QCOMPARE(seen.size(), 1);
        QVERIFY(!seen.first().contains("x-gatehouse-user"));
        QVERIFY(!seen.first().contains("x-gatehouse-client"));
        QCOMPARE(seen.first().value("x-api-key"), kUpstreamKey);
    }
};

QTEST_GUILESS_MAIN(TestCredentialSelection)
#include "TestCredentialSelection.moc"
