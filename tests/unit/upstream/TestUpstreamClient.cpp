#include "TestHttpServer.h"
#include "UpstreamTestUtil.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include <arpa/inet.h>
#include <memory>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace upstreamtest;
using gatehouse::ErrorCode;
using gatehouse::http::AddressPolicy;
using gatehouse::http::UpstreamHeaders;

namespace {

// Request head lines after the request line, as the server received them.
QList<QByteArray> headerLines(const QByteArray &head)
{
    QList<QByteArray> lines = head.trimmed().split('\n');
    lines.removeFirst();
    for (QByteArray &line : lines)
        line = line.trimmed();
    return lines;
}

QList<QByteArray> headerNames(const QByteArray &head)
{
    QList<QByteArray> names;
    for (const QByteArray &line : headerLines(head))
        names.append(line.left(line.indexOf(':')).toLower());
    return names;
}

} // namespace

// Every case runs twice: on the client's own HTTP/1.1 connections (plain http, the default) and
// with everything through libcurl (as https and proxied requests go).
class TestUpstreamClient : public QObject
{
    Q_OBJECT
public:
    explicit TestUpstreamClient(bool ownConnections) { m_options.ownPlainHttp = ownConnections; }

private Q_SLOTS:
    void initTestCase()
    {
        qInfo("transport: %s", m_options.ownPlainHttp ? "own HTTP/1.1 connections" : "libcurl");
    }
    void init() { m_server = std::make_unique<TestHttpServer>(); }
    void cleanup() { m_server.reset(); }

    void getReturnsStatusHeadersBodyAndPeer()
    {
        UpstreamClient client(m_options);
        const auto r = run(client, get(m_server->url(QStringLiteral("/hello"))));
        QVERIFY2(r && r->ok(), qPrintable(message(r)));
        QCOMPARE((*r)->status, 200);
        QCOMPARE((*r)->body, QByteArray("hello"));
        QCOMPARE((*r)->header("content-TYPE"), QByteArray("text/plain"));
        QVERIFY((*r)->hasHeader("Content-Length"));
        QVERIFY((*r)->header("X-Absent").isNull());
        QCOMPARE((*r)->remoteAddress, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE((*r)->remotePort, m_server->port());
        QVERIFY((*r)->elapsed.count() > 0);
        QCOMPARE((*r)->redirects, 0);
    }

    void postBodyArrivesIntact()
    {
        UpstreamClient client(m_options);
        UpstreamRequest request = get(m_server->url(QStringLiteral("/echo")));
        request.method = "POST";
        QByteArray body(10 * 1024, Qt::Uninitialized);
        for (int i = 0; i < body.size(); ++i)
            body[i] = char(i * 7);
        request.body = body;
        request.headers = {{"Content-Type", "application/json"}};
        const auto r = run(client, request);
        QVERIFY2(r && r->ok(), qPrintable(message(r)));
        QCOMPARE((*r)->body, body);
        QCOMPARE((*r)->header("X-Method"), QByteArray("POST"));
        QCOMPARE((*r)->header("X-Request-Content-Type"), QByteArray("application/json"));
        QVERIFY(!headerNames(m_server->heads().constLast()).contains("expect"));
    }

    void otherMethods_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentLength");
        QTest::newRow("PUT empty") << QByteArray("PUT") << QByteArray() << QByteArray("0");
        QTest::newRow("PATCH") << QByteArray("PATCH") << QByteArray("{}") << QByteArray("2");
        QTest::newRow("DELETE") << QByteArray("DELETE") << QByteArray() << QByteArray();
        QTest::newRow("DELETE body") << QByteArray("DELETE") << QByteArray("x") << QByteArray("1");
        QTest::newRow("GET body") << QByteArray("GET") << QByteArray("q") << QByteArray("1");
    }
    void otherMethods()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentLength);
        UpstreamClient client(m_options);
        UpstreamRequest request = get(m_server->url(QStringLiteral("/echo")));
        request.method = method;
        request.body = body;
        const auto r = run(client, request);
        QVERIFY2(r && r->ok(), qPrintable(message(r)));
        QCOMPARE((*r)->header("X-Method"), method);
        QCOMPARE((*r)->body, body);
        const QByteArray head = m_server->heads().constLast();
        QVERIFY(head.startsWith(QByteArray(method + " /echo HTTP/1.1\r\n")));
        if (contentLength.isNull())
            QVERIFY(!headerNames(head).contains("content-length"));
        else
            QVERIFY2(headerLines(head).contains(QByteArray("Content-Length: " + contentLength)),
                     head.constData());
    }

    void headRequestHasNoBody()
    {
        UpstreamClient client(m_options);
        UpstreamRequest request = get(m_server->url(QStringLiteral("/bytes?n=5")));
        request.method = "HEAD";
        const auto r = run(client, request);
        QVERIFY2(r && r->ok(), qPrintable(message(r)));
        QCOMPARE((*r)->header("Content-Length"), QByteArray("5"));
        QVERIFY((*r)->body.isEmpty());
    }

    void requestHeadersArriveExactlyAsGiven()
    {
        UpstreamClient client(m_options);
        UpstreamRequest request = get(m_server->url(QStringLiteral("/head")));
        request.headers = {{"X-Api-Key", "s3cret value"},
                           {"Accept", "application/json"},
                           {"X-Empty", ""},
                           {"x-lower", "v"}};
        auto r = run(client, request);
        QVERIFY2(r && r->ok(), qPrintable(message(r)));
        const QByteArray host = "Host: 127.0.0.1:" + QByteArray::number(m_server->port());
        QCOMPARE(headerLines((*r)->body),
                 (QList<QByteArray>{host, "X-Api-Key: s3cret value", "Accept: application/json",
                                    "X-Empty:", "x-lower: v"}));

        // A POST adds only the framing: no Content-Type, Accept, Expect or User-Agent of curl's.
        request.method = "POST";
        request.headers = {{"Authorization", "Bearer upstream"}};
        request.body = QByteArray(4096, 'b');
        r = run(client, request);
        QVERIFY2(r && r->ok(), qPrintable(message(r)));
        QCOMPARE(headerLines((*r)->body), (QList<QByteArray>{host, "Authorization: Bearer upstream",
                                                             "Content-Length: 4096"}));
    }

    void malformedRequestsFailAsynchronously_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<int>("code");
        const QString ok = QStringLiteral("http://127.0.0.1:1/");
        const int invalid = int(ErrorCode::InvalidArgument);
        QTest::newRow("CRLF in value") << ok << QByteArray("GET") << QByteArray("X-A")
                                       << QByteArray("a\r\nX-Injected: 1") << invalid;
        QTest::newRow("LF in value")
            << ok << QByteArray("GET") << QByteArray("X-A") << QByteArray("a\nb") << invalid;
        QTest::newRow("space in name")
            << ok << QByteArray("GET") << QByteArray("X A") << QByteArray("v") << invalid;
        QTest::newRow("colon in name")
            << ok << QByteArray("GET") << QByteArray("X:A") << QByteArray("v") << invalid;
        QTest::newRow("Content-Length") << ok << QByteArray("GET") << QByteArray("Content-Length")
                                        << QByteArray("3") << invalid;
        QTest::newRow("bad method")
            << ok << QByteArray("GE T") << QByteArray("X-A") << QByteArray("v") << invalid;
        QTest::newRow("ftp") << QStringLiteral("ftp://127.0.0.1/") << QByteArray("GET")
                             << QByteArray("X-A") << QByteArray("v") << invalid;
        QTest::newRow("relative") << QStringLiteral("/just/a/path") << QByteArray("GET")
                                  << QByteArray("X-A") << QByteArray("v") << invalid;
        QTest::newRow("user-info")
            << QStringLiteral("http://user:pw@127.0.0.1:1/") << QByteArray("GET")
            << QByteArray("X-A") << QByteArray("v") << invalid;
    }
    void malformedRequestsFailAsynchronously()
    {
        QFETCH(QString, url);
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, value);
        QFETCH(int, code);
        UpstreamClient client(m_options);
        UpstreamRequest request = get(QUrl(url));
        request.method = method;
        request.headers = {{name, value}};
        std::optional<gatehouse::Result<UpstreamResponse>> result;
        client.send(request, [&](gatehouse::Result<UpstreamResponse> r) { result = std::move(r); });
        QVERIFY(!result); // never from inside send()
        QTRY_VERIFY(result.has_value());
        QVERIFY(!result->ok());
        QCOMPARE(int(result->error().code()), code);
        QCOMPARE(client.connectionsOpened(), 0u);
        QCOMPARE(client.activeRequests(), 0);
    }

    void sequentialRequestsReuseOneConnection()
    {
        UpstreamClient client(m_options);
        const int total = 50;
        int done = 0;
        bool allReused = true;
        std::function<void()> next = [&] {
            client.send(get(m_server->url(QStringLiteral("/hello"))),
                        [&](gatehouse::Result<UpstreamResponse> r) {
                            QVERIFY(r.ok() && r->body == "hello");
                            if (done > 0)
                                allReused = allReused && r->connectionReused;
                            if (++done < total)
                                next(); // sending from inside a callback is allowed
                        });
        };
        next();
        QTRY_COMPARE_WITH_TIMEOUT(done, total, 10000);
        QCOMPARE(m_server->accepts(), 1);
        QCOMPARE(m_server->requests(), total);
        QCOMPARE(client.connectionsOpened(), 1u);
        QVERIFY(allReused);
    }

    void manyConcurrentRequestsComplete()
    {
        UpstreamClient client(m_options);
        const int total = 200;
        int done = 0, failed = 0;
        for (int i = 0; i < total; ++i) {
            UpstreamRequest request = get(m_server->url(QStringLiteral("/echo")));
            request.method = "POST";
            request.body = QByteArray::number(i);
            client.send(request, [&, i](gatehouse::Result<UpstreamResponse> r) {
                ++done;
                if (!r.ok() || r->body != QByteArray::number(i))
                    ++failed;
            });
        }
        QCOMPARE(client.activeRequests(), total);
        QTRY_COMPARE_WITH_TIMEOUT(done, total, 30000);
        QCOMPARE(failed, 0);
        QCOMPARE(m_server->requests(), total);
        QVERIFY2(m_server->accepts() <= 64, QByteArray::number(m_server->accepts()).constData());
        QCOMPARE(client.activeRequests(), 0);
    }

    void abortMidFlightNeverCallsBack()
    {
        UpstreamClient client(m_options);
        int calls = 0;
        auto handle = client.send(get(m_server->url(QStringLiteral("/stall"))),
                                  [&](gatehouse::Result<UpstreamResponse>) { ++calls; });
        QVERIFY(handle.isActive());
        QTRY_COMPARE(m_server->requests(), 1); // the request is on the wire, body half-read
        QTest::qWait(50);
        handle.abort();
        QVERIFY(!handle.isActive());
        handle.abort(); // twice is harmless
        QTest::qWait(300);
        QCOMPARE(calls, 0);
        QCOMPARE(client.activeRequests(), 0);
        // The client still works afterwards.
        const auto r = run(client, get(m_server->url(QStringLiteral("/hello"))));
        QVERIFY2(r && r->ok(), qPrintable(message(r)));
    }

    void abortBeforeTheLoopRunsAndFromACallback()
    {
        UpstreamClient client(m_options);
        int aborted = 0, finished = 0;
        auto first = client.send(get(m_server->url(QStringLiteral("/hello"))),
                                 [&](gatehouse::Result<UpstreamResponse>) { ++aborted; });
        first.abort();
        // Failing request aborted before its queued error is delivered.
        auto bad = client.send(get(QUrl(QStringLiteral("nope"))),
                               [&](gatehouse::Result<UpstreamResponse>) { ++aborted; });
        bad.abort();

        UpstreamClient::Handle slow =
            client.send(get(m_server->url(QStringLiteral("/silent"))),
                        [&](gatehouse::Result<UpstreamResponse>) { ++aborted; });
        client.send(get(m_server->url(QStringLiteral("/hello"))),
                    [&](gatehouse::Result<UpstreamResponse> r) {
                        QVERIFY(r.ok());
                        ++finished;
                        slow.abort();
                    });
        QTRY_COMPARE(finished, 1);
        QTest::qWait(200);
        QCOMPARE(aborted, 0);
        QCOMPARE(client.activeRequests(), 0);
    }

    void destroyingTheClientDropsPendingRequests()
    {
        int calls = 0;
        UpstreamClient::Handle handle;
        {
            UpstreamClient client(m_options);
            handle = client.send(get(m_server->url(QStringLiteral("/silent"))),
                                 [&](gatehouse::Result<UpstreamResponse>) { ++calls; });
            client.send(get(m_server->url(QStringLiteral("/stall"))),
                        [&](gatehouse::Result<UpstreamResponse>) { ++calls; });
            QTRY_COMPARE(m_server->requests(), 2);
        }
        handle.abort(); // the client is gone: nothing happens
        QVERIFY(!handle.isActive());
        QTest::qWait(100);
        QCOMPARE(calls, 0);
    }

    void destroyedContextSkipsCallback()
    {
        UpstreamClient client(m_options);
        int calls = 0;
        auto *context = new QObject;
        client.send(get(m_server->url(QStringLiteral("/delay?ms=100"))), context,
                    [&](gatehouse::Result<UpstreamResponse>) { ++calls; });
        delete context;
        QTRY_COMPARE(client.activeRequests(), 0);
        QCOMPARE(calls, 0);
    }

    void totalTimeout()
    {
        UpstreamClient client(m_options);
        UpstreamRequest request = get(m_server->url(QStringLiteral("/silent")));
        request.totalTimeout = std::chrono::milliseconds(300);
        QElapsedTimer timer;
        timer.start();
        const auto r = run(client, request);
        QVERIFY(r && !r->ok());
        QVERIFY(timer.elapsed() < 3000);
        QCOMPARE(r->error().code(), ErrorCode::Unavailable);
        const QString text = r->error().message();
        QVERIFY2(text.contains(QLatin1String("total timeout of 300 ms")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("127.0.0.1:") + QString::number(m_server->port())),
                 qPrintable(text));
    }

    void stalledBodyTimesOut()
    {
        UpstreamClient client(m_options);
        UpstreamRequest request = get(m_server->url(QStringLiteral("/stall")));
        request.totalTimeout = std::chrono::milliseconds(300);
        const auto r = run(client, request);
        QVERIFY(r && !r->ok());
        QVERIFY2(r->error().message().contains(QLatin1String("total timeout")),
                 qPrintable(r->error().message()));
    }

    void connectTimeout()
    {
        // A listener whose accept queue is full and never drained: further SYNs are dropped, so
        // the connect hangs until the connect timeout.
        const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
        QVERIFY(listener >= 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::bind(listener, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
        QCOMPARE(::listen(listener, 0), 0);
        socklen_t length = sizeof address;
        QCOMPARE(::getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length), 0);
        QList<int> fillers;
        for (int i = 0; i < 4; ++i) {
            const int s = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
            ::connect(s, reinterpret_cast<sockaddr *>(&address), sizeof address);
            fillers.append(s);
        }
        QTest::qWait(50);

        UpstreamClient client(m_options);
        UpstreamRequest request = get(QUrl(QStringLiteral("http://127.0.0.1:") +
                                           QString::number(ntohs(address.sin_port)) + u'/'));
        request.connectTimeout = std::chrono::milliseconds(300);
        request.totalTimeout = std::chrono::milliseconds(5000);
        QElapsedTimer timer;
        timer.start();
        const auto r = run(client, request);
        for (int s : fillers)
            ::close(s);
        ::close(listener);
        QVERIFY(r);
        QVERIFY2(!r->ok(), qPrintable(message(r)));
        const QString text = r->error().message();
        QVERIFY2(text.contains(QLatin1String("connect timeout of 300 ms")), qPrintable(text));
        QVERIFY(timer.elapsed() < 3000);
    }

    void responseBodyLimit_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<qint64>("limit");
        QTest::addColumn<bool>("ok");
        QTest::newRow("content-length over")
            << QStringLiteral("/bytes?n=100000") << 1000LL << false;
        QTest::newRow("content-length equal") << QStringLiteral("/bytes?n=1000") << 1000LL << true;
        QTest::newRow("chunked over") << QStringLiteral("/chunked?n=100000") << 1000LL << false;
        QTest::newRow("chunked equal") << QStringLiteral("/chunked?n=5000") << 5000LL << true;
    }
    void responseBodyLimit()
    {
        QFETCH(QString, path);
        QFETCH(qint64, limit);
        QFETCH(bool, ok);
        UpstreamClient client(m_options);
        UpstreamRequest request = get(m_server->url(path));
        request.maxResponseBytes = limit;
        const auto r = run(client, request);
        QVERIFY(r);
        QCOMPARE(r->ok(), ok);
        if (ok) {
            QCOMPARE((*r)->body.size(), limit);
            return;
        }
        QCOMPARE(r->error().code(), ErrorCode::Validation);
        const QString text = r->error().message();
        QVERIFY2(text.contains(QLatin1String("body exceeds the limit of ") +
                               QString::number(limit) + QLatin1String(" bytes")),
                 qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("GET 127.0.0.1:")), qPrintable(text));
        QVERIFY2(!text.contains(QLatin1String("n=")), qPrintable(text)); // no query string
    }

    void responseHeaderLimit()
    {
        UpstreamClient client(m_options);
        UpstreamRequest request = get(m_server->url(QStringLiteral("/headers?n=100")));
        request.maxHeaderBytes = 4096;
        auto r = run(client, request);
        QVERIFY(r && !r->ok());
        QVERIFY2(r->error().message().contains(QLatin1String("headers exceed the limit of 4096")),
                 qPrintable(r->error().message()));
        request.maxHeaderBytes = 64 * 1024;
        r = run(client, request);
        QVERIFY2(r && r->ok(), qPrintable(message(r)));
        QCOMPARE((*r)->header("x-filler-99").size(), 86);
    }

    void redirectsAreNotFollowedByDefault()
    {
        UpstreamClient client(m_options);
        const auto r = run(client, get(m_server->url(QStringLiteral("/redirect?to=/hello"))));
        QVERIFY2(r && r->ok(), qPrintable(message(r)));
        QCOMPARE((*r)->status, 302);
        QCOMPARE((*r)->header("Location"), QByteArray("/hello"));
        QCOMPARE(m_server->requests(), 1);
    }

    void sameOriginRedirectIsFollowedWhenEnabled()
    {
        UpstreamClient client(m_options);
        UpstreamRequest request = get(m_server->url(QStringLiteral("/redirect?to=/hello")));
        request.followRedirects = true;
        request.headers = {{"X-Api-Key", "k"}};
        const auto r = run(client, request);
        QVERIFY2(r && r->ok(), qPrintable(message(r)));
        QCOMPARE((*r)->status, 200);
        QCOMPARE((*r)->body, QByteArray("hello"));
        QCOMPARE((*r)->redirects, 1);
        const auto heads = m_server->heads();
        QCOMPARE(heads.size(), 2);
        QVERIFY(heads.at(1).startsWith("GET /hello "));
        QVERIFY(headerLines(heads.at(1)).contains("X-Api-Key: k"));
    }

    void crossOriginRedirectIsNeverFollowed_data()
    {
        QTest::addColumn<QString>("target");
        QTest::newRow("other host name, same server")
            << QStringLiteral("http://localhost:%1/hello");
        QTest::newRow("other port") << QStringLiteral("http://127.0.0.1:%2/hello");
        QTest::newRow("other scheme") << QStringLiteral("https://127.0.0.1:%1/hello");
    }
    void crossOriginRedirectIsNeverFollowed()
    {
        QFETCH(QString, target);
        TestHttpServer other;
        const QString location =
            QString(target)
                .replace(QLatin1String("%1"), QString::number(m_server->port()))
                .replace(QLatin1String("%2"), QString::number(other.port()));
        UpstreamClient client(m_options);
        UpstreamRequest request =
            get(m_server->url(QStringLiteral("/redirect?to=") +
                              QString::fromLatin1(QUrl::toPercentEncoding(location))));
        request.followRedirects = true;
        request.headers = {{"Authorization", "Bearer injected"}};
        const auto r = run(client, request);
        QVERIFY2(r && r->ok(), qPrintable(message(r)));
        QCOMPARE((*r)->status, 302);
        QCOMPARE((*r)->header("Location"), location.toUtf8());
        QCOMPARE((*r)->redirects, 0);
        QCOMPARE(m_server->requests(), 1);
        QCOMPARE(other.accepts(), 0);
    }

    void redirectAfterPost303BecomesGet()
    {
        UpstreamClient client(m_options);
        UpstreamRequest request = get(m_server->url(QStringLiteral("/redirect?code=303&to=/echo")));
        request.method = "POST";
        request.body = "payload";
        request.headers = {{"Content-Type", "application/json"}};
        request.followRedirects = true;
        const auto r = run(client, request);
        QVERIFY2(r && r->ok(), qPrintable(message(r)));
        QCOMPARE((*r)->header("X-Method"), QByteArray("GET"));
        QVERIFY((*r)->body.isEmpty());
        QVERIFY(!headerNames(m_server->heads().constLast()).contains("content-type"));
    }

    void redirect307KeepsMethodAndBody()
    {
        UpstreamClient client(m_options);
        UpstreamRequest request = get(m_server->url(QStringLiteral("/redirect?code=307&to=/echo")));
        request.method = "POST";
        request.body = "payload";
        request.followRedirects = true;
        const auto r = run(client, request);
        QVERIFY2(r && r->ok(), qPrintable(message(r)));
        QCOMPARE((*r)->header("X-Method"), QByteArray("POST"));
        QCOMPARE((*r)->body, QByteArray("payload"));
    }

    void redirectLoopIsBounded()
    {
        UpstreamClient client(m_options);
        UpstreamRequest request = get(m_server->url(QStringLiteral("/loop")));
        request.followRedirects = true;
        request.maxRedirects = 3;
        const auto r = run(client, request);
        QVERIFY(r && !r->ok());
        QVERIFY2(r->error().message().contains(QLatin1String("more than 3 times")),
                 qPrintable(r->error().message()));
        QCOMPARE(m_server->requests(), 4);
    }

    void publicOnlyRefusesLoopbackAtConnect_data()
    {
        QTest::addColumn<QString>("host");
        QTest::newRow("IPv4 literal") << QStringLiteral("127.0.0.1");
        QTest::newRow("host name") << QStringLiteral("localhost");
        QTest::newRow("IPv6 literal") << QStringLiteral("[::1]");
    }
    void publicOnlyRefusesLoopbackAtConnect()
    {
        QFETCH(QString, host);
        UpstreamClient client(m_options);
        UpstreamRequest request =
            get(QUrl(QStringLiteral("http://") + host + u':' + QString::number(m_server->port()) +
                     QStringLiteral("/hello")));
        request.addressPolicy = AddressPolicy::publicOnly();
        const auto r = run(client, request);
        QVERIFY(r && !r->ok());
        QCOMPARE(r->error().code(), ErrorCode::PermissionDenied);
        const QString text = r->error().message();
        QVERIFY2(text.contains(QLatin1String("loopback address")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("refused for SSRF protection")), qPrintable(text));
        QCOMPARE(client.connectionsOpened(), 0u);
        QCOMPARE(m_server->accepts(), 0);
    }

    void publicOnlyTestExemptionAllows()
    {
        UpstreamClient client(m_options);
        UpstreamRequest request = get(m_server->url(QStringLiteral("/hello")));
        request.addressPolicy =
            AddressPolicy::publicOnly().exemptForTesting({QHostAddress(QHostAddress::LocalHost)});
        const auto r = run(client, request);
        QVERIFY2(r && r->ok(), qPrintable(message(r)));
        QCOMPARE((*r)->body, QByteArray("hello"));
    }

    void keptAliveConnectionIsNotReusedPastThePolicy()
    {
        // A connection opened under AllowAll must not carry a later PublicOnly request.
        UpstreamClient client(m_options);
        auto r = run(client, get(m_server->url(QStringLiteral("/hello"))));
        QVERIFY2(r && r->ok(), qPrintable(message(r)));
        UpstreamRequest request = get(m_server->url(QStringLiteral("/hello")));
        request.addressPolicy = AddressPolicy::publicOnly();
        r = run(client, request);
        QVERIFY2(r && !r->ok(), qPrintable(message(r)));
        QCOMPARE(r->error().code(), ErrorCode::PermissionDenied);
        QCOMPARE(m_server->requests(), 1);
    }

    void allowAllRestrictedToNetworks()
    {
        UpstreamClient client(m_options);
        UpstreamRequest request = get(m_server->url(QStringLiteral("/hello")));
        request.addressPolicy = AddressPolicy::allowAll().restrictTo(
            {QHostAddress::parseSubnet(QStringLiteral("10.0.0.0/8"))});
        auto r = run(client, request);
        QVERIFY(r && !r->ok());
        QVERIFY2(r->error().message().contains(QLatin1String("outside the networks allowed")),
                 qPrintable(r->error().message()));
        request.addressPolicy = AddressPolicy::allowAll().restrictTo(
            {QHostAddress::parseSubnet(QStringLiteral("127.0.0.0/8"))});
        r = run(client, request);
        QVERIFY2(r && r->ok(), qPrintable(message(r)));
    }

    void httpsCanBeRequired()
    {
        UpstreamClient client(m_options);
        UpstreamRequest request = get(m_server->url(QStringLiteral("/hello")));
        request.requireHttps = true;
        const auto r = run(client, request);
        QVERIFY(r && !r->ok());
        QCOMPARE(r->error().code(), ErrorCode::PermissionDenied);
        QVERIFY2(r->error().message().contains(QLatin1String("requires https")),
                 qPrintable(r->error().message()));
        QCOMPARE(m_server->accepts(), 0);
    }

    void proxyIsRefusedForPublicOnly()
    {
        UpstreamClient client(m_options);
        UpstreamRequest request = get(QUrl(QStringLiteral("https://example.com/doc.json")));
        request.addressPolicy = AddressPolicy::publicOnly();
        request.proxy = "http://127.0.0.1:3128";
        const auto r = run(client, request);
        QVERIFY(r && !r->ok());
        QVERIFY2(r->error().message().contains(QLatin1String("proxy")),
                 qPrintable(r->error().message()));
    }

    void environmentProxyIsIgnored()
    {
        qputenv("http_proxy", "http://127.0.0.1:9"); // would fail if it were used
        qputenv("HTTP_PROXY", "http://127.0.0.1:9");
        UpstreamClient client(m_options);
        const auto r = run(client, get(m_server->url(QStringLiteral("/hello"))));
        qunsetenv("http_proxy");
        qunsetenv("HTTP_PROXY");
        QVERIFY2(r && r->ok(), qPrintable(message(r)));
    }

    void idleConnectionClosedByThePeerIsNotReused_data()
    {
        QTest::addColumn<bool>("loopRuns");
        // The close is seen by the idle connection's read watch while the loop runs, or, when
        // the loop is busy elsewhere, by the check before reuse.
        QTest::newRow("event loop runs meanwhile") << true;
        QTest::newRow("event loop busy meanwhile") << false;
    }
    void idleConnectionClosedByThePeerIsNotReused()
    {
        QFETCH(bool, loopRuns);
        UpstreamClient client(m_options);
        auto r = run(client, get(m_server->url(QStringLiteral("/close-soon"))));
        QVERIFY2(r && r->ok(), qPrintable(message(r)));
        // The server closes 50 ms after answering.
        if (loopRuns)
            QTest::qWait(150);
        else
            QThread::msleep(150);
        // A POST: never sent twice, so a dead connection would show as a failure.
        UpstreamRequest request = get(m_server->url(QStringLiteral("/echo")));
        request.method = "POST";
        request.body = "after the close";
        r = run(client, request);
        QVERIFY2(r && r->ok(), qPrintable(message(r)));
        QCOMPARE((*r)->body, QByteArray("after the close"));
        QVERIFY(!(*r)->connectionReused);
        QCOMPARE(m_server->accepts(), 2);
        QCOMPARE(m_server->requests(), 2);
    }

    void ipv6LiteralHostHeader()
    {
        // A one-shot IPv6 server on this thread that answers with the request head it got.
        QTcpServer server;
        if (!server.listen(QHostAddress::LocalHostIPv6, 0))
            QSKIP("no IPv6 loopback on this machine");
        QByteArray head;
        connect(&server, &QTcpServer::newConnection, this, [&] {
            QTcpSocket *socket = server.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [&head, socket] {
                head += socket->readAll();
                if (!head.contains("\r\n\r\n"))
                    return;
                socket->write("HTTP/1.1 200 OK\r\nContent-Length: " +
                              QByteArray::number(head.size()) + "\r\n\r\n" + head);
            });
        });
        UpstreamClient client(m_options);
        const auto r = run(
            client,
            get(QUrl(QStringLiteral("http://[::1]:%1/a%20b?q=1#frag").arg(server.serverPort()))));
        QVERIFY2(r && r->ok(), qPrintable(message(r)));
        QVERIFY2((*r)->body.startsWith("GET /a%20b?q=1 HTTP/1.1\r\n"), (*r)->body.constData());
        const QByteArray host =
            "\r\nHost: [::1]:" + QByteArray::number(server.serverPort()) + "\r\n";
        QVERIFY2((*r)->body.contains(host), (*r)->body.constData());
        QCOMPARE((*r)->remoteAddress, QHostAddress(QHostAddress::LocalHostIPv6));
    }

    void queuedRequestRefusedByItsPolicyDoesNotHoldUpTheQueue()
    {
        UpstreamClient::Options options = m_options;
        options.maxHostConnections = 1;
        UpstreamClient client(options);
        std::optional<gatehouse::Result<UpstreamResponse>> first, refused, last;
        client.send(get(m_server->url(QStringLiteral("/delay?ms=200"))),
                    [&](gatehouse::Result<UpstreamResponse> r) { first = std::move(r); });
        UpstreamRequest strict = get(m_server->url(QStringLiteral("/hello")));
        strict.addressPolicy = AddressPolicy::publicOnly();
        client.send(strict, [&](gatehouse::Result<UpstreamResponse> r) { refused = std::move(r); });
        UpstreamRequest third = get(m_server->url(QStringLiteral("/hello")));
        third.totalTimeout = std::chrono::milliseconds(5000);
        client.send(third, [&](gatehouse::Result<UpstreamResponse> r) { last = std::move(r); });
        QElapsedTimer timer;
        timer.start();
        QTRY_VERIFY_WITH_TIMEOUT(first && refused && last, 10000);
        QVERIFY2(first->ok(), qPrintable(message(first)));
        QVERIFY(!refused->ok());
        QCOMPARE(refused->error().code(), ErrorCode::PermissionDenied);
        QVERIFY2(last->ok(), qPrintable(message(last)));
        QVERIFY2(timer.elapsed() < 3000, QByteArray::number(timer.elapsed()).constData());
        if (m_options.ownPlainHttp) // libcurl closes the connection a refused request was given
            QCOMPARE(m_server->accepts(), 1);
    }

    void unansweredAddressGivesWayToTheNext()
    {
        if (!m_options.ownPlainHttp)
            QSKIP("Options::resolve applies to the client's own connections");
        // 127.0.0.2 on the server's port: a listener whose accept queue is full, so SYNs to it
        // are dropped and the connect would hang.
        const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
        QVERIFY(listener >= 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(0x7f000002);
        address.sin_port = htons(m_server->port());
        if (::bind(listener, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
            ::close(listener);
            QSKIP("cannot bind 127.0.0.2 on this machine");
        }
        QCOMPARE(::listen(listener, 0), 0);
        QList<int> fillers;
        for (int i = 0; i < 4; ++i) {
            const int s = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
            ::connect(s, reinterpret_cast<sockaddr *>(&address), sizeof address);
            fillers.append(s);
        }
        QTest::qWait(50);

        UpstreamClient::Options options = m_options;
        options.resolve.insert(
            QStringLiteral("upstream.test"),
            {QHostAddress(QStringLiteral("127.0.0.2")), QHostAddress(QHostAddress::LocalHost)});
        UpstreamClient client(options);
        UpstreamRequest request =
            get(QUrl(QStringLiteral("http://upstream.test:%1/hello").arg(m_server->port())));
        request.connectTimeout = std::chrono::milliseconds(1000);
        QElapsedTimer timer;
        timer.start();
        const auto r = run(client, request);
        for (int s : fillers)
            ::close(s);
        ::close(listener);
        QVERIFY2(r && r->ok(), qPrintable(message(r)));
        QCOMPARE((*r)->body, QByteArray("hello"));
        QCOMPARE((*r)->remoteAddress, QHostAddress(QHostAddress::LocalHost));
        // Half the connect timeout went to the first address, then the second answered.
        QVERIFY2(timer.elapsed() >= 400 && timer.elapsed() < 1000,
                 QByteArray::number(timer.elapsed()).constData());
        const QList<QByteArray> heads = m_server->heads();
        QCOMPARE(heads.size(), 1);
        QVERIFY2(heads.at(0).contains("\r\nHost: upstream.test:"), heads.at(0).constData());
    }

    void idempotentRequestIsSentAgainWhenAKeptAliveConnectionDies()
    {
        UpstreamClient client(m_options);
        auto r = run(client, get(m_server->url(QStringLiteral("/first-only"))));
        QVERIFY2(r && r->ok(), qPrintable(message(r)));
        // The server drops the kept-alive connection on the next request without answering.
        r = run(client, get(m_server->url(QStringLiteral("/first-only"))));
        QVERIFY2(r && r->ok(), qPrintable(message(r)));
        QCOMPARE((*r)->body, QByteArray("first"));
        QVERIFY(!(*r)->connectionReused);
        QCOMPARE(m_server->accepts(), 2);
        QCOMPARE(m_server->requests(), 3);
    }

    void postIsNotSentTwice()
    {
        if (!m_options.ownPlainHttp)
            QSKIP("libcurl sends any method again on a fresh connection");
        UpstreamClient client(m_options);
        UpstreamRequest request = get(m_server->url(QStringLiteral("/first-only")));
        request.method = "POST";
        request.body = "once";
        auto r = run(client, request);
        QVERIFY2(r && r->ok(), qPrintable(message(r)));
        r = run(client, request);
        QVERIFY(r && !r->ok());
        QCOMPARE(r->error().code(), ErrorCode::Unavailable);
        const QString text = r->error().message();
        QVERIFY2(text.startsWith(QLatin1String("upstream POST 127.0.0.1:")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("closed the connection")), qPrintable(text));
        QCOMPARE(m_server->requests(), 2); // RFC 9110 §9.2.2: not retried
        // The client goes on with a new connection.
        r = run(client, get(m_server->url(QStringLiteral("/hello"))));
        QVERIFY2(r && r->ok(), qPrintable(message(r)));
    }

    void bodyDelimitedByTheClose()
    {
        UpstreamClient client(m_options);
        auto r = run(client, get(m_server->url(QStringLiteral("/until-close"))));
        QVERIFY2(r && r->ok(), qPrintable(message(r)));
        QCOMPARE((*r)->body, QByteArray("until the end"));
        QCOMPARE((*r)->header("content-type"), QByteArray("text/plain"));
        r = run(client, get(m_server->url(QStringLiteral("/hello"))));
        QVERIFY2(r && r->ok(), qPrintable(message(r)));
        QCOMPARE(m_server->accepts(), 2);
    }

    void malformedResponseIsAnError()
    {
        UpstreamClient client(m_options);
        const auto r = run(client, get(m_server->url(QStringLiteral("/garbage"))));
        QVERIFY(r && !r->ok());
        if (m_options.ownPlainHttp) // curl takes it for HTTP/0.9, a protocol it refuses
            QCOMPARE(r->error().code(), ErrorCode::Unavailable);
        const QString text = r->error().message();
        QVERIFY2(text.startsWith(QLatin1String("upstream GET 127.0.0.1:")), qPrintable(text));
        QVERIFY2(text.size() > 30, qPrintable(text)); // says what went wrong
    }

    void chunkedBodyArrivesWhole()
    {
        UpstreamClient client(m_options);
        const auto r = run(client, get(m_server->url(QStringLiteral("/chunked?n=2500"))));
        QVERIFY2(r && r->ok(), qPrintable(message(r)));
        QCOMPARE((*r)->body, QByteArray(2500, 'y'));
        QVERIFY(!(*r)->hasHeader("Content-Length"));
    }

private:
    std::unique_ptr<TestHttpServer> m_server;
    UpstreamClient::Options m_options;
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    TestUpstreamClient own(true);
    int failed = QTest::qExec(&own, argc, argv);
    TestUpstreamClient curl(false);
    failed += QTest::qExec(&curl, argc, argv);
    return failed;
}
#include "TestUpstreamClient.moc"
