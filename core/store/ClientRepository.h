#pragma once

#include "Origin.h"
#include "Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QStringList>

#include <optional>

namespace gatehouse::store {

class Database;

// An OAuth client: issued by the owner to a user, or registered by an MCP client (DCR/CIMD).
struct Client
{
    QString clientId;
    std::optional<QString> clientSecretHash; // only the hash; absent for public clients
    std::optional<QString> user;             // the user it was issued to
    std::optional<QString> name;
    QStringList redirectUris;
    // issued (by the owner) | registered (RFC 7591) | document (a Client ID Metadata Document,
    // cached)
    QString kind = QStringLiteral("issued");
    QDateTime createdAt; // set to now when invalid at insert; kept by upsert
    bool revoked = false;
    Origin origin = Origin::Local; // registered clients are always Local
    // The client's metadata as JSON (grant_types, token_endpoint_auth_method, when a document was
    // fetched); null: an issued client's defaults.
    std::optional<QString> metadata;

    bool operator==(const Client &) const = default;
};

class ClientRepository
{
    Q_DECLARE_TR_FUNCTIONS(ClientRepository)

public:
    explicit ClientRepository(Database &database);

    Result<QList<Client>> list();
    Result<QList<Client>> listByOrigin(Origin origin);
    Result<QList<Client>> listForUser(const QString &user);
    Result<Client> get(const QString &clientId);
    Status create(const Client &client);
    Status upsert(const Client &client);
    // Marks the client revoked and revokes all its tokens, in one transaction.
    Status revoke(const QString &clientId);
    // Also removes the client's tokens.
    Status remove(const QString &clientId);

private:
    Status save(const Client &client, bool replace);
    Result<QList<Client>> select(const QString &where, const QVariant &value);

    Database &m_database;
};

} // namespace gatehouse::store
