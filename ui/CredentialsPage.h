#pragma once

#include "PageStore.h"
#include "config/Config.h"
#include "gateway/CatalogLoader.h"
#include "gateway/CredentialOverview.h"

#include <QPointer>
#include <QWidget>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace gatehouse::gateway {
class Gateway;
}

namespace gatehouse::secrets {
class CredentialVault;
class MasterKeyProvider;
} // namespace gatehouse::secrets

namespace gatehouse::store {
class Database;
}

namespace gatehouse::ui {

class BusyRow;
class CredentialDialog;
class ProblemRow;
class WrappingLabel;

// The Credentials page: the upstream credentials, one row per imported secret (owner-wide, or a
// user's own), with where each goes, when it was last used and which tools use it; import a new
// one, replace a secret after it was rotated upstream, delete one. Secrets go into the vault under
// the master key kept where `masterKey` says (the system keychain by default, as for the command
// line). The keychain and the store are used on a background thread, one task at a time; the
// running gateway takes the changes in the background, and is given the vault when the page
// starts.
class CredentialsPage : public QWidget
{
    Q_OBJECT
public:
    CredentialsPage(gateway::Gateway &gateway, store::Database &database,
                    std::optional<config::MasterKeyConfig> masterKey = std::nullopt,
                    QWidget *parent = nullptr);
    ~CredentialsPage() override;

    // Loading, or a change in flight.
    bool isBusy() const;
    const gateway::CredentialOverview &overview() const { return m_overview; }
    // The import or replace dialog while it is open.
    CredentialDialog *dialog() const;
    QTableView *table() const { return m_table; }

public Q_SLOTS:
    void reload();
    void importCredential();
    void replaceSecret();
    void deleteSelected();

Q_SIGNALS:
    void overviewLoaded();
    void loadFailed(const QString &message);
    // A change is in the store; the running gateway takes it in the background.
    void changeSaved();
    void changeFailed(const QString &message);
    // The vault was opened when the page started and given to the gateway (null: no secret yet).
    void vaultReady();

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct Row
    {
        QString credential;
        QString user;           // empty: owner-wide, or no secret
        bool hasSecret = false; // false: a declared credential without any secret yet
    };
    struct Outcome
    {
        std::shared_ptr<secrets::CredentialVault> vault; // when it changed or was opened now
        QString recoveryKey;
        QString done; // what happened, for the page's message
    };
    using Work = std::function<Result<Outcome>(store::Database &)>;

    // Where the master key lives, for a task on the worker thread. The keychain's jobs run on this
    // page's thread, asynchronously; the worker waits for their answers.
    std::unique_ptr<secrets::MasterKeyProvider> keyProvider();
    void openVault();
    void loaded(Result<gateway::CredentialOverview> overview);
    void fill();
    void updateButtons();
    std::optional<Row> selectedRow() const;
    void openDialog(CredentialDialog *dialog);
    void submitDialog();
    void run(const QString &failure, Work work);
    void finished(const QString &failure, const Result<Outcome> &outcome);
    void removeRow(const Row &row);
    void applied(const Status &status);
    void addToMessage(const QString &text);
    void showRecoveryKey(const QString &recoveryKey);
    void showDetails();

    gateway::Gateway &m_gateway;
    std::optional<config::MasterKeyConfig> m_masterKey;
    // Set when the page goes: a task waiting for the keychain stops waiting.
    std::shared_ptr<std::atomic_bool> m_closing = std::make_shared<std::atomic_bool>(false);
    gateway::CatalogLoader m_loader; // used on m_store's thread only
    gateway::CredentialOverview m_overview;
    QList<Row> m_rows;
    bool m_loadedOnce = false;
    bool m_changeToApply = false; // saved by the owner, not yet answered by the gateway
    QPointer<CredentialDialog> m_dialog;
    // Declared after m_loader: its destructor waits for the work that uses it.
    PageStore m_store; // the owner's changes in the order made

    BusyRow *m_busy = nullptr;
    ProblemRow *m_errorRow = nullptr;
    WrappingLabel *m_message = nullptr;
    QStandardItemModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    WrappingLabel *m_details = nullptr;
    QPushButton *m_import = nullptr;
    QPushButton *m_replace = nullptr;
    QPushButton *m_delete = nullptr;
};

} // namespace gatehouse::ui
