#include "ServersPage.h"

#include "BusyRow.h"
#include "ContextCostText.h"
#include "DataTable.h"
#include "ImportServerDialog.h"
#include "PageTitle.h"
#include "ProblemRow.h"
#include "ToolEditorPanel.h"
#include "WelcomePage.h"
#include "WrappingLabel.h"
#include "gateway/Gateway.h"
#include "store/Database.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace gatehouse::ui {

using gateway::ServerEditor;
using gateway::ToolRow;

namespace {

QStandardItem *cell(const QString &text)
{
    auto *item = new QStandardItem(text);
    item->setEditable(false);
    return item;
}

// A message from core as a sentence, so that advice can follow it.
QString sentence(const QString &message)
{
    const QString m = message.trimmed();
    return m.endsWith(u'.') ? m : m + u'.';
}

QString money(double value)
{
    return QLocale().toString(value, 'f', 2);
}

} // namespace

ServersPage::ServersPage(gateway::Gateway &gateway, store::Database &database, QWidget *parent)
    : QWidget(parent)
    , m_gateway(gateway)
    , m_store(gateway, database)
{
    setAccessibleName(tr("Servers & tools"));
    connect(&m_store, &PageStore::savedWhileStopped, this, [this] {
        showMessage(tr("Saved. The gateway uses it when it starts."), m_undo.has_value());
    });
    connect(&m_store, &PageStore::applied, this, &ServersPage::applied);

    m_busy = new BusyRow(tr("Reading the servers and their tools…"), tr("Loading servers"), this);
    m_busy->setObjectName(QStringLiteral("serversBusy"));
    m_errorRow = new ProblemRow(QStringLiteral("serversError"), this);

    // The empty state.
    m_welcome = new WelcomePage(this);
    m_welcome->layout()->setContentsMargins(0, 0, 0, 0); // the page's margins hold it
    connect(m_welcome, &WelcomePage::importRequested, this, &ServersPage::importSpec);

    // Servers.
    auto *main = new QWidget(this);
    m_serverList = new QListWidget(main);
    m_serverList->setObjectName(QStringLiteral("serverList"));
    m_serverList->setAccessibleName(tr("Servers"));
    connect(m_serverList, &QListWidget::currentTextChanged, this, [this](const QString &text) {
        if (!m_filling && !text.isEmpty())
            selectServer(m_serverList->currentItem()->data(Qt::UserRole).toString());
    });
    m_import = new QPushButton(tr("&Import spec…"), main);
    m_import->setObjectName(QStringLiteral("importButton"));
    m_import->setAccessibleName(tr("Import an OpenAPI spec as a new server"));
    connect(m_import, &QPushButton::clicked, this, &ServersPage::importSpec);
    m_remove = new QPushButton(tr("Re&move…"), main);
    m_remove->setObjectName(QStringLiteral("removeServerButton"));
    m_remove->setAccessibleName(tr("Remove the selected server"));
    connect(m_remove, &QPushButton::clicked, this, &ServersPage::removeServer);
    auto *serverButtons = new QHBoxLayout;
    serverButtons->addWidget(m_import);
    serverButtons->addWidget(m_remove);
    auto *serversTitle = new QLabel(tr("&Servers"), main);
    serversTitle->setBuddy(m_serverList);
    auto *serverColumn = new QWidget(main);
    auto *serverLayout = new QVBoxLayout(serverColumn);
    serverLayout->setContentsMargins(0, 0, 0, 0);
    serverLayout->addWidget(serversTitle);
    serverLayout->addWidget(m_serverList, 1);
    serverLayout->addLayout(serverButtons);

    // The selected server's tools.
    m_serverHeading = new WrappingLabel(QStringLiteral("serverHeading"), main);
    QFont bold = m_serverHeading->font();
    bold.setBold(true);
    m_serverHeading->setFont(bold);
    m_cost = new WrappingLabel(QStringLiteral("contextCost"), main);
    m_cost->setAccessibleName(tr("What a client receives at session start"));
    m_search = new QLineEdit(main);
    m_search->setObjectName(QStringLiteral("toolSearch"));
    m_search->setAccessibleName(tr("Search tools"));
    m_search->setPlaceholderText(tr("Search tools by name, action or resource"));
    m_search->setClearButtonEnabled(true);

    m_toolModel = new QStandardItemModel(0, ToolColumns, this);
    m_toolModel->setHorizontalHeaderLabels({tr("On"), tr("Tool"), tr("Action"), tr("Resource"),
                                            tr("Tokens"), tr("Credential"), tr("Cost")});
    m_toolModel->horizontalHeaderItem(ToolEnabled)
        ->setToolTip(tr("Switched off, a tool is not offered to any client."));
    m_toolModel->horizontalHeaderItem(ToolTokens)
        ->setToolTip(tr("Estimated tokens of the tool's entry in tools/list."));
    connect(m_toolModel, &QStandardItemModel::itemChanged, this, &ServersPage::toolItemChanged);
    m_filter = new QSortFilterProxyModel(this);
    m_filter->setSourceModel(m_toolModel);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setFilterKeyColumn(-1);
    connect(m_search, &QLineEdit::textChanged, m_filter,
            &QSortFilterProxyModel::setFilterFixedString);
    m_tools = new DataTable(main, QStringLiteral("toolTable"), tr("Tools"));
    m_tools->setModel(m_filter);
    m_tools->setAccessibleDescription(
        tr("Press Space on the first column to switch a tool on or off."));
    m_tools->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tools->horizontalHeader()->setSectionResizeMode(ToolName, QHeaderView::Stretch);
    connect(m_tools->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ServersPage::currentToolChanged);

    m_tryIt = new QPushButton(tr("&Try it…"), main);
    m_tryIt->setObjectName(QStringLiteral("tryItButton"));
    m_tryIt->setAccessibleName(tr("Try the selected tool"));
    connect(m_tryIt, &QPushButton::clicked, this, [this] {
        if (const ToolRow *row = currentRow())
            Q_EMIT tryToolRequested(m_selected, row->tool.name);
    });
    auto *toolButtons = new QHBoxLayout;
    toolButtons->addWidget(m_tryIt);
    toolButtons->addStretch(1);

    // What the heuristics removed: collapsed until asked for.
    m_removedToggle = new QToolButton(main);
    m_removedToggle->setObjectName(QStringLiteral("removedToggle"));
    m_removedToggle->setCheckable(true);
    m_removedToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_removedToggle->setArrowType(Qt::RightArrow);
    m_removedToggle->setAutoRaise(true);
    m_removedBox = new QWidget(main);
    m_removedModel = new QStandardItemModel(0, 2, this);
    m_removedModel->setHorizontalHeaderLabels({tr("Operation"), tr("Why it was removed")});
    m_removed = new DataTable(m_removedBox, QStringLiteral("removedTable"),
                              tr("What the heuristics removed"));
    m_removed->setModel(m_removedModel);
    m_removed->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_removed->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    connect(m_removed->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ServersPage::updateButtons);
    m_bringBack = new QPushButton(tr("&Bring back"), m_removedBox);
    m_bringBack->setObjectName(QStringLiteral("bringBackButton"));
    m_bringBack->setAccessibleName(tr("Make the selected operation a tool again"));
    connect(m_bringBack, &QPushButton::clicked, this, &ServersPage::bringBack);
    auto *removedLayout = new QVBoxLayout(m_removedBox);
    removedLayout->setContentsMargins(0, 0, 0, 0);
    removedLayout->addWidget(m_removed);
    auto *bringBackRow = new QHBoxLayout;
    bringBackRow->addWidget(m_bringBack);
    bringBackRow->addStretch(1);
    removedLayout->addLayout(bringBackRow);
    m_removedBox->setVisible(false);
    connect(m_removedToggle, &QToolButton::toggled, this, [this](bool open) {
        m_removedToggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
        m_removedBox->setVisible(open);
    });

    auto *toolColumn = new QWidget(main);
    auto *toolLayout = new QVBoxLayout(toolColumn);
    toolLayout->setContentsMargins(0, 0, 0, 0);
    toolLayout->addWidget(m_serverHeading);
    toolLayout->addWidget(m_cost);
    toolLayout->addWidget(m_search);
    toolLayout->addWidget(m_tools, 3);
    toolLayout->addLayout(toolButtons);
    toolLayout->addWidget(m_removedToggle);
    toolLayout->addWidget(m_removedBox, 1);

    // The side panel.
    m_panel = new ToolEditorPanel(main);
    connect(m_panel, &ToolEditorPanel::applyRequested, this,
            [this](const QString &key, const gateway::OverrideChange &change) {
                const ToolRow *row = m_editor ? m_editor->find(key) : nullptr;
                updateOverride(
                    key, change,
                    tr("The change to tool %1 was not saved.").arg(row ? row->tool.name : key));
            });

    auto *splitter = new QSplitter(Qt::Horizontal, main);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(serverColumn);
    splitter->addWidget(toolColumn);
    splitter->addWidget(m_panel);
    m_pendingCostTimer.setSingleShot(true);
    m_pendingCostTimer.setInterval(300);
    connect(&m_pendingCostTimer, &QTimer::timeout, this, &ServersPage::workOutPendingCost);
    connect(m_panel, &ToolEditorPanel::editsChanged, &m_pendingCostTimer,
            qOverload<>(&QTimer::start));
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 2);
    const int charWidth = fontMetrics().averageCharWidth();
    splitter->setSizes({16 * charWidth, 80 * charWidth, 56 * charWidth});

    m_message = new WrappingLabel(QStringLiteral("saveState"), main);
    m_message->setAccessibleName(tr("Saving state"));
    m_undoButton = new QPushButton(tr("&Undo"), main);
    m_undoButton->setObjectName(QStringLiteral("undoButton"));
    m_undoButton->setAccessibleName(tr("Undo the last change to a tool"));
    m_undoButton->hide();
    connect(m_undoButton, &QPushButton::clicked, this, &ServersPage::undo);
    auto *messageRow = new QHBoxLayout;
    messageRow->addWidget(m_message, 1);
    messageRow->addWidget(m_undoButton);

    auto *purpose = new WrappingLabel(QStringLiteral("serversPurpose"), main);
    purpose->setText(tr("The APIs the gateway serves and the tools clients see. Switch tools "
                        "off, rename and describe them, and keep an eye on how much a client "
                        "must read before it starts."));
    auto *mainLayout = new QVBoxLayout(main);
    mainLayout->setContentsMargins(0, 0, 0, 0);
    mainLayout->addWidget(new PageTitle(tr("Servers & tools"), main));
    mainLayout->addWidget(purpose);
    mainLayout->addWidget(splitter, 1);
    mainLayout->addLayout(messageRow);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_welcome);
    m_stack->addWidget(main);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_busy);
    layout->addWidget(m_errorRow);
    layout->addWidget(m_stack, 1);

    setTabOrder(m_serverList, m_import);
    setTabOrder(m_import, m_remove);
    setTabOrder(m_remove, m_search);
    setTabOrder(m_search, m_tools);
    setTabOrder(m_tools, m_tryIt);
    setTabOrder(m_tryIt, m_removedToggle);
    setTabOrder(m_removedToggle, m_removed);
    setTabOrder(m_removed, m_bringBack);

    updateButtons();
    reload();
}

ImportServerDialog *ServersPage::importDialog() const
{
    return m_importDialog.data();
}

bool ServersPage::isBusy() const
{
    return m_store.isLoading() || m_store.writesInFlight() > 0;
}

QStringList ServersPage::servers() const
{
    QStringList names;
    if (m_overview)
        for (const store::Server &s : m_overview->servers)
            names.append(s.name);
    return names;
}

void ServersPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Credentials and servers change on other pages and on the command line.
    if (m_overview)
        reload();
}

void ServersPage::reload()
{
    m_busy->setVisible(!m_overview);
    // The spec loaded before is used again while the server names the same one (an edit does
    // not read the file or fetch the URL again).
    std::shared_ptr<const openapi::Spec> spec;
    QString source;
    if (m_editor && m_editor->server().name == m_selected) {
        spec = m_editor->spec();
        source = m_editor->specSource();
    }
    m_store.load(
        [selected = m_selected, spec, source](store::Database &database) {
            Loaded result;
            result.overview = ServerEditor::overview(database);
            if (result.overview) {
                QString name = selected;
                const auto &servers = result.overview->servers;
                const bool exists =
                    std::any_of(servers.cbegin(), servers.cend(),
                                [&](const store::Server &s) { return s.name == name; });
                if (!exists)
                    name = servers.isEmpty() ? QString() : servers.first().name;
                if (!name.isEmpty())
                    result.editor = ServerEditor::load(database, name, spec, source);
            }
            return result;
        },
        [this](Loaded result) { finished(std::move(result)); });
}

void ServersPage::finished(Loaded result)
{
    m_busy->hide();
    // A load problem goes when a load succeeds; a failed edit's message stays until the next
    // edit.
    if (m_showingLoadProblem) {
        m_errorRow->clear();
        m_showingLoadProblem = false;
    }
    const auto loadProblem = [this](const QString &text) {
        m_errorRow->showProblem(text);
        m_showingLoadProblem = true;
    };
    if (!result.overview) {
        loadProblem(tr("The servers could not be read: %1 Check that the data "
                       "folder is reachable; the page tries again when you come "
                       "back to it.")
                        .arg(sentence(result.overview.error().message())));
        Q_EMIT loadFailed(result.overview.error().message());
        return;
    }
    m_overview = std::move(result.overview).value();
    if (result.editor && !*result.editor) {
        m_editor.reset();
        loadProblem(
            tr("The server's tools could not be read: %1").arg(result.editor->error().message()));
    } else if (result.editor) {
        m_editor = std::move(*result.editor).value();
        m_selected = m_editor->server().name;
        if (!m_editor->loadError().isEmpty())
            loadProblem(
                tr("%1 Check the spec's file or address; the server comes back when it loads.")
                    .arg(sentence(m_editor->loadError())));
    } else {
        m_editor.reset();
        m_selected.clear();
    }
    m_stack->setCurrentIndex(m_overview->servers.isEmpty() ? 0 : 1);
    fillServers();
    fillTools();
    fillRemoved();
    updateButtons();
    Q_EMIT loaded();
}

void ServersPage::fillServers()
{
    m_filling = true;
    m_serverList->clear();
    for (const store::Server &s : m_overview->servers) {
        auto *item =
            new QListWidgetItem(s.enabled ? s.name : tr("%1 (off)").arg(s.name), m_serverList);
        item->setData(Qt::UserRole, s.name);
        item->setToolTip(s.title.value_or(s.name) + u'\n' +
                         s.openapi.value_or(s.mcpUrl.value_or(QString())));
        if (s.name == m_selected)
            m_serverList->setCurrentItem(item);
    }
    m_filling = false;
}

void ServersPage::fillTools()
{
    m_filling = true;
    m_toolModel->setRowCount(0);
    if (!m_editor) {
        m_serverHeading->clear();
        m_cost->clear();
        m_panel->setTool(nullptr, nullptr, {});
        m_filling = false;
        return;
    }
    const store::Server &server = m_editor->server();
    QString address = QStringLiteral("/mcp/") + server.name;
    if (m_gateway.state() == gateway::Gateway::State::Running)
        address = m_gateway.baseUrl().toString() + address;
    m_serverHeading->setText(
        tr("%1 — clients connect to %2 (discovery: %3)")
            .arg(server.title.value_or(server.name), address, server.discovery));
    const auto mode =
        gateway::discoveryModeFromName(server.discovery).value_or(gateway::DiscoveryMode::Flat);
    m_cost->setText(ContextCostText::line(m_editor->cost()));
    m_cost->setToolTip(ContextCostText::toolTip(m_editor->cost(), mode));

    int currentRow = -1;
    for (const ToolRow &row : m_editor->tools()) {
        const openapi::Tool &tool = row.tool;
        auto *enabled = new QStandardItem;
        enabled->setCheckable(true);
        enabled->setEditable(false);
        enabled->setCheckState(row.enabled ? Qt::Checked : Qt::Unchecked);
        enabled->setData(row.key, KeyRole);
        enabled->setToolTip(row.enabled ? tr("%1 is offered to clients.").arg(tool.name)
                                        : tr("%1 is switched off.").arg(tool.name));
        enabled->setAccessibleText(row.enabled ? tr("on") : tr("off"));
        QStandardItem *name = cell(tool.name);
        name->setToolTip(tool.operation.method + u' ' + tool.operation.path + u'\n' +
                         tool.description);
        if (!row.enabled)
            name->setForeground(palette().brush(QPalette::Disabled, QPalette::Text));
        QStandardItem *tokens = cell(ContextCostText::tokens(tool.estimatedTokens));
        tokens->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        QStandardItem *credential =
            cell(row.credential.isEmpty()    ? tr("none")
                 : tool.credential.isEmpty() ? tr("%1 (server default)").arg(row.credential)
                                             : row.credential);
        QStandardItem *cost = cell(tool.cost ? money(*tool.cost) : tr("free"));
        cost->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (!tool.costArgument.isEmpty())
            cost->setText(tr("%1 + %2 × %3")
                              .arg(money(tool.cost.value_or(0.0)), tool.costArgument,
                                   QLocale().toString(tool.costFactor)));
        m_toolModel->appendRow({enabled, name, cell(openapi::toolActionName(tool.action)),
                                cell(tool.resource), tokens, credential, cost});
        if (row.key == m_selectedKey)
            currentRow = m_toolModel->rowCount() - 1;
    }
    m_filling = false;
    if (currentRow >= 0) {
        const QModelIndex index = m_filter->mapFromSource(m_toolModel->index(currentRow, 1));
        if (index.isValid()) {
            m_tools->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                                  QItemSelectionModel::Rows);
        }
    }
    // The panel shows what is stored now (after an apply, the saved tool), unless it holds edits
    // of this same tool that are not applied yet: another write landing must not wipe them.
    const ToolRow *row = currentRow >= 0 ? m_editor->find(m_selectedKey) : nullptr;
    if (row && m_panel->isModified() && m_panel->key() == row->key)
        return;
    m_panel->setTool(&*m_editor, row, m_overview ? m_overview->credentials : QStringList());
}

void ServersPage::fillRemoved()
{
    m_removedModel->setRowCount(0);
    const int count = m_editor ? int(m_editor->removed().size()) : 0;
    m_removedToggle->setText(tr("What the heuristics removed (%1)").arg(count));
    m_removedToggle->setAccessibleName(m_removedToggle->text());
    if (!m_editor)
        return;
    for (const gateway::RemovedOperation &r : m_editor->removed()) {
        QStandardItem *what =
            cell(r.key == r.method + u' ' + r.path ? r.key
                                                   : tr("%1 (%2 %3)").arg(r.key, r.method, r.path));
        what->setData(r.key, KeyRole);
        QStandardItem *reason = cell(r.reason);
        reason->setToolTip(r.reason);
        m_removedModel->appendRow({what, reason});
    }
}

void ServersPage::updateButtons()
{
    const bool server = m_editor.has_value();
    m_remove->setEnabled(server);
    const ToolRow *row = currentRow();
    m_tryIt->setEnabled(row && row->enabled);
    m_tryIt->setToolTip(row && !row->enabled ? tr("Switch the tool on to try it.") : QString());
    m_bringBack->setEnabled(m_removed->currentIndex().isValid());
}

const ToolRow *ServersPage::currentRow() const
{
    if (!m_editor || m_selectedKey.isEmpty())
        return nullptr;
    return m_editor->find(m_selectedKey);
}

void ServersPage::currentToolChanged()
{
    if (m_filling)
        return;
    const QModelIndex index = m_tools->currentIndex();
    m_selectedKey = index.isValid()
                        ? m_filter->index(index.row(), ToolEnabled).data(KeyRole).toString()
                        : QString();
    const ToolRow *row = currentRow();
    // The same tool selected again after a reload: its unapplied edits stay.
    if (!(row && m_panel->isModified() && m_panel->key() == row->key))
        m_panel->setTool(m_editor ? &*m_editor : nullptr, row,
                         m_overview ? m_overview->credentials : QStringList());
    updateButtons();
}

void ServersPage::selectServer(const QString &name)
{
    if (name == m_selected)
        return;
    m_selected = name;
    m_selectedKey.clear();
    m_search->clear();
    reload();
}

void ServersPage::toolItemChanged(QStandardItem *item)
{
    if (m_filling || item->column() != ToolEnabled || !m_editor)
        return;
    const QString key = item->data(KeyRole).toString();
    const ToolRow *row = m_editor->find(key);
    if (!row)
        return;
    const bool on = item->checkState() == Qt::Checked;
    if (on == row->enabled)
        return;
    // On: back to what the spec says; an operation the heuristics leave out stays a tool only
    // with enabled: true (what "bring back" writes).
    const bool keep = row->removedByHeuristics;
    updateOverride(
        key,
        [on, keep](store::ToolOverride &o) {
            if (!on)
                o.enabled = false;
            else if (keep)
                o.enabled = true;
            else
                o.enabled.reset();
        },
        on ? tr("Tool %1 was not switched on.").arg(row->tool.name)
           : tr("Tool %1 was not switched off.").arg(row->tool.name));
}

void ServersPage::updateOverride(const QString &key, const gateway::OverrideChange &change,
                                 const QString &what)
{
    if (!m_editor)
        return;
    // Read, changed and written in one transaction on the write thread: only the fields this
    // edit touches change, over whatever the edits before it wrote.
    write(what, [server = m_editor->server().name, key, change](store::Database &database,
                                                                std::optional<Undo> &undo) {
        auto previous = ServerEditor::update(database, server, key, change);
        if (!previous)
            return Status(previous.error());
        undo = Undo{server, key, *previous};
        return Status();
    });
}

void ServersPage::bringBack()
{
    if (!m_editor)
        return;
    const QModelIndex index = m_removed->currentIndex();
    if (!index.isValid())
        return;
    const QString key = m_removedModel->index(index.row(), 0).data(KeyRole).toString();
    const QString server = m_editor->server().name;
    write(tr("%1 was not brought back.").arg(key),
          [server, key](store::Database &database, std::optional<Undo> &) {
              return ServerEditor::bringBack(database, server, key);
          });
}

void ServersPage::undo()
{
    if (!m_undo)
        return;
    const Undo undo = *m_undo;
    m_undo.reset();
    write(tr("The change could not be undone."),
          [undo](store::Database &database, std::optional<Undo> &) {
              return ServerEditor::restoreOverride(database, undo.server, undo.key, undo.previous);
          });
}

void ServersPage::importSpec()
{
    if (m_importDialog)
        return;
    m_importDialog = new ImportServerDialog(servers(), this);
    m_importDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_importDialog, &QDialog::accepted, this, [this, dialog = m_importDialog.data()] {
        if (dialog->preview())
            addServer(*dialog->preview(), dialog->serverName());
    });
    // Window-modal and not blocking.
    m_importDialog->open();
}

void ServersPage::addServer(const gateway::ImportPreview &preview, const QString &name)
{
    m_selected = name;
    m_selectedKey.clear();
    write(tr("Server %1 was not added.").arg(name),
          [preview, name](store::Database &database, std::optional<Undo> &) {
              return gateway::ServerImport::save(database, preview, name);
          });
}

void ServersPage::removeServer()
{
    if (!m_editor)
        return;
    const QString name = m_editor->server().name;
    auto *confirm = new QMessageBox(
        QMessageBox::Question, tr("Remove server %1?").arg(name),
        tr("Remove server %1? Clients lose its %2 tools at once, and your changes to them "
           "(names, switches, costs) are deleted. The spec file itself stays.")
            .arg(name)
            .arg(m_editor->tools().size()),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    confirm->setObjectName(QStringLiteral("confirmRemove"));
    confirm->setDefaultButton(QMessageBox::Cancel);
    confirm->setAttribute(Qt::WA_DeleteOnClose);
    connect(confirm, &QMessageBox::accepted, this, [this, name] {
        m_undo.reset();
        write(tr("Server %1 was not removed.").arg(name),
              [name](store::Database &database, std::optional<Undo> &) {
                  return ServerEditor::removeServer(database, name);
              });
    });
    confirm->open();
}

void ServersPage::write(const QString &what,
                        std::function<Status(store::Database &, std::optional<Undo> &)> change)
{
    showMessage(tr("Saving…"));
    m_store.write(
        [change = std::move(change)](store::Database &database) -> Result<std::optional<Undo>> {
            std::optional<Undo> undo;
            if (const Status status = change(database, undo); !status)
                return status.error();
            return undo;
        },
        [this, what](const Result<std::optional<Undo>> &result) { written(what, result); });
}

void ServersPage::written(const QString &what, const Result<std::optional<Undo>> &result)
{
    if (!result) {
        m_errorRow->showProblem(tr("%1 %2").arg(what, result.error().message()));
        m_message->clear();
        m_undoButton->hide();
        Q_EMIT changeFailed(result.error().message());
        reload();
        return;
    }
    m_errorRow->clear();
    m_undo = *result;
    reload();
    Q_EMIT changeSaved();
}

void ServersPage::applied(const Status &status)
{
    // The gateway rebuilt the catalogs from the store.
    if (!status) {
        m_errorRow->showProblem(tr("The change is saved, but the running gateway could not take "
                                   "it: %1 Stop and start the gateway on the Gateway page to "
                                   "apply it.")
                                    .arg(sentence(status.error().message())));
        m_message->clear();
        return;
    }
    showMessage(tr("Saved. The running gateway serves it now."), m_undo.has_value());
}

void ServersPage::workOutPendingCost()
{
    if (!m_editor || m_panel->key().isEmpty() || !m_panel->isModified())
        return;
    const store::ToolOverride edited = m_panel->edited();
    m_store.run([editor = *m_editor, edited](store::Database &) { return editor.costWith(edited); },
                [this, key = edited.key](const gateway::ContextCost &cost) {
                    if (m_panel->key() == key)
                        m_panel->showPendingCost(
                            tr("With these changes: %1").arg(ContextCostText::line(cost)));
                });
}

void ServersPage::showMessage(const QString &message, bool canUndo)
{
    m_message->setText(message);
    m_undoButton->setVisible(canUndo);
}

} // namespace gatehouse::ui
