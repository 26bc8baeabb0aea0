#include "UpstreamTestUtil.h"

#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

using namespace upstreamtest;

// The client against a real nginx (Debian package nginx-light or nginx), started on 127.0.0.1
// with a throw-away prefix. Skipped when /usr/sbin/nginx is absent.
class TestUpstreamNginx : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        const QString nginx = QStringLiteral("/usr/sbin/nginx");
        if (!QFile::exists(nginx))
            QSKIP("nginx is not installed (/usr/sbin/nginx); install the Debian package "
                  "nginx-light to run these tests");
        QVERIFY(m_dir.isValid());
        const QString root = m_dir.path();
        QVERIFY(QDir(root).mkpath(QStringLiteral("www")));
        QFile json(root + QStringLiteral("/www/data.json"));
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write(m_json);
        json.close();

        {
            QTcpServer probe; // a free port; nginx takes it right after
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            m_port = probe.serverPort();
        }
        const QString config =
            QStringLiteral("daemon off;\nmaster_process off;\nworker_processes 1;\n"
                           "pid %1/nginx.pid;\nerror_log %1/error.log warn;\n"
                           "events { worker_connections 1024; }\n"
                           "http {\n"
                           "  access_log off;\n"
                           "  client_body_temp_path %1/body; proxy_temp_path %1/proxy;\n"
                           "  fastcgi_temp_path %1/fastcgi; uwsgi_temp_path %1/uwsgi;\n"
                           "  scgi_temp_path %1/scgi;\n"
                           "  keepalive_requests 10000;\n"
                           "  types { application/json json; }\n"
                           "  server {\n"
                           "    listen 127.0.0.1:%2;\n"
                           "    root %1/www;\n"
                           "    location = /post { return 200 \"posted\"; }\n"
                           "  }\n"
                           "}\n")
                .arg(root)
                .arg(m_port);
        QFile conf(root + QStringLiteral("/nginx.conf"));
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write(config.toUtf8());
        conf.close();

        m_nginx.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_nginx.start(nginx, {QStringLiteral("-p"), root, QStringLiteral("-c"),
                              root + QStringLiteral("/nginx.conf")});
        QVERIFY2(m_nginx.waitForStarted(5000), qPrintable(m_nginx.errorString()));
        bool up = false;
        for (int i = 0; i < 100 && !up; ++i) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, m_port);
            up = socket.waitForConnected(100);
            if (!up)
                QTest::qWait(50);
        }
        QVERIFY2(up, "nginx did not start listening");
    }

    void cleanupTestCase()
    {
        if (m_nginx.state() != QProcess::NotRunning) {
            m_nginx.terminate();
            if (!m_nginx.waitForFinished(5000))
                m_nginx.kill();
            m_nginx.waitForFinished(2000);
        }
    }

    void getJson()
    {
        UpstreamClient client;
        const auto r = run(client, get(url(QStringLiteral("/data.json"))));
        QVERIFY2(r && r->ok(), qPrintable(message(r)));
        QCOMPARE((*r)->status, 200);
        QCOMPARE((*r)->body, m_json);
        QCOMPARE((*r)->header("content-type"), QByteArray("application/json"));
        QVERIFY((*r)->header("Server").startsWith("nginx"));
    }

    void postAndNotFound()
    {
        UpstreamClient client;
        UpstreamRequest request = get(url(QStringLiteral("/post")));
        request.method = "POST";
        request.body = QByteArray(20000, 'p');
        auto r = run(client, request);
        QVERIFY2(r && r->ok(), qPrintable(message(r)));
        QCOMPARE((*r)->status, 200);
        QCOMPARE((*r)->body, QByteArray("posted"));
        r = run(client, get(url(QStringLiteral("/missing.json"))));
        QVERIFY2(r && r->ok(), qPrintable(message(r)));
        QCOMPARE((*r)->status, 404);
    }

    void keepAlive()
    {
        UpstreamClient client;
        for (int i = 0; i < 100; ++i) {
            const auto r = run(client, get(url(QStringLiteral("/data.json"))));
            QVERIFY2(r && r->ok() && (*r)->body == m_json, qPrintable(message(r)));
            QCOMPARE((*r)->connectionReused, i > 0);
        }
        QCOMPARE(client.connectionsOpened(), 1u);
    }

    void concurrent()
    {
        UpstreamClient client;
        const int total = 200;
        int done = 0, good = 0;
        for (int i = 0; i < total; ++i)
            client.send(get(url(QStringLiteral("/data.json"))),
                        [&](gatehouse::Result<UpstreamResponse> r) {
                            ++done;
                            good += r.ok() && r->status == 200 && r->body == m_json;
                        });
        QTRY_COMPARE_WITH_TIMEOUT(done, total, 30000);
        QCOMPARE(good, total);
        QVERIFY(client.connectionsOpened() <= 64u);
        // A second wave runs on the kept-alive connections.
        const quint64 opened = client.connectionsOpened();
        done = good = 0;
        for (int i = 0; i < total; ++i)
            client.send(get(url(QStringLiteral("/data.json"))),
                        [&](gatehouse::Result<UpstreamResponse> r) {
                            ++done;
                            good += r.ok() && r->body == m_json;
                        });
        QTRY_COMPARE_WITH_TIMEOUT(done, total, 30000);
        QCOMPARE(good, total);
        QCOMPARE(client.connectionsOpened(), opened);
    }

private:
    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:") + QString::number(m_port) + path);
    }

    QTemporaryDir m_dir;
    QProcess m_nginx;
    quint16 m_port = 0;
    const QByteArray m_json = "{\"name\":\"gatehouse\",\"tools\":[1,2,3],\"ok\":true}\n";
};

QTEST_GUILESS_MAIN(TestUpstreamNginx)
#include "TestUpstreamNginx.moc"
