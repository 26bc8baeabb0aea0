#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QStringList>

#include <optional>

class QSqlDatabase;

namespace gatehouse::store {

class Database;

// An access token, refresh token or authorization code. Only its hash is stored.
struct Token
{
    QString tokenHash;
    QString kind = QStringLiteral("access"); // access | refresh | code | request
    QString clientId;
    std::optional<QString> user;
    std::optional<QString> audience; // the resource (RFC 8707)
    QStringList scopes;
    std::optional<QString> grantId; // every token of one authorization shares it
    QDateTime createdAt;            // set to now when invalid at insert
    QDateTime expiresAt;
    bool revoked = false;
    std::optional<double> spendCap; // a static token's cap; the policy enforces it
    // JSON the next step of a flow checks (a code's redirect_uri and PKCE challenge, a pending
    // sign-in's request); never secret material.
    std::optional<QString> details;

    bool operator==(const Token &) const = default;
};

// A token with the state of its user, read in one statement for the resource server's check.
struct TokenAccess
{
    Token token;
    bool userExists = false;
    bool userDisabled = false;
};

class TokenRepository
{
    Q_DECLARE_TR_FUNCTIONS(TokenRepository)

public:
    explicit TokenRepository(Database &database);

    // AlreadyExists if the hash is taken; the client (and user, if set) must exist.
    Status insert(const Token &token);
    Result<Token> get(const QString &tokenHash);
    // One indexed SELECT by hash, joined with the token's user: what each request on /mcp reads.
    Result<TokenAccess> access(const QString &tokenHash);
    // Tokens of one kind, oldest first; only one user's when user is set.
    Result<QList<Token>> list(const QString &kind, const std::optional<QString> &user = {});
    // Tokens of one kind whose hash starts with prefix (lowercase hex, at least 4 characters).
    Result<QList<Token>> findByHashPrefix(const QString &kind, const QString &prefix);
    // Returns the token as it was and marks it revoked, atomically: for single-use codes and
    // refresh-token rotation. A caller that gets revoked == true sees a replay.
    Result<Token> consume(const QString &tokenHash);
    Status revoke(const QString &tokenHash);
    // These return how many tokens they changed.
    Result<int> revokeGrant(const QString &grantId);
    Result<int> revokeForUser(const QString &user);
    Result<int> removeExpired(const QDateTime &now);
    Result<QList<Token>> listForClient(const QString &clientId);

private:
    using Bindings = QList<std::pair<QString, QVariant>>;
    Result<QList<Token>> select(QSqlDatabase &db, const QString &where, const QVariant &value);
    Result<QList<Token>> select(QSqlDatabase &db, const QString &where, const Bindings &bindings);
    Result<int> update(const QString &sql, const QVariant &value, const QString &action);

    Database &m_database;
};

} // namespace gatehouse::store
