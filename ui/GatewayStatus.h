#pragma once

#include "gateway/Gateway.h"

#include <QCoreApplication>
#include <QIcon>
#include <QString>

namespace gatehouse::ui {

// How the gateway's state reads and looks, in one place, so that the status bar, the Gateway page
// and the tray always say the same thing.
class GatewayStatus
{
    Q_DECLARE_TR_FUNCTIONS(GatewayStatus)
public:
    // "Stopped", "Running on http://127.0.0.1:8787" or "Error: <reason>".
    static QString text(const gateway::Gateway &gateway);
    // The state in one word: "Stopped", "Running", "Error".
    static QString stateName(gateway::Gateway::State state);
    // The base URL MCP clients use while the gateway runs, empty otherwise.
    static QString mcpUrl(const gateway::Gateway &gateway);
    // A small coloured dot for the status bar and the Gateway page.
    static QIcon stateIcon(gateway::Gateway::State state);
    // The application icon with a state badge, for the tray.
    static QIcon trayIcon(gateway::Gateway::State state);
};

} // namespace gatehouse::ui
