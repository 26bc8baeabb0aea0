#include "TrayIcon.h"

#include "GatewayStatus.h"
#include "MainWindow.h"

#include <QAction>
#include <QClipboard>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QMenu>

namespace gatehouse::ui {

using State = gateway::Gateway::State;

TrayIcon::TrayIcon(gateway::Gateway &gateway, MainWindow &window, QObject *parent)
    : TrayIcon(gateway, window, QSystemTrayIcon::isSystemTrayAvailable(), parent)
{}

TrayIcon::TrayIcon(gateway::Gateway &gateway, MainWindow &window, bool trayAvailable,
                   QObject *parent)
    : QSystemTrayIcon(parent)
    , m_gateway(gateway)
    , m_window(window)
    , m_menu(std::make_unique<QMenu>())
{
    m_menu->setAccessibleName(tr("Gatehouse"));
    m_open = m_menu->addAction(MainWindow::applicationIcon(), tr("Open Gatehouse"));
    m_open->setObjectName(QStringLiteral("openAction"));
    connect(m_open, &QAction::triggered, &m_window, &MainWindow::showAndRaise);

    m_startStop = m_menu->addAction(QString());
    m_startStop->setObjectName(QStringLiteral("startStopAction"));
    connect(m_startStop, &QAction::triggered, this, &TrayIcon::toggleGateway);

    m_copyUrl = m_menu->addAction(QIcon(QStringLiteral(":/icons/copy.svg")), tr("Copy MCP URL"));
    m_copyUrl->setObjectName(QStringLiteral("copyUrlAction"));
    connect(m_copyUrl, &QAction::triggered, this, &TrayIcon::copyUrl);

    m_menu->addSeparator();
    m_quit = m_menu->addAction(QIcon(QStringLiteral(":/icons/quit.svg")), tr("Quit"));
    m_quit->setObjectName(QStringLiteral("quitAction"));
    connect(m_quit, &QAction::triggered, QCoreApplication::instance(), &QCoreApplication::quit,
            Qt::QueuedConnection);

    setContextMenu(m_menu.get());
    connect(this, &QSystemTrayIcon::activated, this, &TrayIcon::onActivated);
    connect(&m_gateway, &gateway::Gateway::stateChanged, this, &TrayIcon::updateFromGateway);
    connect(&m_window, &MainWindow::hiddenToTray, this, &TrayIcon::onHiddenToTray);
    updateFromGateway();

    m_window.setTrayAvailable(trayAvailable);
    if (trayAvailable)
        show();
}

TrayIcon::~TrayIcon()
{
    // The menu must outlive its use as the context menu.
    setContextMenu(nullptr);
}

void TrayIcon::updateFromGateway()
{
    const State state = m_gateway.state();
    setIcon(GatewayStatus::trayIcon(state));
    setToolTip(tr("Gatehouse: %1").arg(GatewayStatus::text(m_gateway)));

    // While it starts, the action stops it; while it stops, there is nothing to do but wait.
    const bool stops = state == State::Running || state == State::Starting;
    m_startStop->setText(stops ? tr("Stop gateway") : tr("Start gateway"));
    m_startStop->setIcon(
        QIcon(stops ? QStringLiteral(":/icons/stop.svg") : QStringLiteral(":/icons/start.svg")));
    m_startStop->setEnabled(state != State::Stopping);
    m_copyUrl->setEnabled(state == State::Running);
}

void TrayIcon::toggleGateway()
{
    const State state = m_gateway.state();
    if (state == State::Stopping)
        return;
    if (state == State::Running || state == State::Starting)
        m_window.stopGateway();
    else
        m_window.startGateway();
}

void TrayIcon::copyUrl()
{
    const QString url = GatewayStatus::mcpUrl(m_gateway);
    if (!url.isEmpty())
        QGuiApplication::clipboard()->setText(url);
}

void TrayIcon::onActivated(QSystemTrayIcon::ActivationReason reason)
{
    if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
        m_window.showAndRaise();
}

void TrayIcon::onHiddenToTray()
{
    // Once per session: say where the window went and that the gateway still serves.
    if (m_toldAboutTray || !isVisible() || !supportsMessages())
        return;
    m_toldAboutTray = true;
    showMessage(tr("Gatehouse is still running"),
                tr("The gateway keeps serving. Open Gatehouse or quit it from this icon."),
                GatewayStatus::trayIcon(m_gateway.state()));
}

} // namespace gatehouse::ui
