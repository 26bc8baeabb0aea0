#include "oauth/RedirectUri.h"

#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::oauth;
using namespace Qt::StringLiterals;

// Which redirect URIs a client may register, and which requested URI matches a registered one
// (OAuth 2.1 section 2.3.1 and 4.1.3, RFC 8252 sections 7.1 and 7.3, SECURITY-CASES.md).
class TestRedirectUri : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void registrable_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<bool>("accepted");
        // Accepted.
        QTest::newRow("https") << u"https://app.example/cb"_s << true;
        QTest::newRow("https with port and query") << u"https://app.example:8443/cb?x=1"_s << true;
        QTest::newRow("loopback v4") << u"http://127.0.0.1/cb"_s << true;
        QTest::newRow("loopback v4 with port") << u"http://127.0.0.1:53111/cb"_s << true;
        QTest::newRow("loopback v6") << u"http://[::1]:8080/cb"_s << true;
        QTest::newRow("localhost") << u"http://localhost:3000/callback"_s << true;
        QTest::newRow("private-use scheme") << u"com.example.app:/oauth2redirect"_s << true;
        // Dangerous schemes.
        QTest::newRow("query with code") << u"https://app.example/cb?code=x"_s << false;
        QTest::newRow("query with state") << u"http://127.0.0.1/cb?a=1&state=s"_s << false;
        QTest::newRow("query with iss") << u"https://app.example/cb?iss=https://evil"_s << false;
        QTest::newRow("query with error") << u"https://app.example/cb?error=x"_s << false;
        QTest::newRow("javascript") << u"javascript:alert(1)"_s << false;
        QTest::newRow("javascript mixed case") << u"JaVaScRiPt:alert(1)"_s << false;
        QTest::newRow("javascript with slashes")
            << u"javascript://app.example/%0Aalert(1)"_s << false;
        QTest::newRow("data") << u"data:text/html,<script>alert(1)</script>"_s << false;
        QTest::newRow("data base64") << u"data:text/html;base64,PHNjcmlwdD4="_s << false;
        QTest::newRow("vbscript") << u"vbscript:msgbox(1)"_s << false;
        QTest::newRow("file") << u"file:///etc/passwd"_s << false;
        QTest::newRow("ftp") << u"ftp://app.example/cb"_s << false;
        QTest::newRow("ws") << u"ws://127.0.0.1/cb"_s << false;
        // http off loopback, and loopback look-alikes.
        QTest::newRow("http public") << u"http://app.example/cb"_s << false;
        QTest::newRow("http private address") << u"http://10.0.0.1/cb"_s << false;
        QTest::newRow("http localhost suffix") << u"http://localhost.evil.example/cb"_s << false;
        QTest::newRow("http 127.0.0.1 suffix") << u"http://127.0.0.1.nip.io/cb"_s << false;
        QTest::newRow("http localhosts") << u"http://localhosts/cb"_s << false;
        QTest::newRow("http upper-case LOCALHOST") << u"http://LOCALHOST/cb"_s << false;
        QTest::newRow("http zero-padded loopback") << u"http://127.000.000.001/cb"_s << false;
        QTest::newRow("http userinfo at loopback")
            << u"http://127.0.0.1:80@evil.example/cb"_s << false;
        // Wildcards, fragments, user information, relative references, bad characters.
        QTest::newRow("wildcard host") << u"https://*.app.example/cb"_s << false;
        QTest::newRow("wildcard path") << u"https://app.example/*"_s << false;
        QTest::newRow("fragment") << u"https://app.example/cb#frag"_s << false;
        QTest::newRow("empty fragment") << u"https://app.example/cb#"_s << false;
        QTest::newRow("userinfo") << u"https://good.example@evil.example/cb"_s << false;
        QTest::newRow("relative path") << u"/cb"_s << false;
        QTest::newRow("scheme-relative") << u"//evil.example/cb"_s << false;
        QTest::newRow("no host") << u"https:///cb"_s << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("space") << u"https://app.example/c b"_s << false;
        QTest::newRow("leading space") << u" https://app.example/cb"_s << false;
        QTest::newRow("newline") << u"https://app.example/cb\n"_s << false;
        QTest::newRow("non-ASCII") << u"https://app.example/c\u00e9"_s << false;
        QTest::newRow("too long") << u"https://app.example/"_s + QString(2000, u'a') << false;
    }
    void registrable()
    {
        QFETCH(QString, uri);
        QFETCH(bool, accepted);
        const Status status = RedirectUri::checkRegistrable(uri);
        QVERIFY2(status.ok() == accepted,
                 qPrintable(status.ok() ? u"accepted"_s : status.error().message()));
        if (!accepted) {
            QCOMPARE(status.error().code(), ErrorCode::Validation);
            QVERIFY(!status.error().message().isEmpty());
        }
    }

    void matches_data()
    {
        QTest::addColumn<QString>("registered");
        QTest::addColumn<QString>("requested");
        QTest::addColumn<bool>("match");
        const QString good = u"https://good.example/cb"_s;
        QTest::newRow("identical") << good << good << true;
        QTest::newRow("dot segments") << good << u"https://good.example/cb/../x"_s << false;
        QTest::newRow("encoded dots") << good << u"https://good.example/cb/%2E%2E/x"_s << false;
        QTest::newRow("double-encoded dots")
            << good << u"https://good.example/cb/%252E%252E/x"_s << false;
        QTest::newRow("userinfo") << good << u"https://good.example@evil.example/cb"_s << false;
        QTest::newRow("upper-case host") << good << u"https://GOOD.example/cb"_s << false;
        QTest::newRow("upper-case scheme") << good << u"HTTPS://good.example/cb"_s << false;
        QTest::newRow("fragment") << good << u"https://good.example/cb#frag"_s << false;
        QTest::newRow("trailing slash") << good << u"https://good.example/cb/"_s << false;
        QTest::newRow("explicit default port") << good << u"https://good.example:443/cb"_s << false;
        QTest::newRow("other port on https") << good << u"https://good.example:8443/cb"_s << false;
        QTest::newRow("added query") << good << u"https://good.example/cb?x=1"_s << false;
        QTest::newRow("upper-case path") << good << u"https://good.example/CB"_s << false;
        QTest::newRow("suffix host") << good << u"https://good.example.evil.example/cb"_s << false;
        QTest::newRow("encoded slash") << good << u"https://good.example/cb%2F..%2Fx"_s << false;
        QTest::newRow("empty") << good << QString() << false;

        const QString loop = u"http://127.0.0.1/cb"_s;
        QTest::newRow("loopback port") << loop << u"http://127.0.0.1:53111/cb"_s << true;
        QTest::newRow("loopback one-digit port") << loop << u"http://127.0.0.1:1/cb"_s << true;
        QTest::newRow("loopback registered with port")
            << u"http://127.0.0.1:8080/cb"_s << u"http://127.0.0.1:9090/cb"_s << true;
        QTest::newRow("loopback port, query kept")
            << u"http://127.0.0.1/cb?app=1"_s << u"http://127.0.0.1:5000/cb?app=1"_s << true;
        QTest::newRow("v6 loopback port")
            << u"http://[::1]/cb"_s << u"http://[::1]:5000/cb"_s << true;
        QTest::newRow("localhost port")
            << u"http://localhost/cb"_s << u"http://localhost:5000/cb"_s << true;
        QTest::newRow("LOCALHOST") << u"http://localhost/cb"_s << u"http://LOCALHOST/cb"_s << false;
        QTest::newRow("LOCALHOST with port")
            << u"http://localhost/cb"_s << u"http://LOCALHOST:5000/cb"_s << false;
        QTest::newRow("zero-padded") << loop << u"http://127.000.000.001/cb"_s << false;
        QTest::newRow("short form") << loop << u"http://127.1/cb"_s << false;
        QTest::newRow("decimal form") << loop << u"http://2130706433/cb"_s << false;
        QTest::newRow("localhosts")
            << u"http://localhost/cb"_s << u"http://localhosts/cb"_s << false;
        QTest::newRow("localhost vs 127.0.0.1") << loop << u"http://localhost/cb"_s << false;
        QTest::newRow("localhost vs 127.0.0.1 with port")
            << loop << u"http://localhost:5000/cb"_s << false;
        QTest::newRow("::1 vs 127.0.0.1") << loop << u"http://[::1]:5000/cb"_s << false;
        QTest::newRow("suffix host on loopback")
            << loop << u"http://127.0.0.1.evil.example/cb"_s << false;
        QTest::newRow("port then userinfo")
            << loop << u"http://127.0.0.1:53111@evil.example/cb"_s << false;
        QTest::newRow("empty port") << loop << u"http://127.0.0.1:/cb"_s << false;
        QTest::newRow("port too long") << loop << u"http://127.0.0.1:5311100/cb"_s << false;
        QTest::newRow("non-digit port") << loop << u"http://127.0.0.1:53a/cb"_s << false;
        QTest::newRow("path differs on loopback")
            << loop << u"http://127.0.0.1:53111/cb/../x"_s << false;
        QTest::newRow("fragment on loopback") << loop << u"http://127.0.0.1:53111/cb#x"_s << false;
        QTest::newRow("https on loopback") << loop << u"https://127.0.0.1:53111/cb"_s << false;
        QTest::newRow("port varies only on loopback")
            << u"http://app.example/cb"_s << u"http://app.example:8080/cb"_s << false;
    }
    void matches()
    {
        QFETCH(QString, registered);
        QFETCH(QString, requested);
        QFETCH(bool, match);
        QCOMPARE(RedirectUri::matches(registered, requested), match);
        QCOMPARE(RedirectUri::matchesAny({u"https://other.example/cb"_s, registered}, requested),
                 match);
    }

    void matchesAnyOfNone() { QVERIFY(!RedirectUri::matchesAny({}, u"https://a.example/cb"_s)); }

    void displayHost_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("host");
        QTest::newRow("https") << u"https://app.example/cb"_s << u"app.example"_s;
        QTest::newRow("port") << u"http://127.0.0.1:5000/cb"_s << u"127.0.0.1:5000"_s;
        QTest::newRow("private scheme") << u"com.example.app:/cb"_s << u"com.example.app:"_s;
    }
    void displayHost()
    {
        QFETCH(QString, uri);
        QFETCH(QString, host);
        QCOMPARE(RedirectUri::displayHost(uri), host);
    }
};

QTEST_APPLESS_MAIN(TestRedirectUri)
#include "TestRedirectUri.moc"
