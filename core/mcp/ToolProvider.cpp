#include "ToolProvider.h"

namespace gatehouse::mcp {

ToolResult ToolResult::text(const QString &text, bool isError)
{
    Json result = {{"content", Json::array({{{"type", "text"}, {"text", text.toStdString()}}})},
                   {"isError", isError}};
    return ToolResult{JsonRpc::dump(result), 0, isError};
}

} // namespace gatehouse::mcp
