#include "http/ResponseParser.h"

#include <QtTest>

using gatehouse::http::ResponseParser;
using gatehouse::http::UpstreamHeaders;

namespace {

QString failureName(ResponseParser::Failure failure)
{
    switch (failure) {
    case ResponseParser::Failure::None:
        return QStringLiteral("None");
    case ResponseParser::Failure::Malformed:
        return QStringLiteral("Malformed");
    case ResponseParser::Failure::HeadersTooLarge:
        return QStringLiteral("HeadersTooLarge");
    case ResponseParser::Failure::BodyTooLarge:
        return QStringLiteral("BodyTooLarge");
    case ResponseParser::Failure::Truncated:
        return QStringLiteral("Truncated");
    }
    return QStringLiteral("?");
}

// "<status> ka|close [Name: value|...] body=<body>" for a complete response, "ERR <failure>"
// otherwise. Identical summaries mean identical results, however the input was split.
QString summarize(ResponseParser &parser)
{
    QStringList headers;
    for (const auto &[name, value] : parser.takeHeaders())
        headers << QString::fromLatin1(name + ": " + value);
    return QStringLiteral("%1 %2 [%3] body=%4")
        .arg(parser.status())
        .arg(parser.keepAlive() ? QStringLiteral("ka") : QStringLiteral("close"))
        .arg(headers.join(u'|'))
        .arg(QString::fromLatin1(parser.takeBody()));
}

struct Setup
{
    bool head = false;
    ResponseParser::Limits limits;
};

// Feeds the pieces, then reports the end of the stream if the response is still open.
QString run(const QList<QByteArrayView> &pieces, const Setup &setup)
{
    ResponseParser parser;
    parser.begin(setup.head, setup.limits);
    auto progress = ResponseParser::Progress::NeedMore;
    qsizetype leftover = 0;
    for (const QByteArrayView piece : pieces) {
        if (progress != ResponseParser::Progress::NeedMore) {
            leftover += piece.size();
            continue;
        }
        qsizetype consumed = -1;
        progress = parser.feed(piece, &consumed);
        if (progress == ResponseParser::Progress::NeedMore && consumed != piece.size())
            return QStringLiteral("NeedMore consumed %1 of %2").arg(consumed).arg(piece.size());
        if (progress == ResponseParser::Progress::Complete)
            leftover += piece.size() - consumed;
    }
    if (progress == ResponseParser::Progress::NeedMore)
        progress = parser.finishAtEof();

    // Once finished, the parser stays finished and takes nothing more.
    qsizetype consumed = -1;
    if (parser.feed("HTTP/1.1 200 OK\r\n\r\n", &consumed) != progress || consumed != 0)
        return QStringLiteral("feed after the end was not refused");

    if (progress == ResponseParser::Progress::Failed) {
        if (parser.errorMessage().isEmpty())
            return QStringLiteral("no error message");
        QString s = QStringLiteral("ERR ") + failureName(parser.failure());
        if (!parser.started())
            s += QStringLiteral(" unstarted");
        return s;
    }
    if (parser.failure() != ResponseParser::Failure::None || !parser.started())
        return QStringLiteral("complete but failure or not started");
    QString s = summarize(parser);
    if (leftover != 0)
        s += QStringLiteral(" leftover=%1").arg(leftover);
    return s;
}

QByteArray ok(const QByteArray &headers, const QByteArray &body = {})
{
    return "HTTP/1.1 200 OK\r\n" + headers + "\r\n" + body;
}

QByteArray chunked(const QByteArray &body)
{
    return ok("Transfer-Encoding: chunked\r\n", body);
}

} // namespace

class TestResponseParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<bool>("head");
        QTest::addColumn<qint64>("maxHeaderBytes");
        QTest::addColumn<qint64>("maxBodyBytes");
        QTest::addColumn<QString>("expected");
        auto row = [](const char *name, const QByteArray &input, const char *expected,
                      qint64 maxHeaderBytes = 64 * 1024, qint64 maxBodyBytes = 8 * 1024 * 1024) {
            QTest::newRow(name) << input << false << maxHeaderBytes << maxBodyBytes
                                << QString::fromUtf8(expected);
        };
        auto headRow = [](const char *name, const QByteArray &input, const char *expected) {
            QTest::newRow(name) << input << true << qint64(64 * 1024) << qint64(8 * 1024 * 1024)
                                << QString::fromUtf8(expected);
        };

        // Framing
        row("content-length body", ok("Content-Length: 5\r\nX-A: b\r\n", "hello"),
            "200 ka [Content-Length: 5|X-A: b] body=hello");
        row("content-length zero", ok("Content-Length: 0\r\n"), "200 ka [Content-Length: 0] body=");
        row("chunked with extensions and trailers",
            chunked("5;a=1;b=\"x y\"\r\nhello\r\n6 ; ext\r\n world\r\n0;last\r\nX-Sum: 1\r\n"
                    "X-More: 2\r\n\r\n"),
            "200 ka [Transfer-Encoding: chunked] body=hello world");
        row("chunked split sizes",
            chunked("1\r\na\r\n2\r\nbc\r\n00A\r\n0123456789\r\nF\r\n"
                    "0123456789abcde\r\n000\r\n\r\n"),
            "200 ka [Transfer-Encoding: chunked] body=abc01234567890123456789abcde");
        row("chunked upper-case coding, last of a list",
            ok("Transfer-Encoding: gzip\r\nTransfer-Encoding: CHUNKED\r\n", "2\r\nab\r\n0\r\n\r\n"),
            "200 ka [Transfer-Encoding: gzip|Transfer-Encoding: CHUNKED] body=ab");
        row("chunked trailer obs-fold", chunked("1\r\na\r\n0\r\nX-T: a\r\n b\r\n\r\n"),
            "200 ka [Transfer-Encoding: chunked] body=a");
        row("100 continue then 200",
            "HTTP/1.1 100 Continue\r\n\r\n" + ok("Content-Length: 2\r\n", "ok"),
            "200 ka [Content-Length: 2] body=ok");
        row("103 early hints then 200",
            "HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n"
            "HTTP/1.1 102 Processing\r\n\r\n" +
                ok("Content-Length: 1\r\n", "x"),
            "200 ka [Content-Length: 1] body=x");
        row("204 with content-length", "HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n",
            "204 ka [Content-Length: 5] body=");
        row("304 with content-length", "HTTP/1.1 304 Not Modified\r\nContent-Length: 5\r\n\r\n",
            "304 ka [Content-Length: 5] body=");
        headRow("head with content-length", ok("Content-Length: 5\r\n"),
                "200 ka [Content-Length: 5] body=");
        headRow("head with chunked", chunked(""), "200 ka [Transfer-Encoding: chunked] body=");
        row("until close", ok("X-A: b\r\n", "all of it"), "200 close [X-A: b] body=all of it");
        row("until close empty", ok(""), "200 close [] body=");
        row("te and cl: te wins",
            ok("Content-Length: 100\r\nTransfer-Encoding: chunked\r\n", "2\r\nab\r\n0\r\n\r\n"),
            "200 close [Content-Length: 100|Transfer-Encoding: chunked] body=ab");
        row("te not ending in chunked reads until close",
            ok("Transfer-Encoding: chunked, gzip\r\n", "2\r\nab"),
            "200 close [Transfer-Encoding: chunked, gzip] body=2\r\nab");
        row("te and invalid cl: te wins",
            ok("Content-Length: x\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n"),
            "200 close [Content-Length: x|Transfer-Encoding: chunked] body=");
        row("duplicate content-length identical",
            ok("Content-Length: 3\r\nContent-Length: 3\r\n", "abc"),
            "200 ka [Content-Length: 3|Content-Length: 3] body=abc");
        row("content-length list identical", ok("Content-Length: 1, 1\r\n", "a"),
            "200 ka [Content-Length: 1, 1] body=a");

        // Connection
        row("http/1.0 without keep-alive", "HTTP/1.0 200 OK\r\nContent-Length: 1\r\n\r\na",
            "200 close [Content-Length: 1] body=a");
        row("http/1.0 with keep-alive",
            "HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 1\r\n\r\na",
            "200 ka [Connection: Keep-Alive|Content-Length: 1] body=a");
        row("http/1.0 with chunked",
            "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\n"
            "Transfer-Encoding: chunked\r\n\r\n1\r\na\r\n0\r\n\r\n",
            "200 close [Connection: keep-alive|Transfer-Encoding: chunked] body=a");
        row("connection close", ok("Connection: close\r\nContent-Length: 1\r\n", "a"),
            "200 close [Connection: close|Content-Length: 1] body=a");
        row("connection close in a list",
            ok("Connection: x\r\nconnection: Upgrade , CLOSE\r\nContent-Length: 1\r\n", "a"),
            "200 close [Connection: x|connection: Upgrade , CLOSE|Content-Length: 1] body=a");
        row("connection closed is not close", ok("Connection: closed\r\nContent-Length: 0\r\n"),
            "200 ka [Connection: closed|Content-Length: 0] body=");
        row("http/1.1 keep-alive with close",
            ok("Connection: keep-alive, close\r\n"
               "Content-Length: 0\r\n"),
            "200 close [Connection: keep-alive, close|Content-Length: 0] body=");

        // Lines and fields
        row("status without reason", "HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n",
            "200 ka [Content-Length: 0] body=");
        row("status with empty reason", "HTTP/1.1 404 \r\nContent-Length: 0\r\n\r\n",
            "404 ka [Content-Length: 0] body=");
        row("reason with spaces and obs-text",
            "HTTP/1.1 503 Service \xC3\xA9 Unavailable\r\nContent-Length: 0\r\n\r\n",
            "503 ka [Content-Length: 0] body=");
        row("http/1.9 treated as 1.1", "HTTP/1.9 200 OK\r\nContent-Length: 0\r\n\r\n",
            "200 ka [Content-Length: 0] body=");
        row("bare lf lines", "HTTP/1.1 200 OK\nContent-Length: 2\nX-A: b\r\n\nok",
            "200 ka [Content-Length: 2|X-A: b] body=ok");
        row("bare lf in chunked", chunked("").replace("\r\n\r\n", "\n\n") + "2\nab\n0\n\n",
            "200 ka [Transfer-Encoding: chunked] body=ab");
        row("obs-fold joined", ok("X-A: one \r\n  two\r\n\tthree \r\nContent-Length: 0\r\n"),
            "200 ka [X-A: one two three|Content-Length: 0] body=");
        row("obs-fold onto empty value", ok("X-A:\r\n two\r\nContent-Length: 0\r\n"),
            "200 ka [X-A: two|Content-Length: 0] body=");
        row("ows trimmed, empty value, names as sent",
            ok("x-a:\t v \t\r\nX-EMPTY:\r\ncontent-length:0\r\n"),
            "200 ka [x-a: v|X-EMPTY: |content-length: 0] body=");

        // Malformed
        row("101 switching protocols", "HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\n\r\n",
            "ERR Malformed");
        row("content-length differing", ok("Content-Length: 3\r\nContent-Length: 4\r\n", "abcd"),
            "ERR Malformed");
        row("content-length list differing", ok("Content-Length: 1, 2\r\n", "ab"), "ERR Malformed");
        row("content-length negative", ok("Content-Length: -1\r\n"), "ERR Malformed");
        row("content-length plus", ok("Content-Length: +1\r\n", "a"), "ERR Malformed");
        row("content-length non-digit", ok("Content-Length: 1a\r\n", "a"), "ERR Malformed");
        row("content-length empty", ok("Content-Length:\r\n"), "ERR Malformed");
        row("content-length empty list element", ok("Content-Length: 1,,1\r\n", "a"),
            "ERR Malformed");
        row("content-length huge", ok("Content-Length: 99999999999999999999999\r\n"),
            "ERR Malformed");
        row("content-length nineteen digits", ok("Content-Length: 1000000000000000000\r\n"),
            "ERR Malformed");
        row("empty input line", "\r\nHTTP/1.1 200 OK\r\n\r\n", "ERR Malformed");
        row("garbage", "<html>hello</html>\r\n", "ERR Malformed");
        row("http/2.0", "HTTP/2.0 200 OK\r\n\r\n", "ERR Malformed");
        row("http/2", "HTTP/2 200 OK\r\n\r\n", "ERR Malformed");
        row("http/0.9", "HTTP/0.9 200 OK\r\n\r\n", "ERR Malformed");
        row("lower-case http", "http/1.1 200 OK\r\n\r\n", "ERR Malformed");
        row("two-digit status", "HTTP/1.1 20 OK\r\n\r\n", "ERR Malformed");
        row("four-digit status", "HTTP/1.1 2000 OK\r\n\r\n", "ERR Malformed");
        row("status 600", "HTTP/1.1 600 OK\r\n\r\n", "ERR Malformed");
        row("status 099", "HTTP/1.1 099 OK\r\n\r\n", "ERR Malformed");
        row("status not digits", "HTTP/1.1 2x0 OK\r\n\r\n", "ERR Malformed");
        row("two spaces before status", "HTTP/1.1  200 OK\r\n\r\n", "ERR Malformed");
        row("tab after status", "HTTP/1.1 200\tOK\r\n\r\n", "ERR Malformed");
        row("no status", "HTTP/1.1\r\n\r\n", "ERR Malformed");
        row("control char in reason", "HTTP/1.1 200 O\x01K\r\n\r\n", "ERR Malformed");
        row("bare cr in status line", "HTTP/1.1 200 OK\rX-A: b\r\n\r\n", "ERR Malformed");
        row("space before colon", ok("Content-Length : 1\r\n", "a"), "ERR Malformed");
        row("tab before colon", ok("X-A\t: b\r\n"), "ERR Malformed");
        row("no colon", ok("X-A b\r\n"), "ERR Malformed");
        row("empty name", ok(": b\r\n"), "ERR Malformed");
        row("bad char in name", ok("X(A): b\r\n"), "ERR Malformed");
        row("control char in value", ok("X-A: a\x01z\r\n"), "ERR Malformed");
        row("nul in value", ok(QByteArray("X-A: a\0z\r\n", 10)), "ERR Malformed");
        row("bare cr in value", ok("X-A: a\rz\r\n"), "ERR Malformed");
        row("del in value", ok("X-A: a\x7Fz\r\n"), "ERR Malformed");
        row("obs-fold with no field before", "HTTP/1.1 200 OK\r\n X-A: b\r\n\r\n", "ERR Malformed");
        row("obs-fold with control char", ok("X-A: b\r\n c\x01\r\n"), "ERR Malformed");
        row("bad trailer", chunked("0\r\nX A: b\r\n\r\n"), "ERR Malformed");
        row("chunk size not hex", chunked("zz\r\nabc\r\n0\r\n\r\n"), "ERR Malformed");
        row("chunk size empty", chunked("\r\nabc\r\n0\r\n\r\n"), "ERR Malformed");
        row("chunk size negative", chunked("-3\r\nabc\r\n0\r\n\r\n"), "ERR Malformed");
        row("chunk size 0x prefix", chunked("0x3\r\nabc\r\n0\r\n\r\n"), "ERR Malformed");
        row("chunk size overflow", chunked("10000000000000000\r\nabc\r\n"), "ERR Malformed");
        row("chunk size garbage after", chunked("3 x\r\nabc\r\n0\r\n\r\n"), "ERR Malformed");
        row("chunk size line too long", chunked("3;" + QByteArray(5000, 'e') + "\r\nabc\r\n"),
            "ERR Malformed");
        row("chunk data too long", chunked("3\r\nabcd\r\n0\r\n\r\n"), "ERR Malformed");
        row("chunk data cr cr", chunked("3\r\nabc\r\r\n0\r\n\r\n"), "ERR Malformed");

        // Limits: status + Content-Length + empty line = 17 + 19 + 2 bytes
        row("headers at the limit", ok("Content-Length: 0\r\n"),
            "200 ka [Content-Length: 0] body=", 38);
        row("headers one over the limit", ok("Content-Length: 0\r\n"), "ERR HeadersTooLarge", 37);
        row("interim responses count",
            "HTTP/1.1 100 Continue\r\n\r\n" + ok("Content-Length: 0\r\n"), "ERR HeadersTooLarge",
            60);
        row("trailers count", chunked("0\r\nX-T: " + QByteArray(50, 't') + "\r\n\r\n"),
            "ERR HeadersTooLarge", 100);
        row("endless header line", "HTTP/1.1 200 OK\r\nX-A: " + QByteArray(300, 'v'),
            "ERR HeadersTooLarge", 200);
        row("endless status line", "HTTP/1.1 200 " + QByteArray(300, 'r'), "ERR HeadersTooLarge",
            200);
        row("endless trailer line", chunked("0\r\nX-T: " + QByteArray(300, 't')),
            "ERR HeadersTooLarge", 200);
        row("content-length at body limit", ok("Content-Length: 5\r\n", "abcde"),
            "200 ka [Content-Length: 5] body=abcde", 1024, 5);
        row("content-length over body limit", ok("Content-Length: 6\r\n"), "ERR BodyTooLarge", 1024,
            5);
        row("chunked at body limit", chunked("3\r\nabc\r\n3\r\ndef\r\n0\r\n\r\n"),
            "200 ka [Transfer-Encoding: chunked] body=abcdef", 1024, 6);
        row("chunked over body limit", chunked("3\r\nabc\r\n3\r\ndef\r\n0\r\n\r\n"),
            "ERR BodyTooLarge", 1024, 5);
        row("until close at body limit", ok("", "abcdef"), "200 close [] body=abcdef", 1024, 6);
        row("until close over body limit", ok("", "abcdef"), "ERR BodyTooLarge", 1024, 5);

        // Truncation
        row("nothing received", "", "ERR Truncated unstarted");
        row("truncated status line", "HTTP/1.1 20", "ERR Truncated");
        row("truncated headers", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n", "ERR Truncated");
        row("truncated content-length body", ok("Content-Length: 5\r\n", "abc"), "ERR Truncated");
        row("truncated chunked body", chunked("5\r\nabc"), "ERR Truncated");
        row("truncated before last chunk", chunked("3\r\nabc\r\n"), "ERR Truncated");
        row("truncated trailers", chunked("0\r\nX-T: 1\r\n"), "ERR Truncated");
        row("only an interim response", "HTTP/1.1 100 Continue\r\n\r\n", "ERR Truncated");
    }

    void parse()
    {
        QFETCH(QByteArray, input);
        QFETCH(bool, head);
        QFETCH(qint64, maxHeaderBytes);
        QFETCH(qint64, maxBodyBytes);
        QFETCH(QString, expected);
        const Setup setup{head, {maxHeaderBytes, maxBodyBytes}};

        const QString whole = run({input}, setup);
        QCOMPARE(whole, expected);

        const QByteArrayView view(input);
        for (qsizetype i = 1; i < input.size(); ++i) {
            const QString split = run({view.first(i), view.sliced(i)}, setup);
            if (split != whole)
                QFAIL(qPrintable(QStringLiteral("split at %1 gave: %2").arg(i).arg(split)));
        }

        QList<QByteArrayView> bytes;
        for (qsizetype i = 0; i < input.size(); ++i)
            bytes.append(view.sliced(i, 1));
        QCOMPARE(run(bytes, setup), whole);
    }

    void pipelined_data()
    {
        QTest::addColumn<QByteArray>("first");
        QTest::addColumn<bool>("head");
        QTest::newRow("content-length") << ok("Content-Length: 3\r\n", "abc") << false;
        QTest::newRow("chunked") << chunked("3\r\nabc\r\n0\r\nX-T: 1\r\n\r\n") << false;
        QTest::newRow("204") << QByteArray("HTTP/1.1 204 No Content\r\n\r\n") << false;
        QTest::newRow("head") << ok("Content-Length: 3\r\n") << true;
        QTest::newRow("after interim")
            << "HTTP/1.1 100 Continue\r\n\r\n" + ok("Content-Length: 3\r\n", "abc") << false;
    }
    void pipelined()
    {
        QFETCH(QByteArray, first);
        QFETCH(bool, head);
        const QByteArray second = ok("Content-Length: 6\r\n", "second");
        const QByteArray both = first + second;

        ResponseParser parser;
        parser.begin(head, {});
        qsizetype consumed = -1;
        QCOMPARE(parser.feed(both, &consumed), ResponseParser::Progress::Complete);
        QCOMPARE(consumed, first.size());
        QCOMPARE(parser.status(), first.startsWith("HTTP/1.1 204") ? 204 : 200);
        QVERIFY(parser.keepAlive());
        QCOMPARE(parser.takeBody(), QByteArray(head || first.contains("204") ? "" : "abc"));
        // Finished: nothing more is taken until begin().
        QCOMPARE(parser.feed(QByteArrayView(both).sliced(consumed), &consumed),
                 ResponseParser::Progress::Complete);
        QCOMPARE(consumed, 0);

        parser.begin(false, {});
        QVERIFY(!parser.started());
        QCOMPARE(parser.feed(QByteArrayView(both).sliced(first.size()), &consumed),
                 ResponseParser::Progress::Complete);
        QCOMPARE(consumed, second.size());
        QCOMPARE(parser.status(), 200);
        QCOMPARE(parser.takeHeaders(), (UpstreamHeaders{{"Content-Length", "6"}}));
        QCOMPARE(parser.takeBody(), QByteArray("second"));
    }

    void beginResetsAfterFailure()
    {
        ResponseParser parser;
        parser.begin(false, {});
        qsizetype consumed = -1;
        QCOMPARE(parser.feed("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nX-A: b\r\n", &consumed),
                 ResponseParser::Progress::NeedMore);
        QCOMPARE(parser.feed("X A: b\r\n", &consumed), ResponseParser::Progress::Failed);
        QCOMPARE(parser.failure(), ResponseParser::Failure::Malformed);
        QCOMPARE(parser.errorMessage(),
                 QStringLiteral("the upstream's response has an invalid header field name"));
        QCOMPARE(parser.feed("\r\n", &consumed), ResponseParser::Progress::Failed);
        QCOMPARE(consumed, 0);
        QCOMPARE(parser.finishAtEof(), ResponseParser::Progress::Failed);

        parser.begin(true, {});
        QVERIFY(!parser.started());
        QCOMPARE(parser.failure(), ResponseParser::Failure::None);
        QVERIFY(parser.errorMessage().isEmpty());
        QCOMPARE(parser.status(), 0);
        QVERIFY(parser.keepAlive());
        QCOMPARE(parser.feed("HTTP/1.1 404 Not Found\r\nContent-Length: 3\r\n\r\n", &consumed),
                 ResponseParser::Progress::Complete);
        QVERIFY(parser.started());
        QCOMPARE(parser.status(), 404);
        QCOMPARE(parser.takeHeaders(), (UpstreamHeaders{{"Content-Length", "3"}}));
        QVERIFY(parser.takeBody().isEmpty());
    }

    // A failure mid-line must not leave the partial line behind for the next response.
    void beginResetsPartialLine()
    {
        ResponseParser parser;
        parser.begin(false, {});
        qsizetype consumed = -1;
        QCOMPARE(parser.feed("HTTP/1.1 200 OK\r\nContent-Len", &consumed),
                 ResponseParser::Progress::NeedMore);
        QCOMPARE(parser.finishAtEof(), ResponseParser::Progress::Failed);
        QCOMPARE(parser.failure(), ResponseParser::Failure::Truncated);
        QCOMPARE(parser.errorMessage(),
                 QStringLiteral("the upstream closed the connection before the response was "
                                "complete"));
        parser.begin(false, {});
        QCOMPARE(parser.feed("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", &consumed),
                 ResponseParser::Progress::Complete);
        QCOMPARE(parser.takeHeaders(), (UpstreamHeaders{{"Content-Length", "0"}}));
    }

    void errorMessagesNameTheLimit()
    {
        ResponseParser parser;
        parser.begin(false, {100, 10});
        qsizetype consumed = -1;
        QCOMPARE(parser.feed(ok("X-A: " + QByteArray(200, 'v') + "\r\n"), &consumed),
                 ResponseParser::Progress::Failed);
        QCOMPARE(parser.errorMessage(),
                 QStringLiteral("the upstream's response headers exceed the limit of 100 bytes"));

        parser.begin(false, {100, 10});
        QCOMPARE(parser.feed(ok("Content-Length: 11\r\n"), &consumed),
                 ResponseParser::Progress::Failed);
        QCOMPARE(parser.failure(), ResponseParser::Failure::BodyTooLarge);
        QVERIFY2(parser.errorMessage().contains(QLatin1String("limit of 10 bytes")),
                 qPrintable(parser.errorMessage()));

        parser.begin(false, {});
        QCOMPARE(parser.feed(ok("Content-Length: 1, 2\r\n"), &consumed),
                 ResponseParser::Progress::Failed);
        QVERIFY2(parser.errorMessage().contains(QLatin1String("Content-Length")),
                 qPrintable(parser.errorMessage()));
    }

    // Feeding a large header block and body one byte at a time must stay linear: a partial line
    // is extended, never searched again from its start.
    void byteAtATimeIsLinear()
    {
        QByteArray input = "HTTP/1.1 200 OK\r\nX-Long: " + QByteArray(60000, 'v') + "\r\n";
        for (int i = 0; i < 40; ++i)
            input += "X-" + QByteArray::number(i) + ": " + QByteArray(90, 'w') + "\r\n";
        input += "Transfer-Encoding: chunked\r\n\r\n";
        input +=
            "FFFF;" + QByteArray(4000, 'e') + "\r\n" + QByteArray(0xFFFF, 'b') + "\r\n0\r\n\r\n";
        QElapsedTimer timer;
        timer.start();
        for (int round = 0; round < 3; ++round) {
            ResponseParser parser;
            parser.begin(false, {128 * 1024, 1024 * 1024});
            qsizetype fed = 0;
            qsizetype consumed = 0;
            while (fed < input.size() &&
                   parser.feed(QByteArrayView(input).sliced(fed, 1), &consumed) ==
                       ResponseParser::Progress::NeedMore)
                fed += consumed;
            QCOMPARE(fed, input.size() - 1);
            QCOMPARE(consumed, 1);
            QCOMPARE(parser.takeHeaders().size(), 42);
            QCOMPARE(parser.takeBody().size(), 0xFFFF);
        }
        // ~600k single-byte feeds; rescanning partial lines would take minutes.
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    }

    void contentLengthReservesTheBody()
    {
        ResponseParser parser;
        parser.begin(false, {});
        qsizetype consumed = -1;
        QCOMPARE(parser.feed(ok("Content-Length: 100000\r\n", "a"), &consumed),
                 ResponseParser::Progress::NeedMore);
        const QByteArray body = parser.takeBody();
        QVERIFY(body.capacity() >= 100000);
    }
};

QTEST_GUILESS_MAIN(TestResponseParser)
#include "TestResponseParser.moc"
