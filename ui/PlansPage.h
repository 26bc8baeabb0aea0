#pragma once

#include "PageStore.h"
#include "policy/PlanOverview.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace gatehouse::gateway {
class Gateway;
}

namespace gatehouse::store {
class Database;
}

namespace gatehouse::ui {

class BusyRow;
class ProblemRow;

class PlanChoiceDelegate;
class PlanDialog;

// The Plans & quotas page: the plans and their limits (add, edit, delete), who is on which plan
// (chosen in place), and this month's use per user and server as bars against the limits. Edits
// go to the store on a background thread, one at a time and in order; the running gateway then
// reloads them. While the page is visible the use is read again every few seconds.
class PlansPage : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kRefreshIntervalMs = 5000;

    PlansPage(gateway::Gateway &gateway, store::Database &database, QWidget *parent = nullptr);

    // Loading, or a change in flight.
    bool isBusy() const;
    const policy::PlanOverview &overview() const { return m_overview; }
    // The dialog of a new or edited plan while it is open (tests, keyboard users' focus).
    PlanDialog *planDialog() const;

public Q_SLOTS:
    void reload();
    void newPlan();
    void editPlan();
    void deletePlan();

Q_SIGNALS:
    void overviewLoaded();
    void loadFailed(const QString &message);
    // A change is in the store; the running gateway takes it in the background.
    void changeSaved();
    void changeFailed(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void loaded(Result<policy::PlanOverview> overview);
    void fillPlans();
    void fillMembers();
    void fillUsage();
    void updateButtons();
    std::optional<store::Plan> selectedPlan() const;
    void openDialog(const std::optional<store::Plan> &plan);
    void savePlan(const store::Plan &plan, bool create);
    void removePlan(const QString &name);
    void memberChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                       const QList<int> &roles);
    // Runs a store change in the background; what it changed, for the messages.
    void write(const QString &what, std::function<Status(store::Database &)> change);
    void written(const QString &what, const Status &status);
    void applied(const Status &status);
    void showError(const QString &message);
    void showMessage(const QString &message);

    policy::PlanOverview m_overview;
    QTimer m_refresh;
    bool m_loadedOnce = false;
    bool m_filling = false;
    QPointer<PlanDialog> m_dialog;
    PageStore m_store; // loads and writes in the order the owner made them

    BusyRow *m_busy = nullptr;
    ProblemRow *m_errorRow = nullptr;
    QLabel *m_message = nullptr;
    QStandardItemModel *m_planModel = nullptr;
    QTableView *m_plans = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_delete = nullptr;
    QStandardItemModel *m_memberModel = nullptr;
    QTableView *m_members = nullptr;
    PlanChoiceDelegate *m_planChoice = nullptr;
    QLabel *m_usageTitle = nullptr;
    QStandardItemModel *m_usageModel = nullptr;
    QTableView *m_usage = nullptr;
};

} // namespace gatehouse::ui
