#include "PlansPage.h"

#include "BusyRow.h"
#include "DataTable.h"
#include "PageTitle.h"
#include "PlanChoiceDelegate.h"
#include "PlanDialog.h"
#include "ProblemRow.h"
#include "UsageBarDelegate.h"
#include "WrappingLabel.h"
#include "store/Database.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardItemModel>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace gatehouse::ui {

using policy::PlanMember;
using policy::PlanOverview;
using policy::ServerUsage;

namespace {

enum PlanColumn
{
    PlanName,
    PlanCalls,
    PlanRate,
    PlanSpend,
    PlanUsers,
    PlanColumns
};
enum MemberColumn
{
    MemberUser,
    MemberPlan,
    MemberLimits,
    MemberColumns
};
enum UsageColumn
{
    UsageUser,
    UsageServer,
    UsageCalls,
    UsageSpend,
    UsageColumns
};

// Sets one cell, creating its item if needed. Unchanged values emit nothing, so a refresh that
// finds the same numbers leaves the view (selection, scrolling, an open editor) alone.
QStandardItem *cell(QStandardItemModel *model, int row, int column, const QString &text)
{
    QStandardItem *item = model->item(row, column);
    if (!item) {
        item = new QStandardItem;
        item->setEditable(false);
        model->setItem(row, column, item);
    }
    item->setText(text);
    return item;
}

void alignRight(QStandardItem *item)
{
    item->setData(QVariant(Qt::AlignRight | Qt::AlignVCenter), Qt::TextAlignmentRole);
}

QString count(std::optional<qint64> value)
{
    return value ? QLocale().toString(*value) : PlansPage::tr("Unlimited");
}

QString money(double value)
{
    return QLocale().toString(value, 'f', 2);
}

QString spend(std::optional<double> value)
{
    return value ? money(*value) : PlansPage::tr("Unlimited");
}

} // namespace

PlansPage::PlansPage(gateway::Gateway &gateway, store::Database &database, QWidget *parent)
    : QWidget(parent)
    , m_store(gateway, database)
{
    setAccessibleName(tr("Plans & quotas"));
    connect(&m_store, &PageStore::savedWhileStopped, this,
            [this] { showMessage(tr("Saved. The gateway uses it when it starts.")); });
    connect(&m_store, &PageStore::applied, this, &PlansPage::applied);

    auto *purpose = new QLabel(tr("How much each user may use. A plan sets calls per month and "
                                  "per minute and a monthly spending cap; put users on plans, and "
                                  "see this month's use against their limits."),
                               this);
    purpose->setWordWrap(true);
    purpose->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_busy = new BusyRow(tr("Reading plans, users and this month's use…"),
                         tr("Loading plans and usage"), this);
    m_busy->setObjectName(QStringLiteral("plansBusy"));
    m_errorRow = new ProblemRow(QStringLiteral("plansError"), this);

    // Plans.
    m_planModel = new QStandardItemModel(0, PlanColumns, this);
    m_planModel->setHorizontalHeaderLabels(
        {tr("Plan"), tr("Calls / month"), tr("Calls / minute"), tr("Spend / month"), tr("Users")});
    m_plans = new DataTable(this, QStringLiteral("planTable"), tr("Plans"), m_planModel);
    m_plans->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_plans->horizontalHeader()->setSectionResizeMode(PlanUsers, QHeaderView::Stretch);
    for (int column : {PlanCalls, PlanRate, PlanSpend})
        m_planModel->horizontalHeaderItem(column)->setTextAlignment(Qt::AlignRight |
                                                                    Qt::AlignVCenter);
    connect(m_plans, &QTableView::doubleClicked, this, &PlansPage::editPlan);
    connect(m_plans->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &PlansPage::updateButtons);

    m_new = new QPushButton(tr("&New plan…"), this);
    m_new->setObjectName(QStringLiteral("newPlanButton"));
    m_new->setAccessibleName(tr("New plan"));
    connect(m_new, &QPushButton::clicked, this, &PlansPage::newPlan);
    m_edit = new QPushButton(tr("&Edit…"), this);
    m_edit->setObjectName(QStringLiteral("editPlanButton"));
    m_edit->setAccessibleName(tr("Edit the selected plan"));
    connect(m_edit, &QPushButton::clicked, this, &PlansPage::editPlan);
    m_delete = new QPushButton(tr("&Delete"), this);
    m_delete->setObjectName(QStringLiteral("deletePlanButton"));
    m_delete->setAccessibleName(tr("Delete the selected plan"));
    connect(m_delete, &QPushButton::clicked, this, &PlansPage::deletePlan);
    auto *planButtons = new QHBoxLayout;
    planButtons->addWidget(m_new);
    planButtons->addWidget(m_edit);
    planButtons->addWidget(m_delete);
    planButtons->addStretch(1);

    auto *plansBox = new QGroupBox(tr("Plans"), this);
    auto *plansLayout = new QVBoxLayout(plansBox);
    plansLayout->addWidget(m_plans, 1);
    plansLayout->addLayout(planButtons);

    // Who is on which plan.
    m_memberModel = new QStandardItemModel(0, MemberColumns, this);
    m_memberModel->setHorizontalHeaderLabels({tr("User"), tr("Plan"), tr("Limits in force")});
    m_members = new DataTable(this, QStringLiteral("memberTable"), tr("Who is on which plan"),
                              m_memberModel);
    m_members->setEditTriggers(QAbstractItemView::DoubleClicked |
                               QAbstractItemView::SelectedClicked |
                               QAbstractItemView::EditKeyPressed);
    m_members->setAccessibleDescription(tr("Select a user and press F2 to choose their plan."));
    m_planChoice = new PlanChoiceDelegate(m_members);
    m_members->setItemDelegateForColumn(MemberPlan, m_planChoice);
    // Rows tall enough for the plan's combo box while it is open.
    m_members->verticalHeader()->setDefaultSectionSize(
        qMax(m_members->verticalHeader()->defaultSectionSize(), QComboBox().sizeHint().height()));
    m_members->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_members->horizontalHeader()->setSectionResizeMode(MemberLimits, QHeaderView::Stretch);
    connect(m_memberModel, &QStandardItemModel::dataChanged, this, &PlansPage::memberChanged);
    auto *membersHint = new QLabel(
        tr("Double-click a plan, or select a user and press F2, to put them on another."), this);
    membersHint->setWordWrap(true);
    auto *membersBox = new QGroupBox(tr("Who is on which plan"), this);
    auto *membersLayout = new QVBoxLayout(membersBox);
    membersLayout->addWidget(m_members, 1);
    membersLayout->addWidget(membersHint);

    auto *top = new QHBoxLayout;
    top->addWidget(plansBox, 1);
    top->addWidget(membersBox, 1);

    // This month's use.
    m_usageModel = new QStandardItemModel(0, UsageColumns, this);
    m_usageModel->setHorizontalHeaderLabels(
        {tr("User"), tr("Server"), tr("Calls this month"), tr("Spend this month")});
    m_usage = new DataTable(this, QStringLiteral("usageTable"),
                            tr("This month's use per user and server"), m_usageModel);
    auto *bars = new UsageBarDelegate(m_usage);
    m_usage->setItemDelegateForColumn(UsageCalls, bars);
    m_usage->setItemDelegateForColumn(UsageSpend, bars);
    const int charWidth = fontMetrics().averageCharWidth();
    m_usage->horizontalHeader()->resizeSection(UsageUser, 18 * charWidth);
    m_usage->horizontalHeader()->resizeSection(UsageServer, 18 * charWidth);
    m_usage->horizontalHeader()->setSectionResizeMode(UsageCalls, QHeaderView::Stretch);
    m_usage->horizontalHeader()->setSectionResizeMode(UsageSpend, QHeaderView::Stretch);
    m_usageTitle = new QLabel(this);
    m_usageTitle->setObjectName(QStringLiteral("usageTitle"));
    QFont bold = m_usageTitle->font();
    bold.setBold(true);
    m_usageTitle->setFont(bold);

    m_message = new WrappingLabel(QStringLiteral("saveState"), this);
    m_message->setAccessibleName(tr("Saving state"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new PageTitle(tr("Plans & quotas"), this));
    layout->addWidget(purpose);
    layout->addWidget(m_busy);
    layout->addWidget(m_errorRow);
    layout->addLayout(top, 2);
    layout->addWidget(m_message);
    layout->addSpacing(PageTitle::sectionSpacing(this) / 2);
    layout->addWidget(m_usageTitle);
    layout->addWidget(m_usage, 3);

    setTabOrder(m_plans, m_new);
    setTabOrder(m_new, m_edit);
    setTabOrder(m_edit, m_delete);
    setTabOrder(m_delete, m_members);
    setTabOrder(m_members, m_usage);

    m_refresh.setInterval(kRefreshIntervalMs);
    connect(&m_refresh, &QTimer::timeout, this, [this] {
        // Not under the owner's hands: an open editor or dialog, or a change being saved.
        const bool editing =
            m_members->viewport()->findChild<QWidget *>(QStringLiteral("planChoice"),
                                                        Qt::FindDirectChildrenOnly) != nullptr;
        if (m_dialog || m_store.writesInFlight() > 0 || editing)
            return;
        reload();
    });
    updateButtons();
}

PlanDialog *PlansPage::planDialog() const
{
    return m_dialog.data();
}

bool PlansPage::isBusy() const
{
    return m_store.isLoading() || m_store.writesInFlight() > 0;
}

void PlansPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Users and plans change on other pages, and use grows with every call.
    reload();
    m_refresh.start();
}

void PlansPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_refresh.stop();
}

void PlansPage::reload()
{
    m_busy->setVisible(!m_loadedOnce);
    m_store.load(
        [](store::Database &database) {
            return PlanOverview::load(database, QDateTime::currentDateTimeUtc());
        },
        [this](Result<PlanOverview> overview) { loaded(std::move(overview)); });
}

void PlansPage::loaded(Result<policy::PlanOverview> overview)
{
    m_busy->hide();
    if (!overview) {
        showError(tr("Plans and usage could not be read: %1 Check that the data folder is "
                     "reachable; the page tries again when you come back to it.")
                      .arg(overview.error().message()));
        Q_EMIT loadFailed(overview.error().message());
        return;
    }
    m_overview = std::move(overview).value();
    m_loadedOnce = true;
    fillPlans();
    fillMembers();
    fillUsage();
    updateButtons();
    Q_EMIT overviewLoaded();
}

void PlansPage::fillPlans()
{
    m_filling = true;
    const QList<store::Plan> &plans = m_overview.plans();
    m_planModel->setRowCount(int(plans.size()));
    QStringList names;
    for (int row = 0; row < plans.size(); ++row) {
        const store::Plan &plan = plans.at(row);
        names.append(plan.name);
        cell(m_planModel, row, PlanName, plan.name);
        alignRight(cell(m_planModel, row, PlanCalls, count(plan.callsPerMonth)));
        alignRight(cell(m_planModel, row, PlanRate, count(plan.ratePerMinute)));
        alignRight(cell(m_planModel, row, PlanSpend, spend(plan.spendPerMonth)));
        const QStringList users = m_overview.usersOn(plan.name);
        QStandardItem *who = cell(m_planModel, row, PlanUsers,
                                  users.isEmpty() ? tr("nobody yet") : users.join(tr(", ")));
        who->setToolTip(users.join(u'\n'));
    }
    m_planChoice->setPlans(names);
    m_filling = false;
}

void PlansPage::fillMembers()
{
    m_filling = true;
    const QList<PlanMember> &members = m_overview.members();
    m_memberModel->setRowCount(int(members.size()));
    for (int row = 0; row < members.size(); ++row) {
        const PlanMember &m = members.at(row);
        QStandardItem *user = cell(m_memberModel, row, MemberUser,
                                   m.disabled ? tr("%1 (disabled)").arg(m.user) : m.user);
        user->setData(m.user, Qt::UserRole);
        QStandardItem *plan = cell(m_memberModel, row, MemberPlan,
                                   m.plan ? *m.plan : PlanChoiceDelegate::noPlanText());
        plan->setData(m.plan.value_or(QString()), PlanChoiceDelegate::PlanRole);
        plan->setEditable(true);
        plan->setToolTip(tr("Double-click or press F2 to put %1 on another plan.").arg(m.user));
        QStringList limits;
        const auto own = [](bool isOwn, const QString &text) {
            return isOwn ? tr("%1 (own)").arg(text) : text;
        };
        if (m.limits.callsPerMonth)
            limits << own(m.ownCallsPerMonth.has_value(),
                          tr("%1 calls/month").arg(QLocale().toString(*m.limits.callsPerMonth)));
        if (m.limits.ratePerMinute)
            limits << own(m.ownRatePerMinute.has_value(),
                          tr("%1/minute").arg(QLocale().toString(*m.limits.ratePerMinute)));
        if (m.limits.spendPerMonth)
            limits << own(m.ownSpendPerMonth.has_value(),
                          tr("spend %1/month").arg(money(*m.limits.spendPerMonth)));
        cell(m_memberModel, row, MemberLimits,
             limits.isEmpty() ? tr("no limits") : limits.join(tr(" · ")));
    }
    m_filling = false;
}

void PlansPage::fillUsage()
{
    const QDate month = QDate::fromString(m_overview.period() + QStringLiteral("-01"),
                                          QStringLiteral("yyyy-MM-dd"));
    m_usageTitle->setText(
        tr("This month's use (%1), per user and server — counts start again on %2")
            .arg(QLocale().toString(month, QStringLiteral("MMMM yyyy")),
                 QLocale().toString(m_overview.resetsAt().date(), QLocale::LongFormat)));
    const QList<ServerUsage> &usage = m_overview.usage();
    m_usageModel->setRowCount(int(usage.size()));
    for (int row = 0; row < usage.size(); ++row) {
        const ServerUsage &u = usage.at(row);
        cell(m_usageModel, row, UsageUser, u.user);
        QStandardItem *server = cell(m_usageModel, row, UsageServer,
                                     u.server.isEmpty() ? QStringLiteral("—") : u.server);
        server->setToolTip(u.server.isEmpty() ? tr("No calls this month.") : QString());

        const QString calls = QLocale().toString(u.calls);
        QStandardItem *callsItem =
            cell(m_usageModel, row, UsageCalls,
                 u.limits.callsPerMonth
                     ? tr("%1 of %2").arg(calls, QLocale().toString(*u.limits.callsPerMonth))
                     : tr("%1 (no limit)").arg(calls));
        callsItem->setData(double(u.calls), UsageBarDelegate::UsedRole);
        callsItem->setData(u.limits.callsPerMonth ? QVariant(double(*u.limits.callsPerMonth))
                                                  : QVariant(),
                           UsageBarDelegate::LimitRole);
        if (u.limits.callsPerMonth && u.calls >= *u.limits.callsPerMonth)
            callsItem->setToolTip(tr("%1 has reached the limit on %2: further calls get "
                                     "“limit reached” until the month ends.")
                                      .arg(u.user, u.server));
        else
            callsItem->setToolTip(QString());

        QStandardItem *spendItem =
            cell(m_usageModel, row, UsageSpend,
                 u.limits.spendPerMonth
                     ? tr("%1 of %2").arg(money(u.cost), money(*u.limits.spendPerMonth))
                     : tr("%1 (no cap)").arg(money(u.cost)));
        spendItem->setData(u.cost, UsageBarDelegate::UsedRole);
        spendItem->setData(u.limits.spendPerMonth ? QVariant(*u.limits.spendPerMonth) : QVariant(),
                           UsageBarDelegate::LimitRole);
    }
}

void PlansPage::updateButtons()
{
    const bool chosen = selectedPlan().has_value();
    m_new->setEnabled(m_loadedOnce);
    m_edit->setEnabled(chosen);
    m_delete->setEnabled(chosen);
}

std::optional<store::Plan> PlansPage::selectedPlan() const
{
    const QModelIndex current = m_plans->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    return m_overview.plan(m_planModel->item(current.row(), PlanName)->text());
}

void PlansPage::newPlan()
{
    openDialog(std::nullopt);
}

void PlansPage::editPlan()
{
    if (const auto plan = selectedPlan())
        openDialog(plan);
}

void PlansPage::openDialog(const std::optional<store::Plan> &plan)
{
    if (m_dialog)
        return;
    QStringList taken;
    for (const store::Plan &p : m_overview.plans())
        taken.append(p.name);
    m_dialog = new PlanDialog(plan, taken, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QDialog::accepted, this,
            [this, dialog = m_dialog.data()] { savePlan(dialog->plan(), dialog->isNew()); });
    // Window-modal and not blocking: the page keeps refreshing behind it.
    m_dialog->open();
}

void PlansPage::savePlan(const store::Plan &plan, bool create)
{
    const QString what = create ? tr("Plan %1 was not added.").arg(plan.name)
                                : tr("The change to plan %1 was not saved.").arg(plan.name);
    write(what, [plan, create](store::Database &database) {
        return PlanOverview::savePlan(database, plan, create);
    });
}

void PlansPage::deletePlan()
{
    const auto plan = selectedPlan();
    if (!plan)
        return;
    const QStringList users = m_overview.usersOn(plan->name);
    if (!users.isEmpty()) {
        showError(tr("Plan %1 cannot be deleted while users are on it: %2. Put them on another "
                     "plan first (in Who is on which plan), then delete it.")
                      .arg(plan->name, users.join(tr(", "))));
        return;
    }
    auto *confirm = new QMessageBox(QMessageBox::Question, tr("Delete plan %1?").arg(plan->name),
                                    tr("Delete plan %1? Nobody is on it.").arg(plan->name),
                                    QMessageBox::Yes | QMessageBox::Cancel, this);
    confirm->setObjectName(QStringLiteral("confirmDelete"));
    confirm->setDefaultButton(QMessageBox::Cancel);
    confirm->setAttribute(Qt::WA_DeleteOnClose);
    connect(confirm, &QMessageBox::accepted, this, [this, name = plan->name] { removePlan(name); });
    confirm->open();
}

void PlansPage::removePlan(const QString &name)
{
    write(tr("Plan %1 was not deleted.").arg(name),
          [name](store::Database &database) { return PlanOverview::removePlan(database, name); });
}

void PlansPage::memberChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                              const QList<int> &roles)
{
    if (m_filling || !roles.contains(PlanChoiceDelegate::PlanRole))
        return;
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        QStandardItem *planItem = m_memberModel->item(row, MemberPlan);
        if (!planItem || topLeft.column() > MemberPlan || bottomRight.column() < MemberPlan)
            continue;
        const QString user = m_memberModel->item(row, MemberUser)->data(Qt::UserRole).toString();
        const QString chosen = planItem->data(PlanChoiceDelegate::PlanRole).toString();
        m_filling = true;
        planItem->setText(chosen.isEmpty() ? PlanChoiceDelegate::noPlanText() : chosen);
        m_filling = false;
        const std::optional<QString> plan =
            chosen.isEmpty() ? std::nullopt : std::optional<QString>(chosen);
        write(tr("%1 was not put on plan %2.")
                  .arg(user, chosen.isEmpty() ? PlanChoiceDelegate::noPlanText() : chosen),
              [user, plan](store::Database &database) {
                  return PlanOverview::assignPlan(database, user, plan);
              });
    }
}

void PlansPage::write(const QString &what, std::function<Status(store::Database &)> change)
{
    showMessage(tr("Saving…"));
    // What was saved before a failed one still goes to the gateway (m_store sees to it).
    m_store.write(std::move(change), [this, what](const Status &status) { written(what, status); });
}

void PlansPage::written(const QString &what, const Status &status)
{
    if (!status) {
        showError(tr("%1 %2").arg(what, status.error().message()));
        m_message->clear();
        Q_EMIT changeFailed(status.error().message());
        // Show what the store holds.
        reload();
        return;
    }
    m_errorRow->clear();
    reload();
    Q_EMIT changeSaved();
}

void PlansPage::applied(const Status &status)
{
    // The gateway read the plans and users' limits again (and the servers' catalogs with them).
    if (!status) {
        showError(tr("The change is saved, but the running gateway could not take it: %1 Stop "
                     "and start the gateway on the Gateway page to apply it.")
                      .arg(status.error().message()));
        m_message->clear();
        return;
    }
    showMessage(tr("Saved. The running gateway uses it now."));
}

void PlansPage::showError(const QString &message)
{
    m_errorRow->showProblem(message);
}

void PlansPage::showMessage(const QString &message)
{
    m_message->setText(message);
}

} // namespace gatehouse::ui
