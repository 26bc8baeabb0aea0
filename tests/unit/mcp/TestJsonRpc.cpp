#include "mcp/JsonRpc.h"

#include <QElapsedTimer>
#include <QtTest>

using gatehouse::mcp::Json;
using gatehouse::mcp::JsonRpc;
using gatehouse::mcp::JsonRpcError;
using gatehouse::mcp::JsonRpcMessage;
namespace rpcerror = gatehouse::mcp::rpcerror;

namespace {
constexpr int kNoError = 0;
constexpr int kRequest = int(JsonRpcMessage::Kind::Request);
constexpr int kNotification = int(JsonRpcMessage::Kind::Notification);
constexpr int kResponse = int(JsonRpcMessage::Kind::Response);
constexpr int kError = int(JsonRpcMessage::Kind::Error);
constexpr int kNone = -1;

// The JSON-RPC code decode() answers with: its whole-body error, or the single item's error.
int codeOf(const gatehouse::Result<gatehouse::mcp::JsonRpcBody> &decoded)
{
    if (!decoded.ok())
        return JsonRpc::errorCodeFor(decoded.error());
    const auto &item = decoded->items.front();
    return item.error ? item.error->code : kNoError;
}
} // namespace

class TestJsonRpc : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decodeSingle_data();
    void decodeSingle();
    void invalidMessageKeepsReadableId();
    void batches_data();
    void batches();
    void depthBombIsRefusedQuickly();
    void depthLimit_data();
    void depthLimit();
    void depthAtTheLimit();
    void sizeLimit();
    void serialisers();
    void appendStringEscapesAsDumpDoes_data();
    void appendStringEscapesAsDumpDoes();
};

void TestJsonRpc::decodeSingle_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("kind"); // kNone when an error is expected
    QTest::addColumn<int>("code");

    auto row = [](const char *name, const char *body, int kind, int code) {
        QTest::newRow(name) << QByteArray(body) << kind << code;
    };
    row("request, integer id", R"({"jsonrpc":"2.0","id":1,"method":"ping"})", kRequest, kNoError);
    row("request, string id", R"({"jsonrpc":"2.0","id":"a-1","method":"tools/list","params":{}})",
        kRequest, kNoError);
    row("request, negative id", R"({"jsonrpc":"2.0","id":-7,"method":"ping"})", kRequest, kNoError);
    row("notification", R"({"jsonrpc":"2.0","method":"notifications/initialized"})", kNotification,
        kNoError);
    row("result response", R"({"jsonrpc":"2.0","id":3,"result":{}})", kResponse, kNoError);
    row("error response", R"({"jsonrpc":"2.0","id":3,"error":{"code":-1,"message":"x"}})", kError,
        kNoError);
    row("error response, null id",
        R"({"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"x"}})", kError, kNoError);
    row("params as array (JSON-RPC allows)",
        R"({"jsonrpc":"2.0","id":1,"method":"m","params":[1]})", kRequest, kNoError);

    row("no jsonrpc", R"({"id":1,"method":"ping"})", kNone, rpcerror::InvalidRequest);
    row("jsonrpc 1.0", R"({"jsonrpc":"1.0","id":1,"method":"ping"})", kNone,
        rpcerror::InvalidRequest);
    row("jsonrpc as number", R"({"jsonrpc":2.0,"id":1,"method":"ping"})", kNone,
        rpcerror::InvalidRequest);
    row("null id on a request (MCP)", R"({"jsonrpc":"2.0","id":null,"method":"ping"})", kNone,
        rpcerror::InvalidRequest);
    row("fractional id", R"({"jsonrpc":"2.0","id":1.5,"method":"ping"})", kNone,
        rpcerror::InvalidRequest);
    row("boolean id", R"({"jsonrpc":"2.0","id":true,"method":"ping"})", kNone,
        rpcerror::InvalidRequest);
    row("object id", R"({"jsonrpc":"2.0","id":{},"method":"ping"})", kNone,
        rpcerror::InvalidRequest);
    row("method not a string", R"({"jsonrpc":"2.0","id":1,"method":7})", kNone,
        rpcerror::InvalidRequest);
    row("params a string", R"({"jsonrpc":"2.0","id":1,"method":"m","params":"x"})", kNone,
        rpcerror::InvalidRequest);
    row("result and error",
        R"({"jsonrpc":"2.0","id":1,"result":{},"error":{"code":1,"message":"m"}})", kNone,
        rpcerror::InvalidRequest);
    row("neither method nor result", R"({"jsonrpc":"2.0","id":1})", kNone,
        rpcerror::InvalidRequest);
    row("result without id", R"({"jsonrpc":"2.0","result":{}})", kNone, rpcerror::InvalidRequest);
    row("error without code", R"({"jsonrpc":"2.0","id":1,"error":{"message":"m"}})", kNone,
        rpcerror::InvalidRequest);
    row("error code not integer", R"({"jsonrpc":"2.0","id":1,"error":{"code":"1","message":"m"}})",
        kNone, rpcerror::InvalidRequest);
    row("a number", "42", kNone, rpcerror::InvalidRequest);
    row("a string", R"("ping")", kNone, rpcerror::InvalidRequest);

    row("truncated", R"({"jsonrpc":"2.0","id":1,)", kNone, rpcerror::ParseError);
    row("empty body", "", kNone, rpcerror::ParseError);
    row("trailing garbage", R"({"jsonrpc":"2.0","id":1,"method":"ping"} x)", kNone,
        rpcerror::ParseError);
    row("invalid UTF-8", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"\xff\xfe\"}", kNone,
        rpcerror::ParseError);
    row("single quotes", "{'jsonrpc':'2.0'}", kNone, rpcerror::ParseError);
    row("batch where none is allowed", R"([{"jsonrpc":"2.0","id":1,"method":"ping"}])", kNone,
        rpcerror::InvalidRequest);
}

void TestJsonRpc::decodeSingle()
{
    QFETCH(QByteArray, body);
    QFETCH(int, kind);
    QFETCH(int, code);
    const auto decoded = JsonRpc::decode(body);
    QCOMPARE(codeOf(decoded), code);
    if (kind != kNone) {
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->items.size(), size_t(1));
        QVERIFY(!decoded->batch);
        QCOMPARE(int(decoded->items.front().message.kind), kind);
    }
    if (!decoded.ok())
        QVERIFY(!decoded.error().message().isEmpty());
}

void TestJsonRpc::invalidMessageKeepsReadableId()
{
    const auto decoded = JsonRpc::decode(R"({"jsonrpc":"2.0","id":"k","method":3})");
    QVERIFY(decoded.ok());
    QCOMPARE(decoded->items.front().message.id, Json("k"));
    QVERIFY(decoded->items.front().error);
}

void TestJsonRpc::batches_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("allowBatch");
    QTest::addColumn<int>("code");  // whole-body error, or kNoError
    QTest::addColumn<int>("items"); // when accepted
    QTest::addColumn<int>("invalidItems");

    QTest::newRow("2025-03-26 batch") << QByteArray(R"([{"jsonrpc":"2.0","id":1,"method":"ping"},
        {"jsonrpc":"2.0","method":"notifications/initialized"}])")
                                      << true << kNoError << 2 << 0;
    QTest::newRow("batch of garbage elements")
        << QByteArray("[1,2,3]") << true << kNoError << 3 << 3;
    QTest::newRow("empty batch") << QByteArray("[]") << true << rpcerror::InvalidRequest << 0 << 0;
    QTest::newRow("refused from 2025-06-18")
        << QByteArray(R"([{"jsonrpc":"2.0","id":1,"method":"ping"}])") << false
        << rpcerror::InvalidRequest << 0 << 0;
    QByteArray big("[");
    for (int i = 0; i < 65; ++i)
        big += QByteArray(i ? "," : "") + R"({"jsonrpc":"2.0","method":"n"})";
    big += ']';
    QTest::newRow("too many elements") << big << true << rpcerror::InvalidRequest << 0 << 0;
    QTest::newRow("nested batch element")
        << QByteArray(R"([[{"jsonrpc":"2.0","id":1,"method":"ping"}]])") << true << kNoError << 1
        << 1;
}

void TestJsonRpc::batches()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, allowBatch);
    QFETCH(int, code);
    QFETCH(int, items);
    QFETCH(int, invalidItems);
    JsonRpc::DecodeOptions options;
    options.allowBatch = allowBatch;
    const auto decoded = JsonRpc::decode(body, options);
    if (code != kNoError) {
        QVERIFY(!decoded.ok());
        QCOMPARE(JsonRpc::errorCodeFor(decoded.error()), code);
        return;
    }
    QVERIFY(decoded.ok());
    QVERIFY(decoded->batch);
    QCOMPARE(int(decoded->items.size()), items);
    const auto invalid = std::count_if(decoded->items.begin(), decoded->items.end(),
                                       [](const auto &item) { return item.error.has_value(); });
    QCOMPARE(int(invalid), invalidItems);
}

void TestJsonRpc::depthBombIsRefusedQuickly()
{
    const QByteArray bomb(1024 * 1024, '[');
    QElapsedTimer timer;
    timer.start();
    const auto decoded = JsonRpc::decode(bomb);
    QVERIFY(!decoded.ok());
    QCOMPARE(JsonRpc::errorCodeFor(decoded.error()), rpcerror::InvalidRequest);
    QVERIFY(timer.elapsed() < 2000);

    // Also inside a batch, where batches are allowed.
    JsonRpc::DecodeOptions options;
    options.allowBatch = true;
    QVERIFY(!JsonRpc::decode(bomb, options).ok());
    // And a balanced one validates without recursion.
    const QByteArray balanced = QByteArray(512 * 1024, '[') + QByteArray(512 * 1024, ']');
    QVERIFY(JsonRpc::isValidJson(balanced));
    QVERIFY(!JsonRpc::isValidJson(bomb));
}

void TestJsonRpc::depthLimit_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("depth");
    QTest::newRow("flat") << QByteArray("{}") << 1;
    QTest::newRow("brackets inside strings do not count") << QByteArray(R"({"a":"[[[[{{{{"})") << 1;
    QTest::newRow("escaped quote keeps the string open") << QByteArray(R"({"a":"\"[[["})") << 1;
    QTest::newRow("nested") << QByteArray(R"({"a":[{"b":[1]}]})") << 4;
}

void TestJsonRpc::depthLimit()
{
    QFETCH(QByteArray, body);
    QFETCH(int, depth);
    QCOMPARE(JsonRpc::nestingDepth(body, 64), depth);
}

void TestJsonRpc::depthAtTheLimit()
{
    JsonRpc::DecodeOptions options;
    options.limits.maxDepth = 4;
    const QByteArray ok = R"({"jsonrpc":"2.0","id":1,"method":"m","params":{"a":{"b":{}}}})";
    const QByteArray deep =
        R"({"jsonrpc":"2.0","id":1,"method":"m","params":{"a":{"b":{"c":{}}}}})";
    QVERIFY(JsonRpc::decode(ok, options).ok());
    QVERIFY(!JsonRpc::decode(deep, options).ok());
}

void TestJsonRpc::sizeLimit()
{
    JsonRpc::DecodeOptions options;
    options.limits.maxBytes = 64;
    const QByteArray body = R"({"jsonrpc":"2.0","id":1,"method":"m","params":{"pad":")" +
                            QByteArray(64, 'x') + R"("}})";
    const auto decoded = JsonRpc::decode(body, options);
    QVERIFY(!decoded.ok());
    QCOMPARE(JsonRpc::errorCodeFor(decoded.error()), rpcerror::InvalidRequest);
}

void TestJsonRpc::serialisers()
{
    QCOMPARE(JsonRpc::result(Json(1), Json::object()),
             QByteArray(R"({"jsonrpc":"2.0","id":1,"result":{}})"));
    // The raw fragment is spliced byte for byte, whitespace and key order included.
    const QByteArray raw = R"({ "z":1, "content":[{"type":"text","text":"hi"}] })";
    QCOMPARE(JsonRpc::rawResult(Json("a"), raw),
             QByteArray(R"({"jsonrpc":"2.0","id":"a","result":)") + raw + '}');
    QCOMPARE(JsonRpc::error(Json(), rpcerror::ParseError, QStringLiteral("Parse error")),
             QByteArray(
                 R"({"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}})"));
    const QByteArray withData =
        JsonRpc::error(Json(2), JsonRpcError{rpcerror::InvalidParams, QStringLiteral("bad \"x\""),
                                             Json({{"param", "x"}})});
    const Json parsed = Json::parse(withData.toStdString());
    QCOMPARE(parsed["error"]["code"].get<int>(), rpcerror::InvalidParams);
    QCOMPARE(parsed["error"]["message"].get<std::string>(), std::string("bad \"x\""));
    QCOMPARE(parsed["error"]["data"]["param"].get<std::string>(), std::string("x"));
    QCOMPARE(JsonRpc::notification("notifications/tools/list_changed"),
             QByteArray(R"({"jsonrpc":"2.0","method":"notifications/tools/list_changed"})"));
    QCOMPARE(JsonRpc::notification("n", Json({{"a", 1}})),
             QByteArray(R"({"jsonrpc":"2.0","method":"n","params":{"a":1}})"));
    QCOMPARE(JsonRpc::batch({}), QByteArray());
    QCOMPARE(JsonRpc::batch({"1", "2"}), QByteArray("[1,2]"));
    // Invalid UTF-8 never throws out of a serialiser.
    QVERIFY(!JsonRpc::dump(Json(std::string("\xff"))).isEmpty());
    // Every serialised message decodes again as what it is.
    QCOMPARE(JsonRpc::decode(JsonRpc::rawResult(Json(5), raw))->items.front().message.kind,
             JsonRpcMessage::Kind::Response);
}

QTEST_GUILESS_MAIN(TestJsonRpc)
void TestJsonRpc::appendStringEscapesAsDumpDoes_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("plain") << QByteArray("hello");
    QTest::newRow("upstream JSON") << QByteArray(R"({"id":7,"name":"Widget \"A\"","tags":[]})");
    QTest::newRow("quotes and backslashes") << QByteArray(R"(a"b\c"\)");
    QTest::newRow("control characters") << QByteArray("\n\r\t\b\f\x01\x1f end", 11);
    QTest::newRow("NUL inside") << QByteArray("a\0b", 3);
    QTest::newRow("non-ASCII") << QByteArray("Grüße, 東京, 🙂");
    QTest::newRow("DEL and slash kept") << QByteArray("\x7f/");
    QTest::newRow("invalid UTF-8") << QByteArray("ok \xff\xfe then \xc3");
    QTest::newRow("overlong encoding") << QByteArray("\xc0\xaf");
}

void TestJsonRpc::appendStringEscapesAsDumpDoes()
{
    QFETCH(QByteArray, text);
    QByteArray out = "prefix:";
    JsonRpc::appendString(out, text);
    QVERIFY(out.startsWith("prefix:\""));
    const QByteArray appended = out.sliced(7);
    QVERIFY2(JsonRpc::isValidJson(appended), appended.constData());
    // The same string as the DOM serialiser gives (bytes may differ only in the escape
    // spelling of control characters, so compare the decoded values).
    const Json expected = Json::parse(JsonRpc::dump(Json(text.toStdString())).toStdString());
    QCOMPARE(Json::parse(appended.toStdString()), expected);
    if (text.isValidUtf8())
        QCOMPARE(QByteArray::fromStdString(expected.get<std::string>()), text);
}

#include "TestJsonRpc.moc"
