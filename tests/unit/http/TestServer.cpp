#include "TlsTestCertificate.h"
#include "http/Server.h"

#include <QHostAddress>
#include <QMutex>
#include <QNetworkInterface>
#include <QSslSocket>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QtTest>

#include <atomic>
#include <memory>
#include <set>

using namespace gatehouse::http;
using namespace std::chrono_literals;

namespace {

// What the handlers saw, shared between worker threads and the test thread.
struct Observed
{
    QMutex mutex;
    std::set<QThread *> handlerThreads;
    std::atomic<int> disconnects{0};
    std::atomic<int> slowStarted{0};
    std::atomic<int> requests{0};
};

QByteArray queryValue(const Request &r, QByteArrayView key)
{
    for (const QByteArray &pair : r.query().split('&')) {
        if (pair.startsWith(QByteArray(key.toByteArray() + "=")))
            return pair.mid(key.size() + 1);
    }
    return {};
}

Handler makeHandler(Observed *observed)
{
    return [observed](const Request &request, std::shared_ptr<Responder> responder) {
        ++observed->requests;
        {
            const QMutexLocker lock(&observed->mutex);
            observed->handlerThreads.insert(QThread::currentThread());
        }
        const QString &path = request.path();
        if (path == u"/echo") {
            responder->respond(Response::text(200, request.method() + ' ' + request.target() + ' ' +
                                                       request.body()));
        } else if (path == u"/slow") {
            ++observed->slowStarted;
            const int ms = queryValue(request, "ms").toInt();
            const QByteArray tag = queryValue(request, "tag");
            QTimer::singleShot(
                ms, [responder, tag] { responder->respond(Response::text(200, "slow " + tag)); });
        } else if (path == u"/thread") {
            responder->respond(
                Response::text(200, QByteArray::number(quintptr(QThread::currentThread()), 16)));
        } else if (path == u"/client") {
            responder->respond(Response::text(
                200, request.clientAddress().toString().toLatin1() + ' ' + request.scheme() + ' ' +
                         request.peerAddress().toString().toLatin1()));
        } else if (path == u"/sse") {
            const int ms = queryValue(request, "ms").toInt();
            responder->startStream(200);
            responder->sendEvent("hello\nworld", "greeting", "1");
            QTimer::singleShot(ms, [responder] {
                responder->sendEvent("bye");
                responder->close();
            });
        } else if (path == u"/hold") {
            responder->onDisconnected([observed] { ++observed->disconnects; });
            // Kept alive by a long timer: the client leaves first.
            QTimer::singleShot(60'000, [responder] { responder->respond(Response(204)); });
        } else if (path == u"/drop") {
            // Dropped without an answer: the server answers 500.
        } else {
            responder->respond(Response::error(404, QStringLiteral("no such path")));
        }
    };
}

// The server on its own thread, so that the test thread may block on client sockets.
class Fixture
{
public:
    explicit Fixture(ServerOptions options, Observed *observed,
                     std::optional<QSslConfiguration> tls = std::nullopt,
                     const QHostAddress &address = QHostAddress::LocalHost)
    {
        m_thread.start();
        m_server = new Server(std::move(options));
        m_server->setHandler(makeHandler(observed));
        m_server->moveToThread(&m_thread);
        QMetaObject::invokeMethod(
            m_server,
            [&] {
                const auto status = m_server->listen(address, 0, tls);
                m_ok = status.ok();
                m_port = m_server->serverPort();
            },
            Qt::BlockingQueuedConnection);
    }
    ~Fixture()
    {
        QMetaObject::invokeMethod(
            m_server, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

    bool ok() const { return m_ok; }
    quint16 port() const { return m_port; }
    Server *server() const { return m_server; }
    QThread *thread() { return &m_thread; }

private:
    QThread m_thread;
    Server *m_server = nullptr;
    quint16 m_port = 0;
    bool m_ok = false;
};

struct HttpResponse
{
    int status = 0;
    QMap<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    bool complete = false;
};

// A small blocking HTTP/1.1 client that reads exactly one response at a time.
class Client
{
public:
    explicit Client(QTcpSocket *socket = nullptr)
        : m_socket(socket ? socket : new QTcpSocket)
    {}
    ~Client() { delete m_socket; }

    bool connect(quint16 port, const QHostAddress &address = QHostAddress::LocalHost)
    {
        m_socket->connectToHost(address, port);
        return m_socket->waitForConnected(5000);
    }
    void send(const QByteArray &data)
    {
        m_socket->write(data);
        m_socket->flush();
    }
    QTcpSocket *socket() { return m_socket; }

    bool fill(int timeoutMs)
    {
        if (m_socket->bytesAvailable() == 0 && !m_socket->waitForReadyRead(timeoutMs))
            return false;
        m_buf += m_socket->readAll();
        return true;
    }

    QByteArray readUntil(QByteArrayView marker, int timeoutMs = 5000)
    {
        QElapsedTimer timer;
        timer.start();
        while (!m_buf.contains(marker)) {
            if (timer.elapsed() > timeoutMs || !fill(int(timeoutMs - timer.elapsed())))
                return {};
        }
        const qsizetype end = m_buf.indexOf(marker) + marker.size();
        const QByteArray out = m_buf.left(end);
        m_buf.remove(0, end);
        return out;
    }

    HttpResponse read(int timeoutMs = 5000, bool headRequest = false)
    {
        HttpResponse r;
        const QByteArray head = readUntil("\r\n\r\n", timeoutMs);
        if (head.isEmpty())
            return r;
        const QList<QByteArray> lines = head.trimmed().split('\n');
        r.status = lines.value(0).split(' ').value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            r.headers.insert(line.left(colon).toLower(), line.mid(colon + 1).trimmed());
        }
        if (headRequest) {
            // no body whatever the fields say
        } else if (r.headers.value("transfer-encoding") == "chunked") {
            for (;;) {
                const QByteArray sizeLine = readUntil("\r\n", timeoutMs);
                bool ok = false;
                const int size = sizeLine.trimmed().toInt(&ok, 16);
                if (!ok)
                    return r;
                while (m_buf.size() < size + 2) {
                    if (!fill(timeoutMs))
                        return r;
                }
                r.body += m_buf.left(size);
                m_buf.remove(0, size + 2);
                if (size == 0)
                    break;
            }
        } else {
            const int length = r.headers.value("content-length").toInt();
            while (m_buf.size() < length) {
                if (!fill(timeoutMs))
                    return r;
            }
            r.body = m_buf.left(length);
            m_buf.remove(0, length);
        }
        r.complete = true;
        return r;
    }

    // True when the server closed the connection within the time.
    bool waitClosed(int timeoutMs = 5000)
    {
        QElapsedTimer timer;
        timer.start();
        while (m_socket->state() != QAbstractSocket::UnconnectedState) {
            if (timer.elapsed() > timeoutMs)
                return false;
            if (m_socket->waitForReadyRead(50))
                m_buf += m_socket->readAll();
        }
        return true;
    }

private:
    QTcpSocket *m_socket;
    QByteArray m_buf;
};

QByteArray get(const QByteArray &target, const QByteArray &extra = {})
{
    return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + extra + "\r\n";
}

ServerOptions fastOptions()
{
    ServerOptions options;
    options.workerThreads = 2;
    return options;
}

} // namespace

class TestServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keepAliveReuse()
    {
        Observed observed;
        Fixture fixture(fastOptions(), &observed);
        QVERIFY(fixture.ok());
        Client client;
        QVERIFY(client.connect(fixture.port()));
        for (int i = 0; i < 3; ++i) {
            client.send(get("/echo?i=" + QByteArray::number(i)));
            const HttpResponse r = client.read();
            QCOMPARE(r.status, 200);
            QCOMPARE(r.body, "GET /echo?i=" + QByteArray::number(i) + ' ');
            QVERIFY(!r.headers.contains("connection"));
            QCOMPARE(client.socket()->state(), QAbstractSocket::ConnectedState);
        }
        // HEAD: the length of the GET body, no body.
        client.send("HEAD /echo HTTP/1.1\r\nHost: a\r\n\r\n" + get("/echo"));
        const HttpResponse head = client.read(5000, true);
        QCOMPARE(head.headers.value("content-length"), QByteArray("11")); // "HEAD /echo "
        QCOMPARE(head.body, QByteArray());
        QCOMPARE(client.read().body, QByteArray("GET /echo "));
    }

    void pipelinedAnsweredInOrder()
    {
        Observed observed;
        Fixture fixture(fastOptions(), &observed);
        Client client;
        QVERIFY(client.connect(fixture.port()));
        // The first is answered last (after 300 ms), the others at once.
        client.send(get("/slow?ms=300&tag=first") + get("/echo?second") +
                    "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nthird" +
                    get("/slow?ms=10&tag=fourth"));
        QCOMPARE(client.read().body, QByteArray("slow first"));
        QCOMPARE(client.read().body, QByteArray("GET /echo?second "));
        QCOMPARE(client.read().body, QByteArray("POST /echo third"));
        QCOMPARE(client.read().body, QByteArray("slow fourth"));
        QCOMPARE(observed.requests.load(), 4);
    }

    void chunkedRequestBody()
    {
        Observed observed;
        Fixture fixture(fastOptions(), &observed);
        Client client;
        QVERIFY(client.connect(fixture.port()));
        client.send("POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                    "5\r\nhello\r\n");
        QTest::qWait(50);
        client.send("6;x=y\r\n world\r\n0\r\nX-T: 1\r\n\r\n");
        const HttpResponse r = client.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("POST /echo hello world"));
    }

    void expectContinue()
    {
        Observed observed;
        Fixture fixture(fastOptions(), &observed);
        Client client;
        QVERIFY(client.connect(fixture.port()));
        client.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n"
                    "Expect: 100-continue\r\n\r\n");
        const HttpResponse interim = client.read();
        QCOMPARE(interim.status, 100);
        client.send("body");
        QCOMPARE(client.read().body, QByteArray("POST /echo body"));
    }

    void limitsAnswerAndClose_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::newRow("body too large")
            << QByteArray("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 2000\r\n\r\n") << 413;
        QTest::newRow("body too large with expect")
            << QByteArray("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 2000\r\n"
                          "Expect: 100-continue\r\n\r\n")
            << 413;
        QTest::newRow("oauth body limit")
            << QByteArray("POST /oauth/token HTTP/1.1\r\nHost: a\r\nContent-Length: 65\r\n\r\n")
            << 413;
        QTest::newRow("request line too long") << get("/" + QByteArray(300, 'a')) << 414;
        QTest::newRow("header line too long")
            << get("/echo", "X-Big: " + QByteArray(300, 'v') + "\r\n") << 431;
        QByteArray many;
        for (int i = 0; i < 11; ++i)
            many += "X-" + QByteArray::number(i) + ": v\r\n";
        QTest::newRow("too many headers") << get("/echo", many) << 431;
        QTest::newRow("smuggling te+cl")
            << QByteArray("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
            << 400;
        QTest::newRow("unsupported coding")
            << QByteArray(
                   "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n")
            << 501;
    }
    void limitsAnswerAndClose()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        ServerOptions options = fastOptions();
        options.limits.maxBody = 1000;
        options.limits.bodyLimits = {{QStringLiteral("/oauth/"), 64}};
        options.limits.maxRequestLine = 256;
        options.limits.maxHeaderLine = 256;
        options.limits.maxHeaderBlock = 1024;
        options.limits.maxHeaderCount = 10;
        Observed observed;
        Fixture fixture(options, &observed);
        Client client;
        QVERIFY(client.connect(fixture.port()));
        client.send(get("/echo") + request);
        QCOMPARE(client.read().status, 200); // the request before the bad one is answered
        const HttpResponse r = client.read();
        QCOMPARE(r.status, status);
        QCOMPARE(r.headers.value("connection"), QByteArray("close"));
        QCOMPARE(r.headers.value("content-type"), QByteArray("application/json"));
        QVERIFY(r.body.contains("\"message\""));
        QVERIFY(client.waitClosed());
        QCOMPARE(observed.requests.load(), 1);
    }

    void slowHeadersGet408()
    {
        ServerOptions options = fastOptions();
        options.limits.headersTimeout = 300ms;
        Observed observed;
        Fixture fixture(options, &observed);
        Client client;
        QVERIFY(client.connect(fixture.port()));
        QElapsedTimer timer;
        timer.start();
        client.send("GET /echo HTTP/1.1\r\nHo");
        QTest::qWait(100);
        client.send("st: a\r\n"); // more bytes do not extend the deadline
        const HttpResponse r = client.read(3000);
        QCOMPARE(r.status, 408);
        QCOMPARE(r.headers.value("connection"), QByteArray("close"));
        QVERIFY2(timer.elapsed() >= 250 && timer.elapsed() < 2000,
                 qPrintable(QString::number(timer.elapsed())));
        QVERIFY(client.waitClosed());
    }

    void silentConnectionGets408()
    {
        ServerOptions options = fastOptions();
        options.limits.headersTimeout = 200ms;
        Observed observed;
        Fixture fixture(options, &observed);
        Client client;
        QVERIFY(client.connect(fixture.port()));
        QCOMPARE(client.read(3000).status, 408);
        QVERIFY(client.waitClosed());
    }

    void slowBodyGets408()
    {
        ServerOptions options = fastOptions();
        options.limits.bodyTimeout = 300ms;
        Observed observed;
        Fixture fixture(options, &observed);
        Client client;
        QVERIFY(client.connect(fixture.port()));
        client.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nabc");
        QCOMPARE(client.read(3000).status, 408);
        QVERIFY(client.waitClosed());
        QCOMPARE(observed.requests.load(), 0);
    }

    void idleKeepAliveCloses()
    {
        ServerOptions options = fastOptions();
        options.limits.idleTimeout = 300ms;
        Observed observed;
        Fixture fixture(options, &observed);
        Client client;
        QVERIFY(client.connect(fixture.port()));
        client.send(get("/echo"));
        QCOMPARE(client.read().status, 200);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(client.waitClosed(3000));
        QVERIFY2(timer.elapsed() >= 250, qPrintable(QString::number(timer.elapsed())));
    }

    void requestCapPerConnection()
    {
        ServerOptions options = fastOptions();
        options.limits.maxRequestsPerConnection = 3;
        Observed observed;
        Fixture fixture(options, &observed);
        Client client;
        QVERIFY(client.connect(fixture.port()));
        for (int i = 1; i <= 3; ++i) {
            client.send(get("/echo"));
            const HttpResponse r = client.read();
            QCOMPARE(r.status, 200);
            QCOMPARE(r.headers.value("connection"), i == 3 ? QByteArray("close") : QByteArray());
        }
        QVERIFY(client.waitClosed());
    }

    void connectionCap()
    {
        ServerOptions options = fastOptions();
        options.limits.maxConnections = 2;
        Observed observed;
        Fixture fixture(options, &observed);
        Client a;
        Client b;
        for (Client *c : {&a, &b}) {
            QVERIFY(c->connect(fixture.port()));
            c->send(get("/echo"));
            QCOMPARE(c->read().status, 200);
        }
        Client c;
        QVERIFY(c.connect(fixture.port()));
        const HttpResponse r = c.read();
        QCOMPARE(r.status, 503);
        QCOMPARE(r.headers.value("connection"), QByteArray("close"));
        QVERIFY(c.waitClosed());
        // A freed place is usable again.
        a.socket()->disconnectFromHost();
        QTRY_COMPARE(fixture.server()->connectionCount(), 1);
        Client d;
        QVERIFY(d.connect(fixture.port()));
        d.send(get("/echo"));
        QCOMPARE(d.read().status, 200);
    }

    void connectionCapPerAddress()
    {
        QHostAddress lan;
        for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
            if (address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLoopback()) {
                lan = address;
                break;
            }
        }
        if (lan.isNull())
            QSKIP("no non-loopback IPv4 address on this machine");
        ServerOptions options = fastOptions();
        options.limits.maxConnectionsPerAddress = 2;
        Observed observed;
        Fixture fixture(options, &observed, std::nullopt, lan);
        QVERIFY(fixture.ok());
        Client a;
        Client b;
        Client c;
        for (Client *client : {&a, &b}) {
            QVERIFY(client->connect(fixture.port(), lan));
            client->send(get("/echo"));
            QCOMPARE(client->read().status, 200);
        }
        QVERIFY(c.connect(fixture.port(), lan));
        QCOMPARE(c.read().status, 503);
        // Loopback is not limited per address.
        ServerOptions loopbackOptions = fastOptions();
        loopbackOptions.limits.maxConnectionsPerAddress = 1;
        Fixture loopback(loopbackOptions, &observed);
        Client l1;
        Client l2;
        for (Client *client : {&l1, &l2}) {
            QVERIFY(client->connect(loopback.port()));
            client->send(get("/echo"));
            QCOMPARE(client->read().status, 200);
        }
    }

    void manyConcurrentClients()
    {
        Observed observed;
        Fixture fixture(fastOptions(), &observed);
        constexpr int kClients = 200;
        constexpr int kRounds = 3;
        std::vector<std::unique_ptr<Client>> clients;
        for (int i = 0; i < kClients; ++i) {
            clients.push_back(std::make_unique<Client>());
            QVERIFY(clients.back()->connect(fixture.port()));
        }
        QElapsedTimer timer;
        timer.start();
        for (int round = 0; round < kRounds; ++round) {
            for (int i = 0; i < kClients; ++i)
                clients[std::size_t(i)]->send(get("/echo?" + QByteArray::number(i)));
            for (int i = 0; i < kClients; ++i) {
                const HttpResponse r = clients[std::size_t(i)]->read();
                QCOMPARE(r.status, 200);
                QCOMPARE(r.body, "GET /echo?" + QByteArray::number(i) + ' ');
            }
        }
        qInfo("%d requests on %d keep-alive connections in %lld ms", kClients * kRounds, kClients,
              qint64(timer.elapsed()));
        QCOMPARE(observed.requests.load(), kClients * kRounds);
        QCOMPARE(fixture.server()->connectionCount(), kClients);
    }

    void sseKeepAliveAndNoTimeout()
    {
        ServerOptions options = fastOptions();
        options.sseKeepAlive = 100ms;
        options.limits.headersTimeout = 200ms;
        options.limits.bodyTimeout = 200ms;
        options.limits.idleTimeout = 200ms;
        Observed observed;
        Fixture fixture(options, &observed);
        Client client;
        QVERIFY(client.connect(fixture.port()));
        client.send(get("/sse?ms=900"));
        const QByteArray head = client.readUntil("\r\n\r\n");
        QVERIFY(head.startsWith("HTTP/1.1 200 OK\r\n"));
        QVERIFY(head.contains("Content-Type: text/event-stream\r\n"));
        QVERIFY(head.contains("Transfer-Encoding: chunked\r\n"));
        QVERIFY(!head.contains("Content-Length"));
        // The stream outlives every request timeout and carries keepalive comments.
        const QByteArray stream = client.readUntil("\r\n0\r\n\r\n", 3000);
        QVERIFY(stream.contains("event: greeting\nid: 1\ndata: hello\ndata: world\n\n\r\n"));
        QVERIFY(stream.contains("data: bye\n\n\r\n"));
        QVERIFY2(stream.count(": keepalive\n\n") >= 4, stream.constData());
        // The connection is still usable after the stream.
        client.send(get("/echo"));
        QCOMPARE(client.read().status, 200);
    }

    void sseOnHttp10IsCloseDelimited()
    {
        Observed observed;
        Fixture fixture(fastOptions(), &observed);
        Client client;
        QVERIFY(client.connect(fixture.port()));
        client.send("GET /sse?ms=50 HTTP/1.0\r\n\r\n");
        const QByteArray head = client.readUntil("\r\n\r\n");
        QVERIFY(head.contains("Connection: close\r\n"));
        QVERIFY(!head.contains("Transfer-Encoding"));
        QVERIFY(client.readUntil("data: bye\n\n").contains("data: hello"));
        QVERIFY(client.waitClosed());
    }

    void clientDisconnectNotifiesHandler()
    {
        Observed observed;
        Fixture fixture(fastOptions(), &observed);
        Client client;
        QVERIFY(client.connect(fixture.port()));
        client.send(get("/hold"));
        QTRY_COMPARE(observed.requests.load(), 1);
        QCOMPARE(observed.disconnects.load(), 0);
        client.socket()->disconnectFromHost();
        QTRY_COMPARE(observed.disconnects.load(), 1);
    }

    void droppedResponderAnswers500()
    {
        Observed observed;
        Fixture fixture(fastOptions(), &observed);
        Client client;
        QVERIFY(client.connect(fixture.port()));
        client.send(get("/drop") + get("/echo"));
        QCOMPARE(client.read().status, 500);
        QCOMPARE(client.read().status, 200);
    }

    void gracefulShutdown()
    {
        Observed observed;
        Fixture fixture(fastOptions(), &observed);
        Client busy;
        Client idle;
        QVERIFY(busy.connect(fixture.port()));
        QVERIFY(idle.connect(fixture.port()));
        idle.send(get("/echo"));
        QCOMPARE(idle.read().status, 200);
        busy.send(get("/slow?ms=400&tag=inflight"));
        QTRY_COMPARE(observed.slowStarted.load(), 1);

        std::atomic<bool> finished{false};
        Server *server = fixture.server();
        QMetaObject::invokeMethod(
            server,
            [server, &finished] {
                QObject::connect(server, &Server::finished, server,
                                 [&finished] { finished = true; });
                server->shutdown(5s);
            },
            Qt::BlockingQueuedConnection);
        QVERIFY(idle.waitClosed(2000)); // idle keep-alive connections close at once
        QVERIFY(!finished);
        const HttpResponse r = busy.read(); // the request in flight completes
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("slow inflight"));
        QCOMPARE(r.headers.value("connection"), QByteArray("close"));
        QVERIFY(busy.waitClosed());
        QTRY_VERIFY(finished.load());
        Client late;
        const bool connected = late.connect(fixture.port());
        QVERIFY(!connected || late.waitClosed(2000));
    }

    void shutdownDeadlineDropsStragglers()
    {
        Observed observed;
        Fixture fixture(fastOptions(), &observed);
        Client client;
        QVERIFY(client.connect(fixture.port()));
        client.send(get("/hold"));
        QTRY_COMPARE(observed.requests.load(), 1);
        std::atomic<bool> finished{false};
        Server *server = fixture.server();
        QElapsedTimer timer;
        timer.start();
        QMetaObject::invokeMethod(
            server,
            [server, &finished] {
                QObject::connect(server, &Server::finished, server,
                                 [&finished] { finished = true; });
                server->shutdown(300ms);
            },
            Qt::BlockingQueuedConnection);
        QTRY_VERIFY(finished.load());
        QVERIFY(timer.elapsed() >= 250);
        QVERIFY(client.waitClosed());
        QTRY_COMPARE(observed.disconnects.load(), 1);
    }

    void shutdownEndsStreams()
    {
        Observed observed;
        Fixture fixture(fastOptions(), &observed);
        Client client;
        QVERIFY(client.connect(fixture.port()));
        client.send(get("/sse?ms=60000"));
        QVERIFY(client.readUntil("data: world\n\n\r\n").contains("event: greeting"));
        std::atomic<bool> finished{false};
        Server *server = fixture.server();
        QElapsedTimer timer;
        timer.start();
        QMetaObject::invokeMethod(
            server,
            [server, &finished] {
                QObject::connect(server, &Server::finished, server,
                                 [&finished] { finished = true; });
                server->shutdown(10s);
            },
            Qt::BlockingQueuedConnection);
        QVERIFY(!client.readUntil("0\r\n\r\n").isEmpty()); // the stream is ended properly
        QVERIFY(client.waitClosed());
        QTRY_VERIFY(finished.load());
        QVERIFY(timer.elapsed() < 5000);
    }

    void handlersRunOnWorkerThreads()
    {
        Observed observed;
        ServerOptions options;
        options.workerThreads = 2;
        Fixture fixture(options, &observed);
        std::vector<std::unique_ptr<Client>> clients;
        for (int i = 0; i < 4; ++i) {
            clients.push_back(std::make_unique<Client>());
            QVERIFY(clients.back()->connect(fixture.port()));
            clients.back()->send(get("/thread"));
            QCOMPARE(clients.back()->read().status, 200);
        }
        const QMutexLocker lock(&observed.mutex);
        QCOMPARE(observed.handlerThreads.size(), std::size_t(2));
        QVERIFY(!observed.handlerThreads.count(fixture.thread()));
        QVERIFY(!observed.handlerThreads.count(QThread::currentThread()));
    }

    void forwardedForOnlyFromTrustedProxies_data()
    {
        QTest::addColumn<bool>("trusted");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("untrusted peer") << false << QByteArray("127.0.0.1 http 127.0.0.1");
        QTest::newRow("trusted peer") << true << QByteArray("203.0.113.7 https 127.0.0.1");
    }
    void forwardedForOnlyFromTrustedProxies()
    {
        QFETCH(bool, trusted);
        QFETCH(QByteArray, expected);
        ServerOptions options = fastOptions();
        if (trusted)
            options.trustedProxies = {QHostAddress(QStringLiteral("127.0.0.1")),
                                      QHostAddress(QStringLiteral("10.0.0.2"))};
        Observed observed;
        Fixture fixture(options, &observed);
        Client client;
        QVERIFY(client.connect(fixture.port()));
        client.send(get("/client", "X-Forwarded-For: 198.51.100.1, 203.0.113.7, 10.0.0.2\r\n"
                                   "X-Forwarded-Proto: https\r\n"));
        QCOMPARE(client.read().body, expected);
    }

    void tls()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend");
        const auto cert = gatehouse::test::TlsTestCertificate::generate();
        QVERIFY(!cert.isNull());
        QSslConfiguration serverConfig = QSslConfiguration::defaultConfiguration();
        serverConfig.setLocalCertificate(cert.certificate);
        serverConfig.setPrivateKey(cert.key);
        serverConfig.setPeerVerifyMode(QSslSocket::VerifyNone);
        Observed observed;
        Fixture fixture(fastOptions(), &observed, serverConfig);
        QVERIFY(fixture.ok());

        auto *socket = new QSslSocket;
        QSslConfiguration clientConfig = QSslConfiguration::defaultConfiguration();
        clientConfig.setCaCertificates({cert.certificate});
        socket->setSslConfiguration(clientConfig);
        Client client(socket);
        socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), fixture.port());
        QVERIFY2(socket->waitForEncrypted(5000), qPrintable(socket->errorString()));
        client.send(get("/client") + get("/echo"));
        QCOMPARE(client.read().body, QByteArray("127.0.0.1 https 127.0.0.1"));
        QCOMPARE(client.read().body, QByteArray("GET /echo "));

        // Plain HTTP to the TLS port gets nowhere.
        Client plain;
        QVERIFY(plain.connect(fixture.port()));
        plain.send(get("/echo"));
        QVERIFY(plain.waitClosed());
        QCOMPARE(observed.requests.load(), 2);
    }
};

QTEST_GUILESS_MAIN(TestServer)
#include "TestServer.moc"
