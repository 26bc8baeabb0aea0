#include "StoreTestSupport.h"
#include "store/RoleRepository.h"
#include "store/UserRepository.h"

#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::store;
using namespace Qt::StringLiterals;

namespace {

Role clerk()
{
    return Role{u"clerk"_s,
                {Rule{u"billing/invoices"_s, u"allow"_s, u"read"_s},
                 Rule{u"billing/invoices"_s, u"allow"_s, u"create"_s},
                 Rule{u"billing/customers"_s, u"allow"_s, u"read"_s},
                 Rule{u"billing.void_invoice"_s, u"deny"_s, u"*"_s}},
                Origin::Config};
}

} // namespace

class TestStoreRoleRepository : public QObject
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

    void rulesKeepTheirOrder()
    {
        RoleRepository repo(*m_db);
        GH_VERIFY_OK(repo.create(clerk()));
        GH_VERIFY_OK(repo.create(Role{
            u"viewer"_s, {Rule{u"billing/invoices"_s, u"allow"_s, u"read"_s}}, Origin::Local}));
        auto read = repo.get(u"clerk"_s);
        GH_VERIFY_OK(read);
        QVERIFY(*read == clerk());
        auto all = repo.list();
        GH_VERIFY_OK(all);
        QCOMPARE(all->size(), 2);
        QVERIFY(all->at(0) == clerk());
        QCOMPARE(all->at(1).rules.size(), 1);
        QCOMPARE(repo.listByOrigin(Origin::Local)->first().name, u"viewer"_s);
    }

    void upsertReplacesRules()
    {
        RoleRepository repo(*m_db);
        GH_VERIFY_OK(repo.create(clerk()));
        const Role fewer{u"clerk"_s,
                         {Rule{u"billing.void_invoice"_s, u"deny"_s, u"*"_s},
                          Rule{u"billing/invoices"_s, u"allow"_s, u"read"_s}},
                         Origin::Local};
        GH_VERIFY_OK(repo.upsert(fewer));
        QVERIFY(*repo.get(u"clerk"_s) == fewer);
        const Status dup = repo.create(fewer);
        QCOMPARE(dup.error().code(), ErrorCode::AlreadyExists);
        QVERIFY(dup.error().message().contains(u"role named 'clerk'"_s));
    }

    void invalidRulesAreRefusedWhole_data()
    {
        QTest::addColumn<Rule>("rule");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("effect") << Rule{u"b/i"_s, u"maybe"_s, u"read"_s} << u"maybe"_s;
        QTest::newRow("action") << Rule{u"b/i"_s, u"allow"_s, u"list"_s} << u"list"_s;
        QTest::newRow("target") << Rule{QString(), u"allow"_s, u"read"_s} << u"target"_s;
    }
    void invalidRulesAreRefusedWhole()
    {
        QFETCH(Rule, rule);
        QFETCH(QString, mentions);
        RoleRepository repo(*m_db);
        Role r = clerk();
        r.rules.append(rule);
        const Status s = repo.upsert(r);
        QCOMPARE(s.error().code(), ErrorCode::InvalidArgument);
        QVERIFY2(s.error().message().contains(mentions), qPrintable(s.error().message()));
        QVERIFY(repo.list()->isEmpty());
    }

    void userRules()
    {
        RoleRepository repo(*m_db);
        const QList<Rule> rules{Rule{u"billing/customers"_s, u"allow"_s, u"read"_s},
                                Rule{u"billing/invoices"_s, u"deny"_s, u"create"_s}};
        const Status noUser = repo.setUserRules(u"bob"_s, rules);
        QCOMPARE(noUser.error().code(), ErrorCode::NotFound);
        QVERIFY(noUser.error().message().contains(u"user 'bob'"_s));
        GH_VERIFY_OK(UserRepository(*m_db).create(
            User{u"bob"_s, {}, {}, {}, {}, {}, {}, false, {}, Origin::Config}));
        GH_VERIFY_OK(repo.setUserRules(u"bob"_s, rules));
        QCOMPARE(*repo.userRules(u"bob"_s), rules);
        QVERIFY(repo.userRules(u"alice"_s)->isEmpty());
        auto all = repo.allUserRules();
        GH_VERIFY_OK(all);
        QCOMPARE(all->keys(), QStringList{u"bob"_s});
        // User rules are not role rules.
        QVERIFY(repo.list()->isEmpty());
        GH_VERIFY_OK(repo.setUserRules(u"bob"_s, {}));
        QVERIFY(repo.userRules(u"bob"_s)->isEmpty());
        // Deleting the user deletes their rules.
        GH_VERIFY_OK(repo.setUserRules(u"bob"_s, rules));
        GH_VERIFY_OK(UserRepository(*m_db).remove(u"bob"_s));
        QVERIFY(repo.allUserRules()->isEmpty());
    }

    void removeRefusedWhileUsersHoldIt()
    {
        RoleRepository repo(*m_db);
        GH_VERIFY_OK(repo.create(clerk()));
        GH_VERIFY_OK(UserRepository(*m_db).create(
            User{u"alice"_s, {}, {u"clerk"_s}, {}, {}, {}, {}, false, {}, Origin::Config}));
        const Status s = repo.remove(u"clerk"_s);
        QCOMPARE(s.error().code(), ErrorCode::Conflict);
        QVERIFY2(s.error().message().contains(u"alice"_s), qPrintable(s.error().message()));
        GH_VERIFY_OK(UserRepository(*m_db).remove(u"alice"_s));
        GH_VERIFY_OK(repo.remove(u"clerk"_s));
        QCOMPARE(repo.get(u"clerk"_s).error().code(), ErrorCode::NotFound);
        QCOMPARE(repo.remove(u"clerk"_s).error().code(), ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestStoreRoleRepository)
#include "TestStoreRoleRepository.moc"
