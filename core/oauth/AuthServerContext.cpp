#include "AuthServerContext.h"

#include "TokenService.h"

using namespace Qt::StringLiterals;

namespace gatehouse::oauth {

AuthServerContext::Throttles::Throttles()
    : registrations(AttemptThrottle::Limits{1'000'000, 20, std::chrono::seconds(3600),
                                            std::chrono::milliseconds(0),
                                            std::chrono::milliseconds(0), 100'000})
    , documents(AttemptThrottle::Limits{1'000'000, 30, std::chrono::seconds(600),
                                        std::chrono::milliseconds(0), std::chrono::milliseconds(0),
                                        100'000})
{}

AuthServerContext::AuthServerContext(store::Database &database, QUrl publicUrl, QStringList servers,
                                     AuthServerOptions options,
                                     std::shared_ptr<Throttles> throttles, QByteArray loginKey)
    : database(database)
    , publicUrl(std::move(publicUrl))
    , issuer(TokenService::baseUrl(this->publicUrl))
    , basePath(QUrl(issuer).path())
    , servers(std::move(servers))
    , options(options)
    , throttles(std::move(throttles))
    , loginKey(std::move(loginKey))
    , clients(database, std::move(options))
{}

QString AuthServerContext::resourceOf(const QString &server) const
{
    return TokenService::resourceUrl(publicUrl, server);
}

QString AuthServerContext::canonicalResource(const QString &resource) const
{
    return resource == issuer + u'/' ? issuer : resource;
}

QStringList AuthServerContext::scopesOf(const QString &server)
{
    return {server + u":read"_s, server + u":create"_s, server + u":update"_s,
            server + u":delete"_s};
}

Result<GrantTarget> AuthServerContext::resolve(const QString &resource, const QString &scope) const
{
    GrantTarget target;
    QStringList requested = scope.split(u' ', Qt::SkipEmptyParts);
    requested.removeDuplicates();
    for (const QString &s : std::as_const(requested)) {
        if (Status ok = TokenService::checkScope(s); !ok)
            return Error(ErrorCode::Validation, ok.error().message());
    }
    QStringList named; // the servers the scopes name
    for (const QString &s : std::as_const(requested)) {
        if (s == u"offline_access"_s)
            continue;
        const QString server = s.left(s.lastIndexOf(u':'));
        if (!servers.contains(server))
            return Error(ErrorCode::Validation,
                         tr("the scope %1 names server '%2', which this gateway does not serve")
                             .arg(s, server));
        if (!named.contains(server))
            named << server;
    }

    if (resource.isEmpty()) {
        // RFC 8707 lets the client leave the resource out: a scope naming one server binds the
        // grant to that server; otherwise it covers the gateway as a whole.
        if (named.size() == 1)
            target.server = named.first();
    } else if (resource == issuer || resource == issuer + u'/') {
        // the gateway as a whole
    } else {
        const QUrl url(resource, QUrl::StrictMode);
        if (!url.isValid() || url.isRelative() || url.hasFragment())
            return Error(ErrorCode::InvalidArgument,
                         tr("the resource %1 must be an absolute URL without a fragment (RFC 8707 "
                            "section 2)")
                             .arg(resource.left(200)));
        const QString prefix = issuer + u"/mcp/"_s;
        const QString server =
            resource.startsWith(prefix) ? resource.mid(prefix.size()) : QString();
        if (server.isEmpty() || !servers.contains(server))
            return Error(
                ErrorCode::InvalidArgument,
                tr("the resource %1 is not an MCP server of this gateway; use %2SERVER "
                   "(one of: %3)")
                    .arg(resource.left(200), prefix,
                         servers.isEmpty() ? tr("none configured") : servers.join(u", "_s)));
        target.server = server;
    }

    if (!target.server.isEmpty()) {
        target.audience = resourceOf(target.server);
        for (const QString &other : std::as_const(named)) {
            if (other != target.server)
                return Error(ErrorCode::Validation,
                             tr("the scopes name server '%1', but the resource is server '%2': "
                                "ask for %2:ACTION scopes")
                                 .arg(other, target.server));
        }
        if (named.isEmpty())
            requested = scopesOf(target.server) + requested; // offline_access kept
    }
    target.scopes = requested;
    return target;
}

} // namespace gatehouse::oauth
