#include "ImportServerDialog.h"

#include "BusyRow.h"
#include "ContextCostText.h"
#include "DataTable.h"
#include "ProblemRow.h"
#include "WrappingLabel.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QStandardItemModel>
#include <QStyle>
#include <QTableView>
#include <QThreadPool>
#include <QVBoxLayout>

namespace gatehouse::ui {

namespace {

// A message from core as a sentence, so that advice can follow it.
QString sentence(const QString &message)
{
    const QString m = message.trimmed();
    return m.endsWith(u'.') ? m : m + u'.';
}

QStandardItem *item(const QString &text)
{
    auto *i = new QStandardItem(text);
    i->setEditable(false);
    i->setToolTip(text);
    return i;
}

} // namespace

ImportServerDialog::ImportServerDialog(const QStringList &taken, QWidget *parent)
    : QDialog(parent)
    , m_taken(taken)
{
    setWindowTitle(tr("Import an OpenAPI spec"));
    setObjectName(QStringLiteral("importServerDialog"));

    auto *intro = new WrappingLabel(QStringLiteral("importIntro"), this);
    intro->setText(tr("Choose the API's OpenAPI (or Swagger) document, as a file or an https:// "
                      "address. Gatehouse reads it and shows the tools it would offer before "
                      "anything is saved."));

    m_source = new QLineEdit(this);
    m_source->setObjectName(QStringLiteral("specSource"));
    m_source->setAccessibleName(tr("Spec file or URL"));
    m_source->setPlaceholderText(
        tr("/path/to/openapi.yaml or https://api.example.com/openapi.json"));
    m_browse = new QPushButton(tr("&Browse…"), this);
    m_browse->setObjectName(QStringLiteral("browseSpec"));
    m_browse->setAccessibleName(tr("Choose a spec file"));
    m_browse->setAutoDefault(false);
    connect(m_browse, &QPushButton::clicked, this, &ImportServerDialog::browse);
    m_load = new QPushButton(tr("&Read spec"), this);
    m_load->setObjectName(QStringLiteral("loadSpec"));
    m_load->setAccessibleName(tr("Read the spec and preview its tools"));
    m_load->setAutoDefault(false);
    connect(m_load, &QPushButton::clicked, this, [this] { load(m_source->text()); });
    connect(m_source, &QLineEdit::returnPressed, this, [this] { load(m_source->text()); });
    auto *sourceRow = new QHBoxLayout;
    sourceRow->addWidget(m_source, 1);
    sourceRow->addWidget(m_browse);
    sourceRow->addWidget(m_load);

    m_busy =
        new BusyRow(tr("Reading the spec and making its tools…"), tr("Reading the spec"), this);
    m_busy->setObjectName(QStringLiteral("importBusy"));
    m_problem = new ProblemRow(QStringLiteral("importError"), this);

    // The preview.
    m_specName = new WrappingLabel(QStringLiteral("previewSpec"), this);
    QFont bold = m_specName->font();
    bold.setBold(true);
    m_specName->setFont(bold);
    m_summary = new WrappingLabel(QStringLiteral("previewSummary"), this);
    m_toolModel = new QStandardItemModel(0, 4, this);
    m_toolModel->setHorizontalHeaderLabels(
        {tr("Tool"), tr("Action"), tr("Resource"), tr("Tokens")});
    m_tools = new DataTable(this, QStringLiteral("previewTools"), tr("Tools it would offer"),
                            m_toolModel);
    m_tools->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tools->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_removedModel = new QStandardItemModel(0, 2, this);
    m_removedModel->setHorizontalHeaderLabels({tr("Operation"), tr("Why it was left out")});
    m_removed = new DataTable(this, QStringLiteral("previewRemoved"),
                              tr("What the heuristics removed"), m_removedModel);
    m_removed->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_removed->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    // Reasons are sentences: whole, on as many lines as they need.
    m_removed->setWordWrap(true);
    m_removed->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto *removedTitle = new QLabel(tr("What the heuristics removed"), this);
    removedTitle->setBuddy(m_removed);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("serverName"));
    m_name->setAccessibleName(tr("Server name"));
    m_name->setAccessibleDescription(tr("Letters, digits, '-' and '_'; it becomes the end of "
                                        "the server's MCP address."));
    connect(m_name, &QLineEdit::textChanged, this, &ImportServerDialog::validate);
    m_nameProblem = new WrappingLabel(QStringLiteral("serverNameProblem"), this);
    auto *nameForm = new QFormLayout;
    nameForm->addRow(tr("Server &name:"), m_name);
    nameForm->addRow(QString(), m_nameProblem);

    m_previewBox = new QGroupBox(tr("Preview"), this);
    auto *previewLayout = new QVBoxLayout(m_previewBox);
    previewLayout->addWidget(m_specName);
    previewLayout->addWidget(m_summary);
    previewLayout->addWidget(m_tools, 3);
    previewLayout->addWidget(removedTitle);
    previewLayout->addWidget(m_removed, 1);
    previewLayout->addLayout(nameForm);
    m_previewBox->setVisible(false);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("&Add server"));
    ok->setObjectName(QStringLiteral("addServer"));
    ok->setEnabled(false);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_preview && gateway::ServerImport::nameProblem(serverName(), m_taken).isEmpty())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(sourceRow);
    layout->addWidget(m_busy);
    layout->addWidget(m_problem);
    layout->addWidget(m_previewBox, 1);
    // Takes the preview's room while there is none, so the rows above keep their height.
    m_filler = new QWidget(this);
    layout->addWidget(m_filler, 1);
    layout->addWidget(m_buttons);

    const int charWidth = fontMetrics().averageCharWidth();
    resize(120 * charWidth, 44 * fontMetrics().height());
}

// A load in flight is not waited for (a URL may take up to the fetch's 30 s): it ends on its
// own and its result is dropped.
ImportServerDialog::~ImportServerDialog() = default;

QString ImportServerDialog::serverName() const
{
    return m_name->text().trimmed();
}

void ImportServerDialog::browse()
{
    const QString file =
        QFileDialog::getOpenFileName(this, tr("Choose an OpenAPI spec"), QString(),
                                     tr("OpenAPI documents (*.yaml *.yml *.json);;All files (*)"));
    if (file.isEmpty())
        return;
    m_source->setText(file);
    load(file);
}

void ImportServerDialog::load(const QString &source)
{
    if (m_loading)
        return;
    m_source->setText(source);
    m_loading = true;
    m_problem->clear();
    m_busy->show();
    m_load->setEnabled(false);
    m_browse->setEnabled(false);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    // The job never touches the dialog: its result goes to the GUI thread, which alone may
    // check whether the dialog is still there (it may be closed and deleted meanwhile).
    QThreadPool::globalInstance()->start([dialog = QPointer<ImportServerDialog>(this), source] {
        auto preview = gateway::ServerImport::preview(source);
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [dialog, preview = std::move(preview)]() mutable {
                if (dialog)
                    dialog->loaded(std::move(preview));
            },
            Qt::QueuedConnection);
    });
}

void ImportServerDialog::loaded(Result<gateway::ImportPreview> preview)
{
    m_loading = false;
    m_busy->hide();
    m_load->setEnabled(true);
    m_browse->setEnabled(true);
    if (!preview) {
        m_preview.reset();
        m_previewBox->setVisible(false);
        m_filler->setVisible(true);
        m_problem->showProblem(tr("The spec could not be used: %1 Check that it is the API's "
                                  "OpenAPI or Swagger document (JSON or YAML), then read it again.")
                                   .arg(sentence(preview.error().message())));
        validate();
        Q_EMIT loadFailed(preview.error().message());
        return;
    }
    m_preview = std::move(preview).value();
    const openapi::ToolCatalog &catalog = *m_preview->catalog;
    m_specName->setText(
        tr("%1 %2 — %3")
            .arg(m_preview->title.isEmpty() ? catalog.spec->sourceName() : m_preview->title,
                 catalog.spec->info().version, m_preview->source));
    m_summary->setText(
        tr("At session start a client reads: %1").arg(ContextCostText::line(m_preview->cost)));
    m_summary->setToolTip(ContextCostText::toolTip(m_preview->cost, gateway::DiscoveryMode::Flat));
    m_toolModel->setRowCount(0);
    for (const openapi::Tool &tool : catalog.tools) {
        QStandardItem *tokens = item(ContextCostText::tokens(tool.estimatedTokens));
        tokens->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        QStandardItem *name = item(tool.name);
        name->setToolTip(tool.operation.method + u' ' + tool.operation.path + u'\n' +
                         tool.description);
        m_toolModel->appendRow(
            {name, item(openapi::toolActionName(tool.action)), item(tool.resource), tokens});
    }
    m_removedModel->setRowCount(0);
    for (const openapi::ExcludedOperation &e : catalog.excluded) {
        const QString what = e.operationId.isEmpty()
                                 ? e.method + u' ' + e.path
                                 : tr("%1 (%2 %3)").arg(e.operationId, e.method, e.path);
        m_removedModel->appendRow({item(what), item(e.reason)});
    }
    if (catalog.excluded.isEmpty())
        m_removedModel->appendRow(
            {item(tr("Nothing")), item(tr("Every operation became a tool."))});
    if (m_name->text().isEmpty() || !m_taken.contains(m_name->text())) {
        QString name = m_preview->suggestedName;
        for (int n = 2; m_taken.contains(name); ++n)
            name = m_preview->suggestedName + u'-' + QString::number(n);
        m_name->setText(name);
    }
    m_previewBox->setVisible(true);
    m_filler->setVisible(false);
    validate();
    m_name->setFocus();
    m_name->selectAll();
    Q_EMIT previewShown();
}

void ImportServerDialog::validate()
{
    const QString problem =
        m_preview ? gateway::ServerImport::nameProblem(serverName(), m_taken) : QString();
    m_nameProblem->setText(problem);
    m_nameProblem->setVisible(!problem.isEmpty());
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(m_preview && problem.isEmpty());
    ok->setDefault(ok->isEnabled());
}

} // namespace gatehouse::ui
