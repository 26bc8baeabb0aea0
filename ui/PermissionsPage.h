#pragma once

#include "PageStore.h"
#include "PermissionMatrixModel.h"
#include "gateway/CatalogLoader.h"
#include "policy/PermissionMatrix.h"

#include <QWidget>

class QComboBox;
class QGroupBox;
class QLabel;
class QPushButton;

namespace gatehouse::gateway {
class Gateway;
}

namespace gatehouse::store {
class Database;
}

namespace gatehouse::ui {

class BusyRow;
class ProblemRow;

class PermissionMatrixView;

// The Permissions page: who may do what, as one matrix. Rows are roles, then users with exceptions
// of their own; columns are grouped by server, resource and action. A click or the space bar
// cycles a cell allow -> deny -> inherit and stores the change; the running gateway then uses it.
// "Check access" tells for a user and a tool whether the gateway lets the call through, and why.
// Store and catalog work runs on one background thread, in order; the GUI thread never waits.
class PermissionsPage : public QWidget
{
    Q_OBJECT
public:
    PermissionsPage(gateway::Gateway &gateway, store::Database &database,
                    QWidget *parent = nullptr);

    // Loading the matrix, or a change or check in flight.
    bool isBusy() const;
    const PermissionMatrixModel &model() const { return *m_model; }

public Q_SLOTS:
    // Reads roles, users, rules and the servers' tools again, in the background.
    void reload();
    // Decides for the user and tool chosen in the Check access panel, in the background.
    void checkAccess();

Q_SIGNALS:
    void matrixLoaded();
    void loadFailed(const QString &message);
    // A cell change is in the store; the running gateway takes it in the background.
    void changeSaved();
    void changeFailed(const QString &message);
    void accessChecked();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void loaded(Result<policy::PermissionMatrix> matrix);
    void cycle(const QModelIndex &index);
    void written(const PermissionMatrixModel::Change &change,
                 const Result<QList<store::Rule>> &stored);
    void checked(const Result<policy::AccessExplanation> &explanation);
    void newRole();
    void roleCreated(const QString &name, const Status &created);
    void fillExceptionMenu();
    void addException(const QString &user);
    void fillCheckChoices();
    void updateHints();
    // A load error is cleared by the next good load; a change error by the next good change,
    // so that the reload after a failed change does not hide why it failed.
    enum class ErrorKind
    {
        Load,
        Change,
    };
    void showError(ErrorKind kind, const QString &message);
    void clearError(ErrorKind kind);
    void setBusy(bool busy);
    void applied(const Status &status);

    gateway::CatalogLoader m_loader; // used on m_store's thread only
    PermissionMatrixModel *m_model = nullptr;
    bool m_loadedOnce = false;
    int m_checks = 0;
    ErrorKind m_errorKind = ErrorKind::Load;
    // Declared after m_loader: its destructor waits for the work that uses it.
    PageStore m_store; // reads, writes and checks in the order the owner made them

    BusyRow *m_busy = nullptr;
    ProblemRow *m_errorRow = nullptr;
    QPushButton *m_retry = nullptr;
    QLabel *m_serverWarnings = nullptr;
    QLabel *m_emptyHint = nullptr;
    PermissionMatrixView *m_view = nullptr;
    QPushButton *m_addException = nullptr;
    QPushButton *m_newRole = nullptr;
    QLabel *m_saveState = nullptr;

    QGroupBox *m_checkPanel = nullptr;
    QComboBox *m_checkUser = nullptr;
    QComboBox *m_checkTool = nullptr;
    QPushButton *m_checkButton = nullptr;
    QLabel *m_checkIcon = nullptr;
    QLabel *m_checkVerdict = nullptr;
    QLabel *m_checkDetails = nullptr;
    bool m_checkShown = false;
};

} // namespace gatehouse::ui
