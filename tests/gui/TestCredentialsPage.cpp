// The Credentials page against a real store, a real gnome-keyring (with-gnome-keyring.sh) and a
// running gateway: a secret imported through the dialog lands encrypted in the vault, its master
// key in the keychain, and the gateway injects it into the next upstream call; a replaced secret
// is injected from then on; a deleted one is gone, after a confirmation that names the tools that
// use it. The secret never shows in the page's widgets once entered.
#include "../unit/store/StoreTestSupport.h"
#include "CredentialDialog.h"
#include "CredentialsPage.h"
#include "McpTestClient.h"
#include "TestSupport.h"
#include "gateway/Gateway.h"
#include "http/Request.h"
#include "http/Responder.h"
#include "http/Response.h"
#include "http/Server.h"
#include "secrets/KeychainKeyProvider.h"
#include "secrets/Vault.h"
#include "store/CredentialRepository.h"
#include "store/SecretRepository.h"
#include "store/ServerRepository.h"
#include "store/UserRepository.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMutex>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace gatehouse;
using namespace gatehouse::test;
using namespace Qt::StringLiterals;
using ui::CredentialDialog;
using ui::CredentialsPage;

// The keychain tests store into the private, unlocked keyring that with-gnome-keyring.sh starts,
// never into the keyring of the person running them.
#define REQUIRE_PRIVATE_KEYRING()                                                                  \
    do {                                                                                           \
        if (qEnvironmentVariableIsEmpty("GATEHOUSE_IN_KEYRING_SESSION"))                           \
            QSKIP("needs the private keyring of with-gnome-keyring.sh (ctest -L keychain)");       \
    } while (false)

namespace {

// Long enough for a keychain that is slow to answer (its own timeout is 25 s).
constexpr int kWaitMs = 40000;
const QString kEntry = u"credentials-page-test"_s;
const QByteArray kFirstKey = "sk_live_first_8c2f41d7";
const QByteArray kSecondKey = "sk_live_second_3b9e06aa";
const QByteArray kStripeToken = "tok_payments_5e11c3f0";

struct Seen
{
    QByteArray apiKey;
    QByteArray authorization;
};

class RecordingUpstream
{
public:
    RecordingUpstream()
    {
        http::ServerOptions options;
        options.workerThreads = 1;
        m_server = std::make_unique<http::Server>(options);
        m_server->setHandler([this](const http::Request &request,
                                    std::shared_ptr<http::Responder> responder) {
            {
                QMutexLocker lock(&m_mutex);
                m_seen.append(Seen{request.header("x-api-key"), request.header("authorization")});
            }
            responder->respond(http::Response::json(200, R"({"id":"in_1","status":"open"})"));
        });
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0).ok());
    }
    QString baseUrl() const { return u"http://127.0.0.1:%1/v1"_s.arg(m_server->serverPort()); }
    QList<Seen> take()
    {
        QMutexLocker lock(&m_mutex);
        return std::exchange(m_seen, {});
    }

private:
    std::unique_ptr<http::Server> m_server;
    QMutex m_mutex;
    QList<Seen> m_seen;
};

config::MasterKeyConfig masterKeyConfig()
{
    return config::MasterKeyConfig{config::MasterKeySource::Keychain, kEntry, QString()};
}

QString text(const nlohmann::json &result)
{
    return QString::fromStdString(
        result.value("content", nlohmann::json::array()).at(0).value("text", ""));
}

} // namespace

class TestCredentialsPage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<RecordingUpstream> m_upstream;
    std::unique_ptr<gateway::Gateway> m_gateway;
    std::unique_ptr<CredentialsPage> m_page;

    void openPage()
    {
        m_page = std::make_unique<CredentialsPage>(*m_gateway, *m_db, masterKeyConfig());
        QSignalSpy loaded(m_page.get(), &CredentialsPage::overviewLoaded);
        m_page->resize(1100, 600);
        m_page->show();
        QVERIFY(m_page->isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1 && !m_page->isBusy(), kWaitMs);
    }

    void startGateway()
    {
        m_gateway = std::make_unique<gateway::Gateway>(m_db.get());
        gateway::ListenOptions listen;
        listen.port = 0;
        listen.workerThreads = 1;
        listen.authMode = gateway::AuthMode::None;
        GH_VERIFY_OK(m_gateway->start(listen));
    }

    nlohmann::json callGetInvoice(const QByteArray &server)
    {
        McpTestSession session(m_gateway->port(), server);
        if (!session.isOpen())
            return nlohmann::json();
        return session.callTool(u"get_invoice"_s, {{"invoice_id", "in_1"}});
    }

    int rowOf(const QString &credential, const QString &whose) const
    {
        QAbstractItemModel *model = m_page->table()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->index(row, 0).data().toString() == credential &&
                model->index(row, 3).data().toString() == whose)
                return row;
        return -1;
    }

    void select(const QString &credential, const QString &whose)
    {
        const int row = rowOf(credential, whose);
        QVERIFY2(row >= 0, qPrintable(credential + u' ' + whose));
        m_page->table()->setFocus();
        m_page->table()->selectRow(row);
    }

    // Types the secret as a person would, then presses the dialog's main button and waits for the
    // keychain and the store.
    void typeSecretAndSubmit(CredentialDialog *dialog, const QByteArray &secret)
    {
        QLineEdit *field = dialog->secretEdit();
        QCOMPARE(field->echoMode(), QLineEdit::Password);
        field->setFocus();
        QTest::keyClicks(field, QString::fromLatin1(secret));
        QVERIFY2(dialog->acceptButton()->isEnabled(), qPrintable(dialog->problem()));
        QSignalSpy saved(m_page.get(), &CredentialsPage::changeSaved);
        QSignalSpy failed(m_page.get(), &CredentialsPage::changeFailed);
        QTest::mouseClick(dialog->acceptButton(), Qt::LeftButton);
        QVERIFY(m_page->isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(saved.count() + failed.count() >= 1, kWaitMs);
        QVERIFY2(failed.isEmpty(),
                 failed.isEmpty() ? "" : qPrintable(failed.at(0).at(0).toString()));
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy(), kWaitMs);
        waitInUse();
    }

    // The running gateway reloads in the background; the page says so once it has.
    void waitInUse()
    {
        const auto *message = m_page->findChild<QLabel *>(u"saveState"_s);
        QVERIFY(message);
        QTRY_VERIFY_WITH_TIMEOUT(message->text().endsWith(u" The running gateway uses it now."_s),
                                 kWaitMs);
    }

    // Every text the page and its windows show: labels, line edits, message boxes and table
    // cells (tool tips too).
    QStringList shownTexts() const
    {
        QStringList texts;
        for (const QLabel *label : m_page->findChildren<QLabel *>())
            texts << label->text();
        for (const QLineEdit *edit : m_page->findChildren<QLineEdit *>())
            texts << edit->text() << edit->displayText();
        for (const QMessageBox *box : m_page->findChildren<QMessageBox *>())
            texts << box->text() << box->informativeText() << box->detailedText();
        const QAbstractItemModel *model = m_page->table()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            for (int column = 0; column < model->columnCount(); ++column)
                texts << model->index(row, column).data().toString()
                      << model->index(row, column).data(Qt::ToolTipRole).toString();
        return texts;
    }

    void verifyNeverShown(const QByteArray &secret) const
    {
        const QStringList texts = shownTexts();
        QVERIFY(texts.size() > 20); // the walk found the page's widgets
        for (const QString &shown : texts)
            QVERIFY2(!shown.contains(QString::fromLatin1(secret)), qPrintable(shown));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = store::test::openStore(m_dir);
        QVERIFY(m_db);
        m_upstream = std::make_unique<RecordingUpstream>();

        // As the configuration declares it: an API key in X-API-Key that billing's tools use,
        // whose secret is to come from the vault.
        store::Credential billingKey;
        billingKey.name = u"billing-key"_s;
        billingKey.type = u"api_key"_s;
        billingKey.location = u"header"_s;
        billingKey.param = u"X-API-Key"_s;
        billingKey.secret = store::SecretReference{u"keychain"_s, u"billing-key"_s};
        billingKey.origin = store::Origin::Config;
        GH_VERIFY_OK(store::CredentialRepository(*m_db).upsert(billingKey));
        for (const QString &name : {u"alice"_s, u"bob"_s}) {
            store::User user;
            user.name = name;
            GH_VERIFY_OK(store::UserRepository(*m_db).create(user));
        }
        for (const QString &name : {u"billing"_s, u"payments"_s}) {
            store::Server server;
            server.name = name;
            server.openapi = sourceDir() + u"/examples/specs/billing.yaml"_s;
            server.baseUrl = m_upstream->baseUrl();
            if (name == u"billing"_s)
                server.credential = billingKey.name;
            GH_VERIFY_OK(store::ServerRepository(*m_db).create(server));
        }

        startGateway();
    }

    void cleanup() { m_page.reset(); }

    void cleanupTestCase()
    {
        m_page.reset();
        m_gateway.reset();
        m_upstream.reset();
        m_db.reset();
    }

    // Before any import the gateway has no secret to send, and says how to add one.
    void withoutASecretNothingGoesUpstream()
    {
        REQUIRE_PRIVATE_KEYRING();
        openPage();
        QVERIFY(rowOf(u"billing-key"_s, u"none imported yet"_s) >= 0);
        const nlohmann::json result = callGetInvoice("billing");
        QVERIFY2(result.value("isError", false), result.dump().c_str());
        QVERIFY(m_upstream->take().isEmpty());
    }

    void importedSecretIsInTheVaultKeychainAndUpstream()
    {
        REQUIRE_PRIVATE_KEYRING();
        openPage();
        QVERIFY(m_page->findChild<QPushButton *>(u"importCredentialButton"_s)->isEnabled());
        QTest::mouseClick(m_page->findChild<QPushButton *>(u"importCredentialButton"_s),
                          Qt::LeftButton);
        CredentialDialog *dialog = m_page->dialog();
        QVERIFY(dialog);
        QTest::keyClicks(dialog->nameEdit(), u"billing-key"_s);
        // A declared credential keeps its type and placement.
        QVERIFY(!dialog->typeBox()->isEnabled());
        QCOMPARE(dialog->typeBox()->currentData().toString(), u"api_key"_s);
        QCOMPARE(dialog->paramEdit()->text(), u"X-API-Key"_s);
        QVERIFY(dialog->ownerWideButton()->isChecked());
        // The show toggle unmasks while typing, and masks again.
        QTest::mouseClick(dialog->showSecretButton(), Qt::LeftButton);
        QCOMPARE(dialog->secretEdit()->echoMode(), QLineEdit::Normal);
        QTest::mouseClick(dialog->showSecretButton(), Qt::LeftButton);
        typeSecretAndSubmit(dialog, kFirstKey);
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->dialog(), kWaitMs);

        // The vault: one encrypted record, without the secret in it or anywhere in the file.
        const auto stored = store::SecretRepository(*m_db).get(u"billing-key"_s, QString());
        GH_VERIFY_OK(stored);
        QVERIFY(!stored->ciphertext.isEmpty());
        QVERIFY(!stored->ciphertext.toLatin1().contains(kFirstKey));
        // The master key in the keychain opens the store's key check.
        secrets::KeychainKeyProvider keychain(secrets::KeychainKeyProvider::defaultService(),
                                              kEntry);
        const auto key = keychain.load();
        GH_VERIFY_OK(key);
        const auto check = store::SecretRepository(*m_db).keyCheck();
        GH_VERIFY_OK(check);
        GH_VERIFY_OK(secrets::Vault::open(*key, *check));
        // Created now: its recovery key is shown once.
        auto *recovery = m_page->findChild<QMessageBox *>(u"recoveryKeyBox"_s);
        QVERIFY(recovery);
        QVERIFY(recovery->text().contains(kEntry));
        QVERIFY(!recovery->informativeText().isEmpty());

        // The running gateway sends it with the next call, without a restart.
        const nlohmann::json result = callGetInvoice("billing");
        QVERIFY2(!result.value("isError", false), result.dump().c_str());
        const QList<Seen> seen = m_upstream->take();
        QCOMPARE(seen.size(), 1);
        QCOMPARE(seen.at(0).apiKey, kFirstKey);

        // The list: owner-wide, and the tools that use it.
        const int row = rowOf(u"billing-key"_s, u"owner-wide"_s);
        QVERIFY(row >= 0);
        const QString usedBy =
            m_page->table()->model()->index(row, 6).data(Qt::ToolTipRole).toString();
        QVERIFY2(usedBy.contains(u"get_invoice (billing)"_s), qPrintable(usedBy));
        QVERIFY(!usedBy.contains(u"(payments)"_s));
        verifyNeverShown(kFirstKey);
        recovery->accept();
    }

    void replacedSecretIsInjectedFromThenOn()
    {
        REQUIRE_PRIVATE_KEYRING();
        // A gateway started afresh gets the vault from the page, with the key from the keychain,
        // and reads its servers again with it in the background.
        startGateway();
        QSignalSpy reloaded(m_gateway.get(), &gateway::Gateway::reloaded);
        openPage();
        QSignalSpy ready(m_page.get(), &CredentialsPage::vaultReady);
        QTRY_VERIFY_WITH_TIMEOUT(ready.count() == 1 || !m_page->isBusy(), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(reloaded.count(), 1, kWaitMs);
        QVERIFY(reloaded.at(0).at(0).value<Status>().ok());
        nlohmann::json result = callGetInvoice("billing");
        QVERIFY2(!result.value("isError", false), result.dump().c_str());
        QCOMPARE(m_upstream->take().value(0).apiKey, kFirstKey);

        select(u"billing-key"_s, u"owner-wide"_s);
        QTest::mouseClick(m_page->findChild<QPushButton *>(u"replaceSecretButton"_s),
                          Qt::LeftButton);
        CredentialDialog *dialog = m_page->dialog();
        QVERIFY(dialog && dialog->isReplace());
        QVERIFY(dialog->secretEdit()->text().isEmpty()); // the old secret is never filled in
        if (const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(dialog->grab().save(QDir(dir).filePath(u"credentials-replace.png"_s)));
        typeSecretAndSubmit(dialog, kSecondKey);
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->dialog(), kWaitMs);
        // No second master key: none was created, so no recovery key is shown.
        QVERIFY(!m_page->findChild<QMessageBox *>(u"recoveryKeyBox"_s));

        result = callGetInvoice("billing");
        QVERIFY2(!result.value("isError", false), result.dump().c_str());
        const QList<Seen> seen = m_upstream->take();
        QCOMPARE(seen.size(), 1);
        QCOMPARE(seen.at(0).apiKey, kSecondKey);
        verifyNeverShown(kFirstKey);
        verifyNeverShown(kSecondKey);
    }

    // A credential declared in the dialog (type and placement chosen there) is stored as chosen
    // and, once a server uses it, injected as its type says.
    void newCredentialIsDeclaredAsChosen()
    {
        REQUIRE_PRIVATE_KEYRING();
        openPage();
        QTest::mouseClick(m_page->findChild<QPushButton *>(u"importCredentialButton"_s),
                          Qt::LeftButton);
        CredentialDialog *dialog = m_page->dialog();
        QVERIFY(dialog);
        QTest::keyClicks(dialog->nameEdit(), u"payments token"_s);
        QVERIFY(dialog->typeBox()->isEnabled());
        dialog->typeBox()->setCurrentIndex(dialog->typeBox()->findData(u"bearer"_s));
        QVERIFY(!dialog->paramEdit()->isEnabled()); // a bearer token goes in Authorization
        QTest::keyClicks(dialog->secretEdit(), QString::fromLatin1(kStripeToken));
        // Validation in words: a name with a space is refused.
        QVERIFY(!dialog->acceptButton()->isEnabled());
        QVERIFY2(dialog->problem().contains(u"payments token"_s), qPrintable(dialog->problem()));
        dialog->nameEdit()->clear();
        dialog->secretEdit()->clear();
        QTest::keyClicks(dialog->nameEdit(), u"payments-token"_s);
        secrets::KeychainKeyProvider keychain(secrets::KeychainKeyProvider::defaultService(),
                                              kEntry);
        const auto keyBefore = keychain.load();
        GH_VERIFY_OK(keyBefore);
        typeSecretAndSubmit(dialog, kStripeToken);
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->dialog(), kWaitMs);
        // Encrypted under the master key the keychain holds already: no second one.
        QVERIFY(!m_page->findChild<QMessageBox *>(u"recoveryKeyBox"_s));
        const auto keyAfter = keychain.load();
        GH_VERIFY_OK(keyAfter);
        QVERIFY(*keyAfter == *keyBefore);

        const auto declared = store::CredentialRepository(*m_db).get(u"payments-token"_s);
        GH_VERIFY_OK(declared);
        QCOMPARE(declared->type, u"bearer"_s);
        QVERIFY(!declared->perUser);
        QCOMPARE(declared->origin, store::Origin::Local);

        // The Servers page's part, done here on the store: payments uses it.
        auto payments = store::ServerRepository(*m_db).get(u"payments"_s);
        GH_VERIFY_OK(payments);
        payments->credential = u"payments-token"_s;
        GH_VERIFY_OK(store::ServerRepository(*m_db).upsert(*payments));
        GH_VERIFY_OK(m_gateway->reloadServers());
        const nlohmann::json result = callGetInvoice("payments");
        QVERIFY2(!result.value("isError", false), result.dump().c_str());
        const QList<Seen> seen = m_upstream->take();
        QCOMPARE(seen.size(), 1);
        QCOMPARE(seen.at(0).authorization, "Bearer " + kStripeToken);
        QVERIFY(seen.at(0).apiKey.isEmpty());
        verifyNeverShown(kStripeToken);
    }

    // A per-user credential: the secret is the chosen user's, and listed under their name. The
    // page and the dialog are saved as pictures when GATEHOUSE_SCREENSHOT_DIR is set.
    void perUserSecretIsListedForItsUser()
    {
        REQUIRE_PRIVATE_KEYRING();
        openPage();
        QTest::mouseClick(m_page->findChild<QPushButton *>(u"importCredentialButton"_s),
                          Qt::LeftButton);
        CredentialDialog *dialog = m_page->dialog();
        QVERIFY(dialog);
        QTest::keyClicks(dialog->nameEdit(), u"crm-key"_s);
        dialog->locationBox()->setCurrentIndex(dialog->locationBox()->findData(u"query"_s));
        QTest::keyClicks(dialog->paramEdit(), u"api_key"_s);
        QVERIFY(!dialog->userBox()->isEnabled());
        dialog->perUserButton()->click();
        QVERIFY(dialog->userBox()->isEnabled());
        QCOMPARE(dialog->userBox()->count(), 2);
        dialog->userBox()->setCurrentIndex(dialog->userBox()->findText(u"bob"_s));
        QTest::keyClicks(dialog->secretEdit(), u"crm_bob_61aa"_s);
        const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR");
        const QImage dialogShot = dialog->grab().toImage();
        QVERIFY(!dialogShot.isNull());
        if (!dir.isEmpty())
            QVERIFY(dialogShot.save(QDir(dir).filePath(u"credentials-import.png"_s)));
        dialog->secretEdit()->clear();
        typeSecretAndSubmit(dialog, "crm_bob_61aa");
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->dialog(), kWaitMs);

        GH_VERIFY_OK(store::SecretRepository(*m_db).get(u"crm-key"_s, u"bob"_s));
        const auto declared = store::CredentialRepository(*m_db).get(u"crm-key"_s);
        GH_VERIFY_OK(declared);
        QVERIFY(declared->perUser);
        QCOMPARE(declared->location, std::optional(u"query"_s));
        QCOMPARE(declared->param, std::optional(u"api_key"_s));
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(u"crm-key"_s, u"bob"_s) >= 0, kWaitMs);
        QCOMPARE(m_page->table()->model()->index(rowOf(u"crm-key"_s, u"bob"_s), 2).data(),
                 QVariant(u"query api_key"_s));
        verifyNeverShown("crm_bob_61aa");

        select(u"billing-key"_s, u"owner-wide"_s);
        QTest::qWait(50);
        const QImage pageShot = m_page->grab().toImage();
        QVERIFY(!pageShot.isNull());
        if (!dir.isEmpty())
            QVERIFY(pageShot.save(QDir(dir).filePath(u"credentials-page.png"_s)));
    }

    void deleteAsksNamingTheToolsThenTheSecretIsGone()
    {
        REQUIRE_PRIVATE_KEYRING();
        openPage();
        select(u"billing-key"_s, u"owner-wide"_s);
        QTest::mouseClick(m_page->findChild<QPushButton *>(u"deleteCredentialButton"_s),
                          Qt::LeftButton);
        auto *confirm = m_page->findChild<QMessageBox *>(u"confirmDelete"_s);
        QVERIFY(confirm);
        QVERIFY2(confirm->text().contains(u"get_invoice (billing)"_s), qPrintable(confirm->text()));
        QCOMPARE(confirm->defaultButton(), confirm->button(QMessageBox::Cancel));
        if (const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(confirm->grab().save(QDir(dir).filePath(u"credentials-delete.png"_s)));
        // Cancel keeps it.
        confirm->button(QMessageBox::Cancel)->click();
        QTest::qWait(50);
        GH_VERIFY_OK(store::SecretRepository(*m_db).get(u"billing-key"_s, QString()));

        select(u"billing-key"_s, u"owner-wide"_s);
        QTest::mouseClick(m_page->findChild<QPushButton *>(u"deleteCredentialButton"_s),
                          Qt::LeftButton);
        confirm = m_page->findChild<QMessageBox *>(u"confirmDelete"_s);
        QVERIFY(confirm);
        QSignalSpy saved(m_page.get(), &CredentialsPage::changeSaved);
        confirm->button(QMessageBox::Yes)->click();
        QTRY_VERIFY_WITH_TIMEOUT(saved.count() == 1 && !m_page->isBusy(), kWaitMs);
        waitInUse();

        const auto gone = store::SecretRepository(*m_db).get(u"billing-key"_s, QString());
        QCOMPARE(gone.error().code(), ErrorCode::NotFound);
        // Declared by the configuration, it stays, without a secret.
        GH_VERIFY_OK(store::CredentialRepository(*m_db).get(u"billing-key"_s));
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(u"billing-key"_s, u"none imported yet"_s) >= 0, kWaitMs);
        const nlohmann::json result = callGetInvoice("billing");
        QVERIFY2(result.value("isError", false), result.dump().c_str());
        QVERIFY2(text(result).contains(u"billing-key"_s), qPrintable(text(result)));
        QVERIFY(m_upstream->take().isEmpty());
    }

    // Run with D-Bus pointing nowhere: the dialog stays open with the secret (masked) and says
    // what to do; nothing is declared or stored.
    void unreachableKeychainSaysSoAndKeepsNothing()
    {
        if (qEnvironmentVariableIsEmpty("GATEHOUSE_TEST_NO_KEYCHAIN"))
            QSKIP("runs as TestCredentialsPage.unreachableKeychain, with no session bus");
        openPage();
        QTest::mouseClick(m_page->findChild<QPushButton *>(u"importCredentialButton"_s),
                          Qt::LeftButton);
        CredentialDialog *dialog = m_page->dialog();
        QVERIFY(dialog);
        QTest::keyClicks(dialog->nameEdit(), u"orders-key"_s);
        dialog->typeBox()->setCurrentIndex(dialog->typeBox()->findData(u"bearer"_s));
        QTest::keyClicks(dialog->secretEdit(), QString::fromLatin1(kStripeToken));
        QSignalSpy failed(m_page.get(), &CredentialsPage::changeFailed);
        QTest::mouseClick(dialog->acceptButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(failed.count() == 1 && !m_page->isBusy(), kWaitMs);
        QCOMPARE(m_page->dialog(), dialog);
        const QString problem = dialog->problem();
        QVERIFY2(problem.contains(u"not imported"_s), qPrintable(problem));
        QVERIFY2(problem.contains(u"no keychain is reachable"_s, Qt::CaseInsensitive),
                 qPrintable(problem));
        QVERIFY2(problem.contains(u"GATEHOUSE_MASTER_KEY"_s), qPrintable(problem));
        QCOMPARE(dialog->secretEdit()->echoMode(), QLineEdit::Password);
        QVERIFY(dialog->acceptButton()->isEnabled()); // try again once the keychain runs
        if (const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(dialog->grab().save(QDir(dir).filePath(u"credentials-no-keychain.png"_s)));
        QCOMPARE(store::CredentialRepository(*m_db).get(u"orders-key"_s).error().code(),
                 ErrorCode::NotFound);
        QCOMPARE(store::SecretRepository(*m_db).keyCheck().value(), QString());
        dialog->reject();
    }
};

QTEST_MAIN(TestCredentialsPage)
#include "TestCredentialsPage.moc"
