#include "CredentialsPage.h"

#include "BusyRow.h"
#include "CredentialDialog.h"
#include "PageTitle.h"
#include "ProblemRow.h"
#include "WrappingLabel.h"
#include "gateway/Gateway.h"
#include "secrets/CredentialManager.h"
#include "secrets/CredentialVault.h"
#include "secrets/ForwardingKeychainProvider.h"
#include "secrets/KeychainKeyProvider.h"
#include "secrets/MasterKeyProvider.h"
#include "store/Database.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardItemModel>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

#include <openssl/crypto.h>

using namespace Qt::StringLiterals;

namespace gatehouse::ui {

using gateway::CredentialEntry;
using gateway::CredentialOverview;
using secrets::CredentialManager;

namespace {

enum Column
{
    NameColumn,
    TypeColumn,
    PlacementColumn,
    WhoseColumn,
    ImportedColumn,
    LastUsedColumn,
    UsedByColumn,
    ColumnCount
};

void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
}

QString when(const std::optional<QDateTime> &time, const QString &otherwise)
{
    const QLocale locale;
    return time ? locale.toString(time->toLocalTime(),
                                  locale.dateFormat(QLocale::ShortFormat) + u" HH:mm"_s)
                : otherwise;
}

QString typeText(const store::Credential &c)
{
    if (c.type == u"api_key"_s)
        return CredentialsPage::tr("API key");
    if (c.type == u"bearer"_s)
        return CredentialsPage::tr("Bearer token");
    if (c.type == u"basic"_s)
        return CredentialsPage::tr("Basic");
    if (c.type == u"oauth2_client_credentials"_s)
        return CredentialsPage::tr("OAuth 2 client");
    if (c.type == u"oauth2_refresh_token"_s)
        return CredentialsPage::tr("OAuth 2 refresh token");
    return c.type;
}

QStandardItem *item(const QString &text)
{
    auto *i = new QStandardItem(text);
    i->setEditable(false);
    return i;
}

} // namespace

CredentialsPage::CredentialsPage(gateway::Gateway &gateway, store::Database &database,
                                 std::optional<config::MasterKeyConfig> masterKey, QWidget *parent)
    : QWidget(parent)
    , m_gateway(gateway)
    , m_masterKey(std::move(masterKey))
    , m_store(gateway, database)
{
    setAccessibleName(tr("Credentials"));
    connect(&m_store, &PageStore::savedWhileStopped, this, [this] {
        if (std::exchange(m_changeToApply, false))
            addToMessage(tr("The gateway uses it when it starts."));
    });
    connect(&m_store, &PageStore::applied, this, &CredentialsPage::applied);

    auto *purpose = new QLabel(tr("The keys and tokens the gateway adds to upstream calls on your "
                                  "users' behalf. They are encrypted in the store under a master "
                                  "key kept in the system keychain; MCP clients never see them, "
                                  "and this page never shows one again after it was entered."),
                               this);
    purpose->setWordWrap(true);
    purpose->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_busy = new BusyRow(tr("Reading the credentials and the tools that use them…"),
                         tr("Loading credentials"), this);
    m_busy->setObjectName(QStringLiteral("credentialsBusy"));
    m_errorRow = new ProblemRow(QStringLiteral("credentialsError"), this);

    m_model = new QStandardItemModel(0, ColumnCount, this);
    m_model->setHorizontalHeaderLabels({tr("Credential"), tr("Type"), tr("Goes in"),
                                        tr("Whose secret"), tr("Imported"), tr("Last used"),
                                        tr("Used by")});
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("credentialTable"));
    m_table->setAccessibleName(tr("Credentials"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setDefaultSectionSize(
        m_table->fontMetrics().height() +
        2 * style()->pixelMetric(QStyle::PM_FocusFrameVMargin, nullptr, m_table) + 4);
    // Selection, not the current index: selectRow() moves the current index before it selects.
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateButtons();
        showDetails();
    });
    connect(m_table, &QTableView::doubleClicked, this, &CredentialsPage::replaceSecret);

    m_details = new WrappingLabel(QStringLiteral("credentialDetails"), this);
    m_details->setAccessibleName(tr("What uses the selected credential"));

    m_import = new QPushButton(tr("&Import a credential…"), this);
    m_import->setObjectName(QStringLiteral("importCredentialButton"));
    m_import->setAccessibleName(tr("Import a credential"));
    m_import->setDefault(true);
    connect(m_import, &QPushButton::clicked, this, &CredentialsPage::importCredential);
    m_replace = new QPushButton(tr("&Replace secret…"), this);
    m_replace->setObjectName(QStringLiteral("replaceSecretButton"));
    m_replace->setAccessibleName(tr("Replace the selected secret"));
    m_replace->setToolTip(tr("After the key was rotated at the upstream: enter the new one."));
    connect(m_replace, &QPushButton::clicked, this, &CredentialsPage::replaceSecret);
    m_delete = new QPushButton(tr("&Delete…"), this);
    m_delete->setObjectName(QStringLiteral("deleteCredentialButton"));
    m_delete->setAccessibleName(tr("Delete the selected secret"));
    connect(m_delete, &QPushButton::clicked, this, &CredentialsPage::deleteSelected);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_import);
    buttons->addWidget(m_replace);
    buttons->addWidget(m_delete);
    buttons->addStretch(1);

    m_message = new WrappingLabel(QStringLiteral("saveState"), this);
    m_message->setAccessibleName(tr("Saving state"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new PageTitle(tr("Credentials"), this));
    layout->addWidget(purpose);
    layout->addWidget(m_busy);
    layout->addWidget(m_errorRow);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_details);
    layout->addWidget(m_message);

    setTabOrder(m_import, m_replace);
    setTabOrder(m_replace, m_delete);
    setTabOrder(m_delete, m_table);
    updateButtons();
    showDetails();
    openVault();
}

CredentialsPage::~CredentialsPage()
{
    // An open dialog goes with the page; it must not call back into it while it does.
    if (m_dialog)
        m_dialog->disconnect(this);
    // m_store then waits for the work in flight.
    m_closing->store(true);
}

CredentialDialog *CredentialsPage::dialog() const
{
    return m_dialog.data();
}

bool CredentialsPage::isBusy() const
{
    return m_store.isLoading() || m_store.writesInFlight() > 0;
}

void CredentialsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Servers and tools change on other pages, and secrets are used with every call.
    reload();
}

std::unique_ptr<secrets::MasterKeyProvider> CredentialsPage::keyProvider()
{
    if (m_masterKey && m_masterKey->source != config::MasterKeySource::Keychain)
        return secrets::CredentialVault::provider(m_masterKey);
    return std::make_unique<secrets::ForwardingKeychainProvider>(
        this, secrets::KeychainKeyProvider::defaultService(),
        m_masterKey ? m_masterKey->value : secrets::KeychainKeyProvider::defaultEntry(), m_closing);
}

void CredentialsPage::openVault()
{
    // The gateway decrypts imported secrets at each call: it needs the vault from the start,
    // whether or not the owner ever opens this page. Nothing is created here, so nothing in the
    // store changes.
    m_store.write(
        [provider = std::shared_ptr(keyProvider())](store::Database &database) {
            return secrets::CredentialVault::openExisting(database, *provider);
        },
        [this](const Result<std::shared_ptr<secrets::CredentialVault>> &vault) {
            if (!vault) {
                m_errorRow->showProblem(
                    tr("The gateway cannot decrypt the imported secrets, so calls that need "
                       "them fail: %1")
                        .arg(vault.error().message()));
            } else if (*vault) {
                m_gateway.setCredentialVault(*vault);
                m_store.reloadGateway();
            }
            updateButtons();
            Q_EMIT vaultReady();
        },
        PageStore::Reach::StoreOnly);
}

void CredentialsPage::reload()
{
    m_busy->setVisible(!m_loadedOnce);
    m_store.load(
        [loader = &m_loader](store::Database &database) -> Result<CredentialOverview> {
            auto catalogs = loader->load(database);
            if (!catalogs)
                return catalogs.error();
            return CredentialOverview::load(database, *catalogs);
        },
        [this](Result<CredentialOverview> overview) { loaded(std::move(overview)); });
}

void CredentialsPage::loaded(Result<CredentialOverview> overview)
{
    m_busy->hide();
    if (!overview) {
        m_errorRow->showProblem(tr("The credentials could not be read: %1 Check that the data "
                                   "folder is reachable; the page tries again when you come back "
                                   "to it.")
                                    .arg(overview.error().message()));
        Q_EMIT loadFailed(overview.error().message());
        return;
    }
    m_overview = std::move(overview).value();
    m_loadedOnce = true;
    fill();
    updateButtons();
    showDetails();
    Q_EMIT overviewLoaded();
}

void CredentialsPage::fill()
{
    const auto selected = selectedRow();
    m_rows.clear();
    m_model->removeRows(0, m_model->rowCount());
    int current = -1;
    for (const CredentialEntry &entry : m_overview.entries()) {
        const store::Credential &c = entry.summary.credential;
        const QString usedBy =
            entry.tools.isEmpty()
                ? (entry.namedBy.isEmpty() ? tr("nothing yet") : entry.namedBy.join(tr(", ")))
                : (entry.tools.size() == 1 ? entry.tools.constFirst()
                                           : tr("%1 tools").arg(entry.tools.size()));
        const auto addRow = [&](const Row &row, const QString &whose, const QString &imported,
                                const QString &lastUsed) {
            QList<QStandardItem *> items{item(c.name), item(typeText(c)), item(entry.placement),
                                         item(whose),  item(imported),    item(lastUsed),
                                         item(usedBy)};
            items.at(UsedByColumn)->setToolTip(entry.usedBy().join(u'\n'));
            if (selected && selected->credential == row.credential && selected->user == row.user)
                current = m_model->rowCount();
            m_model->appendRow(items);
            m_rows.append(row);
        };
        if (entry.summary.holders.isEmpty()) {
            const QString whose =
                entry.fromVault ? (c.perUser ? tr("no user's yet") : tr("none imported yet"))
                : c.secret->kind == u"sealed"_s
                    ? tr("sealed in the configuration (not in the vault)")
                    : tr("from %1 %2 (not in the vault)").arg(c.secret->kind, c.secret->value);
            addRow(Row{c.name, QString(), false}, whose, u"—"_s,
                   when(entry.summary.lastUsedAt, tr("never")));
            continue;
        }
        for (const secrets::SecretHolder &holder : entry.summary.holders) {
            const QString imported = holder.rotatedAt
                                         ? tr("replaced %1").arg(when(holder.rotatedAt, {}))
                                         : when(holder.importedAt, {});
            addRow(Row{c.name, holder.user, true},
                   holder.user.isEmpty() ? tr("owner-wide") : holder.user, imported,
                   when(holder.lastUsedAt, tr("never")));
        }
    }
    // Fitted to what they show now; the owner may widen or narrow them after.
    for (int column = 0; column < UsedByColumn; ++column)
        m_table->resizeColumnToContents(column);
    if (current >= 0)
        m_table->selectRow(current);
}

std::optional<CredentialsPage::Row> CredentialsPage::selectedRow() const
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid() || current.row() >= m_rows.size() ||
        !m_table->selectionModel()->isRowSelected(current.row(), QModelIndex()))
        return std::nullopt;
    return m_rows.at(current.row());
}

void CredentialsPage::updateButtons()
{
    const auto row = selectedRow();
    const auto entry = row ? m_overview.entry(row->credential) : std::nullopt;
    m_import->setEnabled(m_loadedOnce);
    m_replace->setEnabled(row && row->hasSecret && !m_dialog);
    m_delete->setEnabled(
        row && entry &&
        (row->hasSecret || entry->summary.credential.origin == store::Origin::Local));
}

void CredentialsPage::showDetails()
{
    const auto row = selectedRow();
    const auto entry = row ? m_overview.entry(row->credential) : std::nullopt;
    if (!entry) {
        m_details->setText(m_overview.entries().isEmpty() && m_loadedOnce
                               ? tr("No credentials yet. Import the API key or token an upstream "
                                    "issued you; then choose it as a server's credential.")
                               : QString());
        return;
    }
    if (!entry->tools.isEmpty())
        m_details->setText(
            tr("%1 is used by: %2.").arg(entry->name(), entry->tools.join(tr(", "))));
    else if (!entry->namedBy.isEmpty())
        m_details->setText(tr("%1 is named by %2, which offers no tools now.")
                               .arg(entry->name(), entry->namedBy.join(tr(", "))));
    else
        m_details->setText(tr("No tool uses %1 yet: choose it as a server's or a tool's "
                              "credential on the Servers & tools page.")
                               .arg(entry->name()));
}

void CredentialsPage::importCredential()
{
    if (m_dialog)
        return;
    QList<store::Credential> existing;
    for (const CredentialEntry &entry : m_overview.entries())
        existing.append(entry.summary.credential);
    openDialog(new CredentialDialog(existing, m_overview.users(), this));
}

void CredentialsPage::replaceSecret()
{
    const auto row = selectedRow();
    if (m_dialog || !row || !row->hasSecret)
        return;
    const auto entry = m_overview.entry(row->credential);
    if (!entry)
        return;
    openDialog(CredentialDialog::replace(entry->summary.credential, row->user, this));
}

void CredentialsPage::openDialog(CredentialDialog *dialog)
{
    m_dialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CredentialDialog::submitted, this, &CredentialsPage::submitDialog);
    connect(dialog, &QObject::destroyed, this, &CredentialsPage::updateButtons);
    // Window-modal and not blocking: the page keeps working behind it.
    dialog->open();
    updateButtons();
}

void CredentialsPage::submitDialog()
{
    CredentialDialog *dialog = m_dialog;
    if (!dialog)
        return;
    dialog->setWorking(true);
    const store::Credential declaration = dialog->declaration();
    const QString user = dialog->user();
    const bool replacing = dialog->isReplace();
    QByteArray secret = dialog->secret();
    const QString whose = user.isEmpty() ? tr("the owner-wide secret of %1").arg(declaration.name)
                                         : tr("%1's secret for %2").arg(user, declaration.name);
    run(replacing ? tr("The secret was not replaced.") : tr("The secret was not imported."),
        [declaration, user, replacing, secret, whose, provider = std::shared_ptr(keyProvider())](
            store::Database &database) mutable -> Result<Outcome> {
            Outcome outcome;
            Status status;
            if (replacing) {
                auto vault = CredentialManager::replaceSecret(database, *provider, declaration.name,
                                                              user, secret);
                if (vault)
                    outcome.vault = *vault;
                else
                    status = vault.error();
                outcome.done = tr("Replaced %1.").arg(whose);
            } else {
                auto imported =
                    CredentialManager::importSecret(database, *provider, declaration, user, secret);
                if (imported) {
                    outcome.vault = imported->vault;
                    outcome.recoveryKey = imported->recoveryKey;
                } else {
                    status = imported.error();
                }
                outcome.done = tr("Imported %1.").arg(whose);
            }
            wipe(secret);
            if (!status)
                return status.error();
            return outcome;
        });
    wipe(secret);
}

void CredentialsPage::deleteSelected()
{
    const auto row = selectedRow();
    const auto entry = row ? m_overview.entry(row->credential) : std::nullopt;
    if (!row || !entry)
        return;
    const QString name = entry->name();
    QString question;
    if (!row->hasSecret) {
        if (entry->summary.credential.origin != store::Origin::Local) {
            m_errorRow->showProblem(
                tr("%1 is declared in the configuration, so it is removed there.").arg(name));
            return;
        }
        if (entry->inUse()) {
            m_errorRow->showProblem(tr("%1 cannot be deleted while %2 use it. Choose another "
                                       "credential for them on the Servers & tools page first.")
                                        .arg(name, entry->usedBy().join(tr(", "))));
            return;
        }
        question = tr("Delete credential %1? It holds no secret and nothing uses it.").arg(name);
    } else {
        const QString whose = row->user.isEmpty() ? tr("the secret of %1").arg(name)
                                                  : tr("%1's secret for %2").arg(row->user, name);
        question = tr("Delete %1?").arg(whose);
        if (entry->inUse())
            question +=
                u' ' + (row->user.isEmpty()
                            ? tr("These use it, and their calls fail until a new secret is "
                                 "imported: %1.")
                                  .arg(entry->usedBy().join(tr(", ")))
                            : tr("These use it, and %2's calls of them fail until a new secret "
                                 "is imported for %2: %1.")
                                  .arg(entry->usedBy().join(tr(", ")), row->user));
        else
            question += u' ' + tr("No tool uses it.");
    }
    auto *confirm = new QMessageBox(QMessageBox::Question, tr("Delete %1?").arg(name), question,
                                    QMessageBox::Yes | QMessageBox::Cancel, this);
    confirm->setObjectName(QStringLiteral("confirmDelete"));
    confirm->setDefaultButton(QMessageBox::Cancel);
    confirm->setAttribute(Qt::WA_DeleteOnClose);
    connect(confirm, &QMessageBox::accepted, this, [this, row = *row] { removeRow(row); });
    confirm->open();
}

void CredentialsPage::removeRow(const Row &row)
{
    run(tr("%1 was not deleted.").arg(row.credential),
        [row](store::Database &database) -> Result<Outcome> {
            Outcome outcome;
            if (!row.hasSecret) {
                if (const Status removed =
                        CredentialManager::removeCredential(database, row.credential);
                    !removed)
                    return removed.error();
                outcome.done = tr("Deleted credential %1.").arg(row.credential);
                return outcome;
            }
            auto removed = CredentialManager::removeSecret(database, row.credential, row.user);
            if (!removed)
                return removed.error();
            outcome.done = row.user.isEmpty()
                               ? tr("Deleted the secret of %1.").arg(row.credential)
                               : tr("Deleted %1's secret for %2.").arg(row.user, row.credential);
            if (removed->credentialRemoved)
                outcome.done += u' ' + tr("The credential went with it.");
            return outcome;
        });
}

void CredentialsPage::run(const QString &failure, Work work)
{
    m_message->setText(tr("Saving…"));
    QPointer<CredentialDialog> dialog = m_dialog;
    m_store.write(std::move(work), [this, failure, dialog](const Result<Outcome> &outcome) {
        if (dialog && !outcome) {
            m_message->clear();
            dialog->setWorking(false);
            QString message = outcome.error().message();
            if (!message.isEmpty())
                message[0] = message.at(0).toUpper();
            dialog->showProblem(tr("%1 %2").arg(failure, message));
            Q_EMIT changeFailed(outcome.error().message());
            return;
        }
        if (dialog)
            dialog->finish();
        finished(failure, outcome);
    });
}

void CredentialsPage::finished(const QString &failure, const Result<Outcome> &outcome)
{
    if (!outcome) {
        m_errorRow->showProblem(tr("%1 %2").arg(failure, outcome.error().message()));
        m_message->clear();
        Q_EMIT changeFailed(outcome.error().message());
        reload();
        return;
    }
    m_errorRow->clear();
    m_message->setText(outcome->done);
    // The gateway gets the new vault now and reads the store with it once the last change has
    // landed (m_store).
    if (outcome->vault)
        m_gateway.setCredentialVault(outcome->vault);
    m_changeToApply = true;
    if (!outcome->recoveryKey.isEmpty())
        showRecoveryKey(outcome->recoveryKey);
    reload();
    Q_EMIT changeSaved();
}

void CredentialsPage::applied(const Status &status)
{
    // Without a change of the owner's, the answer is to the vault given when the page started.
    const bool change = std::exchange(m_changeToApply, false);
    if (!status) {
        m_errorRow->showProblem(
            change ? tr("The change is saved, but the running gateway could not take it: %1 Stop "
                        "and start the gateway on the Gateway page to apply it.")
                         .arg(status.error().message())
                   : status.error().message());
        return;
    }
    if (change)
        addToMessage(tr("The running gateway uses it now."));
}

void CredentialsPage::addToMessage(const QString &text)
{
    const QString shown = m_message->text();
    m_message->setText(shown.isEmpty() ? text : shown + u' ' + text);
}

void CredentialsPage::showRecoveryKey(const QString &recoveryKey)
{
    const auto provider = secrets::CredentialVault::provider(m_masterKey);
    auto *box = new QMessageBox(
        QMessageBox::Information, tr("Keep the recovery key"),
        tr("A new master key was created in %1 to encrypt your credentials. Its recovery key is "
           "shown only now: write it down and keep it offline. If the keychain is ever lost, "
           "`gatehouse credential restore-master-key` brings the secrets back with it.")
            .arg(provider->describe()),
        QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("recoveryKeyBox"));
    box->setInformativeText(recoveryKey);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace gatehouse::ui
