#include "dispatch/RequestBuilder.h"
#include "dispatch/UpstreamCredential.h"

#include <QtTest>

#include <nlohmann/json.hpp>

using gatehouse::ErrorCode;
using gatehouse::dispatch::IdentityHeader;
using gatehouse::dispatch::RequestBuilder;
using gatehouse::dispatch::UpstreamCredential;
using gatehouse::http::UpstreamRequest;
using gatehouse::openapi::ArgumentTarget;
using gatehouse::openapi::ParameterLocation;
using gatehouse::openapi::ParameterStyle;
using gatehouse::openapi::SpecEncoding;
using gatehouse::openapi::SpecMediaType;
using gatehouse::openapi::SpecParameter;
using gatehouse::openapi::SpecRequestBody;
using gatehouse::openapi::SpecResponse;
using gatehouse::openapi::SuppliedArgument;
using gatehouse::openapi::Tool;
using gatehouse::openapi::ToolArgument;
using nlohmann::json;

namespace {

const QString kBase = QStringLiteral("https://api.example.com");

ParameterStyle styleNamed(const QString &name)
{
    static const QHash<QString, ParameterStyle> styles{
        {QStringLiteral("form"), ParameterStyle::Form},
        {QStringLiteral("simple"), ParameterStyle::Simple},
        {QStringLiteral("matrix"), ParameterStyle::Matrix},
        {QStringLiteral("label"), ParameterStyle::Label},
        {QStringLiteral("spaceDelimited"), ParameterStyle::SpaceDelimited},
        {QStringLiteral("pipeDelimited"), ParameterStyle::PipeDelimited},
        {QStringLiteral("deepObject"), ParameterStyle::DeepObject},
    };
    return styles.value(name);
}

ArgumentTarget targetOf(ParameterLocation in)
{
    switch (in) {
    case ParameterLocation::Path:
        return ArgumentTarget::Path;
    case ParameterLocation::Header:
        return ArgumentTarget::Header;
    case ParameterLocation::Cookie:
        return ArgumentTarget::Cookie;
    case ParameterLocation::Query:
        break;
    }
    return ArgumentTarget::Query;
}

SpecParameter parameter(const QString &name, ParameterLocation in,
                        std::optional<ParameterStyle> style = std::nullopt,
                        std::optional<bool> explode = std::nullopt)
{
    SpecParameter p;
    p.name = name;
    p.in = in;
    const bool simple = in == ParameterLocation::Path || in == ParameterLocation::Header;
    p.style = style.value_or(simple ? ParameterStyle::Simple : ParameterStyle::Form);
    p.explode = explode.value_or(p.style == ParameterStyle::Form);
    p.required = in == ParameterLocation::Path;
    return p;
}

// A tool whose arguments are the operation's parameters, by their own names.
Tool toolFor(const QString &method, const QString &path, const QList<SpecParameter> &parameters)
{
    Tool tool;
    tool.name = QStringLiteral("test_tool");
    tool.operation.method = method;
    tool.operation.path = path;
    tool.operation.parameters = parameters;
    for (qsizetype i = 0; i < parameters.size(); ++i)
        tool.arguments.append(ToolArgument{parameters.at(i).name, targetOf(parameters.at(i).in),
                                           parameters.at(i).name, int(i)});
    return tool;
}

void addBody(Tool &tool, const QString &contentType, const QStringList &properties,
             const QMap<QString, SpecEncoding> &encoding = {}, bool required = false)
{
    tool.bodyContentType = contentType;
    SpecRequestBody body;
    body.required = required;
    SpecMediaType media;
    media.contentType = contentType;
    media.encoding = encoding;
    body.content.append(media);
    tool.operation.requestBody = body;
    for (const QString &p : properties)
        tool.arguments.append(ToolArgument{p, ArgumentTarget::BodyProperty, p, -1});
}

UpstreamRequest build(const Tool &tool, const json &arguments, const QString &base = kBase)
{
    auto result = RequestBuilder::build(tool, arguments, base);
    if (!result) {
        qWarning().noquote() << result.error().message();
        return {};
    }
    return std::move(result).value();
}

QByteArray header(const UpstreamRequest &r, QByteArrayView name)
{
    for (const auto &[key, value] : r.headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

int headerCount(const UpstreamRequest &r, QByteArrayView name)
{
    int n = 0;
    for (const auto &field : r.headers)
        n += field.first.compare(name, Qt::CaseInsensitive) == 0 ? 1 : 0;
    return n;
}

struct Part
{
    QByteArray headers;
    QByteArray data;
};

// Splits a multipart body (RFC 2046 §5.1.1) at the boundary named in the Content-Type.
QList<Part> parseMultipart(const QByteArray &contentType, const QByteArray &body)
{
    const qsizetype at = contentType.indexOf("boundary=");
    if (at < 0)
        return {};
    const QByteArray delimiter = "--" + contentType.mid(at + 9);
    QList<Part> parts;
    qsizetype pos = body.indexOf(delimiter);
    while (pos >= 0) {
        pos += delimiter.size();
        if (body.mid(pos, 2) == "--")
            break;
        pos += 2; // CRLF after the delimiter
        const qsizetype next = body.indexOf(QByteArray("\r\n" + delimiter), pos);
        if (next < 0)
            return {};
        const QByteArray part = body.mid(pos, next - pos);
        const qsizetype split = part.indexOf("\r\n\r\n");
        parts.append(Part{part.left(split), part.mid(split + 4)});
        pos = next + 2;
    }
    return parts;
}

} // namespace

class TestRequestBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // OAS 3.1.1 §4.8.12.4 "Style Examples": color = "blue", ["blue","black","brown"] or
    // {"R":100,"G":200,"B":150}. Objects come out in key order (B, G, R) because nlohmann::json
    // keeps members sorted; the spec's table lists R, G, B.
    void specStyleTable_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("style");
        QTest::addColumn<bool>("explode");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QByteArray>("expected"); // the path after /c, or the query

        const QByteArray empty = R"("")";
        const QByteArray string = R"("blue")";
        const QByteArray array = R"(["blue","black","brown"])";
        const QByteArray object = R"({"R":100,"G":200,"B":150})";
        struct Row
        {
            const char *in, *style;
            bool explode;
            const char *empty, *string, *array, *object;
        };
        const Row rows[] = {
            {"path", "matrix", false, ";color", ";color=blue", ";color=blue,black,brown",
             ";color=B,150,G,200,R,100"},
            {"path", "matrix", true, ";color", ";color=blue", ";color=blue;color=black;color=brown",
             ";B=150;G=200;R=100"},
            {"path", "label", false, ".", ".blue", ".blue,black,brown", ".B,150,G,200,R,100"},
            {"path", "label", true, ".", ".blue", ".blue.black.brown", ".B=150.G=200.R=100"},
            {"path", "simple", false, nullptr, "blue", "blue,black,brown", "B,150,G,200,R,100"},
            {"path", "simple", true, nullptr, "blue", "blue,black,brown", "B=150,G=200,R=100"},
            {"query", "form", false, "color=", "color=blue", "color=blue,black,brown",
             "color=B,150,G,200,R,100"},
            {"query", "form", true, "color=", "color=blue", "color=blue&color=black&color=brown",
             "B=150&G=200&R=100"},
            {"query", "spaceDelimited", false, nullptr, nullptr, "color=blue%20black%20brown",
             "color=B%20150%20G%20200%20R%20100"},
            {"query", "pipeDelimited", false, nullptr, nullptr, "color=blue%7Cblack%7Cbrown",
             "color=B%7C150%7CG%7C200%7CR%7C100"},
            {"query", "deepObject", true, nullptr, nullptr, nullptr,
             "color%5BB%5D=150&color%5BG%5D=200&color%5BR%5D=100"},
        };
        for (const Row &row : rows) {
            const std::pair<const char *, QByteArray> cells[] = {
                {"empty", empty}, {"string", string}, {"array", array}, {"object", object}};
            const char *expected[] = {row.empty, row.string, row.array, row.object};
            for (int i = 0; i < 4; ++i) {
                if (!expected[i])
                    continue; // n/a in the spec
                QTest::addRow("%s %s explode=%d %s", row.in, row.style, row.explode, cells[i].first)
                    << QString::fromLatin1(row.in) << QString::fromLatin1(row.style) << row.explode
                    << cells[i].second << QByteArray(expected[i]);
            }
        }
    }

    void specStyleTable()
    {
        QFETCH(QString, in);
        QFETCH(QString, style);
        QFETCH(bool, explode);
        QFETCH(QByteArray, value);
        QFETCH(QByteArray, expected);

        const bool isPath = in == u"path";
        const Tool tool = toolFor(
            QStringLiteral("GET"), isPath ? QStringLiteral("/c{color}") : QStringLiteral("/c"),
            {parameter(QStringLiteral("color"),
                       isPath ? ParameterLocation::Path : ParameterLocation::Query,
                       styleNamed(style), explode)});
        auto result = RequestBuilder::build(tool, {{"color", json::parse(value)}}, kBase);
        QVERIFY2(result.ok(), qPrintable(result ? QString() : result.error().message()));
        if (isPath) {
            QCOMPARE(result->url.path(QUrl::FullyEncoded).toUtf8(), "/c" + expected);
            QVERIFY(!result->url.hasQuery());
        } else {
            QCOMPARE(result->url.path(QUrl::FullyEncoded), QStringLiteral("/c"));
            QCOMPARE(result->url.query(QUrl::FullyEncoded).toUtf8(), expected);
        }
        QVERIFY(result->url.toEncoded().startsWith("https://api.example.com/c"));
    }

    // Types, encoding and the cases the spec leaves open (n/a), as the gateway sends them.
    void queryValues_data()
    {
        QTest::addColumn<QString>("style");
        QTest::addColumn<bool>("explode");
        QTest::addColumn<bool>("allowReserved");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QByteArray>("expected");

        QTest::newRow("integer") << "form" << true << false << QByteArray("5") << QByteArray("q=5");
        QTest::newRow("number") << "form" << true << false << QByteArray("1.5")
                                << QByteArray("q=1.5");
        QTest::newRow("negative") << "form" << true << false << QByteArray("-3")
                                  << QByteArray("q=-3");
        QTest::newRow("boolean") << "form" << true << false << QByteArray("true")
                                 << QByteArray("q=true");
        QTest::newRow("null is left out")
            << "form" << true << false << QByteArray("null") << QByteArray();
        QTest::newRow("empty array is left out (RFC 6570 2.3)")
            << "form" << true << false << QByteArray("[]") << QByteArray();
        QTest::newRow("empty object is left out")
            << "form" << false << false << QByteArray("{}") << QByteArray();
        QTest::newRow("reserved characters encoded")
            << "form" << true << false << QByteArray("\"a/b?c=d&e#f+g h,i\"")
            << QByteArray("q=a%2Fb%3Fc%3Dd%26e%23f%2Bg%20h%2Ci");
        QTest::newRow("utf-8") << "form" << true << false << QByteArray(R"("Zürich €")")
                               << QByteArray("q=Z%C3%BCrich%20%E2%82%AC");
        QTest::newRow("allowReserved keeps reserved")
            << "form" << true << true << QByteArray(R"("a/b?c=d:e@f,g;h")")
            << QByteArray("q=a/b?c=d:e@f,g;h");
        QTest::newRow("allowReserved still encodes & + # [ ] and space")
            << "form" << true << true << QByteArray("\"a&b+c#d[e] f\"")
            << QByteArray("q=a%26b%2Bc%23d%5Be%5D%20f");
        QTest::newRow("allowReserved keeps percent triples, encodes a lone %")
            << "form" << true << true << QByteArray(R"("a%2Fb%zz")") << QByteArray("q=a%2Fb%25zz");
        QTest::newRow("without allowReserved a % is data")
            << "form" << true << false << QByteArray(R"("a%2Fb")") << QByteArray("q=a%252Fb");
        QTest::newRow("delimiter in an item is encoded")
            << "form" << false << false << QByteArray(R"(["a,b","c"])") << QByteArray("q=a%2Cb,c");
        QTest::newRow("spaceDelimited explode is sent like form explode")
            << "spaceDelimited" << true << false << QByteArray(R"(["a","b"])")
            << QByteArray("q=a&q=b");
        QTest::newRow("pipeDelimited with one value")
            << "pipeDelimited" << false << false << QByteArray(R"("a")") << QByteArray("q=a");
        QTest::newRow("deepObject array of scalars: q[]=a (Stripe)")
            << "deepObject" << true << false << QByteArray(R"(["customer","invoice"])")
            << QByteArray("q%5B%5D=customer&q%5B%5D=invoice");
        QTest::newRow("deepObject nested object: q[a][b]=c")
            << "deepObject" << true << false << QByteArray(R"({"a":{"b":"c"},"d":1})")
            << QByteArray("q%5Ba%5D%5Bb%5D=c&q%5Bd%5D=1");
        QTest::newRow("deepObject array of objects: q[0][k]=v")
            << "deepObject" << true << false << QByteArray(R"([{"k":"v"},{"k":"w"}])")
            << QByteArray("q%5B0%5D%5Bk%5D=v&q%5B1%5D%5Bk%5D=w");
        QTest::newRow("deepObject primitive")
            << "deepObject" << true << false << QByteArray(R"("x")") << QByteArray("q=x");
        QTest::newRow("form nested object member becomes JSON")
            << "form" << true << false << QByteArray(R"({"a":{"b":1}})")
            << QByteArray("a=%7B%22b%22%3A1%7D");
    }

    void queryValues()
    {
        QFETCH(QString, style);
        QFETCH(bool, explode);
        QFETCH(bool, allowReserved);
        QFETCH(QByteArray, value);
        QFETCH(QByteArray, expected);

        SpecParameter p =
            parameter(QStringLiteral("q"), ParameterLocation::Query, styleNamed(style), explode);
        p.allowReserved = allowReserved;
        const Tool tool = toolFor(QStringLiteral("GET"), QStringLiteral("/s"), {p});
        auto result = RequestBuilder::build(tool, {{"q", json::parse(value)}}, kBase);
        QVERIFY(result.ok());
        QCOMPARE(result->url.query(QUrl::FullyEncoded).toUtf8(), expected);
        QCOMPARE(result->url.toEncoded(), "https://api.example.com/s" +
                                              (expected.isEmpty() ? QByteArray() : "?" + expected));
    }

    void contentEncodedParameters()
    {
        SpecParameter query = parameter(QStringLiteral("coordinates"), ParameterLocation::Query);
        query.contentType = QStringLiteral("application/json");
        SpecParameter filter = parameter(QStringLiteral("X-Filter"), ParameterLocation::Header);
        filter.contentType = QStringLiteral("application/json");
        SpecParameter text = parameter(QStringLiteral("note"), ParameterLocation::Query);
        text.contentType = QStringLiteral("text/plain");
        const Tool tool =
            toolFor(QStringLiteral("GET"), QStringLiteral("/map"), {query, filter, text});
        const UpstreamRequest r = build(tool, {{"coordinates", {{"lat", 1.5}, {"long", -2}}},
                                               {"X-Filter", {{"a", "b c"}}},
                                               {"note", "hi there"}});
        QCOMPARE(
            r.url.query(QUrl::FullyEncoded),
            QStringLiteral("coordinates=%7B%22lat%22%3A1.5%2C%22long%22%3A-2%7D&note=hi%20there"));
        QCOMPARE(header(r, "X-Filter"), QByteArray(R"({"a":"b c"})"));
    }

    void queryFollowsSpecOrder()
    {
        const Tool tool = toolFor(QStringLiteral("GET"), QStringLiteral("/s"),
                                  {parameter(QStringLiteral("b"), ParameterLocation::Query),
                                   parameter(QStringLiteral("a"), ParameterLocation::Query)});
        const UpstreamRequest r = build(tool, {{"a", 1}, {"b", 2}});
        QCOMPARE(r.url.query(QUrl::FullyEncoded), QStringLiteral("b=2&a=1"));
    }

    void pathValues_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QByteArray>("expectedPath"); // empty: refused

        QTest::newRow("plain") << QByteArray(R"("inv_1")") << QByteArray("/users/inv_1/orders");
        QTest::newRow("integer") << QByteArray("42") << QByteArray("/users/42/orders");
        QTest::newRow("slash is encoded")
            << QByteArray(R"("a/b")") << QByteArray("/users/a%2Fb/orders");
        QTest::newRow("traversal stays in its segment")
            << QByteArray(R"("../admin")") << QByteArray("/users/..%2Fadmin/orders");
        QTest::newRow("encoded traversal is data")
            << QByteArray(R"("%2e%2e%2fadmin")")
            << QByteArray("/users/%252e%252e%252fadmin/orders");
        QTest::newRow("query and fragment characters encoded")
            << QByteArray("\"a?b#c d\"") << QByteArray("/users/a%3Fb%23c%20d/orders");
        QTest::newRow("dots inside a segment")
            << QByteArray(R"("v1.2..3")") << QByteArray("/users/v1.2..3/orders");
        QTest::newRow("dot-dot segment refused") << QByteArray(R"("..")") << QByteArray();
        QTest::newRow("dot segment refused") << QByteArray(R"(".")") << QByteArray();
        QTest::newRow("empty refused") << QByteArray(R"("")") << QByteArray();
        QTest::newRow("null refused") << QByteArray("null") << QByteArray();
    }

    void pathValues()
    {
        QFETCH(QByteArray, value);
        QFETCH(QByteArray, expectedPath);
        const Tool tool = toolFor(QStringLiteral("GET"), QStringLiteral("/users/{id}/orders"),
                                  {parameter(QStringLiteral("id"), ParameterLocation::Path)});
        auto result = RequestBuilder::build(tool, {{"id", json::parse(value)}}, kBase);
        if (expectedPath.isEmpty()) {
            QVERIFY(!result.ok());
            QCOMPARE(result.error().code(), ErrorCode::InvalidArgument);
            return;
        }
        QVERIFY(result.ok());
        QCOMPARE(result->url.path(QUrl::FullyEncoded).toUtf8(), expectedPath);
        // What goes on the wire, after QUrl's normalisation.
        QCOMPARE(result->url.toEncoded(), "https://api.example.com" + expectedPath);
        QCOMPARE(result->url.adjusted(QUrl::NormalizePathSegments).path(QUrl::FullyEncoded),
                 result->url.path(QUrl::FullyEncoded));
    }

    void missingPathParameter()
    {
        const Tool tool = toolFor(QStringLiteral("GET"), QStringLiteral("/users/{id}"),
                                  {parameter(QStringLiteral("id"), ParameterLocation::Path)});
        auto result = RequestBuilder::build(tool, json::object(), kBase);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), ErrorCode::InvalidArgument);
        QVERIFY(result.error().message().contains(u"id"));
    }

    void baseUrlJoin_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("bare host") << "http://127.0.0.1:9000"
                                   << "/items" << QByteArray("http://127.0.0.1:9000/items");
        QTest::newRow("trailing slash") << "http://127.0.0.1:9000/"
                                        << "/items" << QByteArray("http://127.0.0.1:9000/items");
        QTest::newRow("prefix") << "https://api.example.com/v1"
                                << "/items" << QByteArray("https://api.example.com/v1/items");
        QTest::newRow("prefix with slash")
            << "https://api.example.com/v1/"
            << "/items" << QByteArray("https://api.example.com/v1/items");
        QTest::newRow("path without slash")
            << "https://api.example.com/v1/"
            << "items" << QByteArray("https://api.example.com/v1/items");
        QTest::newRow("base query kept")
            << "https://api.example.com/v1?api-version=2"
            << "/items" << QByteArray("https://api.example.com/v1/items?api-version=2&q=x");
    }

    void baseUrlJoin()
    {
        QFETCH(QString, base);
        QFETCH(QString, path);
        QFETCH(QByteArray, expected);
        Tool tool = toolFor(QStringLiteral("GET"), path, {});
        json arguments = json::object();
        if (expected.contains("q=x")) {
            tool = toolFor(QStringLiteral("GET"), path,
                           {parameter(QStringLiteral("q"), ParameterLocation::Query)});
            arguments = {{"q", "x"}};
        }
        auto result = RequestBuilder::build(tool, arguments, base);
        QVERIFY(result.ok());
        QCOMPARE(result->url.toEncoded(), expected);
    }

    void badBaseUrl_data()
    {
        QTest::addColumn<QString>("base");
        QTest::newRow("empty") << "";
        QTest::newRow("relative") << "/api";
        QTest::newRow("ftp") << "ftp://example.com";
    }

    void badBaseUrl()
    {
        QFETCH(QString, base);
        auto result = RequestBuilder::build(
            toolFor(QStringLiteral("GET"), QStringLiteral("/x"), {}), {}, base);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), ErrorCode::Validation);
    }

    void headerParameters_data()
    {
        QTest::addColumn<bool>("explode");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QByteArray>("expected"); // null: refused
        QTest::newRow("string") << false << QByteArray(R"("abc def")") << QByteArray("abc def");
        QTest::newRow("array") << false << QByteArray(R"(["blue","black","brown"])")
                               << QByteArray("blue,black,brown");
        QTest::newRow("object") << false << QByteArray(R"({"R":100,"G":200,"B":150})")
                                << QByteArray("B,150,G,200,R,100");
        QTest::newRow("object explode") << true << QByteArray(R"({"R":100,"G":200,"B":150})")
                                        << QByteArray("B=150,G=200,R=100");
        QTest::newRow("integer") << false << QByteArray("7") << QByteArray("7");
        QTest::newRow("not percent-encoded")
            << false << QByteArray(R"("a/b%20c")") << QByteArray("a/b%20c");
        QTest::newRow("CRLF injection")
            << false << QByteArray("\"x\\r\\nX-Admin: 1\"") << QByteArray();
        QTest::newRow("LF alone") << false << QByteArray("\"x\\nY: 1\"") << QByteArray();
        QTest::newRow("CR alone") << false << QByteArray("\"x\\rY\"") << QByteArray();
        QTest::newRow("NUL") << false << QByteArray("\"x\\u0000y\"") << QByteArray();
        QTest::newRow("other control") << false << QByteArray("\"x\\u001by\"") << QByteArray();
        QTest::newRow("CRLF in an array item")
            << false << QByteArray("[\"a\",\"b\\r\\nC: d\"]") << QByteArray();
    }

    void headerParameters()
    {
        QFETCH(bool, explode);
        QFETCH(QByteArray, value);
        QFETCH(QByteArray, expected);
        const Tool tool = toolFor(QStringLiteral("GET"), QStringLiteral("/h"),
                                  {parameter(QStringLiteral("X-Color"), ParameterLocation::Header,
                                             ParameterStyle::Simple, explode)});
        auto result = RequestBuilder::build(tool, {{"X-Color", json::parse(value)}}, kBase);
        if (expected.isNull()) {
            QVERIFY(!result.ok());
            QCOMPARE(result.error().code(), ErrorCode::InvalidArgument);
            QVERIFY(result.error().message().contains(u"X-Color"));
            return;
        }
        QVERIFY(result.ok());
        QCOMPARE(header(*result, "X-Color"), expected);
    }

    // OAS ignores Accept, Content-Type and Authorization header parameters; the gateway also
    // ignores the ones that frame the message, so a client cannot set them.
    void reservedHeadersIgnored_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *name :
             {"Authorization", "Accept", "Content-Type", "Host", "Content-Length",
              "Transfer-Encoding", "Connection", "Cookie", "host"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void reservedHeadersIgnored()
    {
        QFETCH(QString, name);
        const Tool tool = toolFor(QStringLiteral("GET"), QStringLiteral("/h"),
                                  {parameter(name, ParameterLocation::Header)});
        const UpstreamRequest r = build(tool, {{name.toStdString(), "evil.example"}});
        QVERIFY(r.url.isValid());
        for (const auto &[key, value] : r.headers)
            QVERIFY2(value != "evil.example", key.constData());
    }

    void cookieParameters()
    {
        const Tool tool = toolFor(QStringLiteral("GET"), QStringLiteral("/c"),
                                  {parameter(QStringLiteral("a"), ParameterLocation::Cookie),
                                   parameter(QStringLiteral("b"), ParameterLocation::Cookie),
                                   parameter(QStringLiteral("list"), ParameterLocation::Cookie,
                                             ParameterStyle::Form, false),
                                   parameter(QStringLiteral("odd"), ParameterLocation::Cookie)});
        const UpstreamRequest r = build(
            tool, {{"a", 1}, {"b", 2}, {"list", {"x", "y"}}, {"odd", "v; admin=1, \"q\" \\"}});
        QCOMPARE(headerCount(r, "Cookie"), 1);
        QCOMPARE(header(r, "Cookie"),
                 QByteArray("a=1; b=2; list=x,y; odd=v%3B%20admin=1%2C%20%22q%22%20%5C"));
    }

    void cookieExplodedArray()
    {
        const Tool tool = toolFor(QStringLiteral("GET"), QStringLiteral("/c"),
                                  {parameter(QStringLiteral("id"), ParameterLocation::Cookie)});
        const UpstreamRequest r = build(tool, {{"id", {"3", "4"}}});
        QCOMPARE(header(r, "Cookie"), QByteArray("id=3; id=4"));
    }

    void accept()
    {
        Tool tool = toolFor(QStringLiteral("GET"), QStringLiteral("/r"), {});
        QCOMPARE(header(build(tool, {}), "Accept"), QByteArray("application/json"));
        SpecResponse ok;
        ok.status = QStringLiteral("200");
        for (const char *type : {"application/json", "text/csv", "application/pdf"})
            ok.content.append(SpecMediaType{QString::fromLatin1(type), json(), {}});
        tool.operation.responses = {ok};
        QCOMPARE(header(build(tool, {}), "Accept"),
                 QByteArray("application/json, text/csv, application/pdf"));
    }

    void methodAndRedirects()
    {
        const Tool tool = toolFor(QStringLiteral("delete"), QStringLiteral("/r"), {});
        const UpstreamRequest r = build(tool, {});
        QCOMPARE(r.method, QByteArray("DELETE"));
        QVERIFY(r.followRedirects);
        const UpstreamRequest defaults;
        QCOMPARE(r.connectTimeout, defaults.connectTimeout);
        QCOMPARE(r.totalTimeout, defaults.totalTimeout);
        QVERIFY(r.body.isEmpty());
        QCOMPARE(headerCount(r, "Content-Type"), 0);
    }

    void fixedArgumentsWin()
    {
        Tool tool = toolFor(QStringLiteral("GET"), QStringLiteral("/v/{tenant}"),
                            {parameter(QStringLiteral("tenant"), ParameterLocation::Path),
                             parameter(QStringLiteral("api_version"), ParameterLocation::Query),
                             parameter(QStringLiteral("X-Mode"), ParameterLocation::Header)});
        // tenant and api_version are hidden and fixed by the owner; the client still tries.
        tool.fixed = {
            SuppliedArgument{ArgumentTarget::Path, QStringLiteral("tenant"), 0, "acme"},
            SuppliedArgument{ArgumentTarget::Query, QStringLiteral("api_version"), 1, "2024-01-01"},
            SuppliedArgument{ArgumentTarget::Header, QStringLiteral("x-mode"), 2, "safe"}};
        const UpstreamRequest r =
            build(tool, {{"tenant", "other"}, {"api_version", "1999"}, {"X-Mode", "unsafe"}});
        QCOMPARE(r.url.path(), QStringLiteral("/v/acme"));
        QCOMPARE(r.url.query(QUrl::FullyEncoded), QStringLiteral("api_version=2024-01-01"));
        QCOMPARE(headerCount(r, "X-Mode"), 1);
        QCOMPARE(header(r, "X-Mode"), QByteArray("safe"));

        // Even when the tool does not list the argument at all (the usual case: hidden).
        tool.arguments.clear();
        const UpstreamRequest hidden = build(tool, {{"tenant", "other"}, {"api_version", "1999"}});
        QCOMPARE(hidden.url.path(), QStringLiteral("/v/acme"));
        QCOMPARE(hidden.url.query(QUrl::FullyEncoded), QStringLiteral("api_version=2024-01-01"));
    }

    void defaultsFillGaps()
    {
        Tool tool = toolFor(QStringLiteral("GET"), QStringLiteral("/list"),
                            {parameter(QStringLiteral("per_page"), ParameterLocation::Query),
                             parameter(QStringLiteral("state"), ParameterLocation::Query)});
        tool.defaults = {
            SuppliedArgument{ArgumentTarget::Query, QStringLiteral("per_page"), 0, 30},
            SuppliedArgument{ArgumentTarget::Query, QStringLiteral("state"), 1, "open"}};
        QCOMPARE(build(tool, json::object()).url.query(QUrl::FullyEncoded),
                 QStringLiteral("per_page=30&state=open"));
        QCOMPARE(build(tool, {{"state", "closed"}}).url.query(QUrl::FullyEncoded),
                 QStringLiteral("per_page=30&state=closed"));
        QCOMPARE(build(tool, {{"per_page", 5}, {"state", "all"}}).url.query(QUrl::FullyEncoded),
                 QStringLiteral("per_page=5&state=all"));
    }

    void jsonBody()
    {
        Tool tool = toolFor(QStringLiteral("POST"), QStringLiteral("/invoices"), {});
        addBody(tool, QStringLiteral("application/json"),
                {QStringLiteral("amount"), QStringLiteral("customer"), QStringLiteral("lines")});
        tool.fixed = {
            SuppliedArgument{ArgumentTarget::BodyProperty, QStringLiteral("currency"), -1, "eur"}};
        tool.defaults = {
            SuppliedArgument{ArgumentTarget::BodyProperty, QStringLiteral("memo"), -1, "none"}};
        const UpstreamRequest r = build(tool, {{"amount", 12.5},
                                               {"customer", {{"id", "c1"}}},
                                               {"lines", {1, 2}},
                                               {"currency", "usd"},
                                               {"unknown", true}});
        QCOMPARE(header(r, "Content-Type"), QByteArray("application/json"));
        QCOMPARE(json::parse(r.body.toStdString()), json({{"amount", 12.5},
                                                          {"customer", {{"id", "c1"}}},
                                                          {"lines", {1, 2}},
                                                          {"currency", "eur"},
                                                          {"memo", "none"}}));
    }

    void jsonWholeBody()
    {
        Tool tool = toolFor(QStringLiteral("PUT"), QStringLiteral("/tags"), {});
        addBody(tool, QStringLiteral("application/merge-patch+json"), {});
        tool.arguments.append(
            ToolArgument{QStringLiteral("body"), ArgumentTarget::WholeBody, QString(), -1});
        const UpstreamRequest r = build(tool, {{"body", {"a", "b"}}});
        QCOMPARE(header(r, "Content-Type"), QByteArray("application/merge-patch+json"));
        QCOMPARE(r.body, QByteArray(R"(["a","b"])"));
    }

    void emptyBodies()
    {
        Tool tool = toolFor(QStringLiteral("POST"), QStringLiteral("/ping"), {});
        addBody(tool, QStringLiteral("application/json"), {QStringLiteral("note")});
        UpstreamRequest r = build(tool, json::object());
        QVERIFY(r.body.isEmpty());
        QCOMPARE(headerCount(r, "Content-Type"), 0);

        tool.operation.requestBody->required = true;
        r = build(tool, json::object());
        QCOMPARE(r.body, QByteArray("{}"));
        QCOMPARE(header(r, "Content-Type"), QByteArray("application/json"));
    }

    void formBody_data()
    {
        QTest::addColumn<QByteArray>("arguments");
        QTest::addColumn<QByteArray>("expected");

        QTest::newRow("scalars") << QByteArray(R"({"name":"Jane Doe","age":42,"vip":true})")
                                 << QByteArray("name=Jane%20Doe&age=42&vip=true");
        QTest::newRow("plus and ampersand are data")
            << QByteArray(R"({"name":"a+b&c=d"})") << QByteArray("name=a%2Bb%26c%3Dd");
        // Stripe: encoding {style: deepObject, explode: true} on every object and array.
        QTest::newRow("stripe metadata")
            << QByteArray(R"({"metadata":{"order":"6735","tier":"gold"}})")
            << QByteArray("metadata%5Border%5D=6735&metadata%5Btier%5D=gold");
        QTest::newRow("stripe expand[]")
            << QByteArray(R"({"expand":["customer","invoice"]})")
            << QByteArray("expand%5B%5D=customer&expand%5B%5D=invoice");
        QTest::newRow("stripe nested") << QByteArray(R"({"metadata":{"a":{"b":"c"}}})")
                                       << QByteArray("metadata%5Ba%5D%5Bb%5D=c");
        QTest::newRow("stripe line items")
            << QByteArray(
                   R"({"lines":[{"price":"p_1","quantity":2},{"price":"p_2","quantity":1}]})")
            << QByteArray("lines%5B0%5D%5Bprice%5D=p_1&lines%5B0%5D%5Bquantity%5D=2"
                          "&lines%5B1%5D%5Bprice%5D=p_2&lines%5B1%5D%5Bquantity%5D=1");
        QTest::newRow("stripe unset with empty string")
            << QByteArray(R"({"description":""})") << QByteArray("description=");
        // No encoding entry: objects as JSON text (the application/json default, OAS 3.1.1
        // "Support for x-www-form-urlencoded Request Bodies").
        QTest::newRow("object without encoding is JSON")
            << QByteArray(R"({"address":{"city":"Somewhere","zip":"99999+1234"}})")
            << QByteArray(
                   "address=%7B%22city%22%3A%22Somewhere%22%2C%22zip%22%3A%2299999%2B1234%22%7D");
        QTest::newRow("array without encoding repeats the name")
            << QByteArray(R"({"tags":["a","b"]})") << QByteArray("tags=a&tags=b");
        QTest::newRow("form style, explode false")
            << QByteArray(R"({"ids":[1,2,3]})") << QByteArray("ids=1,2,3");
        QTest::newRow("contentType application/json")
            << QByteArray(R"({"id":"f81d4fae"})") << QByteArray("id=%22f81d4fae%22");
        QTest::newRow("null left out")
            << QByteArray(R"({"name":null,"age":1})") << QByteArray("age=1");
    }

    void formBody()
    {
        QFETCH(QByteArray, arguments);
        QFETCH(QByteArray, expected);
        Tool tool = toolFor(QStringLiteral("POST"), QStringLiteral("/v1/customers"), {});
        const SpecEncoding deep{QString(), ParameterStyle::DeepObject, true, false};
        const SpecEncoding formNoExplode{QString(), ParameterStyle::Form, false, false};
        const SpecEncoding asJson{QStringLiteral("application/json"), std::nullopt, std::nullopt,
                                  false};
        const json args = json::parse(arguments);
        // The body goes out in the order the tool lists its properties.
        QStringList properties;
        for (const QByteArray &key :
             {QByteArray("name"), QByteArray("age"), QByteArray("vip"), QByteArray("metadata"),
              QByteArray("expand"), QByteArray("lines"), QByteArray("description"),
              QByteArray("address"), QByteArray("tags"), QByteArray("ids"), QByteArray("id")})
            properties.append(QString::fromLatin1(key));
        addBody(tool, QStringLiteral("application/x-www-form-urlencoded"), properties,
                {{QStringLiteral("metadata"), deep},
                 {QStringLiteral("expand"), deep},
                 {QStringLiteral("lines"), deep},
                 {QStringLiteral("ids"), formNoExplode},
                 {QStringLiteral("id"), asJson}});
        const UpstreamRequest r = build(tool, args);
        QCOMPARE(header(r, "Content-Type"), QByteArray("application/x-www-form-urlencoded"));
        QCOMPARE(r.body, expected);
    }

    void multipartBody()
    {
        Tool tool = toolFor(QStringLiteral("POST"), QStringLiteral("/upload"), {});
        const SpecEncoding xml{QStringLiteral("application/xml; charset=utf-8"), std::nullopt,
                               std::nullopt, false};
        addBody(tool, QStringLiteral("multipart/form-data"),
                {QStringLiteral("id"), QStringLiteral("address"), QStringLiteral("children"),
                 QStringLiteral("history"), QStringLiteral("we\"ird\r\nname")},
                {{QStringLiteral("history"), xml}});
        const UpstreamRequest r = build(tool, {{"id", "f81d4fae"},
                                               {"address", {{"city", "Somewhere"}}},
                                               {"children", {"ann", "bob"}},
                                               {"history", "<h/>"},
                                               {"we\"ird\r\nname", 5}});
        const QByteArray contentType = header(r, "Content-Type");
        QVERIFY(contentType.startsWith("multipart/form-data; boundary=gatehouse-"));
        QVERIFY(contentType.size() > 40); // 128 random bits
        const QList<Part> parts = parseMultipart(contentType, r.body);
        QCOMPARE(parts.size(), 6);
        QCOMPARE(parts[0].headers, QByteArray("Content-Disposition: form-data; name=\"id\""));
        QCOMPARE(parts[0].data, QByteArray("f81d4fae"));
        QCOMPARE(parts[1].headers, QByteArray("Content-Disposition: form-data; name=\"address\"\r\n"
                                              "Content-Type: application/json"));
        QCOMPARE(json::parse(parts[1].data.toStdString()), json({{"city", "Somewhere"}}));
        // RFC 7578 §4.3: an array is one part per item under the same name.
        QCOMPARE(parts[2].headers, QByteArray("Content-Disposition: form-data; name=\"children\""));
        QCOMPARE(parts[2].data, QByteArray("ann"));
        QCOMPARE(parts[3].headers, parts[2].headers);
        QCOMPARE(parts[3].data, QByteArray("bob"));
        QCOMPARE(parts[4].headers, QByteArray("Content-Disposition: form-data; name=\"history\"\r\n"
                                              "Content-Type: application/xml; charset=utf-8"));
        QCOMPARE(parts[4].data, QByteArray("<h/>"));
        // A name cannot break out of its quoted string or its header line.
        QCOMPARE(parts[5].headers,
                 QByteArray("Content-Disposition: form-data; name=\"we%22ird%0D%0Aname\""));
        QCOMPARE(parts[5].data, QByteArray("5"));

        // A fresh boundary per request.
        QVERIFY(header(build(tool, {{"id", "x"}}), "Content-Type") != contentType);
    }

    void multipartValueCannotForgeAPart()
    {
        Tool tool = toolFor(QStringLiteral("POST"), QStringLiteral("/upload"), {});
        addBody(tool, QStringLiteral("multipart/form-data"), {QStringLiteral("note")});
        const UpstreamRequest r =
            build(tool, {{"note", "x\r\n--gatehouse-0000\r\nContent-Disposition: form-data; "
                                  "name=\"admin\"\r\n\r\n1"}});
        const QList<Part> parts = parseMultipart(header(r, "Content-Type"), r.body);
        QCOMPARE(parts.size(), 1);
    }

    void textBody()
    {
        Tool tool = toolFor(QStringLiteral("POST"), QStringLiteral("/notes"), {});
        addBody(tool, QStringLiteral("text/plain"), {});
        tool.arguments.append(
            ToolArgument{QStringLiteral("body"), ArgumentTarget::WholeBody, QString(), -1});
        UpstreamRequest r = build(tool, {{"body", "hello\nworld"}});
        QCOMPARE(header(r, "Content-Type"), QByteArray("text/plain"));
        QCOMPARE(r.body, QByteArray("hello\nworld"));

        tool.bodyContentType = QStringLiteral("application/octet-stream");
        r = build(tool, {{"body", 42}});
        QCOMPARE(header(r, "Content-Type"), QByteArray("application/octet-stream"));
        QCOMPARE(r.body, QByteArray("42"));
    }

    void credentialInjected()
    {
        const Tool tool = toolFor(QStringLiteral("GET"), QStringLiteral("/me"), {});
        UpstreamCredential c;
        c.type = UpstreamCredential::Type::Bearer;
        c.secret = "tok_123";
        auto result = RequestBuilder::build(tool, {}, kBase, &c);
        QVERIFY(result.ok());
        QCOMPARE(header(*result, "Authorization"), QByteArray("Bearer tok_123"));
    }

    // servers[].identity_headers: the gateway says who calls, after the parameters.
    void identityHeadersSent()
    {
        const Tool tool =
            toolFor(QStringLiteral("GET"), QStringLiteral("/positions"),
                    {parameter(QStringLiteral("X-Trace"), ParameterLocation::Header)});
        const QList<IdentityHeader> identity{
            {"X-Gatehouse-User", QStringLiteral("J\u00fcrgen M\u00fcller")},
            {"X-Gatehouse-Client", QStringLiteral("https://client.example/meta.json")}};
        auto result =
            RequestBuilder::build(tool, {{"X-Trace", "t1"}}, kBase, nullptr, {}, identity);
        QVERIFY(result.ok());
        QCOMPARE(header(*result, "X-Gatehouse-User"), QByteArray("J\xc3\xbcrgen M\xc3\xbcller"));
        QCOMPARE(header(*result, "X-Gatehouse-Client"),
                 QByteArray("https://client.example/meta.json"));
        QCOMPARE(header(*result, "X-Trace"), QByteArray("t1"));
        QCOMPARE(headerCount(*result, "X-Gatehouse-User"), 1);
    }

    // A client cannot set an identity header through a header parameter of the same name, in
    // any spelling, nor can a default or fixed value; not even when the gateway sends nothing
    // under it (auth mode none: an empty value).
    void identityHeadersCannotBeSetByArguments_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("caller known") << QStringLiteral("alice");
        QTest::newRow("no caller (auth mode none)") << QString();
    }
    void identityHeadersCannotBeSetByArguments()
    {
        QFETCH(QString, value);
        Tool tool =
            toolFor(QStringLiteral("GET"), QStringLiteral("/orders"),
                    {parameter(QStringLiteral("x-gatehouse-user"), ParameterLocation::Header),
                     parameter(QStringLiteral("X-Gatehouse-Client"), ParameterLocation::Header)});
        tool.defaults = {SuppliedArgument{
            ArgumentTarget::Header, QStringLiteral("X-Gatehouse-Client"), 1, "default-client"}};
        const QList<IdentityHeader> identity{{"X-Gatehouse-User", value},
                                             {"X-GATEHOUSE-CLIENT", QString()}};
        auto result = RequestBuilder::build(tool, {{"x-gatehouse-user", "mallory"}}, kBase, nullptr,
                                            {}, identity);
        QVERIFY(result.ok());
        QCOMPARE(headerCount(*result, "X-Gatehouse-User"), value.isEmpty() ? 0 : 1);
        QCOMPARE(header(*result, "X-Gatehouse-User"), value.toUtf8());
        QCOMPARE(headerCount(*result, "X-Gatehouse-Client"), 0);

        tool.fixed = {SuppliedArgument{ArgumentTarget::Header, QStringLiteral("X-Gatehouse-User"),
                                       0, "fixed-user"}};
        result = RequestBuilder::build(tool, {}, kBase, nullptr, {}, identity);
        QVERIFY(result.ok());
        QCOMPARE(header(*result, "X-Gatehouse-User"), value.toUtf8());
    }

    // A value a header cannot carry is left out (the call still goes), never cleaned: a line
    // break would start a header of someone else's choosing.
    void identityValuesThatCannotBeSentAreLeftOut_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("CRLF") << QStringLiteral("bob\r\nX-Admin: 1");
        QTest::newRow("LF") << QStringLiteral("bob\nX-Admin: 1");
        QTest::newRow("NUL") << QString(QStringLiteral("bob") + QChar(0) + QStringLiteral("x"));
        QTest::newRow("tab") << QStringLiteral("bob\tx");
        QTest::newRow("DEL") << QStringLiteral("bob\x7f");
        QTest::newRow("C1 control") << QStringLiteral("bob\u0085x");
        QTest::newRow("leading space") << QStringLiteral(" bob");
        QTest::newRow("trailing space") << QStringLiteral("bob ");
    }
    void identityValuesThatCannotBeSentAreLeftOut()
    {
        QFETCH(QString, value);
        const Tool tool = toolFor(QStringLiteral("GET"), QStringLiteral("/me"), {});
        const QList<IdentityHeader> identity{{"X-Gatehouse-User", value},
                                             {"X-Gatehouse-Client", QStringLiteral("cli_1")}};
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("identity header X-Gatehouse-User "
                                                               "of test_tool is left out")));
        auto result = RequestBuilder::build(tool, {}, kBase, nullptr, {}, identity);
        QVERIFY(result.ok());
        QCOMPARE(headerCount(*result, "X-Gatehouse-User"), 0);
        QCOMPARE(header(*result, "X-Gatehouse-Client"), QByteArray("cli_1"));
        for (const auto &[name, headerValue] : result->headers)
            QVERIFY2(!name.contains("Admin") && !headerValue.contains("bob"), name.constData());
    }

    // Names the gateway must never set are left out even when they reach the builder (the
    // configuration check refuses them; the store may have been written otherwise).
    void reservedIdentityHeaderNamesAreNotSent()
    {
        const Tool tool = toolFor(QStringLiteral("GET"), QStringLiteral("/me"), {});
        for (const char *name : {"Authorization", "Proxy-Authorization", "Cookie", "Host",
                                 "Content-Length", "Transfer-Encoding", "X User"}) {
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is left out")));
            auto result = RequestBuilder::build(tool, {}, kBase, nullptr, {},
                                                {{QByteArray(name), QStringLiteral("alice")}});
            QVERIFY(result.ok());
            QCOMPARE(headerCount(*result, name), 0);
        }
    }

    // The credential goes where it says, last: an identity header of the same name cannot
    // displace the secret (the configuration check refuses that setup anyway).
    void credentialWinsOverAnIdentityHeader()
    {
        const Tool tool = toolFor(QStringLiteral("GET"), QStringLiteral("/me"), {});
        UpstreamCredential c;
        c.type = UpstreamCredential::Type::ApiKey;
        c.in = gatehouse::config::ParamLocation::Header;
        c.param = QStringLiteral("X-Api-Key");
        c.secret = "key_123";
        auto result = RequestBuilder::build(tool, {}, kBase, &c, {},
                                            {{"X-API-KEY", QStringLiteral("alice")}});
        QVERIFY(result.ok());
        QCOMPARE(headerCount(*result, "X-Api-Key"), 1);
        QCOMPARE(header(*result, "X-Api-Key"), QByteArray("key_123"));
    }

    void argumentsMustBeAnObject()
    {
        const Tool tool = toolFor(QStringLiteral("GET"), QStringLiteral("/me"), {});
        auto result = RequestBuilder::build(tool, json::array({1}), kBase);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestRequestBuilder)
#include "TestRequestBuilder.moc"
