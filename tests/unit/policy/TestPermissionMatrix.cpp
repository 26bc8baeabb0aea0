#include "../store/StoreTestSupport.h"
#include "policy/PermissionMatrix.h"
#include "store/RoleRepository.h"
#include "store/UserRepository.h"

#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::policy;
using namespace Qt::StringLiterals;
using store::Rule;
using Kind = MatrixRow::Kind;

Q_DECLARE_METATYPE(QList<gatehouse::store::Rule>)
Q_DECLARE_METATYPE(gatehouse::policy::CellState)

namespace {

Rule allow(const QString &target, const QString &action = u"*"_s)
{
    return Rule{target, u"allow"_s, action};
}
Rule deny(const QString &target, const QString &action = u"*"_s)
{
    return Rule{target, u"deny"_s, action};
}

MatrixTool tool(const QString &server, const QString &name, const QString &resource,
                const QString &action)
{
    return MatrixTool{ToolIdentity{server, name, name, resource, action}, name};
}

// The tools of examples/specs/billing.yaml as the catalog names them, and a second server.
QList<ServerTools> exampleTools()
{
    ServerTools billing;
    billing.server = u"billing"_s;
    billing.tools = {tool(u"billing"_s, u"list_invoices"_s, u"invoices"_s, u"read"_s),
                     tool(u"billing"_s, u"create_invoice"_s, u"invoices"_s, u"create"_s),
                     tool(u"billing"_s, u"get_invoice"_s, u"invoices"_s, u"read"_s),
                     tool(u"billing"_s, u"void_invoice"_s, u"invoices"_s, u"delete"_s),
                     tool(u"billing"_s, u"get_customer"_s, u"customers"_s, u"read"_s)};
    ServerTools crm;
    crm.server = u"crm"_s;
    crm.tools = {tool(u"crm"_s, u"list_contacts"_s, u"contacts"_s, u"read"_s)};
    return {crm, billing}; // out of order on purpose: servers are shown in name order
}

ToolIdentity identity(const QList<ServerTools> &servers, const QString &name)
{
    for (const ServerTools &s : servers)
        for (const MatrixTool &t : s.tools)
            if (t.identity.name == name)
                return t.identity;
    qFatal("no tool %s", qPrintable(name));
}

} // namespace

class TestPermissionMatrix : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;
    int m_storeCount = 0;

    // A fresh store: roles viewer (nothing yet) and clerk, users bob (viewer, with an exception),
    // alice (clerk) and erin (disabled).
    void freshStore()
    {
        m_db = store::test::openStore(m_dir, -1, u"store%1.db"_s.arg(++m_storeCount));
        QVERIFY(m_db);
        store::RoleRepository roles(*m_db);
        GH_VERIFY_OK(roles.create(store::Role{u"viewer"_s, {}, store::Origin::Local}));
        GH_VERIFY_OK(roles.create(
            store::Role{u"clerk"_s,
                        {allow(u"billing/invoices"_s), deny(u"billing/invoices"_s, u"delete"_s),
                         allow(u"billing/customers"_s, u"read"_s), deny(u"billing.void_invoice"_s)},
                        store::Origin::Local}));
        store::UserRepository users(*m_db);
        store::User bob;
        bob.name = u"bob"_s;
        bob.roles = {u"viewer"_s};
        GH_VERIFY_OK(users.create(bob));
        store::User alice;
        alice.name = u"alice"_s;
        alice.roles = {u"clerk"_s};
        GH_VERIFY_OK(users.create(alice));
        store::User erin;
        erin.name = u"erin"_s;
        erin.roles = {u"clerk"_s};
        erin.disabled = true;
        GH_VERIFY_OK(users.create(erin));
        GH_VERIFY_OK(roles.setUserRules(u"bob"_s, {allow(u"billing/refunds"_s, u"read"_s)}));
    }

    PermissionMatrix loaded()
    {
        auto matrix = PermissionMatrix::load(*m_db, exampleTools());
        if (!matrix)
            qFatal("%s", qPrintable(matrix.error().message()));
        return std::move(matrix).value();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void init() { freshStore(); }

    void columnsAreGroupedByServerResourceAndAction()
    {
        const PermissionMatrix matrix = loaded();
        QStringList seen;
        for (const MatrixColumn &c : matrix.columns())
            seen.append(c.target() + u':' + c.action);
        // Servers and resources in name order, the four actions in theirs; billing/refunds has
        // no tool but a rule of bob's names it, so its cells are there to take the rule back.
        QStringList expected;
        for (const QString &target : {u"billing/customers"_s, u"billing/invoices"_s,
                                      u"billing/refunds"_s, u"crm/contacts"_s})
            for (const QString &action : {u"read"_s, u"create"_s, u"update"_s, u"delete"_s})
                expected.append(target + u':' + action);
        QCOMPARE(seen, expected);

        const int read = matrix.columnOf(u"billing"_s, u"invoices"_s, u"read"_s);
        QCOMPARE(matrix.columns().at(read).tools,
                 QStringList({u"list_invoices"_s, u"get_invoice"_s}));
        QCOMPARE(
            matrix.columns().at(matrix.columnOf(u"billing"_s, u"invoices"_s, u"update"_s)).tools,
            QStringList());
        QVERIFY(matrix.columns()
                    .at(matrix.columnOf(u"billing"_s, u"refunds"_s, u"read"_s))
                    .tools.isEmpty());
        QCOMPARE(matrix.columnOf(u"billing"_s, u"payments"_s, u"read"_s), -1);
    }

    void rowsAreRolesThenUsersWithExceptions()
    {
        PermissionMatrix matrix = loaded();
        QStringList rows;
        for (const MatrixRow &row : matrix.rows())
            rows.append((row.kind == Kind::Role ? u"role "_s : u"user "_s) + row.name);
        QCOMPARE(rows, QStringList({u"role clerk"_s, u"role viewer"_s, u"user bob"_s}));
        QCOMPARE(matrix.rows().at(2).roles, QStringList{u"viewer"_s});
        QCOMPARE(matrix.users(), QStringList({u"alice"_s, u"bob"_s, u"erin"_s}));
        QCOMPARE(matrix.usersWithoutExceptions(), QStringList({u"alice"_s, u"erin"_s}));
        QCOMPARE(matrix.usersOf(u"clerk"_s), QStringList({u"alice"_s, u"erin"_s}));
        QCOMPARE(matrix.usersOf(u"viewer"_s), QStringList{u"bob"_s});

        // An exception row for alice starts empty; she is then no longer offered.
        const int row = matrix.addUserRow(u"alice"_s);
        QCOMPARE(row, 3);
        QCOMPARE(matrix.rows().at(row).kind, Kind::User);
        QVERIFY(matrix.rows().at(row).rules.isEmpty());
        QCOMPARE(matrix.addUserRow(u"alice"_s), row);
        QCOMPARE(matrix.addUserRow(u"nobody"_s), -1);
        QCOMPARE(matrix.usersWithoutExceptions(), QStringList{u"erin"_s});
    }

    void cellsReadTheRowsResourceRules()
    {
        const PermissionMatrix matrix = loaded();
        const int clerk = matrix.rowOf(Kind::Role, u"clerk"_s);
        const int viewer = matrix.rowOf(Kind::Role, u"viewer"_s);
        const int bob = matrix.rowOf(Kind::User, u"bob"_s);
        const auto column = [&](const QString &resource, const QString &action) {
            return matrix.columnOf(u"billing"_s, resource, action);
        };
        // "billing/invoices: allow" (every action) with a deny for delete: deny wins there.
        QCOMPARE(matrix.cell(clerk, column(u"invoices"_s, u"read"_s)), CellState::Allow);
        QCOMPARE(matrix.cell(clerk, column(u"invoices"_s, u"update"_s)), CellState::Allow);
        QCOMPARE(matrix.cell(clerk, column(u"invoices"_s, u"delete"_s)), CellState::Deny);
        QCOMPARE(matrix.cell(clerk, column(u"customers"_s, u"read"_s)), CellState::Allow);
        QCOMPARE(matrix.cell(clerk, column(u"customers"_s, u"create"_s)), CellState::Inherit);
        QCOMPARE(matrix.cell(viewer, column(u"invoices"_s, u"read"_s)), CellState::Inherit);
        QCOMPARE(matrix.cell(bob, column(u"refunds"_s, u"read"_s)), CellState::Allow);
        QCOMPARE(matrix.cell(bob, -1), CellState::Inherit);

        // A rule on a single tool is not a cell, but is named where it applies.
        QCOMPARE(matrix.toolRules(clerk, column(u"invoices"_s, u"delete"_s)),
                 QList<Rule>{deny(u"billing.void_invoice"_s)});
        QVERIFY(matrix.toolRules(clerk, column(u"invoices"_s, u"read"_s)).isEmpty());
    }

    void aClickCyclesAllowDenyInherit()
    {
        QCOMPARE(PermissionMatrix::next(CellState::Allow), CellState::Deny);
        QCOMPARE(PermissionMatrix::next(CellState::Deny), CellState::Inherit);
        QCOMPARE(PermissionMatrix::next(CellState::Inherit), CellState::Allow);
    }

    void withCell_data()
    {
        QTest::addColumn<QList<Rule>>("rules");
        QTest::addColumn<QString>("action");
        QTest::addColumn<CellState>("state");
        QTest::addColumn<QList<Rule>>("expected");
        const QString invoices = u"billing/invoices"_s;
        const Rule other = allow(u"billing/customers"_s, u"read"_s);
        const Rule toolRule = deny(u"billing.void_invoice"_s);

        QTest::newRow("grant to nothing") << QList<Rule>{} << u"read"_s << CellState::Allow
                                          << QList<Rule>{allow(invoices, u"read"_s)};
        QTest::newRow("allow becomes deny, other rules kept")
            << QList<Rule>{other, allow(invoices, u"read"_s), toolRule} << u"read"_s
            << CellState::Deny << QList<Rule>{other, toolRule, deny(invoices, u"read"_s)};
        QTest::newRow("deny becomes inherit")
            << QList<Rule>{deny(invoices, u"read"_s), allow(invoices, u"create"_s)} << u"read"_s
            << CellState::Inherit << QList<Rule>{allow(invoices, u"create"_s)};
        QTest::newRow("allow and deny both go")
            << QList<Rule>{allow(invoices, u"read"_s), deny(invoices, u"read"_s)} << u"read"_s
            << CellState::Allow << QList<Rule>{allow(invoices, u"read"_s)};
        QTest::newRow("a whole-resource rule is split")
            << QList<Rule>{allow(invoices)} << u"delete"_s << CellState::Deny
            << QList<Rule>{allow(invoices, u"read"_s), allow(invoices, u"create"_s),
                           allow(invoices, u"update"_s), deny(invoices, u"delete"_s)};
        QTest::newRow("split without duplicates")
            << QList<Rule>{allow(invoices, u"read"_s), allow(invoices)} << u"create"_s
            << CellState::Inherit
            << QList<Rule>{allow(invoices, u"read"_s), allow(invoices, u"update"_s),
                           allow(invoices, u"delete"_s)};
    }
    void withCell()
    {
        QFETCH(QList<Rule>, rules);
        QFETCH(QString, action);
        QFETCH(CellState, state);
        QFETCH(QList<Rule>, expected);
        const QList<Rule> changed =
            PermissionMatrix::withCell(rules, u"billing/invoices"_s, action, state);
        QCOMPARE(changed, expected);
        QCOMPARE(PermissionMatrix::stateOf(changed, u"billing/invoices"_s, action), state);
    }

    // "Bob can read invoices, not create them" is one cell in the row of Bob's role.
    void aCellWriteIsAGrantInTheStore()
    {
        const QList<ServerTools> tools = exampleTools();
        {
            const PermissionMatrix before = loaded();
            QVERIFY(
                !before.explain(u"bob"_s, identity(tools, u"list_invoices"_s)).decision.allowed);
        }
        auto stored = PermissionMatrix::writeCell(
            *m_db, Kind::Role, u"viewer"_s, u"billing/invoices"_s, u"read"_s, CellState::Allow);
        GH_VERIFY_OK(stored);
        QCOMPARE(*stored, QList<Rule>{allow(u"billing/invoices"_s, u"read"_s)});
        auto role = store::RoleRepository(*m_db).get(u"viewer"_s);
        GH_VERIFY_OK(role);
        QCOMPARE(role->rules, QList<Rule>{allow(u"billing/invoices"_s, u"read"_s)});

        const PermissionMatrix after = loaded();
        QCOMPARE(after.cell(after.rowOf(Kind::Role, u"viewer"_s),
                            after.columnOf(u"billing"_s, u"invoices"_s, u"read"_s)),
                 CellState::Allow);
        const AccessExplanation read = after.explain(u"bob"_s, identity(tools, u"get_invoice"_s));
        QVERIFY(read.decision.allowed);
        QCOMPARE(read.verdict, u"Allowed: bob may read invoices on billing (tool get_invoice)."_s);
        QVERIFY(read.advice.isEmpty());

        const AccessExplanation create =
            after.explain(u"bob"_s, identity(tools, u"create_invoice"_s));
        QVERIFY(!create.decision.allowed);
        QCOMPARE(create.verdict,
                 u"Denied: bob may not create invoices on billing (tool create_invoice)."_s);
        QCOMPARE(create.held, QStringList({u"user bob has nothing on billing/invoices"_s,
                                           u"role viewer has billing/invoices: read only"_s}));
        QCOMPARE(create.advice, u"To allow it, grant billing/invoices: create to bob or to one "
                                u"of their roles (viewer)."_s);
    }

    void writesReadTheStoreAsItIsNow()
    {
        // Two writes from a matrix loaded once: the second keeps the first.
        GH_VERIFY_OK(PermissionMatrix::writeCell(
            *m_db, Kind::Role, u"viewer"_s, u"billing/invoices"_s, u"read"_s, CellState::Allow));
        GH_VERIFY_OK(PermissionMatrix::writeCell(
            *m_db, Kind::Role, u"viewer"_s, u"billing/invoices"_s, u"create"_s, CellState::Deny));
        auto role = store::RoleRepository(*m_db).get(u"viewer"_s);
        GH_VERIFY_OK(role);
        QCOMPARE(role->rules, QList<Rule>({allow(u"billing/invoices"_s, u"read"_s),
                                           deny(u"billing/invoices"_s, u"create"_s)}));
        QCOMPARE(role->origin, store::Origin::Local);

        // Back to inherit leaves the role with no rule on that action.
        GH_VERIFY_OK(PermissionMatrix::writeCell(*m_db, Kind::Role, u"viewer"_s,
                                                 u"billing/invoices"_s, u"create"_s,
                                                 CellState::Inherit));
        role = store::RoleRepository(*m_db).get(u"viewer"_s);
        QCOMPARE(role->rules, QList<Rule>{allow(u"billing/invoices"_s, u"read"_s)});
    }

    void userExceptionsAreTheUsersOwnRules()
    {
        const QList<ServerTools> tools = exampleTools();
        // alice's clerk role lets her create invoices; her own deny overrides it.
        auto stored = PermissionMatrix::writeCell(
            *m_db, Kind::User, u"alice"_s, u"billing/invoices"_s, u"create"_s, CellState::Deny);
        GH_VERIFY_OK(stored);
        auto own = store::RoleRepository(*m_db).userRules(u"alice"_s);
        GH_VERIFY_OK(own);
        QCOMPARE(*own, QList<Rule>{deny(u"billing/invoices"_s, u"create"_s)});

        const PermissionMatrix matrix = loaded();
        QVERIFY(matrix.rowOf(Kind::User, u"alice"_s) >= 0);
        const AccessExplanation e =
            matrix.explain(u"alice"_s, identity(tools, u"create_invoice"_s));
        QVERIFY(!e.decision.allowed);
        QVERIFY2(e.decision.reason.contains(u"user alice: billing/invoices: deny create"_s),
                 qPrintable(e.decision.reason));
        QVERIFY(e.held.isEmpty());
        QVERIFY2(e.advice.contains(u"grant billing/invoices: create to alice instead of denying"_s),
                 qPrintable(e.advice));
        QVERIFY(matrix.explain(u"alice"_s, identity(tools, u"list_invoices"_s)).decision.allowed);

        // Inherit again: no own rules left, the role decides.
        GH_VERIFY_OK(PermissionMatrix::writeCell(
            *m_db, Kind::User, u"alice"_s, u"billing/invoices"_s, u"create"_s, CellState::Inherit));
        own = store::RoleRepository(*m_db).userRules(u"alice"_s);
        QVERIFY(own->isEmpty());
        QVERIFY(
            loaded().explain(u"alice"_s, identity(tools, u"create_invoice"_s)).decision.allowed);
    }

    void writesToUnknownRowsSayWhy()
    {
        auto role = PermissionMatrix::writeCell(*m_db, Kind::Role, u"ghost"_s,
                                                u"billing/invoices"_s, u"read"_s, CellState::Allow);
        QVERIFY(!role);
        QCOMPARE(role.error().code(), ErrorCode::NotFound);
        QVERIFY2(role.error().message().contains(u"ghost"_s), qPrintable(role.error().message()));
        auto user = PermissionMatrix::writeCell(*m_db, Kind::User, u"ghost"_s,
                                                u"billing/invoices"_s, u"read"_s, CellState::Allow);
        QVERIFY(!user);
        QCOMPARE(user.error().code(), ErrorCode::NotFound);
        auto action = PermissionMatrix::writeCell(*m_db, Kind::Role, u"viewer"_s,
                                                  u"billing/invoices"_s, u"*"_s, CellState::Allow);
        QVERIFY(!action);
        QCOMPARE(action.error().code(), ErrorCode::InvalidArgument);
        // Nothing was written.
        QVERIFY(store::RoleRepository(*m_db).get(u"viewer"_s)->rules.isEmpty());
    }

    void explanationsSayWhatToChange()
    {
        const QList<ServerTools> tools = exampleTools();
        PermissionMatrix matrix = loaded();

        // A role's deny: take it off, or give the user an exception.
        const AccessExplanation voided =
            matrix.explain(u"alice"_s, identity(tools, u"void_invoice"_s));
        QVERIFY(!voided.decision.allowed);
        QVERIFY2(voided.advice.contains(u"take the deny off role clerk"_s),
                 qPrintable(voided.advice));
        QVERIFY(voided.held.isEmpty());

        const AccessExplanation unknown =
            matrix.explain(u"nobody"_s, identity(tools, u"list_invoices"_s));
        QVERIFY(!unknown.decision.allowed);
        QVERIFY2(unknown.verdict.contains(u"not known"_s), qPrintable(unknown.verdict));
        QVERIFY2(unknown.advice.contains(u"nobody"_s), qPrintable(unknown.advice));

        const AccessExplanation disabled =
            matrix.explain(u"erin"_s, identity(tools, u"list_invoices"_s));
        QVERIFY(!disabled.decision.allowed);
        QVERIFY2(disabled.verdict.contains(u"disabled"_s), qPrintable(disabled.verdict));
        QVERIFY2(disabled.advice.contains(u"Enable erin"_s), qPrintable(disabled.advice));

        // A token's scopes narrow what the grants allow.
        const AccessExplanation scoped = matrix.explain(
            u"alice"_s, identity(tools, u"create_invoice"_s), QStringList{u"billing:read"_s});
        QVERIFY(!scoped.decision.allowed);
        QCOMPARE(scoped.advice, u"The token would need the scope billing:create."_s);

        // The in-memory matrix follows a row change (the page shows it before reloading).
        const int viewer = matrix.rowOf(Kind::Role, u"viewer"_s);
        matrix.setRowRules(viewer, {allow(u"billing/invoices"_s, u"create"_s)});
        QVERIFY(matrix.explain(u"bob"_s, identity(tools, u"create_invoice"_s)).decision.allowed);
        QCOMPARE(matrix.cell(viewer, matrix.columnOf(u"billing"_s, u"invoices"_s, u"create"_s)),
                 CellState::Allow);
    }
};

QTEST_GUILESS_MAIN(TestPermissionMatrix)
#include "TestPermissionMatrix.moc"
