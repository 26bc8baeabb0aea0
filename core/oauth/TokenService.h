#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <memory>
#include <optional>

namespace gatehouse::store {
class Database;
}

namespace gatehouse::oauth {

class VerifiedTokenCache;

// Static bearer tokens for MCP clients that only take a header (`gatehouse token mint`), and the
// resource server's check of every access token. Tokens are opaque: 256 random bits, base64url,
// behind a readable prefix. Only the SHA-256 of the whole token string is stored; the token itself
// is returned once by mint() and never stored, logged or shown again. Thread-safe: each call uses
// the calling thread's database connection.
class TokenService
{
    Q_DECLARE_TR_FUNCTIONS(TokenService)

public:
    // The OAuth client command-line tokens belong to (oauth_tokens.client_id needs one).
    static QString commandLineClientId() { return QStringLiteral("gatehouse-cli"); }
    static QString tokenPrefix() { return QStringLiteral("gh_at_"); }
    static constexpr std::chrono::seconds defaultTtl{3600};
    static constexpr std::chrono::seconds maxTtl{365 * 24 * 3600};
    static constexpr qsizetype maxTokenLength = 4096;
    static constexpr qsizetype idLength = 12; // hex characters of the hash that name a token

    struct MintRequest
    {
        QString user;
        QString server; // empty: every server the user may use (no audience)
        std::chrono::seconds ttl = defaultTtl;
        // Empty: {server}:read|create|update|delete for a server token, not narrowed for a
        // gateway-wide one.
        QStringList scopes;
        std::optional<double> spendCap;
    };

    struct Minted
    {
        QString token; // the only time it exists outside the client
        QString id;
        QDateTime expiresAt;
        std::optional<QString> audience;
        QStringList scopes;
    };

    // Who a good token speaks for, on the server it was presented to.
    struct Caller
    {
        QString user;
        QString clientId;
        // The token's scopes on this server; a token that is not narrowed gets every action.
        QStringList scopes;
        bool everyAction = false; // not narrowed: no scope on this server can be missing
        std::optional<double> spendCap;
        QDateTime expiresAt;
        QString tokenId;
        QString tokenHash;
    };

    enum class Failure
    {
        UnknownToken,
        Expired,
        Revoked,
        UserDisabled,
        WrongAudience,
        MissingScope,
        StoreUnavailable,
    };

    struct Rejection
    {
        Failure failure = Failure::UnknownToken;
        // What was wrong and what to do, for the client's error_description and the owner's log.
        QString description;
        QString neededScope;       // MissingScope
        QStringList grantedScopes; // MissingScope
    };

    struct Verification
    {
        std::optional<Caller> caller; // set when the token is good
        Rejection rejection;          // why not, otherwise

        bool ok() const { return caller.has_value(); }
    };

    // What `token list` shows: no secret material.
    struct Listed
    {
        QString id;
        QString user;
        QString clientId;
        std::optional<QString> audience;
        QString server; // empty for a gateway-wide token
        QStringList scopes;
        QDateTime createdAt;
        QDateTime expiresAt;
        bool revoked = false;
        std::optional<double> spendCap;
    };

    // publicUrl is the gateway's base URL; audiences are {publicUrl}/mcp/{server}.
    // cache: shared by the gateway's workers (and kept across configuration reloads); without
    // one every verify() reads the store.
    TokenService(store::Database &database, QUrl publicUrl,
                 std::shared_ptr<VerifiedTokenCache> cache = {});

    // The gateway's base URL without a trailing slash: the issuer (RFC 8414 section 2) and the
    // prefix of every resource URL.
    static QString baseUrl(const QUrl &publicUrl);
    // The server's canonical MCP URL, its resource indicator (RFC 8707).
    static QString resourceUrl(const QUrl &publicUrl, const QString &server);
    static QString hashToken(QStringView token);
    // "30m", "1h", "12h", "7d" (also "90s"); at most maxTtl.
    static Result<std::chrono::seconds> parseTtl(const QString &text);
    // {server}:{read|create|update|delete} or offline_access.
    static Status checkScope(const QString &scope);

    const QUrl &publicUrl() const { return m_publicUrl; }

    Result<Minted> mint(const MintRequest &request, const QDateTime &now) const;
    Verification verify(QStringView token, const QString &server, const QDateTime &now) const;
    Result<QList<Listed>> list(const std::optional<QString> &user = {}) const;
    // Revokes the access token whose id starts with idPrefix; returns it as it was.
    Result<Listed> revoke(const QString &idPrefix) const;

private:
    Result<QStringList> mintScopes(const MintRequest &request) const;
    Rejection reject(Failure failure, const QString &description) const;

    store::Database &m_database;
    QUrl m_publicUrl;
    QString m_resourcePrefix; // {public_url}/mcp/
    std::shared_ptr<VerifiedTokenCache> m_cache;
};

} // namespace gatehouse::oauth
