#include "CatalogProvider.h"

#include <QCoreApplication>

namespace gatehouse::gateway {

CatalogProvider::CatalogProvider(QString server, QObject *parent)
    : mcp::ToolProvider(parent)
    , m_server(std::move(server))
{}

mcp::ToolList CatalogProvider::list(const mcp::Caller &)
{
    return {};
}

void CatalogProvider::call(const QString &name, const mcp::Json &, mcp::ToolCallContext,
                           mcp::ToolCallback done)
{
    done(Error(ErrorCode::NotFound,
               QCoreApplication::translate("CatalogProvider",
                                           "server %1 has no tool named %2: call tools/list for "
                                           "the tools it offers")
                   .arg(m_server, name)));
}

} // namespace gatehouse::gateway
