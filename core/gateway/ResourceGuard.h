#pragma once

#include "http/Response.h"
#include "mcp/ToolProvider.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QUrl>

#include <optional>

namespace gatehouse::http {
class Headers;
class Request;
} // namespace gatehouse::http

namespace gatehouse::oauth {
class TokenService;
}

namespace gatehouse::gateway {

// The resource server's check on /mcp/{server}: reads the bearer token (RFC 6750 section 2.1),
// verifies it for this server, and answers what RFC 6750 section 3 and RFC 9728 section 5.1 say
// when it is missing or not good enough. The token is never logged and never passed on.
class ResourceGuard
{
    Q_DECLARE_TR_FUNCTIONS(ResourceGuard)

public:
    // Either the caller the token speaks for, or the response to send instead.
    struct Outcome
    {
        std::optional<mcp::Caller> caller;
        http::Response response;
    };

    struct Credentials
    {
        enum class Kind
        {
            None,          // no Authorization field, or another scheme
            Bearer,        // token is set
            Malformed,     // 400 invalid_request
            MalformedToken // 401 invalid_token
        };
        Kind kind = Kind::None;
        QString token;
        QString problem; // for the error_description, when not Bearer
    };

    // tokens may be null (a gateway without a store): then no token is good.
    static Outcome check(const http::Request &request, const QString &server, const QUrl &publicUrl,
                         const oauth::TokenService *tokens, const QDateTime &now);

    static Credentials readCredentials(const http::Request &request);
    // 403 with an insufficient_scope challenge naming the scope a request needs (RFC 6750
    // section 3.1; MCP 2025-11-25 authorization, scope challenge handling), so the client can
    // sign in again for it.
    static http::Response insufficientScope(const QUrl &publicUrl, const QString &server,
                                            const QString &description, const QString &scope);
    // The protected resource metadata URL of /mcp/{server} (RFC 9728 section 3.1).
    static QByteArray metadataUrl(const QUrl &publicUrl, const QString &server);
};

} // namespace gatehouse::gateway
