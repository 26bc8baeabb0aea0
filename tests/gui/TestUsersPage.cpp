// The Users & clients page against a real store and a running gateway in OAuth mode: a user added
// on the page can sign in with a verifiable password hash; a token minted on the page works at
// /mcp with its cap stored, and is refused once revoked; a client secret issued on the page gets
// tokens with client_credentials until the client is revoked; a disabled user's token is refused;
// the Connect a client settings carry the gateway's MCP URL.
#include "../unit/store/StoreTestSupport.h"
#include "ConnectPanel.h"
#include "IssueClientDialog.h"
#include "MainWindow.h"
#include "McpTestClient.h"
#include "MintTokenDialog.h"
#include "ShownOnceDialog.h"
#include "TestSupport.h"
#include "UserDialog.h"
#include "UsersPage.h"
#include "gateway/Gateway.h"
#include "http/Request.h"
#include "http/Responder.h"
#include "http/Response.h"
#include "http/Server.h"
#include "oauth/ConnectSnippet.h"
#include "oauth/PasswordHash.h"
#include "oauth/TokenService.h"
#include "store/ClientRepository.h"
#include "store/PlanRepository.h"
#include "store/RoleRepository.h"
#include "store/ServerRepository.h"
#include "store/TokenRepository.h"
#include "store/UserRepository.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace gatehouse;
using namespace gatehouse::test;
using namespace Qt::StringLiterals;
using ui::UsersPage;

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

QList<Field> bearer(const QString &token)
{
    return {Field("Authorization", "Bearer " + token.toLatin1())};
}

} // namespace

class TestUsersPage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<Upstream> m_upstream;
    std::unique_ptr<gateway::Gateway> m_gateway;
    std::unique_ptr<UsersPage> m_page;

    template <typename T>
    T *child(const QString &name) const
    {
        T *found = m_page->findChild<T *>(name);
        if (!found)
            qWarning("no child %s", qPrintable(name));
        return found;
    }

    QString mcpUrl() const
    {
        return oauth::TokenService::resourceUrl(m_gateway->baseUrl(), u"billing"_s);
    }

    // The status of an MCP initialize on billing with this bearer token.
    int initializeStatus(const QString &token) const
    {
        return request(m_gateway->port(), "POST", "/mcp/billing", kPostHeaders + bearer(token),
                       kInitialize)
            .status;
    }

    // The tools a session with this token lists on billing; empty when it cannot open one.
    QStringList toolsWith(const QString &token) const
    {
        McpTestSession session(m_gateway->port(), "billing", bearer(token));
        if (!session.isOpen())
            return {};
        const nlohmann::json listed = session.call("tools/list");
        QStringList names;
        for (const auto &tool : listed["result"]["tools"])
            names << QString::fromStdString(tool.value("name", std::string()));
        return names;
    }

    void addUser(const QString &name)
    {
        store::User user;
        user.name = name;
        user.roles = {u"clerk"_s};
        GH_VERIFY_OK(store::UserRepository(*m_db).create(user));
    }

    // Runs after a click that starts a change: waits until the page saved it and read back,
    // and, given the spy on the gateway's reloaded() made before the click, until the running
    // gateway (which reloads in the background) serves it.
    void waitForSave(QSignalSpy &saved, QSignalSpy *reloaded = nullptr)
    {
        QTRY_VERIFY_WITH_TIMEOUT(saved.count() >= 1, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy(), kWaitMs);
        if (reloaded) {
            QTRY_VERIFY_WITH_TIMEOUT(reloaded->count() >= 1, kWaitMs);
            QVERIFY(reloaded->at(0).at(0).value<Status>().ok());
        }
    }

    void reloadPage()
    {
        QSignalSpy loaded(m_page.get(), &UsersPage::directoryLoaded);
        m_page->reload();
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1 && !m_page->isBusy(), kWaitMs);
    }

    static void clickDialogButton(QDialog *dialog, QDialogButtonBox::StandardButton which)
    {
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        QVERIFY(buttons);
        QPushButton *button = buttons->button(which);
        QVERIFY(button);
        QVERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
    }

    void clickConfirm()
    {
        auto *confirm = qobject_cast<QMessageBox *>(m_page->currentDialog());
        QVERIFY(confirm);
        QAbstractButton *yes = confirm->button(QMessageBox::Yes);
        QVERIFY(yes);
        QTest::mouseClick(yes, Qt::LeftButton);
    }

    void selectRow(const QString &tableName, const QString &key)
    {
        QTableView *table = child<QTableView>(tableName);
        QVERIFY(table);
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            if (table->model()->index(row, 0).data(Qt::UserRole).toString() == key) {
                table->setFocus();
                table->setCurrentIndex(table->model()->index(row, 0));
                return;
            }
        }
        QFAIL(qPrintable(u"no row %1 in %2"_s.arg(key, tableName)));
    }

    QString cellText(const QString &tableName, const QString &key, int column)
    {
        QTableView *table = child<QTableView>(tableName);
        for (int row = 0; row < table->model()->rowCount(); ++row)
            if (table->model()->index(row, 0).data(Qt::UserRole).toString() == key)
                return table->model()->index(row, column).data().toString();
        return {};
    }

    // Mints a token for the user on the page (server billing, the dialog's defaults but the cap);
    // returns it as the page showed it, once.
    QString mintOnPage(const QString &user, double cap)
    {
        m_page->selectUser(user);
        QPushButton *mint = child<QPushButton>(u"mintTokenButton"_s);
        if (!mint || !mint->isEnabled())
            return {};
        QTest::mouseClick(mint, Qt::LeftButton);
        auto *dialog = qobject_cast<ui::MintTokenDialog *>(m_page->currentDialog());
        if (!dialog)
            return {};
        if (dialog->serverChoice()->currentData().toString() != u"billing"_s)
            return {};
        dialog->capEdit()->setFocus();
        dialog->capEdit()->selectAll();
        QTest::keyClicks(dialog->capEdit(), QLocale().toString(cap, 'f', 2));
        dialog->capEdit()->interpretText();
        if (const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR"); !dir.isEmpty())
            dialog->grab().save(QDir(dir).filePath(u"users-mint.png"_s));
        QSignalSpy saved(m_page.get(), &UsersPage::changeSaved);
        clickDialogButton(dialog, QDialogButtonBox::Ok);
        if (!QTest::qWaitFor([&] { return saved.count() >= 1; }, kWaitMs))
            return {};
        auto *shown = qobject_cast<ui::ShownOnceDialog *>(m_page->currentDialog());
        if (!shown || !shown->field(u"token"_s))
            return {};
        const QString token = shown->field(u"token"_s)->text();
        shown->close();
        return token;
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
        GH_VERIFY_OK(store::RoleRepository(*m_db).create(store::Role{u"auditor"_s, {}, {}}));
        GH_VERIFY_OK(store::PlanRepository(*m_db).create(
            store::Plan{u"starter"_s, 100, std::nullopt, std::nullopt, {}}));
        addUser(u"olga"_s);
        addUser(u"pat"_s);

        m_gateway = std::make_unique<gateway::Gateway>(m_db.get());
        gateway::ListenOptions listen;
        listen.port = 0;
        listen.workerThreads = 1;
        GH_VERIFY_OK(m_gateway->start(listen));
    }

    void init()
    {
        m_page = std::make_unique<UsersPage>(*m_gateway, *m_db);
        QSignalSpy loaded(m_page.get(), &UsersPage::directoryLoaded);
        m_page->resize(1200, 800);
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

    void addsAUserWithAVerifiablePassword()
    {
        QPushButton *add = child<QPushButton>(u"addUserButton"_s);
        QVERIFY(add && add->isEnabled());
        QTest::mouseClick(add, Qt::LeftButton);
        auto *dialog = qobject_cast<ui::UserDialog *>(m_page->currentDialog());
        QVERIFY(dialog);
        QCOMPARE(dialog->mode(), ui::UserDialog::Mode::NewUser);
        QTest::keyClicks(dialog->nameEdit(), u"nina"_s);
        QTest::keyClicks(dialog->passwordEdit(), u"correct horse"_s);
        QTest::keyClicks(dialog->confirmEdit(), u"correct hors"_s);
        // Two different passwords cannot be saved.
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        QVERIFY(!buttons->button(QDialogButtonBox::Save)->isEnabled());
        QTest::keyClicks(dialog->confirmEdit(), u"e"_s);
        QListWidget *roles = dialog->roleList();
        const QList<QListWidgetItem *> clerk = roles->findItems(u"clerk"_s, Qt::MatchExactly);
        QCOMPARE(clerk.size(), 1);
        clerk.first()->setCheckState(Qt::Checked);
        dialog->planChoice()->setCurrentIndex(dialog->planChoice()->findData(u"starter"_s));
        QSignalSpy saved(m_page.get(), &UsersPage::changeSaved);
        QSignalSpy reloaded(m_gateway.get(), &gateway::Gateway::reloaded);
        clickDialogButton(dialog, QDialogButtonBox::Save);
        waitForSave(saved, &reloaded);

        const auto stored = store::UserRepository(*m_db).get(u"nina"_s);
        GH_VERIFY_OK(stored);
        QVERIFY(stored->passwordHash);
        QCOMPARE(oauth::PasswordHash::verify(u"correct horse"_s, *stored->passwordHash).value(),
                 true);
        QCOMPARE(oauth::PasswordHash::verify(u"correct horsE"_s, *stored->passwordHash).value(),
                 false);
        QCOMPARE(stored->roles, QStringList{u"clerk"_s});
        QCOMPARE(stored->plan, std::optional(u"starter"_s));
        // The new user is listed and selected.
        QCOMPARE(m_page->selectedUser(), u"nina"_s);
        QCOMPARE(cellText(u"userTable"_s, u"nina"_s, 2), u"starter"_s);
        QVERIFY(child<QLabel>(u"userDetails"_s)->text().contains(u"Roles: clerk"_s));
        // The gateway took the new user's roles: a token for nina lists clerk's tools.
        const QString token = mintOnPage(u"nina"_s, 1.0);
        QVERIFY(!token.isEmpty());
        QVERIFY(toolsWith(token).contains(u"get_invoice"_s));
    }

    void mintedTokenWorksWithItsCapUntilRevoked()
    {
        const QString token = mintOnPage(u"olga"_s, 2.5);
        QVERIFY(token.startsWith(oauth::TokenService::tokenPrefix()));
        // Shown once: the dialog's fields are emptied when it closes.
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->currentDialog(), kWaitMs);

        const QStringList tools = toolsWith(token);
        QVERIFY2(tools.contains(u"get_invoice"_s), qPrintable(tools.join(u", "_s)));
        const auto row = store::TokenRepository(*m_db).get(oauth::TokenService::hashToken(token));
        GH_VERIFY_OK(row);
        QCOMPARE(row->spendCap, std::optional(2.5));
        QCOMPARE(row->user, std::optional(u"olga"_s));
        QCOMPARE(row->audience, std::optional(mcpUrl()));
        QVERIFY(row->expiresAt > QDateTime::currentDateTimeUtc().addSecs(3500));
        QVERIFY(row->expiresAt <= QDateTime::currentDateTimeUtc().addSecs(3600));

        // Listed without the secret, with its cap.
        reloadPage();
        const QString id = row->tokenHash.left(oauth::TokenService::idLength);
        QCOMPARE(
            cellText(u"tokenTable"_s, id, 5),
            u"%1 of %2"_s.arg(QLocale().toString(0.0, 'f', 2), QLocale().toString(2.5, 'f', 2)));
        QTableView *tokens = child<QTableView>(u"tokenTable"_s);
        for (int r = 0; r < tokens->model()->rowCount(); ++r)
            for (int c = 0; c < tokens->model()->columnCount(); ++c)
                QVERIFY(!tokens->model()->index(r, c).data().toString().contains(token.mid(6, 10)));

        selectRow(u"tokenTable"_s, id);
        QPushButton *revoke = child<QPushButton>(u"revokeTokenButton"_s);
        QVERIFY(revoke->isEnabled());
        QSignalSpy saved(m_page.get(), &UsersPage::changeSaved);
        QTest::mouseClick(revoke, Qt::LeftButton);
        clickConfirm();
        waitForSave(saved);
        QCOMPARE(initializeStatus(token), 401);
        QCOMPARE(cellText(u"tokenTable"_s, id, 6), u"Revoked"_s);
    }

    void issuedClientSecretGetsTokensUntilRevoked()
    {
        m_page->selectUser(u"olga"_s);
        QPushButton *issue = child<QPushButton>(u"issueClientButton"_s);
        QVERIFY(issue->isEnabled());
        QTest::mouseClick(issue, Qt::LeftButton);
        auto *ask = qobject_cast<ui::IssueClientDialog *>(m_page->currentDialog());
        QVERIFY(ask);
        QTest::keyClicks(ask->nameEdit(), u"Olga's laptop"_s);
        // A redirect URI the authorization server would refuse cannot be issued.
        auto *issueButton = ask->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        ask->redirectEdit()->setFocus();
        QTest::keyClicks(ask->redirectEdit(), u"javascript:alert(1)"_s);
        QVERIFY(!issueButton->isEnabled());
        QVERIFY(!ask->findChild<QLabel *>(u"clientProblem"_s)->text().isEmpty());
        ask->redirectEdit()->clear();
        QTest::keyClicks(ask->redirectEdit(), u"http://127.0.0.1:33418/callback"_s);
        QVERIFY(issueButton->isEnabled());
        QSignalSpy saved(m_page.get(), &UsersPage::changeSaved);
        clickDialogButton(ask, QDialogButtonBox::Ok);
        waitForSave(saved);

        auto *shown = qobject_cast<ui::ShownOnceDialog *>(m_page->currentDialog());
        QVERIFY(shown);
        QVERIFY(shown->findChild<QLabel *>(u"shownOnceExplanation"_s)
                    ->text()
                    .contains(u"will not be shown again"_s));
        const QString clientId = shown->field(u"clientId"_s)->text();
        const QString secret = shown->field(u"clientSecret"_s)->text();
        QVERIFY(clientId.startsWith(u"gh_ci_"_s));
        QVERIFY(secret.startsWith(u"gh_cs_"_s));
        if (const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(shown->grab().save(QDir(dir).filePath(u"users-secret.png"_s)));
        QTest::mouseClick(shown->findChild<QPushButton *>(u"clientSecretCopy"_s), Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), secret);
        shown->close();
        // "I have stored it" takes the secret off the clipboard too.
        QVERIFY(QApplication::clipboard()->text().isEmpty());

        // Only the hash is stored.
        const auto stored = store::ClientRepository(*m_db).get(clientId);
        GH_VERIFY_OK(stored);
        QCOMPARE(stored->user, std::optional(u"olga"_s));
        QCOMPARE(stored->name, std::optional(u"Olga's laptop"_s));
        QCOMPARE(stored->redirectUris, QStringList{u"http://127.0.0.1:33418/callback"_s});
        QVERIFY(stored->clientSecretHash && !stored->clientSecretHash->contains(secret));

        const auto grant = [&] {
            const QByteArray body =
                "grant_type=client_credentials&resource=" + QUrl::toPercentEncoding(mcpUrl());
            const QByteArray basic = (clientId + u':' + secret).toUtf8().toBase64();
            return request(m_gateway->port(), "POST", "/oauth/token",
                           {Field("Content-Type", "application/x-www-form-urlencoded"),
                            Field("Authorization", "Basic " + basic)},
                           body);
        };
        const HttpResponse granted = grant();
        QCOMPARE(granted.status, 200);
        const QString access = QString::fromStdString(granted.json().value("access_token", ""));
        QVERIFY(!access.isEmpty());
        QVERIFY(toolsWith(access).contains(u"get_invoice"_s));

        reloadPage();
        QCOMPARE(cellText(u"clientTable"_s, clientId, 1), u"Olga's laptop"_s);
        QCOMPARE(cellText(u"clientTable"_s, clientId, 6), u"1"_s);
        QVERIFY(cellText(u"clientTable"_s, clientId, 5) != UsersPage::tr("never"));
        selectRow(u"clientTable"_s, clientId);
        QPushButton *revoke = child<QPushButton>(u"revokeClientButton"_s);
        QVERIFY(revoke->isEnabled());
        // It asks first; Cancel leaves the client working.
        QTest::mouseClick(revoke, Qt::LeftButton);
        auto *confirm = qobject_cast<QMessageBox *>(m_page->currentDialog());
        QVERIFY(confirm);
        QVERIFY(confirm->text().contains(clientId));
        QTest::mouseClick(confirm->button(QMessageBox::Cancel), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->currentDialog(), kWaitMs);
        QVERIFY(!store::ClientRepository(*m_db).get(clientId)->revoked);
        QCOMPARE(initializeStatus(access), 200);
        QSignalSpy revokedSaved(m_page.get(), &UsersPage::changeSaved);
        QTest::mouseClick(revoke, Qt::LeftButton);
        clickConfirm();
        waitForSave(revokedSaved);

        QCOMPARE(initializeStatus(access), 401);
        const HttpResponse refused = grant();
        QVERIFY2(refused.status == 400 || refused.status == 401, refused.body.constData());
        QVERIFY(refused.json().value("access_token", "").empty());
        QCOMPARE(cellText(u"clientTable"_s, clientId, 7), u"Revoked"_s);
        QVERIFY(!revoke->isEnabled());
    }

    void disabledUsersTokenIsRefused()
    {
        const QString token = mintOnPage(u"pat"_s, 5.0);
        QVERIFY(!token.isEmpty());
        QCOMPARE(initializeStatus(token), 200);

        m_page->selectUser(u"pat"_s);
        QPushButton *disable = child<QPushButton>(u"disableButton"_s);
        QCOMPARE(disable->text(), u"&Disable"_s);
        QSignalSpy saved(m_page.get(), &UsersPage::changeSaved);
        QSignalSpy reloaded(m_gateway.get(), &gateway::Gateway::reloaded);
        QTest::mouseClick(disable, Qt::LeftButton);
        waitForSave(saved, &reloaded);
        QVERIFY(store::UserRepository(*m_db).get(u"pat"_s)->disabled);
        QCOMPARE(initializeStatus(token), 401);
        QCOMPARE(cellText(u"userTable"_s, u"pat"_s, 3), u"Disabled"_s);
        // Nothing new for a disabled user; enabling undoes it.
        QVERIFY(!child<QPushButton>(u"mintTokenButton"_s)->isEnabled());
        QVERIFY(!child<QPushButton>(u"issueClientButton"_s)->isEnabled());
        QCOMPARE(disable->text(), u"&Enable"_s);
        QSignalSpy enabled(m_page.get(), &UsersPage::changeSaved);
        QSignalSpy reloadedAgain(m_gateway.get(), &gateway::Gateway::reloaded);
        QTest::mouseClick(disable, Qt::LeftButton);
        waitForSave(enabled, &reloadedAgain);
        QCOMPARE(initializeStatus(token), 200);
        // The gateway's policy, which also knows who is disabled, has the change too: the
        // enabled user sees and may call their tools again.
        QVERIFY(toolsWith(token).contains(u"get_invoice"_s));
    }

    void setsAPasswordAndChangesRolesAndPlan()
    {
        m_page->selectUser(u"pat"_s);
        QTest::mouseClick(child<QPushButton>(u"passwordButton"_s), Qt::LeftButton);
        auto *dialog = qobject_cast<ui::UserDialog *>(m_page->currentDialog());
        QVERIFY(dialog);
        QCOMPARE(dialog->mode(), ui::UserDialog::Mode::Password);
        QTest::keyClicks(dialog->passwordEdit(), u"pat's new one"_s);
        QTest::keyClicks(dialog->confirmEdit(), u"pat's new one"_s);
        QSignalSpy saved(m_page.get(), &UsersPage::changeSaved);
        clickDialogButton(dialog, QDialogButtonBox::Save);
        waitForSave(saved);
        const auto pat = store::UserRepository(*m_db).get(u"pat"_s);
        QVERIFY(pat->passwordHash);
        QCOMPARE(oauth::PasswordHash::verify(u"pat's new one"_s, *pat->passwordHash).value(), true);
        QCOMPARE(cellText(u"userTable"_s, u"pat"_s, 3), u"Active"_s);

        // pat's token lists clerk's tools until pat has only the auditor role, which allows
        // nothing: the running gateway follows at once.
        const QString token = mintOnPage(u"pat"_s, 1.0);
        QVERIFY(toolsWith(token).contains(u"get_invoice"_s));
        m_page->selectUser(u"pat"_s);
        QTest::mouseClick(child<QPushButton>(u"editUserButton"_s), Qt::LeftButton);
        auto *edit = qobject_cast<ui::UserDialog *>(m_page->currentDialog());
        QVERIFY(edit);
        QListWidget *roles = edit->roleList();
        roles->findItems(u"clerk"_s, Qt::MatchExactly).first()->setCheckState(Qt::Unchecked);
        roles->findItems(u"auditor"_s, Qt::MatchExactly).first()->setCheckState(Qt::Checked);
        edit->planChoice()->setCurrentIndex(edit->planChoice()->findData(u"starter"_s));
        QSignalSpy edited(m_page.get(), &UsersPage::changeSaved);
        QSignalSpy reloaded(m_gateway.get(), &gateway::Gateway::reloaded);
        clickDialogButton(edit, QDialogButtonBox::Save);
        waitForSave(edited, &reloaded);
        QCOMPARE(child<QLabel>(u"saveState"_s)->text(),
                 u"Saved pat's roles, plan and limits. The running gateway uses them now."_s);
        const auto after = store::UserRepository(*m_db).get(u"pat"_s);
        QCOMPARE(after->roles, QStringList{u"auditor"_s});
        QCOMPARE(after->plan, std::optional(u"starter"_s));
        QCOMPARE(initializeStatus(token), 200);
        QVERIFY(!toolsWith(token).contains(u"get_invoice"_s));
    }

    // An own limit set on the page is the limit the running gateway enforces for that user.
    void anOwnLimitIsEnforcedByTheGateway()
    {
        const QString token = mintOnPage(u"olga"_s, 5.0);
        QVERIFY(!token.isEmpty());
        McpTestSession session(m_gateway->port(), "billing", bearer(token));
        QVERIFY(session.isOpen());
        const QByteArray call =
            R"({"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"get_invoice",)"
            R"("arguments":{"invoice_id":"in_1"}}})";
        QCOMPARE(session.post(call).status, 200);

        m_page->selectUser(u"olga"_s);
        QTest::mouseClick(child<QPushButton>(u"editUserButton"_s), Qt::LeftButton);
        auto *edit = qobject_cast<ui::UserDialog *>(m_page->currentDialog());
        QVERIFY(edit);
        QCOMPARE(edit->mode(), ui::UserDialog::Mode::RolesAndPlan);
        QVERIFY(edit->callsFromPlan()->isChecked());
        QVERIFY(!edit->callsEdit()->isEnabled());
        QTest::mouseClick(edit->callsFromPlan(), Qt::LeftButton);
        QVERIFY(edit->callsEdit()->isEnabled());
        edit->callsEdit()->setFocus();
        edit->callsEdit()->selectAll();
        QTest::keyClicks(edit->callsEdit(), u"1"_s);
        edit->callsEdit()->interpretText();
        if (const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR"); !dir.isEmpty())
            edit->grab().save(QDir(dir).filePath(u"users-edit.png"_s));
        QSignalSpy saved(m_page.get(), &UsersPage::changeSaved);
        QSignalSpy reloaded(m_gateway.get(), &gateway::Gateway::reloaded);
        // Saved first; that the gateway uses the limit is said once it has reloaded.
        QString stateWhenSaved;
        QObject watcher;
        connect(m_page.get(), &UsersPage::changeSaved, &watcher,
                [&] { stateWhenSaved = child<QLabel>(u"saveState"_s)->text(); });
        clickDialogButton(edit, QDialogButtonBox::Save);
        waitForSave(saved, &reloaded);
        QCOMPARE(stateWhenSaved, u"Saved olga's roles, plan and limits."_s);
        QCOMPARE(child<QLabel>(u"saveState"_s)->text(),
                 u"Saved olga's roles, plan and limits. The running gateway uses them now."_s);
        QCOMPARE(store::UserRepository(*m_db).get(u"olga"_s)->callsPerMonth,
                 std::optional<qint64>(1));
        QVERIFY(child<QLabel>(u"userDetails"_s)->text().contains(u"1 calls/month"_s));

        const HttpResponse refused = session.post(call);
        QCOMPARE(refused.status, 429);
        QCOMPARE(refused.json()["error"]["data"]["limit"], nlohmann::json("calls_per_month"));
        QCOMPARE(refused.json()["error"]["data"]["allowed"], nlohmann::json(1));
    }

    void connectSettingsCarryTheGatewaysUrl()
    {
        ui::ConnectPanel *panel = m_page->connectPanel();
        QComboBox *program = panel->programChoice();
        QCOMPARE(panel->serverChoice()->currentText(), u"billing"_s);
        QCOMPARE(program->count(), 4);
        const QString url = mcpUrl();
        QVERIFY(url.startsWith(u"http://127.0.0.1:"_s));
        for (int i = 0; i < program->count(); ++i) {
            program->setCurrentIndex(i);
            const QString text = panel->snippet();
            const auto which = oauth::ConnectSnippet::Program(program->itemData(i).toInt());
            if (which == oauth::ConnectSnippet::Program::McpInspector) {
                QVERIFY2(text.contains(QString::fromLatin1(QUrl::toPercentEncoding(url))),
                         qPrintable(text));
                continue;
            }
            QVERIFY2(text.contains(u'"' + url + u'"'), qPrintable(text));
            QJsonParseError error;
            QJsonDocument::fromJson(text.toUtf8(), &error);
            QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        }
        QPushButton *copy = panel->findChild<QPushButton *>(u"connectCopy"_s);
        QTest::mouseClick(copy, Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), panel->snippet());
    }

    // Whatever the user copied after the secret is theirs: closing leaves it on the clipboard.
    void shownOnceLeavesOtherClipboardTextAlone()
    {
        ui::ShownOnceDialog shown(u"Token"_s, u"It will not be shown again."_s);
        shown.addValue(u"Token"_s, u"gh_at_example"_s, u"token"_s);
        shown.show();
        QTest::mouseClick(shown.findChild<QPushButton *>(u"tokenCopy"_s), Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), u"gh_at_example"_s);
        QApplication::clipboard()->setText(u"notes for later"_s);
        shown.close();
        QCOMPARE(QApplication::clipboard()->text(), u"notes for later"_s);
        QVERIFY(shown.field(u"token"_s)->text().isEmpty());
        QApplication::clipboard()->clear();
    }

    // The page passes the gateway's certificate file on to the settings: an https gateway with
    // a certificate of its own gets NODE_EXTRA_CA_CERTS for mcp-remote.
    void connectSettingsNameTheCertificate()
    {
        ui::ConnectPanel panel;
        panel.setServers({u"billing"_s});
        panel.setBaseUrl(QUrl(u"https://gatehouse.lan:8787"_s));
        panel.programChoice()->setCurrentIndex(
            panel.programChoice()->findData(int(oauth::ConnectSnippet::Program::ClaudeDesktop)));
        QVERIFY(!panel.snippet().contains(u"NODE_EXTRA_CA_CERTS"_s));
        const QString pem = u"/srv/gatehouse/tls/gateway.crt"_s;
        panel.setCertificateFile(pem);
        const QJsonObject entry = QJsonDocument::fromJson(panel.snippet().toUtf8())
                                      .object()
                                      .value(u"mcpServers"_s)
                                      .toObject()
                                      .value(u"gatehouse-billing"_s)
                                      .toObject();
        QCOMPARE(entry.value(u"env"_s).toObject().value(u"NODE_EXTRA_CA_CERTS"_s).toString(), pem);
        const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR");
        panel.resize(720, 480);
        if (!dir.isEmpty())
            QVERIFY(panel.grab().save(QDir(dir).filePath(u"snippets-claude.png"_s)));
        panel.programChoice()->setCurrentIndex(
            panel.programChoice()->findData(int(oauth::ConnectSnippet::Program::VsCode)));
        QVERIFY(panel.findChild<QLabel *>(u"connectWhere"_s)->text().contains(pem));
        if (!dir.isEmpty())
            QVERIFY(panel.grab().save(QDir(dir).filePath(u"snippets-vscode.png"_s)));
        panel.programChoice()->setCurrentIndex(
            panel.programChoice()->findData(int(oauth::ConnectSnippet::Program::McpInspector)));
        if (!dir.isEmpty())
            QVERIFY(panel.grab().save(QDir(dir).filePath(u"snippets-inspector.png"_s)));
    }

    // The page in the main window at a laptop's size: reached with Ctrl+5, every user and client
    // row in view, the selected user's details beside them.
    void inTheWindow()
    {
        gateway::ListenOptions listen;
        listen.port = 0;
        ui::MainWindow window(*m_gateway, *m_db, listen);
        window.resize(1280, 800);
        auto *page = qobject_cast<UsersPage *>(window.page(ui::MainWindow::Page::Users));
        QVERIFY(page);
        QSignalSpy loaded(page, &UsersPage::directoryLoaded);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::keyClick(&window, Qt::Key_5, Qt::ControlModifier);
        QCOMPARE(window.currentPage(), ui::MainWindow::Page::Users);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1 && !page->isBusy(), kWaitMs);
        page->selectUser(u"olga"_s);
        QVERIFY(page->findChild<QLabel *>(u"userDetails"_s)->text().startsWith(u"olga"_s));
        for (const QString &name : {u"userTable"_s, u"clientTable"_s}) {
            auto *table = page->findChild<QTableView *>(name);
            const int last = table->model()->rowCount() - 1;
            QVERIFY(last >= 0);
            QVERIFY2(table->rowViewportPosition(last) + table->rowHeight(last) <=
                         table->viewport()->height(),
                     qPrintable(name));
        }
        QTest::qWait(50);
        const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR");
        const QImage shot = window.grab().toImage();
        QVERIFY(!shot.isNull());
        if (!dir.isEmpty())
            QVERIFY(shot.save(QDir(dir).filePath(u"users.png"_s)));
        auto *tabs = page->findChild<QTabWidget *>(u"usersTabs"_s);
        tabs->setCurrentIndex(1);
        QTest::qWait(50);
        if (!dir.isEmpty())
            QVERIFY(window.grab().save(QDir(dir).filePath(u"users-tokens.png"_s)));
        tabs->setCurrentWidget(page->connectPanel());
        QTest::qWait(50);
        QVERIFY(page->connectPanel()->snippet().contains(mcpUrl()));
        if (!dir.isEmpty())
            QVERIFY(window.grab().save(QDir(dir).filePath(u"users-connect.png"_s)));
        window.close();
    }
};

QTEST_MAIN(TestUsersPage)
#include "TestUsersPage.moc"
