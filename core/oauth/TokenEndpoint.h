#pragma once

#include "AuthServerContext.h"
#include "ClientRegistry.h"
#include "FormData.h"

#include <QCoreApplication>
#include <QDateTime>

#include <nlohmann/json.hpp>

namespace gatehouse::http {
class Request;
}

namespace gatehouse::oauth {

// The endpoints a client calls with its own credentials: /oauth/token (OAuth 2.1 section 3.2:
// authorization_code with PKCE, refresh_token with rotation and reuse detection,
// client_credentials), /oauth/revoke (RFC 7009) and /oauth/introspect (RFC 7662). Client
// authentication: none (public clients), client_secret_basic, client_secret_post.
class TokenEndpoint
{
    Q_DECLARE_TR_FUNCTIONS(TokenEndpoint)

public:
    static QString refreshPrefix() { return QStringLiteral("gh_rt_"); }

    explicit TokenEndpoint(const AuthServerContext &context);

    AuthAnswer token(const http::Request &request, const QDateTime &now) const;
    AuthAnswer revoke(const http::Request &request, const QDateTime &now) const;
    AuthAnswer introspect(const http::Request &request, const QDateTime &now) const;

private:
    // The client that authenticated, or the answer to send instead.
    struct Authenticated
    {
        std::optional<ClientRegistry::Client> client;
        std::optional<FormData> form;
        AuthAnswer answer;
    };

    Authenticated authenticate(const http::Request &request, const QDateTime &now) const;
    AuthAnswer authorizationCode(const ClientRegistry::Client &client, const FormData &form,
                                 const QDateTime &now) const;
    AuthAnswer refresh(const ClientRegistry::Client &client, const FormData &form,
                       const QDateTime &now) const;
    AuthAnswer clientCredentials(const ClientRegistry::Client &client, const FormData &form,
                                 const QDateTime &now) const;
    // Access token (and refresh token, when the client may refresh) for one grant.
    AuthAnswer issue(const ClientRegistry::Client &client, const QString &user,
                     const GrantTarget &target, const QString &grantId, bool withRefresh,
                     const QDateTime &now) const;
    static AuthAnswer failure(int status, const QString &error, const QString &description);

    const AuthServerContext &m_context;
};

} // namespace gatehouse::oauth
