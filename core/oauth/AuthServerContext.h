#pragma once

#include "AttemptThrottle.h"
#include "AuthServerOptions.h"
#include "ClientRegistry.h"
#include "Result.h"
#include "http/Response.h"

#include <QCoreApplication>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <memory>
#include <optional>

namespace gatehouse::store {
class Database;
}

namespace gatehouse::oauth {

// What a grant covers: the resource it is bound to (RFC 8707) and its scopes.
struct GrantTarget
{
    std::optional<QString> audience; // a server's MCP URL; none: every server the user may use
    QString server;                  // empty for the gateway as a whole
    QStringList scopes;              // empty: not narrowed (gateway-wide only)
};

// An endpoint's answer; delay holds it back (a wrong password or secret) without holding a thread.
struct AuthAnswer
{
    http::Response response;
    std::chrono::milliseconds delay{0};
};

// What the authorization server's endpoints share. Built with each configuration snapshot; the
// throttles live as long as the gateway.
class AuthServerContext
{
    Q_DECLARE_TR_FUNCTIONS(AuthServerContext)

public:
    struct Throttles
    {
        AttemptThrottle logins;        // passwords and client secrets
        AttemptThrottle registrations; // DCR per client address
        AttemptThrottle documents;     // client metadata document sign-ins per client address
        Throttles();
    };

    AuthServerContext(store::Database &database, QUrl publicUrl, QStringList servers,
                      AuthServerOptions options, std::shared_ptr<Throttles> throttles,
                      QByteArray loginKey);

    store::Database &database;
    const QUrl publicUrl;
    const QString issuer;   // the public URL without a trailing slash (RFC 8414 section 2)
    const QString basePath; // the public URL's path without a trailing slash; usually empty
    const QStringList servers;
    const AuthServerOptions options;
    const std::shared_ptr<Throttles> throttles;
    const QByteArray loginKey; // signs the sign-in cookie
    const ClientRegistry clients;

    QString resourceOf(const QString &server) const;
    // The gateway's own resource may be written with a trailing slash (new URL(...).href does).
    QString canonicalResource(const QString &resource) const;
    // The resource and scope parameters of a request to what the grant covers. InvalidArgument:
    // the resource is not one of this gateway's (invalid_target); Validation: a scope is unknown
    // or for another server (invalid_scope).
    Result<GrantTarget> resolve(const QString &resource, const QString &scope) const;
    // Every scope a server offers (what its protected resource metadata lists).
    static QStringList scopesOf(const QString &server);
};

} // namespace gatehouse::oauth
