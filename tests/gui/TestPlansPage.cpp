// The Plans & quotas page against a real store and a running gateway: a plan edited on the page
// changes the limit the gateway enforces, users are put on plans in place, a plan users are on
// cannot be deleted, and this month's use shows as bars against the limits.
#include "../unit/store/StoreTestSupport.h"
#include "MainWindow.h"
#include "McpTestClient.h"
#include "PlanChoiceDelegate.h"
#include "PlanDialog.h"
#include "PlansPage.h"
#include "TestSupport.h"
#include "UsageBarDelegate.h"
#include "gateway/Gateway.h"
#include "http/Request.h"
#include "http/Responder.h"
#include "http/Response.h"
#include "http/Server.h"
#include "oauth/TokenService.h"
#include "store/PlanRepository.h"
#include "store/RoleRepository.h"
#include "store/ServerRepository.h"
#include "store/UsageRepository.h"
#include "store/UserRepository.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

using namespace gatehouse;
using namespace gatehouse::test;
using namespace Qt::StringLiterals;
using store::Plan;
using ui::PlanDialog;
using ui::PlansPage;

namespace {

constexpr int kWaitMs = 15000;

class Upstream
{
public:
    Upstream()
    {
        http::ServerOptions options;
        options.workerThreads = 1;
        m_server = std::make_unique<http::Server>(options);
        m_server->setHandler([](const http::Request &, std::shared_ptr<http::Responder> responder) {
            responder->respond(http::Response::json(200, "{\"id\":\"in_1\",\"status\":\"open\"}"));
        });
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0).ok());
    }
    QString baseUrl() const { return u"http://127.0.0.1:%1/v1"_s.arg(m_server->serverPort()); }

private:
    std::unique_ptr<http::Server> m_server;
};

QByteArray callBody(int id)
{
    const nlohmann::json message = {
        {"jsonrpc", "2.0"},
        {"id", id},
        {"method", "tools/call"},
        {"params", {{"name", "get_invoice"}, {"arguments", {{"invoice_id", "in_1"}}}}}};
    return QByteArray::fromStdString(message.dump());
}

} // namespace

class TestPlansPage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<Upstream> m_upstream;
    std::unique_ptr<gateway::Gateway> m_gateway;
    std::unique_ptr<oauth::TokenService> m_tokens;
    std::unique_ptr<PlansPage> m_page;

    template <typename T>
    T *child(const QString &name) const
    {
        return m_page->findChild<T *>(name);
    }
    QTableView *table(const QString &name) const { return child<QTableView>(name); }

    std::unique_ptr<McpTestSession> sessionOf(const QString &user)
    {
        oauth::TokenService::MintRequest request;
        request.user = user;
        request.server = u"billing"_s;
        auto minted = m_tokens->mint(request, QDateTime::currentDateTimeUtc());
        if (!minted)
            return nullptr;
        return std::make_unique<McpTestSession>(
            m_gateway->port(), "billing",
            QList<Field>{Field("Authorization", "Bearer " + minted->token.toLatin1())});
    }

    void addUser(const QString &name, std::optional<QString> plan)
    {
        store::User user;
        user.name = name;
        user.roles = {u"clerk"_s};
        user.plan = plan;
        GH_VERIFY_OK(store::UserRepository(*m_db).create(user));
    }

    int rowOf(const QString &tableName, const QString &text, int column = 0) const
    {
        QAbstractItemModel *model = table(tableName)->model();
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->index(row, column).data(Qt::UserRole).toString() == text ||
                model->index(row, column).data().toString() == text)
                return row;
        return -1;
    }

    void reloadPage()
    {
        QSignalSpy loaded(m_page.get(), &PlansPage::overviewLoaded);
        m_page->reload();
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1 && !m_page->isBusy(), kWaitMs);
    }

    void selectPlan(const QString &name)
    {
        QTableView *plans = table(u"planTable"_s);
        const int row = rowOf(u"planTable"_s, name);
        QVERIFY2(row >= 0, qPrintable(name));
        plans->setFocus();
        plans->setCurrentIndex(plans->model()->index(row, 0));
    }

    void clickSave(PlanDialog *dialog)
    {
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        QVERIFY(buttons);
        QPushButton *save = buttons->button(QDialogButtonBox::Save);
        QVERIFY(save && save->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);
    }

    // Types into a spin box as a person would: everything selected, then the digits.
    static void typeInto(QAbstractSpinBox *box, const QString &text)
    {
        box->setFocus();
        box->selectAll();
        QTest::keyClicks(box, text);
        box->interpretText();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = store::test::openStore(m_dir);
        QVERIFY(m_db);
        m_upstream = std::make_unique<Upstream>();
        store::Server billing;
        billing.name = u"billing"_s;
        billing.openapi = sourceDir() + u"/examples/specs/billing.yaml"_s;
        billing.baseUrl = m_upstream->baseUrl();
        GH_VERIFY_OK(store::ServerRepository(*m_db).create(billing));
        GH_VERIFY_OK(store::RoleRepository(*m_db).create(store::Role{
            u"clerk"_s, {store::Rule{u"billing/invoices"_s, u"allow"_s, u"read"_s}}, {}}));
        store::PlanRepository plans(*m_db);
        GH_VERIFY_OK(plans.create(Plan{u"starter"_s, 100, std::nullopt, std::nullopt, {}}));
        GH_VERIFY_OK(plans.create(Plan{u"team"_s, 10000, 120, 50.0, {}}));
        addUser(u"quinn"_s, u"starter"_s);
        addUser(u"olga"_s, u"starter"_s);
        addUser(u"pat"_s, std::nullopt);

        m_gateway = std::make_unique<gateway::Gateway>(m_db.get());
        gateway::ListenOptions listen;
        listen.port = 0;
        listen.workerThreads = 1;
        GH_VERIFY_OK(m_gateway->start(listen));
        m_tokens = std::make_unique<oauth::TokenService>(*m_db, m_gateway->baseUrl());
    }

    void init()
    {
        m_page = std::make_unique<PlansPage>(*m_gateway, *m_db);
        QSignalSpy loaded(m_page.get(), &PlansPage::overviewLoaded);
        m_page->resize(1100, 700);
        m_page->show();
        QVERIFY(m_page->isBusy());
        m_page->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kWaitMs);
        QVERIFY(!m_page->isBusy());
    }

    void cleanup() { m_page.reset(); }

    void cleanupTestCase()
    {
        m_page.reset();
        m_gateway.reset();
        m_upstream.reset();
        m_db.reset();
    }

    void showsPlansWhoIsOnThemAndTheirUse()
    {
        QAbstractItemModel *plans = table(u"planTable"_s)->model();
        QCOMPARE(plans->rowCount(), 2);
        const int starter = rowOf(u"planTable"_s, u"starter"_s);
        QCOMPARE(plans->index(starter, 1).data().toString(), u"100"_s);
        QCOMPARE(plans->index(starter, 2).data().toString(), u"Unlimited"_s);
        QCOMPARE(plans->index(starter, 4).data().toString(), u"olga, quinn"_s);

        QAbstractItemModel *members = table(u"memberTable"_s)->model();
        QCOMPARE(members->index(rowOf(u"memberTable"_s, u"pat"_s), 1).data().toString(),
                 ui::PlanChoiceDelegate::noPlanText());
        QCOMPARE(members->index(rowOf(u"memberTable"_s, u"olga"_s), 2).data().toString(),
                 u"100 calls/month"_s);

        // Two calls by olga: her use on billing shows against the plan's 100.
        auto session = sessionOf(u"olga"_s);
        QVERIFY(session && session->isOpen());
        for (int i = 0; i < 2; ++i)
            QVERIFY(!session->callTool(u"get_invoice"_s, {{"invoice_id", "in_1"}})
                         .value("isError", true));
        // Counted at once, written within the flush interval.
        QTRY_COMPARE_WITH_TIMEOUT(store::UsageRepository(*m_db)
                                      .get(u"olga"_s, u"billing"_s,
                                           QDateTime::currentDateTimeUtc().toString(u"yyyy-MM"_s))
                                      ->calls,
                                  2, kWaitMs);
        reloadPage();
        QAbstractItemModel *usage = table(u"usageTable"_s)->model();
        int row = -1;
        for (int r = 0; r < usage->rowCount(); ++r)
            if (usage->index(r, 0).data().toString() == u"olga"_s &&
                usage->index(r, 1).data().toString() == u"billing"_s)
                row = r;
        QVERIFY(row >= 0);
        const QModelIndex calls = usage->index(row, 2);
        QCOMPARE(calls.data().toString(), u"2 of 100"_s);
        QCOMPARE(calls.data(ui::UsageBarDelegate::UsedRole).toDouble(), 2.0);
        QCOMPARE(calls.data(ui::UsageBarDelegate::LimitRole).toDouble(), 100.0);
        // No spend cap on starter: the words say so and no bar is drawn.
        QCOMPARE(usage->index(row, 3).data().toString(), u"0.00 (no cap)"_s);
        QVERIFY(!usage->index(row, 3).data(ui::UsageBarDelegate::LimitRole).isValid());
        QVERIFY(child<QLabel>(u"usageTitle"_s)->text().contains(u"This month's use"_s));

        for (const QString &name : {u"planTable"_s, u"memberTable"_s, u"usageTable"_s})
            QVERIFY(!table(name)->accessibleName().isEmpty());
        for (const QString &name : {u"newPlanButton"_s, u"editPlanButton"_s, u"deletePlanButton"_s})
            QVERIFY(!child<QPushButton>(name)->accessibleName().isEmpty());
    }

    // The brief's promise: a limit changed on the page is the limit the running gateway enforces.
    void anEditedPlanChangesTheRunningGatewaysLimit()
    {
        auto session = sessionOf(u"quinn"_s);
        QVERIFY(session && session->isOpen());
        for (int i = 0; i < 2; ++i)
            QCOMPARE(session->post(callBody(10 + i)).status, 200);

        selectPlan(u"starter"_s);
        QVERIFY(child<QPushButton>(u"editPlanButton"_s)->isEnabled());
        // Alt+E opens the editor of the selected plan (the button's click is animated: it
        // comes a moment later).
        QTest::keyClick(m_page.get(), Qt::Key_E, Qt::AltModifier);
        QTRY_VERIFY_WITH_TIMEOUT(m_page->planDialog(), kWaitMs);
        PlanDialog *dialog = m_page->planDialog();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isVisible(), kWaitMs);
        QVERIFY(!dialog->isNew());
        QCOMPARE(dialog->nameEdit()->text(), u"starter"_s);
        QVERIFY(dialog->nameEdit()->isReadOnly());
        QCOMPARE(dialog->callsEdit()->value(), 100);
        QVERIFY(dialog->rateUnlimited()->isChecked());
        QVERIFY(!dialog->rateEdit()->isEnabled());
        QVERIFY(!dialog->callsEdit()->accessibleName().isEmpty());

        // Two calls a month: quinn has made them.
        typeInto(dialog->callsEdit(), u"2"_s);
        QCOMPARE(dialog->callsEdit()->value(), 2);
        QSignalSpy saved(m_page.get(), &PlansPage::changeSaved);
        QSignalSpy reloaded(m_gateway.get(), &gateway::Gateway::reloaded);
        // The GUI thread does not wait for the gateway: the change is saved (and the page says
        // so) before the gateway has read it, and the page says the gateway uses it only once
        // the gateway said it reloaded.
        QString stateWhenSaved;
        qsizetype reloadsWhenSaved = -1;
        QObject watcher;
        connect(m_page.get(), &PlansPage::changeSaved, &watcher, [&] {
            stateWhenSaved = child<QLabel>(u"saveState"_s)->text();
            reloadsWhenSaved = reloaded.count();
        });
        clickSave(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kWaitMs);
        QCOMPARE(store::PlanRepository(*m_db).get(u"starter"_s)->callsPerMonth, 2);
        QCOMPARE(reloadsWhenSaved, 0);
        QCOMPARE(stateWhenSaved, u"Saving…"_s);
        QTRY_COMPARE_WITH_TIMEOUT(reloaded.count(), 1, kWaitMs);
        QVERIFY(reloaded.at(0).at(0).value<Status>().ok());
        QVERIFY2(child<QLabel>(u"saveState"_s)->text().contains(u"running gateway uses it now"_s),
                 qPrintable(child<QLabel>(u"saveState"_s)->text()));

        const HttpResponse refused = session->post(callBody(20));
        QCOMPARE(refused.status, 429);
        const nlohmann::json body = refused.json();
        QCOMPARE(body["error"]["data"]["limit"], nlohmann::json("calls_per_month"));
        QCOMPARE(body["error"]["data"]["allowed"], nlohmann::json(2));
        QCOMPARE(body["error"]["data"]["plan"], nlohmann::json("starter"));
        // The table shows the new limit once the page has read it back.
        QTRY_COMPARE_WITH_TIMEOUT(
            table(u"planTable"_s)->model()->index(rowOf(u"planTable"_s, u"starter"_s), 1).data(),
            QVariant(u"2"_s), kWaitMs);

        // Raised again (unlimited) on the page: the next call gets through.
        selectPlan(u"starter"_s);
        QTest::mouseClick(child<QPushButton>(u"editPlanButton"_s), Qt::LeftButton);
        dialog = m_page->planDialog();
        QVERIFY(dialog);
        QTest::mouseClick(dialog->callsUnlimited(), Qt::LeftButton);
        QVERIFY(dialog->callsUnlimited()->isChecked());
        clickSave(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 2, kWaitMs);
        QCOMPARE(store::PlanRepository(*m_db).get(u"starter"_s)->callsPerMonth, std::nullopt);
        QTRY_COMPARE_WITH_TIMEOUT(reloaded.count(), 2, kWaitMs);
        QCOMPARE(session->post(callBody(21)).status, 200);
        GH_VERIFY_OK(store::PlanRepository(*m_db).upsert(Plan{u"starter"_s, 100, {}, {}, {}}));
        GH_VERIFY_OK(m_gateway->reloadServers());
    }

    void aNewPlanAndAUserPutOnIt()
    {
        QTest::mouseClick(child<QPushButton>(u"newPlanButton"_s), Qt::LeftButton);
        PlanDialog *dialog = m_page->planDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isNew());
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        // A taken name is refused before saving, in words.
        QTest::keyClicks(dialog->nameEdit(), u"team"_s);
        QVERIFY(!buttons->button(QDialogButtonBox::Save)->isEnabled());
        auto *problem = dialog->findChild<QLabel *>(u"planProblem"_s);
        QVERIFY2(problem->text().contains(u"There is a plan named team already"_s),
                 qPrintable(problem->text()));
        dialog->nameEdit()->clear();
        QTest::keyClicks(dialog->nameEdit(), u"gold"_s);
        QVERIFY(buttons->button(QDialogButtonBox::Save)->isEnabled());
        typeInto(dialog->callsEdit(), u"5000"_s);
        QTest::mouseClick(dialog->rateUnlimited(), Qt::LeftButton); // rate: unlimited
        QVERIFY(dialog->rateUnlimited()->isChecked());
        QTest::mouseClick(dialog->spendUnlimited(), Qt::LeftButton); // spend: a cap
        QVERIFY(!dialog->spendUnlimited()->isChecked());
        typeInto(dialog->spendEdit(), u"25"_s);
        QSignalSpy saved(m_page.get(), &PlansPage::changeSaved);
        QSignalSpy loaded(m_page.get(), &PlansPage::overviewLoaded);
        clickSave(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kWaitMs);
        const auto gold = store::PlanRepository(*m_db).get(u"gold"_s);
        GH_VERIFY_OK(gold);
        QCOMPARE(*gold, (Plan{u"gold"_s, 5000, std::nullopt, 25.0, store::Origin::Local}));
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1 && rowOf(u"planTable"_s, u"gold"_s) >= 0,
                                 kWaitMs);

        // pat is put on gold in place: F2 on his plan, the list opens, Down to gold, Enter.
        QTableView *members = table(u"memberTable"_s);
        const int pat = rowOf(u"memberTable"_s, u"pat"_s);
        members->setFocus();
        members->setCurrentIndex(members->model()->index(pat, 1));
        QTest::keyClick(members, Qt::Key_F2);
        auto *choice = members->viewport()->findChild<QComboBox *>(u"planChoice"_s);
        QVERIFY(choice);
        QVERIFY(!choice->accessibleName().isEmpty());
        QCOMPARE(choice->currentIndex(), 0); // no plan
        const int goldAt = choice->findData(u"gold"_s);
        QVERIFY(goldAt > 0);
        QTRY_VERIFY_WITH_TIMEOUT(choice->view()->isVisible(), kWaitMs);
        for (int i = 0; i < goldAt; ++i)
            QTest::keyClick(choice->view(), Qt::Key_Down);
        QTest::keyClick(choice->view(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 2, kWaitMs);
        QCOMPARE(store::UserRepository(*m_db).get(u"pat"_s)->plan, u"gold"_s);
        QTRY_COMPARE_WITH_TIMEOUT(members->model()->index(pat, 1).data().toString(), u"gold"_s,
                                  kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(
            members->model()->index(pat, 2).data().toString().contains(u"spend 25.00/month"_s),
            kWaitMs);
    }

    void aPlanUsersAreOnIsNotDeleted()
    {
        selectPlan(u"starter"_s);
        QTest::mouseClick(child<QPushButton>(u"deletePlanButton"_s), Qt::LeftButton);
        auto *error = child<QLabel>(u"plansError"_s);
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(u"Plan starter cannot be deleted"_s) &&
                     error->text().contains(u"olga, quinn"_s),
                 qPrintable(error->text()));
        QVERIFY(!m_page->findChild<QMessageBox *>(u"confirmDelete"_s));
        QVERIFY(store::PlanRepository(*m_db).get(u"starter"_s));

        // A plan nobody is on: asked first, then gone.
        GH_VERIFY_OK(store::PlanRepository(*m_db).create(Plan{u"trial"_s, 10, {}, {}, {}}));
        reloadPage();
        selectPlan(u"trial"_s);
        QTest::mouseClick(child<QPushButton>(u"deletePlanButton"_s), Qt::LeftButton);
        auto *confirm = m_page->findChild<QMessageBox *>(u"confirmDelete"_s);
        QVERIFY(confirm);
        QVERIFY(store::PlanRepository(*m_db).get(u"trial"_s));
        QSignalSpy saved(m_page.get(), &PlansPage::changeSaved);
        QTest::mouseClick(confirm->button(QMessageBox::Yes), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kWaitMs);
        QVERIFY(!store::PlanRepository(*m_db).get(u"trial"_s));
        QTRY_COMPARE_WITH_TIMEOUT(rowOf(u"planTable"_s, u"trial"_s), -1, kWaitMs);
    }

    void theStoresRefusalIsShownWhereItHappened()
    {
        // Someone puts olga on trial2 behind the page's back; the page still thinks nobody is on
        // it, and the store refuses the delete with the names.
        GH_VERIFY_OK(store::PlanRepository(*m_db).create(Plan{u"trial2"_s, 10, {}, {}, {}}));
        reloadPage();
        GH_VERIFY_OK(policy::PlanOverview::assignPlan(*m_db, u"olga"_s, u"trial2"_s));
        selectPlan(u"trial2"_s);
        QTest::mouseClick(child<QPushButton>(u"deletePlanButton"_s), Qt::LeftButton);
        auto *confirm = m_page->findChild<QMessageBox *>(u"confirmDelete"_s);
        QVERIFY(confirm);
        QSignalSpy failed(m_page.get(), &PlansPage::changeFailed);
        QTest::mouseClick(confirm->button(QMessageBox::Yes), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
        const QString text = child<QLabel>(u"plansError"_s)->text();
        QVERIFY2(text.contains(u"Plan trial2 was not deleted."_s) && text.contains(u"olga"_s),
                 qPrintable(text));
        QVERIFY(store::PlanRepository(*m_db).get(u"trial2"_s));
        GH_VERIFY_OK(policy::PlanOverview::assignPlan(*m_db, u"olga"_s, u"starter"_s));
    }

    // The page in the window with plans, users and a month of use: some near their limit, one
    // over. With GATEHOUSE_SCREENSHOT_DIR set it is saved as plans.png there.
    void rendersInTheWindowAt1280x800()
    {
        m_page.reset();
        const QString month = QDateTime::currentDateTimeUtc().toString(u"yyyy-MM"_s);
        store::PlanRepository plans(*m_db);
        GH_VERIFY_OK(plans.upsert(Plan{u"free"_s, 500, 10, 5.0, {}}));
        GH_VERIFY_OK(plans.upsert(Plan{u"pro"_s, 20000, 120, 200.0, {}}));
        for (const auto &[name, plan] : QList<std::pair<QString, QString>>{{u"alice"_s, u"pro"_s},
                                                                           {u"bob"_s, u"free"_s},
                                                                           {u"carol"_s, u"team"_s},
                                                                           {u"dave"_s, u"free"_s},
                                                                           {u"erin"_s, u"pro"_s}})
            addUser(name, plan);
        GH_VERIFY_OK(store::UsageRepository(*m_db).addBatch(
            {store::UsageCounter{u"alice"_s, u"billing"_s, month, 6400, 41.5},
             store::UsageCounter{u"alice"_s, u"support"_s, month, 1210, 3.2},
             store::UsageCounter{u"bob"_s, u"billing"_s, month, 430, 4.4},
             store::UsageCounter{u"carol"_s, u"billing"_s, month, 2300, 12.0},
             store::UsageCounter{u"carol"_s, u"crm"_s, month, 800, 0.0},
             store::UsageCounter{u"dave"_s, u"billing"_s, month, 500, 5.0},
             store::UsageCounter{u"erin"_s, u"support"_s, month, 19100, 88.0}}));

        gateway::ListenOptions listen;
        listen.port = 0;
        ui::MainWindow window(*m_gateway, *m_db, listen);
        window.resize(1280, 800);
        auto *page = qobject_cast<PlansPage *>(window.page(ui::MainWindow::Page::Plans));
        QVERIFY(page);
        QSignalSpy loaded(page, &PlansPage::overviewLoaded);
        window.show();
        window.showPage(ui::MainWindow::Page::Plans);
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1 && !page->isBusy(), kWaitMs);
        auto *planTable = page->findChild<QTableView *>(u"planTable"_s);
        planTable->setFocus();
        planTable->selectRow(1);
        QTest::qWait(50);

        const QImage shot = window.grab().toImage().convertToFormat(QImage::Format_RGB32);
        QVERIFY(!shot.isNull());
        if (const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(shot.save(QDir(dir).filePath(u"plans.png"_s)));
        const auto shows = [&shot](QColor colour) {
            for (int y = 0; y < shot.height(); ++y)
                for (int x = 0; x < shot.width(); ++x) {
                    const QColor c = shot.pixelColor(x, y);
                    if (qAbs(c.red() - colour.red()) + qAbs(c.green() - colour.green()) +
                            qAbs(c.blue() - colour.blue()) <
                        24)
                        return true;
                }
            return false;
        };
        // dave is at his limit (red), erin near hers (amber).
        QVERIFY(shows(ui::UsageBarDelegate::colourFor(1.0, window.palette())));
        QVERIFY(shows(ui::UsageBarDelegate::colourFor(0.9, window.palette())));
        // Every usage row is in view.
        auto *usage = page->findChild<QTableView *>(u"usageTable"_s);
        QVERIFY(usage->model()->rowCount() >= 8);
        QVERIFY(usage->rowViewportPosition(usage->model()->rowCount() - 1) +
                    usage->rowHeight(usage->model()->rowCount() - 1) <=
                usage->viewport()->height());
        window.close();
    }
};

QTEST_MAIN(TestPlansPage)
#include "TestPlansPage.moc"
