#pragma once

#include "Result.h"
#include "oauth/TokenService.h"
#include "store/Origin.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace gatehouse::store {
class Database;
}

namespace gatehouse::oauth {

// A user as the Users & clients page shows them: no password hash, only whether there is one.
struct DirectoryUser
{
    QString name;
    QStringList roles;
    std::optional<QString> plan;
    // The user's own limits, each replacing the plan's (absent: the plan's).
    std::optional<qint64> callsPerMonth;
    std::optional<qint64> ratePerMinute;
    std::optional<double> spendPerMonth;
    bool disabled = false;
    bool hasPassword = false;
    QDateTime createdAt;
    store::Origin origin = store::Origin::Local;
};

// An OAuth client, issued by the owner or registered by an MCP client. Never its secret.
struct DirectoryClient
{
    QString clientId;
    QString kind; // issued | registered | document
    std::optional<QString> user;
    QString name;
    QDateTime createdAt;
    bool revoked = false;
    bool confidential = false; // has a secret (only its hash is stored)
    // The later of its last token and its last tool call among the newest calls in the audit
    // log; invalid when neither is known.
    QDateTime lastUsed;
    int activeTokens = 0;
};

// An access token without secret material, with what it has spent against its cap.
struct DirectoryToken
{
    TokenService::Listed token;
    double spent = 0.0;
};

// The Users & clients page's model: users with their roles, plan and state, their OAuth clients
// and access tokens, and the roles, plans and servers to choose from. Loaded whole from the store
// on any thread; the edits below are the page's and the command line's, each one short write.
// Password hashing (scrypt, tens of milliseconds) happens in the caller's thread: call them on a
// worker thread, never on the GUI thread.
class UserDirectory
{
    Q_DECLARE_TR_FUNCTIONS(UserDirectory)

public:
    struct NewUser
    {
        QString name;
        QString password;
        QStringList roles;
        std::optional<QString> plan;
    };

    // A user's own limits; each absent one is the plan's.
    struct OwnLimits
    {
        std::optional<qint64> callsPerMonth;
        std::optional<qint64> ratePerMinute;
        std::optional<double> spendPerMonth;
    };

    struct ClientRequest
    {
        QString user;
        QString name; // shown in the client list and on the consent page; may be empty
        QStringList redirectUris;
    };

    struct IssuedClient
    {
        QString clientId;
        QString secret; // the only time it exists outside the client: only its hash is stored
        QString user;
    };

    struct RevokedClient
    {
        QString clientId;
        QString user;            // empty for a client that belongs to nobody
        bool wasRevoked = false; // it already was: nothing changed
        int activeTokens = 0;    // tokens that were still good and are now refused
    };

    // As long a name as the consent page shows of a registered client.
    static constexpr qsizetype maxClientNameChars = 200;
    static constexpr qsizetype maxUserNameChars = 100;

    static Result<UserDirectory> load(store::Database &database, const QDateTime &now);

    // What is wrong with a new user's name or password: a sentence, or empty.
    static QString problemWithName(const QString &name);
    static QString problemWithPassword(const QString &password);

    // Creates a user with a scrypt hash of the password (roles and plan must exist).
    static Status addUser(store::Database &database, const NewUser &user);
    static Status setPassword(store::Database &database, const QString &user,
                              const QString &password);
    static Status setRolesAndPlan(store::Database &database, const QString &user,
                                  const QStringList &roles, const std::optional<QString> &plan);
    // Limits the gateway enforces for this user instead of their plan's (after a reload).
    static Status setOwnLimits(store::Database &database, const QString &user,
                               const OwnLimits &limits);
    // Roles, plan and own limits in one transaction.
    static Status setAccess(store::Database &database, const QString &user,
                            const QStringList &roles, const std::optional<QString> &plan,
                            const OwnLimits &limits);
    // A disabled user's tokens are refused at the gateway from the next request on (the resource
    // server reads the user's state with every token); enabling the user makes them good again.
    static Status setDisabled(store::Database &database, const QString &user, bool disabled);

    // A confidential client for an enabled user: a fresh client_id and secret.
    static Result<IssuedClient> issueClient(store::Database &database, const ClientRequest &request,
                                            const QDateTime &now);
    // Revokes the client and every token issued to it, in one transaction.
    static Result<RevokedClient> revokeClient(store::Database &database, const QString &clientId,
                                              const QDateTime &now);
    // A capped access token (see TokenService::mint); publicUrl is the gateway's base URL.
    static Result<TokenService::Minted> mintToken(store::Database &database, const QUrl &publicUrl,
                                                  const TokenService::MintRequest &request,
                                                  const QDateTime &now);
    // id: as listed (or an unambiguous start of it). Returns the token as it was.
    static Result<TokenService::Listed> revokeToken(store::Database &database, const QString &id);

    const QList<DirectoryUser> &users() const { return m_users; }
    std::optional<DirectoryUser> user(const QString &name) const;
    // Every client, by user then creation time; the command line's own client is left out.
    const QList<DirectoryClient> &clients() const { return m_clients; }
    QList<DirectoryClient> clientsOf(const QString &user) const;
    // Access tokens, oldest first.
    const QList<DirectoryToken> &tokens() const { return m_tokens; }
    QList<DirectoryToken> tokensOf(const QString &user) const;
    const QStringList &roles() const { return m_roles; }
    const QStringList &plans() const { return m_plans; }
    const QStringList &servers() const { return m_servers; }

private:
    QList<DirectoryUser> m_users;
    QList<DirectoryClient> m_clients;
    QList<DirectoryToken> m_tokens;
    QStringList m_roles;
    QStringList m_plans;
    QStringList m_servers;
};

} // namespace gatehouse::oauth
