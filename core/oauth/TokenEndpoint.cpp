#include "TokenEndpoint.h"

#include "FormData.h"
#include "Logging.h"
#include "OAuthJson.h"
#include "OAuthResponse.h"
#include "RandomToken.h"
#include "TokenService.h"
#include "http/Request.h"
#include "store/TokenRepository.h"
#include "store/UserRepository.h"

#include <QCryptographicHash>

using namespace Qt::StringLiterals;
using json = nlohmann::json;

namespace gatehouse::oauth {

namespace {

const QString invalidRequest = u"invalid_request"_s;
const QString invalidClient = u"invalid_client"_s;
const QString invalidGrant = u"invalid_grant"_s;

// RFC 7636 section 4.1: 43 to 128 characters of [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~".
bool isVerifier(const QString &verifier)
{
    if (verifier.size() < 43 || verifier.size() > 128)
        return false;
    return std::all_of(verifier.cbegin(), verifier.cend(), [](QChar c) {
        return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') ||
               c == u'-' || c == u'.' || c == u'_' || c == u'~';
    });
}

QString s256(const QString &verifier)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

TokenEndpoint::TokenEndpoint(const AuthServerContext &context)
    : m_context(context)
{}

AuthAnswer TokenEndpoint::failure(int status, const QString &error, const QString &description)
{
    qCInfo(lcOAuth).noquote() << "token endpoint answered" << error << "-" << description;
    return {OAuthResponse::error(status, error, description)};
}

TokenEndpoint::Authenticated TokenEndpoint::authenticate(const http::Request &request,
                                                         const QDateTime &now) const
{
    Authenticated result;
    const auto fail = [&](int status, const QString &error, const QString &description) {
        result.answer = failure(status, error, description);
        return result;
    };
    if (!request.header("content-type").toLower().startsWith("application/x-www-form-urlencoded"))
        return fail(400, invalidRequest,
                    tr("send the parameters as application/x-www-form-urlencoded (RFC 6749 "
                       "section 3.2)"));
    auto form = FormData::parse(request.body());
    if (!form)
        return fail(400, invalidRequest, form.error().message());

    QString clientId = form->value(u"client_id"_s);
    QString secret;
    bool basic = false;
    const QByteArray authorization = request.header("authorization");
    if (!authorization.isEmpty()) {
        if (!authorization.toLower().startsWith("basic "))
            return fail(400, invalidRequest,
                        tr("the Authorization header must use the Basic scheme here"));
        if (form->has(u"client_secret"_s))
            return fail(400, invalidRequest,
                        tr("use one client authentication method: the Basic header or "
                           "client_secret in the body, not both"));
        const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed());
        const qsizetype colon = decoded.indexOf(':');
        if (colon <= 0)
            return fail(401, invalidClient,
                        tr("the Basic credentials must be client_id:client_secret, each "
                           "form-encoded (RFC 6749 section 2.3.1)"));
        // RFC 6749 section 2.3.1: both parts are application/x-www-form-urlencoded.
        const QByteArray pair = "id=" + decoded.left(colon) + "&secret=" + decoded.mid(colon + 1);
        auto parts = FormData::parse(pair);
        if (!parts)
            return fail(401, invalidClient, tr("the Basic credentials are not form-encoded"));
        const QString basicId = parts->value(u"id"_s);
        if (!clientId.isEmpty() && clientId != basicId)
            return fail(400, invalidRequest,
                        tr("client_id in the body differs from the one in the Basic header"));
        clientId = basicId;
        secret = parts->value(u"secret"_s);
        basic = true;
    } else {
        secret = form->value(u"client_secret"_s);
    }
    if (clientId.isEmpty())
        return fail(401, invalidClient,
                    tr("the client did not identify itself: send client_id (public clients) or "
                       "client credentials"));

    // Refusals are keyed by (client, address), so nobody can lock a client out from elsewhere;
    // the client-wide key only slows answers down.
    AttemptThrottle &throttle = m_context.throttles->logins;
    const QString clientKey = u"client:"_s + clientId;
    const QStringList keys = {clientKey + u'@' + request.clientAddress().toString()};
    if (const auto verdict = throttle.check(keys, now); verdict.refused) {
        const QString why = tr("too many failed client authentications; try again in %1 seconds")
                                .arg(verdict.retryAfter.count());
        qCInfo(lcOAuth).noquote() << "token endpoint refused client" << clientId << ":" << why;
        result.answer = {OAuthResponse::tooManyRequests(why, verdict.retryAfter)};
        return result;
    }
    auto client = m_context.clients.find(clientId, now);
    const auto unauthenticated = [&](const QString &description) {
        result.answer = failure(401, invalidClient, description);
        if (basic)
            result.answer.response.setHeader("www-authenticate",
                                             QByteArrayLiteral("Basic realm=\"gatehouse\""));
        return result;
    };
    if (!client)
        return unauthenticated(client.error().message());
    if (client->confidential()) {
        if (secret.isEmpty())
            return unauthenticated(tr("client %1 is confidential: authenticate with its "
                                      "client_secret (Basic header or client_secret)")
                                       .arg(clientId));
        if (!ClientRegistry::secretMatches(secret, *client->row.clientSecretHash)) {
            const auto delay =
                std::max(throttle.failed(keys, now), throttle.failed({clientKey}, now));
            unauthenticated(tr("the client secret is wrong for client %1; if it was lost, ask "
                               "the gateway's owner to issue a new client")
                                .arg(clientId));
            result.answer.delay = delay; // unauthenticated() set a fresh answer
            return result;
        }
        throttle.succeeded({keys.first(), clientKey});
    } else if (!secret.isEmpty()) {
        return unauthenticated(
            tr("client %1 is public and has no secret: send only client_id").arg(clientId));
    }
    result.client = *client;
    result.form = std::move(form).value();
    return result;
}

AuthAnswer TokenEndpoint::token(const http::Request &request, const QDateTime &now) const
{
    Authenticated auth = authenticate(request, now);
    if (!auth.client)
        return auth.answer;
    const QString grant = auth.form->value(u"grant_type"_s);
    if (grant == u"authorization_code"_s)
        return authorizationCode(*auth.client, *auth.form, now);
    if (grant == u"refresh_token"_s)
        return refresh(*auth.client, *auth.form, now);
    if (grant == u"client_credentials"_s)
        return clientCredentials(*auth.client, *auth.form, now);
    if (grant.isEmpty())
        return failure(400, invalidRequest, tr("grant_type is missing"));
    return failure(400, u"unsupported_grant_type"_s,
                   tr("grant_type %1 is not supported: use authorization_code, refresh_token or "
                      "client_credentials")
                       .arg(grant.left(60)));
}

AuthAnswer TokenEndpoint::authorizationCode(const ClientRegistry::Client &client,
                                            const FormData &form, const QDateTime &now) const
{
    if (!client.allows(u"authorization_code"_s))
        return failure(
            400, u"unauthorized_client"_s,
            tr("client %1 may not use the authorization_code grant").arg(client.row.clientId));
    const QString code = form.value(u"code"_s);
    if (code.isEmpty())
        return failure(400, invalidRequest, tr("code is missing"));
    const QString verifier = form.value(u"code_verifier"_s);
    if (form.has(u"code_verifier"_s) && !isVerifier(verifier))
        return failure(400, invalidRequest,
                       tr("code_verifier must be 43 to 128 characters of A-Z, a-z, 0-9, '-', "
                          "'.', '_' and '~' (RFC 7636 section 4.1)"));
    store::TokenRepository tokens(m_context.database);
    const QString hash = RandomToken::hash(code);
    auto found = tokens.get(hash);
    if (!found || found->kind != u"code"_s)
        return failure(400, invalidGrant,
                       tr("the authorization code is not known: it may have expired; start "
                          "sign-in again"));
    if (found->clientId != client.row.clientId)
        return failure(400, invalidGrant,
                       tr("the authorization code was issued to another client"));
    auto consumed = tokens.consume(hash);
    if (!consumed)
        return failure(503, u"temporarily_unavailable"_s, consumed.error().message());
    if (consumed->revoked) {
        // RFC 6749 section 4.1.2: a code used twice revokes what it gave out.
        const auto revoked = consumed->grantId ? tokens.revokeGrant(*consumed->grantId) : 0;
        qCWarning(lcOAuth).noquote()
            << "authorization code replayed by client" << client.row.clientId << "- revoked"
            << (revoked ? *revoked : 0) << "tokens of its grant";
        return failure(400, invalidGrant,
                       tr("the authorization code was already used; the tokens it gave were "
                          "revoked. Start sign-in again"));
    }
    if (consumed->expiresAt <= now)
        return failure(400, invalidGrant,
                       tr("the authorization code expired (codes live %1 seconds); start "
                          "sign-in again")
                           .arg(m_context.options.codeTtl.count()));
    const json details =
        json::parse(consumed->details.value_or(QString()).toStdString(), nullptr, false);
    const QString redirect = form.value(u"redirect_uri"_s);
    const QString expected = OAuthJson::field(details, "redirect_uri");
    const bool sent = details.is_object() && details.value("redirect_uri_sent", true);
    if ((sent || !redirect.isEmpty()) && redirect != expected)
        return failure(
            400, invalidGrant,
            redirect.isEmpty()
                ? tr("redirect_uri is missing: send the one the authorization request "
                     "used")
                : tr("redirect_uri differs from the one the authorization request used"));
    const QString challenge = OAuthJson::field(details, "code_challenge");
    if (challenge.isEmpty() && !verifier.isEmpty())
        return failure(400, invalidRequest,
                       tr("code_verifier was sent, but the authorization request had no "
                          "code_challenge"));
    if (!challenge.isEmpty() && verifier.isEmpty())
        return failure(400, invalidGrant,
                       tr("code_verifier is missing: send the PKCE verifier of this sign-in"));
    if (!challenge.isEmpty() && !RandomToken::equal(s256(verifier), challenge))
        return failure(400, invalidGrant,
                       tr("the code_verifier does not match the code_challenge (PKCE S256); the "
                          "code is now used up, start sign-in again"));
    GrantTarget target;
    target.audience = consumed->audience;
    target.scopes = consumed->scopes;
    const QString resource = form.value(u"resource"_s);
    if (!resource.isEmpty() &&
        m_context.canonicalResource(resource) != consumed->audience.value_or(m_context.issuer))
        return failure(400, u"invalid_target"_s,
                       tr("the resource %1 was not part of this authorization; ask for %2")
                           .arg(resource.left(200), consumed->audience.value_or(m_context.issuer)));
    return issue(client, consumed->user.value_or(QString()), target,
                 consumed->grantId.value_or(QString()), client.allows(u"refresh_token"_s), now);
}

AuthAnswer TokenEndpoint::refresh(const ClientRegistry::Client &client, const FormData &form,
                                  const QDateTime &now) const
{
    if (!client.allows(u"refresh_token"_s))
        return failure(
            400, u"unauthorized_client"_s,
            tr("client %1 may not use the refresh_token grant").arg(client.row.clientId));
    const QString refreshToken = form.value(u"refresh_token"_s);
    if (refreshToken.isEmpty())
        return failure(400, invalidRequest, tr("refresh_token is missing"));
    store::TokenRepository tokens(m_context.database);
    const QString hash = RandomToken::hash(refreshToken);
    auto found = tokens.get(hash);
    if (!found || found->kind != u"refresh"_s)
        return failure(400, invalidGrant,
                       tr("the refresh token is not known: it may have expired; sign in again"));
    if (found->clientId != client.row.clientId)
        return failure(400, invalidGrant, tr("the refresh token was issued to another client"));
    // Narrower scopes are allowed (RFC 6749 section 6), wider ones never.
    // A list without a server scope means "not narrowed" (TokenService::verify), so a narrowed
    // grant must keep at least one of its server scopes, and a grant that is not narrowed may
    // be narrowed to any scope of a configured server.
    const auto serverScopes = [](const QStringList &list) {
        QStringList result = list;
        result.removeAll(u"offline_access"_s);
        return result;
    };
    const QStringList granted = serverScopes(found->scopes);
    QStringList scopes = found->scopes;
    if (form.has(u"scope"_s)) {
        QStringList requested = form.value(u"scope"_s).split(u' ', Qt::SkipEmptyParts);
        requested.removeDuplicates();
        if (requested.isEmpty())
            return failure(400, u"invalid_scope"_s,
                           tr("scope is empty: leave it out to keep the granted scopes (%1), or "
                              "name some of them")
                               .arg(found->scopes.join(u' ')));
        for (const QString &s : std::as_const(requested)) {
            const bool covered = granted.isEmpty()
                                     ? (s == u"offline_access"_s ||
                                        (TokenService::checkScope(s).ok() &&
                                         m_context.servers.contains(s.left(s.lastIndexOf(u':')))))
                                     : found->scopes.contains(s);
            if (!covered)
                return failure(400, u"invalid_scope"_s,
                               tr("the scope %1 was not granted to this refresh token; ask for "
                                  "the granted scopes or fewer (%2)")
                                   .arg(s.left(80), found->scopes.join(u' ')));
        }
        if (!granted.isEmpty() && serverScopes(requested).isEmpty())
            return failure(400, u"invalid_scope"_s,
                           tr("the scopes must keep at least one of the granted server scopes "
                              "(%1); without one the token would not be narrowed")
                               .arg(granted.join(u' ')));
        scopes = requested;
    }
    const QString resource = form.value(u"resource"_s);
    if (!resource.isEmpty() &&
        m_context.canonicalResource(resource) != found->audience.value_or(m_context.issuer))
        return failure(400, u"invalid_target"_s,
                       tr("the resource %1 was not part of this grant; ask for %2")
                           .arg(resource.left(200), found->audience.value_or(m_context.issuer)));
    auto consumed = tokens.consume(hash);
    if (!consumed)
        return failure(503, u"temporarily_unavailable"_s, consumed.error().message());
    if (consumed->revoked) {
        // OAuth 2.1 section 4.3.1 / RFC 9700 section 4.14.2: a rotated refresh token used again
        // means it leaked, so the whole grant goes.
        const auto revoked = consumed->grantId ? tokens.revokeGrant(*consumed->grantId) : 0;
        qCWarning(lcOAuth).noquote()
            << "refresh token reused by client" << client.row.clientId << "- revoked"
            << (revoked ? *revoked : 0) << "tokens of its grant";
        return failure(400, invalidGrant,
                       tr("the refresh token was already used, so every token of this sign-in "
                          "was revoked; sign in again"));
    }
    if (consumed->expiresAt <= now)
        return failure(400, invalidGrant, tr("the refresh token expired; sign in again"));
    GrantTarget target;
    target.audience = consumed->audience;
    target.scopes = scopes;
    return issue(client, consumed->user.value_or(QString()), target,
                 consumed->grantId.value_or(QString()), true, now);
}

AuthAnswer TokenEndpoint::clientCredentials(const ClientRegistry::Client &client,
                                            const FormData &form, const QDateTime &now) const
{
    if (!client.allows(u"client_credentials"_s) || !client.confidential() || !client.row.user)
        return failure(400, u"unauthorized_client"_s,
                       tr("client %1 may not use client_credentials: only clients the gateway's "
                          "owner issued to a user can (gatehouse client issue --user NAME)")
                           .arg(client.row.clientId));
    auto target = m_context.resolve(form.value(u"resource"_s), form.value(u"scope"_s));
    if (!target)
        return failure(400,
                       target.error().code() == ErrorCode::InvalidArgument ? u"invalid_target"_s
                                                                           : u"invalid_scope"_s,
                       target.error().message());
    return issue(client, *client.row.user, *target, RandomToken::generate(u"gh_gr_"_s).left(32),
                 false, now);
}

AuthAnswer TokenEndpoint::issue(const ClientRegistry::Client &client, const QString &user,
                                const GrantTarget &target, const QString &grantId, bool withRefresh,
                                const QDateTime &now) const
{
    auto account = store::UserRepository(m_context.database).get(user);
    if (!account)
        return failure(400, invalidGrant, tr("the user of this grant no longer exists"));
    if (account->disabled)
        return failure(
            400, invalidGrant,
            tr("user %1 is disabled; ask the gateway's owner to enable the account").arg(user));
    store::TokenRepository tokens(m_context.database);
    const QString access = RandomToken::generate(TokenService::tokenPrefix());
    store::Token row;
    row.tokenHash = RandomToken::hash(access);
    row.kind = u"access"_s;
    row.clientId = client.row.clientId;
    row.user = user;
    row.audience = target.audience;
    row.scopes = target.scopes;
    row.grantId = grantId.isEmpty() ? std::optional<QString>() : grantId;
    row.createdAt = now;
    row.expiresAt = now.addSecs(m_context.options.accessTokenTtl.count());
    if (Status saved = tokens.insert(row); !saved)
        return failure(503, u"temporarily_unavailable"_s, saved.error().message());
    json body = {{"access_token", access.toStdString()},
                 {"token_type", "Bearer"},
                 {"expires_in", m_context.options.accessTokenTtl.count()}};
    if (!target.scopes.isEmpty())
        body["scope"] = target.scopes.join(u' ').toStdString();
    if (withRefresh) {
        const QString refreshToken = RandomToken::generate(refreshPrefix());
        store::Token r = row;
        r.tokenHash = RandomToken::hash(refreshToken);
        r.kind = u"refresh"_s;
        r.expiresAt = now.addSecs(m_context.options.refreshTokenTtl.count());
        if (Status saved = tokens.insert(r); !saved)
            return failure(503, u"temporarily_unavailable"_s, saved.error().message());
        body["refresh_token"] = refreshToken.toStdString();
    }
    qCInfo(lcOAuth).noquote() << "issued an access token" << row.tokenHash.left(12) << "to client"
                              << client.row.clientId << "for user" << user;
    return {OAuthResponse::json(200, body)};
}

AuthAnswer TokenEndpoint::revoke(const http::Request &request, const QDateTime &now) const
{
    Authenticated auth = authenticate(request, now);
    if (!auth.client)
        return auth.answer;
    const QString token = auth.form->value(u"token"_s);
    if (token.isEmpty())
        return failure(400, invalidRequest, tr("token is missing"));
    store::TokenRepository tokens(m_context.database);
    auto found = tokens.get(RandomToken::hash(token));
    // RFC 7009 section 2.2: unknown tokens and other clients' tokens get the same 200.
    if (found && found->clientId == auth.client->row.clientId &&
        (found->kind == u"access"_s || found->kind == u"refresh"_s)) {
        if (found->kind == u"refresh"_s && found->grantId)
            (void)tokens.revokeGrant(*found->grantId); // section 2.1: its access tokens too
        else
            (void)tokens.revoke(found->tokenHash);
        qCInfo(lcOAuth).noquote() << "client" << auth.client->row.clientId << "revoked a"
                                  << found->kind << "token";
    }
    http::Response response(200);
    response.setHeader("cache-control", QByteArrayLiteral("no-store"));
    return {response};
}

AuthAnswer TokenEndpoint::introspect(const http::Request &request, const QDateTime &now) const
{
    Authenticated auth = authenticate(request, now);
    if (!auth.client)
        return auth.answer;
    if (!auth.client->confidential())
        return failure(401, invalidClient,
                       tr("introspection needs a confidential client (issued by the gateway's "
                          "owner)"));
    const QString token = auth.form->value(u"token"_s);
    if (token.isEmpty())
        return failure(400, invalidRequest, tr("token is missing"));
    auto found = store::TokenRepository(m_context.database).access(RandomToken::hash(token));
    json body = {{"active", false}};
    if (found && !found->token.revoked && found->token.expiresAt > now && found->userExists &&
        !found->userDisabled &&
        (found->token.kind == u"access"_s || found->token.kind == u"refresh"_s)) {
        const store::Token &t = found->token;
        body = {{"active", true},
                {"client_id", t.clientId.toStdString()},
                {"username", t.user.value_or(QString()).toStdString()},
                {"sub", t.user.value_or(QString()).toStdString()},
                {"token_type", t.kind == u"access"_s ? "Bearer" : "refresh_token"},
                {"exp", t.expiresAt.toSecsSinceEpoch()},
                {"iat", t.createdAt.toSecsSinceEpoch()},
                {"iss", m_context.issuer.toStdString()}};
        if (!t.scopes.isEmpty())
            body["scope"] = t.scopes.join(u' ').toStdString();
        if (t.audience)
            body["aud"] = t.audience->toStdString();
    }
    return {OAuthResponse::json(200, body)};
}

} // namespace gatehouse::oauth
