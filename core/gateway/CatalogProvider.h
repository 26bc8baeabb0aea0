#pragma once

#include "mcp/ToolProvider.h"

namespace gatehouse::gateway {

// The tools one configured server offers its callers. The OpenAPI issue fills the catalog from
// the server's spec and dispatches calls upstream; until then a server offers no tools, and a
// call names the tool as unknown.
class CatalogProvider : public mcp::ToolProvider
{
    Q_OBJECT
public:
    explicit CatalogProvider(QString server, QObject *parent = nullptr);

    mcp::ToolList list(const mcp::Caller &caller) override;
    void call(const QString &name, const mcp::Json &arguments, mcp::ToolCallContext context,
              mcp::ToolCallback done) override;

private:
    QString m_server;
};

} // namespace gatehouse::gateway
