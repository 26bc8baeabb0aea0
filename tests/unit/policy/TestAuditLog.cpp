#include "../store/StoreTestSupport.h"
#include "policy/AuditLog.h"
#include "store/AuditRepository.h"

#include <QElapsedTimer>
#include <QSet>
#include <QSqlQuery>
#include <QtTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace gatehouse;
using namespace gatehouse::policy;
using namespace gatehouse::store;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

AuditRow callRow(const QString &tool, const QDateTime &time = {})
{
    AuditRow r;
    r.time = time;
    r.user = u"bob"_s;
    r.client = u"cli-1"_s;
    r.server = u"billing"_s;
    r.tool = tool;
    r.decision = u"allow"_s;
    r.upstreamStatus = 200;
    r.latencyMs = 12;
    return r;
}

// A window no test waits out: rows reach the store only through flush() or the destructor.
AuditLog::Options slow(qsizetype maxPending = 65536)
{
    AuditLog::Options options;
    options.flushInterval = std::chrono::hours(1);
    options.maxPending = maxPending;
    return options;
}

} // namespace

class TestAuditLog : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;

    QList<AuditRow> stored()
    {
        auto rows = AuditRepository(*m_db).query(AuditFilter{.limit = 1000000});
        if (!rows) {
            qWarning("%s", qPrintable(rows.error().message()));
            return {};
        }
        return *rows;
    }

    Status renameTable(const QString &from, const QString &to)
    {
        return m_db->write([&](QSqlDatabase &db) -> Status {
            QSqlQuery q(db);
            if (!q.exec(u"ALTER TABLE %1 RENAME TO %2"_s.arg(from, to)))
                return Error(ErrorCode::Database, u"cannot rename %1"_s.arg(from));
            return {};
        });
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_db = test::openStore(*m_dir);
        QVERIFY(m_db);
    }
    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void rowsFromManyThreadsLandExactlyOnce()
    {
        AuditLog::Options options;
        options.flushInterval = 5ms;
        AuditLog log(*m_db, options);
        constexpr int kThreads = 8;
        constexpr int kRowsEach = 250;
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&log, t] {
                for (int i = 0; i < kRowsEach; ++i)
                    log.record(callRow(u"t%1_%2"_s.arg(t).arg(i)));
            });
        }
        // Flushes from another thread while rows come in.
        std::atomic<int> failedFlushes{0};
        std::thread flusher([&log, &failedFlushes] {
            for (int i = 0; i < 20; ++i) {
                if (!log.flush().ok())
                    ++failedFlushes;
                std::this_thread::sleep_for(1ms);
            }
        });
        for (std::thread &t : threads)
            t.join();
        flusher.join();
        QCOMPARE(failedFlushes.load(), 0);
        GH_VERIFY_OK(log.flush());

        const QList<AuditRow> rows = stored();
        QCOMPARE(rows.size(), kThreads * kRowsEach);
        QSet<QString> tools;
        for (const AuditRow &r : rows)
            tools.insert(*r.tool);
        QCOMPARE(tools.size(), kThreads * kRowsEach);
        QCOMPARE(log.written(), qint64(kThreads * kRowsEach));
        QCOMPARE(log.dropped(), qint64(0));
        QCOMPARE(log.pending(), 0);
    }

    void flushMakesRowsVisibleAndKeepsThemIntact()
    {
        AuditLog log(*m_db, slow());
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(
            QDateTime::currentMSecsSinceEpoch() - 5000, QTimeZone::utc());
        AuditRow full = callRow(u"void_invoice"_s, at);
        full.decision = u"deny"_s;
        full.reason = u"no grant for billing/invoices: delete"_s;
        full.cost = 0.5;
        log.record(full);
        log.record(callRow(u"list_invoices"_s)); // no time: it gets the time of record()
        QCOMPARE(stored().size(), 0);            // waiting for its batch
        QCOMPARE(log.pending(), 2);

        GH_VERIFY_OK(log.flush());
        const QList<AuditRow> rows = stored();
        QCOMPARE(rows.size(), 2);
        const AuditRow &first = rows.at(1); // newest first
        QVERIFY(first.id > 0);
        AuditRow expected = full;
        expected.id = first.id;
        QCOMPARE(first, expected);
        QVERIFY(rows.at(0).time.isValid());
        QVERIFY(qAbs(rows.at(0).time.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        QCOMPARE(log.pending(), 0);
        QCOMPARE(log.written(), qint64(2));
    }

    void rowsLandWithoutFlushAfterTheInterval()
    {
        AuditLog::Options options;
        options.flushInterval = 20ms;
        AuditLog log(*m_db, options);
        log.record(callRow(u"list_invoices"_s));
        QTRY_COMPARE_WITH_TIMEOUT(stored().size(), 1, 10000);
    }

    void limitRefusalsAreWrittenOncePerWindowWithTheirCount()
    {
        AuditLog::Options options = slow();
        options.repeatWindow = 300ms;
        AuditLog log(*m_db, options);
        const auto refusal = [](const QString &user, const QString &decision) {
            AuditRow r = callRow(u"list_invoices"_s);
            r.user = user;
            r.decision = decision;
            r.reason = u"Rate limit reached"_s;
            r.upstreamStatus.reset();
            r.latencyMs.reset();
            return r;
        };
        for (int i = 0; i < 500; ++i)
            log.record(refusal(u"bob"_s, u"rate"_s));
        log.record(refusal(u"bob"_s, u"quota"_s)); // another limit: its own row
        log.record(refusal(u"alice"_s, u"rate"_s));
        log.record(callRow(u"list_invoices"_s)); // allowed calls are never folded
        log.record(callRow(u"list_invoices"_s));
        QVERIFY(log.flush().ok());

        QList<AuditRow> bobRate;
        int bobQuota = 0, alice = 0, allowed = 0;
        for (const AuditRow &r : stored()) {
            if (r.decision == u"allow")
                ++allowed;
            else if (r.user == u"alice")
                ++alice;
            else if (r.decision == u"quota")
                ++bobQuota;
            else
                bobRate.append(r);
        }
        QCOMPARE(allowed, 2);
        QCOMPARE(alice, 1);
        QCOMPARE(bobQuota, 1);
        QCOMPARE(bobRate.size(), 2);
        int summaries = 0;
        for (const AuditRow &r : bobRate) {
            if (r.reason->startsWith(u"499 more calls refused the same way"_s)) {
                ++summaries;
                QCOMPARE(r.repeats, 498); // the row itself and 498 more: the 499 repeats
            } else {
                QCOMPARE(*r.reason, u"Rate limit reached"_s);
                QCOMPARE(r.repeats, 0);
            }
        }
        QCOMPARE(summaries, 1);
        // Counted as calls, the rows still say how many calls there were.
        const auto calls = AuditRepository(*m_db).count(AuditFilter{.limit = 1});
        QVERIFY(calls.ok());
        QCOMPARE(*calls, 500 + 1 + 1 + 2);

        // After the window, the next refusal is written again (and its repeat summed up).
        QTest::qWait(350);
        log.record(refusal(u"bob"_s, u"rate"_s));
        log.record(refusal(u"bob"_s, u"rate"_s));
        QVERIFY(log.flush().ok());
        QCOMPARE(log.written(), 2 + 1 + 1 + 2 + 2);
    }

    void destructorWritesQueuedRows()
    {
        QElapsedTimer timer;
        {
            AuditLog log(*m_db, slow());
            for (int i = 0; i < 5; ++i)
                log.record(callRow(u"tool%1"_s.arg(i)));
            QCOMPARE(stored().size(), 0);
            timer.start();
        }
        // It does not wait out the (hour-long) interval.
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(stored().size(), 5);
    }

    void manyRowsRecordedQuicklyAreWrittenInOneTransaction()
    {
        AuditLog log(*m_db, slow());
        for (int i = 0; i < 1000; ++i)
            log.record(callRow(u"tool%1"_s.arg(i)));
        GH_VERIFY_OK(log.flush());
        QCOMPARE(log.batches(), qint64(1));
        QCOMPARE(log.written(), qint64(1000));
        for (int i = 0; i < 500; ++i)
            log.record(callRow(u"more%1"_s.arg(i)));
        GH_VERIFY_OK(log.flush());
        QCOMPARE(log.batches(), qint64(2));
        QCOMPARE(stored().size(), 1500);
        // A flush with nothing queued writes nothing.
        GH_VERIFY_OK(log.flush());
        QCOMPARE(log.batches(), qint64(2));
    }

    void rowsBeyondMaxPendingAreDroppedCountedAndWarnedOnce()
    {
        const QRegularExpression warning(u"^15 audit rows were dropped.*10 rows"_s);
        AuditLog log(*m_db, slow(10));
        for (int i = 0; i < 25; ++i)
            log.record(callRow(u"tool%1"_s.arg(i)));
        QCOMPARE(log.dropped(), qint64(15));
        QCOMPARE(log.pending(), 10);
        QTest::ignoreMessage(QtWarningMsg, warning);
        GH_VERIFY_OK(log.flush());
        QCOMPARE(stored().size(), 10);

        // Room again once written; a flush without new drops says nothing more.
        QTest::failOnWarning(QRegularExpression(u"dropped"_s));
        for (int i = 0; i < 5; ++i)
            log.record(callRow(u"later%1"_s.arg(i)));
        GH_VERIFY_OK(log.flush());
        QCOMPARE(stored().size(), 15);
        QCOMPARE(log.dropped(), qint64(15));
    }

    void aRowWithoutDecisionIsDroppedNotWritten()
    {
        AuditLog log(*m_db, slow());
        AuditRow bad = callRow(u"list_invoices"_s);
        bad.decision.clear();
        log.record(bad);
        log.record(callRow(u"good"_s));
        QCOMPARE(log.dropped(), qint64(1));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(u"^1 audit rows without a decision"_s));
        GH_VERIFY_OK(log.flush());
        const QList<AuditRow> rows = stored();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().tool, std::optional(u"good"_s));
    }

    void retentionPrunesOldRowsAtStart()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        GH_VERIFY_OK(AuditRepository(*m_db).append(
            {callRow(u"ancient"_s, now.addDays(-200)), callRow(u"old"_s, now.addDays(-91)),
             callRow(u"recent"_s, now.addDays(-89)), callRow(u"today"_s, now.addSecs(-60))}));
        AuditLog::Options options = slow();
        options.retention = std::chrono::days(90);
        AuditLog log(*m_db, options);
        GH_VERIFY_OK(log.flush());
        QStringList tools;
        for (const AuditRow &r : stored())
            tools << *r.tool;
        QCOMPARE(tools, (QStringList{u"today"_s, u"recent"_s}));
    }

    void retentionZeroKeepsEverything()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        GH_VERIFY_OK(AuditRepository(*m_db).append({callRow(u"ancient"_s, now.addDays(-3650))}));
        AuditLog::Options options = slow();
        options.retention = 0s;
        AuditLog log(*m_db, options);
        GH_VERIFY_OK(log.flush());
        QCOMPARE(stored().size(), 1);
    }

    void aFailingStoreKeepsRowsUntilItRecovers()
    {
        AuditLog log(*m_db, slow());
        GH_VERIFY_OK(log.flush()); // the prune at start is done
        GH_VERIFY_OK(renameTable(u"audit_log"_s, u"audit_log_parked"_s));
        for (int i = 0; i < 3; ++i)
            log.record(callRow(u"tool%1"_s.arg(i)));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"^Cannot write 3 audit rows"_s));
        const Status failed = log.flush();
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code(), ErrorCode::Database);
        QVERIFY2(failed.error().message().startsWith(u"3 audit rows could not be written"_s),
                 qPrintable(failed.error().message()));
        QCOMPARE(log.pending(), 3);
        QCOMPARE(log.written(), qint64(0));

        GH_VERIFY_OK(renameTable(u"audit_log_parked"_s, u"audit_log"_s));
        log.record(callRow(u"tool3"_s));
        GH_VERIFY_OK(log.flush());
        QStringList tools;
        for (const AuditRow &r : stored())
            tools << *r.tool;
        tools.sort();
        QCOMPARE(tools, (QStringList{u"tool0"_s, u"tool1"_s, u"tool2"_s, u"tool3"_s}));
        QCOMPARE(log.pending(), 0);
        QCOMPARE(log.written(), qint64(4));
        QCOMPARE(log.dropped(), qint64(0));
    }

    void rowsLostAtStopAreLoggedNotSilent()
    {
        {
            AuditLog log(*m_db, slow());
            GH_VERIFY_OK(log.flush()); // the prune at start is done
            GH_VERIFY_OK(renameTable(u"audit_log"_s, u"audit_log_parked"_s));
            log.record(callRow(u"a"_s));
            log.record(callRow(u"b"_s));
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"^Cannot write 2 audit rows"_s));
            QTest::ignoreMessage(QtCriticalMsg,
                                 QRegularExpression(u"^2 audit rows are lost: .*audit_log"_s));
        }
        GH_VERIFY_OK(renameTable(u"audit_log_parked"_s, u"audit_log"_s));
        QCOMPARE(stored().size(), 0);
    }

    void aStoppedLogClosesItsThreadConnection()
    {
        const int before = m_db->openConnectionCount();
        {
            AuditLog log(*m_db, slow());
            log.record(callRow(u"a"_s));
            GH_VERIFY_OK(log.flush());
            QCOMPARE(m_db->openConnectionCount(), before + 1);
        }
        QCOMPARE(m_db->openConnectionCount(), before);
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "TestAuditLog.moc"
