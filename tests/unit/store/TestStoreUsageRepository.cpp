#include "StoreTestSupport.h"
#include "store/UsageRepository.h"

#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::store;
using namespace Qt::StringLiterals;

class TestStoreUsageRepository : public QObject
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

    void batchesAddUp()
    {
        UsageRepository repo(*m_db);
        GH_VERIFY_OK(repo.addBatch({{u"bob"_s, u"billing"_s, u"2025-01"_s, 1, 1.5},
                                    {u"bob"_s, u"billing"_s, u"2025-01"_s, 2, 0.25},
                                    {u"bob"_s, u"billing"_s, u"2025-02"_s, 1, 0},
                                    {u"alice"_s, u"billing"_s, u"2025-01"_s, 7, 0}}));
        GH_VERIFY_OK(repo.addBatch({{u"bob"_s, u"billing"_s, u"2025-01"_s, 10, 1}}));
        QCOMPARE(*repo.get(u"bob"_s, u"billing"_s, u"2025-01"_s),
                 (UsageCounter{u"bob"_s, u"billing"_s, u"2025-01"_s, 13, 2.75}));
        QCOMPARE(repo.get(u"bob"_s, u"billing"_s, u"2025-02"_s)->calls, qint64(1));
        auto january = repo.listForPeriod(u"2025-01"_s);
        GH_VERIFY_OK(january);
        QCOMPARE(january->size(), 2);
        QCOMPARE(january->first().user, u"alice"_s);
    }

    void neverCountedIsZero()
    {
        auto c = UsageRepository(*m_db).get(u"nobody"_s, u"billing"_s, u"2025-01"_s);
        GH_VERIFY_OK(c);
        QCOMPARE(c->calls, qint64(0));
        QCOMPARE(c->cost, 0.0);
    }

    void badPeriodRejectsTheWholeBatch_data()
    {
        QTest::addColumn<QString>("period");
        QTest::newRow("day") << u"2025-01-01"_s;
        QTest::newRow("month 13") << u"2025-13"_s;
        QTest::newRow("empty") << QString();
    }
    void badPeriodRejectsTheWholeBatch()
    {
        QFETCH(QString, period);
        UsageRepository repo(*m_db);
        const Status s = repo.addBatch(
            {{u"bob"_s, u"billing"_s, u"2025-01"_s, 1, 0}, {u"bob"_s, u"billing"_s, period, 1, 0}});
        QCOMPARE(s.error().code(), ErrorCode::InvalidArgument);
        QVERIFY(s.error().message().contains(u"YYYY-MM"_s));
        QCOMPARE(repo.get(u"bob"_s, u"billing"_s, u"2025-01"_s)->calls, qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestStoreUsageRepository)
#include "TestStoreUsageRepository.moc"
