#include "MainWindow.h"

#include "ActivityPage.h"
#include "CredentialsPage.h"
#include "ElidingLabel.h"
#include "ExportPage.h"
#include "GatewayPage.h"
#include "GatewayStatus.h"
#include "Logging.h"
#include "PermissionsPage.h"
#include "PlansPage.h"
#include "ServersPage.h"
#include "TryItDialog.h"
#include "UsersPage.h"
#include "WelcomePage.h"
#include "secrets/CredentialVault.h"
#include "secrets/MasterKeyProvider.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>

namespace gatehouse::ui {

using State = gateway::Gateway::State;

MainWindow::MainWindow(gateway::Gateway &gateway, store::Database &database,
                       gateway::ListenOptions listen, QWidget *parent)
    : MainWindow(gateway, database, std::move(listen), QString(), parent)
{}

MainWindow::MainWindow(gateway::Gateway &gateway, store::Database &database,
                       gateway::ListenOptions listen, const QString &dataDir, QWidget *parent)
    : QMainWindow(parent)
    , m_gateway(gateway)
    , m_listen(std::move(listen))
{
    setWindowTitle(tr("Gatehouse"));
    setWindowIcon(applicationIcon());

    m_navigation = new QListWidget(this);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Sections"));
    m_navigation->setSelectionMode(QAbstractItemView::SingleSelection);
    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    const int iconSize = style()->pixelMetric(QStyle::PM_ToolBarIconSize, nullptr, this);
    m_navigation->setIconSize(QSize(iconSize, iconSize));
    m_navigation->setSpacing(style()->pixelMetric(QStyle::PM_FocusFrameVMargin, nullptr, this));

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));

    auto *serversPage = new ServersPage(m_gateway, database, this);
    // "Try it" opens a dialog of its own per tool; it cancels its call when closed.
    connect(serversPage, &ServersPage::tryToolRequested, this,
            [this, &database](const QString &server, const QString &tool) {
                auto *dialog = new TryItDialog(m_gateway, database, server, tool, this);
                dialog->setAttribute(Qt::WA_DeleteOnClose);
                dialog->show();
            });
    addPage(Page::Servers, QStringLiteral("servers"), tr("Servers & tools"), serversPage);
    addPage(Page::Permissions, QStringLiteral("permissions"), tr("Permissions"),
            new PermissionsPage(m_gateway, database, this));
    addPage(Page::Plans, QStringLiteral("plans"), tr("Plans & quotas"),
            new PlansPage(m_gateway, database, this));
    addPage(Page::Credentials, QStringLiteral("credentials"), tr("Credentials"),
            new CredentialsPage(m_gateway, database, std::nullopt, this));
    auto *usersPage = new UsersPage(m_gateway, database, this);
    usersPage->setListenOptions(m_listen);
    addPage(Page::Users, QStringLiteral("users"), tr("Users & clients"), usersPage);
    auto *activityPage = new ActivityPage(database, this);
    addPage(Page::Activity, QStringLiteral("activity"), tr("Activity"), activityPage);
    auto *gatewayPage = new GatewayPage(m_gateway, dataDir, this);
    connect(gatewayPage, &GatewayPage::startRequested, this, &MainWindow::startGateway);
    connect(gatewayPage, &GatewayPage::stopRequested, this, &MainWindow::stopGateway);
    connect(gatewayPage, &GatewayPage::listenOptionsChanged, this, &MainWindow::applyListenOptions);
    addPage(Page::Gateway, QStringLiteral("gateway"), tr("Gateway"), gatewayPage);
    // The desktop's vault keeps its master key in the system keychain.
    addPage(Page::Export, QStringLiteral("export"), tr("Export"),
            new ExportPage(
                database, [] { return secrets::CredentialVault::provider(std::nullopt); }, this));

    // As wide as the longest entry in the current language, no wider.
    m_navigation->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    m_navigation->setFixedWidth(m_navigation->sizeHintForColumn(0) +
                                2 * m_navigation->frameWidth() + 2 * m_navigation->spacing() +
                                2 * m_navigation->fontMetrics().averageCharWidth());

    connect(m_navigation, &QListWidget::currentRowChanged, m_pages,
            &QStackedWidget::setCurrentIndex);
    m_navigation->setCurrentRow(0);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->addWidget(m_navigation);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    m_statusIcon = new QLabel(this);
    m_statusText = new ElidingLabel(this);
    m_statusText->setObjectName(QStringLiteral("gatewayStatus"));
    m_callsToday = new QLabel(this);
    m_callsToday->setObjectName(QStringLiteral("callsToday"));
    statusBar()->addWidget(m_statusIcon);
    statusBar()->addWidget(m_statusText, 1);
    statusBar()->addPermanentWidget(m_callsToday);
    setCallsToday(0);
    // The Activity page follows the audit log also while hidden, for this count.
    connect(activityPage, &ActivityPage::callsTodayChanged, this, &MainWindow::setCallsToday);

    auto *quit = new QAction(tr("&Quit"), this);
    quit->setShortcut(QKeySequence::Quit);
    quit->setShortcutContext(Qt::WindowShortcut);
    connect(quit, &QAction::triggered, qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    addAction(quit);

    connect(&m_gateway, &gateway::Gateway::stateChanged, this, &MainWindow::updateGatewayStatus);
    updateGatewayStatus();

    const QFontMetrics metrics = fontMetrics();
    QSize size(metrics.averageCharWidth() * 160, metrics.lineSpacing() * 46);
    if (const QScreen *screen = this->screen())
        size = size.boundedTo(screen->availableSize() * 0.9);
    resize(size);

    m_navigation->setFocus();
}

void MainWindow::addPage(Page page, const QString &iconName, const QString &name, QWidget *widget)
{
    const int index = int(page);
    Q_ASSERT(m_pages->count() == index);
    widget->setObjectName(iconName + QStringLiteral("Page"));
    m_pages->addWidget(widget);

    const QKeySequence shortcut(QKeyCombination(Qt::ControlModifier, Qt::Key(Qt::Key_1 + index)));
    auto *item = new QListWidgetItem(
        navigationIcon(QStringLiteral(":/icons/") + iconName + QStringLiteral(".svg")), name,
        m_navigation);
    item->setData(Qt::AccessibleTextRole, name);
    item->setToolTip(tr("%1 (%2)").arg(name, shortcut.toString(QKeySequence::NativeText)));

    auto *select = new QAction(this);
    select->setShortcut(shortcut);
    select->setShortcutContext(Qt::WindowShortcut);
    connect(select, &QAction::triggered, this, [this, page] { showPage(page); });
    addAction(select);
}

QIcon MainWindow::navigationIcon(const QString &path) const
{
    // The accent-coloured icon would vanish on the selection colour: the selected entry gets the
    // same shape in the palette's highlighted-text colour.
    const QIcon source(path);
    const QSize size = m_navigation->iconSize();
    const qreal ratio = devicePixelRatioF();
    const QPixmap normal = source.pixmap(size, ratio);
    QPixmap selected = normal;
    {
        QPainter painter(&selected);
        painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
        painter.fillRect(selected.rect(), palette().color(QPalette::HighlightedText));
    }
    QIcon icon;
    icon.addPixmap(normal, QIcon::Normal);
    icon.addPixmap(selected, QIcon::Selected);
    return icon;
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(m_pages->currentIndex());
}

void MainWindow::showPage(Page page)
{
    m_navigation->setCurrentRow(int(page));
}

QWidget *MainWindow::page(Page page) const
{
    return m_pages->widget(int(page));
}

void MainWindow::setCallsToday(qint64 calls)
{
    m_callsToday->setText(tr("Calls today: %1").arg(locale().toString(calls)));
}

void MainWindow::setTrayAvailable(bool available)
{
    m_trayAvailable = available;
    QGuiApplication::setQuitOnLastWindowClosed(!available);
}

QIcon MainWindow::applicationIcon()
{
    return QIcon(QStringLiteral(":/icons/gatehouse.svg"));
}

void MainWindow::startGateway()
{
    m_gateway.startInBackground(m_listen);
}

void MainWindow::stopGateway()
{
    m_gateway.stopInBackground();
}

void MainWindow::applyListenOptions(const gateway::ListenOptions &listen)
{
    m_listen = listen;
    // A restart: stopped in the background, then started with these. A stop the owner asked
    // for stays a stop.
    const State state = m_gateway.state();
    if (state == State::Running || state == State::Starting || m_gateway.restartPending())
        m_gateway.startInBackground(m_listen);
}

void MainWindow::showAndRaise()
{
    show();
    setWindowState((windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    raise();
    activateWindow();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_trayAvailable) {
        QMainWindow::closeEvent(event);
        return;
    }
    // The gateway keeps serving; the tray brings the window back or quits.
    event->ignore();
    hide();
    Q_EMIT hiddenToTray();
}

void MainWindow::updateGatewayStatus()
{
    const State state = m_gateway.state();
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_statusIcon->setPixmap(GatewayStatus::stateIcon(state).pixmap(iconSize, iconSize));
    m_statusText->setFullText(GatewayStatus::text(m_gateway));
}

} // namespace gatehouse::ui
