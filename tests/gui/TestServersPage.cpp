// The Servers & tools page against a real store and a running gateway: an OpenAPI spec imported
// with a preview (from a file and from a URL) is served at once over MCP; a malformed spec is an
// error on the page and saves nothing; switching a tool off, renaming it and fixing a parameter in
// the side panel change the running gateway's tools/list and the session-start token line; what
// the heuristics removed comes back with one button; removing a server asks first.
#include "../unit/store/StoreTestSupport.h"
#include "ContextCostText.h"
#include "ImportServerDialog.h"
#include "MainWindow.h"
#include "McpTestClient.h"
#include "ServersPage.h"
#include "TestSupport.h"
#include "ToolEditorPanel.h"
#include "WelcomePage.h"
#include "gateway/Gateway.h"
#include "http/Request.h"
#include "http/Responder.h"
#include "http/Response.h"
#include "http/Server.h"
#include "store/CredentialRepository.h"
#include "store/ServerRepository.h"
#include "store/ToolOverrideRepository.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <QTest>
#include <QThreadPool>
#include <QToolButton>
#include <QTreeWidget>

using namespace gatehouse;
using namespace gatehouse::test;
using namespace Qt::StringLiterals;
using ui::ImportServerDialog;
using ui::ServersPage;

namespace {

constexpr int kWaitMs = 15000;

QString notesSpec()
{
    return sourceDir() + u"/tests/unit/gateway/specs/notes.yaml"_s;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestServersPage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<http::Server> m_specServer;
    std::unique_ptr<gateway::Gateway> m_gateway;
    std::unique_ptr<ServersPage> m_page;

    template <typename T>
    T *child(const QString &name) const
    {
        return m_page->findChild<T *>(name);
    }
    QTableView *tools() const { return child<QTableView>(u"toolTable"_s); }

    // The tools a client lists on a server right now, through a real MCP session (the gateway
    // runs without auth on loopback), without the finding meta-tool the flat listing adds.
    QStringList listed(const QByteArray &server, nlohmann::json *entries = nullptr)
    {
        McpTestSession session(m_gateway->port(), server);
        if (!session.isOpen())
            return {u"<no session>"_s};
        const nlohmann::json answer = session.call("tools/list");
        if (!answer.contains("result"))
            return {u"<error>"_s};
        QStringList names;
        for (const nlohmann::json &tool : answer["result"]["tools"]) {
            const QString name = QString::fromStdString(tool["name"].get<std::string>());
            if (name != u"get_tool_schema"_s)
                names.append(name);
            if (entries)
                (*entries)[name.toStdString()] = tool;
        }
        return names;
    }

    void reloadPage()
    {
        QSignalSpy loaded(m_page.get(), &ServersPage::loaded);
        m_page->reload();
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1 && !m_page->isBusy(), kWaitMs);
    }

    // Waits for a change to be saved, given to the gateway and shown again. The gateway reloads
    // in the background; the page says it serves the change once it has reloaded.
    void waitSaved(QSignalSpy &saved)
    {
        QTRY_VERIFY_WITH_TIMEOUT(saved.count() >= 1, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy(), kWaitMs);
        waitServed();
    }

    void waitServed()
    {
        QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(u"saveState"_s)->text(),
                                  u"Saved. The running gateway serves it now."_s, kWaitMs);
    }

    int rowOf(const QString &tool) const
    {
        QAbstractItemModel *model = tools()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->index(row, ServersPage::ToolName).data().toString() == tool)
                return row;
        return -1;
    }

    void selectTool(const QString &tool)
    {
        const int row = rowOf(tool);
        QVERIFY2(row >= 0, qPrintable(tool));
        tools()->setFocus();
        tools()->setCurrentIndex(tools()->model()->index(row, ServersPage::ToolName));
        QCOMPARE(m_page->toolEditor()->findChild<QLineEdit *>(u"toolName"_s)->text(), tool);
    }

    ImportServerDialog *openImport()
    {
        auto *button = child<QPushButton>(u"importButton"_s);
        if (!button || !button->isVisible())
            button = child<QPushButton>(u"welcomeImport"_s);
        if (!button)
            return nullptr;
        QTest::mouseClick(button, Qt::LeftButton);
        return m_page->importDialog();
    }

    // Reads the source in the dialog as a person would: typed, then "Read spec".
    void readSpec(ImportServerDialog *dialog, const QString &source, bool expectPreview)
    {
        QSignalSpy shown(dialog, &ImportServerDialog::previewShown);
        QSignalSpy failed(dialog, &ImportServerDialog::loadFailed);
        auto *sourceEdit = dialog->findChild<QLineEdit *>(u"specSource"_s);
        sourceEdit->clear();
        QTest::keyClicks(sourceEdit, source);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"loadSpec"_s), Qt::LeftButton);
        QVERIFY(dialog->isLoading());
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() + failed.count() == 1, kWaitMs);
        QCOMPARE(shown.count(), expectPreview ? 1 : 0);
    }

    void setServerName(ImportServerDialog *dialog, const QString &name)
    {
        auto *edit = dialog->findChild<QLineEdit *>(u"serverName"_s);
        edit->selectAll();
        edit->del();
        QTest::keyClicks(edit, name);
    }

    void addServer(ImportServerDialog *dialog)
    {
        QSignalSpy saved(m_page.get(), &ServersPage::changeSaved);
        QPushButton *add = dialog->findChild<QPushButton *>(u"addServer"_s);
        QVERIFY(add && add->isEnabled());
        QTest::mouseClick(add, Qt::LeftButton);
        waitSaved(saved);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = store::test::openStore(m_dir);
        QVERIFY(m_db);

        const QByteArray spec = readAll(notesSpec());
        QVERIFY(!spec.isEmpty());
        http::ServerOptions options;
        options.workerThreads = 1;
        m_specServer = std::make_unique<http::Server>(options);
        m_specServer->setHandler(
            [spec](const http::Request &request, std::shared_ptr<http::Responder> responder) {
                if (request.target() == "/specs/notes.yaml")
                    responder->respond(http::Response::text(200, spec));
                else
                    responder->respond(http::Response::json(404, "{}"));
            });
        QVERIFY(m_specServer->listen(QHostAddress::LocalHost, 0).ok());

        m_gateway = std::make_unique<gateway::Gateway>(m_db.get());
        gateway::ListenOptions listen;
        listen.port = 0;
        listen.workerThreads = 1;
        listen.authMode = gateway::AuthMode::None;
        GH_VERIFY_OK(m_gateway->start(listen));
    }

    void init()
    {
        m_page = std::make_unique<ServersPage>(*m_gateway, *m_db);
        QSignalSpy loaded(m_page.get(), &ServersPage::loaded);
        m_page->resize(1280, 760);
        m_page->show();
        m_page->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1 && !m_page->isBusy(), kWaitMs);
    }

    void cleanup() { m_page.reset(); }

    void cleanupTestCase()
    {
        m_page.reset();
        m_gateway.reset();
        m_specServer.reset();
        m_db.reset();
    }

    void welcomesUntilTheFirstServer()
    {
        auto *welcome = m_page->findChild<ui::WelcomePage *>();
        QVERIFY(welcome && welcome->isVisible());
        QVERIFY(!tools()->isVisible());
        QVERIFY(welcome->findChild<QLabel *>(u"nextSteps"_s));
        if (const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(m_page->grab().save(QDir(dir).filePath(u"servers-welcome.png"_s)));
        ImportServerDialog *dialog = openImport();
        QVERIFY(dialog && dialog->isVisible());
        // Nothing to add before a spec is read.
        QVERIFY(!dialog->findChild<QPushButton *>(u"addServer"_s)->isEnabled());
        dialog->reject();
    }

    void malformedSpecIsAnErrorAndSavesNothing()
    {
        const QString broken = m_dir.filePath(u"broken.yaml"_s);
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("openapi: 3.0.3\ninfo: [this is not\n  : valid");
        file.close();

        ImportServerDialog *dialog = openImport();
        QVERIFY(dialog);
        readSpec(dialog, broken, false);
        auto *error = dialog->findChild<QLabel *>(u"importError"_s);
        QVERIFY(error && error->isVisible());
        QVERIFY2(error->text().contains(u"broken.yaml"_s), qPrintable(error->text()));
        QVERIFY(!dialog->findChild<QPushButton *>(u"addServer"_s)->isEnabled());
        if (const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(dialog->grab().save(QDir(dir).filePath(u"servers-import-error.png"_s)));

        // An address where nothing listens: a clear error too.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        readSpec(dialog, u"http://127.0.0.1:%1/openapi.json"_s.arg(port), false);
        QVERIFY2(!error->text().isEmpty() && error->isVisible(), qPrintable(error->text()));
        dialog->reject();
        QCOMPARE(store::ServerRepository(*m_db).list()->size(), 0);
    }

    void importWithPreviewIsServedAtOnce()
    {
        ImportServerDialog *dialog = openImport();
        QVERIFY(dialog);
        readSpec(dialog, notesSpec(), true);

        // The preview: the tools with action and resource, and what was removed and why.
        auto *preview = dialog->findChild<QTableView *>(u"previewTools"_s);
        QAbstractItemModel *model = preview->model();
        QCOMPARE(model->rowCount(), 4);
        QStringList rows;
        for (int r = 0; r < model->rowCount(); ++r)
            rows.append(model->index(r, 0).data().toString() + u' ' +
                        model->index(r, 1).data().toString() + u' ' +
                        model->index(r, 2).data().toString());
        QVERIFY2(rows.contains(u"create_note create notes"_s), qPrintable(rows.join(u'|')));
        QVERIFY2(rows.contains(u"delete_note delete notes"_s), qPrintable(rows.join(u'|')));
        QAbstractItemModel *removed = dialog->findChild<QTableView *>(u"previewRemoved"_s)->model();
        QCOMPARE(removed->rowCount(), 1);
        QVERIFY(removed->index(0, 0).data().toString().contains(u"searchNotesLegacy"_s));
        QVERIFY(removed->index(0, 1).data().toString().contains(u"Deprecated"_s));
        QVERIFY(dialog->findChild<QLabel *>(u"previewSummary"_s)->text().contains(u"4 tools"_s));
        // Nothing is saved while the owner looks.
        QCOMPARE(store::ServerRepository(*m_db).list()->size(), 0);

        // The name is checked before it can be added.
        QCOMPARE(dialog->serverName(), u"notes-api"_s);
        setServerName(dialog, u"my notes"_s);
        QVERIFY(!dialog->findChild<QPushButton *>(u"addServer"_s)->isEnabled());
        QVERIFY(dialog->findChild<QLabel *>(u"serverNameProblem"_s)->isVisible());
        setServerName(dialog, u"notes"_s);
        addServer(dialog);

        auto stored = store::ServerRepository(*m_db).get(u"notes"_s);
        GH_VERIFY_OK(stored);
        QCOMPARE(stored->openapi.value_or(QString()), QFileInfo(notesSpec()).absoluteFilePath());
        QCOMPARE(listed("notes"),
                 (QStringList{u"list_notes"_s, u"create_note"_s, u"get_note"_s, u"delete_note"_s}));
        // The page shows the new server and its tools.
        QCOMPARE(m_page->currentServer(), u"notes"_s);
        QVERIFY(tools()->isVisible());
        QCOMPARE(tools()->model()->rowCount(), 4);
        QVERIFY(child<QLabel>(u"contextCost"_s)->text().startsWith(u"4 tools · "_s));
    }

    void importFromUrl()
    {
        ImportServerDialog *dialog = openImport();
        QVERIFY(dialog);
        const QString url =
            u"http://127.0.0.1:%1/specs/notes.yaml"_s.arg(m_specServer->serverPort());
        readSpec(dialog, url, true);
        // The suggested name is free: notes-api is not taken yet, notes is.
        setServerName(dialog, u"notes"_s);
        QVERIFY(!dialog->findChild<QPushButton *>(u"addServer"_s)->isEnabled());
        setServerName(dialog, u"notes-remote"_s);
        addServer(dialog);
        QCOMPARE(store::ServerRepository(*m_db).get(u"notes-remote"_s)->openapi,
                 std::optional<QString>(url));
        QCOMPARE(listed("notes-remote").size(), 4);
    }

    void switchingAToolOffChangesToolsListAndTokens()
    {
        m_page->selectServer(u"notes"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy() && m_page->editor() &&
                                     m_page->editor()->server().name == u"notes"_s,
                                 kWaitMs);
        auto *cost = child<QLabel>(u"contextCost"_s);
        const QString before = cost->text();
        QVERIFY2(before.startsWith(u"4 tools · ≈"_s), qPrintable(before));
        const int flatBefore = m_page->editor()->cost().flat;

        // Space on the switch column turns delete_note off, as a keyboard user would.
        const int row = rowOf(u"delete_note"_s);
        QVERIFY(row >= 0);
        QSignalSpy saved(m_page.get(), &ServersPage::changeSaved);
        QSignalSpy reloaded(m_gateway.get(), &gateway::Gateway::reloaded);
        QString stateWhenSaved;
        QObject watcher;
        connect(m_page.get(), &ServersPage::changeSaved, &watcher,
                [&] { stateWhenSaved = child<QLabel>(u"saveState"_s)->text(); });
        tools()->setFocus();
        tools()->setCurrentIndex(tools()->model()->index(row, ServersPage::ToolEnabled));
        QTest::keyClick(tools(), Qt::Key_Space);
        waitSaved(saved);
        // Saved first; served once the gateway, in the background, has reloaded.
        QCOMPARE(stateWhenSaved, u"Saving…"_s);
        QCOMPARE(reloaded.count(), 1);

        QCOMPARE(listed("notes"), (QStringList{u"list_notes"_s, u"create_note"_s, u"get_note"_s}));
        QVERIFY2(cost->text().startsWith(u"3 tools · "_s), qPrintable(cost->text()));
        QVERIFY(m_page->editor()->cost().flat < flatBefore);
        QVERIFY(cost->text().contains(ui::ContextCostText::tokens(m_page->editor()->cost().flat)));
        QCOMPARE(tools()->model()->index(rowOf(u"delete_note"_s), 0).data(Qt::CheckStateRole),
                 QVariant(Qt::Unchecked));
        auto stored = store::ToolOverrideRepository(*m_db).get(u"notes"_s, u"deleteNote"_s);
        GH_VERIFY_OK(stored);
        QCOMPARE(stored->enabled, std::optional<bool>(false));

        // Undone with one click: the tool is back and no override is left.
        auto *undo = child<QPushButton>(u"undoButton"_s);
        QVERIFY(undo->isVisible());
        QSignalSpy undone(m_page.get(), &ServersPage::changeSaved);
        QTest::mouseClick(undo, Qt::LeftButton);
        waitSaved(undone);
        QCOMPARE(listed("notes").size(), 4);
        QCOMPARE(cost->text(), before);
        QCOMPARE(store::ToolOverrideRepository(*m_db).listForServer(u"notes"_s)->size(), 0);
    }

    void searchFiltersTheTable()
    {
        m_page->selectServer(u"notes"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy() && m_page->editor() &&
                                     m_page->editor()->server().name == u"notes"_s,
                                 kWaitMs);
        QTest::keyClicks(child<QLineEdit>(u"toolSearch"_s), u"delete"_s);
        QCOMPARE(tools()->model()->rowCount(), 1);
        QCOMPARE(tools()->model()->index(0, ServersPage::ToolName).data().toString(),
                 u"delete_note"_s);
        child<QLineEdit>(u"toolSearch"_s)->clear();
        QCOMPARE(tools()->model()->rowCount(), 4);
    }

    void editingInThePanelReachesTheGateway()
    {
        m_page->selectServer(u"notes"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy() && m_page->editor() &&
                                     m_page->editor()->server().name == u"notes"_s,
                                 kWaitMs);
        selectTool(u"create_note"_s);
        ui::ToolEditorPanel *panel = m_page->toolEditor();
        auto *name = panel->findChild<QLineEdit *>(u"toolName"_s);
        auto *apply = panel->findChild<QPushButton *>(u"applyTool"_s);
        QVERIFY(!apply->isEnabled()); // nothing changed yet
        // A taken name and one MCP clients would refuse keep Apply off, with the reason.
        name->selectAll();
        QTest::keyClicks(name, u"get_note"_s);
        QVERIFY(!apply->isEnabled());
        QVERIFY(panel->findChild<QLabel *>(u"toolNameProblem"_s)->text().contains(u"exists"_s));
        name->selectAll();
        QTest::keyClicks(name, u"add note"_s);
        QVERIFY(!apply->isEnabled());
        name->selectAll();
        QTest::keyClicks(name, u"add_note"_s);
        QVERIFY(apply->isEnabled());

        // folder: always "inbox", so clients no longer see it.
        auto *parameters = panel->findChild<QTableWidget *>(u"toolParameters"_s);
        int folderRow = -1;
        for (int r = 0; r < parameters->rowCount(); ++r)
            if (parameters->item(r, 0)->data(Qt::UserRole).toString() == u"folder"_s)
                folderRow = r;
        QVERIFY(folderRow >= 0);
        auto *treatment = qobject_cast<QComboBox *>(parameters->cellWidget(folderRow, 1));
        QVERIFY(treatment);
        QCOMPARE(treatment->objectName(), u"treatment_folder"_s);
        treatment->setCurrentIndex(treatment->findText(u"fixed value"_s));
        QVERIFY(!apply->isEnabled()); // a fixed value needs a value
        parameters->item(folderRow, 2)->setText(u"inbox"_s);
        QVERIFY(apply->isEnabled());

        // Before Apply, the panel says what a client would then receive.
        auto *pending = panel->findChild<QLabel *>(u"pendingCost"_s);
        QTRY_VERIFY_WITH_TIMEOUT(pending->isVisible(), kWaitMs);
        const QString predicted = pending->text();
        QVERIFY2(predicted.contains(u"tools · ≈"_s), qPrintable(predicted));

        QSignalSpy saved(m_page.get(), &ServersPage::changeSaved);
        QTest::mouseClick(apply, Qt::LeftButton);
        waitSaved(saved);
        QVERIFY2(predicted.endsWith(child<QLabel>(u"contextCost"_s)->text()),
                 qPrintable(predicted + u" | "_s + child<QLabel>(u"contextCost"_s)->text()));
        QVERIFY(!pending->isVisible());

        nlohmann::json entries;
        const QStringList names = listed("notes", &entries);
        QVERIFY2(names.contains(u"add_note"_s), qPrintable(names.join(u", "_s)));
        QVERIFY(!names.contains(u"create_note"_s));
        const nlohmann::json properties = entries["add_note"]["inputSchema"]["properties"];
        QVERIFY(properties.contains("title"));
        QVERIFY(!properties.contains("folder"));
        auto stored = store::ToolOverrideRepository(*m_db).get(u"notes"_s, u"createNote"_s);
        GH_VERIFY_OK(stored);
        QCOMPARE(stored->name, std::optional<QString>(u"add_note"_s));
        QCOMPARE(stored->fixedParams->value(u"folder"_s), nlohmann::json("inbox"));
        // The table and the panel show what is stored now.
        QVERIFY(rowOf(u"add_note"_s) >= 0);
        QCOMPARE(name->text(), u"add_note"_s);
    }

    void responseFieldsAreChosenInTheTree()
    {
        m_page->selectServer(u"notes"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy() && m_page->editor() &&
                                     m_page->editor()->server().name == u"notes"_s,
                                 kWaitMs);
        selectTool(u"get_note"_s);
        ui::ToolEditorPanel *panel = m_page->toolEditor();
        auto *tree = panel->findChild<QTreeWidget *>(u"toolResponseFields"_s);
        QVERIFY(tree);
        QStringList top;
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            QTreeWidgetItem *item = tree->topLevelItem(i);
            top.append(item->text(0));
            if (item->text(0) == u"id"_s || item->text(0) == u"title"_s)
                item->setCheckState(0, Qt::Checked);
            if (item->text(0) == u"author"_s)
                QCOMPARE(item->childCount(), 2); // name, email
        }
        QVERIFY2(top.contains(u"created_at"_s), qPrintable(top.join(u", "_s)));
        QSignalSpy saved(m_page.get(), &ServersPage::changeSaved);
        QTest::mouseClick(panel->findChild<QPushButton *>(u"applyTool"_s), Qt::LeftButton);
        waitSaved(saved);
        auto stored = store::ToolOverrideRepository(*m_db).get(u"notes"_s, u"getNote"_s);
        GH_VERIFY_OK(stored);
        QCOMPARE(stored->responseFields, std::optional<QStringList>({u"id"_s, u"title"_s}));
        const auto catalog = m_gateway->catalog(u"notes"_s);
        QVERIFY(catalog);
        QCOMPARE(catalog->tools->find(u"get_note"_s)->responseFields,
                 (QStringList{u"id"_s, u"title"_s}));
    }

    void credentialAndCostAreChosenInThePanel()
    {
        store::Credential key;
        key.name = u"notes-key"_s;
        key.type = u"api_key"_s;
        key.location = u"header"_s;
        key.param = u"X-Notes-Key"_s;
        key.secret = store::SecretReference{u"env"_s, u"NOTES_KEY"_s};
        GH_VERIFY_OK(store::CredentialRepository(*m_db).create(key));
        reloadPage();
        m_page->selectServer(u"notes"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy() && m_page->editor() &&
                                     m_page->editor()->server().name == u"notes"_s,
                                 kWaitMs);
        selectTool(u"delete_note"_s);
        ui::ToolEditorPanel *panel = m_page->toolEditor();
        auto *credential = panel->findChild<QComboBox *>(u"toolCredential"_s);
        QCOMPARE(credential->currentData().toString(), QString()); // the server's default
        credential->setCurrentIndex(credential->findData(u"notes-key"_s));
        auto *cost = panel->findChild<QLineEdit *>(u"toolCost"_s);
        QTest::keyClicks(cost, QLocale().toString(0.25));
        QSignalSpy saved(m_page.get(), &ServersPage::changeSaved);
        QTest::mouseClick(panel->findChild<QPushButton *>(u"applyTool"_s), Qt::LeftButton);
        waitSaved(saved);

        const openapi::Tool *tool = m_gateway->catalog(u"notes"_s)->tools->find(u"delete_note"_s);
        QVERIFY(tool);
        QCOMPARE(tool->credential, u"notes-key"_s);
        QCOMPARE(tool->cost, std::optional<double>(0.25));
        const int row = rowOf(u"delete_note"_s);
        QCOMPARE(tools()->model()->index(row, ServersPage::ToolCredential).data().toString(),
                 u"notes-key"_s);
        QCOMPARE(tools()->model()->index(row, ServersPage::ToolCost).data().toString(),
                 QLocale().toString(0.25, 'f', 2));
    }

    void aSpecThatCannotBeLoadedIsShownOnThePage()
    {
        store::Server gone;
        gone.name = u"gone"_s;
        gone.openapi = m_dir.filePath(u"moved-away.yaml"_s);
        GH_VERIFY_OK(store::ServerRepository(*m_db).create(gone));
        reloadPage();
        m_page->selectServer(u"gone"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy() && m_page->editor() &&
                                     m_page->editor()->server().name == u"gone"_s,
                                 kWaitMs);
        auto *problem = child<QLabel>(u"serversError"_s);
        QVERIFY(problem->isVisible());
        QVERIFY2(problem->text().contains(u"moved-away.yaml"_s), qPrintable(problem->text()));
        QCOMPARE(tools()->model()->rowCount(), 0);
        // Another server loads: the problem goes.
        m_page->selectServer(u"notes"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy() && m_page->editor()->server().name == u"notes"_s,
                                 kWaitMs);
        QVERIFY(!problem->isVisible());
        GH_VERIFY_OK(store::ServerRepository(*m_db).remove(u"gone"_s));
    }

    void removedOperationsComeBack()
    {
        m_page->selectServer(u"notes"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy() && m_page->editor() &&
                                     m_page->editor()->server().name == u"notes"_s,
                                 kWaitMs);
        auto *toggle = child<QToolButton>(u"removedToggle"_s);
        QVERIFY(toggle->text().contains(u"(1)"_s));
        auto *removed = child<QTableView>(u"removedTable"_s);
        QVERIFY(!removed->isVisible());
        QTest::mouseClick(toggle, Qt::LeftButton);
        QVERIFY(removed->isVisible());
        QVERIFY(removed->model()->index(0, 1).data().toString().contains(u"Deprecated"_s));
        removed->setFocus();
        removed->setCurrentIndex(removed->model()->index(0, 0));
        auto *bringBack = child<QPushButton>(u"bringBackButton"_s);
        QVERIFY(bringBack->isEnabled());
        QSignalSpy saved(m_page.get(), &ServersPage::changeSaved);
        QTest::mouseClick(bringBack, Qt::LeftButton);
        waitSaved(saved);

        const gateway::ToolRow *back = m_page->editor()->find(u"searchNotesLegacy"_s);
        QVERIFY(back && back->enabled);
        QVERIFY(listed("notes").contains(back->tool.name));
        QVERIFY(toggle->text().contains(u"(0)"_s));
    }

    // A tool brought back and then switched off and on stays a tool: the switch writes
    // enabled: true for it, not "as the heuristics say".
    void aBroughtBackToolSwitchesBackOn()
    {
        m_page->selectServer(u"notes"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy() && m_page->editor() &&
                                     m_page->editor()->server().name == u"notes"_s,
                                 kWaitMs);
        const gateway::ToolRow *back = m_page->editor()->find(u"searchNotesLegacy"_s);
        QVERIFY(back && back->enabled && back->removedByHeuristics);
        const QString name = back->tool.name;
        for (const bool on : {false, true}) {
            QSignalSpy saved(m_page.get(), &ServersPage::changeSaved);
            tools()->setFocus();
            tools()->setCurrentIndex(
                tools()->model()->index(rowOf(name), ServersPage::ToolEnabled));
            QTest::keyClick(tools(), Qt::Key_Space);
            waitSaved(saved);
            QCOMPARE(listed("notes").contains(name), on);
            QVERIFY(rowOf(name) >= 0); // switched off, it keeps its row
        }
        auto stored = store::ToolOverrideRepository(*m_db).get(u"notes"_s, u"searchNotesLegacy"_s);
        GH_VERIFY_OK(stored);
        QCOMPARE(stored->enabled, std::optional<bool>(true));
        QVERIFY(child<QToolButton>(u"removedToggle"_s)->text().contains(u"(0)"_s));
    }

    // Apply changes only what the owner edited: typed values, entries the panel does not show
    // and an exact cost stay as stored.
    void applyKeepsWhatWasNotEdited()
    {
        store::ToolOverrideRepository repository(*m_db);
        const QList<store::ToolOverride> kept = *repository.listForServer(u"notes"_s);
        store::ToolOverride o;
        o.server = u"notes"_s;
        o.key = u"createNote"_s;
        o.fixedParams = store::ParamValues{{u"folder"_s, "2024"}};
        o.paramDefaults = store::ParamValues{{u"title"_s, "null"}, {u"set_in_config"_s, true}};
        o.hideParams = QStringList{u"from_all_of"_s};
        o.responseFields = QStringList{u"author.name"_s};
        o.cost = 0.123456789012345;
        GH_VERIFY_OK(repository.replaceForServer(u"notes"_s, {o}));
        m_page->selectServer(u"notes"_s);
        reloadPage();
        selectTool(u"create_note"_s);
        ui::ToolEditorPanel *panel = m_page->toolEditor();
        auto *parameters = panel->findChild<QTableWidget *>(u"toolParameters"_s);
        QMap<QString, int> rows;
        for (int r = 0; r < parameters->rowCount(); ++r)
            rows.insert(parameters->item(r, 0)->data(Qt::UserRole).toString(), r);
        // Strings are shown quoted, so "2024" is told from the number 2024.
        QCOMPARE(parameters->item(rows.value(u"folder"_s), 2)->text(), u"\"2024\""_s);
        QCOMPARE(parameters->item(rows.value(u"title"_s), 2)->text(), u"\"null\""_s);

        auto *description = panel->findChild<QPlainTextEdit *>(u"toolDescription"_s);
        description->setPlainText(u"Files a note."_s);
        QSignalSpy saved(m_page.get(), &ServersPage::changeSaved);
        QTest::mouseClick(panel->findChild<QPushButton *>(u"applyTool"_s), Qt::LeftButton);
        waitSaved(saved);
        auto stored = repository.get(u"notes"_s, u"createNote"_s);
        GH_VERIFY_OK(stored);
        QCOMPARE(stored->description, std::optional<QString>(u"Files a note."_s));
        QCOMPARE(stored->fixedParams, o.fixedParams);
        QCOMPARE(stored->paramDefaults, o.paramDefaults);
        QCOMPARE(stored->hideParams, o.hideParams);
        QCOMPARE(stored->responseFields, o.responseFields);
        QCOMPARE(stored->cost, o.cost);

        // The number 2024 typed without quotes is a number; the rest stays.
        parameters->item(rows.value(u"folder"_s), 2)->setText(u"2024"_s);
        QSignalSpy savedAgain(m_page.get(), &ServersPage::changeSaved);
        QTest::mouseClick(panel->findChild<QPushButton *>(u"applyTool"_s), Qt::LeftButton);
        waitSaved(savedAgain);
        stored = repository.get(u"notes"_s, u"createNote"_s);
        GH_VERIFY_OK(stored);
        QCOMPARE(stored->fixedParams->value(u"folder"_s), nlohmann::json(2024));
        QCOMPARE(stored->paramDefaults, o.paramDefaults);
        QCOMPARE(stored->hideParams, o.hideParams);
        QCOMPARE(stored->cost, o.cost);
        GH_VERIFY_OK(repository.replaceForServer(u"notes"_s, kept));
    }

    // A switch and an Apply made before the first write's reload lands: both hold, and Undo
    // puts back what the Apply replaced (the tool stays off). Unapplied panel edits survive a
    // reload that another write causes.
    void editsMadeBeforeAReloadLandKeepEachOther()
    {
        store::ToolOverrideRepository repository(*m_db);
        const QList<store::ToolOverride> kept = *repository.listForServer(u"notes"_s);
        GH_VERIFY_OK(repository.replaceForServer(u"notes"_s, {}));
        m_page->selectServer(u"notes"_s);
        reloadPage();
        selectTool(u"get_note"_s);
        ui::ToolEditorPanel *panel = m_page->toolEditor();
        auto *description = panel->findChild<QPlainTextEdit *>(u"toolDescription"_s);
        auto *apply = panel->findChild<QPushButton *>(u"applyTool"_s);
        description->setPlainText(u"Reads one note."_s);

        // Another tool switched off: its reload keeps the panel's edits.
        QSignalSpy switched(m_page.get(), &ServersPage::changeSaved);
        const QModelIndex deleteSwitch =
            tools()->model()->index(rowOf(u"delete_note"_s), ServersPage::ToolEnabled);
        QVERIFY(tools()->model()->setData(deleteSwitch, Qt::Unchecked, Qt::CheckStateRole));
        waitSaved(switched);
        QCOMPARE(panel->key(), u"getNote"_s);
        QCOMPARE(description->toPlainText(), u"Reads one note."_s);
        QVERIFY(apply->isEnabled());

        // get_note switched off, then Apply at once, before the switch's reload lands.
        QSignalSpy saved(m_page.get(), &ServersPage::changeSaved);
        const QModelIndex getSwitch =
            tools()->model()->index(rowOf(u"get_note"_s), ServersPage::ToolEnabled);
        QVERIFY(tools()->model()->setData(getSwitch, Qt::Unchecked, Qt::CheckStateRole));
        QVERIFY(m_page->isBusy());
        QTest::mouseClick(apply, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(saved.count() >= 2, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy(), kWaitMs);
        waitServed();
        auto stored = repository.get(u"notes"_s, u"getNote"_s);
        GH_VERIFY_OK(stored);
        QCOMPARE(stored->enabled, std::optional<bool>(false));
        QCOMPARE(stored->description, std::optional<QString>(u"Reads one note."_s));
        QCOMPARE(listed("notes"), (QStringList{u"list_notes"_s, u"create_note"_s}));

        QSignalSpy undone(m_page.get(), &ServersPage::changeSaved);
        QTest::mouseClick(child<QPushButton>(u"undoButton"_s), Qt::LeftButton);
        waitSaved(undone);
        stored = repository.get(u"notes"_s, u"getNote"_s);
        GH_VERIFY_OK(stored);
        QCOMPARE(stored->enabled, std::optional<bool>(false));
        QCOMPARE(stored->description, std::optional<QString>());
        QCOMPARE(repository.get(u"notes"_s, u"deleteNote"_s)->enabled, std::optional<bool>(false));
        GH_VERIFY_OK(repository.replaceForServer(u"notes"_s, kept));
    }

    // Closing the import dialog while a URL is read does not wait for the read (which may take
    // the fetch's 30 s); the read's result is dropped when it ends.
    void closingTheImportWhileAUrlLoadsDoesNotWait()
    {
        QTcpServer silent; // accepts and never answers
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        ImportServerDialog *dialog = openImport();
        QVERIFY(dialog);
        auto *source = dialog->findChild<QLineEdit *>(u"specSource"_s);
        QTest::keyClicks(source, u"http://127.0.0.1:%1/spec.yaml"_s.arg(silent.serverPort()));
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"loadSpec"_s), Qt::LeftButton);
        QVERIFY(dialog->isLoading());
        QTRY_VERIFY_WITH_TIMEOUT(silent.hasPendingConnections(), kWaitMs);
        QElapsedTimer timer;
        timer.start();
        QPointer<ImportServerDialog> guard(dialog);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!guard, 2000);
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(!m_page->importDialog());
        // The read ends when the upstream goes away; nothing is left to deliver it to.
        delete silent.nextPendingConnection();
        silent.close();
        QVERIFY(QThreadPool::globalInstance()->waitForDone(kWaitMs));
        QCoreApplication::processEvents();
        QVERIFY(!m_page->importDialog());
        QVERIFY(!m_page->servers().contains(u"notes-api-2"_s));
    }

    void tryItAsksForTheSelectedTool()
    {
        m_page->selectServer(u"notes"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy() && m_page->editor() &&
                                     m_page->editor()->server().name == u"notes"_s,
                                 kWaitMs);
        QSignalSpy asked(m_page.get(), &ServersPage::tryToolRequested);
        selectTool(u"get_note"_s);
        QTest::mouseClick(child<QPushButton>(u"tryItButton"_s), Qt::LeftButton);
        QCOMPARE(asked.count(), 1);
        QCOMPARE(asked.first().at(0).toString(), u"notes"_s);
        QCOMPARE(asked.first().at(1).toString(), u"get_note"_s);
    }

    // The page in the window at a common size, as a person sees it (saved as PNG files when
    // GATEHOUSE_SCREENSHOT_DIR is set): every tool row, the token line and the side panel fit.
    void rendersInTheWindow()
    {
        gateway::ListenOptions listen;
        listen.port = 0;
        ui::MainWindow window(*m_gateway, *m_db, listen);
        window.resize(1280, 800);
        auto *page = qobject_cast<ServersPage *>(window.page(ui::MainWindow::Page::Servers));
        QVERIFY(page);
        window.show();
        window.showPage(ui::MainWindow::Page::Servers);
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy() && page->editor(), kWaitMs);
        page->selectServer(u"notes"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy() && page->editor()->server().name == u"notes"_s,
                                 kWaitMs);
        auto *table = page->findChild<QTableView *>(u"toolTable"_s);
        table->setFocus();
        table->setCurrentIndex(table->model()->index(1, ServersPage::ToolName));
        QTest::qWait(50);

        const QImage shot = window.grab().toImage();
        QVERIFY(!shot.isNull());
        const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(shot.save(QDir(dir).filePath(u"servers.png"_s)));
        const int last = table->model()->rowCount() - 1;
        QVERIFY(table->rowViewportPosition(last) + table->rowHeight(last) <=
                table->viewport()->height());
        auto *cost = page->findChild<QLabel *>(u"contextCost"_s);
        QVERIFY(cost->isVisible() && cost->width() >= cost->fontMetrics().horizontalAdvance(
                                                          cost->text().section(u" · "_s, 0, 1)));
        auto *name = page->toolEditor()->findChild<QLineEdit *>(u"toolName"_s);
        QVERIFY(name->isVisible() && !name->visibleRegion().isEmpty());

        if (!dir.isEmpty()) {
            // An edit in progress, with what it would cost, not applied.
            auto *description =
                page->toolEditor()->findChild<QPlainTextEdit *>(u"toolDescription"_s);
            description->setFocus();
            description->moveCursor(QTextCursor::End);
            QTest::keyClicks(description, u" in a folder, with a title and text"_s);
            auto *pending = page->toolEditor()->findChild<QLabel *>(u"pendingCost"_s);
            QTRY_VERIFY_WITH_TIMEOUT(pending->isVisible(), kWaitMs);
            QTest::qWait(50);
            QVERIFY(window.grab().save(QDir(dir).filePath(u"servers-editing.png"_s)));
            page->toolEditor()->revert();

            // The import preview.
            page->importSpec();
            ImportServerDialog *dialog = page->importDialog();
            QVERIFY(dialog);
            QSignalSpy shown(dialog, &ImportServerDialog::previewShown);
            dialog->load(notesSpec());
            QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, kWaitMs);
            QTest::qWait(50);
            QVERIFY(dialog->grab().save(QDir(dir).filePath(u"servers-import.png"_s)));
            dialog->reject();
        }
        window.close();
    }

    void removingAServerAsksFirst()
    {
        m_page->selectServer(u"notes-remote"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy() && m_page->editor() &&
                                     m_page->editor()->server().name == u"notes-remote"_s,
                                 kWaitMs);
        QTest::mouseClick(child<QPushButton>(u"removeServerButton"_s), Qt::LeftButton);
        auto *confirm = m_page->findChild<QMessageBox *>(u"confirmRemove"_s);
        QVERIFY(confirm);
        confirm->button(QMessageBox::Cancel)->click();
        QTest::qWait(50);
        QVERIFY(!m_page->isBusy());
        QVERIFY(store::ServerRepository(*m_db).get(u"notes-remote"_s).ok());

        QTest::mouseClick(child<QPushButton>(u"removeServerButton"_s), Qt::LeftButton);
        confirm = m_page->findChild<QMessageBox *>(u"confirmRemove"_s);
        QVERIFY(confirm);
        QSignalSpy saved(m_page.get(), &ServersPage::changeSaved);
        confirm->button(QMessageBox::Yes)->click();
        waitSaved(saved);
        QCOMPARE(store::ServerRepository(*m_db).get(u"notes-remote"_s).error().code(),
                 ErrorCode::NotFound);
        QCOMPARE(listed("notes-remote"), QStringList{u"<no session>"_s});
        QCOMPARE(m_page->servers(), QStringList{u"notes"_s});
    }
};

QTEST_MAIN(TestServersPage)
#include "TestServersPage.moc"
