// The Activity page against a real store and a running gateway: a tool call made through the
// gateway shows in the table within the poll interval, filters and chart bars narrow the table,
// and the status bar counts today's calls.
#include "../unit/store/StoreTestSupport.h"
#include "ActivityPage.h"
#include "ActivityTableModel.h"
#include "MainWindow.h"
#include "McpTestClient.h"
#include "MinuteChart.h"
#include "TestSupport.h"
#include "gateway/Gateway.h"
#include "http/Request.h"
#include "http/Responder.h"
#include "http/Response.h"
#include "http/Server.h"
#include "oauth/TokenService.h"
#include "store/AuditRepository.h"
#include "store/RoleRepository.h"
#include "store/ServerRepository.h"
#include "store/UserRepository.h"

#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace gatehouse;
using namespace gatehouse::test;
using namespace Qt::StringLiterals;
using ui::ActivityPage;
using ui::ActivityTableModel;
using ui::MinuteChart;

namespace {

constexpr int kWaitMs = 15000;
// A recorded call reaches the store within the audit log's flush interval (100 ms), and the page
// reads it at its next poll; one second more for a loaded machine.
constexpr int kShowsWithinMs = ActivityPage::kPollIntervalMs + 100 + 1000;

// An upstream that answers every request with one invoice.
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

store::AuditRow auditRow(const QDateTime &time, const QString &user, const QString &tool,
                         const QString &decision, std::optional<qint64> latency = {})
{
    store::AuditRow row;
    row.time = time;
    row.user = user;
    row.client = u"claude-desktop"_s;
    row.server = tool.section(u'.', 0, 0);
    row.tool = tool.section(u'.', 1);
    row.decision = decision;
    if (decision == u"allow"_s) {
        row.upstreamStatus = 200;
        row.latencyMs = latency;
        row.reason = u"allowed by role clerk"_s;
    } else {
        row.reason = u"no grant for "_s + row.server.value_or(QString()) + u"/invoices"_s;
    }
    return row;
}

} // namespace

class TestActivityPage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<Upstream> m_upstream;
    std::unique_ptr<gateway::Gateway> m_gateway;
    std::unique_ptr<oauth::TokenService> m_tokens;
    std::unique_ptr<ActivityPage> m_page;

    template <typename T>
    T *child(const QString &name) const
    {
        return m_page->findChild<T *>(name);
    }
    QTableView *table() const { return child<QTableView>(u"activityTable"_s); }
    QAbstractItemModel *model() const { return table()->model(); }

    nlohmann::json callAs(const QString &user, const QString &tool)
    {
        oauth::TokenService::MintRequest request;
        request.user = user;
        request.server = u"billing"_s;
        auto minted = m_tokens->mint(request, QDateTime::currentDateTimeUtc());
        if (!minted)
            return {{"error", minted.error().message().toStdString()}};
        McpTestSession session(m_gateway->port(), "billing",
                               {Field("Authorization", "Bearer " + minted->token.toLatin1())});
        return session.callTool(tool, {{"invoice_id", "in_1"}});
    }

    // The table's rows as "user tool decision", top to bottom.
    QStringList shownRows() const
    {
        QStringList rows;
        for (int row = 0; row < model()->rowCount(); ++row)
            rows << model()->index(row, ActivityTableModel::User).data().toString() + u' ' +
                        model()->index(row, ActivityTableModel::Tool).data().toString() + u' ' +
                        model()->index(row, ActivityTableModel::Decision).data().toString();
        return rows;
    }

    void choose(QComboBox *combo, const QString &text)
    {
        const int at = combo->findText(text);
        QVERIFY2(at >= 0, qPrintable(text));
        combo->setFocus();
        // From the keyboard: Home, then down to the entry.
        QTest::keyClick(combo, Qt::Key_Home);
        for (int i = 0; i < at; ++i)
            QTest::keyClick(combo, Qt::Key_Down);
        QCOMPARE(combo->currentIndex(), at);
    }

    // Until the page has read the store with the filter now chosen.
    void waitForFilteredRead()
    {
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->isReading() && m_page->feed().followFrom().has_value(),
                                 kWaitMs);
    }

    void appendRows(const QList<store::AuditRow> &rows)
    {
        GH_VERIFY_OK(store::AuditRepository(*m_db).append(rows));
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
        store::User bob;
        bob.name = u"bob"_s;
        bob.roles = {u"clerk"_s};
        GH_VERIFY_OK(store::UserRepository(*m_db).create(bob));
        store::User alice;
        alice.name = u"alice"_s; // no role: her calls are denied
        GH_VERIFY_OK(store::UserRepository(*m_db).create(alice));

        m_gateway = std::make_unique<gateway::Gateway>(m_db.get());
        gateway::ListenOptions listen;
        listen.port = 0;
        listen.workerThreads = 1;
        GH_VERIFY_OK(m_gateway->start(listen));
        m_tokens = std::make_unique<oauth::TokenService>(*m_db, m_gateway->baseUrl());
    }

    void init()
    {
        m_page = std::make_unique<ActivityPage>(*m_db);
        QSignalSpy updated(m_page.get(), &ActivityPage::updated);
        m_page->resize(1100, 700);
        m_page->show();
        m_page->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
        QTRY_VERIFY_WITH_TIMEOUT(updated.count() >= 1, kWaitMs);
        QCOMPARE(m_page->pollInterval(), ActivityPage::kPollIntervalMs);
    }

    void cleanup() { m_page.reset(); }

    void cleanupTestCase()
    {
        m_page.reset();
        m_gateway.reset();
        m_upstream.reset();
        m_db.reset();
    }

    void aCallThroughTheGatewayAppearsWithinThePollInterval()
    {
        const int before = model()->rowCount();
        const nlohmann::json result = callAs(u"bob"_s, u"get_invoice"_s);
        QVERIFY2(!result.value("isError", true), result.dump().c_str());
        QElapsedTimer since;
        since.start();
        QTRY_VERIFY_WITH_TIMEOUT(model()->rowCount() == before + 1, kShowsWithinMs);
        qInfo("shown after %lld ms", since.elapsed());

        // The newest call is at the top, with what the gateway recorded.
        QCOMPARE(model()->index(0, ActivityTableModel::User).data().toString(), u"bob"_s);
        QCOMPARE(model()->index(0, ActivityTableModel::Tool).data().toString(),
                 u"billing.get_invoice"_s);
        QCOMPARE(model()->index(0, ActivityTableModel::Decision).data().toString(), u"Allowed"_s);
        QCOMPARE(model()->index(0, ActivityTableModel::Status).data().toString(), u"200"_s);
        QVERIFY2(
            model()->index(0, ActivityTableModel::Latency).data().toString().endsWith(u" ms"_s),
            qPrintable(model()->index(0, ActivityTableModel::Latency).data().toString()));
        QVERIFY(model()
                    ->index(0, ActivityTableModel::Decision)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(u"clerk"_s));
        // The charts count it in the current minute.
        auto *calls = child<MinuteChart>(u"callsChart"_s);
        QCOMPARE(calls->minutes().size(), 60);
        QVERIFY(calls->minutes().last().calls >= 1);
        QVERIFY(m_page->feed().callsToday() >= 1);
    }

    void filtersNarrowTheTable()
    {
        const int before = model()->rowCount();
        QVERIFY(!callAs(u"bob"_s, u"list_invoices"_s).value("isError", true));
        QVERIFY(callAs(u"alice"_s, u"get_invoice"_s).value("isError", false));
        QTRY_VERIFY_WITH_TIMEOUT(model()->rowCount() == before + 2, kShowsWithinMs);

        auto *user = child<QComboBox>(u"userFilter"_s);
        auto *tool = child<QComboBox>(u"toolFilter"_s);
        auto *decision = child<QComboBox>(u"decisionFilter"_s);
        for (QWidget *w : std::initializer_list<QWidget *>{user, tool, decision, table()})
            QVERIFY(!w->accessibleName().isEmpty());
        // The choices come from the calls seen.
        QVERIFY(user->findText(u"alice"_s) >= 0 && user->findText(u"bob"_s) >= 0);
        QVERIFY(tool->findText(u"billing.list_invoices"_s) >= 0);

        choose(user, u"alice"_s);
        waitForFilteredRead();
        QStringList rows = shownRows();
        QVERIFY(!rows.isEmpty());
        for (const QString &row : std::as_const(rows))
            QVERIFY2(row.startsWith(u"alice "_s), qPrintable(row));
        QCOMPARE(rows.first(), u"alice billing.get_invoice Denied"_s);

        // Filters combine: bob's allowed list_invoices calls only.
        choose(user, u"bob"_s);
        choose(tool, u"billing.list_invoices"_s);
        choose(decision, ActivityTableModel::decisionName(u"allow"_s));
        QCOMPARE(m_page->feed().filter().decision, u"allow"_s);
        waitForFilteredRead();
        rows = shownRows();
        QVERIFY(!rows.isEmpty());
        for (const QString &row : std::as_const(rows))
            QCOMPARE(row, u"bob billing.list_invoices Allowed"_s);

        // A call that matches arrives in the filtered table; one that does not, does not.
        const int filtered = model()->rowCount();
        QVERIFY(callAs(u"alice"_s, u"list_invoices"_s).value("isError", false));
        QVERIFY(!callAs(u"bob"_s, u"list_invoices"_s).value("isError", true));
        QTRY_VERIFY_WITH_TIMEOUT(model()->rowCount() == filtered + 1, kShowsWithinMs);
        QTest::qWait(ActivityPage::kPollIntervalMs + 200);
        QCOMPARE(model()->rowCount(), filtered + 1);

        // Clear filters: every call again (Alt+L from the keyboard).
        QTest::keyClick(m_page.get(), Qt::Key_L, Qt::AltModifier);
        QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), before + 4, kWaitMs);
        QCOMPARE(user->currentIndex(), 0);
        QVERIFY(!child<QPushButton>(u"clearFilters"_s)->isEnabled());
    }

    void aClickOnAChartBarShowsThatMinute()
    {
        // Calls written by another instance 10 and 20 minutes ago.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QDateTime tenAgo = policy::ActivityFeed::minuteOf(now.addSecs(-600)).addSecs(15);
        const QDateTime twentyAgo = policy::ActivityFeed::minuteOf(now.addSecs(-1200)).addSecs(5);
        appendRows(
            {auditRow(tenAgo, u"carol"_s, u"billing.list_invoices"_s, u"allow"_s, 40),
             auditRow(tenAgo.addSecs(10), u"carol"_s, u"billing.get_invoice"_s, u"allow"_s, 90),
             auditRow(tenAgo.addSecs(20), u"dave"_s, u"billing.void_invoice"_s, u"deny"_s),
             auditRow(twentyAgo, u"dave"_s, u"billing.list_invoices"_s, u"allow"_s, 30),
             auditRow(twentyAgo.addSecs(1), u"erin"_s, u"billing.list_invoices"_s, u"quota"_s)});
        auto *calls = child<MinuteChart>(u"callsChart"_s);
        auto *refused = child<MinuteChart>(u"refusedChart"_s);
        const auto indexOf = [calls](const QDateTime &time) {
            const QDateTime minute = policy::ActivityFeed::minuteOf(time);
            for (int i = 0; i < calls->minutes().size(); ++i)
                if (calls->minutes().at(i).start == minute)
                    return i;
            return -1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(indexOf(tenAgo) >= 0 &&
                                     calls->minutes().at(indexOf(tenAgo)).calls == 3,
                                 kShowsWithinMs);
        const int ten = indexOf(tenAgo);
        QCOMPARE(refused->minutes().at(ten).refused, 1);
        QVERIFY2(calls->describe(ten).endsWith(u": 3 calls"_s), qPrintable(calls->describe(ten)));

        // A click on the bar: only that minute's calls.
        QTest::mouseClick(calls, Qt::LeftButton, {}, calls->barRect(ten).center());
        waitForFilteredRead();
        QCOMPARE(shownRows(), (QStringList{u"dave billing.void_invoice Denied"_s,
                                           u"carol billing.get_invoice Allowed"_s,
                                           u"carol billing.list_invoices Allowed"_s}));
        auto *minute = child<QPushButton>(u"minuteFilter"_s);
        QVERIFY(minute->isVisible());
        QVERIFY2(
            minute->text().contains(QLocale().toString(tenAgo.toLocalTime().time(), u"HH:mm"_s)),
            qPrintable(minute->text()));

        // From the keyboard on the denials chart: to the first minute, right to the one twenty
        // minutes ago, Enter.
        refused->setFocus();
        QTest::keyClick(refused, Qt::Key_End);
        QCOMPARE(refused->currentBar(), 59);
        QTest::keyClick(refused, Qt::Key_Home);
        QCOMPARE(refused->currentBar(), 0);
        const QDateTime twentyMinute = policy::ActivityFeed::minuteOf(twentyAgo);
        for (int i = 0;
             i < 60 && refused->minutes().at(refused->currentBar()).start != twentyMinute; ++i)
            QTest::keyClick(refused, Qt::Key_Right);
        QCOMPARE(refused->minutes().at(refused->currentBar()).start, twentyMinute);
        QVERIFY(!refused->accessibleDescription().isEmpty());
        QTest::keyClick(refused, Qt::Key_Return);
        waitForFilteredRead();
        QCOMPARE(shownRows(), (QStringList{u"erin billing.list_invoices Over quota"_s,
                                           u"dave billing.list_invoices Allowed"_s}));

        // The minute button brings every minute back.
        QTest::mouseClick(minute, Qt::LeftButton);
        waitForFilteredRead();
        QVERIFY(!minute->isVisible());
        QVERIFY(model()->rowCount() >= 5);
        QVERIFY(!m_page->feed().filter().minute);
    }

    // The status bar's count follows the audit log while another page is shown.
    void statusBarCountsTodaysCalls()
    {
        m_page.reset();
        gateway::ListenOptions listen;
        listen.port = 0;
        ui::MainWindow window(*m_gateway, *m_db, listen);
        auto *page = qobject_cast<ActivityPage *>(window.page(ui::MainWindow::Page::Activity));
        QVERIFY(page);
        QSignalSpy counted(page, &ActivityPage::callsTodayChanged);
        window.show();
        window.showPage(ui::MainWindow::Page::Servers);
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(counted.count() >= 1, kWaitMs);
        QCOMPARE(page->pollInterval(), ActivityPage::kHiddenPollIntervalMs);
        const qint64 before = page->feed().callsToday();
        auto *label = window.findChild<QLabel *>(u"callsToday"_s);
        QCOMPARE(label->text(), u"Calls today: %1"_s.arg(QLocale().toString(before)));

        QVERIFY(!callAs(u"bob"_s, u"get_invoice"_s).value("isError", true));
        QVERIFY(callAs(u"alice"_s, u"get_invoice"_s).value("isError", false));
        QTRY_COMPARE_WITH_TIMEOUT(label->text(),
                                  u"Calls today: %1"_s.arg(QLocale().toString(before + 2)),
                                  ActivityPage::kHiddenPollIntervalMs + 100 + 1000);
        window.close();
    }

    // The page in the window with an hour of realistic calls. With GATEHOUSE_SCREENSHOT_DIR set,
    // it is saved as activity.png there (run under Xvfb with QT_QPA_PLATFORM=xcb for the real
    // style).
    void rendersInTheWindowAt1280x800()
    {
        QRandomGenerator random(8);
        const QStringList users = {u"alice"_s, u"bob"_s, u"carol"_s, u"dave"_s, u"erin"_s};
        const QStringList tools = {u"billing.list_invoices"_s,  u"billing.get_invoice"_s,
                                   u"billing.create_invoice"_s, u"billing.get_customer"_s,
                                   u"support.list_tickets"_s,   u"support.get_ticket"_s};
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QList<store::AuditRow> rows;
        for (int minute = 58; minute >= 0; --minute) {
            // Busier in the last twenty minutes, with a burst of refusals around 25 minutes ago.
            const int count = int(random.bounded(4, 14)) + (minute < 20 ? 12 : 0);
            for (int i = 0; i < count; ++i) {
                const QDateTime at = now.addSecs(-minute * 60 - int(random.bounded(55)));
                if (at > now)
                    continue;
                QString decision = u"allow"_s;
                const int roll = int(random.bounded(100));
                if (roll < 4 || (minute >= 23 && minute <= 27 && roll < 35))
                    decision = u"deny"_s;
                else if (roll < 6)
                    decision = u"rate"_s;
                else if (roll < 7)
                    decision = u"quota"_s;
                qint64 latency = 20 + qint64(random.bounded(120));
                if (random.bounded(100) < 3)
                    latency += 600 + qint64(random.bounded(900));
                rows << auditRow(at, users.at(int(random.bounded(users.size()))),
                                 tools.at(int(random.bounded(tools.size()))), decision, latency);
            }
        }
        std::sort(rows.begin(), rows.end(), [](const store::AuditRow &a, const store::AuditRow &b) {
            return a.time < b.time;
        });
        appendRows(rows);
        m_page.reset();

        gateway::ListenOptions listen;
        listen.port = 0;
        ui::MainWindow window(*m_gateway, *m_db, listen);
        window.resize(1280, 800);
        auto *page = qobject_cast<ActivityPage *>(window.page(ui::MainWindow::Page::Activity));
        QVERIFY(page);
        QSignalSpy updated(page, &ActivityPage::updated);
        window.show();
        window.showPage(ui::MainWindow::Page::Activity);
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(updated.count() >= 1 && page->feed().window().calls >= rows.size(),
                                 kWaitMs);
        auto *view = page->findChild<QTableView *>(u"activityTable"_s);
        view->setFocus();
        view->selectRow(2);
        QTest::qWait(50);

        const QImage shot = window.grab().toImage().convertToFormat(QImage::Format_RGB32);
        QVERIFY(!shot.isNull());
        if (const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(shot.save(QDir(dir).filePath(u"activity.png"_s)));
        // The bars are drawn: the refusals' red and the latency colour show.
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
        QVERIFY(shows(MinuteChart::refusedColour()));
        QVERIFY(shows(MinuteChart::latencyColour()));
        // Every column fits: nothing to scroll sideways.
        QVERIFY(!view->horizontalScrollBar()->isVisible());
        window.close();
    }
};

QTEST_MAIN(TestActivityPage)
#include "TestActivityPage.moc"
