// The Plans & quotas page's model against a real store: plans, who is on which, and this month's
// use against the limits the gateway enforces.
#include "../store/StoreTestSupport.h"
#include "policy/PlanOverview.h"
#include "store/PlanRepository.h"
#include "store/RoleRepository.h"
#include "store/UsageRepository.h"
#include "store/UserRepository.h"

#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::policy;
using namespace Qt::StringLiterals;
using store::Plan;

Q_DECLARE_METATYPE(gatehouse::store::Plan)

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC);

QString describe(const ServerUsage &u)
{
    return u"%1 %2 %3 %4 of %5"_s.arg(u.user, u.server.isEmpty() ? u"-"_s : u.server)
        .arg(u.calls)
        .arg(u.cost)
        .arg(u.limits.callsPerMonth ? QString::number(*u.limits.callsPerMonth) : u"unlimited"_s);
}

} // namespace

class TestPlanOverview : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;

    store::User user(const QString &name, std::optional<QString> plan)
    {
        store::User u;
        u.name = name;
        u.plan = plan;
        return u;
    }

private Q_SLOTS:
    // Plans free and team; alice and bob on free (bob with a rate of his own), carol on team,
    // dave on none. Counters of March for alice and carol, and one of February.
    void init()
    {
        m_db.reset();
        QFile::remove(m_dir.filePath(u"store.db"_s));
        m_db = store::test::openStore(m_dir);
        QVERIFY(m_db);
        store::PlanRepository plans(*m_db);
        GH_VERIFY_OK(plans.create(Plan{u"free"_s, 100, 10, std::nullopt, store::Origin::Local}));
        GH_VERIFY_OK(plans.create(Plan{u"team"_s, 10000, 120, 50.0, store::Origin::Config}));
        GH_VERIFY_OK(store::RoleRepository(*m_db).create(store::Role{u"viewer"_s, {}, {}}));
        store::UserRepository users(*m_db);
        store::User alice = user(u"alice"_s, u"free"_s);
        alice.roles = {u"viewer"_s};
        alice.passwordHash = u"scrypt$opaque"_s;
        GH_VERIFY_OK(users.create(alice));
        store::User bob = user(u"bob"_s, u"free"_s);
        bob.ratePerMinute = 60;
        GH_VERIFY_OK(users.create(bob));
        GH_VERIFY_OK(users.create(user(u"carol"_s, u"team"_s)));
        GH_VERIFY_OK(users.create(user(u"dave"_s, std::nullopt)));
        GH_VERIFY_OK(store::UsageRepository(*m_db).addBatch(
            {store::UsageCounter{u"alice"_s, u"crm"_s, u"2026-03"_s, 7, 0.0},
             store::UsageCounter{u"alice"_s, u"billing"_s, u"2026-03"_s, 93, 0.0},
             store::UsageCounter{u"carol"_s, u"billing"_s, u"2026-03"_s, 1200, 12.5},
             store::UsageCounter{u"bob"_s, u"billing"_s, u"2026-02"_s, 99, 0.0}}));
    }
    void cleanup() { m_db.reset(); }

    void showsPlansMembersAndThisMonthsUse()
    {
        auto overview = PlanOverview::load(*m_db, kNow);
        GH_VERIFY_OK(overview);
        QCOMPARE(overview->period(), u"2026-03"_s);
        QCOMPARE(overview->resetsAt(), QDateTime(QDate(2026, 4, 1), QTime(0, 0), Qt::UTC));
        QCOMPARE(overview->plans().size(), 2);
        QCOMPARE(overview->plan(u"team"_s)->spendPerMonth, 50.0);
        QCOMPARE(overview->plan(u"nope"_s), std::nullopt);
        QCOMPARE(overview->usersOn(u"free"_s), (QStringList{u"alice"_s, u"bob"_s}));
        QCOMPARE(overview->usersOn(u"team"_s), QStringList{u"carol"_s});

        QCOMPARE(overview->members().size(), 4);
        const PlanMember &bob = overview->members().at(1);
        QCOMPARE(bob.user, u"bob"_s);
        QCOMPARE(bob.plan, u"free"_s);
        // His own rate replaces the plan's; the rest is the plan's.
        QCOMPARE(bob.limits.ratePerMinute, 60);
        QCOMPARE(bob.limits.callsPerMonth, 100);
        QCOMPARE(bob.ownRatePerMinute, 60);
        QCOMPARE(bob.ownCallsPerMonth, std::nullopt);
        QCOMPARE(overview->members().at(3).limits, Limits{});

        QStringList usage;
        for (const ServerUsage &u : overview->usage())
            usage << describe(u);
        // February's counter is not this month's; users without calls show with none.
        QCOMPARE(usage, (QStringList{u"alice billing 93 0 of 100"_s, u"alice crm 7 0 of 100"_s,
                                     u"bob - 0 0 of 100"_s, u"carol billing 1200 12.5 of 10000"_s,
                                     u"dave - 0 0 of unlimited"_s}));
        QCOMPARE(overview->usage().at(3).limits.spendPerMonth, 50.0);
    }

    void editsAPlansLimits()
    {
        GH_VERIFY_OK(PlanOverview::savePlan(
            *m_db, Plan{u"free"_s, 2, std::nullopt, 1.5, store::Origin::Local}, false));
        const auto free = store::PlanRepository(*m_db).get(u"free"_s);
        GH_VERIFY_OK(free);
        QCOMPARE(free->callsPerMonth, 2);
        QCOMPARE(free->ratePerMinute, std::nullopt);
        QCOMPARE(free->spendPerMonth, 1.5);
        // The members' limits follow.
        auto overview = PlanOverview::load(*m_db, kNow);
        GH_VERIFY_OK(overview);
        QCOMPARE(overview->members().at(0).limits.callsPerMonth, 2);

        // A new plan by a taken name is refused; so is an edit of a plan that is gone.
        const Status taken = PlanOverview::savePlan(*m_db, Plan{u"team"_s, 1, {}, {}, {}}, true);
        QVERIFY(!taken);
        QCOMPARE(taken.error().code(), ErrorCode::AlreadyExists);
        const Status gone = PlanOverview::savePlan(*m_db, Plan{u"gold"_s, 1, {}, {}, {}}, false);
        QVERIFY(!gone);
        QCOMPARE(gone.error().code(), ErrorCode::NotFound);
        QVERIFY(!store::PlanRepository(*m_db).get(u"gold"_s));
        GH_VERIFY_OK(PlanOverview::savePlan(*m_db, Plan{u"gold"_s, 1, {}, {}, {}}, true));
        QVERIFY(store::PlanRepository(*m_db).get(u"gold"_s));
    }

    void aPlanWithProblemsIsNotSaved_data()
    {
        QTest::addColumn<Plan>("plan");
        QTest::addColumn<QString>("problem");
        QTest::newRow("no name") << Plan{u"  "_s, 1, {}, {}, {}} << u"needs a name"_s;
        QTest::newRow("spaces") << Plan{u" pro"_s, 1, {}, {}, {}}
                                << u"starts or ends with a space"_s;
        QTest::newRow("negative calls")
            << Plan{u"pro"_s, -1, {}, {}, {}} << u"cannot be negative"_s;
        QTest::newRow("negative spend")
            << Plan{u"pro"_s, {}, {}, -0.5, {}} << u"cannot be negative"_s;
        QTest::newRow("fine") << Plan{u"pro"_s, 0, 0, 0.0, {}} << QString();
    }

    void aPlanWithProblemsIsNotSaved()
    {
        QFETCH(Plan, plan);
        QFETCH(QString, problem);
        const QString found = PlanOverview::problemWith(plan);
        if (problem.isEmpty()) {
            QCOMPARE(found, QString());
            GH_VERIFY_OK(PlanOverview::savePlan(*m_db, plan, true));
            return;
        }
        QVERIFY2(found.contains(problem), qPrintable(found));
        const Status saved = PlanOverview::savePlan(*m_db, plan, true);
        QVERIFY(!saved);
        QCOMPARE(saved.error().message(), found);
        QCOMPARE(store::PlanRepository(*m_db).list()->size(), 2);
    }

    void aPlanUsersAreOnIsNotRemoved()
    {
        const Status refused = PlanOverview::removePlan(*m_db, u"free"_s);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code(), ErrorCode::Conflict);
        QVERIFY2(refused.error().message().contains(u"alice, bob"_s),
                 qPrintable(refused.error().message()));
        QVERIFY(store::PlanRepository(*m_db).get(u"free"_s));

        GH_VERIFY_OK(PlanOverview::assignPlan(*m_db, u"alice"_s, u"team"_s));
        GH_VERIFY_OK(PlanOverview::assignPlan(*m_db, u"bob"_s, std::nullopt));
        GH_VERIFY_OK(PlanOverview::removePlan(*m_db, u"free"_s));
        QVERIFY(!store::PlanRepository(*m_db).get(u"free"_s));
    }

    void assigningAPlanKeepsTheRestOfTheUser()
    {
        GH_VERIFY_OK(PlanOverview::assignPlan(*m_db, u"alice"_s, u"team"_s));
        const auto alice = store::UserRepository(*m_db).get(u"alice"_s);
        GH_VERIFY_OK(alice);
        QCOMPARE(alice->plan, u"team"_s);
        QCOMPARE(alice->roles, QStringList{u"viewer"_s});
        QCOMPARE(alice->passwordHash, u"scrypt$opaque"_s);

        const Status unknownPlan = PlanOverview::assignPlan(*m_db, u"alice"_s, u"gold"_s);
        QVERIFY(!unknownPlan);
        QVERIFY2(unknownPlan.error().message().contains(u"gold"_s),
                 qPrintable(unknownPlan.error().message()));
        QCOMPARE(store::UserRepository(*m_db).get(u"alice"_s)->plan, u"team"_s);
        const Status unknownUser = PlanOverview::assignPlan(*m_db, u"zoe"_s, u"team"_s);
        QVERIFY(!unknownUser);
        QCOMPARE(unknownUser.error().code(), ErrorCode::NotFound);
        QVERIFY(!store::UserRepository(*m_db).get(u"zoe"_s));
    }
};

QTEST_GUILESS_MAIN(TestPlanOverview)
#include "TestPlanOverview.moc"
