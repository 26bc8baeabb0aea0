#pragma once

#include "Result.h"
#include "ServerCatalog.h"
#include "mcp/ToolProvider.h"

#include <QCoreApplication>

#include <functional>
#include <vector>

namespace gatehouse::gateway {

// The meta-tools of the hierarchical and search discovery modes: instead of every tool's schema at
// session start, a client lists groups, lists a group's tools, fetches one schema, and calls the
// tool through call_tool (or finds it with search_tools). Answers are short text, paged, so that
// finding one operation in a large API costs a few thousand tokens rather than the whole catalog.
class DiscoveryTools
{
    Q_DECLARE_TR_FUNCTIONS(DiscoveryTools)

public:
    using Visible = std::function<bool(const openapi::Tool &)>;

    static constexpr int kToolsPerPage = 100;
    static constexpr int kDefaultSearchResults = 8;
    static constexpr int kMaxSearchResults = 25;

    static inline const QString kListGroups = QStringLiteral("list_groups");
    static inline const QString kListTools = QStringLiteral("list_tools");
    static inline const QString kGetToolSchema = QStringLiteral("get_tool_schema");
    static inline const QString kSearchTools = QStringLiteral("search_tools");
    static inline const QString kCallTool = QStringLiteral("call_tool");

    // What tools/list shows: every tool's descriptor (flat) or the mode's meta-tools.
    static std::vector<mcp::ToolDescriptor>
    listing(DiscoveryMode mode, const openapi::ToolCatalog &catalog, const QString &serverTitle);
    static mcp::ToolDescriptor descriptor(const openapi::Tool &tool);
    // Flat mode lists get_tool_schema too when tools/list shows compact schemas (and no tool of
    // the catalog has that name).
    static bool offersSchemas(const openapi::ToolCatalog &catalog);
    // The tools/list result a client receives at session start, as JSON, for token counts.
    static QByteArray listResult(const std::vector<mcp::ToolDescriptor> &tools);

    // Answers of the finding meta-tools (not call_tool, which the provider dispatches).
    // A bad argument is a tool error that says what to pass.
    static mcp::ToolResult answer(const ServerCatalog &server, const QString &name,
                                  const mcp::Json &arguments, const Visible &visible);

private:
    static mcp::ToolResult listGroups(const ServerCatalog &server, const Visible &visible);
    static mcp::ToolResult listTools(const ServerCatalog &server, const mcp::Json &arguments,
                                     const Visible &visible);
    static mcp::ToolResult getToolSchema(const ServerCatalog &server, const mcp::Json &arguments,
                                         const Visible &visible);
    static mcp::ToolResult searchTools(const ServerCatalog &server, const mcp::Json &arguments,
                                       const Visible &visible);
};

} // namespace gatehouse::gateway
