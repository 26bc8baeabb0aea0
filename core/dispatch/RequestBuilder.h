#pragma once

#include "Result.h"
#include "http/UpstreamRequest.h"
#include "openapi/Tool.h"

#include <QCoreApplication>
#include <QMap>
#include <QString>

#include <nlohmann/json.hpp>

namespace gatehouse::dispatch {

struct UpstreamCredential;

// Turns a validated tool call into the upstream request (OAS 3.1.1 §4.8.12 parameters,
// §4.8.14-15 bodies, RFC 3986 percent-encoding):
// - the URL is baseUrl (its path kept as a prefix) + the operation's path with each {param}
//   substituted; a value cannot add or remove a path segment ('/' is encoded, and a segment
//   that ends up "." or ".." or a path value that is empty is refused);
// - query, header and cookie parameters in their style; header values with control characters
//   (CR, LF, NUL...) are refused, never cleaned; Accept, Content-Type and Authorization header
//   parameters are ignored as OAS says, and so are the ones that frame the message (Host,
//   Content-Length, Connection...);
// - the body as tool.bodyContentType says: JSON, form (urlencoded), multipart/form-data, or the
//   whole-body value as text for other types;
// - fixed arguments always win over what the client sent; defaults fill what it left out;
// - Accept: application/json plus the response types the operation lists;
// - the credential, when given, injected as inject() says (schemes: the spec's schemes).
// Timeouts stay at the UpstreamRequest defaults; same-origin redirects are followed.
class RequestBuilder
{
    Q_DECLARE_TR_FUNCTIONS(RequestBuilder)

public:
    static Result<http::UpstreamRequest>
    build(const openapi::Tool &tool, const nlohmann::json &arguments, const QString &baseUrl,
          const UpstreamCredential *credential = nullptr,
          const QMap<QString, openapi::SecurityScheme> &schemes = {});
};

} // namespace gatehouse::dispatch
