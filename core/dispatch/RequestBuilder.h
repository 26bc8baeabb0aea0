#pragma once

#include "Result.h"
#include "http/UpstreamRequest.h"
#include "openapi/Tool.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>

#include <nlohmann/json.hpp>

namespace gatehouse::dispatch {

struct UpstreamCredential;

// A header the gateway itself sets to tell the upstream who is calling
// (servers[].identity_headers): a header parameter of that name is never taken from the arguments,
// defaults or fixed values, so only the gateway sets it. An empty value sends nothing; a value a
// header cannot carry (a control character, whitespace at either end) is left out and logged, never
// cleaned.
struct IdentityHeader
{
    QByteArray name;
    QString value; // sent as UTF-8

    bool operator==(const IdentityHeader &) const = default;
};

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
// - the identity headers after the parameters, replacing any header parameter of the same name;
// - the credential, when given, injected as inject() says (schemes: the spec's schemes); it
//   replaces a header of its own name, an identity header too.
// Timeouts stay at the UpstreamRequest defaults; same-origin redirects are followed.
class RequestBuilder
{
    Q_DECLARE_TR_FUNCTIONS(RequestBuilder)

public:
    static Result<http::UpstreamRequest>
    build(const openapi::Tool &tool, const nlohmann::json &arguments, const QString &baseUrl,
          const UpstreamCredential *credential = nullptr,
          const QMap<QString, openapi::SecurityScheme> &schemes = {},
          const QList<IdentityHeader> &identity = {});
};

} // namespace gatehouse::dispatch
