#include "dispatch/ResultBuilder.h"

#include <QtTest>

#include <nlohmann/json.hpp>

using gatehouse::Error;
using gatehouse::ErrorCode;
using gatehouse::dispatch::ResultBuilder;
using gatehouse::http::UpstreamResponse;
using gatehouse::openapi::Tool;
using nlohmann::json;
using namespace Qt::StringLiterals;

namespace {

UpstreamResponse response(int status, const QByteArray &contentType, const QByteArray &body,
                          gatehouse::http::UpstreamHeaders extra = {})
{
    UpstreamResponse r;
    r.status = status;
    if (!contentType.isNull())
        r.headers.append({"Content-Type", contentType});
    r.headers.append(extra);
    r.body = body;
    return r;
}

json parse(const gatehouse::mcp::ToolResult &result)
{
    return json::parse(result.json.toStdString());
}

QString text(const json &result, size_t index = 0)
{
    const json &content = result.at("content");
    if (index >= content.size() || content.at(index).at("type") != "text")
        return {};
    return QString::fromStdString(content.at(index).at("text").get<std::string>());
}

Tool plainTool()
{
    Tool tool;
    tool.name = QStringLiteral("get_invoice");
    return tool;
}

Tool shapingTool()
{
    Tool tool = plainTool();
    tool.shapeResponse = true;
    return tool;
}

} // namespace

// Plain literals, not raw ones: Qt 6.4's moc misreads a raw string holding "https://.
QByteArray linksBody()
{
    return "{\"id\":1,\"url\":\"https://api.x.test/repos/a/b\","
           "\"forks_url\":\"https://api.x.test/repos/a/b/forks\","
           "\"issues_url\":\"https://api.x.test/repos/a/b/issues{/number}\","
           "\"html_url\":\"https://x.test/a/b\",\"homepage\":\"https://a.test\","
           "\"other_url\":\"https://api.x.test/repos/a/bc\"}";
}

QByteArray linksShaped()
{
    return "{\"id\":1,\"url\":\"https://api.x.test/repos/a/b\","
           "\"html_url\":\"https://x.test/a/b\",\"homepage\":\"https://a.test\","
           "\"other_url\":\"https://api.x.test/repos/a/bc\"}";
}

QByteArray bothBody()
{
    return "{\"t\":\"https://x.test/{id}\",\"o\":{\"id\":1,\"x\":2}}";
}

class TestResultBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonObject_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::newRow("application/json") << QByteArray("application/json");
        QTest::newRow("with charset") << QByteArray("application/json; charset=utf-8");
        QTest::newRow("+json") << QByteArray("application/vnd.github+json");
        QTest::newRow("upper case") << QByteArray("Application/JSON");
        QTest::newRow("no content type") << QByteArray();
    }

    void jsonObject()
    {
        QFETCH(QByteArray, contentType);
        const QByteArray body =
            R"({"id":"in_1","amount":1250,"customer":{"id":"c1","name":"Zoë"}})";
        for (const Tool &tool : {plainTool(), shapingTool()}) {
            const json result = parse(
                ResultBuilder::fromResponse(tool, response(200, contentType, "\n" + body + "\n")));
            QCOMPARE(result.at("isError"), json(false));
            QCOMPARE(result.at("content").size(), size_t(1)); // nothing dropped: no note
            QCOMPARE(json::parse(text(result).toStdString()), json::parse(body.toStdString()));
            QCOMPARE(result.at("structuredContent"), json::parse(body.toStdString()));
        }
    }

    void bomIsDropped()
    {
        const json result = parse(ResultBuilder::fromResponse(
            plainTool(), response(200, "application/json", "\xEF\xBB\xBF{\"a\":1}")));
        QCOMPARE(result.at("structuredContent"), json({{"a", 1}}));
    }

    // MCP: structuredContent is an object; an array (or a scalar) goes in text only.
    void jsonArrayAndScalars_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("array") << QByteArray(R"([{"id":1},{"id":2}])");
        QTest::newRow("string") << QByteArray(R"("done")");
        QTest::newRow("number") << QByteArray("42");
        QTest::newRow("null") << QByteArray("null");
    }

    void jsonArrayAndScalars()
    {
        QFETCH(QByteArray, body);
        for (const Tool &tool : {plainTool(), shapingTool()}) {
            const json result =
                parse(ResultBuilder::fromResponse(tool, response(200, "application/json", body)));
            QVERIFY(!result.contains("structuredContent"));
            QCOMPARE(json::parse(text(result).toStdString()), json::parse(body.toStdString()));
            QCOMPARE(result.at("isError"), json(false));
        }
    }

    void invalidJsonIsText()
    {
        const json result = parse(ResultBuilder::fromResponse(
            plainTool(), response(200, "application/json", "{not json")));
        QVERIFY(!result.contains("structuredContent"));
        QCOMPARE(text(result), QStringLiteral("{not json"));
    }

    void responseFields_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("expected");
        QTest::addColumn<bool>("noted");
        QTest::newRow("object") << QByteArray(R"({"id":1,"status":"paid","lines":[1,2],"x":{}})")
                                << QByteArray(R"({"id":1,"status":"paid"})") << true;
        QTest::newRow("array: each element")
            << QByteArray(R"([{"id":1,"status":"a","big":"x"},{"id":2,"other":3},7])")
            << QByteArray(R"([{"id":1,"status":"a"},{"id":2},7])") << true;
        QTest::newRow("nothing to drop")
            << QByteArray(R"({"id":1})") << QByteArray(R"({"id":1})") << false;
    }

    void responseFields()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, expected);
        QFETCH(bool, noted);
        Tool tool = shapingTool(); // the owner's fields win over the heuristic
        tool.responseFields = {QStringLiteral("id"), QStringLiteral("status")};
        const json result =
            parse(ResultBuilder::fromResponse(tool, response(200, "application/json", body)));
        const json value = json::parse(expected.toStdString());
        QCOMPARE(json::parse(text(result).toStdString()), value);
        if (value.is_object())
            QCOMPARE(result.at("structuredContent"), value);
        QCOMPARE(result.at("content").size(), size_t(noted ? 2 : 1));
        if (noted)
            QCOMPARE(text(result, 1),
                     QStringLiteral("Response shaped: kept fields id, status (owner chose them)."));
    }

    void shaping_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("expected");
        QTest::addColumn<QString>("note");
        const QString nested = u"nested objects reduced to the fields that identify them"_s;
        const QString links = u"links to other API resources left out"_s;
        QTest::newRow("nested object reduced to its identity")
            << QByteArray(R"({"id":1,"owner":{"login":"x","id":2,"plan":{"name":"pro"},)"
                          R"("urls":[1],"site_admin":false,"avatar_url":"a.png"}})")
            << QByteArray(R"({"id":1,"owner":{"login":"x","id":2}})") << nested;
        QTest::newRow("no identity: the first scalars")
            << QByteArray(R"({"id":1,"stats":{"a":1,"b":{},"c":3,"d":4,"e":5,"f":6}})")
            << QByteArray(R"({"id":1,"stats":{"a":1,"c":3,"d":4,"e":5}})") << nested;
        QTest::newRow("array of objects reduced")
            << QByteArray(R"({"items":[{"id":1,"meta":{"a":1}},{"id":2,"tags":["x"]}],"n":2})")
            << QByteArray(R"({"items":[{"id":1},{"id":2}],"n":2})") << nested;
        QTest::newRow("array of scalars kept, nested arrays dropped")
            << QByteArray(R"({"tags":["a","b"],"grid":[[1,2],3]})")
            << QByteArray(R"({"tags":["a","b"],"grid":[3]})") << nested;
        QTest::newRow("top-level array: each element is a top-level object")
            << QByteArray(R"([{"id":1,"owner":{"login":"x","org":{"id":9}}},5])")
            << QByteArray(R"([{"id":1,"owner":{"login":"x"}},5])") << nested;
        QTest::newRow("links into the API") << linksBody() << linksShaped() << links;
        QTest::newRow("both") << bothBody() << QByteArray(R"({"o":{"id":1}})")
                              << nested + u"; "_s + links;
    }

    void shaping()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, expected);
        QFETCH(QString, note);
        const json result = parse(
            ResultBuilder::fromResponse(shapingTool(), response(200, "application/json", body)));
        const json value = json::parse(expected.toStdString());
        QCOMPARE(json::parse(text(result).toStdString()), value);
        QCOMPARE(result.contains("structuredContent"), value.is_object());
        QCOMPARE(text(result, 1), u"Response shaped: "_s + note +
                                      u". The owner can list the fields to keep (response_fields) "
                                      u"or turn shaping off."_s);

        // Without the heuristic the response is left whole.
        const json whole = parse(
            ResultBuilder::fromResponse(plainTool(), response(200, "application/json", body)));
        QCOMPARE(json::parse(text(whole).toStdString()), json::parse(body.toStdString()));
        QCOMPARE(whole.at("content").size(), size_t(1));
    }

    void longStringsCut()
    {
        const std::string lengthy(2500, 'a');
        const std::string accented = std::string(1999, 'b') + "éé";
        const json body = {{"description", lengthy},
                           {"name", "short"},
                           {"edge", accented},
                           {"exact", std::string(2000, 'c')}};
        const json result = parse(ResultBuilder::fromResponse(
            shapingTool(),
            response(200, "application/json", QByteArray::fromStdString(body.dump()))));
        const json value = result.at("structuredContent");
        QCOMPARE(value.at("description").get<std::string>(), std::string(2000, 'a') + "\u2026");
        QCOMPARE(value.at("name"), json("short"));
        // Characters, not bytes: the 2,000th is the first é.
        QCOMPARE(value.at("edge").get<std::string>(), std::string(1999, 'b') + "é\u2026");
        QCOMPARE(value.at("exact"), body.at("exact"));
        QVERIFY(text(result, 1).contains(u"strings cut at 2000 characters"));

        // Unshaped tools keep them.
        const json whole = parse(ResultBuilder::fromResponse(
            plainTool(),
            response(200, "application/json", QByteArray::fromStdString(body.dump()))));
        QCOMPARE(whole.at("structuredContent"), body);
    }

    void textResponses_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("text/plain")
            << QByteArray("text/plain") << QByteArray("hello") << QStringLiteral("hello");
        QTest::newRow("csv") << QByteArray("text/csv") << QByteArray("a,b\n1,2\n")
                             << QStringLiteral("a,b\n1,2\n");
        QTest::newRow("xml") << QByteArray("application/xml") << QByteArray("<a/>")
                             << QStringLiteral("<a/>");
        QTest::newRow("latin-1") << QByteArray("text/plain; charset=ISO-8859-1")
                                 << QByteArray("Z\xFCrich") << QStringLiteral("Zürich");
        QTest::newRow("utf-8 default")
            << QByteArray("text/plain") << QByteArray("Zürich") << QStringLiteral("Zürich");
        QTest::newRow("untyped text")
            << QByteArray() << QByteArray("plain words") << QStringLiteral("plain words");
    }

    void textResponses()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        const json result =
            parse(ResultBuilder::fromResponse(shapingTool(), response(200, contentType, body)));
        QCOMPARE(result.at("isError"), json(false));
        QVERIFY(!result.contains("structuredContent"));
        QCOMPARE(result.at("content").size(), size_t(1));
        QCOMPARE(text(result), expected);
    }

    void longTextCut()
    {
        QByteArray body(ResultBuilder::MaxTextBytes - 1, 'x');
        body += "ü and more after the cut";
        const json result =
            parse(ResultBuilder::fromResponse(plainTool(), response(200, "text/plain", body)));
        const QString shown = text(result);
        // Cut at a character boundary: the two-byte ü does not fit.
        QCOMPARE(shown.size(), ResultBuilder::MaxTextBytes - 1);
        QVERIFY(shown.endsWith(u'x'));
        QVERIFY(text(result, 1).contains(u"cut at 64.0 KiB"));
    }

    void images()
    {
        const QByteArray png = QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(100, '\0');
        json result =
            parse(ResultBuilder::fromResponse(plainTool(), response(200, "image/png", png)));
        const json &item = result.at("content").at(0);
        QCOMPARE(item.at("type"), json("image"));
        QCOMPARE(item.at("mimeType"), json("image/png"));
        QCOMPARE(QByteArray::fromBase64(QByteArray::fromStdString(item.at("data"))), png);

        const QByteArray huge(ResultBuilder::MaxImageBytes + 1, 'x');
        result = parse(ResultBuilder::fromResponse(plainTool(), response(200, "image/jpeg", huge)));
        QCOMPARE(result.at("content").at(0).at("type"), json("text"));
        QVERIFY(text(result).contains(u"image/jpeg"));
        QVERIFY(text(result).contains(u"too large"));
    }

    void binary_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("pdf") << QByteArray("application/pdf") << QByteArray(2048, '%')
                             << QStringLiteral("The upstream answered with application/pdf content "
                                               "of 2.0 KiB, which is not shown.");
        QTest::newRow("octet-stream with NUL")
            << QByteArray("application/octet-stream") << QByteArray("a\0b", 3)
            << QStringLiteral("The upstream answered with application/octet-stream content of 3 "
                              "bytes, which is not shown.");
        QTest::newRow("untyped binary")
            << QByteArray() << QByteArray("\xff\xfe\x00", 3)
            << QStringLiteral("The upstream answered with untyped binary content of 3 bytes, "
                              "which is not shown.");
    }

    void binary()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        const json result =
            parse(ResultBuilder::fromResponse(plainTool(), response(200, contentType, body)));
        QCOMPARE(result.at("isError"), json(false));
        QCOMPARE(text(result), expected);
    }

    void noContent()
    {
        json result = parse(ResultBuilder::fromResponse(plainTool(), response(204, {}, {})));
        QCOMPARE(result.at("isError"), json(false));
        QCOMPARE(text(result), QStringLiteral("Upstream answered 204 No Content."));
        result = parse(ResultBuilder::fromResponse(
            plainTool(), response(201, {}, {}, {{"Location", "/invoices/in_9"}})));
        QCOMPARE(text(result),
                 QStringLiteral("Upstream answered 201 Created with an empty body. Location: "
                                "/invoices/in_9"));
    }

    void errors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");

        QTest::newRow("GitHub message")
            << 404 << QByteArray("application/json")
            << QByteArray(
                   "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com\"}")
            << QStringLiteral("Upstream answered 404 Not Found: Not Found");
        QTest::newRow("Stripe error object")
            << 400 << QByteArray("application/json")
            << QByteArray("{\"error\":{\"code\":\"resource_missing\",\"message\":\"No such "
                          "customer: 'cus_1'\",\"type\":\"invalid_request_error\"}}")
            << QStringLiteral("Upstream answered 400 Bad Request: No such customer: 'cus_1'");
        QTest::newRow("problem details: detail over title")
            << 422 << QByteArray("application/problem+json")
            << QByteArray(
                   R"({"type":"about:blank","title":"Invalid","detail":"amount must be positive"})")
            << QStringLiteral(
                   "Upstream answered 422 Unprocessable Content: amount must be positive");
        QTest::newRow("OAuth error string")
            << 401 << QByteArray("application/json") << QByteArray(R"({"error":"invalid_token"})")
            << QStringLiteral("Upstream answered 401 "
                              "Unauthorized: invalid_token");
        QTest::newRow("errors array")
            << 400 << QByteArray("application/json")
            << QByteArray(R"({"errors":[{"message":"name is required"},{"message":"x"}]})")
            << QStringLiteral("Upstream answered 400 Bad Request: name is required");
        QTest::newRow("JSON without a message field")
            << 500 << QByteArray("application/json") << QByteArray(R"({"code":17})")
            << QStringLiteral("Upstream answered 500 Internal Server Error: {\"code\":17}");
        QTest::newRow("plain text")
            << 503 << QByteArray("text/plain") << QByteArray("  down for\n maintenance  ")
            << QStringLiteral("Upstream answered 503 Service Unavailable: "
                              "down for maintenance");
        QTest::newRow("html page")
            << 502 << QByteArray("text/html")
            << QByteArray("<html><head><style>p{}</style><script>x()</script></head>"
                          "<body><h1>Bad Gateway</h1><p>nginx &amp; co</p></body></html>")
            << QStringLiteral("Upstream answered 502 Bad Gateway: Bad Gateway nginx & co");
        QTest::newRow("empty body") << 403 << QByteArray() << QByteArray()
                                    << QStringLiteral("Upstream answered 403 Forbidden.");
        QTest::newRow("binary body")
            << 500 << QByteArray("application/octet-stream") << QByteArray("\0\1", 2)
            << QStringLiteral("Upstream answered 500 Internal Server "
                              "Error: application/octet-stream content "
                              "of 2 bytes");
        QTest::newRow("unknown status") << 418 << QByteArray("text/plain") << QByteArray("teapot")
                                        << QStringLiteral("Upstream answered 418 Client Error: "
                                                          "teapot");
    }

    void errors()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        const json result =
            parse(ResultBuilder::fromResponse(shapingTool(), response(status, contentType, body)));
        QCOMPARE(result.at("isError"), json(true));
        QVERIFY(!result.contains("structuredContent"));
        QCOMPARE(text(result), expected);
    }

    void errorExcerptIsCut()
    {
        const json body = {{"message", std::string(600, 'm')}};
        json result = parse(ResultBuilder::fromResponse(
            plainTool(),
            response(400, "application/json", QByteArray::fromStdString(body.dump()))));
        QCOMPARE(text(result), QStringLiteral("Upstream answered 400 Bad Request: ") +
                                   QString(500, u'm') + u'\u2026');

        result = parse(ResultBuilder::fromResponse(
            plainTool(), response(500, "text/plain", QByteArray(100000, 'e'))));
        QCOMPARE(text(result).size(), qsizetype(QStringLiteral("Upstream answered 500 Internal "
                                                               "Server Error: ")
                                                    .size() +
                                                501));
    }

    void retryAfter()
    {
        const json result = parse(ResultBuilder::fromResponse(
            plainTool(), response(429, "application/json", R"({"message":"slow down"})",
                                  {{"Retry-After", "30"}})));
        QCOMPARE(
            text(result),
            QStringLiteral("Upstream answered 429 Too Many Requests: slow down (Retry-After: 30)"));
    }

    void redirectToAnotherOrigin()
    {
        const json result = parse(ResultBuilder::fromResponse(
            plainTool(), response(302, {}, {}, {{"Location", "https://evil.example/steal"}})));
        QCOMPARE(result.at("isError"), json(true));
        QVERIFY(text(result).startsWith(u"Upstream answered 302 Found and redirected to "
                                        "https://evil.example/steal"));
    }

    void failures_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unreachable") << int(ErrorCode::Unavailable)
                                     << QStringLiteral("Could not reach billing (127.0.0.1:9000): "
                                                       "connection refused");
        QTest::newRow("io") << int(ErrorCode::Io)
                            << QStringLiteral("Could not reach billing (127.0.0.1:9000): "
                                              "connection refused");
        QTest::newRow("refused by policy") << int(ErrorCode::PermissionDenied)
                                           << QStringLiteral("The gateway refused to call billing "
                                                             "(127.0.0.1:9000): connection "
                                                             "refused");
        QTest::newRow("too large") << int(ErrorCode::Validation)
                                   << QStringLiteral("The answer from billing (127.0.0.1:9000) was "
                                                     "refused: connection refused");
        QTest::newRow("other") << int(ErrorCode::Internal)
                               << QStringLiteral("Calling billing (127.0.0.1:9000) failed: "
                                                 "connection refused");
    }

    void failures()
    {
        QFETCH(int, code);
        QFETCH(QString, expected);
        const json result = parse(ResultBuilder::fromFailure(
            plainTool(), QStringLiteral("billing (127.0.0.1:9000)"),
            Error(ErrorCode(code), QStringLiteral("connection refused"))));
        QCOMPARE(result.at("isError"), json(true));
        QCOMPARE(text(result), expected);
    }

    void resultIsValidJsonForAnyBody()
    {
        // Quotes, backslashes, escaped control characters and non-ASCII, spliced without a DOM.
        const QByteArray body = "{\"a\":\"q\\\"uo\\te\\u0001\\\\ ü 😀\",\"b\":[1,{\"c\":null}],"
                                "\"d\":{\"e\":\"\\n\"}}";
        const json expected = json::parse(body.toStdString());
        QCOMPARE(expected.at("a").get<std::string>(), std::string("q\"uo\te\x01\\ ü 😀"));
        for (const Tool &tool : {plainTool(), shapingTool()}) {
            const auto result =
                ResultBuilder::fromResponse(tool, response(200, "application/json", body));
            const json parsed = parse(result);
            QCOMPARE(json::parse(text(parsed).toStdString()), expected);
            QCOMPARE(parsed.at("structuredContent"), expected);
        }
    }
};

QTEST_GUILESS_MAIN(TestResultBuilder)
#include "TestResultBuilder.moc"
