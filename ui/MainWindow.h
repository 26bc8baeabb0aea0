#pragma once

#include "gateway/Gateway.h"

#include <QMainWindow>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace gatehouse::store {
class Database;
}

namespace gatehouse::ui {

class ElidingLabel;

// The admin window: a navigation list on the left, the selected page on the right, and a status
// bar with the gateway's state and today's call count. Starts and stops the gateway with the listen
// options it was given, for the Gateway page and the tray alike.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // The navigation entries, in the order shown; Ctrl+1 selects the first.
    enum class Page
    {
        Servers,
        Permissions,
        Plans,
        Credentials,
        Users,
        Activity,
        Gateway,
        Export
    };
    Q_ENUM(Page)
    static constexpr int PageCount = 8;

    // database: the store the pages read and edit; it outlives the window.
    MainWindow(gateway::Gateway &gateway, store::Database &database, gateway::ListenOptions listen,
               QWidget *parent = nullptr);
    // dataDir: where the Gateway page keeps its listening settings and certificate.
    MainWindow(gateway::Gateway &gateway, store::Database &database, gateway::ListenOptions listen,
               const QString &dataDir, QWidget *parent = nullptr);

    Page currentPage() const;
    void showPage(Page page);
    QWidget *page(Page page) const;

    // Today's number of tool calls in the status bar (the Activity page feeds it).
    void setCallsToday(qint64 calls);

    // With a system tray, closing the window hides it and the gateway keeps running; without one,
    // closing the window quits. Sets QGuiApplication::quitOnLastWindowClosed accordingly.
    // Defaults to false (quit on close) until the TrayIcon says otherwise.
    void setTrayAvailable(bool available);
    bool isTrayAvailable() const { return m_trayAvailable; }

    const gateway::ListenOptions &listenOptions() const { return m_listen; }
    void setListenOptions(const gateway::ListenOptions &listen) { m_listen = listen; }

    static QIcon applicationIcon();

public Q_SLOTS:
    // Starts with listenOptions(); a failure shows in the status bar and on the Gateway page.
    void startGateway();
    void stopGateway();
    // From now on starts with `listen`; a running gateway is restarted with it.
    void applyListenOptions(const gatehouse::gateway::ListenOptions &listen);
    // Shows, un-minimises and raises the window (the tray's "Open Gatehouse").
    void showAndRaise();

Q_SIGNALS:
    // The window was closed while a tray icon keeps the application running.
    void hiddenToTray();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void addPage(Page page, const QString &iconName, const QString &name, QWidget *widget);
    void updateGatewayStatus();
    QIcon navigationIcon(const QString &path) const;

    gateway::Gateway &m_gateway;
    gateway::ListenOptions m_listen;
    bool m_trayAvailable = false;

    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_statusIcon = nullptr;
    ElidingLabel *m_statusText = nullptr;
    QLabel *m_callsToday = nullptr;
};

} // namespace gatehouse::ui
