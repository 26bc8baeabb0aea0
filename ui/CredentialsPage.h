#pragma once

#include "config/Config.h"
#include "gateway/CatalogLoader.h"
#include "gateway/CredentialOverview.h"

#include <QPointer>
#include <QThreadPool>
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
// running gateway takes each change at once, and is given the vault when the page starts.
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
    // A change is in the store (and, while it runs, in the gateway).
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
        Status status;
        std::shared_ptr<secrets::CredentialVault> vault; // when it changed or was opened now
        QString recoveryKey;
        QString done; // what happened, for the page's message
    };
    using Work = std::function<Outcome(store::Database &)>;

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
    void finished(const QString &failure, Outcome outcome);
    void removeRow(const Row &row);
    void applyToGateway(const std::shared_ptr<secrets::CredentialVault> &vault);
    void showRecoveryKey(const QString &recoveryKey);
    void showDetails();

    gateway::Gateway &m_gateway;
    store::Database &m_database;
    std::optional<config::MasterKeyConfig> m_masterKey;
    // Set when the page goes: a task waiting for the keychain stops waiting.
    std::shared_ptr<std::atomic_bool> m_closing = std::make_shared<std::atomic_bool>(false);
    QThreadPool m_pool;              // one thread: the owner's changes in the order made
    gateway::CatalogLoader m_loader; // used on m_pool only
    gateway::CredentialOverview m_overview;
    QList<Row> m_rows;
    bool m_loading = false;
    bool m_reloadRequested = false;
    bool m_loadedOnce = false;
    int m_writes = 0;
    QPointer<CredentialDialog> m_dialog;

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
