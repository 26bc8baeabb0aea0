// The Activity page's model against a real store: it follows the audit log by id, keeps only the
// newest rows that match its filter, and counts calls per minute and per day.
#include "../store/StoreTestSupport.h"
#include "policy/ActivityFeed.h"
#include "store/AuditRepository.h"

#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::policy;
using namespace Qt::StringLiterals;
using store::AuditRow;

Q_DECLARE_METATYPE(gatehouse::policy::ActivityFilter)

namespace {

// Noon (local time) on a fixed day, so that an hour back is still the same day.
const QDateTime kNow = QDateTime(QDate(2026, 3, 10), QTime(12, 0, 30), Qt::LocalTime).toUTC();

AuditRow call(int secondsAgo, const QString &user, const QString &tool,
              const QString &decision = u"allow"_s, std::optional<qint64> latencyMs = {})
{
    AuditRow r;
    r.time = kNow.addSecs(-secondsAgo);
    r.user = user;
    r.server = tool.section(u'.', 0, 0);
    r.tool = tool.section(u'.', 1);
    r.decision = decision;
    if (decision == u"allow"_s) {
        r.upstreamStatus = 200;
        r.latencyMs = latencyMs;
    }
    return r;
}

// What a table model is told, as text: "reset", "insert 0-2", "remove 5-6".
class RecordingListener : public ActivityFeed::Listener
{
public:
    QStringList events;
    void rowsAboutToBeReset() override { events << u"reset"_s; }
    void rowsAboutToBeInserted(int first, int last) override
    {
        events << u"insert %1-%2"_s.arg(first).arg(last);
    }
    void rowsAboutToBeRemoved(int first, int last) override
    {
        events << u"remove %1-%2"_s.arg(first).arg(last);
    }
};

QStringList describe(const QList<AuditRow> &rows)
{
    QStringList out;
    for (const AuditRow &r : rows)
        out << r.user.value_or(u"-"_s) + u' ' + r.tool.value_or(u"-"_s);
    return out;
}

} // namespace

class TestActivityFeed : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;

    void append(const QList<AuditRow> &rows)
    {
        GH_VERIFY_OK(store::AuditRepository(*m_db).append(rows));
    }

    // Reads as the page does: a full read first, then follow-ups from where the feed is.
    bool readInto(ActivityFeed &feed, const QDateTime &now = kNow)
    {
        auto read =
            ActivityFeed::read(*m_db, feed.filter(), feed.followFrom(), now, feed.options());
        if (!read) {
            qWarning("%s", qPrintable(read.error().message()));
            return false;
        }
        return feed.apply(*read, now);
    }

private Q_SLOTS:
    void init()
    {
        QFile::remove(m_dir.filePath(u"store.db"_s));
        m_db = store::test::openStore(m_dir);
        QVERIFY(m_db);
    }
    void cleanup() { m_db.reset(); }

    void followsTheLogByIdAndShowsNewestFirst()
    {
        append({call(300, u"bob"_s, u"billing.list_invoices"_s),
                call(200, u"alice"_s, u"billing.get_invoice"_s)});
        ActivityFeed feed;
        RecordingListener listener;
        feed.setListener(&listener);
        QCOMPARE(feed.followFrom(), std::nullopt);
        QVERIFY(readInto(feed));
        QCOMPARE(describe(feed.rows()),
                 (QStringList{u"alice get_invoice"_s, u"bob list_invoices"_s}));
        QCOMPARE(listener.events, QStringList{u"reset"_s});
        const auto from = feed.followFrom();
        QVERIFY(from);

        // A follow-up read brings only what was written since.
        append({call(100, u"carol"_s, u"billing.void_invoice"_s, u"deny"_s),
                call(50, u"bob"_s, u"billing.get_invoice"_s)});
        auto next = ActivityFeed::read(*m_db, feed.filter(), from, kNow, feed.options());
        GH_VERIFY_OK(next);
        QVERIFY(!next->full);
        QCOMPARE(describe(next->rows),
                 (QStringList{u"carol void_invoice"_s, u"bob get_invoice"_s})); // by id
        QVERIFY(feed.apply(*next, kNow));
        QCOMPARE(describe(feed.rows()),
                 (QStringList{u"bob get_invoice"_s, u"carol void_invoice"_s, u"alice get_invoice"_s,
                              u"bob list_invoices"_s}));
        // Both new rows were newer than the top one: one block at the top.
        QCOMPARE(listener.events, (QStringList{u"reset"_s, u"insert 0-1"_s}));

        // Nothing new: nothing changes; the same read cannot be applied twice.
        auto idle =
            ActivityFeed::read(*m_db, feed.filter(), feed.followFrom(), kNow, feed.options());
        GH_VERIFY_OK(idle);
        QVERIFY(idle->rows.isEmpty());
        QVERIFY(feed.apply(*idle, kNow));
        QVERIFY(!feed.apply(*next, kNow));
        QCOMPARE(feed.rows().size(), 4);
        QCOMPARE(feed.users(), (QStringList{u"alice"_s, u"bob"_s, u"carol"_s}));
        QCOMPARE(feed.tools().size(), 3);
        QCOMPARE(feed.tools().first(), std::make_pair(u"billing"_s, u"get_invoice"_s));
    }

    void aLateBatchTakesItsPlaceByTime()
    {
        append({call(60, u"bob"_s, u"billing.list_invoices"_s)});
        ActivityFeed feed;
        RecordingListener listener;
        feed.setListener(&listener);
        QVERIFY(readInto(feed));
        // Written after the first, but the call was made earlier (another instance's batch).
        append({call(120, u"alice"_s, u"billing.get_invoice"_s),
                call(10, u"carol"_s, u"billing.get_invoice"_s)});
        QVERIFY(readInto(feed));
        QCOMPARE(describe(feed.rows()), (QStringList{u"carol get_invoice"_s, u"bob list_invoices"_s,
                                                     u"alice get_invoice"_s}));
        QCOMPARE(listener.events, (QStringList{u"reset"_s, u"insert 0-0"_s, u"insert 2-2"_s}));
    }

    void keepsOnlyTheNewestRows()
    {
        ActivityFeed::Options options;
        options.maxRows = 5;
        QList<AuditRow> rows;
        for (int i = 0; i < 8; ++i)
            rows << call(600 - i, u"u%1"_s.arg(i), u"billing.get_invoice"_s);
        append(rows);
        ActivityFeed feed(options);
        RecordingListener listener;
        feed.setListener(&listener);
        QVERIFY(readInto(feed));
        QCOMPARE(feed.rows().size(), 5);
        QCOMPARE(feed.rows().first().user, u"u7"_s);
        QCOMPARE(feed.rows().last().user, u"u3"_s);
        QVERIFY(feed.truncated());
        // The charts still count every call of the hour, not only the rows kept.
        QCOMPARE(feed.window().calls, 8);

        append({call(5, u"u8"_s, u"billing.get_invoice"_s),
                call(4, u"u9"_s, u"billing.get_invoice"_s)});
        QVERIFY(readInto(feed));
        QCOMPARE(feed.rows().size(), 5);
        QCOMPARE(feed.rows().first().user, u"u9"_s);
        QCOMPARE(feed.rows().last().user, u"u5"_s);
        QCOMPARE(listener.events, (QStringList{u"reset"_s, u"insert 0-1"_s, u"remove 5-6"_s}));

        // More new calls than the table keeps: the follow-up becomes a full read of the newest.
        rows.clear();
        for (int i = 10; i < 17; ++i)
            rows << call(3, u"u%1"_s.arg(i), u"billing.get_invoice"_s);
        append(rows);
        auto read = ActivityFeed::read(*m_db, feed.filter(), feed.followFrom(), kNow, options);
        GH_VERIFY_OK(read);
        QVERIFY(read->full);
        QVERIFY(feed.apply(*read, kNow));
        QCOMPARE(feed.rows().first().user, u"u16"_s);
        QCOMPARE(feed.rows().last().user, u"u12"_s);
        QCOMPARE(feed.window().calls, 17);
        QCOMPARE(feed.callsToday(), 17);
    }

    void filtersMatchWhatTheStoreReturns_data()
    {
        QTest::addColumn<ActivityFilter>("filter");
        QTest::addColumn<QStringList>("expected");
        const QDateTime minute = ActivityFeed::minuteOf(kNow.addSecs(-300));
        QTest::newRow("none") << ActivityFilter{}
                              << QStringList{u"bob get_invoice"_s, u"alice void_invoice"_s,
                                             u"alice list_contacts"_s, u"bob list_invoices"_s};
        QTest::newRow("user") << ActivityFilter{.user = u"bob"_s}
                              << QStringList{u"bob get_invoice"_s, u"bob list_invoices"_s};
        QTest::newRow("tool") << ActivityFilter{.server = u"crm"_s, .tool = u"list_contacts"_s}
                              << QStringList{u"alice list_contacts"_s};
        QTest::newRow("decision") << ActivityFilter{.decision = u"deny"_s}
                                  << QStringList{u"alice void_invoice"_s};
        QTest::newRow("minute") << ActivityFilter{.minute = minute}
                                << QStringList{u"alice list_contacts"_s};
        QTest::newRow("user and decision")
            << ActivityFilter{.user = u"alice"_s, .decision = u"allow"_s}
            << QStringList{u"alice list_contacts"_s};
        QTest::newRow("nothing") << ActivityFilter{.user = u"zoe"_s} << QStringList{};
    }

    // The same filter keeps the same calls whether the store or the feed applies it: a full read
    // asks the store, and follow-ups are matched in memory.
    void filtersMatchWhatTheStoreReturns()
    {
        QFETCH(ActivityFilter, filter);
        QFETCH(QStringList, expected);
        const QList<AuditRow> rows = {call(900, u"bob"_s, u"billing.list_invoices"_s),
                                      call(300, u"alice"_s, u"crm.list_contacts"_s),
                                      call(240, u"alice"_s, u"billing.void_invoice"_s, u"deny"_s),
                                      call(30, u"bob"_s, u"billing.get_invoice"_s)};
        append(rows);
        ActivityFeed fromStore;
        fromStore.setFilter(filter);
        QVERIFY(readInto(fromStore));
        QCOMPARE(describe(fromStore.rows()), expected);

        // Filtered in memory: an empty store first, then every row as new.
        m_db.reset();
        QFile::remove(m_dir.filePath(u"store.db"_s));
        m_db = store::test::openStore(m_dir);
        QVERIFY(m_db);
        ActivityFeed following;
        following.setFilter(filter);
        QVERIFY(readInto(following));
        QVERIFY(following.rows().isEmpty());
        append(rows);
        QVERIFY(readInto(following));
        QCOMPARE(describe(following.rows()), expected);
    }

    void aNewFilterNeedsAFullRead()
    {
        append({call(60, u"bob"_s, u"billing.list_invoices"_s),
                call(30, u"alice"_s, u"billing.get_invoice"_s)});
        ActivityFeed feed;
        QVERIFY(readInto(feed));
        auto stale = ActivityFeed::read(*m_db, feed.filter(), std::nullopt, kNow, feed.options());
        GH_VERIFY_OK(stale);

        feed.setFilter(ActivityFilter{.user = u"bob"_s});
        // What still matches stays at once; the next read is a full one with the filter.
        QCOMPARE(describe(feed.rows()), QStringList{u"bob list_invoices"_s});
        QCOMPARE(feed.followFrom(), std::nullopt);
        // A full read made before the change does not fit any more.
        QVERIFY(!feed.apply(*stale, kNow));
        QCOMPARE(describe(feed.rows()), QStringList{u"bob list_invoices"_s});
        QVERIFY(readInto(feed));
        QVERIFY(feed.followFrom());
        QCOMPARE(describe(feed.rows()), QStringList{u"bob list_invoices"_s});
    }

    void countsCallsAndLatencyPerMinute()
    {
        // Three minutes with calls: 5 min ago (4 allowed, one denied), 2 min ago (a quota stop),
        // and now. Calls before the window count for nothing.
        QList<AuditRow> rows;
        const int fiveAgo = 300 + 20;
        for (qint64 latency : {10, 40, 20, 30})
            rows << call(fiveAgo, u"bob"_s, u"billing.get_invoice"_s, u"allow"_s, latency);
        rows << call(fiveAgo, u"eve"_s, u"billing.void_invoice"_s, u"deny"_s);
        rows << call(120 + 20, u"bob"_s, u"billing.get_invoice"_s, u"quota"_s);
        rows << call(2 * 3600, u"bob"_s, u"billing.get_invoice"_s, u"allow"_s, 5000);
        append(rows);
        ActivityFeed feed;
        QVERIFY(readInto(feed));
        append({call(1, u"bob"_s, u"billing.get_invoice"_s, u"allow"_s, 700)});
        QVERIFY(readInto(feed));

        const QList<ActivityMinute> minutes = feed.minutes();
        QCOMPARE(minutes.size(), 60);
        QCOMPARE(minutes.last().start, ActivityFeed::minuteOf(kNow));
        QCOMPARE(minutes.first().start, ActivityFeed::minuteOf(kNow).addSecs(-59 * 60));
        const ActivityMinute &five = minutes.at(59 - 5);
        QCOMPARE(five.start, ActivityFeed::minuteOf(kNow.addSecs(-fiveAgo)));
        QCOMPARE(five.calls, 5);
        QCOMPARE(five.refused, 1);
        QCOMPARE(five.p50Ms, 20); // of 10, 20, 30, 40: the second
        QCOMPARE(five.p99Ms, 40);
        const ActivityMinute &two = minutes.at(59 - 2);
        QCOMPARE(two.calls, 1);
        QCOMPARE(two.refused, 1);
        QCOMPARE(two.p50Ms, std::nullopt);
        QCOMPARE(minutes.last().calls, 1);
        QCOMPARE(minutes.last().p99Ms, 700);
        qint64 quiet = 0;
        for (const ActivityMinute &m : minutes)
            quiet += m.calls == 0 ? 1 : 0;
        QCOMPARE(quiet, 57);

        const ActivityMinute hour = feed.window();
        QCOMPARE(hour.calls, 7);
        QCOMPARE(hour.refused, 2);
        QCOMPARE(hour.p50Ms, 30); // of 10, 20, 30, 40, 700
        QCOMPARE(hour.p99Ms, 700);
        // The call two hours ago counts for today, not for the charts.
        QCOMPARE(feed.callsToday(), 8);

        // An hour on, the window has moved past them all.
        feed.advance(kNow.addSecs(3600));
        QCOMPARE(feed.window().calls, 0);
        QCOMPARE(feed.minutes().size(), 60);
    }

    void percentileIsTheNearestRank_data()
    {
        QTest::addColumn<QList<qint64>>("values");
        QTest::addColumn<int>("p");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("one value, p50") << QList<qint64>{7} << 50 << qint64(7);
        QTest::newRow("one value, p99") << QList<qint64>{7} << 99 << qint64(7);
        QTest::newRow("odd count, p50") << QList<qint64>{5, 1, 3} << 50 << qint64(3);
        QTest::newRow("even count, p50") << QList<qint64>{4, 1, 3, 2} << 50 << qint64(2);
        QList<qint64> hundred;
        for (qint64 i = 100; i >= 1; --i)
            hundred << i;
        QTest::newRow("100 values, p99") << hundred << 99 << qint64(99);
        QTest::newRow("100 values, p50") << hundred << 50 << qint64(50);
        QTest::newRow("101 values, p99") << (hundred << 1000) << 99 << qint64(100);
    }

    void percentileIsTheNearestRank()
    {
        QFETCH(QList<qint64>, values);
        QFETCH(int, p);
        QFETCH(qint64, expected);
        QCOMPARE(ActivityFeed::percentile(values, p), expected);
        QList<qint64> none;
        QCOMPARE(ActivityFeed::percentile(none, p), std::nullopt);
    }

    void callsTodayStartsAgainAtMidnight()
    {
        const QDateTime midnight =
            QDateTime(QDate(2026, 3, 11), QTime(0, 0), Qt::LocalTime).toUTC();
        const QDateTime before = midnight.addSecs(-90);
        AuditRow yesterday = call(0, u"bob"_s, u"billing.get_invoice"_s);
        yesterday.time = midnight.addSecs(-3 * 3600);
        AuditRow late = call(0, u"bob"_s, u"billing.get_invoice"_s);
        late.time = midnight.addSecs(-100);
        append({yesterday, late});
        ActivityFeed feed;
        QVERIFY(readInto(feed, before));
        QCOMPARE(feed.callsToday(), 2);

        // Past midnight: only what was called since counts.
        AuditRow early = call(0, u"bob"_s, u"billing.get_invoice"_s);
        early.time = midnight.addSecs(20);
        append({early});
        QVERIFY(readInto(feed, midnight.addSecs(30)));
        QCOMPARE(feed.callsToday(), 1);
        // A full read agrees.
        ActivityFeed fresh;
        QVERIFY(readInto(fresh, midnight.addSecs(30)));
        QCOMPARE(fresh.callsToday(), 1);
        // And the next day without calls, none.
        feed.advance(midnight.addDays(1).addSecs(1));
        QCOMPARE(feed.callsToday(), 0);
    }

    void aStoreThatCannotBeReadSaysSo()
    {
        ActivityFeed feed;
        QVERIFY(readInto(feed));
        // The table is gone: the read fails with the store's words instead of showing nothing.
        auto conn = m_db->connection();
        QVERIFY(conn.ok());
        QSqlQuery drop(*conn);
        QVERIFY(drop.exec(u"DROP TABLE audit_log"_s));
        auto read =
            ActivityFeed::read(*m_db, feed.filter(), feed.followFrom(), kNow, feed.options());
        QVERIFY(!read);
        QVERIFY2(read.error().message().contains(u"audit log"_s),
                 qPrintable(read.error().message()));
    }
};

QTEST_GUILESS_MAIN(TestActivityFeed)
#include "TestActivityFeed.moc"
