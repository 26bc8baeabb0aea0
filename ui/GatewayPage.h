#pragma once

#include "gateway/Gateway.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace gatehouse::ui {

// The Gateway page: is the gateway running, at which address do MCP clients reach it, and one
// button to start or stop it. The page asks; MainWindow starts and stops with its listen options.
class GatewayPage : public QWidget
{
    Q_OBJECT
public:
    explicit GatewayPage(const gateway::Gateway &gateway, QWidget *parent = nullptr);

Q_SIGNALS:
    void startRequested();
    void stopRequested();

private:
    void updateFromGateway();
    void toggle();
    void copyUrl();

    const gateway::Gateway &m_gateway;
    QLabel *m_stateIcon = nullptr;
    QLabel *m_stateText = nullptr;
    QLineEdit *m_url = nullptr;
    QPushButton *m_copyButton = nullptr;
    QLabel *m_errorIcon = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_startStopButton = nullptr;
};

} // namespace gatehouse::ui
