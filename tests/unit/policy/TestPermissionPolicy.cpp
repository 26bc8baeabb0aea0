#include "../store/StoreTestSupport.h"
#include "policy/PermissionPolicy.h"
#include "store/RoleRepository.h"
#include "store/ServerRepository.h"
#include "store/UserRepository.h"

#include <QThread>
#include <QtTest>

#include <atomic>

using namespace gatehouse;
using namespace gatehouse::policy;
using namespace Qt::StringLiterals;
using store::Rule;

namespace {

Rule allow(const QString &target, const QString &action = u"*"_s)
{
    return Rule{target, u"allow"_s, action};
}
Rule deny(const QString &target, const QString &action = u"*"_s)
{
    return Rule{target, u"deny"_s, action};
}

ToolIdentity tool(const QString &name, const QString &resource, const QString &action,
                  const QString &defaultName = {})
{
    return ToolIdentity{u"billing"_s, name, defaultName, resource, action};
}

// The matrix of ../shared/design/config-example.yaml, plus a few users for the edge cases.
PermissionPolicy examplePolicy()
{
    QHash<QString, QList<Rule>> roles;
    roles.insert(u"viewer"_s, {allow(u"billing/invoices"_s, u"read"_s)});
    roles.insert(u"clerk"_s,
                 {allow(u"billing/invoices"_s, u"read"_s),
                  allow(u"billing/invoices"_s, u"create"_s),
                  allow(u"billing/customers"_s, u"read"_s), deny(u"billing.void_invoice"_s)});
    roles.insert(u"voider"_s, {allow(u"billing.void_invoice"_s)});
    QHash<QString, PermissionPolicy::UserEntry> users;
    users.insert(u"bob"_s, {true,
                            false,
                            {u"viewer"_s},
                            {allow(u"billing/customers"_s, u"read"_s),
                             deny(u"billing/invoices"_s, u"create"_s)}});
    users.insert(u"alice"_s, {true, false, {u"clerk"_s}, {}});
    users.insert(u"carol"_s, {true, false, {u"clerk"_s, u"voider"_s}, {}});
    users.insert(u"dave"_s, {true, false, {u"clerk"_s}, {allow(u"billing.void_invoice"_s)}});
    users.insert(u"erin"_s, {true, false, {}, {}});
    users.insert(u"frank"_s, {true, true, {u"clerk"_s}, {}});
    users.insert(u"gina"_s,
                 {true, false, {u"viewer"_s}, {allow(u"billing.cancel"_s, u"update"_s)}});
    return PermissionPolicy(users, roles);
}

} // namespace

class TestPermissionPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decisions_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<ToolIdentity>("tool");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QString>("decidingRule"); // part of the reason

        const ToolIdentity listInvoices = tool(u"list_invoices"_s, u"invoices"_s, u"read"_s);
        const ToolIdentity createInvoice = tool(u"create_invoice"_s, u"invoices"_s, u"create"_s);
        const ToolIdentity voidInvoice = tool(u"void_invoice"_s, u"invoices"_s, u"update"_s);
        const ToolIdentity getCustomer = tool(u"get_customer"_s, u"customers"_s, u"read"_s);
        const ToolIdentity deleteCustomer = tool(u"delete_customer"_s, u"customers"_s, u"delete"_s);

        // "Bob can read invoices, not create them" is one grant.
        QTest::newRow("role grants read") << u"bob"_s << listInvoices << true << u"role viewer"_s;
        QTest::newRow("user deny overrides nothing granted")
            << u"bob"_s << createInvoice << false << u"user bob: billing/invoices: deny create"_s;
        QTest::newRow("user grant adds what no role has")
            << u"bob"_s << getCustomer << true << u"user bob: billing/customers: allow read"_s;
        QTest::newRow("nothing unless granted")
            << u"bob"_s << deleteCustomer << false << u"no rule"_s;
        QTest::newRow("role grants create") << u"alice"_s << createInvoice << true
                                            << u"role clerk: billing/invoices: allow create"_s;
        QTest::newRow("tool deny in a role beats the resource's allow")
            << u"alice"_s << voidInvoice << false << u"role clerk: billing.void_invoice: deny"_s;
        QTest::newRow("within the roles level deny wins over another role's allow")
            << u"carol"_s << voidInvoice << false << u"deny"_s;
        QTest::newRow("a user's own allow overrides the roles' deny")
            << u"dave"_s << voidInvoice << true << u"user dave: billing.void_invoice: allow"_s;
        QTest::newRow("user with no roles and no rules")
            << u"erin"_s << listInvoices << false << u"no rule"_s;
        QTest::newRow("disabled user") << u"frank"_s << listInvoices << false << u"disabled"_s;
        QTest::newRow("unknown user") << u"zed"_s << listInvoices << false << u"not known"_s;
        QTest::newRow("tool rule with an action: action matches")
            << u"gina"_s << tool(u"cancel"_s, u"subscriptions"_s, u"update"_s) << true
            << u"billing.cancel: allow update"_s;
        QTest::newRow("tool rule with an action: action differs")
            << u"gina"_s << tool(u"cancel"_s, u"subscriptions"_s, u"delete"_s) << false
            << u"no rule"_s;
        QTest::newRow("a renamed tool matches by its default name")
            << u"alice"_s << tool(u"void_it"_s, u"invoices"_s, u"update"_s, u"void_invoice"_s)
            << false << u"billing.void_invoice: deny"_s;
        QTest::newRow("another server's resource of the same name")
            << u"alice"_s
            << ToolIdentity{u"crm"_s, u"list_invoices"_s, {}, u"invoices"_s, u"read"_s} << false
            << u"no rule"_s;
    }

    void decisions()
    {
        QFETCH(QString, user);
        QFETCH(ToolIdentity, tool);
        QFETCH(bool, allowed);
        QFETCH(QString, decidingRule);
        const Decision d = examplePolicy().decide(user, tool);
        QCOMPARE(d.allowed, allowed);
        QVERIFY2(d.reason.contains(decidingRule), qPrintable(d.reason));
        QVERIFY(!d.trace.isEmpty());
        QVERIFY2(d.trace.last().startsWith(allowed ? u"allowed"_s : u"denied"_s),
                 qPrintable(d.trace.join(u" | "_s)));
        if (!allowed && !d.reason.contains(u"disabled"_s) && !d.reason.contains(u"not known"_s))
            QCOMPARE(d.missingPermission,
                     u"%1/%2: %3"_s.arg(tool.server, tool.resource, tool.action));
    }

    void traceShowsOverriddenRules()
    {
        // dave's own allow decides; the roles' deny is not weighed once a level decided.
        const Decision d =
            examplePolicy().decide(u"dave"_s, tool(u"void_invoice"_s, u"invoices"_s, u"update"_s));
        QVERIFY(d.allowed);
        QCOMPARE(d.trace.size(), 2);
        QCOMPARE(d.trace.first(), u"user dave: billing.void_invoice: allow"_s);
        // carol: both roles' rules are in the trace, deny wins.
        const Decision c =
            examplePolicy().decide(u"carol"_s, tool(u"void_invoice"_s, u"invoices"_s, u"update"_s));
        QVERIFY(!c.allowed);
        QVERIFY(c.trace.contains(u"role clerk: billing.void_invoice: deny"_s));
        QVERIFY(c.trace.contains(u"role voider: billing.void_invoice: allow"_s));
    }

    void scopesNarrowTheGrants_data()
    {
        QTest::addColumn<QStringList>("scopes");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QString>("missingScope");
        QTest::newRow("scope covers it") << QStringList{u"billing:create"_s} << true << QString();
        QTest::newRow("read-only token")
            << QStringList{u"billing:read"_s} << false << u"billing:create"_s;
        QTest::newRow("no scope on this server") << QStringList{} << false << u"billing:create"_s;
    }

    void scopesNarrowTheGrants()
    {
        QFETCH(QStringList, scopes);
        QFETCH(bool, allowed);
        QFETCH(QString, missingScope);
        const ToolIdentity create = tool(u"create_invoice"_s, u"invoices"_s, u"create"_s);
        const Decision d = examplePolicy().decide(u"alice"_s, create, scopes);
        QCOMPARE(d.allowed, allowed);
        QCOMPARE(d.missingScope, missingScope);
        // A scope never widens what the grants allow.
        const Decision bob =
            examplePolicy().decide(u"bob"_s, create, QStringList{u"billing:create"_s});
        QVERIFY(!bob.allowed);
        QVERIFY(bob.missingScope.isEmpty());
    }

    void rememberedDecisionsAreTheSameDecisions()
    {
        const PermissionPolicy policy = examplePolicy();
        const ToolIdentity create = tool(u"create_invoice"_s, u"invoices"_s, u"create"_s);
        const Decision first = policy.decide(u"alice"_s, create);
        QCOMPARE(policy.remembered(), 1);
        const Decision again = policy.decide(u"alice"_s, create);
        QCOMPARE(policy.remembered(), 1);
        QCOMPARE(again.allowed, first.allowed);
        QCOMPARE(again.reason, first.reason);
        QCOMPARE(again.trace, first.trace);

        // A token's scopes apply on top of a remembered decision and do not change it.
        const Decision narrowed = policy.decide(u"alice"_s, create, QStringList{u"billing:read"_s});
        QVERIFY(!narrowed.allowed);
        QCOMPARE(narrowed.missingScope, u"billing:create"_s);
        QCOMPARE(narrowed.trace.size(), first.trace.size());
        QVERIFY2(narrowed.trace.last().startsWith(u"denied"_s), qPrintable(narrowed.trace.last()));
        QVERIFY(policy.decide(u"alice"_s, create).allowed);

        // The same name with another action is another tool (a catalog edited under a kept
        // matrix): it is decided, not taken from the memo.
        const Decision asRead =
            policy.decide(u"bob"_s, tool(u"create_invoice"_s, u"invoices"_s, u"read"_s));
        const Decision asCreate = policy.decide(u"bob"_s, create);
        QVERIFY(asRead.allowed);
        QVERIFY(!asCreate.allowed);

        // Copies share what is remembered (the gateway hands its snapshot around): what a copy
        // decides, the original has remembered too.
        const PermissionPolicy copy = policy;
        const qsizetype before = policy.remembered();
        copy.decide(u"carol"_s, tool(u"void_invoice"_s, u"invoices"_s, u"update"_s));
        QCOMPARE(policy.remembered(), before + 1);
    }

    void memoIsBoundedAndThreadSafe()
    {
        const PermissionPolicy policy = examplePolicy();
        const ToolIdentity read = tool(u"list_invoices"_s, u"invoices"_s, u"read"_s);
        // More (user, tool) pairs than it keeps: every answer stays right, the memo bounded.
        for (qsizetype i = 0; i < PermissionPolicy::memoCapacity + 100; ++i) {
            const Decision d = policy.decide(u"stranger%1"_s.arg(i), read);
            QVERIFY(!d.allowed);
            QVERIFY(policy.remembered() <= PermissionPolicy::memoCapacity);
        }
        QVERIFY(policy.remembered() > 0);

        // Four threads deciding the table's cases at once get the single-threaded answers.
        const QList<std::pair<QString, ToolIdentity>> cases = {
            {u"bob"_s, read},
            {u"bob"_s, tool(u"create_invoice"_s, u"invoices"_s, u"create"_s)},
            {u"alice"_s, tool(u"create_invoice"_s, u"invoices"_s, u"create"_s)},
            {u"carol"_s, tool(u"void_invoice"_s, u"invoices"_s, u"update"_s)},
            {u"dave"_s, tool(u"void_invoice"_s, u"invoices"_s, u"update"_s)},
            {u"frank"_s, read}};
        QList<bool> expected;
        for (const auto &[user, identity] : cases)
            expected << examplePolicy().decide(user, identity).allowed;
        const PermissionPolicy shared = examplePolicy();
        std::atomic<int> wrong = 0;
        QList<QThread *> threads;
        for (int t = 0; t < 4; ++t) {
            threads << QThread::create([&] {
                for (int round = 0; round < 2000; ++round) {
                    const qsizetype i = round % cases.size();
                    if (shared.decide(cases[i].first, cases[i].second).allowed != expected[i])
                        ++wrong;
                }
            });
            threads.last()->start();
        }
        for (QThread *thread : threads) {
            QVERIFY(thread->wait(30000));
            delete thread;
        }
        QCOMPARE(wrong.load(), 0);
        QCOMPARE(shared.remembered(), cases.size());
    }

    void loadsTheMatrixFromTheStore()
    {
        QTemporaryDir dir;
        auto db = store::test::openStore(dir);
        QVERIFY(db);
        store::Server server;
        server.name = u"billing"_s;
        GH_VERIFY_OK(store::ServerRepository(*db).create(server));
        store::Role viewer;
        viewer.name = u"viewer"_s;
        viewer.rules = {allow(u"billing/invoices"_s, u"read"_s)};
        GH_VERIFY_OK(store::RoleRepository(*db).create(viewer));
        store::User bob;
        bob.name = u"bob"_s;
        bob.roles = {u"viewer"_s};
        GH_VERIFY_OK(store::UserRepository(*db).create(bob));
        GH_VERIFY_OK(store::RoleRepository(*db).setUserRules(
            u"bob"_s, {deny(u"billing/invoices"_s, u"read"_s)}));
        auto policy = PermissionPolicy::load(*db);
        GH_VERIFY_OK(policy);
        const Decision d =
            policy->decide(u"bob"_s, tool(u"list_invoices"_s, u"invoices"_s, u"read"_s));
        QVERIFY(!d.allowed);
        QVERIFY2(d.reason.contains(u"user bob: billing/invoices: deny read"_s),
                 qPrintable(d.reason));
    }
};

QTEST_GUILESS_MAIN(TestPermissionPolicy)
#include "TestPermissionPolicy.moc"
