#include "http/RequestParser.h"

#include <QtTest>

using gatehouse::http::Headers;
using gatehouse::http::Request;
using gatehouse::http::RequestParser;
using gatehouse::http::ServerLimits;

namespace {

// One line per parsed request, then "ERR <status>" if the parser failed. Identical summaries
// mean identical results, however the input was split.
QString summarize(const Request &r)
{
    QString s = QString::fromLatin1(r.method()) + u' ' + r.path();
    if (!r.query().isNull())
        s += u'?' + QString::fromLatin1(r.query());
    s += QStringLiteral(" v%1").arg(r.versionMinor());
    s += r.keepAlive() ? QStringLiteral(" ka") : QStringLiteral(" close");
    s += QStringLiteral(" host=") + QString::fromLatin1(r.host());
    s += QStringLiteral(" h=%1").arg(r.headers().size());
    if (!r.body().isEmpty())
        s += QStringLiteral(" body=") + QString::fromLatin1(r.body());
    if (!r.trailers().isEmpty())
        s += QStringLiteral(" trailers=%1").arg(r.trailers().size());
    return s;
}

QString run(const QList<QByteArrayView> &chunks, const ServerLimits &limits = {})
{
    RequestParser parser(limits);
    QStringList out;
    auto drain = [&]() -> bool {
        for (;;) {
            switch (parser.parse()) {
            case RequestParser::Progress::NeedMore:
                return true;
            case RequestParser::Progress::ExpectContinue:
                continue;
            case RequestParser::Progress::Request:
                out << summarize(parser.takeRequest());
                continue;
            case RequestParser::Progress::Failed:
                out << QStringLiteral("ERR %1").arg(parser.errorStatus());
                return false;
            }
        }
    };
    for (const QByteArrayView chunk : chunks) {
        parser.append(chunk);
        if (!drain())
            break;
    }
    return out.join(u'\n');
}

QByteArray get(const QByteArray &extraHeaders = {})
{
    return "GET / HTTP/1.1\r\nHost: a\r\n" + extraHeaders + "\r\n";
}

QByteArray post(const QByteArray &headers, const QByteArray &body)
{
    return "POST /x HTTP/1.1\r\nHost: a\r\n" + headers + "\r\n" + body;
}

} // namespace

class TestRequestParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("expected");
        auto row = [](const char *name, const QByteArray &input, const char *expected) {
            QTest::newRow(name) << input << QString::fromUtf8(expected);
        };

        // Good requests
        row("simple get", get(), "GET / v1 ka host=a h=1");
        row("query kept raw", "GET /mcp/srv?x=1&y=%20 HTTP/1.1\r\nHost: a\r\n\r\n",
            "GET /mcp/srv?x=1&y=%20 v1 ka host=a h=1");
        row("empty query", "GET /p? HTTP/1.1\r\nHost: a\r\n\r\n", "GET /p? v1 ka host=a h=1");
        row("percent-decoded path", "GET /a%20b/%C3%A9 HTTP/1.1\r\nHost: a\r\n\r\n",
            "GET /a b/\xC3\xA9 v1 ka host=a h=1");
        row("content-length body", post("Content-Length: 5\r\n", "hello"),
            "POST /x v1 ka host=a h=2 body=hello");
        row("content-length zero", post("Content-Length: 0\r\n", ""), "POST /x v1 ka host=a h=2");
        row("chunked body",
            post("Transfer-Encoding: chunked\r\n", "5\r\nhello\r\n6;ext=1;b=\"q\"\r\n world\r\n"
                                                   "0\r\n\r\n"),
            "POST /x v1 ka host=a h=2 body=hello world");
        row("chunked upper-case hex and leading zeros",
            post("Transfer-Encoding: Chunked\r\n", "00A\r\n0123456789\r\n000\r\n\r\n"),
            "POST /x v1 ka host=a h=2 body=0123456789");
        row("chunked with trailers",
            post("Transfer-Encoding: chunked\r\n",
                 "3\r\nabc\r\n0\r\nX-Checksum: 1\r\nX-Other: 2\r\n\r\n"),
            "POST /x v1 ka host=a h=2 body=abc trailers=2");
        row("pipelined pair", get() + "GET /two HTTP/1.1\r\nHost: b\r\n\r\n",
            "GET / v1 ka host=a h=1\nGET /two v1 ka host=b h=1");
        row("pipelined post then get", post("Content-Length: 3\r\n", "abc") + get(),
            "POST /x v1 ka host=a h=2 body=abc\nGET / v1 ka host=a h=1");
        row("http/1.0 without host", "GET / HTTP/1.0\r\n\r\n", "GET / v0 close host= h=0");
        row("http/1.0 keep-alive", "GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n",
            "GET / v0 ka host= h=1");
        row("http/1.1 connection close", get("Connection: foo, close\r\n"),
            "GET / v1 close host=a h=2");
        row("absolute-form target", "GET http://example.com:8080/p?q=1 HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /p?q=1 v1 ka host=example.com:8080 h=1");
        row("absolute-form without path", "GET HTTPS://h HTTP/1.1\r\nHost: h\r\n\r\n",
            "GET / v1 ka host=h h=1");
        row("asterisk-form", "OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n", "OPTIONS * v1 ka host=a h=1");
        row("leading empty lines", "\r\n\r\n" + get(), "GET / v1 ka host=a h=1");
        row("expect 100-continue", post("Content-Length: 2\r\nExpect: 100-continue\r\n", "ok"),
            "POST /x v1 ka host=a h=3 body=ok");
        row("ows and obs-text in value", get("X-V: \t v\xE9 \t\r\nX-Empty:\r\n"),
            "GET / v1 ka host=a h=3");
        row("extension method", "PURGE /c HTTP/1.1\r\nHost: a\r\n\r\n",
            "PURGE /c v1 ka host=a h=1");
        row("http/1.9 is 1.x", "GET / HTTP/1.9\r\nHost: a\r\n\r\n", "GET / v9 ka host=a h=1");
        row("ipv6 host", "GET / HTTP/1.1\r\nHost: [::1]:80\r\n\r\n",
            "GET / v1 ka host=[::1]:80 h=1");

        // Smuggling shapes
        row("te and cl", post("Transfer-Encoding: chunked\r\nContent-Length: 3\r\n", "0\r\n\r\n"),
            "ERR 400");
        row("cl and te", post("Content-Length: 3\r\nTransfer-Encoding: chunked\r\n", "abc"),
            "ERR 400");
        row("chunked, chunked", post("Transfer-Encoding: chunked, chunked\r\n", "0\r\n\r\n"),
            "ERR 400");
        row("chunked twice in two fields",
            post("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n"),
            "ERR 400");
        row("chunked not last", post("Transfer-Encoding: chunked, gzip\r\n", ""), "ERR 400");
        row("te without chunked", post("Transfer-Encoding: gzip\r\n", ""), "ERR 400");
        row("te empty element", post("Transfer-Encoding: ,chunked\r\n", ""), "ERR 400");
        row("te with unsupported coding", post("Transfer-Encoding: gzip, chunked\r\n", ""),
            "ERR 501");
        row("te on http/1.0", "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            "ERR 400");
        row("te with space before colon", post("Transfer-Encoding : chunked\r\n", ""), "ERR 400");
        row("obs-fold", get("X-A: one\r\n two\r\n"), "ERR 400");
        row("obs-fold tab", get("X-A: one\r\n\ttwo\r\n"), "ERR 400");
        row("leading space first header", "GET / HTTP/1.1\r\n Host: a\r\n\r\n", "ERR 400");
        row("duplicate host", get("Host: b\r\n"), "ERR 400");
        row("duplicate host same value", get("host: a\r\n"), "ERR 400");
        row("missing host", "GET / HTTP/1.1\r\n\r\n", "ERR 400");
        row("host with space", "GET / HTTP/1.1\r\nHost: a b\r\n\r\n", "ERR 400");
        row("host with slash", "GET / HTTP/1.1\r\nHost: a/b\r\n\r\n", "ERR 400");
        row("duplicate cl equal", post("Content-Length: 3\r\nContent-Length: 3\r\n", "abc"),
            "ERR 400");
        row("duplicate cl different", post("Content-Length: 3\r\nContent-Length: 4\r\n", "abcd"),
            "ERR 400");
        row("cl list", post("Content-Length: 3, 3\r\n", "abc"), "ERR 400");
        row("cl negative", post("Content-Length: -1\r\n", ""), "ERR 400");
        row("cl plus sign", post("Content-Length: +3\r\n", "abc"), "ERR 400");
        row("cl hex", post("Content-Length: 0x3\r\n", "abc"), "ERR 400");
        row("cl empty", post("Content-Length:\r\n", ""), "ERR 400");
        row("cl nineteen digits", post("Content-Length: 1000000000000000000\r\n", ""), "ERR 400");
        row("cl over limit", post("Content-Length: 1048577\r\n", ""), "ERR 413");
        row("bare lf everywhere", "GET / HTTP/1.1\nHost: a\n\n", "ERR 400");
        row("bare lf in headers", "GET / HTTP/1.1\r\nHost: a\n\r\n", "ERR 400");
        row("bare lf ending headers", "GET / HTTP/1.1\r\nHost: a\r\n\n", "ERR 400");
        row("bare cr in value", get("X-A: a\rb\r\n"), "ERR 400");
        row("nul in value", get(QByteArray("X-A: a\0b\r\n", 10)), "ERR 400");
        row("space before colon", "GET / HTTP/1.1\r\nHost : a\r\n\r\n", "ERR 400");
        row("tab before colon", "GET / HTTP/1.1\r\nHost\t: a\r\n\r\n", "ERR 400");
        row("no colon", get("X-A a\r\n"), "ERR 400");
        row("empty name", get(": a\r\n"), "ERR 400");
        row("bad char in name", get("X(A): a\r\n"), "ERR 400");
        row("bad char in method", "GE(T / HTTP/1.1\r\nHost: a\r\n\r\n", "ERR 400");
        row("lower-case version", "GET / http/1.1\r\nHost: a\r\n\r\n", "ERR 400");
        row("trailing text after version", "GET / HTTP/1.1x\r\nHost: a\r\n\r\n", "ERR 400");
        row("http/2", "GET / HTTP/2.0\r\nHost: a\r\n\r\n", "ERR 505");
        row("two spaces", "GET  / HTTP/1.1\r\nHost: a\r\n\r\n", "ERR 400");
        row("missing version", "GET /\r\nHost: a\r\n\r\n", "ERR 400");
        row("control char in target", "GET /a\x01z HTTP/1.1\r\nHost: a\r\n\r\n", "ERR 400");
        row("del in target", "GET /a\x7Fz HTTP/1.1\r\nHost: a\r\n\r\n", "ERR 400");
        row("tab in target", "GET /a\tz HTTP/1.1\r\nHost: a\r\n\r\n", "ERR 400");
        row("raw non-ascii in target", "GET /\xC3\xA9 HTTP/1.1\r\nHost: a\r\n\r\n", "ERR 400");
        row("fragment in target", "GET /a#b HTTP/1.1\r\nHost: a\r\n\r\n", "ERR 400");
        row("encoded slash", "GET /mcp%2Fother HTTP/1.1\r\nHost: a\r\n\r\n", "ERR 400");
        row("encoded nul", "GET /a%00 HTTP/1.1\r\nHost: a\r\n\r\n", "ERR 400");
        row("bad percent escape", "GET /a%zz HTTP/1.1\r\nHost: a\r\n\r\n", "ERR 400");
        row("truncated percent escape", "GET /a%2 HTTP/1.1\r\nHost: a\r\n\r\n", "ERR 400");
        row("invalid utf-8", "GET /%FF HTTP/1.1\r\nHost: a\r\n\r\n", "ERR 400");
        row("dot-dot segment", "GET /a/../b HTTP/1.1\r\nHost: a\r\n\r\n", "ERR 400");
        row("encoded dot-dot", "GET /%2e%2E/b HTTP/1.1\r\nHost: a\r\n\r\n", "ERR 400");
        row("double-encoded dot-dot stays", "GET /%252E%252E/b HTTP/1.1\r\nHost: a\r\n\r\n",
            "GET /%2E%2E/b v1 ka host=a h=1");
        row("relative target", "GET a/b HTTP/1.1\r\nHost: a\r\n\r\n", "ERR 400");
        row("asterisk with get", "GET * HTTP/1.1\r\nHost: a\r\n\r\n", "ERR 400");
        row("absolute-form userinfo", "GET http://u@h/ HTTP/1.1\r\nHost: h\r\n\r\n", "ERR 400");
        row("absolute-form other scheme", "GET ftp://h/ HTTP/1.1\r\nHost: h\r\n\r\n", "ERR 400");
        row("connect", "CONNECT h:443 HTTP/1.1\r\nHost: h:443\r\n\r\n", "ERR 501");
        row("expect other", get("Expect: 200-ok\r\n"), "ERR 417");
        row("too many empty lines", "\r\n\r\n\r\n\r\n\r\n" + get(), "ERR 400");

        // Chunk sizes
        auto chunked = [](const QByteArray &body) {
            return post("Transfer-Encoding: chunked\r\n", body);
        };
        row("chunk size not hex", chunked("zz\r\nabc\r\n0\r\n\r\n"), "ERR 400");
        row("chunk size empty", chunked("\r\nabc\r\n0\r\n\r\n"), "ERR 400");
        row("chunk size negative", chunked("-1\r\nabc\r\n0\r\n\r\n"), "ERR 400");
        row("chunk size leading space", chunked(" 3\r\nabc\r\n0\r\n\r\n"), "ERR 400");
        row("chunk size 0x prefix", chunked("0x3\r\nabc\r\n0\r\n\r\n"), "ERR 400");
        row("chunk size overflow", chunked("fffffffffffffffffff\r\nabc\r\n0\r\n\r\n"), "ERR 400");
        row("chunk size over limit", chunked("100001\r\nabc\r\n"), "ERR 413");
        row("chunk size with garbage", chunked("3 x\r\nabc\r\n0\r\n\r\n"), "ERR 400");
        row("chunk data too long", chunked("3\r\nabcd\r\n0\r\n\r\n"), "ERR 400");
        row("chunk data bare lf", chunked("3\r\nabc\n0\r\n\r\n"), "ERR 400");
        row("chunk size bare lf", chunked("3\nabc\r\n0\r\n\r\n"), "ERR 400");
        row("trailer obs-fold", chunked("0\r\nX-A: a\r\n b\r\n\r\n"), "ERR 400");

        // Pipelining with a bad second request: the first still comes out.
        row("good then bad", get() + "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
            "GET / v1 ka host=a h=1\nERR 400");
        row("good then garbage", get() + "\x16\x03\x01\x02\x05\r\n\r\n",
            "GET / v1 ka host=a h=1\nERR 400");

        // Size limits (defaults)
        row("request line too long",
            "GET /" + QByteArray(9000, 'a') + " HTTP/1.1\r\nHost: a\r\n\r\n", "ERR 414");
        row("request line at limit",
            "GET /" + QByteArray(8192 - 14, 'a') + " HTTP/1.1\r\nHost: a\r\n\r\n",
            qPrintable(QStringLiteral("GET /%1 v1 ka host=a h=1").arg(QString(8192 - 14, u'a'))));
        row("request line one over limit",
            "GET /" + QByteArray(8192 - 13, 'a') + " HTTP/1.1\r\nHost: a\r\n\r\n", "ERR 414");
        row("header line too long", get("X-A: " + QByteArray(9000, 'v') + "\r\n"), "ERR 431");
        row("header block too large",
            get("X-A: " + QByteArray(7000, 'v') + "\r\nX-B: " + QByteArray(7000, 'v') +
                "\r\nX-C: " + QByteArray(7000, 'v') + "\r\n"),
            "ERR 431");
        QByteArray hundred;
        for (int i = 0; i < 99; ++i)
            hundred += "X-" + QByteArray::number(i) + ": v\r\n";
        row("one hundred headers", get(hundred), "GET / v1 ka host=a h=100");
        row("too many headers", get(hundred + "X-Last: v\r\n"), "ERR 431");
        QByteArray bigChunks;
        for (int i = 0; i < 17; ++i)
            bigChunks += "10000\r\n" + QByteArray(0x10000, 'b') + "\r\n";
        row("chunked body over limit", chunked(bigChunks + "0\r\n\r\n"), "ERR 413");
        QByteArray trailerFlood;
        for (int i = 0; i < 101; ++i)
            trailerFlood += "T-" + QByteArray::number(i) + ": v\r\n";
        row("too many trailers", chunked("0\r\n" + trailerFlood + "\r\n"), "ERR 431");
    }

    void parse()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, expected);

        const QString whole = run({input});
        QCOMPARE(whole, expected);

        // Split into two chunks at every boundary (at a stride for the large inputs).
        const qsizetype stride = input.size() > 4096 ? input.size() / 257 + 1 : 1;
        for (qsizetype i = 1; i < input.size(); i += stride) {
            const QByteArrayView view(input);
            const QString split = run({view.first(i), view.sliced(i)});
            if (split != whole)
                QFAIL(qPrintable(QStringLiteral("split at %1 gave:\n%2").arg(i).arg(split)));
        }

        // One byte at a time.
        QList<QByteArrayView> bytes;
        bytes.reserve(input.size());
        for (qsizetype i = 0; i < input.size(); ++i)
            bytes.append(QByteArrayView(input).sliced(i, 1));
        QCOMPARE(run(bytes), whole);
    }

    void headerLookupIsCaseInsensitive()
    {
        RequestParser parser;
        parser.append(
            QByteArrayView("GET / HTTP/1.1\r\nHOST: a\r\nx-Thing: 1\r\nX-THING: 2\r\n\r\n"));
        QCOMPARE(parser.parse(), RequestParser::Progress::Request);
        const Request r = parser.takeRequest();
        QCOMPARE(r.header("host"), QByteArray("a"));
        QCOMPARE(r.headers().values("X-Thing"), (QList<QByteArray>{"1", "2"}));
        QCOMPARE(r.headers().combined("x-thing"), QByteArray("1, 2"));
        QCOMPARE(r.headers().fields().at(1).first, QByteArray("x-Thing")); // spelling kept
        QVERIFY(r.header("X-Missing").isNull());
        QCOMPARE(r.target(), QByteArray("/"));
    }

    void headerNamesKeepTheirSpelling()
    {
        // Common names come from static storage; the spelling that arrived is what is kept.
        RequestParser parser;
        parser.append(QByteArrayView("POST / HTTP/1.1\r\nHost: a\r\nCONTENT-TYPE: t\r\n"
                                     "Content-Length: 1\r\nmcp-session-id: s\r\n\r\nx"));
        QCOMPARE(parser.parse(), RequestParser::Progress::Request);
        const Request r = parser.takeRequest();
        QList<QByteArray> names;
        for (const auto &field : r.headers().fields())
            names.append(field.first);
        QCOMPARE(names,
                 (QList<QByteArray>{"Host", "CONTENT-TYPE", "Content-Length", "mcp-session-id"}));
        QCOMPARE(r.header("content-type"), QByteArray("t"));
        QCOMPARE(Headers::name("Content-Type"), QByteArray("Content-Type"));
        QCOMPARE(Headers::name("content-TYPE"), QByteArray("content-TYPE"));
        QCOMPARE(Headers::name("X-Rare"), QByteArray("X-Rare"));
        QCOMPARE(Headers::name(""), QByteArray(""));
    }

    void perRouteBodyLimit_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<int>("length");
        QTest::addColumn<QString>("expected");
        QTest::newRow("oauth within") << QByteArray("/oauth/token") << 16 << "ok";
        QTest::newRow("oauth over") << QByteArray("/oauth/token") << 17 << "ERR 413";
        QTest::newRow("oauth chunked over") << QByteArray("/oauth/register") << -17 << "ERR 413";
        QTest::newRow("longer prefix wins") << QByteArray("/oauth/big/x") << 100 << "ok";
        QTest::newRow("mcp default") << QByteArray("/mcp/s") << 1000 << "ok";
        QTest::newRow("mcp over default") << QByteArray("/mcp/s") << 1001 << "ERR 413";
    }
    void perRouteBodyLimit()
    {
        QFETCH(QByteArray, path);
        QFETCH(int, length);
        QFETCH(QString, expected);
        ServerLimits limits;
        limits.maxBody = 1000;
        limits.bodyLimits = {{QStringLiteral("/oauth/"), 16}, {QStringLiteral("/oauth/big/"), 200}};
        QCOMPARE(limits.bodyLimitFor(u"/oauth/token"), 16);
        QCOMPARE(limits.bodyLimitFor(u"/oauth/big/1"), 200);
        QCOMPARE(limits.bodyLimitFor(u"/"), 1000);

        const QByteArray body(qAbs(length), 'x');
        QByteArray input = "POST " + path + " HTTP/1.1\r\nHost: a\r\n";
        if (length >= 0)
            input += "Content-Length: " + QByteArray::number(length) + "\r\n\r\n" + body;
        else
            input += "Transfer-Encoding: chunked\r\n\r\n" + QByteArray::number(-length, 16) +
                     "\r\n" + body + "\r\n0\r\n\r\n";
        QString result = run({input}, limits);
        if (!result.startsWith(QLatin1String("ERR")))
            result = QStringLiteral("ok");
        QCOMPARE(result, expected);
    }

    void expectContinueIsReported()
    {
        RequestParser parser;
        parser.append(QByteArrayView(
            "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n"));
        QCOMPARE(parser.parse(), RequestParser::Progress::ExpectContinue);
        QCOMPARE(parser.phase(), RequestParser::Phase::Body);
        QCOMPARE(parser.parse(), RequestParser::Progress::NeedMore);
        parser.append(QByteArrayView("abc"));
        QCOMPARE(parser.parse(), RequestParser::Progress::Request);
        QCOMPARE(parser.takeRequest().body(), QByteArray("abc"));
        QCOMPARE(parser.phase(), RequestParser::Phase::Idle);
    }

    void expectContinueOverLimitFailsEarly()
    {
        RequestParser parser;
        parser.append(QByteArrayView("POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999\r\n"
                                     "Expect: 100-continue\r\n\r\n"));
        QCOMPARE(parser.parse(), RequestParser::Progress::Failed);
        QCOMPARE(parser.errorStatus(), 413);
        QVERIFY(!parser.errorMessage().isEmpty());
    }

    void phases()
    {
        RequestParser parser;
        QCOMPARE(parser.phase(), RequestParser::Phase::Idle);
        parser.append(QByteArrayView("GE"));
        QCOMPARE(parser.parse(), RequestParser::Progress::NeedMore);
        QCOMPARE(parser.phase(), RequestParser::Phase::Headers);
        parser.append(QByteArrayView("T / HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nx"));
        QCOMPARE(parser.parse(), RequestParser::Progress::NeedMore);
        QCOMPARE(parser.phase(), RequestParser::Phase::Body);
        parser.append(QByteArrayView("y"));
        QCOMPARE(parser.parse(), RequestParser::Progress::Request);
        parser.takeRequest();
        QCOMPARE(parser.phase(), RequestParser::Phase::Idle);
    }

    // Feeding a large header block byte by byte must stay linear: the LF search resumes where
    // it stopped instead of rescanning the buffer.
    void byteAtATimeIsLinear()
    {
        QByteArray input = "GET / HTTP/1.1\r\nHost: a\r\nX-Long: " + QByteArray(8000, 'v') + "\r\n";
        for (int i = 0; i < 80; ++i)
            input += "X-" + QByteArray::number(i) + ": " + QByteArray(90, 'w') + "\r\n";
        input += "\r\n";
        QVERIFY(input.size() < 16 * 1024);
        QElapsedTimer timer;
        timer.start();
        for (int round = 0; round < 20; ++round) {
            RequestParser parser;
            for (qsizetype i = 0; i < input.size(); ++i) {
                parser.append(QByteArrayView(input).sliced(i, 1));
                const auto progress = parser.parse();
                QVERIFY(progress != RequestParser::Progress::Failed);
                if (progress == RequestParser::Progress::Request)
                    QCOMPARE(parser.takeRequest().headers().size(), 82);
            }
        }
        // ~330k single-byte appends; quadratic rescanning would take tens of seconds.
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestRequestParser)
#include "TestRequestParser.moc"
