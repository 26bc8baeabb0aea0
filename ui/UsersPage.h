#pragma once

#include "PageStore.h"
#include "gateway/Gateway.h"
#include "oauth/UserDirectory.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <functional>

class QDialog;
class QLabel;
class QPushButton;
class QStandardItemModel;
class QTabWidget;
class QTableView;

namespace gatehouse::store {
class Database;
}

namespace gatehouse::ui {

class BusyRow;
class ConnectPanel;
class ProblemRow;
class ShownOnceDialog;

// The Users & clients page: the users (add, password, roles and plan, disable), the OAuth clients
// (issue a client secret to a user, shown once; revoke any client), the minted tokens (mint with a
// lifetime and a spend cap, shown once; revoke), and "Connect a client": settings to paste into
// common MCP client programs. Reads and edits run on a background thread, one at a time and in
// order; password hashing happens there too. Secrets exist only in the dialog that shows them.
class UsersPage : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kRefreshIntervalMs = 5000;

    UsersPage(gateway::Gateway &gateway, store::Database &database, QWidget *parent = nullptr);

    // Where the gateway listens when started: the MCP URL shown and minted tokens' audience
    // while it is stopped.
    void setListenOptions(const gateway::ListenOptions &listen);
    QUrl publicUrl() const;

    // Loading, or a change in flight.
    bool isBusy() const;
    const oauth::UserDirectory &directory() const { return m_directory; }
    QString selectedUser() const;
    void selectUser(const QString &name);
    // The dialog open now (an editor, a confirmation or a secret shown once), for tests.
    QDialog *currentDialog() const;
    ConnectPanel *connectPanel() const { return m_connect; }

public Q_SLOTS:
    void reload();
    void addUser();
    void editRolesAndPlan();
    void setPassword();
    void toggleDisabled();
    void issueClient();
    void revokeClient();
    void mintToken();
    void revokeToken();

Q_SIGNALS:
    void directoryLoaded();
    void loadFailed(const QString &message);
    // A change is in the store; the running gateway takes it in the background where it needs to.
    void changeSaved();
    void changeFailed(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void loaded(Result<oauth::UserDirectory> directory);
    void fillUsers();
    void fillClients();
    void fillTokens();
    void updateDetails();
    void updateUrl();
    std::optional<oauth::DirectoryUser> currentUser() const;
    QString selectedClient() const;
    QString selectedToken() const;
    // Runs a store change in the background, then done() on this thread when it succeeded.
    // failure: the sentence's start when it did not (the error's sentence follows).
    void write(const QString &failure, std::function<Status(store::Database &)> change,
               std::function<void()> done = {}, bool reloadGateway = false);
    void written(const QString &failure, const Status &status, const std::function<void()> &done);
    void applied(const Status &status);
    void showDialog(QDialog *dialog);
    void showError(const QString &message);
    void showMessage(const QString &message);

    gateway::Gateway &m_gateway;
    gateway::ListenOptions m_listen;
    oauth::UserDirectory m_directory;
    QTimer m_refresh;
    bool m_loadedOnce = false;
    QString m_wantedUser;  // selected again after each load
    QString m_whenApplied; // the message once the running gateway serves the last change
    QPointer<QDialog> m_dialog;
    PageStore m_store; // loads and writes in the order the owner made them

    BusyRow *m_busy = nullptr;
    ProblemRow *m_errorRow = nullptr;
    QLabel *m_message = nullptr;
    QStandardItemModel *m_userModel = nullptr;
    QTableView *m_users = nullptr;
    QPushButton *m_add = nullptr;
    QLabel *m_details = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_password = nullptr;
    QPushButton *m_disable = nullptr;
    QTabWidget *m_tabs = nullptr;
    QStandardItemModel *m_clientModel = nullptr;
    QTableView *m_clients = nullptr;
    QPushButton *m_issue = nullptr;
    QPushButton *m_revokeClient = nullptr;
    QStandardItemModel *m_tokenModel = nullptr;
    QTableView *m_tokens = nullptr;
    QPushButton *m_mint = nullptr;
    QPushButton *m_revokeToken = nullptr;
    ConnectPanel *m_connect = nullptr;
};

} // namespace gatehouse::ui
