#include "FixtureToolProvider.h"
#include "McpTestClient.h"
#include "gateway/Gateway.h"
#include "store/Database.h"
#include "store/Migrator.h"
#include "store/ServerRepository.h"

#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <future>
#include <nlohmann/json.hpp>

using namespace gatehouse;
using gateway::Gateway;

using namespace gatehouse::test;

class TestGateway : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_gateway = std::make_unique<Gateway>();
        m_gateway->setToolProviderFactory(
            [](const QString &) { return std::make_unique<mcp::test::FixtureToolProvider>(); });
        m_gateway->setServers({QStringLiteral("billing")});
        gateway::ListenOptions options;
        options.port = 0;
        options.authMode = gateway::AuthMode::None;
        options.workerThreads = 2;
        QVERIFY(m_gateway->start(options).ok());
        m_port = m_gateway->port();
    }
    void cleanup() { m_gateway.reset(); }

    void healthz()
    {
        const auto r = request(m_port, "GET", "/healthz");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()["status"], "ok");
    }

    void dnsRebinding_data()
    {
        QTest::addColumn<QByteArray>("host");
        QTest::addColumn<QByteArray>("origin");
        QTest::addColumn<int>("status");
        QTest::newRow("loopback, no origin") << QByteArray("127.0.0.1") << QByteArray() << 200;
        QTest::newRow("localhost with port") << QByteArray("localhost:8787") << QByteArray() << 200;
        QTest::newRow("foreign host") << QByteArray("evil.example") << QByteArray() << 403;
        QTest::newRow("foreign origin")
            << QByteArray("127.0.0.1") << QByteArray("http://evil.example") << 403;
        QTest::newRow("null origin") << QByteArray("127.0.0.1") << QByteArray("null") << 403;
        QTest::newRow("own origin")
            << QByteArray("127.0.0.1") << QByteArray("http://localhost:3000") << 200;
    }
    void dnsRebinding()
    {
        QFETCH(QByteArray, host);
        QFETCH(QByteArray, origin);
        QFETCH(int, status);
        auto headers = kPostHeaders;
        headers.append(Field("Host", host));
        if (!origin.isEmpty())
            headers.append(Field("Origin", origin));
        const auto r = request(m_port, "POST", "/mcp/billing", headers, kInitialize);
        QCOMPARE(r.status, status);
    }

    void unknownServerAndPath()
    {
        QCOMPARE(request(m_port, "POST", "/mcp/nope", kPostHeaders, kInitialize).status, 404);
        QCOMPARE(request(m_port, "GET", "/elsewhere").status, 404);
    }

    void sessionLifecycle()
    {
        const auto init = request(m_port, "POST", "/mcp/billing", kPostHeaders, kInitialize);
        QCOMPARE(init.status, 200);
        QVERIFY(init.header("content-type").startsWith("application/json"));
        const QByteArray session = init.header("mcp-session-id");
        QVERIFY(!session.isEmpty());
        QCOMPARE(init.json()["result"]["protocolVersion"], "2025-11-25");
        QCOMPARE(init.json()["result"]["capabilities"]["tools"]["listChanged"], true);

        auto headers = kPostHeaders;
        headers.append(Field("Mcp-Session-Id", session));
        headers.append(Field("MCP-Protocol-Version", "2025-11-25"));
        const auto initialized =
            request(m_port, "POST", "/mcp/billing", headers,
                    R"({"jsonrpc":"2.0","method":"notifications/initialized"})");
        QCOMPARE(initialized.status, 202);
        QVERIFY(initialized.body.isEmpty());

        const auto list = request(m_port, "POST", "/mcp/billing", headers,
                                  R"({"jsonrpc":"2.0","id":2,"method":"tools/list"})");
        QCOMPARE(list.status, 200);
        QVERIFY2(list.json()["result"]["tools"].size() >= 2, list.body.constData());

        const auto ping = request(m_port, "POST", "/mcp/billing", headers,
                                  R"({"jsonrpc":"2.0","id":3,"method":"ping"})");
        QCOMPARE(ping.status, 200);

        QCOMPARE(request(m_port, "DELETE", "/mcp/billing", headers).status, 200);
        QCOMPARE(request(m_port, "POST", "/mcp/billing", headers,
                         R"({"jsonrpc":"2.0","id":4,"method":"ping"})")
                     .status,
                 404);
    }

    void sessionErrors()
    {
        // No session, not initialize.
        auto r = request(m_port, "POST", "/mcp/billing", kPostHeaders,
                         R"({"jsonrpc":"2.0","id":1,"method":"tools/list"})");
        QCOMPARE(r.status, 400);
        QVERIFY(r.json()["error"]["message"].get<std::string>().find("Mcp-Session-Id") !=
                std::string::npos);
        // Forged session id.
        auto headers = kPostHeaders;
        headers.append(Field("Mcp-Session-Id", "forged-session-id"));
        QCOMPARE(request(m_port, "POST", "/mcp/billing", headers,
                         R"({"jsonrpc":"2.0","id":1,"method":"ping"})")
                     .status,
                 404);
        // Unsupported protocol version on a valid session.
        const auto init = request(m_port, "POST", "/mcp/billing", kPostHeaders, kInitialize);
        headers = kPostHeaders;
        headers.append(Field("Mcp-Session-Id", init.header("mcp-session-id")));
        headers.append(Field("MCP-Protocol-Version", "1999-01-01"));
        QCOMPARE(request(m_port, "POST", "/mcp/billing", headers,
                         R"({"jsonrpc":"2.0","id":1,"method":"ping"})")
                     .status,
                 400);
        // Malformed JSON, wrong content type, wrong method.
        QCOMPARE(request(m_port, "POST", "/mcp/billing", kPostHeaders, "{nope").status, 400);
        QCOMPARE(request(m_port, "POST", "/mcp/billing",
                         {{"Content-Type", "text/plain"}, {"Accept", "application/json"}},
                         kInitialize)
                     .status,
                 415);
        QCOMPARE(request(m_port, "PUT", "/mcp/billing", kPostHeaders, kInitialize).status, 405);
    }

    void slowCallStreamsProgressThenResult()
    {
        const auto init = request(m_port, "POST", "/mcp/billing", kPostHeaders, kInitialize);
        auto headers = kPostHeaders;
        headers.append(Field("Mcp-Session-Id", init.header("mcp-session-id")));
        request(m_port, "POST", "/mcp/billing", headers,
                R"({"jsonrpc":"2.0","method":"notifications/initialized"})");
        const auto call = request(
            m_port, "POST", "/mcp/billing", headers,
            R"({"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"slow","arguments":{"steps":3,"intervalMs":10},"_meta":{"progressToken":"p1"}}})");
        QCOMPARE(call.status, 200);
        QVERIFY(call.header("content-type").startsWith("text/event-stream"));
        const auto messages = events(call.body);
        QVERIFY2(messages.size() >= 2, call.body.constData());
        QCOMPARE(messages.first()["method"], "notifications/progress");
        QCOMPARE(messages.last()["id"], 7);
        QVERIFY(messages.last().contains("result"));
    }

    void jsonOnlyClientGetsJson()
    {
        const auto init = request(m_port, "POST", "/mcp/billing", kPostHeaders, kInitialize);
        QList<std::pair<QByteArray, QByteArray>> headers = {
            {"Content-Type", "application/json"},
            {"Accept", "application/json"},
            {"Mcp-Session-Id", init.header("mcp-session-id")}};
        const auto call = request(
            m_port, "POST", "/mcp/billing", headers,
            R"({"jsonrpc":"2.0","id":8,"method":"tools/call","params":{"name":"slow","arguments":{"steps":2,"intervalMs":10}}})");
        QCOMPARE(call.status, 200);
        QVERIFY(call.header("content-type").startsWith("application/json"));
        QCOMPARE(call.json()["id"], 8);
    }

    void getStreamCarriesListChanged()
    {
        const auto init = request(m_port, "POST", "/mcp/billing", kPostHeaders, kInitialize);
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        QVERIFY(socket.waitForConnected());
        socket.write("GET /mcp/billing HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                     "Mcp-Session-Id: " +
                     init.header("mcp-session-id") + "\r\n\r\n");
        QByteArray in;
        QTRY_VERIFY_WITH_TIMEOUT((in += socket.readAll(), in.contains("text/event-stream")), 5000);
        m_gateway->setServers({QStringLiteral("billing"), QStringLiteral("crm")});
        QTRY_VERIFY_WITH_TIMEOUT(
            (in += socket.readAll(), in.contains("notifications/tools/list_changed")), 5000);
    }

    void instancesSharingAStoreShareSessions()
    {
        QTemporaryDir dir;
        store::DatabaseOptions dbOptions;
        dbOptions.sqlitePath = dir.filePath(QStringLiteral("gatehouse.db"));
        auto db = store::Database::open(dbOptions);
        QVERIFY(db.ok());
        QVERIFY(store::Migrator(**db).migrate().ok());
        store::Server billing;
        billing.name = QStringLiteral("billing");
        QVERIFY(store::ServerRepository(**db).create(billing).ok());

        gateway::ListenOptions options;
        options.port = 0;
        options.authMode = gateway::AuthMode::None;
        Gateway a(db->get());
        Gateway b(db->get());
        QVERIFY(a.start(options).ok());
        QVERIFY(b.start(options).ok());

        // A session begun on one instance is served by the other, and ended there for both.
        const auto init = request(a.port(), "POST", "/mcp/billing", kPostHeaders, kInitialize);
        QCOMPARE(init.status, 200);
        auto headers = kPostHeaders;
        headers.append(Field("Mcp-Session-Id", init.header("mcp-session-id")));
        const QByteArray ping = R"({"jsonrpc":"2.0","id":2,"method":"ping"})";
        QCOMPARE(request(b.port(), "POST", "/mcp/billing", headers, ping).status, 200);
        QCOMPARE(request(b.port(), "DELETE", "/mcp/billing", headers).status, 200);
        QCOMPARE(request(b.port(), "POST", "/mcp/billing", headers, ping).status, 404);
        // The other instance learns of the end from the store within its refresh interval.
        QTRY_COMPARE_WITH_TIMEOUT(request(a.port(), "POST", "/mcp/billing", headers, ping).status,
                                  404, 15000);
    }

    void oauthModeAsksForAToken()
    {
        Gateway oauth;
        oauth.setServers({QStringLiteral("billing")});
        gateway::ListenOptions options;
        options.port = 0;
        QVERIFY(oauth.start(options).ok());
        const auto r = request(oauth.port(), "POST", "/mcp/billing", kPostHeaders, kInitialize);
        QCOMPARE(r.status, 401);
        const QByteArray challenge = r.header("www-authenticate");
        QVERIFY2(challenge.startsWith("Bearer resource_metadata=\"http://127.0.0.1:"),
                 challenge.constData());
        QVERIFY(challenge.contains("/.well-known/oauth-protected-resource/mcp/billing\""));
        QVERIFY(!r.json()["error_description"].get<std::string>().empty());
    }

    void authNoneOnlyOnLoopback()
    {
        gateway::ListenOptions options;
        options.address = QHostAddress(QHostAddress::AnyIPv4);
        options.port = 0;
        options.authMode = gateway::AuthMode::None;
        options.tlsCertificateFile = QStringLiteral("gatehouse.pem"); // TLS alone is not enough
        const Status s = Gateway::checkListenOptions(options);
        QVERIFY(!s.ok());
        QVERIFY(s.error().message().contains(QLatin1String("loopback")));
    }

private:
    std::unique_ptr<Gateway> m_gateway;
    quint16 m_port = 0;
};

QTEST_GUILESS_MAIN(TestGateway)
#include "TestGateway.moc"
