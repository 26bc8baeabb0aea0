#include "../store/StoreTestSupport.h"
#include "oauth/TokenService.h"
#include "store/ServerRepository.h"
#include "store/TokenRepository.h"
#include "store/UserRepository.h"

#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::oauth;
using namespace Qt::StringLiterals;
using Failure = TokenService::Failure;

namespace {

const QUrl publicUrl(u"http://127.0.0.1:8787"_s);
const QDateTime t0 = QDateTime::fromMSecsSinceEpoch(1800000000000, QTimeZone::utc());

TokenService::MintRequest request(const QString &server = {}, QStringList scopes = {})
{
    TokenService::MintRequest r;
    r.user = u"bob"_s;
    r.server = server;
    r.scopes = std::move(scopes);
    return r;
}

store::User user(const QString &name)
{
    store::User u;
    u.name = name;
    return u;
}

} // namespace

class TestTokenService : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<TokenService> m_tokens;

    TokenService::Minted mint(const TokenService::MintRequest &r, const QDateTime &now = t0)
    {
        auto minted = m_tokens->mint(r, now);
        if (!minted)
            qFatal("%s", qPrintable(minted.error().message()));
        return *minted;
    }

private Q_SLOTS:
    void init()
    {
        QFile::remove(m_dir.filePath(u"store.db"_s));
        m_db = store::test::openStore(m_dir);
        QVERIFY(m_db);
        for (const QString &name : {u"billing"_s, u"crm"_s}) {
            store::Server server;
            server.name = name;
            GH_VERIFY_OK(store::ServerRepository(*m_db).create(server));
        }
        GH_VERIFY_OK(store::UserRepository(*m_db).create(user(u"bob"_s)));
        m_tokens = std::make_unique<TokenService>(*m_db, publicUrl);
    }
    void cleanup()
    {
        m_tokens.reset();
        m_db.reset();
    }

    void mintThenVerify()
    {
        TokenService::MintRequest r = request(u"billing"_s);
        r.spendCap = 5;
        const auto minted = mint(r);
        QVERIFY(minted.token.startsWith(u"gh_at_"_s));
        QCOMPARE(minted.token.size(), 6 + 43); // 256 bits, base64url without padding
        QCOMPARE(minted.audience, std::optional(u"http://127.0.0.1:8787/mcp/billing"_s));
        QCOMPARE(minted.scopes, (QStringList{u"billing:read"_s, u"billing:create"_s,
                                             u"billing:update"_s, u"billing:delete"_s}));
        QCOMPARE(minted.expiresAt, t0.addSecs(3600));
        QCOMPARE(minted.id.size(), 12);

        const auto v = m_tokens->verify(minted.token, u"billing"_s, t0.addSecs(60));
        QVERIFY2(v.ok(), qPrintable(v.rejection.description));
        QCOMPARE(v.caller->user, u"bob"_s);
        QCOMPARE(v.caller->clientId, TokenService::commandLineClientId());
        QCOMPARE(v.caller->scopes, minted.scopes);
        QCOMPARE(v.caller->spendCap, std::optional(5.0));
        QCOMPARE(v.caller->tokenId, minted.id);
        // All four actions on its server: no scope can be missing, so no per-call scope check.
        QVERIFY(v.caller->everyAction);

        // Only the hash is stored.
        auto row = store::TokenRepository(*m_db).get(TokenService::hashToken(minted.token));
        GH_VERIFY_OK(row);
        QCOMPARE(row->tokenHash.size(), 64);
        QVERIFY(!row->tokenHash.contains(minted.token));
        QCOMPARE(row->spendCap, std::optional(5.0));
        // Two mints never give the same token.
        QVERIFY(mint(request(u"billing"_s)).token != minted.token);
    }

    void rejections_data()
    {
        QTest::addColumn<QString>("case_");
        QTest::addColumn<int>("failure");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown") << u"unknown"_s << int(Failure::UnknownToken)
                                 << u"gatehouse token mint"_s;
        QTest::newRow("expired") << u"expired"_s << int(Failure::Expired)
                                 << u"expired at 2027-01-15T09:"_s;
        QTest::newRow("revoked") << u"revoked"_s << int(Failure::Revoked) << u"revoked"_s;
        QTest::newRow("disabled user")
            << u"disabled"_s << int(Failure::UserDisabled) << u"'bob' is disabled"_s;
        QTest::newRow("wrong audience")
            << u"audience"_s << int(Failure::WrongAudience)
            << u"http://127.0.0.1:8787/mcp/billing, not for http://127.0.0.1:8787/mcp/crm"_s;
        QTest::newRow("missing scope")
            << u"scope"_s << int(Failure::MissingScope) << u"grant nothing on server 'crm'"_s;
        QTest::newRow("another gateway")
            << u"gateway"_s << int(Failure::WrongAudience)
            << u"so mint the token with --public-url http://127.0.0.1:8787"_s;
    }
    void rejections()
    {
        QFETCH(QString, case_);
        QFETCH(int, failure);
        QFETCH(QString, mentions);
        QString token = mint(request(u"billing"_s)).token;
        QString server = u"billing"_s;
        QDateTime now = t0.addSecs(60);
        if (case_ == u"unknown"_s) {
            token = u"gh_at_"_s + QString(43, u'A');
        } else if (case_ == u"expired"_s) {
            now = t0.addSecs(3600);
        } else if (case_ == u"revoked"_s) {
            GH_VERIFY_OK(m_tokens->revoke(TokenService::hashToken(token).left(12)));
        } else if (case_ == u"disabled"_s) {
            store::User bob = *store::UserRepository(*m_db).get(u"bob"_s);
            bob.disabled = true;
            GH_VERIFY_OK(store::UserRepository(*m_db).upsert(bob));
        } else if (case_ == u"audience"_s) {
            server = u"crm"_s;
        } else if (case_ == u"scope"_s) {
            token = mint(request({}, {u"billing:read"_s})).token;
            server = u"crm"_s;
        } else if (case_ == u"gateway"_s) {
            TokenService elsewhere(*m_db, QUrl(u"https://gw.example"_s));
            token = elsewhere.mint(request(u"billing"_s), t0)->token;
        }
        const auto v = m_tokens->verify(token, server, now);
        QVERIFY(!v.ok());
        QCOMPARE(int(v.rejection.failure), failure);
        QVERIFY2(v.rejection.description.contains(mentions), qPrintable(v.rejection.description));
        // Every description says what to do, and none repeats the token.
        QVERIFY2(v.rejection.description.contains(u':'), qPrintable(v.rejection.description));
        QVERIFY(!v.rejection.description.contains(token));
        if (failure == int(Failure::MissingScope)) {
            QCOMPARE(v.rejection.neededScope, u"crm:read"_s);
            QCOMPARE(v.rejection.grantedScopes, QStringList{u"billing:read"_s});
        }
    }

    void removedUsersTokensAreGone()
    {
        const QString token = mint(request(u"billing"_s)).token;
        GH_VERIFY_OK(store::UserRepository(*m_db).remove(u"bob"_s));
        QCOMPARE(m_tokens->verify(token, u"billing"_s, t0).rejection.failure,
                 Failure::UnknownToken);
    }

    void refreshTokensAndCodesAreNoBearerTokens()
    {
        const QString token = mint(request()).token;
        auto row = *store::TokenRepository(*m_db).get(TokenService::hashToken(token));
        GH_VERIFY_OK(store::TokenRepository(*m_db).revoke(row.tokenHash));
        row.tokenHash = TokenService::hashToken(u"gh_rt_refresh"_s);
        row.kind = u"refresh"_s;
        row.revoked = false;
        GH_VERIFY_OK(store::TokenRepository(*m_db).insert(row));
        QCOMPARE(m_tokens->verify(u"gh_rt_refresh"_s, u"billing"_s, t0).rejection.failure,
                 Failure::UnknownToken);
    }

    void gatewayWideTokenWorksOnEveryServer()
    {
        const auto minted = mint(request());
        QVERIFY(!minted.audience);
        QVERIFY(minted.scopes.isEmpty());
        for (const QString &server : {u"billing"_s, u"crm"_s}) {
            const auto v = m_tokens->verify(minted.token, server, t0);
            QVERIFY2(v.ok(), qPrintable(v.rejection.description));
            // Not narrowed: every action on the server it is used on.
            QCOMPARE(v.caller->scopes.size(), 4);
            QVERIFY(v.caller->scopes.contains(server + u":delete"_s));
            QVERIFY(v.caller->everyAction);
        }
    }

    void scopedGatewayWideToken()
    {
        const auto minted = mint(request({}, {u"crm:read"_s, u"offline_access"_s, u"crm:read"_s}));
        QCOMPARE(minted.scopes, (QStringList{u"crm:read"_s, u"offline_access"_s}));
        const auto crm = m_tokens->verify(minted.token, u"crm"_s, t0);
        QVERIFY(crm.ok());
        QCOMPARE(crm.caller->scopes, QStringList{u"crm:read"_s});
        // Narrowed: the gateway checks the scope a tool needs before the session runs it.
        QVERIFY(!crm.caller->everyAction);
        QCOMPARE(m_tokens->verify(minted.token, u"billing"_s, t0).rejection.failure,
                 Failure::MissingScope);
    }

    void threeOfFourActionsAreStillNarrowed()
    {
        const auto minted =
            mint(request(u"crm"_s, {u"crm:read"_s, u"crm:create"_s, u"crm:update"_s}));
        const auto v = m_tokens->verify(minted.token, u"crm"_s, t0);
        QVERIFY2(v.ok(), qPrintable(v.rejection.description));
        QVERIFY(!v.caller->everyAction);
        // The same four actions in any order, with offline_access beside them, are every action.
        const auto all = mint(request(u"crm"_s, {u"offline_access"_s, u"crm:delete"_s,
                                                 u"crm:update"_s, u"crm:create"_s, u"crm:read"_s}));
        const auto w = m_tokens->verify(all.token, u"crm"_s, t0);
        QVERIFY2(w.ok(), qPrintable(w.rejection.description));
        QVERIFY(w.caller->everyAction);
        // Four actions, but three of them on another server: narrowed to crm:read here.
        const auto mixed = mint(request(
            {}, {u"billing:create"_s, u"billing:update"_s, u"billing:delete"_s, u"crm:read"_s}));
        const auto m = m_tokens->verify(mixed.token, u"crm"_s, t0);
        QVERIFY2(m.ok(), qPrintable(m.rejection.description));
        QVERIFY(!m.caller->everyAction);
        QCOMPARE(m.caller->scopes, QStringList{u"crm:read"_s});
    }

    void mintRefusals_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("server");
        QTest::addColumn<QStringList>("scopes");
        QTest::addColumn<double>("spendCap");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("mentions");
        const QStringList none;
        QTest::newRow("unknown user") << u"zoe"_s << u"billing"_s << none << 0.0
                                      << int(ErrorCode::NotFound) << u"gatehouse user add zoe"_s;
        QTest::newRow("unknown server") << u"bob"_s << u"shop"_s << none << 0.0
                                        << int(ErrorCode::NotFound) << u"billing, crm"_s;
        QTest::newRow("scope for another server")
            << u"bob"_s << u"billing"_s << QStringList{u"crm:read"_s} << 0.0
            << int(ErrorCode::InvalidArgument) << u"server 'crm'"_s;
        QTest::newRow("scope of an unknown server")
            << u"bob"_s << QString() << QStringList{u"shop:read"_s} << 0.0
            << int(ErrorCode::NotFound) << u"'shop'"_s;
        QTest::newRow("bad scope") << u"bob"_s << u"billing"_s << QStringList{u"billing:admin"_s}
                                   << 0.0 << int(ErrorCode::InvalidArgument) << u"billing:admin"_s;
        QTest::newRow("server token without a server scope")
            << u"bob"_s << u"billing"_s << QStringList{u"offline_access"_s} << 0.0
            << int(ErrorCode::InvalidArgument) << u"billing:read"_s;
        QTest::newRow("negative spend cap") << u"bob"_s << u"billing"_s << none << -1.0
                                            << int(ErrorCode::InvalidArgument) << u"spend cap"_s;
        QTest::newRow("infinite spend cap") << u"bob"_s << u"billing"_s << none << qInf()
                                            << int(ErrorCode::InvalidArgument) << u"spend cap"_s;
    }
    void mintRefusals()
    {
        QFETCH(QString, user);
        QFETCH(QString, server);
        QFETCH(QStringList, scopes);
        QFETCH(double, spendCap);
        QFETCH(int, code);
        QFETCH(QString, mentions);
        TokenService::MintRequest r = request(server, scopes);
        r.user = user;
        if (spendCap != 0)
            r.spendCap = spendCap;
        const auto minted = m_tokens->mint(r, t0);
        QVERIFY(!minted.ok());
        QCOMPARE(int(minted.error().code()), code);
        QVERIFY2(minted.error().message().contains(mentions), qPrintable(minted.error().message()));
        QCOMPARE(m_tokens->list()->size(), 0);
    }

    void disabledUserGetsNoToken()
    {
        store::User bob = *store::UserRepository(*m_db).get(u"bob"_s);
        bob.disabled = true;
        GH_VERIFY_OK(store::UserRepository(*m_db).upsert(bob));
        QCOMPARE(m_tokens->mint(request(), t0).error().code(), ErrorCode::Conflict);
    }

    void ttl_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("seconds"); // 0: refused
        QTest::newRow("30m") << u"30m"_s << qint64(1800);
        QTest::newRow("1h") << u"1h"_s << qint64(3600);
        QTest::newRow("12h") << u"12h"_s << qint64(43200);
        QTest::newRow("7d") << u"7d"_s << qint64(604800);
        QTest::newRow("90s") << u"90s"_s << qint64(90);
        QTest::newRow("365d") << u"365d"_s << qint64(365 * 86400);
        QTest::newRow("366d") << u"366d"_s << qint64(0);
        QTest::newRow("huge") << u"99999999999h"_s << qint64(0);
        QTest::newRow("0m") << u"0m"_s << qint64(0);
        QTest::newRow("-1h") << u"-1h"_s << qint64(0);
        QTest::newRow("+1h") << u"+1h"_s << qint64(0);
        QTest::newRow("no unit") << u"10"_s << qint64(0);
        QTest::newRow("weeks") << u"1w"_s << qint64(0);
        QTest::newRow("fraction") << u"1.5h"_s << qint64(0);
        QTest::newRow("unit only") << u"h"_s << qint64(0);
        QTest::newRow("empty") << QString() << qint64(0);
        QTest::newRow("space") << u" 1h"_s << qint64(0);
        QTest::newRow("upper case") << u"1H"_s << qint64(0);
        QTest::newRow("arabic-indic digits") << u"\u0661h"_s << qint64(0);
    }
    void ttl()
    {
        QFETCH(QString, text);
        QFETCH(qint64, seconds);
        const auto parsed = TokenService::parseTtl(text);
        if (seconds == 0) {
            QVERIFY(!parsed.ok());
            QCOMPARE(parsed.error().code(), ErrorCode::InvalidArgument);
            QVERIFY(parsed.error().message().contains(u"d"_s));
        } else {
            GH_VERIFY_OK(parsed);
            QCOMPARE(qint64(parsed->count()), seconds);
        }
    }

    void scope_data()
    {
        QTest::addColumn<QString>("scope");
        QTest::addColumn<bool>("valid");
        QTest::newRow("read") << u"billing:read"_s << true;
        QTest::newRow("create") << u"billing:create"_s << true;
        QTest::newRow("update") << u"billing:update"_s << true;
        QTest::newRow("delete") << u"my-api_2:delete"_s << true;
        QTest::newRow("offline_access") << u"offline_access"_s << true;
        QTest::newRow("unknown action") << u"billing:admin"_s << false;
        QTest::newRow("no server") << u":read"_s << false;
        QTest::newRow("no action") << u"billing:"_s << false;
        QTest::newRow("bare action") << u"read"_s << false;
        QTest::newRow("space") << u"billing :read"_s << false;
        QTest::newRow("quote") << u"bil\"ling:read"_s << false;
        QTest::newRow("upper-case action") << u"billing:READ"_s << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("wildcard action") << u"billing:*"_s << false;
    }
    void scope()
    {
        QFETCH(QString, scope);
        QFETCH(bool, valid);
        QCOMPARE(TokenService::checkScope(scope).ok(), valid);
    }

    void listShowsNoSecret()
    {
        const auto a = mint(request(u"billing"_s));
        TokenService::MintRequest r = request();
        r.spendCap = 0;
        const auto b = mint(r);
        GH_VERIFY_OK(store::UserRepository(*m_db).create(user(u"carol"_s)));
        r.user = u"carol"_s;
        mint(r);
        auto all = m_tokens->list();
        GH_VERIFY_OK(all);
        QCOMPARE(all->size(), 3);
        const auto &first = all->at(0);
        QCOMPARE(first.id, a.id);
        QCOMPARE(first.user, u"bob"_s);
        QCOMPARE(first.server, u"billing"_s);
        QCOMPARE(first.audience, a.audience);
        QCOMPARE(first.scopes, a.scopes);
        QCOMPARE(first.expiresAt, a.expiresAt);
        QVERIFY(!first.revoked);
        QCOMPARE(all->at(1).spendCap, std::optional(0.0));
        QVERIFY(all->at(1).server.isEmpty());
        for (const auto &listed : *all) {
            const QString shown = listed.id + listed.user + listed.clientId +
                                  listed.audience.value_or(QString()) + listed.scopes.join(u' ');
            QVERIFY(!shown.contains(a.token.mid(6, 12)));
            QVERIFY(!shown.contains(b.token.mid(6, 12)));
            QCOMPARE(listed.id.size(), 12);
        }
        QCOMPARE(m_tokens->list(u"carol"_s)->size(), 1);
    }

    void revokeByIdPrefix()
    {
        const auto minted = mint(request(u"billing"_s));
        auto revoked = m_tokens->revoke(minted.id.left(8).toUpper());
        GH_VERIFY_OK(revoked);
        QCOMPARE(revoked->id, minted.id);
        QVERIFY(!revoked->revoked); // as it was
        QCOMPARE(m_tokens->verify(minted.token, u"billing"_s, t0).rejection.failure,
                 Failure::Revoked);
        QVERIFY(m_tokens->list()->first().revoked);
        // Revoking again is harmless.
        QVERIFY(m_tokens->revoke(minted.id)->revoked);

        const auto unknown = m_tokens->revoke(u"0000000000ff"_s);
        QCOMPARE(unknown.error().code(), ErrorCode::NotFound);
        QVERIFY(unknown.error().message().contains(u"gatehouse token list"_s));
        QCOMPARE(m_tokens->revoke(u"xyz!"_s).error().code(), ErrorCode::InvalidArgument);
        QCOMPARE(m_tokens->revoke(u"ab"_s).error().code(), ErrorCode::InvalidArgument);
    }

    void ambiguousPrefix()
    {
        mint(request());
        // Two rows whose hashes share a prefix, as two real tokens eventually do.
        store::Token row = store::TokenRepository(*m_db).list(u"access"_s)->first();
        for (const QString &hash : {u"abcd1"_s, u"abcd2"_s}) {
            row.tokenHash = hash + QString(59, u'0');
            GH_VERIFY_OK(store::TokenRepository(*m_db).insert(row));
        }
        const auto ambiguous = m_tokens->revoke(u"abcd"_s);
        QCOMPARE(ambiguous.error().code(), ErrorCode::InvalidArgument);
        QVERIFY2(ambiguous.error().message().contains(u"abcd10000000"_s),
                 qPrintable(ambiguous.error().message()));
        GH_VERIFY_OK(m_tokens->revoke(u"abcd2"_s));
    }

    void resourceUrl()
    {
        QCOMPARE(TokenService::resourceUrl(QUrl(u"https://gw.example/"_s), u"billing"_s),
                 u"https://gw.example/mcp/billing"_s);
        QCOMPARE(TokenService::resourceUrl(QUrl(u"http://127.0.0.1:8787"_s), u"crm"_s),
                 u"http://127.0.0.1:8787/mcp/crm"_s);
    }
};

QTEST_GUILESS_MAIN(TestTokenService)
#include "TestTokenService.moc"
