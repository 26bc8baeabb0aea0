#include "StoreTestSupport.h"
#include "store/PlanRepository.h"
#include "store/UserRepository.h"

#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::store;
using namespace Qt::StringLiterals;

class TestStorePlanRepository : public QObject
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
    }
    void cleanup() { m_db.reset(); }

    void roundTrip_data()
    {
        QTest::addColumn<Plan>("plan");
        QTest::newRow("both limits") << Plan{u"free"_s, 1000, 60, {}, Origin::Config};
        QTest::newRow("spend cap") << Plan{u"capped"_s, {}, {}, 25.5, Origin::Config};
        QTest::newRow("spend cap zero") << Plan{u"zero"_s, {}, {}, 0.0, Origin::Local};
        QTest::newRow("unlimited") << Plan{u"open"_s, {}, {}, {}, Origin::Local};
        QTest::newRow("zero is not unlimited") << Plan{u"none"_s, 0, {}, {}, Origin::Local};
        QTest::newRow("beyond 32 bits")
            << Plan{u"big"_s, Q_INT64_C(10000000000), 600, {}, Origin::Local};
    }
    void roundTrip()
    {
        QFETCH(Plan, plan);
        PlanRepository repo(*m_db);
        GH_VERIFY_OK(repo.create(plan));
        auto read = repo.get(plan.name);
        GH_VERIFY_OK(read);
        QVERIFY(*read == plan);
    }

    void duplicatesUpsertAndOrigin()
    {
        PlanRepository repo(*m_db);
        GH_VERIFY_OK(repo.create(Plan{u"free"_s, 1000, 60, {}, Origin::Config}));
        const Status dup = repo.create(Plan{u"free"_s, 1, 1, {}, Origin::Local});
        QCOMPARE(dup.error().code(), ErrorCode::AlreadyExists);
        QVERIFY(dup.error().message().contains(u"plan named 'free'"_s));
        GH_VERIFY_OK(repo.upsert(Plan{u"free"_s, 2000, {}, {}, Origin::Config}));
        QCOMPARE(repo.get(u"free"_s)->callsPerMonth, std::optional<qint64>(2000));
        QVERIFY(!repo.get(u"free"_s)->ratePerMinute.has_value());
        GH_VERIFY_OK(repo.create(Plan{u"mine"_s, {}, {}, {}, Origin::Local}));
        QCOMPARE(repo.listByOrigin(Origin::Config)->size(), 1);
        QCOMPARE(repo.listByOrigin(Origin::Local)->first().name, u"mine"_s);
        QCOMPARE(repo.create(Plan{u"neg"_s, -1, {}, {}, Origin::Local}).error().code(),
                 ErrorCode::InvalidArgument);
    }

    void removeRefusedWhileUsersAreOnIt()
    {
        PlanRepository repo(*m_db);
        GH_VERIFY_OK(repo.create(Plan{u"free"_s, 1000, 60, {}, Origin::Config}));
        GH_VERIFY_OK(UserRepository(*m_db).create(
            User{u"bob"_s, {}, {}, u"free"_s, {}, {}, {}, false, {}, Origin::Config}));
        const Status s = repo.remove(u"free"_s);
        QCOMPARE(s.error().code(), ErrorCode::Conflict);
        QVERIFY2(s.error().message().contains(u"bob"_s), qPrintable(s.error().message()));
        GH_VERIFY_OK(UserRepository(*m_db).remove(u"bob"_s));
        GH_VERIFY_OK(repo.remove(u"free"_s));
        QCOMPARE(repo.get(u"free"_s).error().code(), ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestStorePlanRepository)
#include "TestStorePlanRepository.moc"
