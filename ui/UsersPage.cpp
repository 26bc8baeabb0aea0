#include "UsersPage.h"

#include "BusyRow.h"
#include "ConnectPanel.h"
#include "DataTable.h"
#include "IssueClientDialog.h"
#include "MintTokenDialog.h"
#include "PageTitle.h"
#include "ProblemRow.h"
#include "ShownOnceDialog.h"
#include "UserDialog.h"
#include "WrappingLabel.h"
#include "store/Database.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardItemModel>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace gatehouse::ui {

using oauth::DirectoryClient;
using oauth::DirectoryToken;
using oauth::DirectoryUser;
using oauth::TokenService;
using oauth::UserDirectory;

namespace {

enum UserColumn
{
    UserName,
    UserRoles,
    UserPlan,
    UserState,
    UserColumns
};
enum ClientColumn
{
    ClientId,
    ClientName,
    ClientKind,
    ClientUser,
    ClientCreated,
    ClientLastUsed,
    ClientTokens,
    ClientState,
    ClientColumns
};
enum TokenColumn
{
    TokenId,
    TokenUser,
    TokenServer,
    TokenCreated,
    TokenExpires,
    TokenSpend,
    TokenState,
    TokenColumns
};

// Sets one cell, creating its item if needed; unchanged text emits nothing, so a refresh leaves
// the selection and scrolling alone.
QStandardItem *cell(QStandardItemModel *model, int row, int column, const QString &text)
{
    QStandardItem *item = model->item(row, column);
    if (!item) {
        item = new QStandardItem;
        item->setEditable(false);
        model->setItem(row, column, item);
    }
    if (item->text() != text)
        item->setText(text);
    return item;
}

QString when(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat)
                          : UsersPage::tr("never");
}

QString money(double value)
{
    return QLocale().toString(value, 'f', 2);
}

QTableView *makeTable(QWidget *parent, const QString &objectName, const QString &accessibleName,
                      QStandardItemModel *model)
{
    auto *table = new DataTable(parent, objectName, accessibleName, model);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QPushButton *makeButton(QWidget *parent, const QString &text, const QString &objectName,
                        const QString &accessibleName)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    button->setAccessibleName(accessibleName);
    return button;
}

} // namespace

UsersPage::UsersPage(gateway::Gateway &gateway, store::Database &database, QWidget *parent)
    : QWidget(parent)
    , m_gateway(gateway)
    , m_store(gateway, database)
{
    setAccessibleName(tr("Users & clients"));
    connect(&m_store, &PageStore::savedWhileStopped, this, [this] { m_whenApplied.clear(); });
    connect(&m_store, &PageStore::applied, this, &UsersPage::applied);

    auto *purpose = new QLabel(tr("Who may use the gateway. Users sign in with a password at the "
                                  "gateway, or get a client secret or a token from you for "
                                  "programs that cannot sign in. Connect a client shows what to "
                                  "paste into an MCP client program."),
                               this);
    purpose->setWordWrap(true);
    purpose->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_busy = new BusyRow(tr("Reading users, clients and tokens…"), tr("Loading users and clients"),
                         this);
    m_busy->setObjectName(QStringLiteral("usersBusy"));
    m_errorRow = new ProblemRow(QStringLiteral("usersError"), this);

    // Users.
    m_userModel = new QStandardItemModel(0, UserColumns, this);
    m_userModel->setHorizontalHeaderLabels({tr("User"), tr("Roles"), tr("Plan"), tr("State")});
    m_users = makeTable(this, QStringLiteral("userTable"), tr("Users"), m_userModel);
    connect(m_users->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        m_wantedUser = selectedUser();
        updateDetails();
    });
    // A double click, or Enter on a row: the user's roles, plan and limits.
    connect(m_users, &QTableView::activated, this, &UsersPage::editRolesAndPlan);
    m_add = makeButton(this, tr("&Add user…"), QStringLiteral("addUserButton"), tr("Add user"));
    connect(m_add, &QPushButton::clicked, this, &UsersPage::addUser);
    auto *usersBox = new QGroupBox(tr("Users"), this);
    auto *usersLayout = new QVBoxLayout(usersBox);
    usersLayout->addWidget(m_users, 1);
    auto *userButtons = new QHBoxLayout;
    userButtons->addWidget(m_add);
    userButtons->addStretch(1);
    usersLayout->addLayout(userButtons);

    // The selected user.
    m_details = new WrappingLabel(QStringLiteral("userDetails"), this);
    m_details->setAccessibleName(tr("Selected user"));
    m_details->setTextFormat(Qt::PlainText);
    m_edit = makeButton(this, tr("&Roles, plan and limits…"), QStringLiteral("editUserButton"),
                        tr("Change the roles, plan and limits of the selected user"));
    connect(m_edit, &QPushButton::clicked, this, &UsersPage::editRolesAndPlan);
    m_password = makeButton(this, tr("Set &password…"), QStringLiteral("passwordButton"),
                            tr("Set the password of the selected user"));
    connect(m_password, &QPushButton::clicked, this, &UsersPage::setPassword);
    m_disable = makeButton(this, tr("&Disable"), QStringLiteral("disableButton"),
                           tr("Disable or enable the selected user"));
    connect(m_disable, &QPushButton::clicked, this, &UsersPage::toggleDisabled);
    auto *detailsBox = new QGroupBox(tr("Selected user"), this);
    auto *detailsLayout = new QVBoxLayout(detailsBox);
    detailsLayout->addWidget(m_details);
    detailsLayout->addStretch(1);
    auto *detailButtons = new QHBoxLayout;
    detailButtons->addWidget(m_edit);
    detailButtons->addWidget(m_password);
    detailButtons->addWidget(m_disable);
    detailButtons->addStretch(1);
    detailsLayout->addLayout(detailButtons);

    auto *top = new QHBoxLayout;
    top->addWidget(usersBox, 3);
    top->addWidget(detailsBox, 2);

    // Clients.
    m_clientModel = new QStandardItemModel(0, ClientColumns, this);
    m_clientModel->setHorizontalHeaderLabels({tr("Client ID"), tr("Name"), tr("Kind"), tr("User"),
                                              tr("Created"), tr("Last used"), tr("Active tokens"),
                                              tr("State")});
    m_clients = makeTable(this, QStringLiteral("clientTable"), tr("OAuth clients"), m_clientModel);
    // Client ids are long and random: their start and end tell them apart, the tooltip has all.
    m_clients->setTextElideMode(Qt::ElideMiddle);
    m_clients->horizontalHeader()->setSectionResizeMode(ClientId, QHeaderView::Interactive);
    m_clients->horizontalHeader()->resizeSection(ClientId, 24 * fontMetrics().averageCharWidth());
    connect(m_clients->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &UsersPage::updateDetails);
    m_issue = makeButton(this, tr("&Issue client secret…"), QStringLiteral("issueClientButton"),
                         tr("Issue a client secret to the selected user"));
    connect(m_issue, &QPushButton::clicked, this, &UsersPage::issueClient);
    m_revokeClient = makeButton(this, tr("Re&voke client…"), QStringLiteral("revokeClientButton"),
                                tr("Revoke the selected client"));
    connect(m_revokeClient, &QPushButton::clicked, this, &UsersPage::revokeClient);
    auto *clientsTab = new QWidget(this);
    auto *clientsLayout = new QVBoxLayout(clientsTab);
    clientsLayout->addWidget(m_clients, 1);
    auto *clientButtons = new QHBoxLayout;
    clientButtons->addWidget(m_issue);
    clientButtons->addWidget(m_revokeClient);
    clientButtons->addStretch(1);
    clientsLayout->addLayout(clientButtons);

    // Tokens.
    m_tokenModel = new QStandardItemModel(0, TokenColumns, this);
    m_tokenModel->setHorizontalHeaderLabels({tr("Token ID"), tr("User"), tr("Server"),
                                             tr("Created"), tr("Expires"), tr("Spent / cap"),
                                             tr("State")});
    m_tokens = makeTable(this, QStringLiteral("tokenTable"), tr("Minted tokens"), m_tokenModel);
    connect(m_tokens->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &UsersPage::updateDetails);
    m_mint = makeButton(this, tr("&Mint token…"), QStringLiteral("mintTokenButton"),
                        tr("Mint a token for the selected user"));
    connect(m_mint, &QPushButton::clicked, this, &UsersPage::mintToken);
    m_revokeToken = makeButton(this, tr("Revo&ke token…"), QStringLiteral("revokeTokenButton"),
                               tr("Revoke the selected token"));
    connect(m_revokeToken, &QPushButton::clicked, this, &UsersPage::revokeToken);
    auto *tokensTab = new QWidget(this);
    auto *tokensLayout = new QVBoxLayout(tokensTab);
    tokensLayout->addWidget(m_tokens, 1);
    auto *tokenButtons = new QHBoxLayout;
    tokenButtons->addWidget(m_mint);
    tokenButtons->addWidget(m_revokeToken);
    tokenButtons->addStretch(1);
    tokensLayout->addLayout(tokenButtons);

    m_connect = new ConnectPanel(this);
    m_connect->setObjectName(QStringLiteral("connectPanel"));

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("usersTabs"));
    m_tabs->addTab(clientsTab, tr("Clients"));
    m_tabs->addTab(tokensTab, tr("Tokens"));
    m_tabs->addTab(m_connect, tr("Connect a client"));

    m_message = new WrappingLabel(QStringLiteral("saveState"), this);
    m_message->setAccessibleName(tr("Saving state"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new PageTitle(tr("Users & clients"), this));
    layout->addWidget(purpose);
    layout->addWidget(m_busy);
    layout->addWidget(m_errorRow);
    layout->addLayout(top, 2);
    layout->addWidget(m_message);
    layout->addSpacing(PageTitle::sectionSpacing(this) / 2);
    layout->addWidget(m_tabs, 3);

    setTabOrder(m_users, m_add);
    setTabOrder(m_add, m_edit);
    setTabOrder(m_edit, m_password);
    setTabOrder(m_password, m_disable);
    setTabOrder(m_disable, m_tabs);

    m_refresh.setInterval(kRefreshIntervalMs);
    connect(&m_refresh, &QTimer::timeout, this, [this] {
        if (m_dialog || m_store.writesInFlight() > 0)
            return;
        reload();
    });
    connect(&m_gateway, &gateway::Gateway::stateChanged, this, &UsersPage::updateUrl);
    updateUrl();
    updateDetails();
}

void UsersPage::setListenOptions(const gateway::ListenOptions &listen)
{
    m_listen = listen;
    m_connect->setCertificateFile(listen.tlsCertificateFile);
    updateUrl();
}

QUrl UsersPage::publicUrl() const
{
    if (m_gateway.state() == gateway::Gateway::State::Running)
        return m_gateway.baseUrl();
    return gateway::Gateway::baseUrlFor(m_listen, m_listen.port);
}

bool UsersPage::isBusy() const
{
    return m_store.isLoading() || m_store.writesInFlight() > 0;
}

QDialog *UsersPage::currentDialog() const
{
    return m_dialog.data();
}

void UsersPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    reload();
    m_refresh.start();
}

void UsersPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_refresh.stop();
}

void UsersPage::reload()
{
    m_busy->setVisible(!m_loadedOnce);
    m_store.load(
        [](store::Database &database) {
            return UserDirectory::load(database, QDateTime::currentDateTimeUtc());
        },
        [this](Result<UserDirectory> directory) { loaded(std::move(directory)); });
}

void UsersPage::loaded(Result<oauth::UserDirectory> directory)
{
    m_busy->hide();
    if (!directory) {
        showError(tr("Users and clients could not be read: %1 Check that the data folder is "
                     "reachable; the page tries again when you come back to it.")
                      .arg(directory.error().message()));
        Q_EMIT loadFailed(directory.error().message());
        return;
    }
    m_directory = std::move(directory).value();
    m_loadedOnce = true;
    fillUsers();
    fillClients();
    fillTokens();
    m_connect->setServers(m_directory.servers());
    updateDetails();
    Q_EMIT directoryLoaded();
}

void UsersPage::fillUsers()
{
    const QString wanted = m_wantedUser;
    const QList<DirectoryUser> &users = m_directory.users();
    m_userModel->setRowCount(int(users.size()));
    int selectRow = -1;
    for (int row = 0; row < users.size(); ++row) {
        const DirectoryUser &u = users.at(row);
        QStandardItem *name = cell(m_userModel, row, UserName, u.name);
        name->setData(u.name, Qt::UserRole);
        cell(m_userModel, row, UserRoles, u.roles.isEmpty() ? tr("none") : u.roles.join(tr(", ")));
        cell(m_userModel, row, UserPlan, u.plan.value_or(tr("No plan")));
        QStandardItem *state =
            cell(m_userModel, row, UserState,
                 u.disabled ? tr("Disabled")
                            : (u.hasPassword ? tr("Active") : tr("Active, no password")));
        state->setToolTip(
            u.disabled ? tr("The gateway refuses %1's tokens until you enable them.").arg(u.name)
                       : QString());
        if (u.name == wanted)
            selectRow = row;
    }
    if (selectRow < 0 && !users.isEmpty())
        selectRow = 0;
    if (selectRow >= 0 && m_users->currentIndex().row() != selectRow)
        m_users->setCurrentIndex(m_userModel->index(selectRow, 0));
    m_wantedUser = selectedUser();
}

void UsersPage::fillClients()
{
    const QString wanted = selectedClient();
    const QList<DirectoryClient> &clients = m_directory.clients();
    m_clientModel->setRowCount(int(clients.size()));
    for (int row = 0; row < clients.size(); ++row) {
        const DirectoryClient &c = clients.at(row);
        QStandardItem *id = cell(m_clientModel, row, ClientId, c.clientId);
        id->setData(c.clientId, Qt::UserRole);
        id->setToolTip(c.clientId);
        cell(m_clientModel, row, ClientName, c.name.isEmpty() ? tr("—") : c.name);
        QString kind = c.kind;
        if (c.kind == QLatin1String("issued"))
            kind = tr("issued by you");
        else if (c.kind == QLatin1String("registered"))
            kind = tr("registered itself");
        else if (c.kind == QLatin1String("document"))
            kind = tr("metadata document");
        cell(m_clientModel, row, ClientKind, kind);
        cell(m_clientModel, row, ClientUser, c.user.value_or(tr("whoever signs in")));
        cell(m_clientModel, row, ClientCreated, when(c.createdAt));
        cell(m_clientModel, row, ClientLastUsed, when(c.lastUsed));
        cell(m_clientModel, row, ClientTokens, QLocale().toString(c.activeTokens));
        cell(m_clientModel, row, ClientState, c.revoked ? tr("Revoked") : tr("Active"));
        if (c.clientId == wanted && m_clients->currentIndex().row() != row)
            m_clients->setCurrentIndex(m_clientModel->index(row, 0));
    }
}

void UsersPage::fillTokens()
{
    const QString wanted = selectedToken();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<DirectoryToken> &tokens = m_directory.tokens();
    m_tokenModel->setRowCount(int(tokens.size()));
    for (int row = 0; row < tokens.size(); ++row) {
        const DirectoryToken &d = tokens.at(row);
        const TokenService::Listed &t = d.token;
        QStandardItem *id = cell(m_tokenModel, row, TokenId, t.id);
        id->setData(t.id, Qt::UserRole);
        cell(m_tokenModel, row, TokenUser, t.user);
        QStandardItem *server =
            cell(m_tokenModel, row, TokenServer, t.audience ? t.server : tr("every server"));
        server->setToolTip(t.scopes.isEmpty() ? tr("Not narrowed: the user's roles decide.")
                                              : t.scopes.join(u' '));
        cell(m_tokenModel, row, TokenCreated, when(t.createdAt));
        cell(m_tokenModel, row, TokenExpires, when(t.expiresAt));
        cell(m_tokenModel, row, TokenSpend,
             t.spendCap ? tr("%1 of %2").arg(money(d.spent), money(*t.spendCap))
                        : tr("%1 (no cap)").arg(money(d.spent)));
        cell(m_tokenModel, row, TokenState,
             t.revoked ? tr("Revoked") : (t.expiresAt <= now ? tr("Expired") : tr("Active")));
        if (t.id == wanted && m_tokens->currentIndex().row() != row)
            m_tokens->setCurrentIndex(m_tokenModel->index(row, 0));
    }
}

std::optional<DirectoryUser> UsersPage::currentUser() const
{
    return m_directory.user(selectedUser());
}

QString UsersPage::selectedUser() const
{
    const QModelIndex current = m_users->currentIndex();
    if (!current.isValid())
        return {};
    return m_userModel->item(current.row(), UserName)->data(Qt::UserRole).toString();
}

void UsersPage::selectUser(const QString &name)
{
    m_wantedUser = name;
    for (int row = 0; row < m_userModel->rowCount(); ++row)
        if (m_userModel->item(row, UserName)->data(Qt::UserRole).toString() == name)
            m_users->setCurrentIndex(m_userModel->index(row, 0));
}

QString UsersPage::selectedClient() const
{
    const QModelIndex current = m_clients->currentIndex();
    if (!current.isValid() || !m_clientModel->item(current.row(), ClientId))
        return {};
    return m_clientModel->item(current.row(), ClientId)->data(Qt::UserRole).toString();
}

QString UsersPage::selectedToken() const
{
    const QModelIndex current = m_tokens->currentIndex();
    if (!current.isValid() || !m_tokenModel->item(current.row(), TokenId))
        return {};
    return m_tokenModel->item(current.row(), TokenId)->data(Qt::UserRole).toString();
}

void UsersPage::updateDetails()
{
    const auto user = currentUser();
    m_add->setEnabled(m_loadedOnce);
    m_edit->setEnabled(user.has_value());
    m_password->setEnabled(user.has_value());
    m_disable->setEnabled(user.has_value());
    m_issue->setEnabled(user && !user->disabled);
    m_mint->setEnabled(user && !user->disabled);
    const auto client = std::find_if(
        m_directory.clients().cbegin(), m_directory.clients().cend(),
        [id = selectedClient()](const DirectoryClient &c) { return c.clientId == id; });
    m_revokeClient->setEnabled(client != m_directory.clients().cend() && !client->revoked);
    const auto token =
        std::find_if(m_directory.tokens().cbegin(), m_directory.tokens().cend(),
                     [id = selectedToken()](const DirectoryToken &t) { return t.token.id == id; });
    m_revokeToken->setEnabled(token != m_directory.tokens().cend() && !token->token.revoked);
    if (!user) {
        m_details->setText(m_loadedOnce && m_directory.users().isEmpty()
                               ? tr("No users yet. Add one: they sign in at the gateway with the "
                                    "password you set, and get what their roles allow.")
                               : tr("Select a user."));
        m_disable->setText(tr("&Disable"));
        m_issue->setText(tr("&Issue client secret…"));
        m_mint->setText(tr("&Mint token…"));
        return;
    }
    m_disable->setText(user->disabled ? tr("&Enable") : tr("&Disable"));
    m_issue->setText(tr("&Issue client secret to %1…").arg(user->name));
    m_mint->setText(tr("&Mint token for %1…").arg(user->name));
    int activeClients = 0;
    for (const DirectoryClient &c : m_directory.clientsOf(user->name))
        activeClients += c.revoked ? 0 : 1;
    int activeTokens = 0;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const DirectoryToken &t : m_directory.tokensOf(user->name))
        activeTokens += (!t.token.revoked && t.token.expiresAt > now) ? 1 : 0;
    QStringList lines;
    lines << user->name;
    lines << tr("Roles: %1")
                 .arg(user->roles.isEmpty() ? tr("none — the user may call nothing")
                                            : user->roles.join(tr(", ")));
    lines << tr("Plan: %1").arg(user->plan.value_or(tr("none")));
    QStringList own;
    if (user->callsPerMonth)
        own << tr("%1 calls/month").arg(QLocale().toString(*user->callsPerMonth));
    if (user->ratePerMinute)
        own << tr("%1/minute").arg(QLocale().toString(*user->ratePerMinute));
    if (user->spendPerMonth)
        own << tr("spend %1/month").arg(money(*user->spendPerMonth));
    if (!own.isEmpty())
        lines << tr("Own limits (instead of the plan's): %1").arg(own.join(tr(" · ")));
    lines << (user->hasPassword ? tr("Signs in with a password.")
                                : tr("No password: signs in only with a client secret or token."));
    lines << tr("Active clients: %1 · active minted tokens: %2")
                 .arg(QLocale().toString(activeClients), QLocale().toString(activeTokens));
    lines << tr("Added %1").arg(when(user->createdAt));
    if (user->disabled)
        lines << tr("Disabled: the gateway refuses all of %1's tokens. Enable to let them in "
                    "again.")
                     .arg(user->name);
    m_details->setText(lines.join(u'\n'));
}

void UsersPage::updateUrl()
{
    m_connect->setBaseUrl(publicUrl());
}

void UsersPage::showDialog(QDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    // Window-modal and not blocking: the page keeps its event loop.
    dialog->open();
}

void UsersPage::addUser()
{
    if (m_dialog || !m_loadedOnce)
        return;
    QStringList taken;
    for (const DirectoryUser &u : m_directory.users())
        taken << u.name;
    auto *dialog = new UserDialog(UserDialog::Mode::NewUser, std::nullopt, m_directory.roles(),
                                  m_directory.plans(), taken, this);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        UserDirectory::NewUser user;
        user.name = dialog->userName();
        user.password = dialog->password();
        user.roles = dialog->roles();
        user.plan = dialog->plan();
        const QString name = user.name;
        m_wantedUser = name;
        write(
            tr("User %1 was not added.").arg(name),
            [user](store::Database &database) { return UserDirectory::addUser(database, user); },
            [this, name] { showMessage(tr("Added user %1.").arg(name)); }, true);
    });
    showDialog(dialog);
}

void UsersPage::editRolesAndPlan()
{
    const auto user = currentUser();
    if (m_dialog || !user)
        return;
    auto *dialog = new UserDialog(UserDialog::Mode::RolesAndPlan, user, m_directory.roles(),
                                  m_directory.plans(), {}, this);
    connect(dialog, &QDialog::accepted, this, [this, dialog, name = user->name] {
        const QStringList roles = dialog->roles();
        const std::optional<QString> plan = dialog->plan();
        const UserDirectory::OwnLimits limits = dialog->ownLimits();
        write(
            tr("The roles, plan and limits of %1 were not saved.").arg(name),
            [name, roles, plan, limits](store::Database &database) {
                return UserDirectory::setAccess(database, name, roles, plan, limits);
            },
            [this, name] {
                showMessage(tr("Saved %1's roles, plan and limits.").arg(name));
                // Said once the running gateway serves them (applied()).
                if (m_gateway.state() == gateway::Gateway::State::Running)
                    m_whenApplied = tr("Saved %1's roles, plan and limits. The running gateway "
                                       "uses them now.")
                                        .arg(name);
            },
            true);
    });
    showDialog(dialog);
}

void UsersPage::setPassword()
{
    const auto user = currentUser();
    if (m_dialog || !user)
        return;
    auto *dialog = new UserDialog(UserDialog::Mode::Password, user, {}, {}, {}, this);
    connect(dialog, &QDialog::accepted, this, [this, dialog, name = user->name] {
        const QString password = dialog->password();
        write(
            tr("The password of %1 was not changed.").arg(name),
            [name, password](store::Database &database) {
                return UserDirectory::setPassword(database, name, password);
            },
            [this, name] { showMessage(tr("Changed the password of %1.").arg(name)); });
    });
    showDialog(dialog);
}

void UsersPage::toggleDisabled()
{
    const auto user = currentUser();
    if (!user)
        return;
    const bool disable = !user->disabled;
    const QString name = user->name;
    write(
        disable ? tr("%1 was not disabled.").arg(name) : tr("%1 was not enabled.").arg(name),
        [name, disable](store::Database &database) {
            return UserDirectory::setDisabled(database, name, disable);
        },
        [this, name, disable] {
            showMessage(disable ? tr("Disabled %1: the gateway refuses their tokens from the next "
                                     "request on. Enable to undo.")
                                      .arg(name)
                                : tr("Enabled %1: their tokens work again.").arg(name));
        },
        // The gateway's permission policy holds who is disabled: it must read the change.
        true);
}

void UsersPage::issueClient()
{
    const auto user = currentUser();
    if (m_dialog || !user || user->disabled)
        return;
    auto *dialog = new IssueClientDialog(user->name, this);
    connect(dialog, &QDialog::accepted, this, [this, dialog, name = user->name] {
        UserDirectory::ClientRequest request;
        request.user = name;
        request.name = dialog->clientName();
        request.redirectUris = dialog->redirectUris();
        auto issued = std::make_shared<UserDirectory::IssuedClient>();
        write(
            tr("No client was issued to %1.").arg(name),
            [request, issued](store::Database &database) -> Status {
                auto result =
                    UserDirectory::issueClient(database, request, QDateTime::currentDateTimeUtc());
                if (!result)
                    return result.error();
                *issued = std::move(result).value();
                return {};
            },
            [this, issued] {
                auto *shown = new ShownOnceDialog(
                    tr("Client secret for %1").arg(issued->user),
                    tr("Store the client secret now: it will not be shown again. The gateway "
                       "keeps only its hash; if it is lost, revoke this client and issue a new "
                       "one. The client gets tokens with client_credentials at %1/oauth/token.")
                        .arg(TokenService::baseUrl(publicUrl())),
                    this);
                shown->addValue(tr("client_id"), issued->clientId, QStringLiteral("clientId"));
                shown->addValue(tr("client_secret"), issued->secret,
                                QStringLiteral("clientSecret"));
                issued->secret.clear();
                showMessage(tr("Issued client %1 to %2.").arg(issued->clientId, issued->user));
                showDialog(shown);
            });
    });
    showDialog(dialog);
}

void UsersPage::revokeClient()
{
    const QString clientId = selectedClient();
    if (m_dialog || clientId.isEmpty())
        return;
    QString user;
    for (const DirectoryClient &c : m_directory.clients())
        if (c.clientId == clientId)
            user = c.user.value_or(QString());
    auto *confirm = new QMessageBox(
        QMessageBox::Question, tr("Revoke client?"),
        user.isEmpty()
            ? tr("Revoke client %1? The gateway refuses its tokens from the next request on, and "
                 "it can get no new ones. This cannot be undone.")
                  .arg(clientId)
            : tr("Revoke client %1 of %2? The gateway refuses its tokens from the next request "
                 "on, and it can get no new ones. This cannot be undone; issue %2 a new client "
                 "instead.")
                  .arg(clientId, user),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    confirm->setObjectName(QStringLiteral("confirmRevokeClient"));
    confirm->button(QMessageBox::Yes)->setText(tr("Revoke"));
    confirm->setDefaultButton(QMessageBox::Cancel);
    connect(confirm, &QMessageBox::accepted, this, [this, clientId] {
        auto revoked = std::make_shared<UserDirectory::RevokedClient>();
        write(
            tr("Client %1 was not revoked.").arg(clientId),
            [clientId, revoked](store::Database &database) -> Status {
                auto result = UserDirectory::revokeClient(database, clientId,
                                                          QDateTime::currentDateTimeUtc());
                if (!result)
                    return result.error();
                *revoked = *result;
                return {};
            },
            [this, revoked] {
                showMessage(tr("Revoked client %1 and its tokens (%2 were active).")
                                .arg(revoked->clientId, QLocale().toString(revoked->activeTokens)));
            });
    });
    showDialog(confirm);
}

void UsersPage::mintToken()
{
    const auto user = currentUser();
    if (m_dialog || !user || user->disabled)
        return;
    auto *dialog = new MintTokenDialog(user->name, m_directory.servers(), this);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const TokenService::MintRequest request = dialog->request();
        const QUrl url = publicUrl();
        auto minted = std::make_shared<TokenService::Minted>();
        write(
            tr("No token was minted for %1.").arg(request.user),
            [request, url, minted](store::Database &database) -> Status {
                auto result = UserDirectory::mintToken(database, url, request,
                                                       QDateTime::currentDateTimeUtc());
                if (!result)
                    return result.error();
                *minted = std::move(result).value();
                return {};
            },
            [this, minted, request] {
                auto *shown = new ShownOnceDialog(
                    tr("Token for %1").arg(request.user),
                    tr("Store the token now: it will not be shown again. The gateway keeps only "
                       "its hash. An MCP client sends it as the header Authorization: Bearer "
                       "TOKEN. It expires %1.")
                        .arg(when(minted->expiresAt)),
                    this);
                shown->addValue(tr("Token"), minted->token, QStringLiteral("token"));
                shown->addValue(tr("Header"),
                                QStringLiteral("Authorization: Bearer ") + minted->token,
                                QStringLiteral("tokenHeader"));
                minted->token.clear();
                showMessage(tr("Minted token %1 for %2.").arg(minted->id, request.user));
                showDialog(shown);
            });
    });
    showDialog(dialog);
}

void UsersPage::revokeToken()
{
    const QString id = selectedToken();
    if (m_dialog || id.isEmpty())
        return;
    auto *confirm = new QMessageBox(QMessageBox::Question, tr("Revoke token?"),
                                    tr("Revoke token %1? The gateway refuses it from the next "
                                       "request on. This cannot be undone.")
                                        .arg(id),
                                    QMessageBox::Yes | QMessageBox::Cancel, this);
    confirm->setObjectName(QStringLiteral("confirmRevokeToken"));
    confirm->button(QMessageBox::Yes)->setText(tr("Revoke"));
    confirm->setDefaultButton(QMessageBox::Cancel);
    connect(confirm, &QMessageBox::accepted, this, [this, id] {
        write(
            tr("Token %1 was not revoked.").arg(id),
            [id](store::Database &database) -> Status {
                auto result = UserDirectory::revokeToken(database, id);
                if (!result)
                    return result.error();
                return {};
            },
            [this, id] { showMessage(tr("Revoked token %1.").arg(id)); });
    });
    showDialog(confirm);
}

void UsersPage::write(const QString &failure, std::function<Status(store::Database &)> change,
                      std::function<void()> done, bool reloadGateway)
{
    showMessage(tr("Saving…"));
    // Roles and plans are compiled into the gateway's snapshot; tokens and users' state are read
    // with every request and need no reload.
    m_store.write(
        std::move(change),
        [this, failure, done = std::move(done)](const Status &status) {
            written(failure, status, done);
        },
        reloadGateway ? PageStore::Reach::Gateway : PageStore::Reach::StoreOnly);
}

void UsersPage::written(const QString &failure, const Status &status,
                        const std::function<void()> &done)
{
    // The last change landed decides what the page says.
    m_whenApplied.clear();
    if (!status) {
        showError(tr("%1 %2").arg(failure, status.error().message()));
        m_message->clear();
        Q_EMIT changeFailed(status.error().message());
        reload();
        return;
    }
    m_errorRow->clear();
    m_message->clear();
    if (done)
        done();
    reload();
    Q_EMIT changeSaved();
}

void UsersPage::applied(const Status &status)
{
    if (!status) {
        m_whenApplied.clear();
        showError(tr("The change is saved, but the running gateway could not take it: %1 Stop "
                     "and start the gateway on the Gateway page to apply it.")
                      .arg(status.error().message()));
        return;
    }
    if (!m_whenApplied.isEmpty())
        showMessage(std::exchange(m_whenApplied, QString()));
}

void UsersPage::showError(const QString &message)
{
    m_errorRow->showProblem(message);
}

void UsersPage::showMessage(const QString &message)
{
    m_message->setText(message);
}

} // namespace gatehouse::ui
