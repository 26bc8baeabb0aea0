#pragma once

#include "gateway/Gateway.h"

#include <QSystemTrayIcon>

#include <memory>

class QAction;
class QMenu;

namespace gatehouse::ui {

class MainWindow;

// The tray icon: its badge and tooltip follow the gateway's state; its menu opens the window,
// starts or stops the gateway, copies the MCP URL and quits. Tells the window whether a tray
// exists, which decides whether closing the window hides it or quits.
class TrayIcon : public QSystemTrayIcon
{
    Q_OBJECT
public:
    // trayAvailable: normally QSystemTrayIcon::isSystemTrayAvailable(); tests pass a fixed value.
    // Shows itself when available and calls window.setTrayAvailable(trayAvailable).
    TrayIcon(gateway::Gateway &gateway, MainWindow &window, bool trayAvailable,
             QObject *parent = nullptr);
    TrayIcon(gateway::Gateway &gateway, MainWindow &window, QObject *parent = nullptr);
    ~TrayIcon() override;

    QAction *openAction() const { return m_open; }
    QAction *startStopAction() const { return m_startStop; }
    QAction *copyUrlAction() const { return m_copyUrl; }
    QAction *quitAction() const { return m_quit; }

private:
    void updateFromGateway();
    void toggleGateway();
    void copyUrl();
    void onActivated(QSystemTrayIcon::ActivationReason reason);
    void onHiddenToTray();

    gateway::Gateway &m_gateway;
    MainWindow &m_window;
    std::unique_ptr<QMenu> m_menu;
    QAction *m_open = nullptr;
    QAction *m_startStop = nullptr;
    QAction *m_copyUrl = nullptr;
    QAction *m_quit = nullptr;
    bool m_toldAboutTray = false;
};

} // namespace gatehouse::ui
