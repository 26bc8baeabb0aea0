// The "Try it" dialog against a real store, a running gateway and an upstream that records what
// it receives: arguments typed into the form made from the tool's schema reach the upstream with
// the owner's key, which the dialog shows masked; a write warns before it is sent; a denied user's
// call shows the reason and sends nothing; the form and the JSON editor carry values across; a
// stopped gateway is named as the thing to fix.
#include "../unit/store/StoreTestSupport.h"
#include "TestSupport.h"
#include "TryItDialog.h"
#include "gateway/Gateway.h"
#include "http/Request.h"
#include "http/Responder.h"
#include "http/Response.h"
#include "http/Server.h"
#include "store/CredentialRepository.h"
#include "store/RoleRepository.h"
#include "store/ServerRepository.h"
#include "store/UserRepository.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QGuiApplication>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>

using namespace gatehouse;
using namespace gatehouse::test;
using namespace Qt::StringLiterals;
using nlohmann::json;
using ui::TryItDialog;

namespace {

constexpr int kWaitMs = 15000;
const QByteArray kOwnerKey = "sk_live_owner/4c+9=e1f";

struct Received
{
    QByteArray method;
    QByteArray target;
    http::Headers headers;
    QByteArray body;
};

class Upstream
{
public:
    Upstream()
    {
        http::ServerOptions options;
        options.workerThreads = 1;
        m_server = std::make_unique<http::Server>(options);
        m_server->setHandler(
            [this](const http::Request &request, std::shared_ptr<http::Responder> responder) {
                {
                    QMutexLocker lock(&m_mutex);
                    m_seen.append(
                        {request.method(), request.target(), request.headers(), request.body()});
                    if (request.path().endsWith(u"/hold"_s)) { // never answered
                        m_held.append(std::move(responder));
                        return;
                    }
                }
                responder->respond(http::Response::json(
                    200, R"({"id":"in_1","status":"open","customer_id":"cus_42","total":12.5})"));
            });
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0).ok());
    }
    QString baseUrl() const { return u"http://127.0.0.1:%1/v1"_s.arg(m_server->serverPort()); }
    QList<Received> take()
    {
        QMutexLocker lock(&m_mutex);
        return std::exchange(m_seen, {});
    }
    qsizetype count()
    {
        QMutexLocker lock(&m_mutex);
        return m_seen.size();
    }
    ~Upstream()
    {
        m_server->close();
        m_held.clear();
    }

private:
    std::unique_ptr<http::Server> m_server;
    QMutex m_mutex;
    QList<Received> m_seen;
    QList<std::shared_ptr<http::Responder>> m_held;
};

} // namespace

class TestTryItDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<Upstream> m_upstream;
    std::unique_ptr<gateway::Gateway> m_gateway;

    std::unique_ptr<TryItDialog> open(const QString &tool)
    {
        auto dialog = std::make_unique<TryItDialog>(*m_gateway, *m_db, u"billing"_s, tool);
        dialog->show();
        if (!QTest::qWaitFor([&] { return dialog->usersLoaded(); }, kWaitMs))
            qWarning("the users were not loaded");
        return dialog;
    }

    static void chooseUser(TryItDialog &dialog, const QString &user)
    {
        QComboBox *users = dialog.userChoice();
        const int index = users->findData(user);
        QVERIFY2(index >= 0, qPrintable(user));
        users->setCurrentIndex(index);
    }

    static void type(TryItDialog &dialog, const QString &argument, const QString &text)
    {
        auto *edit = qobject_cast<QLineEdit *>(dialog.argumentEditor(argument));
        QVERIFY2(edit, qPrintable(argument));
        edit->setFocus();
        QTest::keyClicks(edit, text);
    }

    static void sendAndWait(TryItDialog &dialog)
    {
        QVERIFY(dialog.sendButton()->isEnabled());
        QTest::mouseClick(dialog.sendButton(), Qt::LeftButton);
        QVERIFY2(dialog.isRunning(), qPrintable(dialog.problemText()));
        QVERIFY(dialog.cancelButton()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isRunning(), kWaitMs);
        QVERIFY(dialog.sendButton()->isEnabled());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("GATEHOUSE_TEST_TRYIT_KEY", kOwnerKey);
        m_db = store::test::openStore(m_dir);
        QVERIFY(m_db);
        m_upstream = std::make_unique<Upstream>();
        store::Credential key;
        key.name = u"billing-key"_s;
        key.type = u"bearer"_s;
        key.secret = store::SecretReference{u"env"_s, u"GATEHOUSE_TEST_TRYIT_KEY"_s};
        GH_VERIFY_OK(store::CredentialRepository(*m_db).upsert(key));
        store::Server billing;
        billing.name = u"billing"_s;
        billing.openapi = sourceDir() + u"/examples/specs/billing.yaml"_s;
        billing.baseUrl = m_upstream->baseUrl();
        billing.credential = key.name;
        GH_VERIFY_OK(store::ServerRepository(*m_db).create(billing));
        GH_VERIFY_OK(store::RoleRepository(*m_db).create(
            store::Role{u"clerk"_s,
                        {store::Rule{u"billing/invoices"_s, u"allow"_s, u"read"_s},
                         store::Rule{u"billing/invoices"_s, u"allow"_s, u"create"_s}},
                        {}}));
        for (const auto &[name, roles] : {std::pair{u"alice"_s, QStringList{u"clerk"_s}},
                                          std::pair{u"carol"_s, QStringList{}}}) {
            store::User user;
            user.name = name;
            user.roles = roles;
            GH_VERIFY_OK(store::UserRepository(*m_db).create(user));
        }
        m_gateway = std::make_unique<gateway::Gateway>(m_db.get());
        gateway::ListenOptions listen;
        listen.port = 0;
        listen.workerThreads = 1;
        GH_VERIFY_OK(m_gateway->start(listen));
    }
    void cleanupTestCase()
    {
        m_gateway.reset();
        m_upstream.reset();
    }
    void init() { m_upstream->take(); }

    // A create call typed into the form: the warning first, then the request as sent with the
    // key masked, the upstream's answer, and the key itself at the upstream only.
    void createCallShowsTheMaskedRequestAndTheAnswer()
    {
        auto dialog = open(u"create_invoice"_s);
        QVERIFY2(dialog->warningText().contains(u"real create request"_s),
                 qPrintable(dialog->warningText()));
        QVERIFY(dialog->problemText().isEmpty());
        chooseUser(*dialog, u"alice"_s);
        type(*dialog, u"customer_id"_s, u"cus_42"_s);
        type(*dialog, u"amount"_s, u"12.5"_s);
        sendAndWait(*dialog);

        QVERIFY2(dialog->statusText().contains(u"HTTP 200"_s), qPrintable(dialog->statusText()));
        const QString request = dialog->requestText();
        QVERIFY2(request.startsWith(u"POST "_s + m_upstream->baseUrl() + u"/invoices\n"_s),
                 qPrintable(request));
        QVERIFY2(request.contains(
                     u"Authorization: Bearer \u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022"_s),
                 qPrintable(request));
        QVERIFY2(request.contains(u"\"customer_id\": \"cus_42\""_s), qPrintable(request));
        QVERIFY2(dialog->answerText().startsWith(u"HTTP 200"_s), qPrintable(dialog->answerText()));
        QVERIFY2(dialog->resultText().contains(u"in_1"_s), qPrintable(dialog->resultText()));
        for (const QString &shown :
             {request, dialog->answerText(), dialog->resultText(), dialog->statusText()}) {
            QVERIFY(!shown.contains(QString::fromLatin1(kOwnerKey)));
            QVERIFY(!shown.contains(QString::fromLatin1(kOwnerKey.toPercentEncoding())));
        }

        // Copy gives the request as shown, mask included.
        auto *copy = dialog->findChild<QPushButton *>(u"tryRequestCopy"_s);
        QVERIFY(copy);
        QTest::mouseClick(copy, Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), request);

        const QList<Received> seen = m_upstream->take();
        QCOMPARE(seen.size(), 1);
        QCOMPARE(seen.first().method, QByteArray("POST"));
        QCOMPARE(seen.first().headers.value("authorization"), "Bearer " + kOwnerKey);
        const json body = json::parse(seen.first().body.toStdString());
        QCOMPARE(body.value("customer_id", ""), std::string("cus_42"));
        QCOMPARE(body.value("amount", 0.0), 12.5);

        // For a person to look at: GATEHOUSE_SHOTS=folder (run under a display to see fonts).
        if (const QString shots = qEnvironmentVariable("GATEHOUSE_SHOTS"); !shots.isEmpty()) {
            QDir().mkpath(shots);
            dialog->resize(1000, 760);
            QTest::qWait(50);
            QVERIFY(dialog->grab().save(shots + u"/tryit-create-answer.png"_s));
            dialog->findChild<QTabWidget *>(u"tryViews"_s)->setCurrentIndex(0);
            QTest::qWait(50);
            QVERIFY(dialog->grab().save(shots + u"/tryit-create-request.png"_s));
        }
    }

    // A user the matrix does not allow: the reason, and nothing upstream.
    void deniedUserSeesWhyAndNothingIsSent()
    {
        auto dialog = open(u"list_invoices"_s);
        QVERIFY2(dialog->warningText().isEmpty(), qPrintable(dialog->warningText())); // a read
        chooseUser(*dialog, u"carol"_s);
        sendAndWait(*dialog);
        QVERIFY2(dialog->statusText().startsWith(u"Denied"_s), qPrintable(dialog->statusText()));
        QVERIFY2(dialog->statusText().contains(u"carol"_s), qPrintable(dialog->statusText()));
        QCOMPARE(dialog->requestText(), u"Nothing was sent upstream."_s);
        QTest::qWait(200);
        QVERIFY(m_upstream->take().isEmpty());
        if (const QString shots = qEnvironmentVariable("GATEHOUSE_SHOTS"); !shots.isEmpty())
            QVERIFY(dialog->grab().save(shots + u"/tryit-denied.png"_s));
    }

    // Choices come from the schema's enum, and the chosen one is what the upstream receives.
    void enumBecomesAChoice()
    {
        auto dialog = open(u"list_invoices"_s);
        auto *status = qobject_cast<QComboBox *>(dialog->argumentEditor(u"status"_s));
        QVERIFY(status);
        QCOMPARE(status->count(), 5); // (not set), draft, open, paid, void
        status->setCurrentIndex(status->findText(u"void"_s));
        chooseUser(*dialog, u"alice"_s);
        sendAndWait(*dialog);
        const QList<Received> seen = m_upstream->take();
        QCOMPARE(seen.size(), 1);
        QVERIFY2(seen.first().target.contains("status=void"), seen.first().target.constData());
    }

    // The JSON editor starts from what the form holds, and gives its values back to the form.
    void formAndJsonCarryValuesAcross()
    {
        auto dialog = open(u"create_invoice"_s);
        type(*dialog, u"customer_id"_s, u"cus_1"_s);
        type(*dialog, u"amount"_s, u"3"_s);
        dialog->jsonToggle()->setFocus();
        QTest::keyClick(dialog->jsonToggle(), Qt::Key_Space);
        QVERIFY(dialog->jsonToggle()->isChecked());
        QCOMPARE(json::parse(dialog->jsonEditor()->toPlainText().toStdString()),
                 (json{{"customer_id", "cus_1"}, {"amount", 3.0}}));
        dialog->jsonEditor()->setPlainText(u"{\"customer_id\": \"cus_2\", \"memo\": \"rent\"}"_s);
        QTest::keyClick(dialog->jsonToggle(), Qt::Key_Space);
        QVERIFY(!dialog->jsonToggle()->isChecked());
        const auto text = [&](const QString &name) {
            auto *edit = qobject_cast<QLineEdit *>(dialog->argumentEditor(name));
            return edit ? edit->text() : u"(no editor)"_s;
        };
        QCOMPARE(text(u"customer_id"_s), u"cus_2"_s);
        QCOMPARE(text(u"memo"_s), u"rent"_s);
        QCOMPARE(text(u"amount"_s), QString());
    }

    // A value the form cannot read is named before anything is sent.
    void badNumberIsNamedBeforeSending()
    {
        auto dialog = open(u"create_invoice"_s);
        chooseUser(*dialog, u"alice"_s);
        type(*dialog, u"customer_id"_s, u"cus_42"_s);
        type(*dialog, u"amount"_s, u"twelve"_s);
        QTest::mouseClick(dialog->sendButton(), Qt::LeftButton);
        QVERIFY(!dialog->isRunning());
        QVERIFY2(dialog->problemText().contains(u"amount must be a number"_s),
                 qPrintable(dialog->problemText()));
        QTest::qWait(200);
        QVERIFY(m_upstream->take().isEmpty());
    }

    // Cancel stops a call the upstream has not answered, and the dialog is ready for the next.
    void cancelStopsTheCallInFlight()
    {
        auto dialog = open(u"get_invoice"_s);
        chooseUser(*dialog, u"alice"_s);
        type(*dialog, u"invoice_id"_s, u"hold"_s);
        QTest::mouseClick(dialog->sendButton(), Qt::LeftButton);
        QVERIFY(dialog->isRunning());
        QVERIFY(!dialog->sendButton()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(m_upstream->count(), qsizetype(1), kWaitMs);
        QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
        QVERIFY(!dialog->isRunning());
        QVERIFY2(dialog->statusText().startsWith(u"Cancelled"_s), qPrintable(dialog->statusText()));
        QVERIFY(dialog->sendButton()->isEnabled());
        QVERIFY(!dialog->cancelButton()->isEnabled());
    }

    void stoppedGatewaySaysToStartIt()
    {
        gateway::Gateway stopped(m_db.get());
        TryItDialog dialog(stopped, *m_db, u"billing"_s, u"list_invoices"_s);
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.usersLoaded(), kWaitMs);
        QVERIFY(!dialog.sendButton()->isEnabled());
        QVERIFY2(dialog.problemText().contains(u"Start the gateway first"_s),
                 qPrintable(dialog.problemText()));
    }
};

QTEST_MAIN(TestTryItDialog)
#include "TestTryItDialog.moc"
