#include "ExportPage.h"

#include "BusyRow.h"
#include "PageTitle.h"
#include "ProblemRow.h"
#include "WrappingLabel.h"
#include "secrets/MasterKeyProvider.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace gatehouse::ui {

using gateway::BundleExporter;

ExportPage::ExportPage(store::Database &database, MasterKeyFactory masterKey, QWidget *parent)
    : QWidget(parent)
    , m_database(database)
    , m_masterKey(std::move(masterKey))
{
    setAccessibleName(tr("Export"));
    m_pool.setMaxThreadCount(1);

    auto *purpose = new WrappingLabel(QStringLiteral("exportPurpose"), this);
    purpose->setText(tr("Run this configuration on a server: export a bundle with the "
                        "configuration, the OpenAPI specs it uses and a short README, copy it "
                        "to the server and start it there with `gatehouse serve`."));

    m_folder = new QLineEdit(this);
    m_folder->setObjectName(QStringLiteral("exportFolder"));
    m_folder->setAccessibleName(tr("Bundle folder"));
    m_folder->setPlaceholderText(tr("A new or empty folder"));
    m_choose = new QPushButton(tr("C&hoose…"), this);
    m_choose->setObjectName(QStringLiteral("chooseExportFolder"));
    m_choose->setAccessibleName(tr("Choose the bundle folder"));
    connect(m_choose, &QPushButton::clicked, this, &ExportPage::chooseFolder);
    connect(m_folder, &QLineEdit::textChanged, this, &ExportPage::updateControls);
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(m_choose);

    m_seal = new QCheckBox(tr("&Seal the owner-wide secrets into the bundle"), this);
    m_seal->setObjectName(QStringLiteral("sealSecrets"));
    auto *sealHint = new WrappingLabel(QStringLiteral("sealHint"), this);
    sealHint->setText(
        tr("They are encrypted with a new deployment key, which is written beside the bundle "
           "folder (as FOLDER.deployment-key, readable only by you), never inside it; the server "
           "needs that key as its master key. Without sealing, the bundle names each secret and "
           "you provide it on the server. Per-user secrets are never exported: each user imports "
           "their own on the server."));
    auto *sealCell = new QVBoxLayout;
    sealCell->addWidget(m_seal);
    sealCell->addWidget(sealHint);

    auto *form = new QFormLayout;
    auto *folderLabel = new QLabel(tr("&Folder:"), this);
    folderLabel->setBuddy(m_folder);
    form->addRow(folderLabel, folderRow);
    form->addRow(tr("Secrets:"), sealCell);

    m_export = new QPushButton(QIcon(QStringLiteral(":/icons/export.svg")), tr("&Export"), this);
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_export->setAccessibleName(tr("Export the bundle"));
    m_export->setDefault(true);
    connect(m_export, &QPushButton::clicked, this, &ExportPage::exportBundle);
    auto *exportRow = new QHBoxLayout;
    exportRow->addWidget(m_export);
    exportRow->addStretch(1);

    m_busy = new BusyRow(tr("Writing the bundle…"), tr("Exporting"), this);
    m_busy->setObjectName(QStringLiteral("exportBusy"));
    m_problem = new ProblemRow(QStringLiteral("exportError"), this);

    m_resultBox = new QGroupBox(tr("Written"), this);
    m_resultBox->setObjectName(QStringLiteral("exportResult"));
    m_files = new QListWidget(m_resultBox);
    m_files->setObjectName(QStringLiteral("exportedFiles"));
    m_files->setAccessibleName(tr("Files written"));
    m_nextSteps = new WrappingLabel(QStringLiteral("nextSteps"), m_resultBox);
    m_nextSteps->setAccessibleName(tr("Next steps"));
    m_nextSteps->setTextFormat(Qt::PlainText);
    auto *nextTitle = new QLabel(tr("Next steps"), m_resultBox);
    QFont bold = nextTitle->font();
    bold.setBold(true);
    nextTitle->setFont(bold);
    auto *resultLayout = new QVBoxLayout(m_resultBox);
    resultLayout->addWidget(m_files);
    resultLayout->addWidget(nextTitle);
    resultLayout->addWidget(m_nextSteps);
    m_resultBox->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new PageTitle(tr("Export"), this));
    layout->addWidget(purpose);
    layout->addSpacing(PageTitle::sectionSpacing(this));
    layout->addLayout(form);
    layout->addLayout(exportRow);
    layout->addWidget(m_busy);
    layout->addWidget(m_problem);
    layout->addSpacing(PageTitle::sectionSpacing(this));
    layout->addWidget(m_resultBox);
    layout->addStretch(1);

    updateControls();
}

ExportPage::~ExportPage()
{
    // An export in flight uses the store and posts back to this page: let it end first.
    m_pool.waitForDone();
}

void ExportPage::setFolder(const QString &folder)
{
    m_folder->setText(folder);
}

void ExportPage::setSealSecrets(bool seal)
{
    m_seal->setChecked(seal);
}

void ExportPage::updateControls()
{
    const bool idle = m_busyCount == 0;
    m_folder->setEnabled(idle);
    m_choose->setEnabled(idle);
    m_seal->setEnabled(idle);
    m_export->setEnabled(idle && !m_folder->text().trimmed().isEmpty());
}

void ExportPage::chooseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Choose the bundle folder"),
        m_folder->text().isEmpty() ? QDir::homePath() : m_folder->text());
    if (!folder.isEmpty())
        m_folder->setText(QDir::toNativeSeparators(folder));
}

void ExportPage::exportBundle()
{
    const QString folder = QDir::fromNativeSeparators(m_folder->text().trimmed());
    if (folder.isEmpty() || m_busyCount > 0)
        return;
    BundleExporter::Options options;
    options.outDir = folder;
    options.sealSecrets = m_seal->isChecked();
    start(options);
}

void ExportPage::start(const BundleExporter::Options &options)
{
    m_problem->clear();
    m_resultBox->hide();
    ++m_busyCount;
    m_busy->show();
    updateControls();
    m_pool.start([this, options, database = &m_database, factory = m_masterKey] {
        std::unique_ptr<secrets::MasterKeyProvider> provider;
        if (options.sealSecrets && factory)
            provider = factory();
        auto report = BundleExporter::run(*database, options, provider.get());
        QMetaObject::invokeMethod(
            this,
            [this, options, report = std::move(report)]() mutable {
                finished(options, std::move(report));
            },
            Qt::QueuedConnection);
    });
}

void ExportPage::finished(const BundleExporter::Options &options,
                          Result<BundleExporter::Report> report)
{
    --m_busyCount;
    m_busy->hide();
    updateControls();
    if (!report && report.error().code() == ErrorCode::AlreadyExists && !options.replaceKey) {
        const QString keyPath = BundleExporter::keyPathFor(options.outDir);
        if (QMessageBox::question(
                this, tr("Replace the deployment key?"),
                tr("%1 already exists and may be the key a server runs with. A new export "
                   "replaces it, and servers installed with the old key cannot unseal this "
                   "export's secrets until they get the new one. Replace it?")
                    .arg(QDir::toNativeSeparators(keyPath)),
                QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) == QMessageBox::Yes) {
            BundleExporter::Options replace = options;
            replace.replaceKey = true;
            start(replace);
            return;
        }
    }
    if (!report) {
        m_problem->showProblem(tr("The bundle was not exported: %1").arg(report.error().message()));
        Q_EMIT exportFailed(report.error().message());
        return;
    }
    showReport(*report);
    Q_EMIT exported(*report);
}

void ExportPage::showReport(const BundleExporter::Report &report)
{
    const QString bundleDir = QDir::toNativeSeparators(report.bundleDir);
    m_resultBox->setTitle(tr("Written to %1").arg(bundleDir));
    m_files->clear();
    for (const QString &file : report.files)
        m_files->addItem(QDir::toNativeSeparators(file));
    if (!report.keyFile.isEmpty()) {
        auto *key = new QListWidgetItem(tr("%1 (the deployment key, beside the bundle)")
                                            .arg(QDir::toNativeSeparators(report.keyFile)),
                                        m_files);
        key->setToolTip(tr("Readable only by you. Keep it apart from copies of the bundle."));
    }
    // As tall as the list, up to a dozen rows: the next steps stay in view below it.
    const int rows = qBound(3, m_files->count(), 12);
    m_files->setFixedHeight(rows * m_files->sizeHintForRow(0) + 2 * m_files->frameWidth() +
                            m_files->spacing() * rows * 2);

    QStringList steps;
    steps << tr("1. Copy the folder %1 to the server.").arg(bundleDir);
    if (!report.keyFile.isEmpty())
        steps << tr("2. Copy the deployment key %1 to the server separately, and install it as "
                    "the gateway's master key (README.md in the bundle says how). Secrets "
                    "sealed: %2.")
                     .arg(QDir::toNativeSeparators(report.keyFile), report.sealed.join(tr(", ")));
    steps << tr("%1. On the server, run: gatehouse serve --config %2")
                 .arg(report.keyFile.isEmpty() ? 2 : 3)
                 .arg(QStringLiteral("%1/gatehouse.yaml")
                          .arg(QFileInfo(report.bundleDir).fileName()));
    if (report.keyFile.isEmpty())
        steps << tr("Provide each credential's secret on the server as gatehouse.yaml names it "
                    "(environment variable, file or keychain).");
    if (!report.perUser.isEmpty())
        steps << tr("Per-user secrets are not exported (%1): each user imports their own on the "
                    "server with `gatehouse credential import NAME --user USER --from-stdin`.")
                     .arg(report.perUser.join(tr(", ")));
    if (!report.notImported.isEmpty())
        steps << tr("Not sealed, no secret imported here: %1. Import it on the server.")
                     .arg(report.notImported.join(tr(", ")));
    if (!report.refreshTokens.isEmpty())
        steps << tr("Not sealed: %1. The upstream rotates its refresh token, which only the "
                    "server's vault can store back; import it on the server.")
                     .arg(report.refreshTokens.join(tr(", ")));
    m_nextSteps->setText(steps.join(QLatin1Char('\n')));
    m_resultBox->show();
}

} // namespace gatehouse::ui
