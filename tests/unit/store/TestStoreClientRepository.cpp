#include "StoreTestSupport.h"
#include "store/ClientRepository.h"
#include "store/TokenRepository.h"
#include "store/UserRepository.h"

#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::store;
using namespace Qt::StringLiterals;

class TestStoreClientRepository : public QObject
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
            User{u"bob"_s, {}, {}, {}, {}, {}, {}, false, {}, Origin::Config}));
    }
    void cleanup() { m_db.reset(); }

    void roundTrip_data()
    {
        QTest::addColumn<Client>("client");
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(1700000000000, QTimeZone::utc());
        QTest::newRow("issued to a user") << Client{u"gh_cli_7f3a"_s,
                                                    u"sha256$abc"_s,
                                                    u"bob"_s,
                                                    u"Bob's CLI"_s,
                                                    {},
                                                    u"issued"_s,
                                                    t,
                                                    false,
                                                    Origin::Config,
                                                    {}};
        QTest::newRow("registered public client")
            << Client{u"dcr_1"_s,
                      {},
                      {},
                      u"Claude"_s,
                      {u"http://127.0.0.1:33418/callback"_s, u"https://claude.ai/cb"_s},
                      u"registered"_s,
                      t,
                      true,
                      Origin::Local,
                      {}};
    }
    void roundTrip()
    {
        QFETCH(Client, client);
        ClientRepository repo(*m_db);
        GH_VERIFY_OK(repo.create(client));
        auto read = repo.get(client.clientId);
        GH_VERIFY_OK(read);
        QVERIFY(*read == client);
    }

    void duplicatesAndReferences()
    {
        ClientRepository repo(*m_db);
        const Client c{u"c1"_s, {}, u"bob"_s, {}, {}, u"issued"_s, {}, false, Origin::Local, {}};
        GH_VERIFY_OK(repo.create(c));
        const Status dup = repo.create(c);
        QCOMPARE(dup.error().code(), ErrorCode::AlreadyExists);
        QVERIFY(dup.error().message().contains(u"'c1'"_s));
        const Status noUser = repo.create(
            Client{u"c2"_s, {}, u"ghost"_s, {}, {}, u"issued"_s, {}, false, Origin::Local, {}});
        QCOMPARE(noUser.error().code(), ErrorCode::NotFound);
        QVERIFY(noUser.error().message().contains(u"user 'ghost'"_s));
        QCOMPARE(
            repo.create(Client{u"c3"_s, {}, {}, {}, {}, u"odd"_s, {}, false, Origin::Local, {}})
                .error()
                .code(),
            ErrorCode::InvalidArgument);
    }

    void listsAndUpsertKeepsCreatedAt()
    {
        ClientRepository repo(*m_db);
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(1700000000000, QTimeZone::utc());
        GH_VERIFY_OK(repo.create(
            Client{u"a"_s, u"h1"_s, u"bob"_s, {}, {}, u"issued"_s, t, false, Origin::Config, {}}));
        GH_VERIFY_OK(repo.create(
            Client{u"b"_s, {}, {}, {}, {}, u"registered"_s, {}, false, Origin::Local, {}}));
        QCOMPARE(repo.listByOrigin(Origin::Config)->size(), 1);
        QCOMPARE(repo.listForUser(u"bob"_s)->first().clientId, u"a"_s);
        QCOMPARE(repo.list()->size(), 2);
        GH_VERIFY_OK(repo.upsert(
            Client{u"a"_s, u"h2"_s, u"bob"_s, {}, {}, u"issued"_s, {}, false, Origin::Config, {}}));
        auto read = repo.get(u"a"_s);
        GH_VERIFY_OK(read);
        QCOMPARE(read->clientSecretHash, std::optional(u"h2"_s));
        QCOMPARE(read->createdAt, t);
    }

    void revokeAndRemoveReachTokens()
    {
        ClientRepository repo(*m_db);
        TokenRepository tokens(*m_db);
        GH_VERIFY_OK(repo.create(
            Client{u"c"_s, {}, u"bob"_s, {}, {}, u"issued"_s, {}, false, Origin::Local, {}}));
        const QDateTime later = QDateTime::currentDateTimeUtc().addSecs(3600);
        GH_VERIFY_OK(tokens.insert(
            Token{u"t1"_s, u"access"_s, u"c"_s, u"bob"_s, {}, {}, {}, {}, later, false, {}, {}}));
        GH_VERIFY_OK(repo.revoke(u"c"_s));
        QVERIFY(repo.get(u"c"_s)->revoked);
        QVERIFY(tokens.get(u"t1"_s)->revoked);
        QCOMPARE(repo.revoke(u"nope"_s).error().code(), ErrorCode::NotFound);
        GH_VERIFY_OK(repo.remove(u"c"_s));
        QCOMPARE(tokens.get(u"t1"_s).error().code(), ErrorCode::NotFound);
        QCOMPARE(repo.remove(u"c"_s).error().code(), ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestStoreClientRepository)
#include "TestStoreClientRepository.moc"
