#pragma once

#include "Result.h"
#include "http/UpstreamResponse.h"
#include "mcp/ToolProvider.h"
#include "openapi/Tool.h"

#include <QCoreApplication>
#include <QString>

namespace gatehouse::dispatch {

// Turns an upstream answer into the MCP CallToolResult (server/tools "Tool Result"):
// - 2xx JSON: the (shaped) value as text, and as structuredContent when it is an object;
//   tool.responseFields keeps only those top-level fields (of each element for an array);
//   else, with tool.shapeResponse, nested objects are reduced to the scalar members that
//   identify them (id, name, login, ...), links into the API (URI templates, URLs under the
//   object's own "url") are left out and strings cut at MaxStringChars. A shaped result says so
//   in a second text item.
// - 2xx text: the text, cut at MaxTextBytes with a note; image/*: an image item (up to
//   MaxImageBytes); other binary types: a line naming the type and size.
// - 3xx (a redirect to another origin, never followed), 4xx and 5xx: isError, with the status
//   and an excerpt of the body, the JSON message/error/detail field preferred.
class ResultBuilder
{
    Q_DECLARE_TR_FUNCTIONS(ResultBuilder)

public:
    static constexpr qsizetype MaxTextBytes = 64 * 1024;
    static constexpr qsizetype MaxImageBytes = 1024 * 1024;
    static constexpr qsizetype MaxStringChars = 2000;
    static constexpr qsizetype MaxExcerptChars = 500;

    static mcp::ToolResult fromResponse(const openapi::Tool &tool,
                                        const http::UpstreamResponse &response);
    // The request never got an answer: isError, naming the upstream and the cause.
    static mcp::ToolResult fromFailure(const openapi::Tool &tool, const QString &upstream,
                                       const Error &error);
};

} // namespace gatehouse::dispatch
