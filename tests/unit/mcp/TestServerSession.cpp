#include "FixtureToolProvider.h"
#include "mcp/ServerSession.h"

#include <QSignalSpy>
#include <QtTest>

#include <memory>

using gatehouse::mcp::Caller;
using gatehouse::mcp::Json;
using gatehouse::mcp::LogLevel;
using gatehouse::mcp::ServerSession;
using gatehouse::mcp::test::FixtureToolProvider;
using Reply = gatehouse::mcp::ServerSession::Reply;
namespace rpcerror = gatehouse::mcp::rpcerror;

namespace {

const QString kLatest = QStringLiteral("2025-11-25");

struct Exchange
{
    std::vector<Json> related;
    std::optional<Reply> reply;
    bool answeredAtOnce = false;

    Json body() const { return Json::parse(reply->body.toStdString()); }
};

std::shared_ptr<Exchange> send(ServerSession &session, const QByteArray &body,
                               const QString &version = kLatest)
{
    auto exchange = std::make_shared<Exchange>();
    session.handle(
        body, version,
        [exchange](const QByteArray &message) {
            exchange->related.push_back(Json::parse(message.toStdString()));
        },
        [exchange](const Reply &reply) {
            QVERIFY(!exchange->reply); // exactly once
            exchange->reply = reply;
        });
    exchange->answeredAtOnce = exchange->reply.has_value();
    return exchange;
}

QByteArray request(const Json &id, const char *method, const Json &params = Json())
{
    Json message = {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}};
    if (!params.is_null())
        message["params"] = params;
    return QByteArray::fromStdString(message.dump());
}

QByteArray notification(const char *method, const Json &params = Json())
{
    Json message = {{"jsonrpc", "2.0"}, {"method", method}};
    if (!params.is_null())
        message["params"] = params;
    return QByteArray::fromStdString(message.dump());
}

Json initializeParams(const char *version = "2025-11-25")
{
    return {{"protocolVersion", version},
            {"capabilities", Json::object()},
            {"clientInfo", {{"name", "test"}, {"version", "1"}}}};
}

// Runs initialize + notifications/initialized.
void open(ServerSession &session)
{
    const auto init = send(session, request(0, "initialize", initializeParams()));
    QVERIFY(init->reply && init->reply->kind == Reply::Kind::Response);
    const auto initialized = send(session, notification("notifications/initialized"));
    QCOMPARE(initialized->reply->kind, Reply::Kind::Accepted);
    QCOMPARE(session.phase(), ServerSession::Phase::Operating);
}

int errorCode(const Exchange &exchange)
{
    const Json body = exchange.body();
    return body.contains("error") ? body["error"]["code"].get<int>() : 0;
}

QString errorMessage(const Exchange &exchange)
{
    return QString::fromStdString(exchange.body()["error"]["message"].get<std::string>());
}

} // namespace

class TestServerSession : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<FixtureToolProvider> m_provider;
    Caller m_caller{QStringLiteral("alice"),
                    QStringLiteral("client-1"),
                    {QStringLiteral("tools")},
                    QString(),
                    std::nullopt};

    std::unique_ptr<ServerSession> newSession(int pageSize = 100)
    {
        ServerSession::Options options;
        options.pageSize = pageSize;
        return std::make_unique<ServerSession>(m_provider.get(), m_caller, options);
    }

private Q_SLOTS:
    void init() { m_provider = std::make_unique<FixtureToolProvider>(); }
    void cleanup() { m_provider.reset(); }

    void lifecycleOrder()
    {
        auto session = newSession();
        QCOMPARE(session->phase(), ServerSession::Phase::New);

        const auto early = send(*session, request(1, "tools/list"));
        QVERIFY(early->answeredAtOnce);
        QCOMPARE(early->reply->kind, Reply::Kind::Response);
        QCOMPARE(errorCode(*early), rpcerror::InvalidRequest);
        QVERIFY(errorMessage(*early).contains(QLatin1String("initialize")));

        const auto ping = send(*session, request(2, "ping"));
        QCOMPARE(ping->body()["result"], Json::object());

        const auto init = send(*session, request(3, "initialize", initializeParams()));
        QVERIFY(init->answeredAtOnce);
        QCOMPARE(init->reply->httpStatus, 200);
        QCOMPARE(init->reply->initializedVersion, kLatest);
        const Json result = init->body()["result"];
        QCOMPARE(result["protocolVersion"], Json("2025-11-25"));
        QCOMPARE(result["serverInfo"]["name"], Json("gatehouse"));
        QCOMPARE(result["serverInfo"]["version"], Json(GATEHOUSE_VERSION));
        QCOMPARE(result["capabilities"]["tools"]["listChanged"], Json(true));
        QCOMPARE(result["capabilities"]["logging"], Json::object());
        QCOMPARE(init->body()["id"], Json(3));
        QCOMPARE(session->phase(), ServerSession::Phase::Initializing);
        QCOMPARE(session->protocolVersion(), kLatest);

        const auto initialized = send(*session, notification("notifications/initialized"));
        QCOMPARE(initialized->reply->kind, Reply::Kind::Accepted);
        QCOMPARE(initialized->reply->httpStatus, 202);
        QVERIFY(initialized->reply->body.isEmpty());
        QCOMPARE(session->phase(), ServerSession::Phase::Operating);

        const auto again = send(*session, request(4, "initialize", initializeParams()));
        QCOMPARE(errorCode(*again), rpcerror::InvalidRequest);
        QVERIFY(again->reply->initializedVersion.isEmpty());

        QCOMPARE(send(*session, request(5, "ping"))->body()["result"], Json::object());
    }

    void negotiation_data()
    {
        QTest::addColumn<QString>("requested");
        QTest::addColumn<QString>("answered");
        QTest::newRow("2025-06-18") << QStringLiteral("2025-06-18") << QStringLiteral("2025-06-18");
        QTest::newRow("2025-03-26") << QStringLiteral("2025-03-26") << QStringLiteral("2025-03-26");
        QTest::newRow("2024-11-05") << QStringLiteral("2024-11-05") << kLatest;
    }
    void negotiation()
    {
        QFETCH(QString, requested);
        QFETCH(QString, answered);
        auto session = newSession();
        const auto init =
            send(*session, request(1, "initialize", initializeParams(qPrintable(requested))));
        QCOMPARE(init->body()["result"]["protocolVersion"], Json(answered.toStdString()));
        QCOMPARE(init->reply->initializedVersion, answered);
        // Tool.title appears only from 2025-06-18 on.
        QCOMPARE(init->body()["result"]["serverInfo"].contains("title"),
                 answered != QLatin1String("2025-03-26"));
    }

    void initializeBadParams_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no params") << request(1, "initialize") << QStringLiteral("protocolVersion");
        QTest::newRow("version a number") << request(1, "initialize", {{"protocolVersion", 2025}})
                                          << QStringLiteral("protocolVersion");
        QTest::newRow("capabilities a list")
            << request(1, "initialize",
                       {{"protocolVersion", "2025-11-25"}, {"capabilities", Json::array()}})
            << QStringLiteral("capabilities");
        QTest::newRow("params an array")
            << request(1, "initialize", Json::array({1})) << QStringLiteral("params");
    }
    void initializeBadParams()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, mentions);
        auto session = newSession();
        const auto reply = send(*session, body);
        QCOMPARE(errorCode(*reply), rpcerror::InvalidParams);
        QVERIFY2(errorMessage(*reply).contains(mentions), qPrintable(errorMessage(*reply)));
        QCOMPARE(session->phase(), ServerSession::Phase::New);
    }

    void malformedBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("code");
        QTest::newRow("not JSON") << QByteArray("{nope") << rpcerror::ParseError;
        QTest::newRow("no jsonrpc")
            << QByteArray(R"({"id":1,"method":"ping"})") << rpcerror::InvalidRequest;
        QTest::newRow("batch under 2025-11-25")
            << QByteArray(R"([{"jsonrpc":"2.0","id":1,"method":"ping"}])")
            << rpcerror::InvalidRequest;
        QTest::newRow("depth bomb") << QByteArray(1024 * 1024, '[') << rpcerror::InvalidRequest;
    }
    void malformedBodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, code);
        auto session = newSession();
        const auto reply = send(*session, body);
        QCOMPARE(reply->reply->kind, Reply::Kind::Rejected);
        QCOMPARE(reply->reply->httpStatus, 400);
        QCOMPARE(errorCode(*reply), code);
    }

    void unknownMethod()
    {
        auto session = newSession();
        open(*session);
        const auto reply = send(*session, request("r", "resources/list"));
        QCOMPARE(errorCode(*reply), rpcerror::MethodNotFound);
        QCOMPARE(reply->body()["id"], Json("r"));
        QVERIFY(errorMessage(*reply).contains(QLatin1String("resources/list")));
        // Unknown notifications are ignored, client responses too.
        QCOMPARE(send(*session, notification("notifications/whatever"))->reply->kind,
                 Reply::Kind::Accepted);
        QCOMPARE(send(*session, R"({"jsonrpc":"2.0","id":9,"result":{}})")->reply->kind,
                 Reply::Kind::Accepted);
    }

    void pagination()
    {
        m_provider->addTool(QStringLiteral("extra"));
        auto session = newSession(2);
        open(*session);

        QStringList names;
        QStringList cursors;
        Json params = Json::object();
        for (int page = 0; page < 10; ++page) {
            const auto reply = send(*session, request(10 + page, "tools/list", params));
            const Json result = reply->body()["result"];
            QVERIFY2(result.contains("tools"), reply->reply->body.constData());
            QCOMPARE(result["tools"].size(), size_t(page < 2 ? 2 : 1));
            for (const Json &tool : result["tools"]) {
                names << QString::fromStdString(tool["name"].get<std::string>());
                QVERIFY(tool["inputSchema"].is_object());
                QCOMPARE(tool["annotations"]["readOnlyHint"], Json(true));
                QVERIFY(tool.contains("title"));
            }
            if (!result.contains("nextCursor"))
                break;
            const std::string cursor = result["nextCursor"].get<std::string>();
            cursors << QString::fromStdString(cursor);
            params = {{"cursor", cursor}};
        }
        QCOMPARE(names, QStringList({QStringLiteral("echo"), QStringLiteral("slow"),
                                     QStringLiteral("fail"), QStringLiteral("forbidden"),
                                     QStringLiteral("extra")}));
        QCOMPARE(cursors.size(), 2);

        // Stable: the same page gives the same cursor, and a cursor can be replayed.
        const auto first = send(*session, request(30, "tools/list"));
        QCOMPARE(QString::fromStdString(first->body()["result"]["nextCursor"].get<std::string>()),
                 cursors.first());
        const auto replay =
            send(*session, request(31, "tools/list", {{"cursor", cursors.first().toStdString()}}));
        QCOMPARE(replay->body()["result"]["tools"][0]["name"], Json("fail"));
    }

    void oldProtocolHidesNewFields()
    {
        auto session = newSession();
        send(*session, request(1, "initialize", initializeParams("2025-03-26")));
        send(*session, notification("notifications/initialized"), QStringLiteral("2025-03-26"));
        const auto reply = send(*session, request(2, "tools/list"), QStringLiteral("2025-03-26"));
        const Json tool = reply->body()["result"]["tools"][0];
        QVERIFY(!tool.contains("title"));
        QVERIFY(tool.contains("description"));
    }

    void badCursor_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("garbage") << QStringLiteral("garbage");
        QTest::newRow("tampered") << QStringLiteral("tampered");
        QTest::newRow("other key") << QStringLiteral("other key");
        QTest::newRow("catalog changed") << QStringLiteral("catalog changed");
        QTest::newRow("not a string") << QStringLiteral("number");
    }
    void badCursor()
    {
        QFETCH(QString, kind);
        auto session = newSession(2);
        open(*session);
        std::string cursor = send(*session, request(1, "tools/list"))
                                 ->body()["result"]["nextCursor"]
                                 .get<std::string>();
        Json value(cursor);
        if (kind == QLatin1String("garbage")) {
            value = "not-a-cursor!";
        } else if (kind == QLatin1String("tampered")) {
            cursor[3] = cursor[3] == 'A' ? 'B' : 'A';
            value = cursor;
        } else if (kind == QLatin1String("other key")) {
            auto other = newSession(2);
            open(*other);
            value = send(*other, request(1, "tools/list"))->body()["result"]["nextCursor"];
        } else if (kind == QLatin1String("catalog changed")) {
            m_provider->addTool(QStringLiteral("late"));
        } else {
            value = 2;
        }
        const auto reply = send(*session, request(2, "tools/list", {{"cursor", value}}));
        QCOMPARE(errorCode(*reply), rpcerror::InvalidParams);
        QVERIFY2(errorMessage(*reply).contains(QLatin1String("cursor")),
                 qPrintable(errorMessage(*reply)));
    }

    void callEcho()
    {
        auto session = newSession();
        open(*session);
        const auto reply =
            send(*session,
                 request(7, "tools/call", {{"name", "echo"}, {"arguments", {{"text", "hi"}}}}));
        QVERIFY(!reply->answeredAtOnce);
        QTRY_VERIFY(reply->reply.has_value());
        QCOMPARE(reply->reply->kind, Reply::Kind::Response);
        const Json body = reply->body();
        QCOMPARE(body["id"], Json(7));
        QCOMPARE(body["result"]["content"][0]["text"], Json("hi"));
        QCOMPARE(body["result"]["isError"], Json(false));
        QCOMPARE(m_provider->lastCaller.subject, QStringLiteral("alice"));
        QCOMPARE(session->callsInFlight(), 0);
    }

    void callErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("code"); // 0: a result with isError
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown tool")
            << request(1, "tools/call", {{"name", "nope"}}) << rpcerror::InvalidParams
            << QStringLiteral("Unknown tool: nope");
        QTest::newRow("no params")
            << request(1, "tools/call") << rpcerror::InvalidParams << QStringLiteral("name");
        QTest::newRow("name a number") << request(1, "tools/call", {{"name", 3}})
                                       << rpcerror::InvalidParams << QStringLiteral("params.name");
        QTest::newRow("arguments a list")
            << request(1, "tools/call", {{"name", "echo"}, {"arguments", Json::array()}})
            << rpcerror::InvalidParams << QStringLiteral("params.arguments");
        QTest::newRow("progress token a float")
            << request(1, "tools/call", {{"name", "echo"}, {"_meta", {{"progressToken", 1.5}}}})
            << rpcerror::InvalidParams << QStringLiteral("progressToken");
        QTest::newRow("upstream down") << request(1, "tools/call", {{"name", "fail"}})
                                       << rpcerror::InternalError << QStringLiteral("upstream");
        QTest::newRow("permission: a tool error")
            << request(1, "tools/call", {{"name", "forbidden"}}) << 0
            << QStringLiteral("tools:forbidden");
    }
    void callErrors()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, code);
        QFETCH(QString, mentions);
        auto session = newSession();
        open(*session);
        const auto reply = send(*session, body);
        QTRY_VERIFY(reply->reply.has_value());
        QCOMPARE(errorCode(*reply), code);
        const QString text =
            code ? errorMessage(*reply)
                 : QString::fromStdString(
                       reply->body()["result"]["content"][0]["text"].get<std::string>());
        QVERIFY2(text.contains(mentions), qPrintable(text));
        if (!code)
            QCOMPARE(reply->body()["result"]["isError"], Json(true));
    }

    void progressNotifications()
    {
        auto session = newSession();
        open(*session);
        const auto reply = send(*session, request(8, "tools/call",
                                                  {{"name", "slow"},
                                                   {"arguments", {{"steps", 3}, {"intervalMs", 5}}},
                                                   {"_meta", {{"progressToken", "p-1"}}}}));
        QTRY_VERIFY(reply->reply.has_value());
        QCOMPARE(reply->body()["result"]["content"][0]["text"], Json("counted 3 steps"));
        QCOMPARE(reply->related.size(), size_t(3));
        double last = 0;
        for (const Json &message : reply->related) {
            QCOMPARE(message["method"], Json("notifications/progress"));
            QVERIFY(!message.contains("id"));
            QCOMPARE(message["params"]["progressToken"], Json("p-1"));
            QCOMPARE(message["params"]["total"], Json(3.0));
            QVERIFY(message["params"]["progress"].get<double>() > last);
            last = message["params"]["progress"].get<double>();
        }

        // Without a token, no progress is sent.
        const auto quiet =
            send(*session,
                 request(9, "tools/call",
                         {{"name", "slow"}, {"arguments", {{"steps", 2}, {"intervalMs", 5}}}}));
        QTRY_VERIFY(quiet->reply.has_value());
        QVERIFY(quiet->related.empty());
    }

    void cancellation()
    {
        auto session = newSession();
        open(*session);
        const auto call =
            send(*session, request("c-1", "tools/call",
                                   {{"name", "slow"},
                                    {"arguments", {{"steps", 1000}, {"intervalMs", 10}}},
                                    {"_meta", {{"progressToken", 5}}}}));
        QTRY_VERIFY(!call->related.empty());
        QCOMPARE(session->callsInFlight(), 1);

        // Cancelling another id, or with a malformed notification, changes nothing.
        QCOMPARE(send(*session, notification("notifications/cancelled", {{"requestId", "other"}}))
                     ->reply->kind,
                 Reply::Kind::Accepted);
        QCOMPARE(send(*session, notification("notifications/cancelled", {{"requestId", 1.5}}))
                     ->reply->kind,
                 Reply::Kind::Accepted);
        QCOMPARE(session->callsInFlight(), 1);

        const auto cancel =
            send(*session, notification("notifications/cancelled",
                                        {{"requestId", "c-1"}, {"reason", "user gave up"}}));
        QCOMPARE(cancel->reply->kind, Reply::Kind::Accepted);
        QVERIFY(call->reply.has_value());
        QCOMPARE(call->reply->kind, Reply::Kind::NoResponse);
        QVERIFY(call->reply->body.isEmpty());
        QCOMPARE(m_provider->callsCancelled, 1);
        QCOMPARE(session->callsInFlight(), 0);
        const size_t progressSeen = call->related.size();
        QTest::qWait(50);
        QCOMPARE(call->related.size(), progressSeen);
        QCOMPARE(m_provider->callsCompleted, 0);

        // The id is free again.
        const auto reuse = send(*session, request("c-1", "tools/call", {{"name", "echo"}}));
        QTRY_VERIFY(reuse->reply.has_value());
        QCOMPARE(reuse->reply->kind, Reply::Kind::Response);
    }

    void duplicateIdInFlight()
    {
        auto session = newSession();
        open(*session);
        const auto first =
            send(*session,
                 request(1, "tools/call",
                         {{"name", "slow"}, {"arguments", {{"steps", 2}, {"intervalMs", 20}}}}));
        const auto second = send(*session, request(1, "tools/call", {{"name", "echo"}}));
        QVERIFY(second->answeredAtOnce);
        QCOMPARE(errorCode(*second), rpcerror::InvalidRequest);
        QTRY_VERIFY(first->reply.has_value());
        QCOMPARE(first->reply->kind, Reply::Kind::Response);
    }

    void closingCancelsCalls()
    {
        auto session = newSession();
        open(*session);
        const auto call =
            send(*session,
                 request(1, "tools/call",
                         {{"name", "slow"}, {"arguments", {{"steps", 100}, {"intervalMs", 10}}}}));
        session.reset();
        QVERIFY(call->reply.has_value());
        QCOMPARE(call->reply->kind, Reply::Kind::NoResponse);
        QCOMPARE(m_provider->callsCancelled, 1);
    }

    void setLevelFiltersLogs()
    {
        auto session = newSession();
        QSignalSpy spy(session.get(), &ServerSession::notification);
        session->log(LogLevel::Emergency, QStringLiteral("x"), Json("before initialize"));
        QCOMPARE(spy.count(), 0);
        open(*session);

        const auto bad = send(*session, request(1, "logging/setLevel", {{"level", "loud"}}));
        QCOMPARE(errorCode(*bad), rpcerror::InvalidParams);
        QVERIFY(errorMessage(*bad).contains(QLatin1String("params.level")));

        const auto ok = send(*session, request(2, "logging/setLevel", {{"level", "warning"}}));
        QCOMPARE(ok->body()["result"], Json::object());
        QCOMPARE(session->logLevel(), LogLevel::Warning);

        session->log(LogLevel::Info, QStringLiteral("upstream"), Json("quiet"));
        QCOMPARE(spy.count(), 0);
        session->log(LogLevel::Error, QStringLiteral("upstream"), Json({{"status", 502}}));
        QCOMPARE(spy.count(), 1);
        const Json message = Json::parse(spy.at(0).at(0).toByteArray().toStdString());
        QCOMPARE(message["method"], Json("notifications/message"));
        QCOMPARE(message["params"]["level"], Json("error"));
        QCOMPARE(message["params"]["logger"], Json("upstream"));
        QCOMPARE(message["params"]["data"]["status"], Json(502));
    }

    void listChanged()
    {
        auto session = newSession();
        QSignalSpy spy(session.get(), &ServerSession::notification);
        m_provider->addTool(QStringLiteral("before"));
        QCOMPARE(spy.count(), 0); // not initialized yet
        open(*session);
        m_provider->addTool(QStringLiteral("after"));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(Json::parse(spy.at(0).at(0).toByteArray().toStdString()),
                 Json({{"jsonrpc", "2.0"}, {"method", "notifications/tools/list_changed"}}));
    }

    void batches()
    {
        const QString v0326 = QStringLiteral("2025-03-26");
        auto session = newSession();
        send(*session, request(0, "initialize", initializeParams("2025-03-26")));

        const auto mixed =
            send(*session,
                 "[" + notification("notifications/initialized") + "," + request(1, "ping") + "," +
                     request(2, "tools/call", {{"name", "echo"}, {"arguments", {{"text", "b"}}}}) +
                     "," + request(3, "nope") + ",42]",
                 v0326);
        QTRY_VERIFY(mixed->reply.has_value());
        QCOMPARE(mixed->reply->kind, Reply::Kind::Response);
        const Json responses = mixed->body();
        QVERIFY(responses.is_array());
        QCOMPARE(responses.size(), size_t(4));
        QCOMPARE(responses[0]["id"], Json(1));
        QCOMPARE(responses[1]["result"]["content"][0]["text"], Json("b"));
        QCOMPARE(responses[2]["error"]["code"], Json(rpcerror::MethodNotFound));
        QCOMPARE(responses[3]["error"]["code"], Json(rpcerror::InvalidRequest));
        QCOMPARE(responses[3]["id"], Json());
        QCOMPARE(session->phase(), ServerSession::Phase::Operating);

        const auto notificationsOnly =
            send(*session, "[" + notification("a") + "," + notification("b") + "]", v0326);
        QCOMPARE(notificationsOnly->reply->kind, Reply::Kind::Accepted);
        QVERIFY(notificationsOnly->reply->body.isEmpty());

        const auto refused =
            send(*session, "[" + request(5, "ping") + "]", QStringLiteral("2025-06-18"));
        QCOMPARE(refused->reply->kind, Reply::Kind::Rejected);
        QCOMPARE(errorCode(*refused), rpcerror::InvalidRequest);

        auto fresh = newSession();
        const auto withInit = send(
            *fresh, "[" + request(1, "initialize", initializeParams("2025-03-26")) + "]", v0326);
        QCOMPARE(withInit->reply->kind, Reply::Kind::Rejected);
        QVERIFY(errorMessage(*withInit).contains(QLatin1String("batch")));
        QCOMPARE(fresh->phase(), ServerSession::Phase::New);
    }

    void resumedSession()
    {
        auto session = newSession();
        session->resume(QStringLiteral("2025-06-18"));
        QCOMPARE(session->phase(), ServerSession::Phase::Operating);
        const auto reply = send(*session, request(1, "tools/list"), QStringLiteral("2025-06-18"));
        QCOMPARE(reply->body()["result"]["tools"].size(), size_t(4));
    }

    void statelessWithoutInitialize()
    {
        ServerSession::Options options;
        options.requireInitialize = false;
        ServerSession session(m_provider.get(), m_caller, options);
        const auto list = send(session, request(1, "tools/list"));
        QCOMPARE(list->body()["result"]["tools"].size(), size_t(4));
        const auto call = send(
            session, request(2, "tools/call", {{"name", "echo"}, {"arguments", {{"text", "s"}}}}));
        QTRY_VERIFY(call->reply.has_value());
        QCOMPARE(call->body()["result"]["content"][0]["text"], Json("s"));
    }
};

QTEST_GUILESS_MAIN(TestServerSession)
#include "TestServerSession.moc"
