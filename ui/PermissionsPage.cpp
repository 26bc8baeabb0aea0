#include "PermissionsPage.h"

#include "BusyRow.h"
#include "GroupedHeaderView.h"
#include "PageTitle.h"
#include "PermissionCellDelegate.h"
#include "PermissionMatrixView.h"
#include "ProblemRow.h"
#include "WrappingLabel.h"
#include "gateway/Gateway.h"
#include "gateway/ServerCatalog.h"
#include "store/Database.h"
#include "store/RoleRepository.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace gatehouse::ui {

using policy::AccessExplanation;
using policy::CellState;
using policy::MatrixRow;
using policy::PermissionMatrix;

namespace {

// The tools of every catalog, as the matrix needs them.
QList<policy::ServerTools> serverTools(const gateway::Catalogs &catalogs)
{
    QList<policy::ServerTools> servers;
    for (auto it = catalogs.cbegin(); it != catalogs.cend(); ++it) {
        const std::shared_ptr<const gateway::ServerCatalog> &catalog = it.value();
        if (!catalog)
            continue;
        policy::ServerTools server;
        server.server = it.key();
        server.loadError = catalog->loadError;
        if (catalog->tools)
            for (const openapi::Tool &tool : catalog->tools->tools)
                server.tools.append(policy::MatrixTool{catalog->identityOf(tool), tool.title});
        servers.append(std::move(server));
    }
    return servers;
}

} // namespace

PermissionsPage::PermissionsPage(gateway::Gateway &gateway, store::Database &database,
                                 QWidget *parent)
    : QWidget(parent)
    , m_store(gateway, database)
{
    setAccessibleName(tr("Permissions"));

    auto *purpose = new QLabel(tr("Who may call which tool. Each row is a role, or a user with "
                                  "exceptions of their own; each column is what tools do to a "
                                  "resource. Click a cell or press Space to cycle allow → deny → "
                                  "inherit. Hover a cell to see the tools it covers."),
                               this);
    purpose->setWordWrap(true);
    purpose->setTextInteractionFlags(Qt::TextSelectableByMouse);

    const int smallIcon = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    auto *legend = new QHBoxLayout;
    const auto addLegend = [&](CellState state, const QString &text) {
        auto *icon = new QLabel(this);
        icon->setPixmap(PermissionMatrixModel::stateIcon(state).pixmap(smallIcon, smallIcon));
        auto *label = new QLabel(text, this);
        legend->addWidget(icon);
        legend->addWidget(label);
        legend->addSpacing(PageTitle::sectionSpacing(this));
    };
    addLegend(CellState::Allow, tr("Allow"));
    addLegend(CellState::Deny, tr("Deny (wins over allow)"));
    addLegend(CellState::Inherit, tr("Inherit (a user's roles decide; a role grants nothing)"));
    legend->addStretch(1);

    m_busy = new BusyRow(tr("Reading roles, users and the servers' tools…"),
                         tr("Loading the permission matrix"), this);
    m_busy->setObjectName(QStringLiteral("permissionsBusy"));

    m_errorRow = new ProblemRow(QStringLiteral("permissionsError"), this);
    m_retry = new QPushButton(tr("Try &again"));
    m_retry->setObjectName(QStringLiteral("retryButton"));
    connect(m_retry, &QPushButton::clicked, this, &PermissionsPage::reload);
    m_errorRow->addButton(m_retry);

    m_serverWarnings = new WrappingLabel(QStringLiteral("serverWarnings"), this);
    m_serverWarnings->hide();
    m_emptyHint = new WrappingLabel(QStringLiteral("emptyHint"), this);
    m_emptyHint->hide();

    m_model = new PermissionMatrixModel(this);
    m_view = new PermissionMatrixView(this);
    m_view->setObjectName(QStringLiteral("permissionMatrix"));
    m_view->setAccessibleName(tr("Permission matrix"));
    m_view->setAccessibleDescription(
        tr("Rows are roles and users with exceptions; columns are server, resource and action. "
           "Space cycles the current cell: allow, deny, inherit."));
    auto *header = new GroupedHeaderView(PermissionMatrixModel::ServerRole,
                                         PermissionMatrixModel::ResourceRole, m_view);
    m_view->setHorizontalHeader(header);
    m_view->setModel(m_model);
    m_view->setItemDelegate(new PermissionCellDelegate(
        PermissionMatrixModel::CoversToolsRole, PermissionMatrixModel::GroupStartRole, m_view));
    m_view->setIconSize(QSize(smallIcon, smallIcon));
    // Every action column as wide as the widest action name, so the grid stays even and narrow.
    int columnWidth = 2 * smallIcon;
    for (const QString &action : PermissionMatrix::actions())
        columnWidth =
            qMax(columnWidth,
                 fontMetrics().horizontalAdvance(PermissionMatrixModel::actionName(action)));
    // The style keeps a margin on both sides of a header label; one more pixel each for the grid.
    columnWidth += 2 * (style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, this) + 2);
    header->setMinimumSectionSize(columnWidth);
    header->setDefaultSectionSize(columnWidth);
    header->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->verticalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_view->setEnabled(false);
    connect(m_view, &PermissionMatrixView::cycleRequested, this, &PermissionsPage::cycle);

    m_newRole = new QPushButton(tr("&New role…"), this);
    m_newRole->setObjectName(QStringLiteral("newRoleButton"));
    m_newRole->setAccessibleName(tr("New role"));
    connect(m_newRole, &QPushButton::clicked, this, &PermissionsPage::newRole);
    m_addException = new QPushButton(tr("Add an e&xception for a user"), this);
    m_addException->setObjectName(QStringLiteral("addExceptionButton"));
    m_addException->setAccessibleName(tr("Add an exception for a user"));
    auto *exceptionMenu = new QMenu(m_addException);
    connect(exceptionMenu, &QMenu::aboutToShow, this, &PermissionsPage::fillExceptionMenu);
    m_addException->setMenu(exceptionMenu);
    m_saveState = new WrappingLabel(QStringLiteral("saveState"), this);
    m_saveState->setAccessibleName(tr("Saving state"));
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_newRole);
    actions->addWidget(m_addException);
    actions->addWidget(m_saveState, 1);

    m_checkPanel = new QGroupBox(tr("Check access"), this);
    m_checkPanel->setObjectName(QStringLiteral("checkAccess"));
    m_checkUser = new QComboBox(m_checkPanel);
    m_checkUser->setObjectName(QStringLiteral("checkUser"));
    m_checkUser->setAccessibleName(tr("User to check"));
    m_checkTool = new QComboBox(m_checkPanel);
    m_checkTool->setObjectName(QStringLiteral("checkTool"));
    m_checkTool->setAccessibleName(tr("Tool to check"));
    m_checkTool->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_checkTool->setMinimumContentsLength(32);
    m_checkButton = new QPushButton(tr("C&heck"), m_checkPanel);
    m_checkButton->setObjectName(QStringLiteral("checkButton"));
    m_checkButton->setAccessibleName(tr("Check access"));
    connect(m_checkButton, &QPushButton::clicked, this, &PermissionsPage::checkAccess);
    auto *userLabel = new QLabel(tr("&User:"), m_checkPanel);
    userLabel->setBuddy(m_checkUser);
    auto *toolLabel = new QLabel(tr("&Tool:"), m_checkPanel);
    toolLabel->setBuddy(m_checkTool);
    auto *choices = new QHBoxLayout;
    choices->addWidget(userLabel);
    choices->addWidget(m_checkUser);
    choices->addSpacing(PageTitle::sectionSpacing(this));
    choices->addWidget(toolLabel);
    choices->addWidget(m_checkTool, 1);
    choices->addWidget(m_checkButton);

    m_checkIcon = new QLabel(m_checkPanel);
    m_checkIcon->setAlignment(Qt::AlignTop);
    m_checkVerdict = new WrappingLabel(QStringLiteral("checkVerdict"), m_checkPanel);
    QFont bold = m_checkVerdict->font();
    bold.setBold(true);
    m_checkVerdict->setFont(bold);
    m_checkVerdict->setAccessibleName(tr("Access decision"));
    m_checkVerdict->setText(tr("Pick a user and a tool to see whether the gateway lets the call "
                               "through, and which rule decides."));
    m_checkDetails = new WrappingLabel(QStringLiteral("checkDetails"), m_checkPanel);
    m_checkDetails->setAccessibleName(tr("Why"));
    m_checkDetails->hide();
    auto *resultText = new QVBoxLayout;
    resultText->addWidget(m_checkVerdict);
    resultText->addWidget(m_checkDetails);
    auto *result = new QHBoxLayout;
    result->addWidget(m_checkIcon);
    result->addLayout(resultText, 1);
    auto *checkLayout = new QVBoxLayout(m_checkPanel);
    checkLayout->addLayout(choices);
    checkLayout->addLayout(result);
    m_checkPanel->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new PageTitle(tr("Permissions"), this));
    layout->addWidget(purpose);
    layout->addLayout(legend);
    layout->addWidget(m_busy);
    layout->addWidget(m_errorRow);
    layout->addWidget(m_serverWarnings);
    layout->addWidget(m_emptyHint);
    // The table is as tall as its rows (up to the space there is); the actions and the check
    // panel follow right below it.
    layout->addWidget(m_view);
    layout->addLayout(actions);
    layout->addSpacing(PageTitle::sectionSpacing(this) / 2);
    layout->addWidget(m_checkPanel);
    layout->addStretch(1);

    setTabOrder(m_view, m_newRole);
    setTabOrder(m_newRole, m_addException);
    setTabOrder(m_addException, m_checkUser);
    setTabOrder(m_checkUser, m_checkTool);
    setTabOrder(m_checkTool, m_checkButton);

    connect(&m_store, &PageStore::savedWhileStopped, this,
            [this] { m_saveState->setText(tr("Saved. The gateway uses it when it starts.")); });
    connect(&m_store, &PageStore::applied, this, &PermissionsPage::applied);
}

bool PermissionsPage::isBusy() const
{
    return m_store.isLoading() || m_store.writesInFlight() > 0 || m_checks > 0;
}

void PermissionsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Servers, roles and users change on other pages: show what the store holds now.
    reload();
}

void PermissionsPage::setBusy(bool busy)
{
    m_busy->setVisible(busy);
}

void PermissionsPage::reload()
{
    setBusy(true);
    m_store.load(
        [loader = &m_loader](store::Database &database) -> Result<PermissionMatrix> {
            auto catalogs = loader->load(database);
            if (!catalogs)
                return catalogs.error();
            return PermissionMatrix::load(database, serverTools(*catalogs));
        },
        [this](Result<PermissionMatrix> matrix) { loaded(std::move(matrix)); });
}

void PermissionsPage::loaded(Result<policy::PermissionMatrix> matrix)
{
    setBusy(false);
    if (!matrix) {
        showError(ErrorKind::Load,
                  tr("The permission matrix could not be read: %1 Check that the data folder is "
                     "reachable, then try again.")
                      .arg(matrix.error().message()));
        Q_EMIT loadFailed(matrix.error().message());
        return;
    }
    clearError(ErrorKind::Load);
    // Keep the owner's place in the table across the reload.
    const QModelIndex current = m_view->currentIndex();
    std::optional<std::pair<MatrixRow::Kind, QString>> row;
    QStringList column;
    if (current.isValid()) {
        const MatrixRow &r = m_model->matrix().rows().at(current.row());
        row = std::make_pair(r.kind, r.name);
        const policy::MatrixColumn &c = m_model->matrix().columns().at(current.column());
        column = {c.server, c.resource, c.action};
    }
    m_model->setMatrix(std::move(matrix).value());
    m_view->updateGeometry();
    m_loadedOnce = true;
    m_view->setEnabled(true);
    m_checkPanel->setEnabled(true);
    if (row) {
        const int r = m_model->matrix().rowOf(row->first, row->second);
        const int c = m_model->matrix().columnOf(column.at(0), column.at(1), column.at(2));
        if (r >= 0 && c >= 0)
            m_view->setCurrentIndex(m_model->index(r, c));
    }
    fillCheckChoices();
    updateHints();
    Q_EMIT matrixLoaded();
}

void PermissionsPage::updateHints()
{
    const PermissionMatrix &matrix = m_model->matrix();
    QStringList warnings;
    for (const policy::ServerTools &server : matrix.servers())
        if (!server.loadError.isEmpty())
            warnings.append(tr("The tools of server %1 are missing: %2 Fix its spec on the Servers "
                               "& tools page; its columns come back once it loads.")
                                .arg(server.server, server.loadError));
    m_serverWarnings->setText(warnings.join(u'\n'));
    m_serverWarnings->setVisible(!warnings.isEmpty());

    QString hint;
    if (matrix.columns().isEmpty())
        hint = tr("No tools yet: add a server on the Servers & tools page. Its resources appear "
                  "here as columns, with read, create, update and delete for each.");
    else if (matrix.rows().isEmpty())
        hint = tr("No roles yet: add one with New role, then click the cells of what it may do. "
                  "Give users the role on the Users & clients page.");
    m_emptyHint->setText(hint);
    m_emptyHint->setVisible(!hint.isEmpty());
    m_addException->setEnabled(!matrix.users().isEmpty());
}

void PermissionsPage::cycle(const QModelIndex &index)
{
    if (!m_loadedOnce)
        return;
    const auto change = m_model->cycle(index);
    if (!change)
        return;
    m_saveState->setText(tr("Saving…"));
    m_store.write(
        [change = *change](store::Database &database) {
            return PermissionMatrix::writeCell(database, change.kind, change.name, change.target,
                                               change.action, change.state);
        },
        [this, change = *change](const Result<QList<store::Rule>> &stored) {
            written(change, stored);
        });
}

void PermissionsPage::written(const PermissionMatrixModel::Change &change,
                              const Result<QList<store::Rule>> &stored)
{
    if (!stored) {
        const QString who = change.kind == MatrixRow::Kind::Role ? tr("role %1").arg(change.name)
                                                                 : tr("user %1").arg(change.name);
        showError(ErrorKind::Change,
                  tr("The change to %1 was not saved: %2 The matrix was read again and shows "
                     "what is stored; make the change again.")
                      .arg(who, stored.error().message()));
        m_saveState->clear();
        Q_EMIT changeFailed(stored.error().message());
        reload();
        return;
    }
    m_model->applyStored(change, *stored);
    clearError(ErrorKind::Change);
    if (m_store.writesInFlight() > 0)
        return;
    if (m_checkShown)
        checkAccess();
    Q_EMIT changeSaved();
}

void PermissionsPage::applied(const Status &status)
{
    if (!status) {
        showError(ErrorKind::Change,
                  tr("The change is saved, but the running gateway could not take it: %1 Stop "
                     "and start the gateway on the Gateway page to apply it.")
                      .arg(status.error().message()));
        m_saveState->clear();
        return;
    }
    m_saveState->setText(tr("Saved. The running gateway uses it now."));
}

void PermissionsPage::fillCheckChoices()
{
    const PermissionMatrix &matrix = m_model->matrix();
    const QString user = m_checkUser->currentText();
    const QVariant tool = m_checkTool->currentData();
    m_checkUser->clear();
    m_checkUser->addItems(matrix.users());
    if (const int at = m_checkUser->findText(user); at >= 0)
        m_checkUser->setCurrentIndex(at);
    m_checkTool->clear();
    for (const policy::ServerTools &server : matrix.servers())
        for (const policy::MatrixTool &t : server.tools) {
            const QString name = server.server + u'.' + t.identity.name;
            m_checkTool->addItem(t.title.isEmpty() ? name : tr("%1 — %2").arg(name, t.title),
                                 QStringList{server.server, t.identity.name});
        }
    if (const int at = m_checkTool->findData(tool); tool.isValid() && at >= 0)
        m_checkTool->setCurrentIndex(at);
    const bool ready = m_checkUser->count() > 0 && m_checkTool->count() > 0;
    m_checkButton->setEnabled(ready);
    if (!ready && !m_checkShown)
        m_checkVerdict->setText(m_checkUser->count() == 0
                                    ? tr("There are no users yet: add them on the Users & "
                                         "clients page to check what they may do.")
                                    : tr("There are no tools yet: add a server on the Servers & "
                                         "tools page."));
}

void PermissionsPage::checkAccess()
{
    const QString user = m_checkUser->currentText();
    const QStringList toolKey = m_checkTool->currentData().toStringList();
    const auto tool =
        toolKey.size() == 2 ? m_model->matrix().tool(toolKey.at(0), toolKey.at(1)) : std::nullopt;
    if (user.isEmpty() || !tool) {
        m_checkVerdict->setText(tr("Pick a user and a tool first."));
        return;
    }
    ++m_checks;
    m_checkShown = true;
    m_checkIcon->clear();
    m_checkVerdict->setText(tr("Checking…"));
    m_checkDetails->hide();
    m_store.run(
        [servers = m_model->matrix().servers(), user,
         identity = tool->identity](store::Database &database) -> Result<AccessExplanation> {
            // The store as it is now, after every change made before this check.
            auto matrix = PermissionMatrix::load(database, servers);
            if (!matrix)
                return matrix.error();
            return matrix->explain(user, identity);
        },
        [this](const Result<AccessExplanation> &explanation) { checked(explanation); });
}

void PermissionsPage::checked(const Result<policy::AccessExplanation> &explanation)
{
    --m_checks;
    const int iconSize = style()->pixelMetric(QStyle::PM_LargeIconSize, nullptr, this);
    if (!explanation) {
        m_checkIcon->setPixmap(
            style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize));
        m_checkVerdict->setText(tr("The check could not be made."));
        m_checkDetails->setText(tr("%1 Try again in a moment.").arg(explanation.error().message()));
        m_checkDetails->show();
        Q_EMIT accessChecked();
        return;
    }
    const AccessExplanation &e = *explanation;
    m_checkIcon->setPixmap(
        PermissionMatrixModel::stateIcon(e.decision.allowed ? CellState::Allow : CellState::Deny)
            .pixmap(iconSize, iconSize));
    m_checkVerdict->setText(e.verdict);
    QStringList details;
    details.append(
        tr("Why: %1.")
            .arg(e.held.isEmpty() ? e.decision.reason : e.held.join(QStringLiteral("; "))));
    if (!e.advice.isEmpty())
        details.append(e.advice);
    m_checkDetails->setText(details.join(u'\n'));
    m_checkDetails->show();
    Q_EMIT accessChecked();
}

void PermissionsPage::newRole()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("New role"),
                                               tr("Name of the new role (e.g. viewer, clerk):"),
                                               QLineEdit::Normal, QString(), &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return;
    m_saveState->setText(tr("Saving…"));
    // A role without rules changes nothing the gateway decides.
    m_store.write(
        [name](store::Database &database) {
            return store::RoleRepository(database).create(
                store::Role{name, {}, store::Origin::Local});
        },
        [this, name](const Status &created) { roleCreated(name, created); },
        PageStore::Reach::StoreOnly);
}

void PermissionsPage::roleCreated(const QString &name, const Status &created)
{
    if (!created) {
        showError(ErrorKind::Change,
                  tr("Role %1 was not added: %2").arg(name, created.error().message()));
        m_saveState->clear();
        return;
    }
    clearError(ErrorKind::Change);
    m_saveState->setText(tr("Role %1 added: click the cells of what it may do.").arg(name));
    reload();
}

void PermissionsPage::fillExceptionMenu()
{
    QMenu *menu = m_addException->menu();
    menu->clear();
    const QStringList users = m_model->matrix().usersWithoutExceptions();
    for (const QString &user : users)
        menu->addAction(user, this, [this, user] { addException(user); });
    if (users.isEmpty())
        menu->addAction(tr("Every user has a row already"))->setEnabled(false);
}

void PermissionsPage::addException(const QString &user)
{
    const int row = m_model->addUserRow(user);
    if (row < 0)
        return;
    updateHints();
    m_view->updateGeometry();
    const QModelIndex first = m_model->index(row, 0);
    if (first.isValid()) {
        m_view->setCurrentIndex(first);
        m_view->scrollTo(first);
    }
    m_view->setFocus();
    m_saveState->setText(
        tr("Set a cell in the row of %1: their own rules override their roles.").arg(user));
}

void PermissionsPage::showError(ErrorKind kind, const QString &message)
{
    m_errorKind = kind;
    m_retry->setVisible(kind == ErrorKind::Load);
    m_errorRow->showProblem(message);
}

void PermissionsPage::clearError(ErrorKind kind)
{
    if (m_errorKind != kind)
        return;
    m_errorRow->clear();
}

} // namespace gatehouse::ui
