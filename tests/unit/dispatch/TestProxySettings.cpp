#include "dispatch/ProxySettings.h"

#include <QtTest>

using gatehouse::dispatch::ProxySettings;

class TestProxySettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void proxyFor_data()
    {
        QTest::addColumn<QStringList>("environment"); // NAME=value
        QTest::addColumn<QString>("url");
        QTest::addColumn<QByteArray>("expected"); // empty: direct

        const QString proxied = QStringLiteral("https_proxy=http://proxy:3128");
        auto row = [](const char *name, QStringList env, const char *url, const char *expected) {
            QTest::newRow(name) << env << QString::fromLatin1(url) << QByteArray(expected);
        };
        row("nothing set", {}, "https://api.example.com/", "");
        row("https_proxy for https", {proxied}, "https://api.example.com/", "http://proxy:3128");
        row("https_proxy not for http", {proxied}, "http://api.example.com/", "");
        row("http_proxy for http", {QStringLiteral("http_proxy=http://p:8080")},
            "http://api.example.com/", "http://p:8080");
        row("http_proxy not for https", {QStringLiteral("http_proxy=http://p:8080")},
            "https://api.example.com/", "");
        row("upper case", {QStringLiteral("HTTPS_PROXY=http://upper:1")},
            "https://api.example.com/", "http://upper:1");
        row("lower case wins",
            {QStringLiteral("HTTPS_PROXY=http://upper:1"),
             QStringLiteral("https_proxy=http://lower:2")},
            "https://api.example.com/", "http://lower:2");
        row("HTTP_PROXY", {QStringLiteral("HTTP_PROXY=http://upper:1")}, "http://a.example/",
            "http://upper:1");
        row("bare host:port", {QStringLiteral("https_proxy=proxy:3128")}, "https://a.example/",
            "http://proxy:3128");
        row("with credentials and scheme", {QStringLiteral("https_proxy=https://u:p@proxy:443")},
            "https://a.example/", "https://u:p@proxy:443");
        row("all_proxy fallback", {QStringLiteral("all_proxy=socks5h://s:1080")},
            "http://a.example/", "socks5h://s:1080");
        row("specific beats all_proxy", {QStringLiteral("all_proxy=socks5h://s:1080"), proxied},
            "https://a.example/", "http://proxy:3128");
        row("blank value ignored", {QStringLiteral("https_proxy=  ")}, "https://a.example/", "");

        // no_proxy
        const QString base = proxied;
        row("no_proxy exact", {base, QStringLiteral("no_proxy=api.example.com")},
            "https://api.example.com/", "");
        row("no_proxy domain covers subdomains", {base, QStringLiteral("no_proxy=example.com")},
            "https://api.example.com/", "");
        row("no_proxy domain covers itself", {base, QStringLiteral("no_proxy=example.com")},
            "https://example.com/", "");
        row("no_proxy is not a plain suffix", {base, QStringLiteral("no_proxy=example.com")},
            "https://badexample.com/", "http://proxy:3128");
        row("no_proxy leading dot", {base, QStringLiteral("no_proxy=.example.com")},
            "https://example.com/", "");
        row("no_proxy leading dot, subdomain", {base, QStringLiteral("no_proxy=.example.com")},
            "https://a.b.example.com/", "");
        row("no_proxy *.domain", {base, QStringLiteral("no_proxy=*.example.com")},
            "https://a.example.com/", "");
        row("no_proxy star", {base, QStringLiteral("no_proxy=*")}, "https://anything.test/", "");
        row("no_proxy list with spaces", {base, QStringLiteral("no_proxy=a.test, b.test ,c.test")},
            "https://b.test/", "");
        row("no_proxy list, other host", {base, QStringLiteral("no_proxy=a.test,b.test")},
            "https://d.test/", "http://proxy:3128");
        row("no_proxy case-insensitive", {base, QStringLiteral("no_proxy=EXAMPLE.com")},
            "https://Api.Example.COM/", "");
        row("no_proxy with a trailing-dot host", {base, QStringLiteral("no_proxy=example.com")},
            "https://api.example.com./", "");
        row("NO_PROXY", {base, QStringLiteral("NO_PROXY=example.com")}, "https://example.com/", "");
        row("no_proxy IP", {base, QStringLiteral("no_proxy=192.168.1.10")}, "https://192.168.1.10/",
            "");
        row("no_proxy IP, other address", {base, QStringLiteral("no_proxy=192.168.1.10")},
            "https://192.168.1.11/", "http://proxy:3128");
        row("no_proxy CIDR", {base, QStringLiteral("no_proxy=10.0.0.0/8")},
            "https://10.20.30.40:8443/", "");
        row("no_proxy CIDR, outside", {base, QStringLiteral("no_proxy=10.0.0.0/8")},
            "https://11.0.0.1/", "http://proxy:3128");
        row("no_proxy IPv6 CIDR", {base, QStringLiteral("no_proxy=fd00::/8")}, "https://[fd12::1]/",
            "");
        row("no_proxy host:port matches that port",
            {base, QStringLiteral("no_proxy=example.com:8443")}, "https://example.com:8443/", "");
        row("no_proxy host:port, other port", {base, QStringLiteral("no_proxy=example.com:8443")},
            "https://example.com/", "http://proxy:3128");
        row("no_proxy host:443 matches the default port",
            {base, QStringLiteral("no_proxy=example.com:443")}, "https://example.com/", "");
        row("no_proxy a name does not match an IP", {base, QStringLiteral("no_proxy=example.com")},
            "https://93.184.216.34/", "http://proxy:3128");

        // Loopback is never proxied.
        row("localhost", {base}, "https://localhost:9000/", "");
        row("sub.localhost", {base}, "https://api.localhost/", "");
        row("127.0.0.1", {base}, "https://127.0.0.1:9000/", "");
        row("127.8.9.10", {base}, "https://127.8.9.10/", "");
        row("::1", {base}, "https://[::1]:9000/", "");
        row("localhost, even with http_proxy", {QStringLiteral("http_proxy=http://p:1")},
            "http://localhost/", "");
    }

    void proxyFor()
    {
        QFETCH(QStringList, environment);
        QFETCH(QString, url);
        QFETCH(QByteArray, expected);
        QProcessEnvironment env;
        for (const QString &entry : environment)
            env.insert(entry.section(u'=', 0, 0), entry.section(u'=', 1));
        const ProxySettings settings = ProxySettings::fromEnvironment(env);
        QCOMPARE(settings.proxyFor(QUrl(url)), expected);
    }

    void processEnvironment()
    {
        for (const char *name : {"https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY",
                                 "all_proxy", "ALL_PROXY", "no_proxy", "NO_PROXY"})
            qunsetenv(name);
        qputenv("https_proxy", "http://from-process:3128");
        qputenv("no_proxy", "internal.test");
        const ProxySettings settings = ProxySettings::fromEnvironment();
        QCOMPARE(settings.proxyFor(QUrl(QStringLiteral("https://api.example.com/"))),
                 QByteArray("http://from-process:3128"));
        QVERIFY(settings.proxyFor(QUrl(QStringLiteral("https://internal.test/"))).isEmpty());
        qunsetenv("https_proxy");
        qunsetenv("no_proxy");
        QVERIFY(ProxySettings::fromEnvironment().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestProxySettings)
#include "TestProxySettings.moc"
