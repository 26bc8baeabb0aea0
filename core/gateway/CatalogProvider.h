#pragma once

#include "ServerCatalog.h"
#include "mcp/ToolProvider.h"

#include <functional>
#include <memory>

namespace gatehouse::dispatch {
class Dispatcher;
}

namespace gatehouse::policy {
class PermissionPolicy;
}

namespace gatehouse::gateway {

// The tools one configured server offers its callers, on one worker thread: lists the current
// catalog in the server's discovery mode, answers the meta-tools, and dispatches tool calls
// upstream. The catalog is read afresh for every request, so a reload applies at once.
class CatalogProvider : public mcp::ToolProvider
{
    Q_OBJECT
public:
    using CatalogSource = std::function<std::shared_ptr<const ServerCatalog>()>;
    // The permission matrix in force; null (auth mode none, no store): every tool is allowed.
    struct Permissions
    {
        std::shared_ptr<const policy::PermissionPolicy> policy;
        quint64 generation = 0; // changes whenever the matrix may have changed
    };
    using PolicySource = std::function<Permissions()>;

    CatalogProvider(QString server, CatalogSource catalog, PolicySource policy = {},
                    QObject *parent = nullptr);
    ~CatalogProvider() override;

    mcp::ToolList list(const mcp::Caller &caller) override;
    void call(const QString &name, const mcp::Json &arguments, mcp::ToolCallContext context,
              mcp::ToolCallback done) override;

private:
    // Whether the caller's grants allow the tool; the tool error that says why not otherwise.
    std::optional<mcp::ToolResult> refusal(const Permissions &permissions,
                                           const ServerCatalog &catalog, const openapi::Tool &tool,
                                           const mcp::Caller &caller) const;
    void dispatch(const std::shared_ptr<const ServerCatalog> &catalog, const QString &name,
                  const mcp::Json &arguments, mcp::ToolCallContext context, mcp::ToolCallback done);

    QString m_server;
    CatalogSource m_catalog;
    PolicySource m_policy;
    dispatch::Dispatcher *m_dispatcher; // owned as a child
};

} // namespace gatehouse::gateway
