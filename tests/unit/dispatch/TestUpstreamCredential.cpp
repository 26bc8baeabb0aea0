#include "dispatch/UpstreamCredential.h"

#include <QtTest>

using gatehouse::ErrorCode;
using gatehouse::config::Credential;
using gatehouse::config::CredentialType;
using gatehouse::config::ParamLocation;
using gatehouse::config::SecretRef;
using gatehouse::config::SecretSource;
using gatehouse::dispatch::UpstreamCredential;
using gatehouse::http::UpstreamRequest;
using gatehouse::openapi::SecurityRequirement;
using gatehouse::openapi::SecurityScheme;
using gatehouse::openapi::SpecOperation;

namespace {

SecurityScheme apiKeyScheme(const QString &name, const QString &in, const QString &param)
{
    SecurityScheme s;
    s.name = name;
    s.type = QStringLiteral("apiKey");
    s.in = in;
    s.parameterName = param;
    return s;
}

SecurityScheme httpScheme(const QString &name, const QString &scheme)
{
    SecurityScheme s;
    s.name = name;
    s.type = QStringLiteral("http");
    s.scheme = scheme;
    return s;
}

QMap<QString, SecurityScheme> allSchemes()
{
    QMap<QString, SecurityScheme> schemes;
    for (const SecurityScheme &s :
         {apiKeyScheme(QStringLiteral("headerKey"), QStringLiteral("header"),
                       QStringLiteral("X-API-Key")),
          apiKeyScheme(QStringLiteral("queryKey"), QStringLiteral("query"),
                       QStringLiteral("api_key")),
          apiKeyScheme(QStringLiteral("cookieKey"), QStringLiteral("cookie"),
                       QStringLiteral("session")),
          httpScheme(QStringLiteral("bearer"), QStringLiteral("bearer")),
          httpScheme(QStringLiteral("basic"), QStringLiteral("basic"))}) {
        schemes.insert(s.name, s);
    }
    SecurityScheme oauth;
    oauth.name = QStringLiteral("oauth");
    oauth.type = QStringLiteral("oauth2");
    schemes.insert(oauth.name, oauth);
    return schemes;
}

// "secA+secB|secC": requirement alternatives separated by '|', schemes of one by '+'.
// "none": security: [] on the operation; "inherited-none": no security anywhere.
SpecOperation operationWith(const QString &security)
{
    SpecOperation op;
    op.method = QStringLiteral("GET");
    op.path = QStringLiteral("/x");
    op.securityInherited = false;
    if (security == u"inherited-none") {
        op.securityInherited = true;
        return op;
    }
    if (security == u"none")
        return op;
    for (const QString &alternative : security.split(u'|')) {
        SecurityRequirement requirement;
        for (const QString &scheme : alternative.split(u'+', Qt::SkipEmptyParts))
            requirement.insert(scheme, {});
        op.security.append(requirement);
    }
    return op;
}

// The request a client-side caller built: a query, a cookie and a client Authorization.
UpstreamRequest baseRequest()
{
    UpstreamRequest r;
    r.url = QUrl(QStringLiteral("https://api.example.com/x?keep=1&api_key=client"));
    r.headers = {{"Accept", "application/json"},
                 {"authorization", "Bearer from-client"},
                 {"Cookie", "a=1; session=client"}};
    return r;
}

QByteArray summary(const UpstreamRequest &r)
{
    QByteArray out = r.url.toEncoded();
    for (const auto &[name, value] : r.headers)
        out += '\n' + name + ": " + value;
    return out;
}

} // namespace

class TestUpstreamCredential : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void inject_data()
    {
        QTest::addColumn<QString>("type"); // apiKey, bearer, basic
        QTest::addColumn<QString>("in");   // "", header, query, cookie
        QTest::addColumn<QString>("param");
        QTest::addColumn<QByteArray>("secret");
        QTest::addColumn<QString>("security");
        QTest::addColumn<QByteArray>("expected"); // summary(); empty: an error

        const QByteArray url = "https://api.example.com/x?keep=1&api_key=client";
        const QByteArray accept = "\nAccept: application/json";
        const QByteArray clientAuth = "\nauthorization: Bearer from-client";
        const QByteArray cookie = "\nCookie: a=1; session=client";

        QTest::newRow("bearer") << "bearer"
                                << ""
                                << "" << QByteArray("tok_1") << "bearer"
                                << url + accept + cookie + "\nAuthorization: Bearer tok_1";
        QTest::newRow("bearer without a scheme")
            << "bearer"
            << ""
            << "" << QByteArray("tok_1") << "inherited-none"
            << url + accept + cookie + "\nAuthorization: Bearer tok_1";
        QTest::newRow("basic") << "basic"
                               << ""
                               << "" << QByteArray("aladdin:open sesame") << "basic"
                               << url + accept + cookie +
                                      "\nAuthorization: Basic YWxhZGRpbjpvcGVuIHNlc2FtZQ==";
        QTest::newRow("basic without password")
            << "basic"
            << ""
            << "" << QByteArray("sk_test:") << "basic"
            << url + accept + cookie + "\nAuthorization: Basic c2tfdGVzdDo=";
        QTest::newRow("basic without colon")
            << "basic"
            << ""
            << "" << QByteArray("sk_test") << "basic" << QByteArray();

        // The credential says where the key goes.
        QTest::newRow("explicit header") << "apiKey"
                                         << "header"
                                         << "X-Key" << QByteArray("k1") << "inherited-none"
                                         << url + accept + clientAuth + cookie + "\nX-Key: k1";
        QTest::newRow("explicit header replaces Authorization")
            << "apiKey"
            << "header"
            << "Authorization" << QByteArray("Token k1") << "oauth"
            << url + accept + cookie + "\nAuthorization: Token k1";
        QTest::newRow("explicit query replaces the client's")
            << "apiKey"
            << "query"
            << "api_key" << QByteArray("k 1&x=y") << "inherited-none"
            << "https://api.example.com/x?keep=1&api_key=k%201%26x%3Dy" + accept + clientAuth +
                   cookie;
        QTest::newRow("explicit cookie merges")
            << "apiKey"
            << "cookie"
            << "session" << QByteArray("k1") << "inherited-none"
            << url + accept + clientAuth + "\nCookie: a=1; session=k1";
        QTest::newRow("param only: header by default")
            << "apiKey"
            << ""
            << "X-Token" << QByteArray("k1") << "inherited-none"
            << url + accept + clientAuth + cookie + "\nX-Token: k1";

        // The operation's security scheme says where.
        QTest::newRow("scheme header") << "apiKey"
                                       << ""
                                       << "" << QByteArray("k1") << "headerKey"
                                       << url + accept + clientAuth + cookie + "\nX-API-Key: k1";
        QTest::newRow("scheme query")
            << "apiKey"
            << ""
            << "" << QByteArray("k1") << "queryKey"
            << "https://api.example.com/x?keep=1&api_key=k1" + accept + clientAuth + cookie;
        QTest::newRow("scheme cookie") << "apiKey"
                                       << ""
                                       << "" << QByteArray("k1") << "cookieKey"
                                       << url + accept + clientAuth + "\nCookie: a=1; session=k1";
        QTest::newRow("first requirement with an apiKey scheme")
            << "apiKey"
            << ""
            << "" << QByteArray("k1") << "oauth|queryKey|headerKey"
            << "https://api.example.com/x?keep=1&api_key=k1" + accept + clientAuth + cookie;
        QTest::newRow("in given: the scheme in that location")
            << "apiKey"
            << "header"
            << "" << QByteArray("k1") << "queryKey|headerKey"
            << url + accept + clientAuth + cookie + "\nX-API-Key: k1";
        QTest::newRow("param given: the scheme of that name")
            << "apiKey"
            << ""
            << "session" << QByteArray("k1") << "headerKey|cookieKey"
            << url + accept + clientAuth + "\nCookie: a=1; session=k1";
        QTest::newRow("nothing says where") << "apiKey"
                                            << ""
                                            << "" << QByteArray("k1") << "oauth" << QByteArray();
        QTest::newRow("no security at all")
            << "apiKey"
            << ""
            << "" << QByteArray("k1") << "inherited-none" << QByteArray();
        QTest::newRow("anonymous operation: nothing sent")
            << "apiKey"
            << ""
            << "" << QByteArray("k1") << "none" << url + accept + clientAuth + cookie;
        QTest::newRow("optional security: nothing sent")
            << "apiKey"
            << ""
            << "" << QByteArray("k1") << "oauth|" << url + accept + clientAuth + cookie;

        // Secrets that cannot be sent.
        QTest::newRow("CRLF in a bearer")
            << "bearer"
            << ""
            << "" << QByteArray("tok\r\nX-A: 1") << "bearer" << QByteArray();
        QTest::newRow("LF in a header key")
            << "apiKey"
            << "header"
            << "X-Key" << QByteArray("k\n1") << "inherited-none" << QByteArray();
        QTest::newRow("CR in a query key")
            << "apiKey"
            << "query"
            << "k" << QByteArray("k\r1") << "inherited-none" << QByteArray();
        QTest::newRow("NUL") << "bearer"
                             << ""
                             << "" << QByteArray("a\0b", 3) << "bearer" << QByteArray();
        QTest::newRow("empty secret") << "bearer"
                                      << ""
                                      << "" << QByteArray() << "bearer" << QByteArray();
        QTest::newRow("semicolon in a cookie key")
            << "apiKey"
            << "cookie"
            << "session" << QByteArray("a;admin=1") << "inherited-none" << QByteArray();
        QTest::newRow("bad header name")
            << "apiKey"
            << "header"
            << "X Key" << QByteArray("k1") << "inherited-none" << QByteArray();
    }

    void inject()
    {
        QFETCH(QString, type);
        QFETCH(QString, in);
        QFETCH(QString, param);
        QFETCH(QByteArray, secret);
        QFETCH(QString, security);
        QFETCH(QByteArray, expected);

        UpstreamCredential c;
        c.name = QStringLiteral("billing_key");
        c.type = type == u"bearer"  ? UpstreamCredential::Type::Bearer
                 : type == u"basic" ? UpstreamCredential::Type::Basic
                                    : UpstreamCredential::Type::ApiKey;
        if (in == u"header")
            c.in = ParamLocation::Header;
        else if (in == u"query")
            c.in = ParamLocation::Query;
        else if (in == u"cookie")
            c.in = ParamLocation::Cookie;
        c.param = param;
        c.secret = secret;

        UpstreamRequest r = baseRequest();
        const auto status =
            gatehouse::dispatch::inject(r, c, operationWith(security), allSchemes());
        if (expected.isEmpty()) {
            QVERIFY(!status.ok());
            QVERIFY(status.error().message().contains(u"billing_key") ||
                    status.error().message().contains(u"X Key"));
            if (secret.size() > 2)
                QVERIFY2(!status.error().message().toUtf8().contains(secret),
                         "the secret must never appear in a message");
            QCOMPARE(summary(r), summary(baseRequest())); // untouched
            return;
        }
        QVERIFY2(status.ok(), qPrintable(status ? QString() : status.error().message()));
        QCOMPARE(summary(r), expected);
    }

    void fromConfig()
    {
        qputenv("GATEHOUSE_TEST_UPSTREAM_KEY", "sk_live_1");
        Credential config;
        config.name = QStringLiteral("stripe");
        config.type = CredentialType::ApiKey;
        config.in = ParamLocation::Query;
        config.param = QStringLiteral("key");
        config.secret =
            SecretRef{SecretSource::Env, QStringLiteral("GATEHOUSE_TEST_UPSTREAM_KEY"), QString()};
        auto c = UpstreamCredential::fromConfig(config);
        QVERIFY(c.ok());
        QCOMPARE(c->name, QStringLiteral("stripe"));
        QCOMPARE(c->type, UpstreamCredential::Type::ApiKey);
        QVERIFY(c->in == ParamLocation::Query);
        QCOMPARE(c->param, QStringLiteral("key"));
        QCOMPARE(c->secret, QByteArray("sk_live_1"));

        config.type = CredentialType::Bearer;
        QCOMPARE(UpstreamCredential::fromConfig(config)->type, UpstreamCredential::Type::Bearer);

        config.type = CredentialType::OAuth2ClientCredentials;
        auto noTokenUrl = UpstreamCredential::fromConfig(config);
        QVERIFY(!noTokenUrl.ok());
        QCOMPARE(noTokenUrl.error().code(), ErrorCode::Validation);
        QVERIFY(noTokenUrl.error().message().contains(u"token_url"));
        config.tokenUrl = QUrl(QStringLiteral("https://auth.example.com/token"));
        config.clientId = QStringLiteral("gatehouse");
        config.scopes = QStringList{QStringLiteral("read"), QStringLiteral("write")};
        config.resource = QStringLiteral("https://api.example.com/");
        auto oauth = UpstreamCredential::fromConfig(config);
        QVERIFY(oauth.ok());
        QCOMPARE(oauth->type, UpstreamCredential::Type::OAuth2ClientCredentials);
        QVERIFY(oauth->isOAuth2());
        QCOMPARE(oauth->clientId, QStringLiteral("gatehouse"));
        QCOMPARE(oauth->secret, QByteArray("sk_live_1"));
        QCOMPARE(oauth->scopes.size(), 2);
        QCOMPARE(oauth->resource, QStringLiteral("https://api.example.com/"));
        config.tokenUrl.reset();
        config.clientId.reset();
        config.scopes.reset();
        config.resource.reset();

        config.type = CredentialType::Basic;
        config.secret.reset();
        auto missing = UpstreamCredential::fromConfig(config);
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message().contains(u"stripe"));

        config.secret =
            SecretRef{SecretSource::Env, QStringLiteral("GATEHOUSE_TEST_UNSET_VAR"), QString()};
        qunsetenv("GATEHOUSE_TEST_UNSET_VAR");
        auto unset = UpstreamCredential::fromConfig(config);
        QVERIFY(!unset.ok());
        QVERIFY(unset.error().message().contains(u"GATEHOUSE_TEST_UNSET_VAR"));
        QVERIFY(unset.error().message().contains(u"stripe"));
    }
};

QTEST_GUILESS_MAIN(TestUpstreamCredential)
#include "TestUpstreamCredential.moc"
