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
        GH_VERIFY_OK(AuditRepository(*m_db).append(rows));
    }
    void cleanup() { m_db.reset(); }

    void query_data()
    {
        QTest::addColumn<AuditFilter>("filter");
        QTest::addColumn<QList<int>>("minutes"); // expected rows, newest first
        QTest::newRow("everything") << AuditFilter{} << QList<int>{4, 3, 2, 1, 0};
        QTest::newRow("limit") << AuditFilter{{}, {}, {}, {}, 2} << QList<int>{4, 3};
        QTest::newRow("user") << AuditFilter{u"bob"_s, {}, {}, {}, 100} << QList<int>{4, 1, 0};
        QTest::newRow("tool") << AuditFilter{{}, u"list_invoices"_s, {}, {}, 100}
                              << QList<int>{4, 2, 0};
        QTest::newRow("decision") << AuditFilter{{}, {}, u"deny"_s, {}, 100} << QList<int>{4, 1};
        QTest::newRow("since is inclusive")
            << AuditFilter{{}, {}, {}, t0.addSecs(120), 100} << QList<int>{4, 3, 2};
        QTest::newRow("combined") << AuditFilter{u"bob"_s, u"list_invoices"_s, u"allow"_s, {}, 100}
                                  << QList<int>{0};
        QTest::newRow("nothing matches")
            << AuditFilter{u"carol"_s, {}, {}, {}, 100} << QList<int>{};
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
        QCOMPARE(repo.query(AuditFilter{{}, {}, {}, {}, 0}).error().code(),
                 ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestStoreAuditRepository)
#include "TestStoreAuditRepository.moc"
