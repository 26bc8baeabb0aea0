#pragma once

#include "mcp/ToolProvider.h"

#include <QObject>

namespace gatehouse::mcp::test {

// An in-process ToolProvider whose "upstream" is a QTimer:
//   echo       answers {"text": arguments.text} on the next event-loop turn
//   slow       counts arguments.steps (default 5) ticks of arguments.intervalMs (default 20),
//              reporting progress on each, and stops when cancelled
//   fail       the upstream is unreachable (an Unavailable error)
//   forbidden  the caller lacks the permission (PermissionDenied)
// plus any tools added with addTool(), which answer like echo.
class FixtureToolProvider : public ToolProvider
{
    Q_OBJECT
public:
    explicit FixtureToolProvider(QObject *parent = nullptr);

    ToolList list(const Caller &caller) override;
    void call(const QString &name, const Json &arguments, ToolCallContext context,
              ToolCallback done) override;

    // Adds a tool, bumps the catalog version and emits toolsChanged().
    void addTool(const QString &name);

    int callsStarted = 0;
    int callsCancelled = 0;
    int callsCompleted = 0;
    Caller lastCaller;

private:
    void slow(const Json &arguments, ToolCallContext context, ToolCallback done);

    ToolList m_list;
};

} // namespace gatehouse::mcp::test
