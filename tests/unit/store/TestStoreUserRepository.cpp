#include "StoreTestSupport.h"
#include "store/ClientRepository.h"
#include "store/PlanRepository.h"
#include "store/RoleRepository.h"
#include "store/TokenRepository.h"
#include "store/UserRepository.h"

#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::store;
using namespace Qt::StringLiterals;

class TestStoreUserRepository : public QObject
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
        GH_VERIFY_OK(PlanRepository(*m_db).create(Plan{u"free"_s, 1000, 60, {}, Origin::Config}));
        for (const QString &r : {u"viewer"_s, u"clerk"_s, u"admin"_s})
            GH_VERIFY_OK(RoleRepository(*m_db).create(Role{r, {}, Origin::Config}));
    }
    void cleanup() { m_db.reset(); }

    void roundTrip_data()
    {
        QTest::addColumn<User>("user");
        const QDateTime created = QDateTime::fromMSecsSinceEpoch(1700000000000, QTimeZone::utc());
        QTest::newRow("full") << User{
            u"bob"_s, u"scrypt$abc"_s, {u"viewer"_s}, u"free"_s,     {}, {},
            {},       false,           created,       Origin::Config};
        QTest::newRow("roles in their order") << User{
            u"alice"_s, {},           {u"clerk"_s, u"admin"_s, u"viewer"_s}, {}, {}, {}, {}, true,
            created,    Origin::Local};
        QTest::newRow("nothing optional")
            << User{u"carol"_s, {}, {}, {}, {}, {}, {}, false, created, Origin::Local};
    }
    void roundTrip()
    {
        QFETCH(User, user);
        UserRepository repo(*m_db);
        GH_VERIFY_OK(repo.create(user));
        auto read = repo.get(user.name);
        GH_VERIFY_OK(read);
        QVERIFY(*read == user);
        QCOMPARE(read->roles, user.roles);
    }

    void createdAtDefaultsToNowAndSurvivesUpsert()
    {
        UserRepository repo(*m_db);
        const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
        GH_VERIFY_OK(repo.create(
            User{u"bob"_s, {}, {u"viewer"_s}, {}, {}, {}, {}, false, {}, Origin::Config}));
        const QDateTime created = repo.get(u"bob"_s)->createdAt;
        QVERIFY(created >= before && created <= QDateTime::currentDateTimeUtc());
        GH_VERIFY_OK(repo.upsert(User{u"bob"_s,
                                      u"h"_s,
                                      {u"clerk"_s},
                                      u"free"_s,
                                      {},
                                      {},
                                      {},
                                      true,
                                      QDateTime::currentDateTimeUtc().addDays(5),
                                      Origin::Config}));
        auto read = repo.get(u"bob"_s);
        GH_VERIFY_OK(read);
        QCOMPARE(read->createdAt, created);
        QCOMPARE(read->roles, QStringList{u"clerk"_s});
        QVERIFY(read->disabled);
    }

    void duplicatesAndMissingReferences()
    {
        UserRepository repo(*m_db);
        const User bob{u"bob"_s, {}, {}, {}, {}, {}, {}, false, {}, Origin::Local};
        GH_VERIFY_OK(repo.create(bob));
        const Status dup = repo.create(bob);
        QCOMPARE(dup.error().code(), ErrorCode::AlreadyExists);
        QVERIFY(dup.error().message().contains(u"user named 'bob'"_s));

        const Status noRole = repo.upsert(User{
            u"dan"_s, {}, {u"viewer"_s, u"ghost"_s}, {}, {}, {}, {}, false, {}, Origin::Local});
        QCOMPARE(noRole.error().code(), ErrorCode::NotFound);
        QVERIFY2(noRole.error().message().contains(u"role 'ghost'"_s),
                 qPrintable(noRole.error().message()));
        const Status noPlan =
            repo.upsert(User{u"dan"_s, {}, {}, u"gold"_s, {}, {}, {}, false, {}, Origin::Local});
        QCOMPARE(noPlan.error().code(), ErrorCode::NotFound);
        QVERIFY(noPlan.error().message().contains(u"plan 'gold'"_s));
        QCOMPARE(repo.get(u"dan"_s).error().code(), ErrorCode::NotFound);
        const Status twice = repo.upsert(User{
            u"dan"_s, {}, {u"viewer"_s, u"viewer"_s}, {}, {}, {}, {}, false, {}, Origin::Local});
        QCOMPARE(twice.error().code(), ErrorCode::InvalidArgument);
    }

    void listByOrigin()
    {
        UserRepository repo(*m_db);
        GH_VERIFY_OK(repo.create(
            User{u"a"_s, {}, {u"viewer"_s}, {}, {}, {}, {}, false, {}, Origin::Config}));
        GH_VERIFY_OK(
            repo.create(User{u"b"_s, {}, {u"admin"_s}, {}, {}, {}, {}, false, {}, Origin::Local}));
        auto config = repo.listByOrigin(Origin::Config);
        GH_VERIFY_OK(config);
        QCOMPARE(config->size(), 1);
        QCOMPARE(config->first().roles, QStringList{u"viewer"_s});
        QCOMPARE(repo.listByOrigin(Origin::Local)->first().roles, QStringList{u"admin"_s});
    }

    void removeCascadesToClientsAndTokens()
    {
        UserRepository repo(*m_db);
        GH_VERIFY_OK(repo.create(
            User{u"bob"_s, {}, {u"viewer"_s}, {}, {}, {}, {}, false, {}, Origin::Local}));
        GH_VERIFY_OK(ClientRepository(*m_db).create(
            Client{u"c"_s, {}, u"bob"_s, {}, {}, u"issued"_s, {}, false, Origin::Local, {}}));
        GH_VERIFY_OK(
            TokenRepository(*m_db).insert(Token{u"h"_s,
                                                u"access"_s,
                                                u"c"_s,
                                                u"bob"_s,
                                                {},
                                                {},
                                                {},
                                                {},
                                                QDateTime::currentDateTimeUtc().addSecs(3600),
                                                false,
                                                {},
                                                {}}));
        GH_VERIFY_OK(repo.remove(u"bob"_s));
        QCOMPARE(ClientRepository(*m_db).get(u"c"_s).error().code(), ErrorCode::NotFound);
        QCOMPARE(TokenRepository(*m_db).get(u"h"_s).error().code(), ErrorCode::NotFound);
        QCOMPARE(repo.remove(u"bob"_s).error().code(), ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestStoreUserRepository)
#include "TestStoreUserRepository.moc"
