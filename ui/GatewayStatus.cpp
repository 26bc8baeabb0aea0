#include "GatewayStatus.h"

namespace gatehouse::ui {

using State = gateway::Gateway::State;

QString GatewayStatus::text(const gateway::Gateway &gateway)
{
    switch (gateway.state()) {
    case State::Running:
        return tr("Running on %1").arg(mcpUrl(gateway));
    case State::Failed:
        return tr("Error: %1").arg(gateway.errorString());
    case State::Starting:
    case State::Stopping:
        return stateName(gateway.state());
    case State::Stopped:
        break;
    }
    return tr("Stopped");
}

QString GatewayStatus::stateName(State state)
{
    switch (state) {
    case State::Running:
        return tr("Running");
    case State::Failed:
        return tr("Error");
    case State::Starting:
        return tr("Starting…");
    case State::Stopping:
        return tr("Stopping…");
    case State::Stopped:
        break;
    }
    return tr("Stopped");
}

QString GatewayStatus::mcpUrl(const gateway::Gateway &gateway)
{
    if (gateway.state() != State::Running)
        return {};
    return gateway.baseUrl().toString();
}

QIcon GatewayStatus::stateIcon(State state)
{
    switch (state) {
    case State::Running:
        return QIcon(QStringLiteral(":/icons/status-running.svg"));
    case State::Failed:
        return QIcon(QStringLiteral(":/icons/status-failed.svg"));
    case State::Starting:
    case State::Stopping:
    case State::Stopped:
        break;
    }
    return QIcon(QStringLiteral(":/icons/status-stopped.svg"));
}

QIcon GatewayStatus::trayIcon(State state)
{
    switch (state) {
    case State::Running:
        return QIcon(QStringLiteral(":/icons/gatehouse-running.svg"));
    case State::Failed:
        return QIcon(QStringLiteral(":/icons/gatehouse-failed.svg"));
    case State::Starting:
    case State::Stopping:
    case State::Stopped:
        break;
    }
    return QIcon(QStringLiteral(":/icons/gatehouse-stopped.svg"));
}

} // namespace gatehouse::ui
