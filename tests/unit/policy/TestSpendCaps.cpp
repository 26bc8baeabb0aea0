#include "../store/StoreTestSupport.h"
#include "oauth/TokenService.h"
#include "store/SpendRepository.h"
#include "store/UsageRepository.h"
#include "store/UserRepository.h"

#include <QtTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace gatehouse;
using namespace gatehouse::store;
using namespace Qt::StringLiterals;

class TestSpendCaps : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;

    // A capped token for bob, minted as `gatehouse token mint --spend-cap` does.
    QString mint(std::optional<double> cap)
    {
        oauth::TokenService tokens(*m_database, QUrl(u"http://127.0.0.1:8787"_s));
        oauth::TokenService::MintRequest request;
        request.user = u"bob"_s;
        request.spendCap = cap;
        const auto minted = tokens.mint(request, QDateTime::currentDateTimeUtc());
        if (!minted) {
            qWarning("%s", qPrintable(minted.error().message()));
            return {};
        }
        return oauth::TokenService::hashToken(minted->token);
    }

    SpendRequest request(double cost, const QString &token, std::optional<double> monthly = {})
    {
        SpendRequest r;
        r.cost = cost;
        r.tokenHash = token;
        r.user = u"bob"_s;
        r.server = u"billing"_s;
        r.period = u"2026-11"_s;
        r.monthly = monthly;
        return r;
    }

    double monthlyCost()
    {
        const auto c = UsageRepository(*m_database).get(u"bob"_s, u"billing"_s, u"2026-11"_s);
        return c ? c->cost : -1;
    }

private Q_SLOTS:
    void init()
    {
        m_database = store::test::openStore(m_dir, -1, QUuid::createUuid().toString() + u".db"_s);
        QVERIFY(m_database);
        User bob;
        bob.name = u"bob"_s;
        GH_VERIFY_OK(UserRepository(*m_database).create(bob));
    }

    void tokenCapStopsTheCallThatWouldCrossIt()
    {
        const QString token = mint(1.0);
        QVERIFY(!token.isEmpty());
        SpendRepository spend(*m_database);
        for (int i = 0; i < 3; ++i) {
            const auto r = spend.reserve(request(0.3, token));
            GH_VERIFY_OK(r);
            QVERIFY(r->reserved());
        }
        const auto over = spend.reserve(request(0.3, token));
        GH_VERIFY_OK(over);
        QCOMPARE(over->limit, SpendOutcome::Limit::Token);
        QCOMPARE(over->cap, 1.0);
        QVERIFY(qAbs(over->spent - 0.9) < 1e-9);
        // A refused call reserved nothing, neither on the token nor in the monthly total.
        QVERIFY(qAbs(*spend.spentByToken(token) - 0.9) < 1e-9);
        QVERIFY(qAbs(monthlyCost() - 0.9) < 1e-9);
        // What still fits goes through: 0.1 more reaches the cap exactly (0.3 * 3 + 0.1).
        QVERIFY(spend.reserve(request(0.1, token))->reserved());
        QCOMPARE(spend.reserve(request(0.01, token))->limit, SpendOutcome::Limit::Token);
    }

    void monthlyCapCountsEveryTokenOfTheUser()
    {
        const QString first = mint(std::nullopt);
        const QString second = mint(std::nullopt);
        SpendRepository spend(*m_database);
        QVERIFY(spend.reserve(request(3, first, 5.0))->reserved());
        const auto over = spend.reserve(request(3, second, 5.0));
        GH_VERIFY_OK(over);
        QCOMPARE(over->limit, SpendOutcome::Limit::Monthly);
        QCOMPARE(over->cap, 5.0);
        QCOMPARE(over->spent, 3.0);
        QVERIFY(spend.reserve(request(2, second, 5.0))->reserved());
        // A single call over the whole cap is refused, saying what was spent.
        const auto whole = spend.reserve(request(6, first, 5.0));
        QCOMPARE(whole->limit, SpendOutcome::Limit::Monthly);
        QCOMPARE(whole->spent, 5.0);
    }

    void aCallOverTheWholeCapIsRefusedOnAnEmptyMonth()
    {
        SpendRepository spend(*m_database);
        const auto over = spend.reserve(request(6, QString(), 5.0));
        GH_VERIFY_OK(over);
        QCOMPARE(over->limit, SpendOutcome::Limit::Monthly);
        QCOMPARE(over->spent, 0.0);
        QCOMPARE(monthlyCost(), 0.0);
    }

    void refusalByTheMonthlyCapLeavesTheTokenUntouched()
    {
        const QString token = mint(10.0);
        SpendRepository spend(*m_database);
        QVERIFY(spend.reserve(request(4, token, 4.0))->reserved());
        QCOMPARE(spend.reserve(request(1, token, 4.0))->limit, SpendOutcome::Limit::Monthly);
        QCOMPARE(*spend.spentByToken(token), 4.0); // the transaction rolled the token's part back
    }

    void refundGivesTheReservationBack()
    {
        const QString token = mint(1.0);
        SpendRepository spend(*m_database);
        QVERIFY(spend.reserve(request(1.0, token))->reserved());
        QVERIFY(!spend.reserve(request(0.5, token))->reserved());
        GH_VERIFY_OK(spend.refund(request(1.0, token)));
        QCOMPARE(*spend.spentByToken(token), 0.0);
        QCOMPARE(monthlyCost(), 0.0);
        QVERIFY(spend.reserve(request(0.5, token))->reserved());
    }

    void badCostsAreRefused()
    {
        SpendRepository spend(*m_database);
        QCOMPARE(spend.reserve(request(-1, QString())).error().code(), ErrorCode::InvalidArgument);
        QCOMPARE(spend.reserve(request(qQNaN(), QString())).error().code(),
                 ErrorCode::InvalidArgument);
    }

    void concurrentReservationsNeverExceedTheCap()
    {
        const QString token = mint(25.0);
        std::atomic<int> reserved{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&] {
                SpendRepository spend(*m_database);
                for (int i = 0; i < 20; ++i) {
                    const auto r = spend.reserve(request(1.0, token));
                    if (r && r->reserved())
                        ++reserved;
                }
                m_database->releaseThreadConnection();
            });
        for (std::thread &thread : threads)
            thread.join();
        QCOMPARE(reserved.load(), 25);
        QCOMPARE(*SpendRepository(*m_database).spentByToken(token), 25.0);
    }
};

QTEST_GUILESS_MAIN(TestSpendCaps)
#include "TestSpendCaps.moc"
