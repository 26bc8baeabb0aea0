#include "../store/StoreTestSupport.h"
#include "http/Request.h"
#include "http/Response.h"
#include "http/Server.h"
#include "oauth/AuthorizationServer.h"
#include "oauth/ClientRegistry.h"
#include "oauth/FormData.h"
#include "oauth/PasswordHash.h"
#include "oauth/RandomToken.h"
#include "oauth/TokenService.h"
#include "store/ClientRepository.h"
#include "store/TokenRepository.h"
#include "store/UserRepository.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMutex>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTcpServer>
#include <QUrlQuery>
#include <QtTest>

#include <atomic>
#include <nlohmann/json.hpp>

using namespace gatehouse;
using namespace gatehouse::oauth;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using json = nlohmann::json;
using Failure = TokenService::Failure;

// Ends the test function when a helper (which cannot return from it) recorded a failure.
#define TRY                                                                                        \
    if (QTest::currentTestFailed())                                                                \
    return

// Every JSON error of the authorization server: status, error code, a non-empty
// error_description, never cached.
#define EXPECT_ERROR(answer, status, error)                                                        \
    do {                                                                                           \
        checkError(answer, status, error, __LINE__);                                               \
        TRY;                                                                                       \
    } while (false)

// An HTML error page: never a redirect, never framed.
#define EXPECT_PAGE(answer, status)                                                                \
    do {                                                                                           \
        checkPage(answer, status, __LINE__);                                                       \
        TRY;                                                                                       \
    } while (false)

namespace {

const QUrl publicUrl(u"http://127.0.0.1:8787"_s);
const QString issuer = u"http://127.0.0.1:8787"_s;
const QString billing = u"http://127.0.0.1:8787/mcp/billing"_s;
const QString crm = u"http://127.0.0.1:8787/mcp/crm"_s;
const QDateTime t0 = QDateTime::fromMSecsSinceEpoch(1800000000000, QTimeZone::utc());
const QString password = u"correct horse battery staple"_s;
const QString goodCb = u"https://good.example/cb"_s;
const QString loopCb = u"http://127.0.0.1/cb"_s;
const QHostAddress loopback(QHostAddress::LocalHost);

using Params = QList<std::pair<QString, QString>>;

// Null values are left out, so a table row can drop a parameter.
QByteArray encode(const Params &params)
{
    QByteArray out;
    for (const auto &[name, value] : params) {
        if (value.isNull())
            continue;
        if (!out.isEmpty())
            out += '&';
        out += FormData::encode(name) + '=' + FormData::encode(value);
    }
    return out;
}

QString str(const json &object, const char *key)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? QString::fromStdString(it->get<std::string>())
                                                 : QString();
}

json parseJson(const QByteArray &body)
{
    return json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
}

QString s256(const QString &verifier)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString describe(const AuthAnswer &a)
{
    return u"%1 %2 %3"_s.arg(a.response.status())
        .arg(QString::fromUtf8(a.response.headers().value("location")),
             QString::fromUtf8(a.response.body().left(600)));
}

QByteArray location(const AuthAnswer &a)
{
    return a.response.headers().value("location");
}

// The query of a redirect's Location, fully decoded.
QUrlQuery redirectQuery(const AuthAnswer &a)
{
    const QUrl url(QString::fromUtf8(location(a)), QUrl::StrictMode);
    return QUrlQuery(url.query(QUrl::FullyEncoded));
}

QString param(const QUrlQuery &query, const QString &name)
{
    return query.queryItemValue(name, QUrl::FullyDecoded);
}

QString hiddenField(const QByteArray &html, const QString &name)
{
    const QRegularExpression re(u"name=\"%1\" value=\"([^\"]*)\""_s.arg(name));
    const auto match = re.match(QString::fromUtf8(html));
    return match.hasMatch() ? match.captured(1) : QString();
}

// "name=value" of the Set-Cookie field that sets name, or empty.
QByteArray setCookie(const http::Response &response, QByteArrayView name)
{
    for (const QByteArray &field : response.headers().values("set-cookie")) {
        if (field.startsWith(QByteArray(name.toByteArray() + '=')))
            return field.left(field.indexOf(';'));
    }
    return {};
}

QByteArray setCookieField(const http::Response &response, QByteArrayView name)
{
    for (const QByteArray &field : response.headers().values("set-cookie")) {
        if (field.startsWith(QByteArray(name.toByteArray() + '=')))
            return field;
    }
    return {};
}

QByteArray basic(const QByteArray &id, const QByteArray &secret)
{
    return "Basic " + QByteArray(id + ':' + secret).toBase64();
}

void checkHtmlHeaders(const http::Response &response, int line)
{
    const QByteArray where = "line " + QByteArray::number(line);
    QVERIFY2(response.headers().value("content-type").startsWith("text/html"), where.constData());
    QVERIFY2(response.headers().value("content-security-policy").contains("frame-ancestors 'none'"),
             where.constData());
    QVERIFY2(response.headers().value("x-frame-options") == "DENY", where.constData());
    QVERIFY2(response.headers().value("cache-control") == "no-store", where.constData());
}

void checkError(const AuthAnswer &a, int status, const QString &error, int line)
{
    const QString what = u"line %1: %2"_s.arg(line).arg(describe(a));
    QVERIFY2(a.response.status() == status, qPrintable(what));
    QVERIFY2(a.response.headers().value("content-type").startsWith("application/json"),
             qPrintable(what));
    QVERIFY2(a.response.headers().value("cache-control") == "no-store", qPrintable(what));
    QVERIFY2(!a.response.headers().contains("location"), qPrintable(what));
    const json body = parseJson(a.response.body());
    QVERIFY2(body.is_object(), qPrintable(what));
    QVERIFY2(str(body, "error") == error, qPrintable(what));
    QVERIFY2(!str(body, "error_description").trimmed().isEmpty(), qPrintable(what));
}

void checkPage(const AuthAnswer &a, int status, int line)
{
    const QString what = u"line %1: %2"_s.arg(line).arg(describe(a));
    QVERIFY2(a.response.status() == status, qPrintable(what));
    QVERIFY2(!a.response.headers().contains("location"), qPrintable(what));
    checkHtmlHeaders(a.response, line);
}

struct Pkce
{
    QString verifier;
    QString challenge;
};

Pkce makePkce()
{
    Pkce p;
    p.verifier = RandomToken::generate(u"v."_s); // 45 characters of the verifier alphabet
    p.challenge = s256(p.verifier);
    return p;
}

// One authorization request (OAuth 2.1 section 4.1.1). Null members are not sent.
struct Authz
{
    QString clientId;
    QString redirectUri = goodCb;
    QString state = u"st-4711"_s;
    QString scope;
    QString resource;
    QString challenge;
    QString method = u"S256"_s;
    QString responseType = u"code"_s;
    QString verifier; // kept for the token request
    QByteArray extra; // appended to the query as is

    QByteArray query() const
    {
        QByteArray q = encode({{u"response_type"_s, responseType},
                               {u"client_id"_s, clientId},
                               {u"redirect_uri"_s, redirectUri},
                               {u"state"_s, state},
                               {u"scope"_s, scope},
                               {u"resource"_s, resource},
                               {u"code_challenge"_s, challenge},
                               {u"code_challenge_method"_s, method}});
        if (!extra.isEmpty())
            q += '&' + extra;
        return q;
    }
};

Authz authz(const QString &clientId, const QString &redirectUri = goodCb)
{
    Authz a;
    const Pkce p = makePkce();
    a.clientId = clientId;
    a.redirectUri = redirectUri;
    a.challenge = p.challenge;
    a.verifier = p.verifier;
    return a;
}

// The consent page as a browser holds it.
struct Page
{
    AuthAnswer answer;
    QString request;       // hidden field
    QString csrf;          // hidden field
    QByteArray csrfCookie; // "gatehouse_csrf=..."
};

struct Tokens
{
    QString access;
    QString refresh;
    QString scope;
    json body;
};

struct Registered
{
    AuthAnswer answer;
    json body;
    QString clientId;
    QString secret;
};

// A local server for client metadata documents: path -> response.
class DocumentServer
{
public:
    DocumentServer()
    {
        http::ServerOptions options;
        options.workerThreads = 1;
        m_server = std::make_unique<http::Server>(options);
        m_server->setHandler([this](const http::Request &request,
                                    std::shared_ptr<http::Responder> responder) {
            ++m_requests;
            QMutexLocker lock(&m_mutex);
            const auto it = m_responses.constFind(request.path());
            responder->respond(
                it != m_responses.cend() ? *it : http::Response::error(404, u"no such document"_s));
        });
    }
    bool listen() { return m_server->listen(QHostAddress::LocalHost, 0).ok(); }
    QString origin() const { return u"http://127.0.0.1:%1"_s.arg(m_server->serverPort()); }
    void serve(const QString &path, http::Response response)
    {
        QMutexLocker lock(&m_mutex);
        m_responses.insert(path, std::move(response));
    }
    int requests() const { return m_requests; }

private:
    std::unique_ptr<http::Server> m_server;
    QMutex m_mutex;
    QHash<QString, http::Response> m_responses;
    std::atomic<int> m_requests{0};
};

} // namespace

class TestAuthorizationServer : public QObject
{
    Q_OBJECT

    // On a RAM disk when there is one: the store syncs every write (synchronous = FULL).
    QTemporaryDir m_dir{QFileInfo(u"/dev/shm"_s).isWritable()
                            ? u"/dev/shm/gatehouse-astest-XXXXXX"_s
                            : QDir::tempPath() + u"/gatehouse-astest-XXXXXX"_s};
    QString m_dbPath;
    int m_dbCount = 0;
    std::unique_ptr<store::Database> m_db;
    std::shared_ptr<AuthServerContext::Throttles> m_throttles;
    std::unique_ptr<AuthorizationServer> m_as;
    QString m_passwordHash;
    QHash<QString, QString> m_secrets; // client_id -> client_secret of confidential clients
    QByteArray m_loginCookie;          // from the last successful sign-in
    QByteArray m_loginCookieField;     // its whole Set-Cookie field

    void rebuild(const AuthServerOptions &options, const QUrl &url = publicUrl)
    {
        m_as = std::make_unique<AuthorizationServer>(*m_db, url,
                                                     QStringList{u"billing"_s, u"crm"_s}, options,
                                                     m_throttles, QByteArray("test-login-key"));
    }

    // --- raw requests ---

    AuthAnswer send(const QByteArray &method, const QString &path, const QByteArray &query,
                    const QByteArray &body, const QByteArray &contentType,
                    const QList<QByteArray> &cookies, const QByteArray &authorization,
                    const QDateTime &now, const QHostAddress &peer = loopback,
                    const QByteArray &fetchSite = {}) const
    {
        http::Request request;
        request.setMethod(method);
        request.setPath(path);
        request.setRawPath(path.toUtf8());
        if (!query.isNull())
            request.setQuery(query);
        request.setTarget(path.toUtf8() + (query.isNull() ? QByteArray() : '?' + query));
        request.setHost("127.0.0.1:8787");
        request.headers().add("host", "127.0.0.1:8787");
        if (!contentType.isEmpty())
            request.headers().add("content-type", contentType);
        if (!cookies.isEmpty())
            request.headers().add("cookie", cookies.join("; "));
        if (!authorization.isEmpty())
            request.headers().add("authorization", authorization);
        if (!fetchSite.isEmpty())
            request.headers().add("sec-fetch-site", fetchSite);
        request.setBody(body);
        request.setPeer(peer, false);
        return m_as->answer(request, now);
    }
    AuthAnswer get(const QString &path, const QByteArray &query = {},
                   const QList<QByteArray> &cookies = {}, const QDateTime &now = t0) const
    {
        return send("GET", path, query, {}, {}, cookies, {}, now);
    }
    AuthAnswer postForm(const QString &path, const QByteArray &body,
                        const QList<QByteArray> &cookies = {}, const QByteArray &authorization = {},
                        const QDateTime &now = t0) const
    {
        return send("POST", path, {}, body, "application/x-www-form-urlencoded", cookies,
                    authorization, now);
    }
    AuthAnswer token(const Params &params, const QByteArray &authorization = {},
                     const QDateTime &now = t0) const
    {
        return postForm(u"/oauth/token"_s, encode(params), {}, authorization, now);
    }

    // --- clients ---

    Registered registerRaw(const json &metadata, const QHostAddress &peer = loopback)
    {
        Registered r;
        r.answer =
            send("POST", u"/oauth/register"_s, {}, QByteArray::fromStdString(metadata.dump()),
                 "application/json", {}, {}, t0, peer);
        r.body = parseJson(r.answer.response.body());
        r.clientId = str(r.body, "client_id");
        r.secret = str(r.body, "client_secret");
        if (!r.secret.isEmpty())
            m_secrets.insert(r.clientId, r.secret);
        return r;
    }
    // A registered client; public (token_endpoint_auth_method none) unless confidential.
    void registerClient(const QStringList &redirects = {goodCb},
                        const QString &name = u"Test App"_s, bool confidential = false)
    {
        json metadata = {
            {"client_name", name.toStdString()},
            {"token_endpoint_auth_method", confidential ? "client_secret_post" : "none"}};
        metadata["redirect_uris"] = json::array();
        for (const QString &uri : redirects)
            metadata["redirect_uris"].push_back(uri.toStdString());
        const Registered r = registerRaw(metadata);
        QVERIFY2(r.answer.response.status() == 201, qPrintable(describe(r.answer)));
        QVERIFY2(r.clientId.startsWith(ClientRegistry::clientIdPrefix()),
                 qPrintable(describe(r.answer)));
        QCOMPARE(!r.secret.isEmpty(), confidential);
        m_registered = r.clientId;
        return;
    }
    QString m_registered;
    QString newClient(const QStringList &redirects = {goodCb}, const QString &name = u"Test App"_s,
                      bool confidential = false)
    {
        m_registered.clear();
        registerClient(redirects, name, confidential);
        return m_registered;
    }
    // A confidential client the owner issued to a user (gatehouse client issue --user NAME).
    void issueClient(const QString &id, const QString &secret, const QString &user = u"bob"_s,
                     const QStringList &redirects = {})
    {
        store::Client client;
        client.clientId = id;
        client.clientSecretHash = ClientRegistry::hashSecret(secret);
        client.user = user;
        client.name = u"Issued to "_s + user;
        client.redirectUris = redirects;
        client.kind = u"issued"_s;
        client.createdAt = t0;
        GH_VERIFY_OK(store::ClientRepository(*m_db).create(client));
        m_secrets.insert(id, secret);
    }
    bool clientStored(const QString &clientId) const
    {
        return store::ClientRepository(*m_db).get(clientId).ok();
    }
    Params clientAuth(const QString &clientId) const
    {
        return {{u"client_id"_s, clientId}, {u"client_secret"_s, m_secrets.value(clientId)}};
    }

    // --- the browser's part ---

    Page page(const AuthAnswer &answer) const
    {
        Page p;
        p.answer = answer;
        p.request = hiddenField(answer.response.body(), u"request"_s);
        p.csrf = hiddenField(answer.response.body(), u"csrf"_s);
        p.csrfCookie = setCookie(answer.response, "gatehouse_csrf");
        return p;
    }
    // GET /oauth/authorize, expecting the sign-in and consent page.
    Page showPage(const Authz &a, const QList<QByteArray> &cookies = {}, const QDateTime &now = t0)
    {
        const Page p = page(get(u"/oauth/authorize"_s, a.query(), cookies, now));
        [&] {
            checkPage(p.answer, 200, __LINE__);
            TRY;
            QVERIFY2(p.request.startsWith(u"gh_rq_"_s), qPrintable(describe(p.answer)));
            QVERIFY2(p.csrf.startsWith(u"gh_cf_"_s), qPrintable(describe(p.answer)));
            QVERIFY2(p.csrfCookie == "gatehouse_csrf=" + p.csrf.toLatin1(),
                     qPrintable(describe(p.answer)));
        }();
        return p;
    }
    AuthAnswer submit(const Page &p, const Params &fields, QList<QByteArray> cookies = {},
                      const QDateTime &now = t0) const
    {
        cookies.prepend(p.csrfCookie);
        Params all{{u"request"_s, p.request}, {u"csrf"_s, p.csrf}};
        all += fields;
        return postForm(u"/oauth/authorize"_s, encode(all), cookies, {}, now);
    }
    Params login(const QString &user = u"bob"_s, const QString &pw = password) const
    {
        return {{u"username"_s, user}, {u"password"_s, pw}, {u"decision"_s, u"allow"_s}};
    }
    // Sign in and approve: the code from the 303's Location.
    QString approve(const Authz &a, const QString &user = u"bob"_s)
    {
        const Page p = showPage(a);
        if (QTest::currentTestFailed())
            return {};
        const AuthAnswer answer = submit(p, login(user));
        [&] {
            QVERIFY2(answer.response.status() == 303, qPrintable(describe(answer)));
            QVERIFY2(location(answer).startsWith(QByteArray(a.redirectUri.toUtf8() + '?')),
                     qPrintable(describe(answer)));
        }();
        m_loginCookie = setCookie(answer.response, "gatehouse_login");
        m_loginCookieField = setCookieField(answer.response, "gatehouse_login");
        return param(redirectQuery(answer), u"code"_s);
    }
    AuthAnswer redeem(const Authz &a, const QString &code, const QDateTime &now = t0) const
    {
        Params params{{u"grant_type"_s, u"authorization_code"_s},
                      {u"code"_s, code},
                      {u"code_verifier"_s, a.verifier},
                      {u"redirect_uri"_s, a.redirectUri}};
        params += clientAuth(a.clientId);
        return token(params, {}, now);
    }
    Tokens tokensOf(const AuthAnswer &answer) const
    {
        Tokens t;
        [&] {
            QVERIFY2(answer.response.status() == 200, qPrintable(describe(answer)));
            t.body = parseJson(answer.response.body());
            t.access = str(t.body, "access_token");
            t.refresh = str(t.body, "refresh_token");
            t.scope = str(t.body, "scope");
            QVERIFY2(t.access.startsWith(TokenService::tokenPrefix()),
                     qPrintable(describe(answer)));
        }();
        return t;
    }
    // The whole flow: page, sign-in, code, tokens.
    Tokens signIn(const Authz &a)
    {
        const QString code = approve(a);
        if (QTest::currentTestFailed())
            return {};
        return tokensOf(redeem(a, code));
    }
    AuthAnswer refresh(const QString &clientId, const QString &refreshToken,
                       const QString &scope = {}, const QDateTime &now = t0) const
    {
        Params params{{u"grant_type"_s, u"refresh_token"_s},
                      {u"refresh_token"_s, refreshToken},
                      {u"scope"_s, scope}};
        params += clientAuth(clientId);
        return token(params, {}, now);
    }
    TokenService::Verification verify(const QString &accessToken,
                                      const QString &server = u"billing"_s,
                                      const QDateTime &now = t0) const
    {
        return TokenService(*m_db, publicUrl).verify(accessToken, server, now);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The server logs every refusal; this test provokes hundreds of them.
        QLoggingCategory::setFilterRules(u"gatehouse.oauth.info=false"_s);
        // Cheap scrypt parameters: the users' hashes are verified many times here.
        auto hashed = PasswordHash::hash(password, PasswordHash::Parameters{10, 8, 1});
        GH_VERIFY_OK(hashed);
        m_passwordHash = *hashed;
        // One migrated store with the users, copied for every test row.
        auto db = store::test::openStore(m_dir, -1, u"template.db"_s);
        QVERIFY(db);
        for (const QString &name : {u"bob"_s, u"alice"_s}) {
            store::User user;
            user.name = name;
            user.passwordHash = m_passwordHash;
            GH_VERIFY_OK(store::UserRepository(*db).create(user));
        }
    }
    void init()
    {
        m_dbPath = m_dir.filePath(u"store-%1.db"_s.arg(++m_dbCount));
        QVERIFY(QFile::copy(m_dir.filePath(u"template.db"_s), m_dbPath));
        m_db = store::test::openStore(m_dir, -1, QFileInfo(m_dbPath).fileName());
        QVERIFY(m_db);
        QCOMPARE(store::UserRepository(*m_db).list()->size(), 2);
        m_throttles = std::make_shared<AuthServerContext::Throttles>();
        m_secrets.clear();
        m_loginCookie.clear();
        m_loginCookieField.clear();
        rebuild(AuthServerOptions());
    }
    void cleanup()
    {
        m_as.reset();
        m_db.reset();
    }

    // --- metadata ---

    void metadata_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("expectedIssuer");
        QTest::addColumn<QString>("asPath");
        QTest::addColumn<QString>("prmPath");
        QTest::addColumn<QString>("resource");
        QTest::newRow("root") << u"http://127.0.0.1:8787"_s << issuer
                              << u"/.well-known/oauth-authorization-server"_s
                              << u"/.well-known/oauth-protected-resource/mcp/billing"_s << billing;
        QTest::newRow("trailing slash")
            << u"http://127.0.0.1:8787/"_s << issuer << u"/.well-known/oauth-authorization-server"_s
            << u"/.well-known/oauth-protected-resource/mcp/billing"_s << billing;
        QTest::newRow("with a path")
            << u"https://gw.example.com/base/"_s << u"https://gw.example.com/base"_s
            << u"/.well-known/oauth-authorization-server/base"_s
            << u"/.well-known/oauth-protected-resource/base/mcp/billing"_s
            << u"https://gw.example.com/base/mcp/billing"_s;
    }
    void metadata()
    {
        QFETCH(QString, url);
        QFETCH(QString, expectedIssuer);
        QFETCH(QString, asPath);
        QFETCH(QString, prmPath);
        QFETCH(QString, resource);
        rebuild(AuthServerOptions(), QUrl(url));

        const AuthAnswer as = get(asPath);
        QCOMPARE(as.response.status(), 200);
        QVERIFY(as.response.headers().value("content-type").startsWith("application/json"));
        const json m = parseJson(as.response.body());
        // RFC 8414 section 3.3: the issuer is the metadata URL without the well-known part.
        const QUrl base(url);
        const QString origin = base.adjusted(QUrl::RemovePath).toString();
        const QString metadataBase =
            origin + QString(asPath).remove(u"/.well-known/oauth-authorization-server"_s);
        QCOMPARE(str(m, "issuer"), expectedIssuer);
        QCOMPARE(str(m, "issuer"), metadataBase);
        QCOMPARE(str(m, "authorization_endpoint"), expectedIssuer + u"/oauth/authorize"_s);
        QCOMPARE(str(m, "token_endpoint"), expectedIssuer + u"/oauth/token"_s);
        QCOMPARE(str(m, "registration_endpoint"), expectedIssuer + u"/oauth/register"_s);
        // PKCE downgrade: S256 is the only method offered.
        QCOMPARE(QString::fromStdString(m["code_challenge_methods_supported"].dump()),
                 u"[\"S256\"]"_s);
        QCOMPARE(QString::fromStdString(m["response_types_supported"].dump()), u"[\"code\"]"_s);
        QVERIFY(m.value("authorization_response_iss_parameter_supported", false));
        QVERIFY(m.value("client_id_metadata_document_supported", false));

        const AuthAnswer prm = get(prmPath);
        QCOMPARE(prm.response.status(), 200);
        const json r = parseJson(prm.response.body());
        QCOMPARE(str(r, "resource"), resource);
        QCOMPARE(QString::fromStdString(r["authorization_servers"].dump()),
                 u"[\"%1\"]"_s.arg(expectedIssuer));
        const QString scopes = QString::fromStdString(r["scopes_supported"].dump());
        QVERIFY2(scopes.contains(u"billing:read"_s), qPrintable(scopes));
        QVERIFY2(!scopes.contains(u"crm:"_s), qPrintable(scopes));
        QCOMPARE(QString::fromStdString(r["bearer_methods_supported"].dump()), u"[\"header\"]"_s);

        // An unknown server has no document.
        EXPECT_ERROR(get(QString(prmPath).replace(u"billing"_s, u"shop"_s)), 404,
                     u"invalid_request"_s);
    }

    void registrationOffLeavesNoEndpoint()
    {
        AuthServerOptions options;
        options.registration = AuthServerOptions::Registration::Off;
        rebuild(options);
        const json m = parseJson(get(u"/.well-known/oauth-authorization-server"_s).response.body());
        QVERIFY(!m.contains("registration_endpoint"));
        const Registered r = registerRaw({{"redirect_uris", json::array({goodCb.toStdString()})}});
        EXPECT_ERROR(r.answer, 403, u"access_denied"_s);
    }

    void unknownEndpointAndMethod()
    {
        EXPECT_ERROR(get(u"/oauth/nothing"_s), 404, u"invalid_request"_s);
        const AuthAnswer a = get(u"/oauth/token"_s);
        EXPECT_ERROR(a, 405, u"invalid_request"_s);
        QCOMPARE(a.response.headers().value("allow"), QByteArray("POST"));
    }

    // --- PKCE at /authorize ---

    void pkceAtAuthorize_data()
    {
        QTest::addColumn<QString>("challenge"); // "good": a proper S256 challenge
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("responseType");
        QTest::addColumn<QString>("error");
        const QString good = u"good"_s;
        const QString s256m = u"S256"_s;
        const QString code = u"code"_s;
        const QString invalid = u"invalid_request"_s;
        QTest::newRow("challenge missing") << QString() << s256m << code << invalid;
        QTest::newRow("challenge and method missing") << QString() << QString() << code << invalid;
        QTest::newRow("plain") << good << u"plain"_s << code << invalid;
        QTest::newRow("method missing (plain by default)") << good << QString() << code << invalid;
        QTest::newRow("unknown method") << good << u"S512"_s << code << invalid;
        QTest::newRow("lower-case s256") << good << u"s256"_s << code << invalid;
        QTest::newRow("challenge too short") << QString(42, u'a') << s256m << code << invalid;
        QTest::newRow("challenge too long") << QString(44, u'a') << s256m << code << invalid;
        QTest::newRow("challenge padded") << QString(43, u'a') + u'=' << s256m << code << invalid;
        QTest::newRow("challenge not base64url")
            << QString(41, u'a') + u"+/"_s << s256m << code << invalid;
        QTest::newRow("implicit flow")
            << good << s256m << u"token"_s << u"unsupported_response_type"_s;
        QTest::newRow("response_type missing")
            << good << s256m << QString() << u"unsupported_response_type"_s;
    }
    void pkceAtAuthorize()
    {
        QFETCH(QString, challenge);
        QFETCH(QString, method);
        QFETCH(QString, responseType);
        QFETCH(QString, error);
        const QString client = newClient();
        TRY;
        Authz a = authz(client);
        if (challenge != u"good"_s)
            a.challenge = challenge;
        a.method = method;
        a.responseType = responseType;
        const AuthAnswer answer = get(u"/oauth/authorize"_s, a.query());
        QCOMPARE(answer.response.status(), 302);
        QVERIFY2(location(answer).startsWith(QByteArray(goodCb.toUtf8() + '?')),
                 qPrintable(describe(answer)));
        const QUrlQuery q = redirectQuery(answer);
        QCOMPARE(param(q, u"error"_s), error);
        QVERIFY(!param(q, u"error_description"_s).isEmpty());
        QCOMPARE(param(q, u"state"_s), a.state);
        QCOMPARE(param(q, u"iss"_s), issuer);
        QVERIFY(!q.hasQueryItem(u"code"_s));
        QCOMPARE(store::TokenRepository(*m_db).list(u"request"_s)->size(), 0);
    }

    // --- PKCE at /token ---

    void verifierWithoutChallenge()
    {
        const QString client = newClient();
        TRY;
        // The server never issues such a code; one made directly in the store exercises the check.
        const QString code = u"gh_ac_made-without-a-challenge"_s;
        store::Token row;
        row.tokenHash = RandomToken::hash(code);
        row.kind = u"code"_s;
        row.clientId = client;
        row.user = u"bob"_s;
        row.audience = billing;
        row.scopes = {u"billing:read"_s};
        row.grantId = u"gh_gr_manual"_s;
        row.createdAt = t0;
        row.expiresAt = t0.addSecs(600);
        row.details = u"{\"redirect_uri\":\"%1\",\"redirect_uri_sent\":true}"_s.arg(goodCb);
        GH_VERIFY_OK(store::TokenRepository(*m_db).insert(row));
        const AuthAnswer answer = token({{u"grant_type"_s, u"authorization_code"_s},
                                         {u"code"_s, code},
                                         {u"code_verifier"_s, makePkce().verifier},
                                         {u"redirect_uri"_s, goodCb},
                                         {u"client_id"_s, client}});
        EXPECT_ERROR(answer, 400, u"invalid_request"_s);
    }

    void wrongVerifierBurnsTheCode()
    {
        const QString client = newClient();
        TRY;
        const Authz a = authz(client);
        const QString code = approve(a);
        TRY;
        Authz wrong = a;
        wrong.verifier = makePkce().verifier;
        EXPECT_ERROR(redeem(wrong, code), 400, u"invalid_grant"_s);
        // The code is used up: the right verifier no longer helps.
        EXPECT_ERROR(redeem(a, code), 400, u"invalid_grant"_s);
    }

    void verifierMissing()
    {
        const QString client = newClient();
        TRY;
        Authz a = authz(client);
        const QString code = approve(a);
        TRY;
        a.verifier = QString();
        const AuthAnswer answer = redeem(a, code);
        QCOMPARE(answer.response.status(), 400);
        QVERIFY2(answer.response.body().contains("invalid_"), answer.response.body().constData());
    }

    void malformedVerifier_data()
    {
        QTest::addColumn<QString>("verifier");
        QTest::newRow("42 characters") << QString(42, u'a');
        QTest::newRow("129 characters") << QString(129, u'a');
        QTest::newRow("plus sign") << QString(42, u'a') + u'+';
        QTest::newRow("slash") << QString(42, u'a') + u'/';
        QTest::newRow("equals") << QString(42, u'a') + u'=';
        QTest::newRow("space") << QString(42, u'a') + u' ';
        QTest::newRow("non-ASCII") << QString(42, u'a') + u"\u00e9"_s;
        QTest::newRow("percent") << QString(42, u'a') + u'%';
    }
    void malformedVerifier()
    {
        QFETCH(QString, verifier);
        const QString client = newClient();
        TRY;
        Authz a = authz(client);
        const QString code = approve(a);
        TRY;
        a.verifier = verifier;
        EXPECT_ERROR(redeem(a, code), 400, u"invalid_request"_s);
    }

    void verifierLengthBounds_data()
    {
        QTest::addColumn<int>("length");
        QTest::newRow("43") << 43;
        QTest::newRow("128") << 128;
    }
    void verifierLengthBounds()
    {
        QFETCH(int, length);
        const QString client = newClient();
        TRY;
        Authz a = authz(client);
        a.verifier = QString(length, u'~');
        a.verifier[0] = u'Z';
        a.challenge = s256(a.verifier);
        const Tokens t = signIn(a);
        TRY;
        QVERIFY(verify(t.access).ok());
    }

    // --- codes ---

    void codeReplayRevokesTheGrant()
    {
        const QString client = newClient();
        TRY;
        Authz a = authz(client);
        a.resource = billing;
        const QString code = approve(a);
        TRY;
        const Tokens first = tokensOf(redeem(a, code));
        TRY;
        QVERIFY2(verify(first.access).ok(), qPrintable(verify(first.access).rejection.description));
        QVERIFY(!first.refresh.isEmpty());

        const AuthAnswer replay = redeem(a, code);
        EXPECT_ERROR(replay, 400, u"invalid_grant"_s);
        QVERIFY2(replay.response.body().contains("already used"),
                 replay.response.body().constData());
        // What the first redemption gave is revoked: 401 at /mcp, and no more refreshing.
        const auto v = verify(first.access);
        QVERIFY(!v.ok());
        QCOMPARE(v.rejection.failure, Failure::Revoked);
        EXPECT_ERROR(refresh(client, first.refresh), 400, u"invalid_grant"_s);
    }

    void codeMisuse_data()
    {
        QTest::addColumn<QString>("case_");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("error");
        const QString grant = u"invalid_grant"_s;
        QTest::newRow("another client") << u"client"_s << 400 << grant;
        QTest::newRow("another confidential client") << u"confidential"_s << 400 << grant;
        QTest::newRow("expired (11 minutes)") << u"11m"_s << 400 << grant;
        QTest::newRow("expired (10 minutes)") << u"10m"_s << 400 << grant;
        QTest::newRow("still good (9m59s)") << u"9m59s"_s << 200 << QString();
        QTest::newRow("redirect_uri differs") << u"redirect"_s << 400 << grant;
        QTest::newRow("redirect_uri missing") << u"noredirect"_s << 400 << grant;
        QTest::newRow("loopback port differs") << u"port"_s << 400 << grant;
        QTest::newRow("unknown code") << u"unknown"_s << 400 << grant;
        QTest::newRow("access token as code") << u"access"_s << 400 << grant;
        QTest::newRow("request handle as code") << u"handle"_s << 400 << grant;
    }
    void codeMisuse()
    {
        QFETCH(QString, case_);
        QFETCH(int, status);
        QFETCH(QString, error);
        const QString client = newClient({goodCb, u"https://good.example/cb2"_s, loopCb});
        TRY;
        const QString other = newClient({goodCb, loopCb}, u"Other"_s, case_ == u"confidential"_s);
        TRY;
        Authz a = authz(client, case_ == u"port"_s ? u"http://127.0.0.1:53111/cb"_s : goodCb);
        QString code = approve(a);
        TRY;
        QDateTime now = t0;
        if (case_ == u"client"_s || case_ == u"confidential"_s) {
            a.clientId = other;
        } else if (case_ == u"11m"_s) {
            now = t0.addSecs(11 * 60);
        } else if (case_ == u"10m"_s) {
            now = t0.addSecs(10 * 60);
        } else if (case_ == u"9m59s"_s) {
            now = t0.addSecs(10 * 60 - 1);
        } else if (case_ == u"redirect"_s) {
            a.redirectUri = u"https://good.example/cb2"_s;
        } else if (case_ == u"noredirect"_s) {
            a.redirectUri = QString();
        } else if (case_ == u"port"_s) {
            a.redirectUri = u"http://127.0.0.1:53112/cb"_s;
        } else if (case_ == u"unknown"_s) {
            code = u"gh_ac_"_s + QString(43, u'A');
        } else if (case_ == u"access"_s) {
            code = signIn(authz(client)).access;
            TRY;
        } else if (case_ == u"handle"_s) {
            code = showPage(authz(client)).request;
            TRY;
        }
        const AuthAnswer answer = redeem(a, code, now);
        if (status == 200)
            QVERIFY(!tokensOf(answer).access.isEmpty());
        else
            EXPECT_ERROR(answer, status, error);
    }

    // --- /authorize refuses without redirecting ---

    void authorizeErrorPage_data()
    {
        QTest::addColumn<QString>("client");   // good | loop | unknown | none | url
        QTest::addColumn<QString>("redirect"); // null: not sent
        QTest::addColumn<QByteArray>("extra");
        const QByteArray none;
        QTest::newRow("unknown client_id") << u"unknown"_s << goodCb << none;
        QTest::newRow("client_id missing") << u"none"_s << goodCb << none;
        QTest::newRow("unregistered redirect_uri")
            << u"good"_s << u"https://evil.example/cb"_s << none;
        QTest::newRow("redirect_uri missing, two registered") << u"two"_s << QString() << none;
        // Open-redirect variants: exact string match.
        QTest::newRow("dot segments") << u"good"_s << u"https://good.example/cb/../x"_s << none;
        QTest::newRow("encoded dots") << u"good"_s << u"https://good.example/cb/%2E%2E/x"_s << none;
        QTest::newRow("double-encoded dots")
            << u"good"_s << u"https://good.example/cb/%252E%252E/x"_s << none;
        QTest::newRow("userinfo") << u"good"_s << u"https://good.example@evil.example/cb"_s << none;
        QTest::newRow("userinfo after path")
            << u"good"_s << u"https://good.example/cb@evil.example"_s << none;
        QTest::newRow("suffix host")
            << u"good"_s << u"https://good.example.evil.example/cb"_s << none;
        QTest::newRow("upper-case host") << u"good"_s << u"https://GOOD.example/cb"_s << none;
        QTest::newRow("upper-case scheme") << u"good"_s << u"HTTPS://good.example/cb"_s << none;
        QTest::newRow("fragment") << u"good"_s << u"https://good.example/cb#frag"_s << none;
        QTest::newRow("trailing slash") << u"good"_s << u"https://good.example/cb/"_s << none;
        QTest::newRow("default port") << u"good"_s << u"https://good.example:443/cb"_s << none;
        QTest::newRow("added query") << u"good"_s << u"https://good.example/cb?next=evil"_s << none;
        QTest::newRow("backslash")
            << u"good"_s << u"https://good.example\\@evil.example/cb"_s << none;
        QTest::newRow("http downgrade") << u"good"_s << u"http://good.example/cb"_s << none;
        // Loopback look-alikes: only the port may vary.
        QTest::newRow("LOCALHOST") << u"loop"_s << u"http://LOCALHOST/cb"_s << none;
        QTest::newRow("127.000.000.001") << u"loop"_s << u"http://127.000.000.001/cb"_s << none;
        QTest::newRow("localhosts") << u"loop"_s << u"http://localhosts/cb"_s << none;
        QTest::newRow("localhost for 127.0.0.1") << u"loop"_s << u"http://localhost/cb"_s << none;
        QTest::newRow("localhost with port for 127.0.0.1")
            << u"loop"_s << u"http://localhost:53111/cb"_s << none;
        QTest::newRow("::1 for 127.0.0.1") << u"loop"_s << u"http://[::1]:53111/cb"_s << none;
        QTest::newRow("127.1") << u"loop"_s << u"http://127.1/cb"_s << none;
        QTest::newRow("127.0.0.1 suffix host")
            << u"loop"_s << u"http://127.0.0.1.evil.example/cb"_s << none;
        QTest::newRow("port then userinfo")
            << u"loop"_s << u"http://127.0.0.1:53111@evil.example/cb"_s << none;
        QTest::newRow("loopback with other path")
            << u"loop"_s << u"http://127.0.0.1:53111/cb/../x"_s << none;
        QTest::newRow("loopback with https")
            << u"loop"_s << u"https://127.0.0.1:53111/cb"_s << none;
        // Duplicate parameters (RFC 6749 section 3.1).
        QTest::newRow("client_id twice") << u"good"_s << goodCb << QByteArray("client_id=other");
        QTest::newRow("client_id twice, encoded name")
            << u"good"_s << goodCb << QByteArray("client%5Fid=other");
        QTest::newRow("redirect_uri twice")
            << u"good"_s << goodCb << QByteArray("redirect_uri=https%3A%2F%2Fevil.example%2Fcb");
        QTest::newRow("state twice") << u"good"_s << goodCb << QByteArray("state=again");
        QTest::newRow("bad percent-encoding") << u"good"_s << goodCb << QByteArray("x=%zz");
        QTest::newRow("state too long") << u"good"_s << goodCb << none;
    }
    void authorizeErrorPage()
    {
        QFETCH(QString, client);
        QFETCH(QString, redirect);
        QFETCH(QByteArray, extra);
        const QString good = newClient({goodCb}, u"Good"_s);
        TRY;
        const QString loop = newClient({loopCb}, u"Loop"_s);
        TRY;
        const QString two = newClient({goodCb, u"https://good.example/cb2"_s}, u"Two"_s);
        TRY;
        Authz a = authz(good, redirect);
        if (client == u"loop"_s)
            a.clientId = loop;
        else if (client == u"two"_s)
            a.clientId = two;
        else if (client == u"unknown"_s)
            a.clientId = u"gh_ci_"_s + QString(43, u'Q');
        else if (client == u"none"_s)
            a.clientId = QString();
        a.extra = extra;
        if (QByteArrayView(QTest::currentDataTag()) == "state too long")
            a.state = QString(1025, u's');
        const AuthAnswer answer = get(u"/oauth/authorize"_s, a.query());
        EXPECT_PAGE(answer, 400);
        QVERIFY(!answer.response.body().contains("name=\"request\""));
        QCOMPARE(store::TokenRepository(*m_db).list(u"request"_s)->size(), 0);
    }

    void revokedClientGetsErrorPage()
    {
        const QString client = newClient();
        TRY;
        GH_VERIFY_OK(store::ClientRepository(*m_db).revoke(client));
        EXPECT_PAGE(get(u"/oauth/authorize"_s, authz(client).query()), 400);
    }

    void loopbackPortMayVary_data()
    {
        QTest::addColumn<QString>("registered");
        QTest::addColumn<QString>("requested");
        QTest::newRow("127.0.0.1") << loopCb << u"http://127.0.0.1:53111/cb"_s;
        QTest::newRow("127.0.0.1, same") << loopCb << loopCb;
        QTest::newRow("registered with a port")
            << u"http://127.0.0.1:8080/cb"_s << u"http://127.0.0.1:53111/cb"_s;
        QTest::newRow("[::1]") << u"http://[::1]/cb"_s << u"http://[::1]:53111/cb"_s;
        QTest::newRow("localhost") << u"http://localhost/cb"_s << u"http://localhost:53111/cb"_s;
    }
    void loopbackPortMayVary()
    {
        QFETCH(QString, registered);
        QFETCH(QString, requested);
        const QString client = newClient({registered});
        TRY;
        const Authz a = authz(client, requested);
        const Tokens t = signIn(a); // the code goes to the requested port, and is redeemed there
        TRY;
        QVERIFY(verify(t.access).ok());
    }

    // --- registration ---

    void registrationRefusesRedirect_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::newRow("javascript") << u"javascript:alert(document.cookie)"_s;
        QTest::newRow("JavaScript") << u"JavaScript:alert(1)"_s;
        QTest::newRow("data") << u"data:text/html;base64,PHNjcmlwdD4="_s;
        QTest::newRow("vbscript") << u"vbscript:msgbox(1)"_s;
        QTest::newRow("file") << u"file:///etc/passwd"_s;
        QTest::newRow("http public host") << u"http://app.example/cb"_s;
        QTest::newRow("http private address") << u"http://192.168.1.10/cb"_s;
        QTest::newRow("http localhost look-alike") << u"http://localhost.evil.example/cb"_s;
        QTest::newRow("wildcard host") << u"https://*.app.example/cb"_s;
        QTest::newRow("wildcard path") << u"https://app.example/cb/*"_s;
        QTest::newRow("fragment") << u"https://app.example/cb#frag"_s;
        QTest::newRow("userinfo") << u"https://app.example@evil.example/cb"_s;
        QTest::newRow("relative") << u"/cb"_s;
        QTest::newRow("empty") << QString();
    }
    void registrationRefusesRedirect()
    {
        QFETCH(QString, uri);
        const Registered r =
            registerRaw({{"redirect_uris", json::array({goodCb.toStdString(), uri.toStdString()})},
                         {"token_endpoint_auth_method", "none"}});
        EXPECT_ERROR(r.answer, 400, u"invalid_redirect_uri"_s);
        QCOMPARE(store::ClientRepository(*m_db).list()->size(), 0);
    }

    void registrationRefusesMetadata_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        const QByteArray jsonType = "application/json";
        QByteArray eleven = "{\"redirect_uris\":[";
        for (int i = 0; i < 11; ++i)
            eleven += (i ? ",\"" : "\"") + goodCb.toUtf8() + QByteArray::number(i) + '"';
        eleven += "]}";
        QByteArray hundreds = "{\"redirect_uris\":[";
        for (int i = 0; i < 300; ++i)
            hundreds += (i ? ",\"" : "\"") + goodCb.toUtf8() + QByteArray::number(i) + '"';
        hundreds += "]}";
        const QByteArray cb = "\"redirect_uris\":[\"" + goodCb.toUtf8() + "\"]";
        QTest::newRow("11 redirect URIs") << eleven << jsonType;
        QTest::newRow("300 redirect URIs") << hundreds << jsonType;
        QTest::newRow("client_credentials")
            << "{" + cb + ",\"grant_types\":[\"client_credentials\"]}" << jsonType;
        QTest::newRow("password grant")
            << "{" + cb + ",\"grant_types\":[\"password\"]}" << jsonType;
        QTest::newRow("implicit grant")
            << "{" + cb + ",\"grant_types\":[\"implicit\"]}" << jsonType;
        QTest::newRow("token response type")
            << "{" + cb + ",\"response_types\":[\"token\"]}" << jsonType;
        QTest::newRow("unknown auth method")
            << "{" + cb + ",\"token_endpoint_auth_method\":\"private_key_jwt\"}" << jsonType;
        QTest::newRow("redirect_uris not an array")
            << "{\"redirect_uris\":\"" + goodCb.toUtf8() + "\"}" << jsonType;
        QTest::newRow("client_name not a string") << "{" + cb + ",\"client_name\":{}}" << jsonType;
        QTest::newRow("client_uri javascript")
            << "{" + cb + ",\"client_uri\":\"javascript:alert(1)\"}" << jsonType;
        QTest::newRow("not JSON") << QByteArray("{redirect_uris") << jsonType;
        QTest::newRow("JSON array") << "[{" + cb + "}]" << jsonType;
        QTest::newRow("form-encoded") << "redirect_uris=" + goodCb.toUtf8()
                                      << QByteArray("application/x-www-form-urlencoded");
    }
    void registrationRefusesMetadata()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        const AuthAnswer answer =
            send("POST", u"/oauth/register"_s, {}, body, contentType, {}, {}, t0);
        EXPECT_ERROR(answer, 400, u"invalid_client_metadata"_s);
        QCOMPARE(store::ClientRepository(*m_db).list()->size(), 0);
    }

    void registrationTenRedirectUris()
    {
        QStringList ten;
        for (int i = 0; i < 10; ++i)
            ten << goodCb + QString::number(i);
        QVERIFY(!newClient(ten).isEmpty());
    }

    void registrationIgnoresPrivilegedFields()
    {
        // An issued client named "admin" exists; a registration must not take its place.
        issueClient(u"admin"_s, u"the-owners-secret"_s);
        TRY;
        const json metadata = {{"client_id", "admin"},
                               {"client_secret", "attacker-chosen-secret"},
                               {"client_id_issued_at", 1},
                               {"client_secret_expires_at", 1},
                               {"registration_access_token", "x"},
                               {"user", "bob"},
                               {"kind", "issued"},
                               {"redirect_uris", json::array({goodCb.toStdString()})},
                               {"token_endpoint_auth_method", "client_secret_post"}};
        const Registered r = registerRaw(metadata);
        QCOMPARE(r.answer.response.status(), 201);
        QVERIFY(r.clientId != u"admin"_s);
        QVERIFY(r.clientId.startsWith(ClientRegistry::clientIdPrefix()));
        QVERIFY(!r.secret.isEmpty());
        QVERIFY(r.secret != u"attacker-chosen-secret"_s);
        QVERIFY(!r.body.contains("registration_access_token"));
        QCOMPARE(r.answer.response.headers().value("cache-control"), QByteArray("no-store"));

        // The supplied secret authenticates neither the new client nor "admin".
        const Params cc{{u"grant_type"_s, u"client_credentials"_s}};
        EXPECT_ERROR(token(cc + Params{{u"client_id"_s, r.clientId},
                                       {u"client_secret"_s, u"attacker-chosen-secret"_s}}),
                     401, u"invalid_client"_s);
        EXPECT_ERROR(token(cc, basic("admin", "attacker-chosen-secret")), 401, u"invalid_client"_s);
        // The issued secret does; the registered client is no user's client (no
        // client_credentials).
        QVERIFY(!tokensOf(token(cc, basic("admin", "the-owners-secret"))).access.isEmpty());
        TRY;
        EXPECT_ERROR(token(cc + clientAuth(r.clientId)), 400, u"unauthorized_client"_s);
        const auto stored = store::ClientRepository(*m_db).get(r.clientId);
        GH_VERIFY_OK(stored);
        QVERIFY(!stored->user);
        QCOMPARE(stored->kind, u"registered"_s);
    }

    void registrationFlood()
    {
        const json metadata = {{"redirect_uris", json::array({loopCb.toStdString()})},
                               {"token_endpoint_auth_method", "none"}};
        for (int i = 0; i < 20; ++i) {
            const Registered r = registerRaw(metadata);
            QVERIFY2(r.answer.response.status() == 201, qPrintable(describe(r.answer)));
        }
        const Registered flood = registerRaw(metadata);
        EXPECT_ERROR(flood.answer, 429, u"temporarily_unavailable"_s);
        const int retryAfter = flood.answer.response.headers().value("retry-after").toInt();
        QVERIFY2(retryAfter > 0, flood.answer.response.headers().value("retry-after").constData());
        QCOMPARE(store::ClientRepository(*m_db).list()->size(), 20);
        // Counted per address: another caller is not held up.
        QCOMPARE(registerRaw(metadata, QHostAddress(QHostAddress::LocalHostIPv6))
                     .answer.response.status(),
                 201);
    }

    void registrationOnlyFromLoopbackByDefault_data()
    {
        QTest::addColumn<QString>("peer");
        QTest::addColumn<int>("status");
        QTest::newRow("public v4") << u"203.0.113.5"_s << 403;
        QTest::newRow("private v4") << u"192.168.1.20"_s << 403;
        QTest::newRow("public v6") << u"2001:db8::5"_s << 403;
        QTest::newRow("v4-mapped public") << u"::ffff:203.0.113.5"_s << 403;
        QTest::newRow("127.0.0.1") << u"127.0.0.1"_s << 201;
        QTest::newRow("::1") << u"::1"_s << 201;
    }
    void registrationOnlyFromLoopbackByDefault()
    {
        QFETCH(QString, peer);
        QFETCH(int, status);
        const Registered r = registerRaw({{"redirect_uris", json::array({goodCb.toStdString()})}},
                                         QHostAddress(peer));
        if (status == 201)
            QCOMPARE(r.answer.response.status(), 201);
        else
            EXPECT_ERROR(r.answer, status, u"access_denied"_s);
    }

    // --- client metadata documents ---

    void documentSsrf_data()
    {
        QTest::addColumn<QString>("clientId"); // %1: the port of a local listener
        QTest::newRow("127.0.0.1") << u"https://127.0.0.1:%1/client.json"_s;
        QTest::newRow("localhost (resolves to loopback)") << u"https://localhost:%1/client.json"_s;
        QTest::newRow("::1") << u"https://[::1]:%1/client.json"_s;
        QTest::newRow("::ffff:127.0.0.1") << u"https://[::ffff:127.0.0.1]:%1/client.json"_s;
        QTest::newRow("::ffff:7f00:1") << u"https://[::ffff:7f00:1]:%1/client.json"_s;
        QTest::newRow("0.0.0.0") << u"https://0.0.0.0:%1/client.json"_s;
        QTest::newRow("10/8") << u"https://10.0.0.1/c"_s;
        QTest::newRow("cloud metadata") << u"https://169.254.169.254/c"_s;
        QTest::newRow("http loopback") << u"http://127.0.0.1:%1/client.json"_s;
        QTest::newRow("http public") << u"http://client.example/c"_s;
        QTest::newRow("userinfo") << u"https://user@127.0.0.1:%1/client.json"_s;
        QTest::newRow("dot segment") << u"https://127.0.0.1:%1/a/../client.json"_s;
    }
    void documentSsrf()
    {
        QFETCH(QString, clientId);
        QTcpServer listener;
        QVERIFY(listener.listen(QHostAddress::Any, 0));
        int connections = 0;
        connect(&listener, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *s = listener.nextPendingConnection()) {
                ++connections;
                s->deleteLater();
            }
        });
        if (clientId.contains(u"%1"_s))
            clientId = clientId.arg(listener.serverPort());
        Authz a = authz(clientId, loopCb);
        QElapsedTimer timer;
        timer.start();
        const AuthAnswer answer = get(u"/oauth/authorize"_s, a.query());
        const qint64 elapsed = timer.elapsed();
        EXPECT_PAGE(answer, 400);
        QVERIFY2(elapsed < ClientRegistry::documentTimeout.count(), qPrintable(describe(answer)));
        QTest::qWait(20);
        QCOMPARE(connections, 0);
        QVERIFY(!listener.hasPendingConnections());
        QCOMPARE(clientStored(clientId), false);
    }

    void document_data()
    {
        QTest::addColumn<QString>("case_");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("good document") << u"good"_s << true;
        QTest::newRow("redirect (3xx)") << u"redirect"_s << false;
        QTest::newRow("larger than 5 KiB") << u"large"_s << false;
        QTest::newRow("client_id differs") << u"otherid"_s << false;
        QTest::newRow("carries a client secret") << u"secret"_s << false;
        QTest::newRow("javascript redirect_uri") << u"javascript"_s << false;
        QTest::newRow("redirect_uri not listed") << u"unlisted"_s << false;
        QTest::newRow("not JSON") << u"garbage"_s << false;
        QTest::newRow("404") << u"missing"_s << false;
        QTest::newRow("origin not allowed for http") << u"origin"_s << false;
    }
    void document()
    {
        QFETCH(QString, case_);
        QFETCH(bool, accepted);
        DocumentServer server;
        QVERIFY(server.listen());
        const QString path = u"/clients/"_s + case_ + u".json"_s;
        const QString clientId = server.origin() + path;
        json doc = {{"client_id", clientId.toStdString()},
                    {"client_name", "Document Client"},
                    {"redirect_uris", json::array({loopCb.toStdString()})},
                    {"token_endpoint_auth_method", "none"}};
        if (case_ == u"otherid"_s)
            doc["client_id"] = QString(server.origin() + u"/clients/good.json"_s).toStdString();
        if (case_ == u"secret"_s)
            doc["client_secret"] = "s3cret";
        if (case_ == u"javascript"_s)
            doc["redirect_uris"] = json::array({"javascript:alert(1)"});
        if (case_ == u"large"_s)
            doc["padding"] = std::string(6 * 1024, 'x');
        QByteArray body = QByteArray::fromStdString(doc.dump());
        if (case_ == u"garbage"_s)
            body = "<html>not json</html>";
        if (case_ == u"redirect"_s) {
            server.serve(path, http::Response(302, {{"Location", "/clients/good.json"}}));
            json good = doc;
            good["client_id"] = QString(server.origin() + u"/clients/good.json"_s).toStdString();
            server.serve(u"/clients/good.json"_s,
                         http::Response::json(200, QByteArray::fromStdString(good.dump())));
        } else if (case_ != u"missing"_s) {
            server.serve(path, http::Response::json(200, body));
        }
        AuthServerOptions options;
        options.insecureDocumentOrigins = {
            QUrl(case_ == u"origin"_s ? u"http://127.0.0.1:1"_s : server.origin())};
        rebuild(options);

        Authz a = authz(clientId, case_ == u"unlisted"_s ? u"http://127.0.0.1/other"_s : loopCb);
        const AuthAnswer answer = get(u"/oauth/authorize"_s, a.query());
        if (!accepted) {
            EXPECT_PAGE(answer, 400);
            if (case_ != u"unlisted"_s)
                QCOMPARE(clientStored(clientId), false);
            if (case_ == u"redirect"_s)
                QCOMPARE(server.requests(), 1); // the redirect was not followed
            if (case_ == u"origin"_s)
                QCOMPARE(server.requests(), 0);
            return;
        }
        const Page p = page(answer);
        checkPage(answer, 200, __LINE__);
        TRY;
        QVERIFY2(answer.response.body().contains("Document Client"),
                 answer.response.body().constData());
        QCOMPARE(server.requests(), 1);
        // The whole flow works with the document's URL as client_id; the document is cached.
        const Tokens t = signIn(a);
        TRY;
        QVERIFY(verify(t.access).ok());
        QCOMPARE(server.requests(), 1);
        QVERIFY(!p.request.isEmpty());
    }

    // --- refresh tokens ---

    void refreshReuseRevokesTheGrant()
    {
        const QString client = newClient();
        TRY;
        Authz a = authz(client);
        a.resource = billing;
        const Tokens first = signIn(a);
        TRY;
        QVERIFY(!first.refresh.isEmpty());
        const Tokens second = tokensOf(refresh(client, first.refresh));
        TRY;
        QVERIFY(second.refresh != first.refresh);
        QVERIFY(verify(second.access).ok());

        const AuthAnswer reuse = refresh(client, first.refresh);
        EXPECT_ERROR(reuse, 400, u"invalid_grant"_s);
        // The whole grant is gone: the rotated refresh token and every access token.
        EXPECT_ERROR(refresh(client, second.refresh), 400, u"invalid_grant"_s);
        QCOMPARE(verify(first.access).rejection.failure, Failure::Revoked);
        QCOMPARE(verify(second.access).rejection.failure, Failure::Revoked);
        QVERIFY(!verify(second.access).ok());
    }

    void refreshMisuse_data()
    {
        QTest::addColumn<QString>("case_");
        QTest::addColumn<QString>("scope"); // for the refresh request
        QTest::addColumn<QString>("error"); // empty: accepted
        QTest::addColumn<QString>("granted");
        QTest::newRow("another client")
            << u"client"_s << QString() << u"invalid_grant"_s << QString();
        QTest::newRow("scope widening")
            << QString() << u"billing:read billing:delete"_s << u"invalid_scope"_s << QString();
        QTest::newRow("scope of another server")
            << QString() << u"crm:read"_s << u"invalid_scope"_s << QString();
        QTest::newRow("offline_access not granted")
            << QString() << u"billing:read offline_access"_s << u"invalid_scope"_s << QString();
        QTest::newRow("unknown scope")
            << QString() << u"billing:admin"_s << u"invalid_scope"_s << QString();
        // A list without a server scope would mean "not narrowed": never by refreshing.
        QTest::newRow("blank scope") << QString() << u" "_s << u"invalid_scope"_s << QString();
        QTest::newRow("narrower") << QString() << u"billing:read"_s << QString()
                                  << u"billing:read"_s;
        QTest::newRow("same") << QString() << u"billing:update billing:read"_s << QString()
                              << u"billing:update billing:read"_s;
        QTest::newRow("no scope: as granted")
            << QString() << QString() << QString() << u"billing:read billing:update"_s;
        QTest::newRow("expired (31 days)")
            << u"expired"_s << QString() << u"invalid_grant"_s << QString();
        QTest::newRow("access token as refresh token")
            << u"access"_s << QString() << u"invalid_grant"_s << QString();
        QTest::newRow("resource of another server")
            << u"resource"_s << QString() << u"invalid_target"_s << QString();
    }
    void refreshMisuse()
    {
        QFETCH(QString, case_);
        QFETCH(QString, scope);
        QFETCH(QString, error);
        QFETCH(QString, granted);
        const QString client = newClient();
        TRY;
        const QString other = newClient();
        TRY;
        Authz a = authz(client);
        a.scope = u"billing:read billing:update"_s;
        const Tokens t = signIn(a);
        TRY;
        QCOMPARE(t.scope, u"billing:read billing:update"_s);
        QString refreshToken = t.refresh;
        QString asClient = client;
        QDateTime now = t0;
        Params extra;
        if (case_ == u"client"_s)
            asClient = other;
        else if (case_ == u"expired"_s)
            now = t0.addDays(31);
        else if (case_ == u"access"_s)
            refreshToken = t.access;
        Params params{{u"grant_type"_s, u"refresh_token"_s},
                      {u"refresh_token"_s, refreshToken},
                      {u"scope"_s, scope},
                      {u"resource"_s, case_ == u"resource"_s ? crm : QString()}};
        params += clientAuth(asClient);
        const AuthAnswer answer = token(params, {}, now);
        if (!error.isEmpty()) {
            EXPECT_ERROR(answer, 400, error);
            return;
        }
        const Tokens n = tokensOf(answer);
        TRY;
        QCOMPARE(n.scope, granted);
        const auto v = verify(n.access);
        QVERIFY(v.ok());
        QStringList expected = granted.split(u' ');
        QStringList got = v.caller->scopes;
        expected.sort();
        got.sort();
        QCOMPARE(got, expected);
    }

    void refreshKeepsAServerScope()
    {
        const QString client = newClient();
        TRY;
        Authz a = authz(client);
        a.scope = u"billing:read offline_access"_s;
        const Tokens t = signIn(a);
        TRY;
        Params params{{u"grant_type"_s, u"refresh_token"_s},
                      {u"refresh_token"_s, t.refresh},
                      {u"scope"_s, u"offline_access"_s}};
        params += clientAuth(client);
        EXPECT_ERROR(token(params, {}, t0), 400, u"invalid_scope"_s);
        // The refresh token was not spent by the refused request.
        params = Params{{u"grant_type"_s, u"refresh_token"_s}, {u"refresh_token"_s, t.refresh}};
        params += clientAuth(client);
        const Tokens n = tokensOf(token(params, {}, t0));
        TRY;
        const auto v = verify(n.access);
        QVERIFY(v.ok());
        QCOMPARE(v.caller->scopes, QStringList{u"billing:read"_s});
    }

    // --- resource indicators (RFC 8707) ---

    void resourceAtAuthorize_data()
    {
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QString>("scope");
        QTest::addColumn<QString>("error"); // empty: accepted
        QTest::newRow("a server") << billing << QString() << QString();
        QTest::newRow("the gateway") << issuer << QString() << QString();
        QTest::newRow("the gateway, trailing slash") << issuer + u'/' << QString() << QString();
        QTest::newRow("another host")
            << u"https://evil.example/mcp/billing"_s << QString() << u"invalid_target"_s;
        QTest::newRow("another port")
            << u"http://127.0.0.1:8788/mcp/billing"_s << QString() << u"invalid_target"_s;
        QTest::newRow("relative") << u"/mcp/billing"_s << QString() << u"invalid_target"_s;
        QTest::newRow("fragment") << billing + u"#frag"_s << QString() << u"invalid_target"_s;
        QTest::newRow("unknown server")
            << issuer + u"/mcp/shop"_s << QString() << u"invalid_target"_s;
        QTest::newRow("no server") << issuer + u"/mcp/"_s << QString() << u"invalid_target"_s;
        QTest::newRow("trailing slash") << billing + u'/' << QString() << u"invalid_target"_s;
        QTest::newRow("query") << billing + u"?x=1"_s << QString() << u"invalid_target"_s;
        QTest::newRow("upper-case scheme")
            << u"HTTP://127.0.0.1:8787/mcp/billing"_s << QString() << u"invalid_target"_s;
        QTest::newRow("urn") << u"urn:gatehouse:billing"_s << QString() << u"invalid_target"_s;
        QTest::newRow("scope of another server") << billing << u"crm:read"_s << u"invalid_scope"_s;
        QTest::newRow("scope of an unknown server")
            << QString() << u"shop:read"_s << u"invalid_scope"_s;
        QTest::newRow("unknown action") << billing << u"billing:admin"_s << u"invalid_scope"_s;
    }
    void resourceAtAuthorize()
    {
        QFETCH(QString, resource);
        QFETCH(QString, scope);
        QFETCH(QString, error);
        const QString client = newClient();
        TRY;
        Authz a = authz(client);
        a.resource = resource;
        a.scope = scope;
        if (error.isEmpty()) {
            // Accepted at /authorize, and the same resource is accepted at /token.
            const QString code = approve(a);
            TRY;
            Params params{{u"grant_type"_s, u"authorization_code"_s},
                          {u"code"_s, code},
                          {u"code_verifier"_s, a.verifier},
                          {u"redirect_uri"_s, a.redirectUri},
                          {u"client_id"_s, client},
                          {u"resource"_s, resource}};
            const Tokens t = tokensOf(token(params));
            TRY;
            QVERIFY2(verify(t.access, u"billing"_s).ok(),
                     qPrintable(verify(t.access, u"billing"_s).rejection.description));
            const bool gatewayWide = resource != billing;
            QCOMPARE(verify(t.access, u"crm"_s).ok(), gatewayWide);
            return;
        }
        const AuthAnswer answer = get(u"/oauth/authorize"_s, a.query());
        QCOMPARE(answer.response.status(), 302);
        QVERIFY2(location(answer).startsWith(QByteArray(goodCb.toUtf8() + '?')),
                 qPrintable(describe(answer)));
        const QUrlQuery q = redirectQuery(answer);
        QCOMPARE(param(q, u"error"_s), error);
        QVERIFY(!param(q, u"error_description"_s).isEmpty());
        QCOMPARE(param(q, u"iss"_s), issuer);
        QCOMPARE(param(q, u"state"_s), a.state);
    }

    void resourceAtToken_data()
    {
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QString>("error"); // empty: accepted
        QTest::newRow("as authorized") << billing << QString();
        QTest::newRow("left out") << QString() << QString();
        QTest::newRow("not granted") << crm << u"invalid_target"_s;
        QTest::newRow("the gateway") << issuer << u"invalid_target"_s;
        QTest::newRow("relative") << u"/mcp/billing"_s << u"invalid_target"_s;
        QTest::newRow("fragment") << billing + u"#frag"_s << u"invalid_target"_s;
        QTest::newRow("another host")
            << u"https://evil.example/mcp/billing"_s << u"invalid_target"_s;
    }
    void resourceAtToken()
    {
        QFETCH(QString, resource);
        QFETCH(QString, error);
        const QString client = newClient();
        TRY;
        Authz a = authz(client);
        a.resource = billing;
        const QString code = approve(a);
        TRY;
        Params params{{u"grant_type"_s, u"authorization_code"_s},
                      {u"code"_s, code},
                      {u"code_verifier"_s, a.verifier},
                      {u"redirect_uri"_s, a.redirectUri},
                      {u"client_id"_s, client},
                      {u"resource"_s, resource}};
        const AuthAnswer answer = token(params);
        if (error.isEmpty())
            QVERIFY(verify(tokensOf(answer).access).ok());
        else
            EXPECT_ERROR(answer, 400, error);
    }

    // --- duplicate parameters at /token ---

    void duplicateParametersAtToken_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("extra");
        QTest::newRow("client_id twice") << u"/oauth/token"_s << QByteArray("client_id=other");
        QTest::newRow("client_id twice, same value") << u"/oauth/token"_s << QByteArray("SAME");
        QTest::newRow("code twice") << u"/oauth/token"_s << QByteArray("code=other");
        QTest::newRow("code_verifier twice")
            << u"/oauth/token"_s << QByteArray("code_verifier=" + QByteArray(43, 'a'));
        QTest::newRow("grant_type twice")
            << u"/oauth/token"_s << QByteArray("grant_type=client_credentials");
        QTest::newRow("encoded name twice") << u"/oauth/token"_s << QByteArray("client%5Fid=x");
        QTest::newRow("bad encoding") << u"/oauth/token"_s << QByteArray("x=%zz");
        QTest::newRow("at revoke") << u"/oauth/revoke"_s << QByteArray("token=a&token=b");
    }
    void duplicateParametersAtToken()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, extra);
        const QString client = newClient();
        TRY;
        const Authz a = authz(client);
        const QString code = approve(a);
        TRY;
        QByteArray body = encode({{u"grant_type"_s, u"authorization_code"_s},
                                  {u"code"_s, code},
                                  {u"code_verifier"_s, a.verifier},
                                  {u"redirect_uri"_s, a.redirectUri},
                                  {u"client_id"_s, client}});
        if (extra == "SAME")
            extra = "client_id=" + client.toUtf8();
        body += '&' + extra;
        EXPECT_ERROR(postForm(path, body), 400, u"invalid_request"_s);
        if (path == u"/oauth/token"_s) // the code was not spent on a refused request
            QVERIFY(verify(tokensOf(redeem(a, code)).access).ok());
    }

    void duplicateParametersAtConsentForm()
    {
        const QString client = newClient();
        TRY;
        const Page p = showPage(authz(client));
        TRY;
        const AuthAnswer answer =
            submit(p, login() + Params{{u"request"_s, u"gh_rq_other"_s}}, {}, t0);
        EXPECT_PAGE(answer, 400);
    }

    // --- token response ---

    void tokenResponse()
    {
        const QString client = newClient();
        TRY;
        Authz a = authz(client);
        a.resource = billing;
        a.scope = u"billing:read"_s;
        const QString code = approve(a);
        TRY;
        const AuthAnswer answer = redeem(a, code);
        QCOMPARE(answer.response.status(), 200);
        QVERIFY(answer.response.headers().value("content-type").startsWith("application/json"));
        QCOMPARE(answer.response.headers().value("cache-control"), QByteArray("no-store"));
        QCOMPARE(answer.response.headers().value("pragma"), QByteArray("no-cache"));
        const json body = parseJson(answer.response.body());
        QCOMPARE(str(body, "token_type"), u"Bearer"_s);
        QCOMPARE(body.value("expires_in", 0), 3600);
        QCOMPARE(str(body, "scope"), u"billing:read"_s);
        const QString access = str(body, "access_token");
        const QString refreshToken = str(body, "refresh_token");
        QVERIFY(access.startsWith(u"gh_at_"_s));
        QVERIFY(refreshToken.startsWith(u"gh_rt_"_s));
        QVERIFY(access.size() >= 6 + 43); // at least 256 random bits
        const auto v = verify(access);
        QVERIFY2(v.ok(), qPrintable(v.rejection.description));
        QCOMPARE(v.caller->user, u"bob"_s);
        QCOMPARE(v.caller->clientId, client);
        QCOMPARE(v.caller->scopes, QStringList{u"billing:read"_s});
        // Bound to its audience, and expiring after an hour.
        QCOMPARE(verify(access, u"crm"_s).rejection.failure, Failure::WrongAudience);
        QCOMPARE(verify(access, u"billing"_s, t0.addSecs(3600)).rejection.failure,
                 Failure::Expired);
        // A refresh token or a code is never a bearer token.
        QCOMPARE(verify(refreshToken).rejection.failure, Failure::UnknownToken);
        QCOMPARE(verify(code).rejection.failure, Failure::UnknownToken);
    }

    // --- mix-up defence (RFC 9207) and the authorization response ---

    void authorizationResponse_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("redirect");
        QTest::addColumn<QString>("decision");
        QTest::newRow("with state") << u"st-4711"_s << goodCb << u"allow"_s;
        QTest::newRow("without state (the SDK sends none)") << QString() << goodCb << u"allow"_s;
        QTest::newRow("state with reserved characters")
            << u"a b&c=d#e/f?g+h%i"_s << goodCb << u"allow"_s;
        QTest::newRow("redirect with a query")
            << u"s"_s << u"https://good.example/cb?app=1"_s << u"allow"_s;
        QTest::newRow("denied") << u"st-4711"_s << goodCb << u"deny"_s;
    }
    void authorizationResponse()
    {
        QFETCH(QString, state);
        QFETCH(QString, redirect);
        QFETCH(QString, decision);
        const QString client = newClient({redirect});
        TRY;
        Authz a = authz(client, redirect);
        a.state = state;
        const Page p = showPage(a);
        TRY;
        Params fields = login();
        fields.last().second = decision;
        const AuthAnswer answer = submit(p, fields);
        // After the form: 303 See Other, never 307 (which would re-post the password).
        QCOMPARE(answer.response.status(), 303);
        const QByteArray loc = location(answer);
        const QString prefix = redirect + (redirect.contains(u'?') ? u'&' : u'?');
        QVERIFY2(loc.startsWith(prefix.toUtf8()), loc.constData());
        const QUrlQuery q = redirectQuery(answer);
        const QString key = decision == u"allow"_s ? u"code"_s : u"error"_s;
        QCOMPARE(q.allQueryItemValues(key).size(), 1);
        QCOMPARE(q.allQueryItemValues(decision == u"allow"_s ? u"error"_s : u"code"_s).size(), 0);
        QCOMPARE(q.allQueryItemValues(u"iss"_s).size(), 1);
        QCOMPARE(param(q, u"iss"_s), issuer);
        QCOMPARE(param(q, u"iss"_s), m_as->issuer());
        if (state.isNull()) {
            QVERIFY(!q.hasQueryItem(u"state"_s));
        } else {
            QCOMPARE(q.allQueryItemValues(u"state"_s).size(), 1);
            QCOMPARE(param(q, u"state"_s), state);
        }
        if (redirect.contains(u'?'))
            QCOMPARE(param(q, u"app"_s), u"1"_s);
        if (decision == u"allow"_s) {
            QCOMPARE(param(q, u"code"_s).left(6), u"gh_ac_"_s);
            // The redirect_uri named in the request must be named again at /token.
            QVERIFY(verify(tokensOf(redeem(a, param(q, u"code"_s))).access).ok());
        } else {
            QCOMPARE(param(q, u"error"_s), u"access_denied"_s);
        }
    }

    void redirectUriMayBeLeftOut()
    {
        // One registered redirect URI: the request may leave it out, and then so may /token.
        const QString client = newClient();
        TRY;
        Authz a = authz(client, QString());
        const Page p = showPage(a);
        TRY;
        const AuthAnswer answer = submit(p, login());
        QCOMPARE(answer.response.status(), 303);
        QVERIFY(location(answer).startsWith(QByteArray(goodCb.toUtf8() + '?')));
        const QString code = param(redirectQuery(answer), u"code"_s);
        QVERIFY(verify(tokensOf(redeem(a, code)).access).ok());
    }

    // --- consent: CSRF, clickjacking, single use ---

    void consentCsrf_data()
    {
        QTest::addColumn<QString>("case_");
        QTest::addColumn<int>("status");
        QTest::newRow("no csrf field") << u"nofield"_s << 403;
        QTest::newRow("posted from another site (Sec-Fetch-Site)") << u"crosssite"_s << 403;
        QTest::newRow("no csrf cookie") << u"nocookie"_s << 403;
        QTest::newRow("wrong csrf field") << u"wrongfield"_s << 403;
        QTest::newRow("wrong csrf cookie") << u"wrongcookie"_s << 403;
        QTest::newRow("csrf field and cookie from another GET") << u"otherget"_s << 403;
        QTest::newRow("csrf cookie from another GET") << u"othercookie"_s << 403;
        QTest::newRow("no request handle") << u"nohandle"_s << 403;
        QTest::newRow("unknown request handle") << u"unknownhandle"_s << 400;
        QTest::newRow("expired page (11 minutes)") << u"expired"_s << 400;
        QTest::newRow("not a form") << u"json"_s << 415;
    }
    void consentCsrf()
    {
        QFETCH(QString, case_);
        QFETCH(int, status);
        const QString client = newClient();
        TRY;
        const Authz a = authz(client);
        const Page p = showPage(a);
        TRY;
        // Another browser's page for the same request: its own cookie and form.
        const Page other = showPage(a);
        TRY;
        QVERIFY(other.csrf != p.csrf);
        QByteArray cookie = p.csrfCookie;
        Params fields{{u"request"_s, p.request}, {u"csrf"_s, p.csrf}};
        QDateTime now = t0;
        QByteArray contentType = "application/x-www-form-urlencoded";
        if (case_ == u"nofield"_s)
            fields[1].second = QString();
        else if (case_ == u"nocookie"_s)
            cookie.clear();
        else if (case_ == u"wrongfield"_s)
            fields[1].second = RandomToken::generate(u"gh_cf_"_s);
        else if (case_ == u"wrongcookie"_s)
            cookie = "gatehouse_csrf=" + RandomToken::generate(u"gh_cf_"_s).toLatin1();
        else if (case_ == u"otherget"_s) {
            fields[1].second = other.csrf;
            cookie = other.csrfCookie;
        } else if (case_ == u"othercookie"_s)
            cookie = other.csrfCookie;
        else if (case_ == u"nohandle"_s)
            fields[0].second = QString();
        else if (case_ == u"unknownhandle"_s)
            fields[0].second = RandomToken::generate(u"gh_rq_"_s);
        else if (case_ == u"expired"_s)
            now = t0.addSecs(11 * 60);
        else if (case_ == u"json"_s)
            contentType = "application/json";
        fields += login();
        const AuthAnswer answer =
            send("POST", u"/oauth/authorize"_s, {}, encode(fields), contentType,
                 cookie.isEmpty() ? QList<QByteArray>() : QList<QByteArray>{cookie}, {}, now,
                 loopback, case_ == u"crosssite"_s ? "cross-site" : "same-origin");
        EXPECT_PAGE(answer, status);
        QVERIFY(setCookie(answer.response, "gatehouse_login").isEmpty());
        QCOMPARE(store::TokenRepository(*m_db).list(u"code"_s)->size(), 0);
    }

    void csrfCookieAttributes()
    {
        const QString client = newClient();
        TRY;
        const Page p = showPage(authz(client));
        TRY;
        const QByteArray field = setCookieField(p.answer.response, "gatehouse_csrf");
        QVERIFY2(field.contains("; HttpOnly"), field.constData());
        QVERIFY2(field.contains("; SameSite=Strict"), field.constData());
        QVERIFY2(field.contains("; Path=/oauth/authorize"), field.constData());
    }

    void requestHandleIsSingleUse()
    {
        const QString client = newClient();
        TRY;
        const Page p = showPage(authz(client));
        TRY;
        QCOMPARE(submit(p, login()).response.status(), 303);
        const AuthAnswer again = submit(p, login());
        QVERIFY2(again.response.status() >= 400, qPrintable(describe(again)));
        EXPECT_PAGE(again, again.response.status());
        QCOMPARE(store::TokenRepository(*m_db).list(u"code"_s)->size(), 1);
    }

    void getNeverApproves()
    {
        const QString client = newClient();
        TRY;
        const Authz a = authz(client);
        const Page p = showPage(a);
        TRY;
        // Everything the form would post, sent as a GET instead (a link or an <img>).
        Authz sneaky = a;
        sneaky.extra = encode({{u"request"_s, p.request},
                               {u"csrf"_s, p.csrf},
                               {u"username"_s, u"bob"_s},
                               {u"password"_s, password},
                               {u"decision"_s, u"allow"_s}});
        const AuthAnswer answer = get(u"/oauth/authorize"_s, sneaky.query(), {p.csrfCookie});
        EXPECT_PAGE(answer, 200);
        QCOMPARE(store::TokenRepository(*m_db).list(u"code"_s)->size(), 0);
        // Signed in (login cookie) but without a remembered consent: still only the page.
        const Authz b = authz(newClient({goodCb}, u"B"_s));
        TRY;
        approve(b);
        TRY;
        QVERIFY(!m_loginCookie.isEmpty());
        EXPECT_PAGE(get(u"/oauth/authorize"_s, sneaky.query(), {p.csrfCookie, m_loginCookie}), 200);
        QCOMPARE(store::TokenRepository(*m_db).list(u"code"_s)->size(), 1);
    }

    void pagesAreNeverFramed()
    {
        const QString client = newClient({goodCb}, u"<script>alert(1)</script>"_s);
        TRY;
        const Page p = showPage(authz(client)); // checks frame-ancestors 'none' too
        TRY;
        // The client's name is shown escaped.
        QVERIFY(!p.answer.response.body().contains("<script>alert(1)"));
        QVERIFY(p.answer.response.body().contains("&lt;script&gt;"));
        EXPECT_PAGE(get(u"/oauth/authorize"_s, authz(u"gh_ci_nope"_s).query()), 400);
        // Error pages echo what was wrong, escaped.
        const AuthAnswer unknown =
            get(u"/oauth/authorize"_s, authz(u"<img src=x onerror=alert(1)>"_s).query());
        EXPECT_PAGE(unknown, 400);
        QVERIFY(!unknown.response.body().contains("<img"));
        const AuthAnswer badRedirect =
            get(u"/oauth/authorize"_s,
                authz(client, u"https://good.example/<script>x</script>"_s).query());
        EXPECT_PAGE(badRedirect, 400);
        QVERIFY(!badRedirect.response.body().contains("<script>x"));
        EXPECT_PAGE(submit(p, login(u"bob"_s, u"wrong"_s)), 401);
    }

    // --- confused deputy: consent is per (user, client_id, redirect_uri, scopes) ---

    void confusedDeputy()
    {
        const QString clientA = newClient({goodCb}, u"A"_s);
        TRY;
        const QString clientB = newClient({goodCb}, u"B"_s); // the same redirect URI
        TRY;
        Authz a = authz(clientA);
        a.scope = u"billing:read"_s;
        a.resource = billing;
        approve(a);
        TRY;
        const QByteArray signedIn = m_loginCookie;
        QVERIFY(!signedIn.isEmpty());
        QVERIFY2(m_loginCookieField.contains("; HttpOnly"), m_loginCookieField.constData());
        QVERIFY2(m_loginCookieField.contains("; SameSite=Lax"), m_loginCookieField.constData());

        // Client A asking the same again: answered at once (302 from a GET).
        Authz again = authz(clientA);
        again.scope = a.scope;
        again.resource = a.resource;
        const AuthAnswer same = get(u"/oauth/authorize"_s, again.query(), {signedIn});
        QCOMPARE(same.response.status(), 302);
        const QString code = param(redirectQuery(same), u"code"_s);
        QVERIFY(code.startsWith(u"gh_ac_"_s));
        QCOMPARE(param(redirectQuery(same), u"iss"_s), issuer);
        QVERIFY(verify(tokensOf(redeem(again, code)).access).ok());

        // Client B, otherwise identical: asked again.
        Authz b = again;
        b.clientId = clientB;
        const Page pb = page(get(u"/oauth/authorize"_s, b.query(), {signedIn}));
        EXPECT_PAGE(pb.answer, 200);
        QVERIFY(pb.answer.response.body().contains("Signed in as bob"));
        // Client A asking for more: asked again too.
        Authz wider = again;
        wider.scope = u"billing:read billing:delete"_s;
        EXPECT_PAGE(get(u"/oauth/authorize"_s, wider.query(), {signedIn}), 200);
        // Client A, another resource: asked again.
        Authz gateway = again;
        gateway.resource = QString();
        gateway.scope = QString();
        EXPECT_PAGE(get(u"/oauth/authorize"_s, gateway.query(), {signedIn}), 200);
        // A tampered login cookie signs nobody in.
        QByteArray forged = signedIn; // the same MAC, another user name ("alice")
        QVERIFY(forged.startsWith("gatehouse_login=Ym9i."));
        forged.replace("gatehouse_login=Ym9i.", "gatehouse_login=YWxpY2U.");
        const Page pf = page(get(u"/oauth/authorize"_s, again.query(), {forged}));
        EXPECT_PAGE(pf.answer, 200);
        QVERIFY(pf.answer.response.body().contains("name=\"password\""));

        // Approving B while signed in: no password needed, a 303 with B's code.
        const AuthAnswer approved = submit(pb, {{u"decision"_s, u"allow"_s}}, {signedIn});
        QCOMPARE(approved.response.status(), 303);
        QVERIFY(verify(tokensOf(redeem(b, param(redirectQuery(approved), u"code"_s))).access).ok());
    }

    // The page a person approves must not promise less than the token then allows.
    void consentPageDescribesTheGrant_data()
    {
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QString>("scope");
        QTest::newRow("nothing asked") << QString() << QString();
        QTest::newRow("one action") << QString() << u"billing:read"_s;
        QTest::newRow("server, offline_access") << billing << u"offline_access"_s;
        QTest::newRow("offline_access only") << QString() << u"offline_access"_s;
        QTest::newRow("gateway, offline_access only") << issuer << u"offline_access"_s;
    }
    void consentPageDescribesTheGrant()
    {
        QFETCH(QString, resource);
        QFETCH(QString, scope);
        const QString client = newClient();
        TRY;
        Authz a = authz(client);
        a.resource = resource;
        a.scope = scope;
        const Page p = showPage(a);
        TRY;
        const QString html = QString::fromUtf8(p.answer.response.body());
        const AuthAnswer approved = submit(p, login());
        QCOMPARE(approved.response.status(), 303);
        Params params{{u"grant_type"_s, u"authorization_code"_s},
                      {u"code"_s, param(redirectQuery(approved), u"code"_s)},
                      {u"code_verifier"_s, a.verifier},
                      {u"redirect_uri"_s, a.redirectUri},
                      {u"client_id"_s, client},
                      {u"resource"_s, resource}};
        const Tokens t = tokensOf(token(params));
        TRY;
        const bool everything = html.contains(u"everything your permissions allow"_s);
        const QHash<QString, QString> described = {
            {u"read"_s, u"read data through %1"_s},
            {u"create"_s, u"create new records through %1"_s},
            {u"update"_s, u"change existing records through %1"_s},
            {u"delete"_s, u"delete records through %1"_s}};
        for (const QString &server : {u"billing"_s, u"crm"_s}) {
            const auto v = verify(t.access, server);
            if (!v.ok())
                continue;
            for (const QString &granted : v.caller->scopes) {
                const QString action = granted.section(u':', 1);
                QVERIFY2(everything || html.contains(described.value(action).arg(server)),
                         qPrintable(u"the token allows %1 (scope %2), but the consent page "
                                    "showed only: %3"_s.arg(
                                        granted, t.scope,
                                        html.section(u"<ul>"_s, 1).section(u"</ul>"_s, 0, 0))));
            }
        }
    }

    void signInEnds()
    {
        const QString client = newClient();
        TRY;
        Authz a = authz(client);
        a.resource = billing;
        const QString code = approve(a);
        TRY;
        const QByteArray signedIn = m_loginCookie;
        Authz again = authz(client);
        again.resource = billing;
        QCOMPARE(get(u"/oauth/authorize"_s, again.query(), {signedIn}).response.status(), 302);
        // The sign-in cookie lapses after 12 hours.
        const Page late =
            page(get(u"/oauth/authorize"_s, again.query(), {signedIn}, t0.addSecs(12 * 3600 + 1)));
        EXPECT_PAGE(late.answer, 200);
        QVERIFY(late.answer.response.body().contains("name=\"password\""));
        // A new password ends every browser sign-in.
        store::User bob = *store::UserRepository(*m_db).get(u"bob"_s);
        bob.passwordHash =
            *PasswordHash::hash(u"another password"_s, PasswordHash::Parameters{10, 8, 1});
        GH_VERIFY_OK(store::UserRepository(*m_db).upsert(bob));
        const Page changed = page(get(u"/oauth/authorize"_s, again.query(), {signedIn}));
        EXPECT_PAGE(changed.answer, 200);
        QVERIFY(changed.answer.response.body().contains("name=\"password\""));
        // A disabled user's outstanding code gives nothing.
        bob.disabled = true;
        GH_VERIFY_OK(store::UserRepository(*m_db).upsert(bob));
        EXPECT_ERROR(redeem(a, code), 400, u"invalid_grant"_s);
    }

    // --- brute force ---

    void clientSecretBruteForce_data()
    {
        QTest::addColumn<bool>("useBasic");
        QTest::newRow("client_secret_basic") << true;
        QTest::newRow("client_secret_post") << false;
    }
    void clientSecretBruteForce()
    {
        QFETCH(bool, useBasic);
        issueClient(u"gh_ci_issued"_s, u"right-secret"_s);
        TRY;
        const auto attempt = [&](const QString &secret, const QDateTime &now) {
            const Params cc{{u"grant_type"_s, u"client_credentials"_s}};
            return useBasic ? token(cc, basic("gh_ci_issued", secret.toUtf8()), now)
                            : token(cc + Params{{u"client_id"_s, u"gh_ci_issued"_s},
                                                {u"client_secret"_s, secret}},
                                    {}, now);
        };
        std::chrono::milliseconds last{0};
        for (int i = 0; i < 10; ++i) {
            const AuthAnswer a = attempt(u"wrong-%1"_s.arg(i), t0.addSecs(i));
            EXPECT_ERROR(a, 401, u"invalid_client"_s);
            if (useBasic)
                QVERIFY(a.response.headers().value("www-authenticate").startsWith("Basic"));
            QVERIFY2(a.delay >= last,
                     qPrintable(u"attempt %1: %2 ms"_s.arg(i).arg(a.delay.count())));
            last = a.delay;
        }
        QVERIFY2(last >= 1000ms, qPrintable(QString::number(last.count())));
        const AuthAnswer refused = attempt(u"wrong"_s, t0.addSecs(11));
        EXPECT_ERROR(refused, 429, u"temporarily_unavailable"_s);
        QVERIFY(refused.response.headers().value("retry-after").toInt() > 0);
        // Even the right secret waits out the window; afterwards it works.
        EXPECT_ERROR(attempt(u"right-secret"_s, t0.addSecs(12)), 429, u"temporarily_unavailable"_s);
        QVERIFY(!tokensOf(attempt(u"right-secret"_s, t0.addSecs(16 * 60))).access.isEmpty());
    }

    void passwordBruteForce()
    {
        const QString client = newClient();
        TRY;
        const Authz a = authz(client);
        std::chrono::milliseconds last{0};
        for (int i = 0; i < 10; ++i) {
            const Page p = showPage(a, {}, t0.addSecs(i));
            TRY;
            const AuthAnswer answer =
                submit(p, login(u"bob"_s, u"wrong-%1"_s.arg(i)), {}, t0.addSecs(i));
            EXPECT_PAGE(answer, 401);
            // The page comes back with a fresh form and the name filled in.
            QVERIFY(hiddenField(answer.response.body(), u"request"_s).startsWith(u"gh_rq_"_s));
            QVERIFY(answer.response.body().contains("value=\"bob\""));
            QVERIFY(answer.delay >= last);
            last = answer.delay;
        }
        QVERIFY2(last >= 1000ms, qPrintable(QString::number(last.count())));
        const Page p = showPage(a, {}, t0.addSecs(11));
        TRY;
        const AuthAnswer refused = submit(p, login(), {}, t0.addSecs(11));
        EXPECT_PAGE(refused, 429);
        QVERIFY(refused.response.headers().value("retry-after").toInt() > 0);
        QCOMPARE(store::TokenRepository(*m_db).list(u"code"_s)->size(), 0);
        // After the window, the right password works.
        const Page later = showPage(a, {}, t0.addSecs(16 * 60));
        TRY;
        QCOMPARE(submit(later, login(), {}, t0.addSecs(16 * 60)).response.status(), 303);
    }

    void unknownUserLooksLikeWrongPassword()
    {
        const QString client = newClient();
        TRY;
        const Authz a = authz(client);
        const AuthAnswer unknown = submit(showPage(a), login(u"nobody"_s, password));
        EXPECT_PAGE(unknown, 401);
        const AuthAnswer wrong = submit(showPage(a), login(u"bob"_s, u"nope"_s));
        EXPECT_PAGE(wrong, 401);
        const auto problem = [](const AuthAnswer &answer) {
            const QRegularExpression re(u"role=\"alert\">([^<]*)<"_s);
            return re.match(QString::fromUtf8(answer.response.body())).captured(1);
        };
        QCOMPARE(problem(unknown), problem(wrong));
        QVERIFY(!problem(wrong).isEmpty());
    }

    // --- storage ---

    void storageHoldsOnlyHashes()
    {
        QStringList secrets;
        const QString client = newClient({goodCb}, u"Confidential"_s, true);
        TRY;
        secrets << m_secrets.value(client);
        issueClient(u"gh_ci_issued"_s, u"gh_cs_issued-secret-0123456789"_s);
        TRY;
        secrets << m_secrets.value(u"gh_ci_issued"_s);

        Authz a = authz(client);
        a.resource = billing;
        const Page p = showPage(a);
        TRY;
        secrets << p.request << p.csrf;
        const AuthAnswer approved = submit(p, login());
        QCOMPARE(approved.response.status(), 303);
        const QString code = param(redirectQuery(approved), u"code"_s);
        secrets << code
                << QString::fromLatin1(setCookie(approved.response, "gatehouse_login"))
                       .section(u'=', 1);
        const Tokens t = tokensOf(redeem(a, code));
        TRY;
        secrets << t.access << t.refresh;
        const Tokens r = tokensOf(refresh(client, t.refresh));
        TRY;
        secrets << r.access << r.refresh;
        const Tokens cc = tokensOf(token({{u"grant_type"_s, u"client_credentials"_s}},
                                         basic("gh_ci_issued", "gh_cs_issued-secret-0123456789")));
        TRY;
        secrets << cc.access;
        for (const QString &s : std::as_const(secrets))
            QVERIFY2(s.size() >= 20, qPrintable(s));

        // Every value of every table, read through a connection of its own.
        QStringList values;
        int tokenRows = 0;
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw-dump"_s);
            raw.setDatabaseName(m_dbPath);
            QVERIFY(raw.open());
            QSqlQuery tables(raw);
            QVERIFY(tables.exec(u"SELECT name FROM sqlite_master WHERE type = 'table'"_s));
            QStringList names;
            while (tables.next())
                names << tables.value(0).toString();
            QVERIFY(names.contains(u"oauth_tokens"_s));
            QVERIFY(names.contains(u"oauth_clients"_s));
            for (const QString &table : std::as_const(names)) {
                QSqlQuery q(raw);
                QVERIFY(q.exec(u"SELECT * FROM \"%1\""_s.arg(table)));
                while (q.next()) {
                    for (int i = 0; i < q.record().count(); ++i)
                        values << table + u'.' + q.record().fieldName(i) + u'=' +
                                      q.value(i).toString();
                }
            }
            QSqlQuery hashes(raw);
            QVERIFY(hashes.exec(u"SELECT token_hash FROM oauth_tokens"_s));
            const QRegularExpression hex(u"^[0-9a-f]{64}$"_s);
            while (hashes.next()) {
                ++tokenRows;
                QVERIFY2(hex.match(hashes.value(0).toString()).hasMatch(),
                         qPrintable(hashes.value(0).toString()));
            }
            QSqlQuery clientHashes(raw);
            QVERIFY(clientHashes.exec(u"SELECT client_secret_hash FROM oauth_clients WHERE "
                                      "client_secret_hash IS NOT NULL"_s));
            int confidential = 0;
            while (clientHashes.next()) {
                ++confidential;
                QVERIFY(clientHashes.value(0).toString().startsWith(u"sha256$"_s));
            }
            QCOMPARE(confidential, 2);
        }
        QSqlDatabase::removeDatabase(u"raw-dump"_s);
        // request handle, code, 2 access + 2 refresh from the flow, one client_credentials token
        QVERIFY2(tokenRows >= 7, qPrintable(QString::number(tokenRows)));
        for (const QString &secret : std::as_const(secrets)) {
            for (const QString &value : std::as_const(values))
                QVERIFY2(!value.contains(secret), qPrintable(value.left(200)));
        }
        // Nor in the database's files, free pages and journal included.
        QDir dir(m_dir.path());
        for (const QString &name :
             dir.entryList({QFileInfo(m_dbPath).fileName() + u'*'}, QDir::Files)) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            for (const QString &secret : std::as_const(secrets))
                QVERIFY2(!bytes.contains(secret.toUtf8()), qPrintable(name));
        }
    }

    // --- client_credentials ---

    void clientCredentials_data()
    {
        QTest::addColumn<QString>("case_");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("error");
        QTest::newRow("Basic") << u"basic"_s << 200 << QString();
        QTest::newRow("Basic, form-encoded credentials") << u"encoded"_s << 200 << QString();
        QTest::newRow("Basic, raw special characters") << u"raw"_s << 401 << u"invalid_client"_s;
        QTest::newRow("client_secret_post") << u"post"_s << 200 << QString();
        QTest::newRow("scoped to one server") << u"scoped"_s << 200 << QString();
        QTest::newRow("wrong secret") << u"wrong"_s << 401 << u"invalid_client"_s;
        QTest::newRow("no secret") << u"nosecret"_s << 401 << u"invalid_client"_s;
        QTest::newRow("Basic and client_secret both") << u"both"_s << 400 << u"invalid_request"_s;
        QTest::newRow("Basic for another client_id")
            << u"mismatch"_s << 400 << u"invalid_request"_s;
        QTest::newRow("Bearer instead of Basic") << u"bearer"_s << 400 << u"invalid_request"_s;
        QTest::newRow("DCR public client") << u"public"_s << 400 << u"unauthorized_client"_s;
        QTest::newRow("DCR confidential client")
            << u"confidential"_s << 400 << u"unauthorized_client"_s;
        QTest::newRow("revoked issued client") << u"revoked"_s << 401 << u"invalid_client"_s;
    }
    void clientCredentials()
    {
        QFETCH(QString, case_);
        QFETCH(int, status);
        QFETCH(QString, error);
        const QString id = u"gh_ci_bob-laptop"_s;
        const QString secret = u"s3cr:t+%/ \u00e9&="_s; // needs form-encoding in Basic
        issueClient(id, secret);
        TRY;
        const QByteArray encodedBasic = basic(FormData::encode(id), FormData::encode(secret));
        Params params{{u"grant_type"_s, u"client_credentials"_s}};
        QByteArray authorization;
        if (case_ == u"basic"_s || case_ == u"encoded"_s || case_ == u"scoped"_s) {
            authorization = encodedBasic;
        } else if (case_ == u"raw"_s) {
            authorization = basic(id.toUtf8(), secret.toUtf8());
        } else if (case_ == u"post"_s) {
            params += clientAuth(id);
        } else if (case_ == u"wrong"_s) {
            authorization = basic(id.toUtf8(), "wrong");
        } else if (case_ == u"nosecret"_s) {
            params += Params{{u"client_id"_s, id}};
        } else if (case_ == u"both"_s) {
            authorization = encodedBasic;
            params += Params{{u"client_secret"_s, secret}};
        } else if (case_ == u"mismatch"_s) {
            authorization = encodedBasic;
            params += Params{{u"client_id"_s, u"gh_ci_other"_s}};
        } else if (case_ == u"bearer"_s) {
            authorization = "Bearer " + secret.toUtf8();
            params += Params{{u"client_id"_s, id}};
        } else if (case_ == u"public"_s) {
            params += Params{{u"client_id"_s, newClient()}};
            TRY;
        } else if (case_ == u"confidential"_s) {
            params += clientAuth(newClient({goodCb}, u"C"_s, true));
            TRY;
        } else if (case_ == u"revoked"_s) {
            GH_VERIFY_OK(store::ClientRepository(*m_db).revoke(id));
            authorization = encodedBasic;
        }
        if (case_ == u"scoped"_s)
            params += Params{{u"resource"_s, billing}, {u"scope"_s, u"billing:read"_s}};
        const AuthAnswer answer = token(params, authorization);
        if (status != 200) {
            EXPECT_ERROR(answer, status, error);
            return;
        }
        const Tokens t = tokensOf(answer);
        TRY;
        QVERIFY(t.refresh.isEmpty()); // nothing to refresh: the client has its secret
        const auto v = verify(t.access);
        QVERIFY2(v.ok(), qPrintable(v.rejection.description));
        QCOMPARE(v.caller->user, u"bob"_s);
        QCOMPARE(v.caller->clientId, id);
        if (case_ == u"scoped"_s) {
            QCOMPARE(v.caller->scopes, QStringList{u"billing:read"_s});
            QCOMPARE(verify(t.access, u"crm"_s).rejection.failure, Failure::WrongAudience);
        } else {
            QVERIFY(verify(t.access, u"crm"_s).ok()); // gateway-wide
        }
    }

    // --- revocation (RFC 7009) ---

    void revoke_data()
    {
        QTest::addColumn<QString>("case_");
        QTest::newRow("unknown token") << u"unknown"_s;
        QTest::newRow("refresh token") << u"refresh"_s;
        QTest::newRow("access token") << u"access"_s;
        QTest::newRow("another client's token") << u"other"_s;
    }
    void revoke()
    {
        QFETCH(QString, case_);
        const QString client = newClient();
        TRY;
        const QString other = newClient();
        TRY;
        Authz a = authz(client);
        a.resource = billing;
        const Tokens t = signIn(a);
        TRY;
        QString tokenValue = case_ == u"refresh"_s || case_ == u"other"_s ? t.refresh : t.access;
        if (case_ == u"unknown"_s)
            tokenValue = u"gh_at_"_s + QString(43, u'x');
        const AuthAnswer answer = postForm(
            u"/oauth/revoke"_s, encode({{u"token"_s, tokenValue},
                                        {u"client_id"_s, case_ == u"other"_s ? other : client}}));
        QCOMPARE(answer.response.status(), 200);
        QCOMPARE(answer.response.headers().value("cache-control"), QByteArray("no-store"));
        if (case_ == u"refresh"_s) {
            // Revoking the refresh token ends the grant's access tokens too.
            QCOMPARE(verify(t.access).rejection.failure, Failure::Revoked);
            EXPECT_ERROR(refresh(client, t.refresh), 400, u"invalid_grant"_s);
        } else if (case_ == u"access"_s) {
            QCOMPARE(verify(t.access).rejection.failure, Failure::Revoked);
            QVERIFY(!tokensOf(refresh(client, t.refresh)).access.isEmpty());
        } else {
            QVERIFY(verify(t.access).ok());
            QVERIFY(!tokensOf(refresh(client, t.refresh)).access.isEmpty());
        }
    }

    void revokeNeedsTokenAndClient()
    {
        const QString client = newClient();
        TRY;
        EXPECT_ERROR(postForm(u"/oauth/revoke"_s, encode({{u"client_id"_s, client}})), 400,
                     u"invalid_request"_s);
        EXPECT_ERROR(postForm(u"/oauth/revoke"_s, encode({{u"token"_s, u"x"_s}})), 401,
                     u"invalid_client"_s);
    }

    // --- introspection (RFC 7662) ---

    void introspect()
    {
        issueClient(u"gh_ci_rs"_s, u"resource-server-secret"_s);
        TRY;
        const QString client = newClient();
        TRY;
        Authz a = authz(client);
        a.resource = billing;
        a.scope = u"billing:read"_s;
        const Tokens t = signIn(a);
        TRY;
        const auto ask = [&](const QString &tokenValue, const QByteArray &authorization,
                             const Params &more = {}) {
            return postForm(u"/oauth/introspect"_s, encode(Params{{u"token"_s, tokenValue}} + more),
                            {}, authorization);
        };
        const QByteArray rs = basic("gh_ci_rs", "resource-server-secret");
        const AuthAnswer active = ask(t.access, rs);
        QCOMPARE(active.response.status(), 200);
        QCOMPARE(active.response.headers().value("cache-control"), QByteArray("no-store"));
        const json body = parseJson(active.response.body());
        QVERIFY(body.value("active", false));
        QCOMPARE(str(body, "client_id"), client);
        QCOMPARE(str(body, "username"), u"bob"_s);
        QCOMPARE(str(body, "aud"), billing);
        QCOMPARE(str(body, "scope"), u"billing:read"_s);
        QCOMPARE(str(body, "iss"), issuer);
        QCOMPARE(body.value("exp", qint64(0)), t0.addSecs(3600).toSecsSinceEpoch());

        const auto inactive = [&](const QString &tokenValue) {
            const AuthAnswer answer = ask(tokenValue, rs);
            return answer.response.status() == 200 &&
                   parseJson(answer.response.body()) == json{{"active", false}};
        };
        QVERIFY(inactive(u"gh_at_"_s + QString(43, u'x')));
        QVERIFY(inactive(showPage(authz(client)).request)); // a request handle
        QVERIFY(!inactive(t.refresh));
        // Expired and revoked tokens are inactive.
        const AuthAnswer expired = postForm(
            u"/oauth/introspect"_s, encode({{u"token"_s, t.access}}), {}, rs, t0.addSecs(3600));
        QVERIFY((parseJson(expired.response.body()) == json{{"active", false}}));
        GH_VERIFY_OK(store::TokenRepository(*m_db).revoke(RandomToken::hash(t.access)));
        QVERIFY(inactive(t.access));

        // Public clients, wrong secrets and anonymous callers learn nothing.
        EXPECT_ERROR(ask(t.refresh, {}, {{u"client_id"_s, client}}), 401, u"invalid_client"_s);
        EXPECT_ERROR(ask(t.refresh, basic("gh_ci_rs", "wrong")), 401, u"invalid_client"_s);
        EXPECT_ERROR(ask(t.refresh, {}), 401, u"invalid_client"_s);
    }
};

QTEST_GUILESS_MAIN(TestAuthorizationServer)
#include "TestAuthorizationServer.moc"
