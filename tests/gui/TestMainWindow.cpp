#include "../unit/store/StoreTestSupport.h"
#include "CredentialsPage.h"
#include "GatewayPage.h"
#include "ImportServerDialog.h"
#include "MainWindow.h"
#include "PermissionsPage.h"
#include "ServersPage.h"
#include "Translations.h"
#include "TrayIcon.h"
#include "TryItDialog.h"
#include "WelcomePage.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>
#include <QTimer>

using gatehouse::gateway::Gateway;
using gatehouse::gateway::ListenOptions;
using gatehouse::ui::MainWindow;
using gatehouse::ui::Translations;
using gatehouse::ui::TrayIcon;
using Page = MainWindow::Page;

namespace {

ListenOptions loopbackAnyPort()
{
    ListenOptions options;
    options.address = QHostAddress::LocalHost;
    options.port = 0; // the OS picks a free port
    return options;
}

constexpr int kWaitMs = 15000;

QString statusText(const MainWindow &window)
{
    auto *label = window.findChild<QLabel *>(QStringLiteral("gatewayStatus"));
    return label ? label->text() : QStringLiteral("<no status label>");
}

QListWidget *navigation(const MainWindow &window)
{
    return window.findChild<QListWidget *>(QStringLiteral("navigation"));
}

// Runs the event loop until the application quits or timeoutMs pass; true when it quit.
bool applicationQuitsWithin(int timeoutMs, const std::function<void()> &action)
{
    constexpr int notQuit = 77;
    QTimer::singleShot(0, qApp, action);
    QTimer::singleShot(timeoutMs, qApp, [] { QCoreApplication::exit(notQuit); });
    return QApplication::exec() != notQuit;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<gatehouse::store::Database> m_db;

private Q_SLOTS:
    void initTestCase();
    void navigationHasEightNamedEntries();
    void arrowKeysAndShortcutsShowPages();
    void serversPageWelcomesWithoutDeadButtons();
    void tryItOpensTheDialogForTheTool();
    void permissionsPageLoadsTheMatrix();
    void startFromGatewayPageShowsRunning();
    void refusedStartShowsTheReason();
    void copyMcpUrlPutsUrlInClipboard();
    void callsTodayIsShown();
    void closeWithTrayHidesAndKeepsRunning();
    void closeWithoutTrayQuits();
    void germanTranslationLoads();
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = gatehouse::store::test::openStore(m_dir);
    QVERIFY(m_db);
}

void TestMainWindow::navigationHasEightNamedEntries()
{
    Gateway gateway;
    MainWindow window(gateway, *m_db, loopbackAnyPort());
    QCOMPARE(window.windowTitle(), QStringLiteral("Gatehouse"));
    QVERIFY(!window.windowIcon().isNull());

    QListWidget *list = navigation(window);
    QVERIFY(list);
    QVERIFY(!list->accessibleName().isEmpty());
    const QStringList expected = {
        QStringLiteral("Servers & tools"), QStringLiteral("Permissions"),
        QStringLiteral("Plans & quotas"),  QStringLiteral("Credentials"),
        QStringLiteral("Users & clients"), QStringLiteral("Activity"),
        QStringLiteral("Gateway"),         QStringLiteral("Export"),
    };
    QCOMPARE(list->count(), MainWindow::PageCount);
    QCOMPARE(list->count(), expected.size());
    for (int row = 0; row < list->count(); ++row) {
        const QListWidgetItem *item = list->item(row);
        QCOMPARE(item->text(), expected.at(row));
        QCOMPARE(item->data(Qt::AccessibleTextRole).toString(), expected.at(row));
        QVERIFY2(!item->icon().isNull(), qPrintable(expected.at(row)));
        QVERIFY(!item->icon().pixmap(16, 16).isNull());
    }
}

void TestMainWindow::arrowKeysAndShortcutsShowPages()
{
    Gateway gateway;
    MainWindow window(gateway, *m_db, loopbackAnyPort());
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    QListWidget *list = navigation(window);
    auto *pages = window.findChild<QStackedWidget *>(QStringLiteral("pages"));
    QVERIFY(pages);
    const QStringList pageNames = {
        QStringLiteral("serversPage"), QStringLiteral("permissionsPage"),
        QStringLiteral("plansPage"),   QStringLiteral("credentialsPage"),
        QStringLiteral("usersPage"),   QStringLiteral("activityPage"),
        QStringLiteral("gatewayPage"), QStringLiteral("exportPage"),
    };

    list->setFocus();
    QCOMPARE(window.currentPage(), Page::Servers);
    QCOMPARE(pages->currentWidget()->objectName(), pageNames.at(0));
    for (int row = 1; row < MainWindow::PageCount; ++row) {
        QTest::keyClick(list, Qt::Key_Down);
        QCOMPARE(window.currentPage(), Page(row));
        QCOMPARE(pages->currentWidget(), window.page(Page(row)));
        QCOMPARE(pages->currentWidget()->objectName(), pageNames.at(row));
        QVERIFY(pages->currentWidget()->isVisible());
    }
    QTest::keyClick(list, Qt::Key_Home);
    QCOMPARE(window.currentPage(), Page::Servers);

    // Ctrl+1..8 from anywhere in the window, here from the page side.
    for (int row = MainWindow::PageCount - 1; row >= 0; --row) {
        QTest::keyClick(&window, Qt::Key(Qt::Key_1 + row), Qt::ControlModifier);
        QCOMPARE(window.currentPage(), Page(row));
        QCOMPARE(list->currentRow(), row);
    }
}

void TestMainWindow::serversPageWelcomesWithoutDeadButtons()
{
    Gateway gateway;
    MainWindow window(gateway, *m_db, loopbackAnyPort());
    auto *servers = qobject_cast<gatehouse::ui::ServersPage *>(window.page(Page::Servers));
    QVERIFY(servers);
    // With no server yet, the page is the welcome, whose one button imports a spec.
    QTRY_VERIFY_WITH_TIMEOUT(!servers->isBusy(), 10000);
    auto *welcome = servers->findChild<gatehouse::ui::WelcomePage *>();
    QVERIFY(welcome);
    QVERIFY(welcome->findChild<QLabel *>(QStringLiteral("nextSteps")));
    const auto buttons = welcome->findChildren<QAbstractButton *>();
    QCOMPARE(buttons.size(), 1);
    QCOMPARE(buttons.first()->objectName(), QStringLiteral("welcomeImport"));
    QVERIFY(!buttons.first()->accessibleName().isEmpty());
    QSignalSpy importRequested(welcome, &gatehouse::ui::WelcomePage::importRequested);
    buttons.first()->click();
    QCOMPARE(importRequested.count(), 1);
    QVERIFY(servers->importDialog());
    servers->importDialog()->reject();

    // No page is a placeholder any more: each one is the real page.
    QVERIFY(qobject_cast<gatehouse::ui::CredentialsPage *>(window.page(Page::Credentials)));
    for (int i = 0; i < MainWindow::PageCount; ++i)
        QVERIFY(!window.page(Page(i))->findChild<QLabel *>(QStringLiteral("comingLabel")));
}

void TestMainWindow::tryItOpensTheDialogForTheTool()
{
    Gateway gateway;
    MainWindow window(gateway, *m_db, loopbackAnyPort());
    auto *servers = qobject_cast<gatehouse::ui::ServersPage *>(window.page(Page::Servers));
    QVERIFY(servers);
    QVERIFY(window.findChildren<gatehouse::ui::TryItDialog *>().isEmpty());
    Q_EMIT servers->tryToolRequested(QStringLiteral("billing"), QStringLiteral("get_invoice"));
    const auto dialogs = window.findChildren<gatehouse::ui::TryItDialog *>();
    QCOMPARE(dialogs.size(), 1);
    QVERIFY(dialogs.first()->isVisible());
    QVERIFY(dialogs.first()->testAttribute(Qt::WA_DeleteOnClose));
    dialogs.first()->close();
}

void TestMainWindow::permissionsPageLoadsTheMatrix()
{
    Gateway gateway;
    MainWindow window(gateway, *m_db, loopbackAnyPort());
    auto *page = qobject_cast<gatehouse::ui::PermissionsPage *>(window.page(Page::Permissions));
    QVERIFY(page);
    QCOMPARE(page->accessibleName(), QStringLiteral("Permissions"));
    QVERIFY(!page->isBusy()); // nothing is read before the page is shown
    QSignalSpy loaded(page, &gatehouse::ui::PermissionsPage::matrixLoaded);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(window.currentPage(), Page::Permissions);
    QVERIFY(page->isBusy());
    QVERIFY(loaded.wait(10000));
    QVERIFY(!page->isBusy());
    // An empty store: the page says what to do first instead of showing an empty grid.
    auto *hint = page->findChild<QLabel *>(QStringLiteral("emptyHint"));
    QVERIFY(hint && hint->isVisible());
    QVERIFY2(hint->text().contains(QStringLiteral("Servers & tools")), qPrintable(hint->text()));
}

void TestMainWindow::startFromGatewayPageShowsRunning()
{
    Gateway gateway;
    MainWindow window(gateway, *m_db, loopbackAnyPort());
    TrayIcon tray(gateway, window, false);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QCOMPARE(statusText(window), QStringLiteral("Stopped"));
    QCOMPARE(tray.startStopAction()->text(), QStringLiteral("Start gateway"));
    QVERIFY(!tray.copyUrlAction()->isEnabled());
    const qint64 stoppedIcon = tray.icon().cacheKey();

    window.showPage(Page::Gateway);
    QWidget *page = window.page(Page::Gateway);
    QVERIFY(page->isVisible());
    auto *button = page->findChild<QPushButton *>(QStringLiteral("startStopButton"));
    QVERIFY(button);
    QCOMPARE(button->accessibleName(), QStringLiteral("Start gateway"));
    button->setFocus();
    QTest::keyClick(button, Qt::Key_Space);

    // Started in the background: the window says so and does not wait.
    QCOMPARE(gateway.state(), Gateway::State::Starting);
    QCOMPARE(statusText(window), QStringLiteral("Starting…"));
    QCOMPARE(page->findChild<QLabel *>(QStringLiteral("gatewayStateText"))->text(),
             QStringLiteral("Starting…"));
    QCOMPARE(tray.startStopAction()->text(), QStringLiteral("Stop gateway"));
    QTRY_COMPARE_WITH_TIMEOUT(gateway.state(), Gateway::State::Running, kWaitMs);
    QVERIFY(gateway.port() != 0);
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(gateway.port());
    QCOMPARE(statusText(window), QStringLiteral("Running on ") + url);
    QCOMPARE(page->findChild<QLineEdit *>(QStringLiteral("mcpUrl"))->text(), url);
    QCOMPARE(page->findChild<QLabel *>(QStringLiteral("gatewayStateText"))->text(),
             QStringLiteral("Running"));
    QCOMPARE(button->accessibleName(), QStringLiteral("Stop gateway"));
    QCOMPARE(tray.startStopAction()->text(), QStringLiteral("Stop gateway"));
    QVERIFY(tray.copyUrlAction()->isEnabled());
    QVERIFY(tray.toolTip().contains(url));
    QVERIFY(tray.icon().cacheKey() != stoppedIcon);

    // The tray's menu entry stops it again.
    tray.startStopAction()->trigger();
    QCOMPARE(gateway.state(), Gateway::State::Stopping);
    QCOMPARE(statusText(window), QStringLiteral("Stopping…"));
    QVERIFY(!tray.startStopAction()->isEnabled());
    QVERIFY(!button->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(gateway.state(), Gateway::State::Stopped, kWaitMs);
    QCOMPARE(statusText(window), QStringLiteral("Stopped"));
    QCOMPARE(tray.startStopAction()->text(), QStringLiteral("Start gateway"));
    QCOMPARE(button->accessibleName(), QStringLiteral("Start gateway"));
    QVERIFY(page->findChild<QLineEdit *>(QStringLiteral("mcpUrl"))->text().isEmpty());

    // ...and starts it.
    tray.startStopAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(gateway.state(), Gateway::State::Running, kWaitMs);
    QVERIFY(statusText(window).startsWith(QStringLiteral("Running on http://127.0.0.1:")));
}

void TestMainWindow::refusedStartShowsTheReason()
{
    Gateway gateway;
    ListenOptions exposed = loopbackAnyPort();
    exposed.address = QHostAddress::AnyIPv4; // plain HTTP on 0.0.0.0 without TLS is refused
    MainWindow window(gateway, *m_db, exposed);
    TrayIcon tray(gateway, window, false);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showPage(Page::Gateway);

    QWidget *page = window.page(Page::Gateway);
    auto *error = page->findChild<QLabel *>(QStringLiteral("gatewayError"));
    QVERIFY(error);
    QVERIFY(!error->isVisible());
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("startStopButton")),
                      Qt::LeftButton);

    QTRY_COMPARE_WITH_TIMEOUT(gateway.state(), Gateway::State::Failed, kWaitMs);
    QVERIFY(!gateway.errorString().isEmpty());
    QCOMPARE(statusText(window), QStringLiteral("Error: ") + gateway.errorString());
    QVERIFY2(statusText(window).contains(QStringLiteral("loopback")),
             qPrintable(statusText(window)));
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains(gateway.errorString()));
    QCOMPARE(tray.startStopAction()->text(), QStringLiteral("Start gateway"));
    QVERIFY(!tray.copyUrlAction()->isEnabled());
    QVERIFY(tray.toolTip().contains(QStringLiteral("Error: ")));
}

void TestMainWindow::copyMcpUrlPutsUrlInClipboard()
{
    Gateway gateway;
    MainWindow window(gateway, *m_db, loopbackAnyPort());
    TrayIcon tray(gateway, window, false);
    window.startGateway();
    QTRY_COMPARE_WITH_TIMEOUT(gateway.state(), Gateway::State::Running, kWaitMs);
    const QString url = gateway.baseUrl().toString();
    QVERIFY(url.startsWith(QStringLiteral("http://127.0.0.1:")));

    QGuiApplication::clipboard()->clear();
    tray.copyUrlAction()->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), url);

    QGuiApplication::clipboard()->clear();
    auto *copy =
        window.page(Page::Gateway)->findChild<QPushButton *>(QStringLiteral("copyUrlButton"));
    QVERIFY(copy && copy->isEnabled());
    copy->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), url);

    window.stopGateway();
    QTRY_COMPARE_WITH_TIMEOUT(gateway.state(), Gateway::State::Stopped, kWaitMs);
    QVERIFY(!tray.copyUrlAction()->isEnabled());
    QVERIFY(!copy->isEnabled());
}

void TestMainWindow::callsTodayIsShown()
{
    Gateway gateway;
    MainWindow window(gateway, *m_db, loopbackAnyPort());
    auto *calls = window.findChild<QLabel *>(QStringLiteral("callsToday"));
    QVERIFY(calls);
    QCOMPARE(calls->text(), QStringLiteral("Calls today: 0"));
    window.setCallsToday(42);
    QCOMPARE(calls->text(), QStringLiteral("Calls today: 42"));
}

void TestMainWindow::closeWithTrayHidesAndKeepsRunning()
{
    Gateway gateway;
    MainWindow window(gateway, *m_db, loopbackAnyPort());
    TrayIcon tray(gateway, window, true);
    QVERIFY(window.isTrayAvailable());
    QVERIFY(!QGuiApplication::quitOnLastWindowClosed());
    window.startGateway();
    QTRY_COMPARE_WITH_TIMEOUT(gateway.state(), Gateway::State::Running, kWaitMs);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy hidden(&window, &MainWindow::hiddenToTray);

    QVERIFY(!applicationQuitsWithin(500, [&window] { window.close(); }));
    QVERIFY(!window.isVisible());
    QCOMPARE(hidden.count(), 1);
    QCOMPARE(gateway.state(), Gateway::State::Running);

    // "Open Gatehouse" brings it back.
    tray.openAction()->trigger();
    QVERIFY(window.isVisible());
}

void TestMainWindow::closeWithoutTrayQuits()
{
    Gateway gateway;
    MainWindow window(gateway, *m_db, loopbackAnyPort());
    TrayIcon tray(gateway, window, false);
    QVERIFY(!window.isTrayAvailable());
    QVERIFY(QGuiApplication::quitOnLastWindowClosed());
    QVERIFY(!tray.isVisible());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy hidden(&window, &MainWindow::hiddenToTray);

    QVERIFY(applicationQuitsWithin(5000, [&window] { window.close(); }));
    QVERIFY(!window.isVisible());
    QCOMPARE(hidden.count(), 0);
}

void TestMainWindow::germanTranslationLoads()
{
    Translations translations(*QCoreApplication::instance());
    QVERIFY(translations.install(QLocale(QStringLiteral("de"))));
    QVERIFY(translations.hasGatehouseTranslation());

    Gateway gateway;
    MainWindow window(gateway, *m_db, loopbackAnyPort());
    TrayIcon tray(gateway, window, false);
    QListWidget *list = navigation(window);
    QCOMPARE(list->item(int(Page::Permissions))->text(), QStringLiteral("Berechtigungen"));
    QCOMPARE(list->item(int(Page::Permissions))->data(Qt::AccessibleTextRole).toString(),
             QStringLiteral("Berechtigungen"));
    QCOMPARE(statusText(window), QStringLiteral("Gestoppt"));
    QCOMPARE(tray.startStopAction()->text(), QStringLiteral("Gateway starten"));

    // English again once removed: no translator leaks into later windows.
    translations.remove();
    MainWindow english(gateway, *m_db, loopbackAnyPort());
    QCOMPARE(navigation(english)->item(int(Page::Permissions))->text(),
             QStringLiteral("Permissions"));
}

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
