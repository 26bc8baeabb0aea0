#include "StoreTestSupport.h"
#include "store/ClientRepository.h"
#include "store/TokenRepository.h"
#include "store/UserRepository.h"

#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::store;
using namespace Qt::StringLiterals;

namespace {

const QDateTime t0 = QDateTime::fromMSecsSinceEpoch(1800000000000, QTimeZone::utc());

Token token(const QString &hash, const QString &kind = u"access"_s,
            std::optional<QString> grant = std::nullopt)
{
    return Token{
        hash,       kind,  u"c"_s, u"bob"_s,         u"http://127.0.0.1:8787/mcp/billing"_s,
        {u"mcp"_s}, grant, t0,     t0.addSecs(3600), false,
        {},         {}};
}

} // namespace

class TestStoreTokenRepository : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;

private Q_SLOTS:
    void init()
    {
        QFile::remove(m_dir.filePath(u"store.db"_s));
        m_db = test::openStore(m_dir);
        QVERIFY(m_db);
        GH_VERIFY_OK(UserRepository(*m_db).create(
            User{u"bob"_s, {}, {}, {}, {}, {}, {}, false, {}, Origin::Local}));
        GH_VERIFY_OK(ClientRepository(*m_db).create(
            Client{u"c"_s, {}, u"bob"_s, {}, {}, u"issued"_s, {}, false, Origin::Local, {}}));
    }
    void cleanup() { m_db.reset(); }

    void roundTrip_data()
    {
        QTest::addColumn<Token>("token");
        QTest::newRow("access") << token(u"a"_s, u"access"_s, u"g1"_s);
        QTest::newRow("refresh") << token(u"r"_s, u"refresh"_s, u"g1"_s);
        Token capped = token(u"sc"_s);
        capped.spendCap = 12.5;
        QTest::newRow("access with a spend cap") << capped;
        QTest::newRow("code, no user, no audience")
            << Token{u"k"_s, u"code"_s, u"c"_s,         {},    {}, {},
                     {},     t0,        t0.addSecs(60), false, {}, u"{\"redirect_uri\":\"x\"}"_s};
    }
    void roundTrip()
    {
        QFETCH(Token, token);
        TokenRepository repo(*m_db);
        GH_VERIFY_OK(repo.insert(token));
        auto read = repo.get(token.tokenHash);
        GH_VERIFY_OK(read);
        QVERIFY(*read == token);
    }

    void onlyHashesAreStored()
    {
        const QStringList columns = test::columnsOf(*m_db, u"oauth_tokens"_s);
        QVERIFY(columns.contains(u"token_hash"_s));
        QVERIFY(!columns.contains(u"token"_s));
        QVERIFY(!columns.contains(u"access_token"_s));
    }

    void duplicatesAndReferences()
    {
        TokenRepository repo(*m_db);
        GH_VERIFY_OK(repo.insert(token(u"a"_s)));
        QCOMPARE(repo.insert(token(u"a"_s)).error().code(), ErrorCode::AlreadyExists);
        Token orphan = token(u"b"_s);
        orphan.clientId = u"ghost"_s;
        const Status s = repo.insert(orphan);
        QCOMPARE(s.error().code(), ErrorCode::NotFound);
        QVERIFY(s.error().message().contains(u"'ghost'"_s));
        QCOMPARE(repo.insert(token(u"x"_s, u"id_token"_s)).error().code(),
                 ErrorCode::InvalidArgument);
        QCOMPARE(repo.get(u"nope"_s).error().code(), ErrorCode::NotFound);
    }

    void consumeIsSingleUse()
    {
        TokenRepository repo(*m_db);
        GH_VERIFY_OK(repo.insert(token(u"code1"_s, u"code"_s, u"g"_s)));
        auto first = repo.consume(u"code1"_s);
        GH_VERIFY_OK(first);
        QVERIFY(!first->revoked);
        auto replay = repo.consume(u"code1"_s);
        GH_VERIFY_OK(replay);
        QVERIFY(replay->revoked); // the caller sees the replay and revokes the grant
        QCOMPARE(repo.consume(u"nope"_s).error().code(), ErrorCode::NotFound);
    }

    void revokeGrantUserAndExpiry()
    {
        TokenRepository repo(*m_db);
        GH_VERIFY_OK(repo.insert(token(u"a1"_s, u"access"_s, u"g1"_s)));
        GH_VERIFY_OK(repo.insert(token(u"r1"_s, u"refresh"_s, u"g1"_s)));
        GH_VERIFY_OK(repo.insert(token(u"a2"_s, u"access"_s, u"g2"_s)));
        QCOMPARE(*repo.revokeGrant(u"g1"_s), 2);
        QVERIFY(repo.get(u"a1"_s)->revoked);
        QVERIFY(repo.get(u"r1"_s)->revoked);
        QVERIFY(!repo.get(u"a2"_s)->revoked);
        GH_VERIFY_OK(repo.revoke(u"a2"_s));
        QVERIFY(repo.get(u"a2"_s)->revoked);
        QCOMPARE(repo.revoke(u"nope"_s).error().code(), ErrorCode::NotFound);
        QCOMPARE(*repo.revokeForUser(u"bob"_s), 3);
        QCOMPARE(repo.listForClient(u"c"_s)->size(), 3);

        Token shortLived = token(u"s"_s);
        shortLived.expiresAt = t0.addSecs(10);
        GH_VERIFY_OK(repo.insert(shortLived));
        QCOMPARE(*repo.removeExpired(t0.addSecs(60)), 1);
        QCOMPARE(repo.get(u"s"_s).error().code(), ErrorCode::NotFound);
        QCOMPARE(*repo.removeExpired(t0.addSecs(7200)), 3);
    }

    void accessJoinsTheUser()
    {
        TokenRepository repo(*m_db);
        GH_VERIFY_OK(repo.insert(token(u"a1"_s)));
        auto found = repo.access(u"a1"_s);
        GH_VERIFY_OK(found);
        QCOMPARE(found->token, token(u"a1"_s));
        QVERIFY(found->userExists);
        QVERIFY(!found->userDisabled);
        User bob = *UserRepository(*m_db).get(u"bob"_s);
        bob.disabled = true;
        GH_VERIFY_OK(UserRepository(*m_db).upsert(bob));
        QVERIFY(repo.access(u"a1"_s)->userDisabled);
        Token code =
            Token{u"k"_s, u"code"_s, u"c"_s,         {},    {}, {},
                  {},     t0,        t0.addSecs(60), false, {}, u"{\"redirect_uri\":\"x\"}"_s};
        GH_VERIFY_OK(repo.insert(code));
        QVERIFY(!repo.access(u"k"_s)->userExists);
        QCOMPARE(repo.access(u"nope"_s).error().code(), ErrorCode::NotFound);
    }

    void listAndFindByPrefix()
    {
        GH_VERIFY_OK(UserRepository(*m_db).create(
            User{u"carol"_s, {}, {}, {}, {}, {}, {}, false, {}, Origin::Local}));
        TokenRepository repo(*m_db);
        GH_VERIFY_OK(repo.insert(token(u"abc1"_s)));
        GH_VERIFY_OK(repo.insert(token(u"abc2"_s)));
        GH_VERIFY_OK(repo.insert(token(u"abd3"_s, u"refresh"_s)));
        Token carols = token(u"ffff"_s);
        carols.user = u"carol"_s;
        GH_VERIFY_OK(repo.insert(carols));
        QCOMPARE(repo.list(u"access"_s)->size(), 3);
        QCOMPARE(repo.list(u"access"_s, u"carol"_s)->size(), 1);
        QCOMPARE(repo.list(u"refresh"_s)->size(), 1);
        QCOMPARE(repo.findByHashPrefix(u"access"_s, u"abc1"_s)->size(), 1);
        QCOMPARE(repo.findByHashPrefix(u"access"_s, u"abcd"_s)->size(), 0);
        QCOMPARE(repo.findByHashPrefix(u"access"_s, u"abd3"_s)->size(), 0); // another kind
        for (const QString &bad : {u"ab"_s, u"ABC1"_s, u"ab%1"_s, u"ab_1"_s})
            QCOMPARE(repo.findByHashPrefix(u"access"_s, bad).error().code(),
                     ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestStoreTokenRepository)
#include "TestStoreTokenRepository.moc"
