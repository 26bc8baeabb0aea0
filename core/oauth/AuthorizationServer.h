#pragma once

#include "AuthServerContext.h"
#include "AuthorizeEndpoint.h"
#include "TokenEndpoint.h"

#include <QCoreApplication>
#include <QDateTime>

#include <nlohmann/json.hpp>

namespace gatehouse::http {
class Request;
}

namespace gatehouse::oauth {

// The gateway's own OAuth 2.1 authorization server and its metadata: /.well-known/
// oauth-protected-resource[/mcp/{server}] (RFC 9728), /.well-known/oauth-authorization-server
// (RFC 8414), /oauth/register (RFC 7591), /oauth/authorize, /oauth/token, /oauth/revoke (RFC 7009)
// and /oauth/introspect (RFC 7662). answer() may block (password hashing, fetching a client's
// metadata document): the gateway runs it off its workers' event loops.
class AuthorizationServer
{
    Q_DECLARE_TR_FUNCTIONS(AuthorizationServer)

public:
    AuthorizationServer(store::Database &database, QUrl publicUrl, QStringList servers,
                        AuthServerOptions options,
                        std::shared_ptr<AuthServerContext::Throttles> throttles,
                        QByteArray loginKey);

    // Whether the path is one of the authorization server's.
    static bool serves(const QString &path);
    // Endpoints without ambient authority that browser-based clients call cross-origin (CORS):
    // the metadata, registration, token and revocation endpoints.
    static bool allowsCrossOrigin(const QString &path);
    // Metadata is cheap and never blocks.
    static bool isMetadata(const QString &path);

    AuthAnswer answer(const http::Request &request, const QDateTime &now) const;

    const QString &issuer() const { return m_context.issuer; }
    nlohmann::json authorizationServerMetadata() const;
    // server empty: the gateway as a whole.
    nlohmann::json protectedResourceMetadata(const QString &server) const;

private:
    AuthAnswer metadata(const http::Request &request) const;
    AuthAnswer registerClient(const http::Request &request, const QDateTime &now) const;

    AuthServerContext m_context;
    AuthorizeEndpoint m_authorize;
    TokenEndpoint m_token;
};

} // namespace gatehouse::oauth
