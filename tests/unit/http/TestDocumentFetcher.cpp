#include "http/DocumentFetcher.h"
#include "http/Request.h"
#include "http/Responder.h"
#include "http/Response.h"
#include "http/Server.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QMutex>
#include <QTcpServer>
#include <QTimer>
#include <QtTest>

#include <atomic>
#include <memory>

using namespace gatehouse;
using namespace gatehouse::http;
using namespace std::chrono_literals;
using namespace Qt::StringLiterals;

namespace {

QString describe(const Result<DocumentFetcher::Document> &r)
{
    return r.ok() ? u"fetched "_s + QString::number(r->body.size()) + u" bytes"_s
                  : r.error().message();
}

DocumentFetcher::Options allowAll()
{
    DocumentFetcher::Options options;
    options.addressPolicy = AddressPolicy::allowAll();
    options.timeout = 10s;
    return options;
}

} // namespace

class TestDocumentFetcher : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_requests = 0;
        ServerOptions options;
        options.workerThreads = 1;
        m_server = std::make_unique<Server>(options);
        m_server->setHandler([this](const Request &request, std::shared_ptr<Responder> responder) {
            ++m_requests;
            {
                const QMutexLocker lock(&m_mutex);
                m_lastAccept = request.header("Accept");
            }
            const QString path = request.path();
            if (path == u"/doc.json") {
                responder->respond(Response::json(200, "{\"openapi\":\"3.1.0\"}"));
            } else if (path == u"/moved") {
                responder->respond(Response(302, {{"Location", "/doc.json"}}));
            } else if (path == u"/away") {
                // The target comes percent-encoded in the query: "to=http%3A...".
                const QByteArray to = QByteArray::fromPercentEncoding(request.query().mid(3));
                responder->respond(Response(307, {{"Location", to}}));
            } else if (path == u"/missing") {
                responder->respond(Response::error(404, u"no such document"_s));
            } else if (path == u"/broken") {
                responder->respond(Response::text(
                    500, "database \x1b[31mdown\x1b[0m\r\nat line 3 " + QByteArray(500, 'x')));
            } else if (path == u"/big") {
                responder->respond(Response::json(200, QByteArray(2000, ' ')));
            } else if (path == u"/silent") {
                // Never answered within the test: the client gives up first.
                QTimer::singleShot(60'000, [responder] { responder->respond(Response(204)); });
            } else {
                responder->respond(Response::error(404, u"no such path"_s));
            }
        });
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0).ok());
    }
    void cleanup() { m_server.reset(); }

    void fetchesJsonDocument()
    {
        const QUrl url = this->url(u"/doc.json"_s, u"#/components/schemas/Pet"_s);
        const auto r = DocumentFetcher::fetch(url, allowAll());
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r->body, QByteArray("{\"openapi\":\"3.1.0\"}"));
        QCOMPARE(r->contentType, QByteArray("application/json"));
        QCOMPARE(r->finalUrl, this->url(u"/doc.json"_s)); // the fragment is not part of it
        const QMutexLocker lock(&m_mutex);
        QCOMPARE(m_lastAccept,
                 QByteArray("application/json, application/yaml, text/yaml, */*;q=0.1"));
    }

    void followsSameOriginRedirect()
    {
        const auto r = DocumentFetcher::fetch(url(u"/moved"_s), allowAll());
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r->body, QByteArray("{\"openapi\":\"3.1.0\"}"));
        QCOMPARE(r->finalUrl, url(u"/doc.json"_s));
        QCOMPARE(m_requests.load(), 2);
    }

    void noRedirectsWhenNoneAllowed()
    {
        auto options = allowAll();
        options.maxRedirects = 0;
        const auto r = DocumentFetcher::fetch(url(u"/moved"_s), options);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message().contains(url(u"/doc.json"_s).toString()),
                 qPrintable(r.error().message()));
        QCOMPARE(m_requests.load(), 1);
    }

    void refusesCrossOriginRedirect()
    {
        // Same address, other host name: another origin all the same.
        const QString target = u"http://localhost:%1/elsewhere.json"_s.arg(m_server->serverPort());
        const QUrl away =
            url(u"/away"_s, u"?to="_s + QString::fromLatin1(QUrl::toPercentEncoding(target)));
        const auto r = DocumentFetcher::fetch(away, allowAll());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::PermissionDenied);
        QVERIFY2(r.error().message().contains(target), qPrintable(r.error().message()));
        QVERIFY2(r.error().message().contains(u"another origin"_s),
                 qPrintable(r.error().message()));
        QCOMPARE(m_requests.load(), 1);
    }

    void notFoundNamesStatus()
    {
        const QUrl missing = url(u"/missing"_s);
        const auto r = DocumentFetcher::fetch(missing, allowAll());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::NotFound);
        QVERIFY2(r.error().message().contains(u"404"_s), qPrintable(r.error().message()));
        QVERIFY2(r.error().message().contains(missing.toString()), qPrintable(r.error().message()));
    }

    void serverErrorQuotesCleanExcerpt()
    {
        const auto r = DocumentFetcher::fetch(url(u"/broken"_s), allowAll());
        QVERIFY(!r.ok());
        const QString message = r.error().message();
        QVERIFY2(message.contains(u"500"_s), qPrintable(message));
        QVERIFY2(message.contains(u"\"database [31mdown [0m at line 3 xxx"_s), qPrintable(message));
        for (const QChar c : message)
            QVERIFY2(c.category() != QChar::Other_Control, qPrintable(message));
        QVERIFY2(!message.contains(QString(250, u'x')), qPrintable(message));
        QVERIFY2(message.contains(u'\u2026'), qPrintable(message));
        const qsizetype open = message.indexOf(u'"');
        const qsizetype close = message.indexOf(u'"', open + 1);
        QVERIFY(open >= 0 && close > open);
        QVERIFY(close - open - 1 <= 200);
    }

    void refusesBodyOverLimit()
    {
        auto options = allowAll();
        options.maxBytes = 1000;
        const auto r = DocumentFetcher::fetch(url(u"/big"_s), options);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::Validation);
        QVERIFY2(r.error().message().contains(u"1000 bytes"_s), qPrintable(r.error().message()));
        QVERIFY2(r.error().message().contains(url(u"/big"_s).toString()),
                 qPrintable(r.error().message()));
    }

    void timesOut()
    {
        auto options = allowAll();
        options.timeout = 300ms;
        QElapsedTimer timer;
        timer.start();
        const auto r = DocumentFetcher::fetch(url(u"/silent"_s), options);
        QVERIFY(!r.ok());
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(r.error().code(), ErrorCode::Unavailable);
        QVERIFY2(r.error().message().contains(u"300 ms"_s), qPrintable(r.error().message()));
    }

    void publicOnlyRefusesLoopbackBeforeSending()
    {
        DocumentFetcher::Options options;
        options.addressPolicy = AddressPolicy::publicOnly();
        options.timeout = 10s;
        const auto r = DocumentFetcher::fetch(url(u"/doc.json"_s), options);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::PermissionDenied);
        const QString message = r.error().message();
        QVERIFY2(message.contains(u"loopback"_s), qPrintable(message));
        QVERIFY2(message.contains(u"private networks"_s), qPrintable(message));
        QVERIFY2(message.contains(url(u"/doc.json"_s).toString()), qPrintable(message));
        QTest::qWait(50); // a request that slipped through would show up by now
        QCOMPARE(m_requests.load(), 0);
        QCOMPARE(m_server->connectionCount(), 0);
    }

    void publicOnlyWithExemptionFetches()
    {
        DocumentFetcher::Options options;
        options.addressPolicy = AddressPolicy::publicOnly();
        options.addressPolicy.exemptForTesting({QHostAddress(QHostAddress::LocalHost)});
        options.timeout = 10s;
        const auto r = DocumentFetcher::fetch(url(u"/doc.json"_s), options);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r->body, QByteArray("{\"openapi\":\"3.1.0\"}"));
    }

    void refusesUnsuitableUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("requireHttps");
        QTest::addColumn<QString>("expected");
        QTest::newRow("http when https is required")
            << u"http://127.0.0.1:1/doc.json"_s << true << u"only https"_s;
        QTest::newRow("ftp") << u"ftp://127.0.0.1/doc.json"_s << false << u"only http and https"_s;
        QTest::newRow("file") << u"file:///etc/passwd"_s << false << u"only http and https"_s;
        QTest::newRow("user-info")
            << u"http://alice:s3cret@127.0.0.1:1/doc.json"_s << false << u"user name or password"_s;
        QTest::newRow("relative") << u"doc.json"_s << false << u"not an absolute"_s;
    }
    void refusesUnsuitableUrls()
    {
        QFETCH(QString, url);
        QFETCH(bool, requireHttps);
        QFETCH(QString, expected);
        auto options = allowAll();
        options.requireHttps = requireHttps;
        const auto r = DocumentFetcher::fetch(QUrl(url), options);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message().contains(expected), qPrintable(r.error().message()));
        QVERIFY2(!r.error().message().contains(u"s3cret"_s), qPrintable(r.error().message()));
        QVERIFY2(!r.error().message().contains(u"alice"_s), qPrintable(r.error().message()));
    }

    void queryIsNotShownInMessages()
    {
        const auto r = DocumentFetcher::fetch(url(u"/missing"_s, u"?api_key=k3y"_s), allowAll());
        QVERIFY(!r.ok());
        QVERIFY2(!r.error().message().contains(u"k3y"_s), qPrintable(r.error().message()));
    }

    void connectionRefusedNamesUrl()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        } // closed: nothing listens there any more
        const QUrl closed(u"http://127.0.0.1:%1/doc.json"_s.arg(port));
        const auto r = DocumentFetcher::fetch(closed, allowAll());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::Unavailable);
        QVERIFY2(r.error().message().contains(closed.toString()), qPrintable(r.error().message()));
    }

    void worksInsideRunningEventLoop()
    {
        std::optional<Result<DocumentFetcher::Document>> result;
        QEventLoop outer;
        QTimer::singleShot(0, &outer, [&] {
            result = DocumentFetcher::fetch(url(u"/doc.json"_s), allowAll());
            outer.quit();
        });
        QTimer::singleShot(10'000, &outer, &QEventLoop::quit);
        outer.exec();
        QVERIFY(result.has_value());
        QVERIFY2(result->ok(), qPrintable(describe(*result)));
    }

private:
    QUrl url(const QString &path, const QString &suffix = QString()) const
    {
        return QUrl(u"http://127.0.0.1:%1%2%3"_s.arg(QString::number(m_server->serverPort()), path,
                                                     suffix));
    }

    std::unique_ptr<Server> m_server;
    std::atomic<int> m_requests{0};
    QMutex m_mutex;
    QByteArray m_lastAccept;
};

QTEST_GUILESS_MAIN(TestDocumentFetcher)
#include "TestDocumentFetcher.moc"
