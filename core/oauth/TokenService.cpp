#include "TokenService.h"

#include "Logging.h"
#include "RandomToken.h"
#include "VerifiedTokenCache.h"
#include "store/ClientRepository.h"
#include "store/Database.h"
#include "store/ServerRepository.h"
#include "store/TokenRepository.h"
#include "store/UserRepository.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace gatehouse::oauth {

namespace {

const QStringList actions = {u"read"_s, u"create"_s, u"update"_s, u"delete"_s};
const QString offlineAccess = u"offline_access"_s;
const QString accessKind = u"access"_s;

QStringList everyAction(const QString &server)
{
    QStringList scopes;
    for (const QString &action : actions)
        scopes << server + u':' + action;
    return scopes;
}

// RFC 6749 section 3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ); ':' separates the action.
bool isScopeServerName(QStringView name)
{
    if (name.isEmpty() || name.size() > 200)
        return false;
    for (QChar c : name) {
        const char16_t u = c.unicode();
        if (u < 0x21 || u > 0x7e || u == u'"' || u == u'\\' || u == u':')
            return false;
    }
    return true;
}

QString serverOfScope(const QString &scope)
{
    const qsizetype colon = scope.lastIndexOf(u':');
    return colon > 0 ? scope.left(colon) : QString();
}

QString isoMinutes(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyy-MM-ddTHH:mm'Z'"_s);
}

} // namespace

TokenService::TokenService(store::Database &database, QUrl publicUrl,
                           std::shared_ptr<VerifiedTokenCache> cache)
    : m_database(database)
    , m_publicUrl(std::move(publicUrl))
    , m_resourcePrefix(baseUrl(m_publicUrl) + u"/mcp/"_s)
    , m_cache(std::move(cache))
{}

QString TokenService::baseUrl(const QUrl &publicUrl)
{
    QString base = publicUrl.toString(QUrl::StripTrailingSlash);
    while (base.endsWith(u'/'))
        base.chop(1);
    return base;
}

QString TokenService::resourceUrl(const QUrl &publicUrl, const QString &server)
{
    return baseUrl(publicUrl) + u"/mcp/"_s + server;
}

QString TokenService::hashToken(QStringView token)
{
    return RandomToken::hash(token);
}

Result<std::chrono::seconds> TokenService::parseTtl(const QString &text)
{
    const auto bad = [&] {
        return Error(ErrorCode::InvalidArgument,
                     tr("'%1' is not a lifetime: write a whole number and a unit, such as 30m, "
                        "1h, 12h or 7d (s, m, h, d), up to 365d")
                         .arg(text.left(40)));
    };
    if (text.size() < 2 || text.size() > 12)
        return bad();
    const QChar unit = text.back();
    qint64 factor = 0;
    if (unit == u's')
        factor = 1;
    else if (unit == u'm')
        factor = 60;
    else if (unit == u'h')
        factor = 3600;
    else if (unit == u'd')
        factor = 86400;
    else
        return bad();
    const QStringView digits = QStringView(text).chopped(1);
    for (QChar c : digits) {
        if (!c.isDigit() || c.unicode() > 0x7f)
            return bad();
    }
    bool ok = false;
    const qint64 count = digits.toLongLong(&ok);
    if (!ok || count <= 0)
        return bad();
    if (count > maxTtl.count() / factor)
        return Error(ErrorCode::InvalidArgument,
                     tr("a token lifetime of %1 is too long: the longest is 365d").arg(text));
    return std::chrono::seconds(count * factor);
}

Status TokenService::checkScope(const QString &scope)
{
    if (scope == offlineAccess)
        return {};
    const qsizetype colon = scope.lastIndexOf(u':');
    if (colon > 0 && isScopeServerName(QStringView(scope).left(colon)) &&
        actions.contains(scope.mid(colon + 1)))
        return {};
    return Error(ErrorCode::InvalidArgument,
                 tr("'%1' is not a scope: write SERVER:ACTION with ACTION one of read, create, "
                    "update, delete (e.g. billing:read), or offline_access")
                     .arg(scope.left(80)));
}

Result<QStringList> TokenService::mintScopes(const MintRequest &request) const
{
    if (request.scopes.isEmpty())
        return request.server.isEmpty() ? QStringList() : everyAction(request.server);
    QStringList scopes;
    bool namesAServer = false;
    for (const QString &scope : request.scopes) {
        if (Status s = checkScope(scope); !s)
            return s.error();
        if (scopes.contains(scope))
            continue;
        scopes << scope;
        if (scope == offlineAccess)
            continue;
        namesAServer = true;
        const QString server = serverOfScope(scope);
        if (!request.server.isEmpty() && server != request.server)
            return Error(ErrorCode::InvalidArgument,
                         tr("the scope %1 is for server '%2', but the token is for server '%3': "
                            "use %3:ACTION scopes or leave out --server")
                             .arg(scope, server, request.server));
        if (request.server.isEmpty()) {
            auto known = store::ServerRepository(m_database).get(server);
            if (!known)
                return known.error().code() == ErrorCode::NotFound
                           ? Error(ErrorCode::NotFound,
                                   tr("the scope %1 names server '%2', which is not configured")
                                       .arg(scope, server))
                           : known.error();
        }
    }
    if (!request.server.isEmpty() && !namesAServer)
        return Error(ErrorCode::InvalidArgument,
                     tr("a token for server '%1' needs at least one %1:ACTION scope, e.g. %1:read")
                         .arg(request.server));
    return scopes;
}

Result<TokenService::Minted> TokenService::mint(const MintRequest &request,
                                                const QDateTime &now) const
{
    auto user = store::UserRepository(m_database).get(request.user);
    if (!user)
        return user.error().code() == ErrorCode::NotFound
                   ? Error(ErrorCode::NotFound,
                           tr("no user named '%1': add one with gatehouse user add %1")
                               .arg(request.user))
                   : user.error();
    if (user->disabled)
        return Error(
            ErrorCode::Conflict,
            tr("user '%1' is disabled: enable the user before minting a token").arg(request.user));
    if (!request.server.isEmpty()) {
        auto server = store::ServerRepository(m_database).get(request.server);
        if (!server) {
            if (server.error().code() != ErrorCode::NotFound)
                return server.error();
            QStringList names;
            if (auto all = store::ServerRepository(m_database).list())
                for (const store::Server &s : *all)
                    names << s.name;
            return Error(ErrorCode::NotFound,
                         names.isEmpty()
                             ? tr("no server named '%1' is configured, and there are no servers "
                                  "yet: import a configuration first (gatehouse import FILE)")
                                   .arg(request.server)
                             : tr("no server named '%1' is configured; the servers are: %2")
                                   .arg(request.server, names.join(u", "_s)));
        }
    }
    if (request.ttl.count() <= 0 || request.ttl > maxTtl)
        return Error(ErrorCode::InvalidArgument,
                     tr("a token lives between one second and 365 days"));
    if (request.spendCap && (!std::isfinite(*request.spendCap) || *request.spendCap < 0))
        return Error(ErrorCode::InvalidArgument,
                     tr("the spend cap must be a number of zero or more"));
    auto scopes = mintScopes(request);
    if (!scopes)
        return scopes.error();

    store::ClientRepository clients(m_database);
    if (auto client = clients.get(commandLineClientId()); !client) {
        if (client.error().code() != ErrorCode::NotFound)
            return client.error();
        store::Client cli;
        cli.clientId = commandLineClientId();
        cli.name = tr("Gatehouse command line");
        cli.kind = u"issued"_s;
        cli.origin = store::Origin::Local;
        if (Status created = clients.create(cli);
            !created && created.error().code() != ErrorCode::AlreadyExists)
            return created.error();
    }

    Minted minted;
    minted.token = RandomToken::generate(tokenPrefix());
    minted.expiresAt = now.toUTC().addSecs(request.ttl.count());
    minted.scopes = *scopes;
    if (!request.server.isEmpty())
        minted.audience = resourceUrl(m_publicUrl, request.server);
    store::Token row;
    row.tokenHash = hashToken(minted.token);
    row.kind = accessKind;
    row.clientId = commandLineClientId();
    row.user = request.user;
    row.audience = minted.audience;
    row.scopes = minted.scopes;
    row.createdAt = now.toUTC();
    row.expiresAt = minted.expiresAt;
    row.spendCap = request.spendCap;
    if (Status saved = store::TokenRepository(m_database).insert(row); !saved)
        return saved.error();
    minted.id = row.tokenHash.left(idLength);
    qCInfo(lcOAuth).noquote() << "minted token" << minted.id << "for user" << request.user << "on"
                              << (request.server.isEmpty() ? u"every server"_s : request.server);
    return minted;
}

TokenService::Rejection TokenService::reject(Failure failure, const QString &description) const
{
    Rejection r;
    r.failure = failure;
    r.description = description;
    return r;
}

TokenService::Verification TokenService::verify(QStringView token, const QString &server,
                                                const QDateTime &now) const
{
    Verification v;
    const auto unknown = [this] {
        return reject(Failure::UnknownToken,
                      tr("the token is not one this gateway issued, or it was removed: sign in "
                         "again from your MCP client, or get a new token from the gateway's "
                         "owner (gatehouse token mint --user NAME --server SERVER)"));
    };
    if (token.isEmpty() || token.size() > maxTokenLength) {
        v.rejection = unknown();
        return v;
    }
    const QString hash = hashToken(token);
    // Read before the store, so a revocation committed while the store answers is not cached as
    // the old state under the new generation.
    const quint64 generation = m_database.authGeneration();
    std::shared_ptr<const store::TokenAccess> found =
        m_cache ? m_cache->find(hash, generation) : nullptr;
    if (!found) {
        Result<store::TokenAccess> read = store::TokenRepository(m_database).access(hash);
        if (!read) {
            if (read.error().code() == ErrorCode::NotFound) {
                v.rejection = unknown();
            } else {
                qCWarning(lcOAuth).noquote()
                    << "cannot check a bearer token:" << read.error().message();
                v.rejection =
                    reject(Failure::StoreUnavailable,
                           tr("the gateway cannot check tokens right now; try again later"));
            }
            return v;
        }
        found = std::make_shared<const store::TokenAccess>(std::move(read).value());
        if (m_cache && found->token.kind == accessKind)
            m_cache->insert(hash, found, generation);
    }
    const store::Token &t = found->token;
    // Refresh tokens and codes are never bearer credentials.
    if (!RandomToken::equal(t.tokenHash, hash) || t.kind != accessKind) {
        v.rejection = unknown();
        return v;
    }
    if (t.revoked) {
        // Minted tokens come from the owner; the others from a sign-in the client can repeat.
        v.rejection = reject(Failure::Revoked,
                             t.clientId == commandLineClientId()
                                 ? tr("the token was revoked: get a new one from the gateway's "
                                      "owner (gatehouse token mint)")
                                 : tr("the token was revoked: sign in again from your MCP client"));
        return v;
    }
    if (t.expiresAt <= now) {
        v.rejection = reject(
            Failure::Expired,
            (t.clientId == commandLineClientId()
                 ? tr("the token expired at %1: mint a new one with gatehouse token mint")
                 : tr("the access token expired at %1: refresh it, or sign in again from your "
                      "MCP client"))
                .arg(isoMinutes(t.expiresAt)));
        return v;
    }
    if (!t.user || !found->userExists) {
        v.rejection = reject(Failure::UserDisabled,
                             tr("the token's user no longer exists: the gateway's owner can add "
                                "the user again and mint a new token"));
        return v;
    }
    if (found->userDisabled) {
        v.rejection = reject(
            Failure::UserDisabled,
            tr("user '%1' is disabled: ask the gateway's owner to enable the user").arg(*t.user));
        return v;
    }
    // RFC 8707: a token bound to one server's resource is good only there.
    const QString resource = m_resourcePrefix + server; // resourceUrl(), without the URL work
    if (t.audience && *t.audience != resource) {
        // The same server under another public URL: minted without this gateway's --public-url.
        const QString base = baseUrl(m_publicUrl);
        const bool otherUrl = t.audience->endsWith(QStringLiteral("/mcp/") + server);
        v.rejection = reject(
            Failure::WrongAudience,
            otherUrl ? tr("the token is for %1, not for %2: this gateway is reached at %3, so "
                          "mint the token with --public-url %3 (gatehouse token mint --user %4 "
                          "--server %5 --public-url %3)")
                           .arg(*t.audience, resource, base, *t.user, server)
                     : tr("the token is for %1, not for %2: use a token minted for this "
                          "server (gatehouse token mint --user %3 --server %4)")
                           .arg(*t.audience, resource, *t.user, server));
        return v;
    }
    QStringList narrowing = t.scopes;
    narrowing.removeAll(offlineAccess);
    QStringList here;
    for (const QString &scope : std::as_const(narrowing)) {
        // serverOfScope(scope) == server, without a copy per scope and request
        if (scope.lastIndexOf(u':') == server.size() &&
            QStringView(scope).first(server.size()) == server)
            here << scope;
    }
    if (!narrowing.isEmpty() && here.isEmpty()) {
        v.rejection = reject(Failure::MissingScope,
                             tr("the token's scopes (%1) grant nothing on server '%2': use a "
                                "token with %2:read (or %2:create, %2:update, %2:delete)")
                                 .arg(t.scopes.join(u' '), server));
        v.rejection.neededScope = server + u":read"_s;
        v.rejection.grantedScopes = t.scopes;
        return v;
    }
    Caller caller;
    caller.user = *t.user;
    caller.clientId = t.clientId;
    caller.scopes = narrowing.isEmpty() ? everyAction(server) : here;
    // A token minted for a server holds all four of its actions: no scope can be missing there
    // either, so the per-call scope checks are skipped for it too.
    int covered = 0;
    for (const QString &scope : std::as_const(here)) {
        const QStringView action = QStringView(scope).sliced(server.size() + 1);
        for (qsizetype i = 0; i < actions.size(); ++i) {
            if (action == actions.at(i))
                covered |= 1 << i;
        }
    }
    caller.everyAction = narrowing.isEmpty() || covered == (1 << actions.size()) - 1;
    caller.spendCap = t.spendCap;
    caller.expiresAt = t.expiresAt;
    caller.tokenId = t.tokenHash.left(idLength);
    caller.tokenHash = t.tokenHash;
    v.caller = std::move(caller);
    return v;
}

namespace {
TokenService::Listed toListed(const store::Token &t)
{
    TokenService::Listed l;
    l.id = t.tokenHash.left(TokenService::idLength);
    l.user = t.user.value_or(QString());
    l.clientId = t.clientId;
    l.audience = t.audience;
    if (t.audience) {
        const qsizetype at = t.audience->lastIndexOf(u"/mcp/"_s);
        if (at >= 0)
            l.server = t.audience->mid(at + 5);
    }
    l.scopes = t.scopes;
    l.createdAt = t.createdAt;
    l.expiresAt = t.expiresAt;
    l.revoked = t.revoked;
    l.spendCap = t.spendCap;
    return l;
}
} // namespace

Result<QList<TokenService::Listed>> TokenService::list(const std::optional<QString> &user) const
{
    auto tokens = store::TokenRepository(m_database).list(accessKind, user);
    if (!tokens)
        return tokens.error();
    QList<Listed> listed;
    listed.reserve(tokens->size());
    for (const store::Token &t : std::as_const(*tokens))
        listed << toListed(t);
    return listed;
}

Result<TokenService::Listed> TokenService::revoke(const QString &idPrefix) const
{
    const QString prefix = idPrefix.trimmed().toLower();
    store::TokenRepository tokens(m_database);
    auto matches = tokens.findByHashPrefix(accessKind, prefix);
    if (!matches)
        return matches.error();
    if (matches->isEmpty())
        return Error(ErrorCode::NotFound,
                     tr("no token has the id %1: gatehouse token list shows the ids").arg(prefix));
    if (matches->size() > 1) {
        QStringList ids;
        for (const store::Token &t : std::as_const(*matches))
            ids << t.tokenHash.left(idLength);
        return Error(ErrorCode::InvalidArgument,
                     tr("the id %1 matches several tokens (%2): give more of it")
                         .arg(prefix, ids.join(u", "_s)));
    }
    const store::Token &token = matches->first();
    if (!token.revoked) {
        if (Status s = tokens.revoke(token.tokenHash); !s)
            return s.error();
        qCInfo(lcOAuth).noquote() << "revoked token" << token.tokenHash.left(idLength);
    }
    return toListed(token);
}

} // namespace gatehouse::oauth
