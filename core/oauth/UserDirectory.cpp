#include "UserDirectory.h"

#include "Logging.h"
#include "oauth/ClientRegistry.h"
#include "oauth/PasswordHash.h"
#include "oauth/RandomToken.h"
#include "oauth/RedirectUri.h"
#include "store/AuditRepository.h"
#include "store/ClientRepository.h"
#include "store/Database.h"
#include "store/PlanRepository.h"
#include "store/RoleRepository.h"
#include "store/ServerRepository.h"
#include "store/SpendRepository.h"
#include "store/TokenRepository.h"
#include "store/UserRepository.h"

#include <QHash>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace gatehouse::oauth {

namespace {

const QString accessKind = u"access"_s;
constexpr int recentCallsRead = 1000;

Error noSuchUser(const QString &name)
{
    return Error(ErrorCode::NotFound,
                 UserDirectory::tr("There is no user named '%1': add the user first.").arg(name));
}

} // namespace

Result<UserDirectory> UserDirectory::load(store::Database &database, const QDateTime &now)
{
    UserDirectory directory;
    auto users = store::UserRepository(database).list();
    if (!users)
        return users.error();
    for (const store::User &u : std::as_const(*users)) {
        DirectoryUser d;
        d.name = u.name;
        d.roles = u.roles;
        d.plan = u.plan;
        d.callsPerMonth = u.callsPerMonth;
        d.ratePerMinute = u.ratePerMinute;
        d.spendPerMonth = u.spendPerMonth;
        d.disabled = u.disabled;
        d.hasPassword = u.passwordHash.has_value() && !u.passwordHash->isEmpty();
        d.createdAt = u.createdAt;
        d.origin = u.origin;
        directory.m_users.append(d);
    }
    auto roles = store::RoleRepository(database).list();
    if (!roles)
        return roles.error();
    for (const store::Role &r : std::as_const(*roles))
        directory.m_roles.append(r.name);
    auto plans = store::PlanRepository(database).list();
    if (!plans)
        return plans.error();
    for (const store::Plan &p : std::as_const(*plans))
        directory.m_plans.append(p.name);
    auto servers = store::ServerRepository(database).list();
    if (!servers)
        return servers.error();
    for (const store::Server &s : std::as_const(*servers))
        directory.m_servers.append(s.name);
    directory.m_roles.sort();
    directory.m_plans.sort();
    directory.m_servers.sort();

    store::TokenRepository tokenRepository(database);
    auto tokens = tokenRepository.list(accessKind);
    if (!tokens)
        return tokens.error();
    QHash<QString, int> activeByClient;
    QHash<QString, QDateTime> lastTokenByClient;
    store::SpendRepository spend(database);
    for (const store::Token &t : std::as_const(*tokens)) {
        if (!t.revoked && t.expiresAt > now)
            ++activeByClient[t.clientId];
        QDateTime &last = lastTokenByClient[t.clientId];
        if (!last.isValid() || t.createdAt > last)
            last = t.createdAt;
        if (t.clientId != TokenService::commandLineClientId())
            continue; // sign-in tokens come and go with their client; the page lists minted ones
        DirectoryToken d;
        d.token.id = t.tokenHash.left(TokenService::idLength);
        d.token.user = t.user.value_or(QString());
        d.token.clientId = t.clientId;
        d.token.audience = t.audience;
        if (t.audience) {
            const qsizetype at = t.audience->lastIndexOf(u"/mcp/"_s);
            if (at >= 0)
                d.token.server = t.audience->mid(at + 5);
        }
        d.token.scopes = t.scopes;
        d.token.createdAt = t.createdAt;
        d.token.expiresAt = t.expiresAt;
        d.token.revoked = t.revoked;
        d.token.spendCap = t.spendCap;
        auto spent = spend.spentByToken(t.tokenHash);
        if (!spent)
            return spent.error();
        d.spent = *spent;
        directory.m_tokens.append(d);
    }

    auto clients = store::ClientRepository(database).list();
    if (!clients)
        return clients.error();
    // The newest calls only, in one bounded read: the audit log has no index by client, and a
    // client's last token (refreshed at least hourly while in use) already bounds its last use.
    store::AuditFilter recent;
    recent.limit = recentCallsRead;
    auto calls = store::AuditRepository(database).query(recent);
    if (!calls)
        return calls.error();
    QHash<QString, QDateTime> lastCallByClient;
    for (const store::AuditRow &row : std::as_const(*calls)) {
        if (!row.client)
            continue;
        QDateTime &last = lastCallByClient[*row.client];
        if (!last.isValid() || row.time > last)
            last = row.time;
    }
    for (const store::Client &c : std::as_const(*clients)) {
        if (c.clientId == TokenService::commandLineClientId())
            continue; // its tokens are listed one by one
        DirectoryClient d;
        d.clientId = c.clientId;
        d.kind = c.kind;
        d.user = c.user;
        d.name = c.name.value_or(QString());
        d.createdAt = c.createdAt;
        d.revoked = c.revoked;
        d.confidential = c.clientSecretHash.has_value();
        d.activeTokens = d.revoked ? 0 : activeByClient.value(c.clientId);
        d.lastUsed = lastTokenByClient.value(c.clientId);
        const QDateTime called = lastCallByClient.value(c.clientId);
        if (called.isValid() && (!d.lastUsed.isValid() || called > d.lastUsed))
            d.lastUsed = called;
        directory.m_clients.append(d);
    }
    std::stable_sort(directory.m_clients.begin(), directory.m_clients.end(),
                     [](const DirectoryClient &a, const DirectoryClient &b) {
                         const QString ua = a.user.value_or(QString());
                         const QString ub = b.user.value_or(QString());
                         return ua != ub ? ua < ub : a.createdAt < b.createdAt;
                     });
    return directory;
}

QString UserDirectory::problemWithName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return tr("A user needs a name, e.g. bob or bob@example.com.");
    if (name != name.trimmed())
        return tr("The name '%1' starts or ends with a space; remove it.").arg(name);
    if (name.size() > maxUserNameChars)
        return tr("A user's name has at most %1 characters.").arg(maxUserNameChars);
    for (QChar c : name) {
        if (!c.isPrint())
            return tr("A user's name cannot hold control characters.");
    }
    return {};
}

QString UserDirectory::problemWithPassword(const QString &password)
{
    if (password.isEmpty())
        return tr("Choose a password: the user signs in with it at the gateway's login page.");
    return {};
}

Status UserDirectory::addUser(store::Database &database, const NewUser &user)
{
    if (const QString problem = problemWithName(user.name); !problem.isEmpty())
        return Error(ErrorCode::InvalidArgument, problem);
    if (const QString problem = problemWithPassword(user.password); !problem.isEmpty())
        return Error(ErrorCode::InvalidArgument, problem);
    const auto hash = PasswordHash::hash(user.password);
    if (!hash)
        return hash.error();
    store::User record;
    record.name = user.name;
    record.passwordHash = *hash;
    record.roles = user.roles;
    record.plan = user.plan;
    record.createdAt = QDateTime::currentDateTimeUtc();
    record.origin = store::Origin::Local;
    return store::UserRepository(database).create(record);
}

Status UserDirectory::setPassword(store::Database &database, const QString &user,
                                  const QString &password)
{
    if (const QString problem = problemWithPassword(password); !problem.isEmpty())
        return Error(ErrorCode::InvalidArgument, problem);
    // Hashed before the transaction: it takes tens of milliseconds that no writer should wait.
    const auto hash = PasswordHash::hash(password);
    if (!hash)
        return hash.error();
    return database.write([&](QSqlDatabase &) -> Status {
        store::UserRepository users(database);
        auto record = users.get(user);
        if (!record)
            return record.error().code() == ErrorCode::NotFound ? noSuchUser(user) : record.error();
        record->passwordHash = *hash;
        return users.upsert(*record);
    });
}

Status UserDirectory::setRolesAndPlan(store::Database &database, const QString &user,
                                      const QStringList &roles, const std::optional<QString> &plan)
{
    return database.write([&](QSqlDatabase &) -> Status {
        store::UserRepository users(database);
        auto record = users.get(user);
        if (!record)
            return record.error().code() == ErrorCode::NotFound ? noSuchUser(user) : record.error();
        record->roles = roles;
        record->plan = plan;
        return users.upsert(*record);
    });
}

Status UserDirectory::setOwnLimits(store::Database &database, const QString &user,
                                   const OwnLimits &limits)
{
    if ((limits.callsPerMonth && *limits.callsPerMonth < 0) ||
        (limits.ratePerMinute && *limits.ratePerMinute < 0) ||
        (limits.spendPerMonth &&
         (*limits.spendPerMonth < 0 || !std::isfinite(*limits.spendPerMonth))))
        return Error(ErrorCode::InvalidArgument,
                     tr("%1's own limits cannot be negative: leave a limit to the plan, or enter 0 "
                        "to allow nothing.")
                         .arg(user));
    return database.write([&](QSqlDatabase &) -> Status {
        store::UserRepository users(database);
        auto record = users.get(user);
        if (!record)
            return record.error().code() == ErrorCode::NotFound ? noSuchUser(user) : record.error();
        record->callsPerMonth = limits.callsPerMonth;
        record->ratePerMinute = limits.ratePerMinute;
        record->spendPerMonth = limits.spendPerMonth;
        return users.upsert(*record);
    });
}

Status UserDirectory::setAccess(store::Database &database, const QString &user,
                                const QStringList &roles, const std::optional<QString> &plan,
                                const OwnLimits &limits)
{
    return database.write([&](QSqlDatabase &) -> Status {
        if (Status s = setRolesAndPlan(database, user, roles, plan); !s)
            return s;
        return setOwnLimits(database, user, limits);
    });
}

Status UserDirectory::setDisabled(store::Database &database, const QString &user, bool disabled)
{
    return database.write([&](QSqlDatabase &) -> Status {
        store::UserRepository users(database);
        auto record = users.get(user);
        if (!record)
            return record.error().code() == ErrorCode::NotFound ? noSuchUser(user) : record.error();
        record->disabled = disabled;
        return users.upsert(*record);
    });
}

Result<UserDirectory::IssuedClient> UserDirectory::issueClient(store::Database &database,
                                                               const ClientRequest &request,
                                                               const QDateTime &now)
{
    if (request.name.size() > maxClientNameChars)
        return Error(ErrorCode::InvalidArgument,
                     tr("A client's name has at most %1 characters.").arg(maxClientNameChars));
    QStringList redirectUris;
    for (const QString &uri : request.redirectUris) {
        if (Status s = RedirectUri::checkRegistrable(uri); !s)
            return s.error();
        if (!redirectUris.contains(uri))
            redirectUris << uri;
    }
    if (redirectUris.size() > ClientRegistry::maxRedirectUris)
        return Error(
            ErrorCode::InvalidArgument,
            tr("A client has at most %1 redirect URIs.").arg(ClientRegistry::maxRedirectUris));
    const auto user = store::UserRepository(database).get(request.user);
    if (!user)
        return user.error().code() == ErrorCode::NotFound
                   ? Error(ErrorCode::NotFound,
                           tr("no user named '%1': add one with gatehouse user add %1")
                               .arg(request.user))
                   : user.error();
    if (user->disabled)
        return Error(ErrorCode::Conflict,
                     tr("user '%1' is disabled: enable the user before issuing them a client")
                         .arg(request.user));

    IssuedClient issued;
    issued.secret = RandomToken::generate(ClientRegistry::clientSecretPrefix());
    issued.clientId = RandomToken::generate(ClientRegistry::clientIdPrefix());
    issued.user = request.user;
    store::Client client;
    client.clientId = issued.clientId;
    client.clientSecretHash = ClientRegistry::hashSecret(issued.secret);
    client.user = request.user;
    if (!request.name.isEmpty())
        client.name = request.name;
    client.redirectUris = redirectUris;
    client.kind = u"issued"_s;
    client.createdAt = now.toUTC();
    client.origin = store::Origin::Local;
    if (Status created = store::ClientRepository(database).create(client); !created)
        return created.error();
    qCInfo(lcOAuth).noquote() << "issued client" << issued.clientId << "to user" << request.user;
    return issued;
}

Result<UserDirectory::RevokedClient> UserDirectory::revokeClient(store::Database &database,
                                                                 const QString &clientId,
                                                                 const QDateTime &now)
{
    if (clientId == TokenService::commandLineClientId())
        return Error(
            ErrorCode::InvalidArgument,
            tr("%1 is the client of minted tokens: revoke those one by one").arg(clientId));
    RevokedClient revoked;
    revoked.clientId = clientId;
    Status s = database.write([&](QSqlDatabase &) -> Status {
        store::ClientRepository clients(database);
        const auto client = clients.get(clientId);
        if (!client)
            return client.error().code() == ErrorCode::NotFound
                       ? Error(ErrorCode::NotFound,
                               tr("no OAuth client has the client_id '%1': gatehouse client list "
                                  "shows them")
                                   .arg(clientId.left(200)))
                       : client.error();
        revoked.user = client->user.value_or(QString());
        revoked.wasRevoked = client->revoked;
        if (client->revoked)
            return {};
        const auto tokens = store::TokenRepository(database).listForClient(clientId);
        if (!tokens)
            return tokens.error();
        revoked.activeTokens =
            int(std::count_if(tokens->cbegin(), tokens->cend(), [&](const store::Token &t) {
                return !t.revoked && t.expiresAt > now;
            }));
        return clients.revoke(clientId);
    });
    if (!s)
        return s.error();
    if (!revoked.wasRevoked)
        qCInfo(lcOAuth).noquote() << "revoked client" << clientId;
    return revoked;
}

Result<TokenService::Minted> UserDirectory::mintToken(store::Database &database,
                                                      const QUrl &publicUrl,
                                                      const TokenService::MintRequest &request,
                                                      const QDateTime &now)
{
    return TokenService(database, publicUrl).mint(request, now);
}

Result<TokenService::Listed> UserDirectory::revokeToken(store::Database &database,
                                                        const QString &id)
{
    return TokenService(database, QUrl()).revoke(id);
}

std::optional<DirectoryUser> UserDirectory::user(const QString &name) const
{
    for (const DirectoryUser &u : m_users)
        if (u.name == name)
            return u;
    return std::nullopt;
}

QList<DirectoryClient> UserDirectory::clientsOf(const QString &user) const
{
    QList<DirectoryClient> result;
    for (const DirectoryClient &c : m_clients)
        if (c.user == user)
            result.append(c);
    return result;
}

QList<DirectoryToken> UserDirectory::tokensOf(const QString &user) const
{
    QList<DirectoryToken> result;
    for (const DirectoryToken &t : m_tokens)
        if (t.token.user == user)
            result.append(t);
    return result;
}

} // namespace gatehouse::oauth
