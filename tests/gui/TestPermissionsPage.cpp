// The Permissions page against a real store and a running gateway: a click on a cell becomes a
// rule in the store and changes what the gateway lets a token holder list and call.
#include "../unit/store/StoreTestSupport.h"
#include "MainWindow.h"
#include "McpTestClient.h"
#include "PermissionMatrixView.h"
#include "PermissionsPage.h"
#include "TestSupport.h"
#include "gateway/Gateway.h"
#include "oauth/TokenService.h"
#include "store/RoleRepository.h"
#include "store/ServerRepository.h"
#include "store/UserRepository.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

using namespace gatehouse;
using namespace gatehouse::test;
using namespace Qt::StringLiterals;
using policy::CellState;
using policy::MatrixRow;
using store::Rule;
using ui::PermissionMatrixModel;
using ui::PermissionsPage;

namespace {

constexpr int kWaitMs = 15000;

// A second, small API for the window test: tickets and their comments.
const QByteArray kSupportSpec = "openapi: 3.0.3\n"
                                "info: {title: Support API, version: 1.0.0}\n"
                                "servers: [{url: 'https://support.example.com/api'}]\n"
                                "paths:\n"
                                "  /tickets:\n"
                                "    get: {operationId: listTickets, tags: [tickets], summary: "
                                "List tickets, responses: {'200': {description: OK}}}\n"
                                "    post: {operationId: createTicket, tags: [tickets], summary: "
                                "Open a ticket, responses: {'201': {description: OK}}}\n"
                                "  /tickets/{id}:\n"
                                "    parameters: [{name: id, in: path, required: true, schema: "
                                "{type: string}}]\n"
                                "    get: {operationId: getTicket, tags: [tickets], summary: "
                                "Retrieve a ticket, responses: {'200': {description: OK}}}\n"
                                "    patch: {operationId: updateTicket, tags: [tickets], summary: "
                                "Change a ticket, responses: {'200': {description: OK}}}\n"
                                "    delete: {operationId: closeTicket, tags: [tickets], summary: "
                                "Close a ticket, responses: {'200': {description: OK}}}\n"
                                "  /tickets/{id}/comments:\n"
                                "    parameters: [{name: id, in: path, required: true, schema: "
                                "{type: string}}]\n"
                                "    get: {operationId: listComments, tags: [comments], summary: "
                                "List a ticket's comments, responses: {'200': {description: "
                                "OK}}}\n"
                                "    post: {operationId: addComment, tags: [comments], summary: "
                                "Comment on a ticket, responses: {'201': {description: OK}}}\n";

Rule allow(const QString &target, const QString &action)
{
    return Rule{target, u"allow"_s, action};
}

QStringList toolNames(const nlohmann::json &listed)
{
    QStringList names;
    if (!listed.contains("result"))
        return {u"<no result: "_s + QString::fromStdString(listed.dump()) + u'>'};
    // The spec's tools; meta-tools such as get_tool_schema are listed to everyone.
    const QStringList specTools = {u"list_invoices"_s, u"create_invoice"_s, u"get_invoice"_s,
                                   u"void_invoice"_s, u"get_customer"_s};
    for (const nlohmann::json &tool : listed["result"]["tools"]) {
        const QString name = QString::fromStdString(tool["name"].get<std::string>());
        if (specTools.contains(name))
            names << name;
    }
    names.sort();
    return names;
}

} // namespace

class TestPermissionsPage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<gateway::Gateway> m_gateway;
    std::unique_ptr<oauth::TokenService> m_tokens;
    std::unique_ptr<PermissionsPage> m_page;

    ui::PermissionMatrixView *view() const
    {
        return m_page->findChild<ui::PermissionMatrixView *>(u"permissionMatrix"_s);
    }
    template <typename T>
    T *child(const QString &name) const
    {
        return m_page->findChild<T *>(name);
    }

    QModelIndex cell(MatrixRow::Kind kind, const QString &row, const QString &resource,
                     const QString &action) const
    {
        const auto &matrix = m_page->model().matrix();
        const int r = matrix.rowOf(kind, row);
        const int c = matrix.columnOf(u"billing"_s, resource, action);
        return m_page->model().index(r, c);
    }

    // What bob may list on billing right now, through a real MCP session with his token: the
    // tool names in order, joined by ", ".
    QString bobsTools()
    {
        oauth::TokenService::MintRequest request;
        request.user = u"bob"_s;
        request.server = u"billing"_s;
        auto minted = m_tokens->mint(request, QDateTime::currentDateTimeUtc());
        if (!minted)
            return minted.error().message();
        McpTestSession session(m_gateway->port(), "billing",
                               {Field("Authorization", "Bearer " + minted->token.toLatin1())});
        if (!session.isOpen())
            return u"<no session>"_s;
        return toolNames(session.call("tools/list")).join(u", "_s);
    }

    nlohmann::json bobCalls(const QString &tool, const nlohmann::json &arguments)
    {
        oauth::TokenService::MintRequest request;
        request.user = u"bob"_s;
        request.server = u"billing"_s;
        auto minted = m_tokens->mint(request, QDateTime::currentDateTimeUtc());
        if (!minted)
            return {};
        McpTestSession session(m_gateway->port(), "billing",
                               {Field("Authorization", "Bearer " + minted->token.toLatin1())});
        return session.callTool(tool, arguments);
    }

    QList<Rule> viewerRules()
    {
        auto role = store::RoleRepository(*m_db).get(u"viewer"_s);
        return role ? role->rules : QList<Rule>{Rule{u"<error>"_s, role.error().message(), {}}};
    }

    // Reads the store again after a test changed it directly.
    void reloadPage()
    {
        QSignalSpy loaded(m_page.get(), &PermissionsPage::matrixLoaded);
        m_page->reload();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kWaitMs);
    }

    void clickCell(const QModelIndex &index)
    {
        view()->scrollTo(index);
        const QRect rect = view()->visualRect(index);
        QVERIFY(view()->viewport()->rect().contains(rect.center()));
        QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, rect.center());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = store::test::openStore(m_dir);
        QVERIFY(m_db);
        // A server whose tools come from a small OpenAPI spec: invoices (list, create, get, void)
        // and customers (get). No call in these tests goes upstream.
        store::Server billing;
        billing.name = u"billing"_s;
        billing.openapi = sourceDir() + u"/examples/specs/billing.yaml"_s;
        billing.baseUrl = u"http://127.0.0.1:9/v1"_s;
        GH_VERIFY_OK(store::ServerRepository(*m_db).create(billing));
        GH_VERIFY_OK(store::RoleRepository(*m_db).create(store::Role{u"viewer"_s, {}, {}}));
        store::User bob;
        bob.name = u"bob"_s;
        bob.roles = {u"viewer"_s};
        GH_VERIFY_OK(store::UserRepository(*m_db).create(bob));

        m_gateway = std::make_unique<gateway::Gateway>(m_db.get());
        gateway::ListenOptions listen;
        listen.port = 0;
        listen.workerThreads = 1; // auth mode OAuth, the default: the policy is in force
        GH_VERIFY_OK(m_gateway->start(listen));
        m_tokens = std::make_unique<oauth::TokenService>(*m_db, m_gateway->baseUrl());
    }

    void init()
    {
        // Every test starts from a viewer role that grants nothing and no exceptions.
        GH_VERIFY_OK(store::RoleRepository(*m_db).upsert(
            store::Role{u"viewer"_s, {}, store::Origin::Local}));
        GH_VERIFY_OK(store::RoleRepository(*m_db).setUserRules(u"bob"_s, {}));
        GH_VERIFY_OK(m_gateway->reloadServers());

        m_page = std::make_unique<PermissionsPage>(*m_gateway, *m_db);
        QSignalSpy loaded(m_page.get(), &PermissionsPage::matrixLoaded);
        m_page->resize(1100, 700);
        m_page->show();
        // Showing the page starts the load; the page says so while it runs.
        QVERIFY(m_page->isBusy());
        QVERIFY(child<QWidget>(u"permissionsBusy"_s)->isVisible());
        QVERIFY(!view()->isEnabled());
        m_page->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kWaitMs);
        QVERIFY(!m_page->isBusy());
        QVERIFY(!child<QWidget>(u"permissionsBusy"_s)->isVisible());
        QVERIFY(view()->isEnabled());
    }

    void cleanup() { m_page.reset(); }

    void cleanupTestCase()
    {
        m_gateway.reset();
        m_db.reset();
    }

    void matrixShowsRolesAndGroupedColumns()
    {
        const auto &model = m_page->model();
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.headerData(0, Qt::Vertical).toString(), u"viewer · bob"_s);
        // billing/customers then billing/invoices, each with the four actions.
        QCOMPARE(model.columnCount(), 8);
        QCOMPARE(model.headerData(0, Qt::Horizontal, PermissionMatrixModel::ServerRole).toString(),
                 u"billing"_s);
        QCOMPARE(
            model.headerData(0, Qt::Horizontal, PermissionMatrixModel::ResourceRole).toString(),
            u"customers"_s);
        QCOMPARE(
            model.headerData(4, Qt::Horizontal, PermissionMatrixModel::ResourceRole).toString(),
            u"invoices"_s);
        QCOMPARE(model.headerData(5, Qt::Horizontal).toString(), u"create"_s);
        // Three bands (server, resource, action) need more height than one line of text.
        QVERIFY(view()->horizontalHeader()->height() >= 3 * view()->fontMetrics().height());

        // Hovering a cell names the tools it covers.
        const QString tip = cell(MatrixRow::Kind::Role, u"viewer"_s, u"invoices"_s, u"read"_s)
                                .data(Qt::ToolTipRole)
                                .toString();
        QVERIFY2(tip.contains(u"list_invoices"_s) && tip.contains(u"get_invoice"_s),
                 qPrintable(tip));
        QVERIFY2(!tip.contains(u"create_invoice"_s), qPrintable(tip));
        QVERIFY(!view()->accessibleName().isEmpty());
        QVERIFY(!child<QComboBox>(u"checkUser"_s)->accessibleName().isEmpty());
        QVERIFY(!child<QComboBox>(u"checkTool"_s)->accessibleName().isEmpty());
    }

    // "Bob can read invoices, not create them": one click in the row of Bob's role.
    void clickGrantsInTheStoreAndTheGatewayFollows()
    {
        QCOMPARE(bobsTools(), QString());

        QSignalSpy saved(m_page.get(), &PermissionsPage::changeSaved);
        QSignalSpy reloaded(m_gateway.get(), &gateway::Gateway::reloaded);
        QString stateWhenSaved;
        QObject watcher;
        connect(m_page.get(), &PermissionsPage::changeSaved, &watcher,
                [&] { stateWhenSaved = child<QLabel>(u"saveState"_s)->text(); });
        const QModelIndex read = cell(MatrixRow::Kind::Role, u"viewer"_s, u"invoices"_s, u"read"_s);
        QVERIFY(read.isValid());
        clickCell(read);
        // Shown at once, written in the background.
        QCOMPARE(read.data(PermissionMatrixModel::StateRole).toInt(), int(CellState::Allow));
        QVERIFY(m_page->isBusy());
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kWaitMs);
        QVERIFY(!m_page->isBusy());
        // Saved, then given to the gateway, which reloads in the background: the page says the
        // gateway uses it only once it has.
        QCOMPARE(stateWhenSaved, u"Saving…"_s);
        QTRY_COMPARE_WITH_TIMEOUT(reloaded.count(), 1, kWaitMs);
        QVERIFY(reloaded.at(0).at(0).value<Status>().ok());

        QCOMPARE(viewerRules(), QList<Rule>{allow(u"billing/invoices"_s, u"read"_s)});
        QCOMPARE(bobsTools(), u"get_invoice, list_invoices"_s);
        const nlohmann::json denied =
            bobCalls(u"create_invoice"_s, {{"customer_id", "cus_1"}, {"amount", 5}});
        QVERIFY2(denied.value("isError", false), denied.dump().c_str());
        const std::string text = denied["content"][0]["text"].get<std::string>();
        QVERIFY2(text.find("billing/invoices: create") != std::string::npos, text.c_str());
        const QString state = child<QLabel>(u"saveState"_s)->text();
        QVERIFY2(state.contains(u"running gateway uses it now"_s), qPrintable(state));
        QVERIFY(!child<QWidget>(u"permissionsError"_s)->isVisible());
    }

    void spaceCyclesTheCurrentCell()
    {
        ui::PermissionMatrixView *table = view();
        table->setFocus();
        QVERIFY(table->hasFocus());
        table->setCurrentIndex(cell(MatrixRow::Kind::Role, u"viewer"_s, u"invoices"_s, u"read"_s));
        // Arrow keys move to the next action; Space cycles it.
        QTest::keyClick(table, Qt::Key_Right);
        const QModelIndex create =
            cell(MatrixRow::Kind::Role, u"viewer"_s, u"invoices"_s, u"create"_s);
        QCOMPARE(table->currentIndex(), create);

        QSignalSpy saved(m_page.get(), &PermissionsPage::changeSaved);
        const QList<QList<Rule>> expected = {
            {allow(u"billing/invoices"_s, u"create"_s)},
            {Rule{u"billing/invoices"_s, u"deny"_s, u"create"_s}},
            {},
        };
        const QList<CellState> states = {CellState::Allow, CellState::Deny, CellState::Inherit};
        QStringList icons;
        for (int i = 0; i < expected.size(); ++i) {
            QTest::keyClick(table, Qt::Key_Space);
            QTRY_COMPARE_WITH_TIMEOUT(saved.count(), i + 1, kWaitMs);
            QCOMPARE(viewerRules(), expected.at(i));
            QCOMPARE(create.data(PermissionMatrixModel::StateRole).toInt(), int(states.at(i)));
            // Icon and colour both carry the state.
            const QImage icon =
                create.data(Qt::DecorationRole).value<QIcon>().pixmap(16, 16).toImage();
            QVERIFY(!icon.isNull());
            icons.append(QString::number(qHashBits(icon.constBits(), icon.sizeInBytes())));
            const QVariant background = create.data(Qt::BackgroundRole);
            QCOMPARE(background.isValid(), states.at(i) != CellState::Inherit);
        }
        icons.removeDuplicates();
        QCOMPARE(icons.size(), 3);
        QCOMPARE(bobsTools(), QString());
    }

    void checkAccessShowsTheDecisionAndTheRuleBehindIt()
    {
        GH_VERIFY_OK(store::RoleRepository(*m_db).upsert(store::Role{
            u"viewer"_s, {allow(u"billing/invoices"_s, u"read"_s)}, store::Origin::Local}));
        reloadPage();
        auto *user = child<QComboBox>(u"checkUser"_s);
        auto *tool = child<QComboBox>(u"checkTool"_s);
        auto *check = child<QPushButton>(u"checkButton"_s);
        QVERIFY(check->isEnabled());
        user->setCurrentIndex(user->findText(u"bob"_s));
        QVERIFY(user->currentIndex() >= 0);
        tool->setCurrentIndex(tool->findData(QStringList{u"billing"_s, u"create_invoice"_s}));
        QVERIFY(tool->currentIndex() >= 0);
        QVERIFY2(tool->currentText().startsWith(u"billing.create_invoice"_s),
                 qPrintable(tool->currentText()));

        QSignalSpy checked(m_page.get(), &PermissionsPage::accessChecked);
        QTest::mouseClick(check, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(checked.count(), 1, kWaitMs);
        const QString verdict = child<QLabel>(u"checkVerdict"_s)->text();
        const QString details = child<QLabel>(u"checkDetails"_s)->text();
        QCOMPARE(verdict,
                 u"Denied: bob may not create invoices on billing (tool create_invoice)."_s);
        QVERIFY2(details.contains(u"role viewer has billing/invoices: read only"_s),
                 qPrintable(details));
        QVERIFY2(details.contains(u"grant billing/invoices: create to bob"_s), qPrintable(details));

        // From the keyboard: the button's mnemonic (Alt+H) checks the tool chosen.
        tool->setFocus();
        tool->setCurrentIndex(tool->findData(QStringList{u"billing"_s, u"list_invoices"_s}));
        QTest::keyClick(m_page.get(), Qt::Key_H, Qt::AltModifier);
        QTRY_COMPARE_WITH_TIMEOUT(checked.count(), 2, kWaitMs);
        QCOMPARE(child<QLabel>(u"checkVerdict"_s)->text(),
                 u"Allowed: bob may read invoices on billing (tool list_invoices)."_s);
        QVERIFY2(child<QLabel>(u"checkDetails"_s)
                     ->text()
                     .contains(u"allowed by role viewer: billing/invoices: allow read"_s),
                 qPrintable(child<QLabel>(u"checkDetails"_s)->text()));

        // A change in the matrix updates the decision shown.
        QSignalSpy saved(m_page.get(), &PermissionsPage::changeSaved);
        clickCell(cell(MatrixRow::Kind::Role, u"viewer"_s, u"invoices"_s, u"read"_s)); // -> deny
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(u"checkVerdict"_s)->text().startsWith(u"Denied"_s),
                                 kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(
            child<QLabel>(u"checkDetails"_s)
                ->text()
                .contains(u"denied by role viewer: billing/invoices: deny read"_s),
            kWaitMs);
    }

    void userExceptionOverridesTheRole()
    {
        GH_VERIFY_OK(store::RoleRepository(*m_db).upsert(store::Role{
            u"viewer"_s, {allow(u"billing/invoices"_s, u"read"_s)}, store::Origin::Local}));
        GH_VERIFY_OK(m_gateway->reloadServers());
        reloadPage();
        QCOMPARE(bobsTools(), u"get_invoice, list_invoices"_s);

        auto *add = child<QPushButton>(u"addExceptionButton"_s);
        QVERIFY(add->isEnabled() && add->menu());
        Q_EMIT add->menu()->aboutToShow();
        QAction *bob = nullptr;
        for (QAction *action : add->menu()->actions())
            if (action->text() == u"bob"_s)
                bob = action;
        QVERIFY(bob);
        bob->trigger();
        const QModelIndex read = cell(MatrixRow::Kind::User, u"bob"_s, u"invoices"_s, u"read"_s);
        QVERIFY(read.isValid());
        QVERIFY(view()->hasFocus());

        // Allow, then deny: his own deny wins over his role's allow.
        QSignalSpy saved(m_page.get(), &PermissionsPage::changeSaved);
        clickCell(read);
        clickCell(read);
        const QList<Rule> ownDeny = {Rule{u"billing/invoices"_s, u"deny"_s, u"read"_s}};
        QTRY_COMPARE_WITH_TIMEOUT(store::RoleRepository(*m_db).userRules(u"bob"_s).value(), ownDeny,
                                  kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy(), kWaitMs);
        QCOMPARE(read.data(PermissionMatrixModel::StateRole).toInt(), int(CellState::Deny));
        // Both clicks are given to the gateway in one background reload.
        QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(u"saveState"_s)->text(),
                                  u"Saved. The running gateway uses it now."_s, kWaitMs);
        QCOMPARE(bobsTools(), QString());
    }

    void aFailedWriteIsExplainedOnThePage()
    {
        GH_VERIFY_OK(store::RoleRepository(*m_db).create(store::Role{u"temp"_s, {}, {}}));
        reloadPage();
        const QModelIndex read = cell(MatrixRow::Kind::Role, u"temp"_s, u"invoices"_s, u"read"_s);
        QVERIFY(read.isValid());
        // Removed behind the page's back: the write cannot find the role.
        GH_VERIFY_OK(store::RoleRepository(*m_db).remove(u"temp"_s));

        QSignalSpy failed(m_page.get(), &PermissionsPage::changeFailed);
        QSignalSpy loaded(m_page.get(), &PermissionsPage::matrixLoaded);
        clickCell(read);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
        auto *error = child<QLabel>(u"permissionsError"_s);
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), kWaitMs);
        QVERIFY2(error->text().contains(u"role temp was not saved"_s), qPrintable(error->text()));
        QVERIFY2(error->text().contains(u"There is no role named 'temp'"_s),
                 qPrintable(error->text()));
        QVERIFY2(error->text().contains(u"make the change again"_s), qPrintable(error->text()));
        // The page reads the store again: the row is gone, the explanation stays.
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kWaitMs);
        QVERIFY(error->isVisible());
        QCOMPARE(m_page->model().matrix().rowOf(MatrixRow::Kind::Role, u"temp"_s), -1);
    }

    // The page as the owner sees it in the window, with a few roles, two servers and exceptions:
    // both states show in colour. With GATEHOUSE_SCREENSHOT_DIR set, the window is also saved as
    // permissions.png there (run under Xvfb with QT_QPA_PLATFORM=xcb to see the real style).
    void rendersInTheWindowAt1280x800()
    {
        const QString specPath = m_dir.filePath(u"support.yaml"_s);
        QFile spec(specPath);
        QVERIFY(spec.open(QIODevice::WriteOnly));
        spec.write(kSupportSpec);
        spec.close();
        store::Server support;
        support.name = u"support"_s;
        support.openapi = specPath;
        GH_VERIFY_OK(store::ServerRepository(*m_db).create(support));
        const auto rules = [](const QString &target, const QStringList &actions,
                              const QString &effect = u"allow"_s) {
            QList<Rule> list;
            for (const QString &action : actions)
                list.append(Rule{target, effect, action});
            return list;
        };
        store::RoleRepository roles(*m_db);
        GH_VERIFY_OK(roles.upsert(store::Role{u"viewer"_s,
                                              rules(u"billing/invoices"_s, {u"read"_s}) +
                                                  rules(u"billing/customers"_s, {u"read"_s}) +
                                                  rules(u"support/tickets"_s, {u"read"_s}),
                                              store::Origin::Local}));
        GH_VERIFY_OK(roles.create(
            store::Role{u"clerk"_s,
                        rules(u"billing/invoices"_s, {u"read"_s, u"create"_s, u"update"_s}) +
                            rules(u"billing/invoices"_s, {u"delete"_s}, u"deny"_s) +
                            rules(u"billing/customers"_s, {u"read"_s}),
                        store::Origin::Local}));
        GH_VERIFY_OK(roles.create(
            store::Role{u"support-agent"_s,
                        rules(u"support/tickets"_s, {u"read"_s, u"create"_s, u"update"_s}) +
                            rules(u"support/comments"_s, {u"read"_s, u"create"_s}),
                        store::Origin::Local}));
        store::UserRepository users(*m_db);
        const QList<std::pair<QString, QStringList>> people = {
            {u"carol"_s, {u"clerk"_s}},
            {u"dave"_s, {u"clerk"_s, u"support-agent"_s}},
            {u"erin"_s, {u"support-agent"_s}}};
        for (const auto &[name, held] : people) {
            store::User user;
            user.name = name;
            user.roles = held;
            GH_VERIFY_OK(users.create(user));
        }
        GH_VERIFY_OK(roles.setUserRules(u"erin"_s, rules(u"support/tickets"_s, {u"delete"_s})));
        GH_VERIFY_OK(
            roles.setUserRules(u"carol"_s, rules(u"billing/invoices"_s, {u"update"_s}, u"deny"_s)));
        m_page.reset();

        gateway::ListenOptions listen;
        listen.port = 0;
        ui::MainWindow window(*m_gateway, *m_db, listen);
        window.resize(1280, 800);
        auto *page =
            qobject_cast<PermissionsPage *>(window.page(ui::MainWindow::Page::Permissions));
        QVERIFY(page);
        QSignalSpy loaded(page, &PermissionsPage::matrixLoaded);
        window.show();
        window.showPage(ui::MainWindow::Page::Permissions);
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1 && !page->isBusy(), kWaitMs);
        QCOMPARE(page->model().rowCount(), 5); // three roles, carol and erin
        QCOMPARE(page->model().columnCount(), 16);

        auto *user = page->findChild<QComboBox *>(u"checkUser"_s);
        auto *tool = page->findChild<QComboBox *>(u"checkTool"_s);
        user->setCurrentIndex(user->findText(u"bob"_s));
        tool->setCurrentIndex(tool->findData(QStringList{u"billing"_s, u"create_invoice"_s}));
        QSignalSpy checked(page, &PermissionsPage::accessChecked);
        page->checkAccess();
        QTRY_COMPARE_WITH_TIMEOUT(checked.count(), 1, kWaitMs);
        auto *table = page->findChild<ui::PermissionMatrixView *>(u"permissionMatrix"_s);
        table->setFocus();
        table->setCurrentIndex(page->model().index(0, 0));
        QTest::qWait(50);

        const QImage shot = window.grab().toImage().convertToFormat(QImage::Format_RGB32);
        QVERIFY(!shot.isNull());
        if (const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(shot.save(QDir(dir).filePath(u"permissions.png"_s)));
        // Every column fits: the table needs no horizontal scrolling at this size.
        QVERIFY(!table->horizontalScrollBar()->isVisible());
        const auto shows = [&shot](QColor colour) {
            for (int y = 0; y < shot.height(); y += 1)
                for (int x = 0; x < shot.width(); x += 1) {
                    const QColor c = shot.pixelColor(x, y);
                    if (qAbs(c.red() - colour.red()) + qAbs(c.green() - colour.green()) +
                            qAbs(c.blue() - colour.blue()) <
                        24)
                        return true;
                }
            return false;
        };
        QVERIFY(shows(QColor(0x2e, 0x9b, 0x5f))); // the allow icon
        QVERIFY(shows(QColor(0xc8, 0x37, 0x2d))); // the deny icon

        window.close();
        for (const auto &person : people)
            GH_VERIFY_OK(users.remove(person.first));
        GH_VERIFY_OK(roles.remove(u"clerk"_s));
        GH_VERIFY_OK(roles.remove(u"support-agent"_s));
        GH_VERIFY_OK(store::ServerRepository(*m_db).remove(u"support"_s));
    }
};

QTEST_MAIN(TestPermissionsPage)
#include "TestPermissionsPage.moc"
