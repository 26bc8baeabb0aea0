#include "../store/StoreTestSupport.h"
#include "policy/UsageLimits.h"
#include "policy/UsageMeter.h"
#include "store/PlanRepository.h"
#include "store/UsageRepository.h"
#include "store/UserRepository.h"

#include <QtTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace gatehouse;
using namespace gatehouse::policy;
using namespace Qt::StringLiterals;

namespace {

QDateTime at(const QString &iso)
{
    return QDateTime::fromString(iso, Qt::ISODateWithMs).toUTC();
}

Limits monthly(qint64 calls)
{
    Limits l;
    l.plan = u"free"_s;
    l.callsPerMonth = calls;
    return l;
}

Limits perMinute(qint64 rate)
{
    Limits l;
    l.plan = u"free"_s;
    l.ratePerMinute = rate;
    return l;
}

UsageMeter::Options slow()
{
    // Long enough that nothing is written unless a test flushes.
    return UsageMeter::Options{std::chrono::milliseconds(60'000)};
}

} // namespace

class TestUsageMeter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void periodIsTheUtcMonth_data()
    {
        QTest::addColumn<QDateTime>("time");
        QTest::addColumn<QString>("period");
        QTest::newRow("utc") << QDateTime(QDate(2026, 11, 27), QTime(21, 0), QTimeZone::utc())
                             << u"2026-11"_s;
        QTest::newRow("january") << QDateTime(QDate(2027, 1, 1), QTime(0, 0), QTimeZone::utc())
                                 << u"2027-01"_s;
        // 00:30 on 1 December at UTC+2 is still November in UTC: months are counted in UTC.
        QTest::newRow("offset before midnight")
            << QDateTime(QDate(2026, 12, 1), QTime(0, 30), QTimeZone(7200)) << u"2026-11"_s;
        QTest::newRow("year below 1000")
            << QDateTime(QDate(999, 3, 5), QTime(12, 0), QTimeZone::utc()) << u"0999-03"_s;
    }
    void periodIsTheUtcMonth()
    {
        QFETCH(QDateTime, time);
        QFETCH(QString, period);
        QCOMPARE(UsageMeter::periodOf(time), period);
        QCOMPARE(UsageMeter::periodOf(time), time.toUTC().toString(u"yyyy-MM"_s));
    }

    void monthlyQuotaAdmitsExactlyTheLimit()
    {
        UsageMeter meter(nullptr, slow());
        const QDateTime now = at(u"2026-11-27T10:00:00Z"_s);
        for (int i = 0; i < 5; ++i)
            QVERIFY(meter.admit(u"bob"_s, u"billing"_s, monthly(5), now).admitted());
        const Admission refused = meter.admit(u"bob"_s, u"billing"_s, monthly(5), now);
        QCOMPARE(refused.limit, Admission::Limit::Monthly);
        QCOMPARE(refused.allowed, 5);
        QCOMPARE(refused.used, 5);
        QCOMPARE(refused.resetsAt, at(u"2026-12-01T00:00:00Z"_s));
        QCOMPARE(refused.retryAfter.count(), now.secsTo(refused.resetsAt));
        QCOMPARE(meter.callsThisMonth(u"bob"_s, u"billing"_s, now), 5);
    }

    void quotaIsPerUserAndServer()
    {
        UsageMeter meter(nullptr, slow());
        const QDateTime now = at(u"2026-11-27T10:00:00Z"_s);
        QVERIFY(meter.admit(u"bob"_s, u"billing"_s, monthly(1), now).admitted());
        QVERIFY(!meter.admit(u"bob"_s, u"billing"_s, monthly(1), now).admitted());
        // One user at the wall stops nobody else, and not the same user on another server.
        QVERIFY(meter.admit(u"alice"_s, u"billing"_s, monthly(1), now).admitted());
        QVERIFY(meter.admit(u"bob"_s, u"tickets"_s, monthly(1), now).admitted());
    }

    void newMonthStartsFromZero()
    {
        UsageMeter meter(nullptr, slow());
        QVERIFY(meter.admit(u"bob"_s, u"billing"_s, monthly(1), at(u"2026-11-30T23:59:59Z"_s))
                    .admitted());
        QVERIFY(!meter.admit(u"bob"_s, u"billing"_s, monthly(1), at(u"2026-11-30T23:59:59Z"_s))
                     .admitted());
        QVERIFY(meter.admit(u"bob"_s, u"billing"_s, monthly(1), at(u"2026-12-01T00:00:00Z"_s))
                    .admitted());
    }

    void zeroLimitsRefuseEverything()
    {
        UsageMeter meter(nullptr, slow());
        const QDateTime now = at(u"2026-11-27T10:00:00Z"_s);
        QCOMPARE(meter.admit(u"bob"_s, u"billing"_s, monthly(0), now).limit,
                 Admission::Limit::Monthly);
        const Admission rate = meter.admit(u"bob"_s, u"billing"_s, perMinute(0), now);
        QCOMPARE(rate.limit, Admission::Limit::Rate);
        QVERIFY(rate.retryAfter.count() >= 1);
    }

    void noLimitsCountsButAdmits()
    {
        UsageMeter meter(nullptr, slow());
        const QDateTime now = at(u"2026-11-27T10:00:00Z"_s);
        for (int i = 0; i < 100; ++i)
            QVERIFY(meter.admit(u"bob"_s, u"billing"_s, Limits{}, now).admitted());
        QCOMPARE(meter.callsThisMonth(u"bob"_s, u"billing"_s, now), 100);
    }

    void rateIsATokenBucket()
    {
        UsageMeter meter(nullptr, slow());
        const QDateTime start = at(u"2026-11-27T10:00:00Z"_s);
        // A full minute's calls at once (the burst), then one per second as the bucket refills.
        for (int i = 0; i < 60; ++i)
            QVERIFY2(meter.admit(u"bob"_s, u"billing"_s, perMinute(60), start).admitted(),
                     qPrintable(QString::number(i)));
        const Admission refused = meter.admit(u"bob"_s, u"billing"_s, perMinute(60), start);
        QCOMPARE(refused.limit, Admission::Limit::Rate);
        QCOMPARE(refused.allowed, 60);
        QCOMPARE(refused.retryAfter.count(), 1);
        QCOMPARE(refused.resetsAt, start.addSecs(1));
        QVERIFY(
            !meter.admit(u"bob"_s, u"billing"_s, perMinute(60), start.addMSecs(500)).admitted());
        QVERIFY(meter.admit(u"bob"_s, u"billing"_s, perMinute(60), start.addSecs(1)).admitted());
        QVERIFY(!meter.admit(u"bob"_s, u"billing"_s, perMinute(60), start.addSecs(1)).admitted());
        // A quiet minute fills the bucket again, but never beyond a minute's calls.
        const QDateTime later = start.addSecs(600);
        for (int i = 0; i < 60; ++i)
            QVERIFY(meter.admit(u"bob"_s, u"billing"_s, perMinute(60), later).admitted());
        QVERIFY(!meter.admit(u"bob"_s, u"billing"_s, perMinute(60), later).admitted());
        // Refused calls were not counted toward the month.
        QCOMPARE(meter.callsThisMonth(u"bob"_s, u"billing"_s, later), 121);
    }

    void slowRatesWaitLonger()
    {
        UsageMeter meter(nullptr, slow());
        const QDateTime now = at(u"2026-11-27T10:00:00Z"_s);
        QVERIFY(meter.admit(u"bob"_s, u"billing"_s, perMinute(2), now).admitted());
        QVERIFY(meter.admit(u"bob"_s, u"billing"_s, perMinute(2), now).admitted());
        QCOMPARE(meter.admit(u"bob"_s, u"billing"_s, perMinute(2), now).retryAfter.count(), 30);
    }

    void monthlyRefusalKeepsRateTokens()
    {
        UsageMeter meter(nullptr, slow());
        const QDateTime now = at(u"2026-11-27T10:00:00Z"_s);
        Limits both = monthly(1);
        both.ratePerMinute = 1;
        QVERIFY(meter.admit(u"bob"_s, u"billing"_s, both, now).admitted());
        QCOMPARE(meter.admit(u"bob"_s, u"billing"_s, both, now.addSecs(120)).limit,
                 Admission::Limit::Monthly);
        // The owner raises the quota: the bucket still holds its token.
        both.callsPerMonth = 10;
        QVERIFY(meter.admit(u"bob"_s, u"billing"_s, both, now.addSecs(120)).admitted());
    }

    void concurrentCallersGetExactlyTheQuota()
    {
        QTemporaryDir dir;
        auto database = store::test::openStore(dir);
        QVERIFY(database);
        std::atomic<int> admitted{0};
        {
            // A short flush interval, so batches are written while the callers run.
            UsageMeter meter(database.get(), UsageMeter::Options{std::chrono::milliseconds(5)});
            const QDateTime now = QDateTime::currentDateTimeUtc();
            std::vector<std::thread> threads;
            for (int t = 0; t < 8; ++t)
                threads.emplace_back([&] {
                    for (int i = 0; i < 400; ++i)
                        if (meter.admit(u"bob"_s, u"billing"_s, monthly(1000), now).admitted())
                            ++admitted;
                });
            for (std::thread &thread : threads)
                thread.join();
            QCOMPARE(admitted.load(), 1000);
        }
        // The meter wrote everything when it stopped: exactly the admitted calls are stored.
        const auto stored = store::UsageRepository(*database).get(
            u"bob"_s, u"billing"_s, UsageMeter::periodOf(QDateTime::currentDateTimeUtc()));
        GH_VERIFY_OK(stored);
        QCOMPARE(stored->calls, 1000);
    }

    void countsSurviveARestart()
    {
        QTemporaryDir dir;
        auto database = store::test::openStore(dir);
        QVERIFY(database);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        {
            UsageMeter meter(database.get(), slow());
            for (int i = 0; i < 3; ++i)
                QVERIFY(meter.admit(u"bob"_s, u"billing"_s, monthly(4), now).admitted());
            // Nothing is written before the interval or a flush...
            const auto before = store::UsageRepository(*database).get(u"bob"_s, u"billing"_s,
                                                                      UsageMeter::periodOf(now));
            GH_VERIFY_OK(before);
            QCOMPARE(before->calls, 0);
            GH_VERIFY_OK(meter.flush());
            const auto after = store::UsageRepository(*database).get(u"bob"_s, u"billing"_s,
                                                                     UsageMeter::periodOf(now));
            GH_VERIFY_OK(after);
            QCOMPARE(after->calls, 3);
        }
        UsageMeter restarted(database.get(), slow());
        QVERIFY(restarted.admit(u"bob"_s, u"billing"_s, monthly(4), now).admitted());
        QCOMPARE(restarted.admit(u"bob"_s, u"billing"_s, monthly(4), now).limit,
                 Admission::Limit::Monthly);
    }

    void removedUsersAreForgottenButTheirUnwrittenCallsAreNot()
    {
        QTemporaryDir dir;
        auto database = store::test::openStore(dir);
        QVERIFY(database);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        UsageMeter meter(database.get(), slow());
        QVERIFY(meter.admit(u"bob"_s, u"billing"_s, perMinute(10), now).admitted());
        QVERIFY(meter.admit(u"eve"_s, u"billing"_s, perMinute(10), now).admitted());
        QCOMPARE(meter.tracked(), 4); // a counter and a bucket each
        // eve is removed before her call was written: the count stays until it is.
        meter.forgetUsersExcept({u"bob"_s});
        QCOMPARE(meter.tracked(), 3);
        GH_VERIFY_OK(meter.flush());
        const auto written = store::UsageRepository(*database).get(u"eve"_s, u"billing"_s,
                                                                   UsageMeter::periodOf(now));
        GH_VERIFY_OK(written);
        QCOMPARE(written->calls, 1);
        meter.forgetUsersExcept({u"bob"_s});
        QCOMPARE(meter.tracked(), 2);
        QCOMPARE(meter.callsThisMonth(u"bob"_s, u"billing"_s, now), 1);
    }

    void batchesAreWrittenOnTheInterval()
    {
        QTemporaryDir dir;
        auto database = store::test::openStore(dir);
        QVERIFY(database);
        UsageMeter meter(database.get(), UsageMeter::Options{std::chrono::milliseconds(20)});
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(meter.admit(u"bob"_s, u"billing"_s, Limits{}, now).admitted());
        QTRY_COMPARE_WITH_TIMEOUT(store::UsageRepository(*database)
                                      .get(u"bob"_s, u"billing"_s, UsageMeter::periodOf(now))
                                      ->calls,
                                  1, 5000);
    }

    void limitsComeFromPlansWithUsersOverrides()
    {
        QTemporaryDir dir;
        auto database = store::test::openStore(dir);
        QVERIFY(database);
        store::PlanRepository plans(*database);
        GH_VERIFY_OK(plans.create(store::Plan{u"free"_s, 1000, 60, 5.0}));
        store::UserRepository users(*database);
        store::User bob;
        bob.name = u"bob"_s;
        bob.plan = u"free"_s;
        GH_VERIFY_OK(users.create(bob));
        store::User alice;
        alice.name = u"alice"_s;
        alice.plan = u"free"_s;
        alice.ratePerMinute = 600;
        GH_VERIFY_OK(users.create(alice));
        store::User carol;
        carol.name = u"carol"_s;
        carol.callsPerMonth = 10;
        GH_VERIFY_OK(users.create(carol));
        store::User dave;
        dave.name = u"dave"_s;
        GH_VERIFY_OK(users.create(dave));

        const auto limits = UsageLimits::load(*database);
        GH_VERIFY_OK(limits);
        QCOMPARE(limits->of(u"bob"_s), (Limits{u"free"_s, 1000, 60, 5.0}));
        QCOMPARE(limits->of(u"alice"_s), (Limits{u"free"_s, 1000, 600, 5.0}));
        QCOMPARE(limits->of(u"carol"_s), (Limits{QString(), 10, std::nullopt, std::nullopt}));
        QCOMPARE(limits->of(u"dave"_s), Limits{});
        QCOMPARE(limits->of(u"nobody"_s), Limits{});
    }
};

QTEST_GUILESS_MAIN(TestUsageMeter)
#include "TestUsageMeter.moc"
