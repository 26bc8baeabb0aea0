#include "StoreTestSupport.h"
#include "store/AuditRepository.h"

#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::store;
using namespace Qt::StringLiterals;

namespace {

const QDateTime t0 = QDateTime::fromMSecsSinceEpoch(1750000000000, QTimeZone::utc());

AuditRow row(int minute, const QString &user, const QString &tool, const QString &decision)
{
    AuditRow r;
    r.time = t0.addSecs(60 * minute);
    r.user = user;
    r.client = u"client-"_s + user;
    r.server = u"billing"_s;
    r.tool = tool;
    r.decision = decision;
    return r;
}

} // namespace

class TestStoreAuditRepository : public QObject
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
        QList<AuditRow> rows{row(0, u"bob"_s, u"list_invoices"_s, u"allow"_s),
                             row(1, u"bob"_s, u"void_invoice"_s, u"deny"_s),
                             row(2, u"alice"_s, u"list_invoices"_s, u"allow"_s),
                             row(3, u"alice"_s, u"create_invoice"_s, u"allow"_s),
                             row(4, u"bob"_s, u"list_invoices"_s, u"deny"_s)};
        rows[2].reason = u"quota left: 12"_s;
        rows[2].upstreamStatus = 200;
        rows[2].latencyMs = 35;
        rows[2].cost = 1.25;
        rows[3].server = u"crm"_s;
        GH_VERIFY_OK(AuditRepository(*m_db).append(rows));
    }
    void cleanup() { m_db.reset(); }

    void query_data()
    {
        QTest::addColumn<AuditFilter>("filter");
        QTest::addColumn<QList<int>>("minutes"); // expected rows, newest first
        QTest::newRow("everything") << AuditFilter{} << QList<int>{4, 3, 2, 1, 0};
        QTest::newRow("limit") << AuditFilter{.limit = 2} << QList<int>{4, 3};
        QTest::newRow("user") << AuditFilter{.user = u"bob"_s} << QList<int>{4, 1, 0};
        QTest::newRow("tool") << AuditFilter{.tool = u"list_invoices"_s} << QList<int>{4, 2, 0};
        QTest::newRow("decision") << AuditFilter{.decision = u"deny"_s} << QList<int>{4, 1};
        QTest::newRow("since is inclusive")
            << AuditFilter{.since = t0.addSecs(120)} << QList<int>{4, 3, 2};
        QTest::newRow("combined") << AuditFilter{.user = u"bob"_s,
                                                 .tool = u"list_invoices"_s,
                                                 .decision = u"allow"_s}
                                  << QList<int>{0};
        QTest::newRow("server") << AuditFilter{.server = u"crm"_s} << QList<int>{3};
        QTest::newRow("client") << AuditFilter{.client = u"client-bob"_s} << QList<int>{4, 1, 0};
        QTest::newRow("server and user")
            << AuditFilter{.user = u"alice"_s, .server = u"billing"_s} << QList<int>{2};
        QTest::newRow("nothing matches") << AuditFilter{.user = u"carol"_s} << QList<int>{};
    }
    void query()
    {
        QFETCH(AuditFilter, filter);
        QFETCH(QList<int>, minutes);
        auto rows = AuditRepository(*m_db).query(filter);
        GH_VERIFY_OK(rows);
        QList<int> got;
        for (const AuditRow &r : *rows)
            got << static_cast<int>(t0.secsTo(r.time) / 60);
        QCOMPARE(got, minutes);
    }

    void optionalFieldsRoundTrip()
    {
        auto rows = AuditRepository(*m_db).query({});
        GH_VERIFY_OK(rows);
        const AuditRow &withDetails = rows->at(2);
        QCOMPARE(withDetails.reason, std::optional(u"quota left: 12"_s));
        QCOMPARE(withDetails.upstreamStatus, std::optional(200));
        QCOMPARE(withDetails.latencyMs, std::optional<qint64>(35));
        QCOMPARE(withDetails.cost, std::optional(1.25));
        QCOMPARE(withDetails.client, std::optional(u"client-alice"_s));
        const AuditRow &plain = rows->at(0);
        QVERIFY(!plain.reason && !plain.upstreamStatus && !plain.latencyMs && !plain.cost);
        QVERIFY(rows->at(0).id > rows->at(1).id);
    }

    // A follower reads forward from the last id it saw: oldest first, in pages, each row once.
    void followByIdPagesForward()
    {
        AuditRepository repo(*m_db);
        auto all = repo.query({});
        GH_VERIFY_OK(all);
        QHash<int, qint64> idOf; // minute -> id
        for (const AuditRow &r : *all)
            idOf.insert(static_cast<int>(t0.secsTo(r.time) / 60), r.id);
        const auto minutesOf = [](const QList<AuditRow> &rows) {
            QList<int> minutes;
            for (const AuditRow &r : rows)
                minutes << static_cast<int>(t0.secsTo(r.time) / 60);
            return minutes;
        };

        auto last = repo.lastId();
        GH_VERIFY_OK(last);
        QCOMPARE(*last, idOf.value(4));

        auto page = repo.query(AuditFilter{.limit = 2, .afterId = idOf.value(1)});
        GH_VERIFY_OK(page);
        QCOMPARE(minutesOf(*page), (QList<int>{2, 3}));
        page = repo.query(AuditFilter{.limit = 2, .afterId = page->last().id});
        GH_VERIFY_OK(page);
        QCOMPARE(minutesOf(*page), QList<int>{4});
        page = repo.query(AuditFilter{.afterId = *last});
        GH_VERIFY_OK(page);
        QVERIFY(page->isEmpty());

        // Filters apply as usual; throughId fixes where a read ends.
        page = repo.query(AuditFilter{.user = u"bob"_s, .afterId = idOf.value(0)});
        GH_VERIFY_OK(page);
        QCOMPARE(minutesOf(*page), (QList<int>{1, 4}));
        page = repo.query(AuditFilter{.throughId = idOf.value(2)});
        GH_VERIFY_OK(page);
        QCOMPARE(minutesOf(*page), (QList<int>{2, 1, 0}));
        page = repo.query(AuditFilter{.afterId = idOf.value(0), .throughId = idOf.value(2)});
        GH_VERIFY_OK(page);
        QCOMPARE(minutesOf(*page), (QList<int>{1, 2}));

        // A row written late with an earlier time (another worker's batch) is still new to a
        // follower, while the newest-first view sorts it by its time.
        GH_VERIFY_OK(repo.append({row(-5, u"carol"_s, u"list_invoices"_s, u"allow"_s)}));
        page = repo.query(AuditFilter{.afterId = *last});
        GH_VERIFY_OK(page);
        QCOMPARE(minutesOf(*page), QList<int>{-5});
        QCOMPARE(*repo.lastId(), page->first().id);
        QCOMPARE(minutesOf(*repo.query({})), (QList<int>{4, 3, 2, 1, 0, -5}));
    }

    void lastIdOfAnEmptyLogIsZero()
    {
        QTemporaryDir dir;
        auto db = test::openStore(dir);
        QVERIFY(db);
        auto last = AuditRepository(*db).lastId();
        GH_VERIFY_OK(last);
        QCOMPARE(*last, qint64(0));
    }

    void pruneOlderThan()
    {
        AuditRepository repo(*m_db);
        auto removed = repo.pruneOlderThan(t0.addSecs(120));
        GH_VERIFY_OK(removed);
        QCOMPARE(*removed, 2);
        QCOMPARE(repo.query({})->size(), 3);
        QCOMPARE(*repo.pruneOlderThan(t0), 0);
    }

    void invalidInput()
    {
        AuditRepository repo(*m_db);
        AuditRow noDecision = row(9, u"x"_s, u"t"_s, QString());
        QCOMPARE(repo.append({row(9, u"x"_s, u"t"_s, u"allow"_s), noDecision}).error().code(),
                 ErrorCode::InvalidArgument);
        QCOMPARE(repo.query({})->size(), 5); // the valid row was not written either
        QCOMPARE(repo.query(AuditFilter{.limit = 0}).error().code(), ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestStoreAuditRepository)
#include "TestStoreAuditRepository.moc"
