#include "AuthorizationServer.h"

#include "Logging.h"
#include "OAuthJson.h"
#include "OAuthResponse.h"
#include "RandomToken.h"
#include "http/Request.h"

using namespace Qt::StringLiterals;
using json = nlohmann::json;

namespace gatehouse::oauth {

namespace {
const QString prmPath = u"/.well-known/oauth-protected-resource"_s;
const QString asPath = u"/.well-known/oauth-authorization-server"_s;

AuthAnswer methodNotAllowed(QByteArrayView allowed)
{
    AuthAnswer answer{OAuthResponse::error(405, u"invalid_request"_s,
                                           AuthorizationServer::tr("this endpoint accepts only %1")
                                               .arg(QString::fromLatin1(allowed)))};
    answer.response.setHeader("allow", allowed.toByteArray());
    return answer;
}
} // namespace

AuthorizationServer::AuthorizationServer(store::Database &database, QUrl publicUrl,
                                         QStringList servers, AuthServerOptions options,
                                         std::shared_ptr<AuthServerContext::Throttles> throttles,
                                         QByteArray loginKey)
    : m_context(database, std::move(publicUrl), std::move(servers), std::move(options),
                std::move(throttles), std::move(loginKey))
    , m_authorize(m_context)
    , m_token(m_context)
{}

bool AuthorizationServer::serves(const QString &path)
{
    return path.startsWith(u"/oauth/"_s) || isMetadata(path);
}

bool AuthorizationServer::allowsCrossOrigin(const QString &path)
{
    return isMetadata(path) || path == u"/oauth/register"_s || path == u"/oauth/token"_s ||
           path == u"/oauth/revoke"_s;
}

bool AuthorizationServer::isMetadata(const QString &path)
{
    return path == prmPath || path.startsWith(prmPath + u'/') || path == asPath ||
           path.startsWith(asPath + u'/');
}

json AuthorizationServer::authorizationServerMetadata() const
{
    const std::string base = m_context.issuer.toStdString();
    QStringList scopes;
    for (const QString &server : m_context.servers)
        scopes << AuthServerContext::scopesOf(server);
    scopes << u"offline_access"_s;
    const json clientAuth = json::array({"none", "client_secret_basic", "client_secret_post"});
    json metadata = {
        {"issuer", base},
        {"authorization_endpoint", base + "/oauth/authorize"},
        {"token_endpoint", base + "/oauth/token"},
        {"revocation_endpoint", base + "/oauth/revoke"},
        {"introspection_endpoint", base + "/oauth/introspect"},
        {"response_types_supported", json::array({"code"})},
        {"response_modes_supported", json::array({"query"})},
        {"grant_types_supported",
         json::array({"authorization_code", "refresh_token", "client_credentials"})},
        {"token_endpoint_auth_methods_supported", clientAuth},
        {"revocation_endpoint_auth_methods_supported", clientAuth},
        {"introspection_endpoint_auth_methods_supported",
         json::array({"client_secret_basic", "client_secret_post"})},
        {"code_challenge_methods_supported", json::array({"S256"})},
        {"scopes_supported", OAuthJson::array(scopes)},
        {"authorization_response_iss_parameter_supported", true},
        {"client_id_metadata_document_supported", m_context.options.clientMetadataDocuments},
    };
    if (m_context.options.registration != AuthServerOptions::Registration::Off)
        metadata["registration_endpoint"] = base + "/oauth/register";
    return metadata;
}

json AuthorizationServer::protectedResourceMetadata(const QString &server) const
{
    QStringList scopes;
    if (server.isEmpty()) {
        for (const QString &s : m_context.servers)
            scopes << AuthServerContext::scopesOf(s);
    } else {
        scopes = AuthServerContext::scopesOf(server);
    }
    scopes << u"offline_access"_s;
    return {
        {"resource",
         (server.isEmpty() ? m_context.issuer : m_context.resourceOf(server)).toStdString()},
        {"authorization_servers", json::array({m_context.issuer.toStdString()})},
        {"scopes_supported", OAuthJson::array(scopes)},
        {"bearer_methods_supported", json::array({"header"})},
        {"resource_name", server.isEmpty() ? "Gatehouse" : server.toStdString()},
    };
}

AuthAnswer AuthorizationServer::metadata(const http::Request &request) const
{
    if (request.method() != "GET" && request.method() != "HEAD")
        return methodNotAllowed("GET, HEAD");
    const QString &path = request.path();
    // RFC 8414 section 3.1 and RFC 9728 section 3.1 insert the well-known segment before the
    // issuer's or resource's path; a public URL with a path is served under that suffix too.
    const QString &publicPath = m_context.basePath;
    if (path == asPath || (!publicPath.isEmpty() && path == asPath + publicPath))
        return {OAuthResponse::metadata(authorizationServerMetadata())};
    if (path.startsWith(prmPath)) {
        QString rest = path.mid(prmPath.size());
        if (!publicPath.isEmpty() && rest.startsWith(publicPath))
            rest = rest.mid(publicPath.size());
        if (rest.isEmpty() || rest == u"/"_s)
            return {OAuthResponse::metadata(protectedResourceMetadata(QString()))};
        if (rest.startsWith(u"/mcp/"_s) && m_context.servers.contains(rest.mid(5)))
            return {OAuthResponse::metadata(protectedResourceMetadata(rest.mid(5)))};
    }
    return {OAuthResponse::error(404, u"invalid_request"_s,
                                 tr("no metadata at %1: the MCP servers' documents are at %2/mcp/"
                                    "SERVER")
                                     .arg(path.left(200), prmPath))};
}

AuthAnswer AuthorizationServer::registerClient(const http::Request &request,
                                               const QDateTime &now) const
{
    if (request.method() != "POST")
        return methodNotAllowed("POST");
    using Registration = AuthServerOptions::Registration;
    const auto &options = m_context.options;
    const auto refuse = [](int status, const QString &error, const QString &description) {
        qCInfo(lcOAuth).noquote() << "client registration refused:" << description;
        return AuthAnswer{OAuthResponse::error(status, error, description)};
    };
    if (options.registration == Registration::Off)
        return refuse(403, u"access_denied"_s,
                      tr("dynamic client registration is turned off on this gateway: ask its "
                         "owner for a client, or use a client metadata document URL as client_id"));
    if (options.registration == Registration::Loopback && !request.clientAddress().isLoopback())
        return refuse(403, u"access_denied"_s,
                      tr("this gateway accepts client registrations only from its own machine "
                         "(gateway.auth.registration: loopback); ask its owner for a client"));
    if (options.registration == Registration::Token) {
        const QByteArray authorization = request.header("authorization");
        const QString token = authorization.toLower().startsWith("bearer ")
                                  ? QString::fromLatin1(authorization.mid(7).trimmed())
                                  : QString();
        if (token.isEmpty() ||
            !RandomToken::equal(RandomToken::hash(token), options.registrationTokenHash)) {
            AuthAnswer answer = refuse(401, u"invalid_token"_s,
                                       tr("registration needs the initial access token the "
                                          "gateway's owner gave you, as a Bearer token"));
            answer.response.setHeader("www-authenticate",
                                      QByteArrayLiteral("Bearer error=\"invalid_token\""));
            return answer;
        }
    }
    AttemptThrottle &throttle = m_context.throttles->registrations;
    const QStringList keys = {u"address:"_s + request.clientAddress().toString()};
    if (const auto verdict = throttle.check(keys, now); verdict.refused) {
        const QString why = tr("too many client registrations from this address; try again in "
                               "%1 seconds")
                                .arg(verdict.retryAfter.count());
        qCInfo(lcOAuth).noquote() << "client registration refused:" << why;
        return {OAuthResponse::tooManyRequests(why, verdict.retryAfter)};
    }
    if (!request.header("content-type").toLower().startsWith("application/json"))
        return refuse(400, u"invalid_client_metadata"_s,
                      tr("send the client metadata as application/json (RFC 7591 section 3.1)"));
    const json metadata =
        json::parse(request.body().constData(), request.body().constData() + request.body().size(),
                    nullptr, false);
    if (metadata.is_discarded())
        return refuse(400, u"invalid_client_metadata"_s,
                      tr("the client metadata is not valid JSON"));
    (void)throttle.failed(keys, now); // counts every registration attempt that got this far
    auto registered = m_context.clients.registerClient(metadata, now);
    if (!registered)
        return refuse(400,
                      registered.error().code() == ErrorCode::Validation
                          ? u"invalid_redirect_uri"_s
                          : u"invalid_client_metadata"_s,
                      registered.error().message());
    return {OAuthResponse::json(201, registered->response)};
}

AuthAnswer AuthorizationServer::answer(const http::Request &request, const QDateTime &now) const
{
    const QString &path = request.path();
    if (isMetadata(path))
        return metadata(request);
    if (path == u"/oauth/authorize"_s) {
        if (request.method() == "GET" || request.method() == "HEAD")
            return m_authorize.get(request, now);
        if (request.method() == "POST")
            return m_authorize.post(request, now);
        return methodNotAllowed("GET, POST");
    }
    if (path == u"/oauth/register"_s)
        return registerClient(request, now);
    if (path == u"/oauth/token"_s || path == u"/oauth/revoke"_s || path == u"/oauth/introspect"_s) {
        if (request.method() != "POST")
            return methodNotAllowed("POST");
        if (path == u"/oauth/token"_s)
            return m_token.token(request, now);
        if (path == u"/oauth/revoke"_s)
            return m_token.revoke(request, now);
        return m_token.introspect(request, now);
    }
    return {OAuthResponse::error(404, u"invalid_request"_s,
                                 tr("no such endpoint: the authorization server's endpoints are "
                                    "listed at %1")
                                     .arg(m_context.issuer + asPath))};
}

} // namespace gatehouse::oauth
