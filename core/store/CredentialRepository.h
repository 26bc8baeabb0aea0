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

// Where the secret is kept, as written in the config: {keychain: NAME} | {env: NAME} |
// {file: PATH} | {sealed: BASE64}. The secret material itself is never in this table.
struct SecretReference
{
    QString kind; // keychain | env | file | sealed
    QString value;

    bool operator==(const SecretReference &) const = default;
};

struct Credential
{
    QString name;
    QString type; // api_key | bearer | basic | oauth2_client_credentials | oauth2_refresh_token
    std::optional<QString> location; // the config's "in": header | query | cookie
    std::optional<QString> param;
    std::optional<QStringList> scopes;
    bool perUser = false;
    std::optional<SecretReference> secret;
    std::optional<QString> tokenUrl;     // oauth2_* only
    std::optional<QString> clientId;     // oauth2_* only
    std::optional<QString> resource;     // oauth2_* only (RFC 8707)
    std::optional<QDateTime> lastUsedAt; // written by markUsed(), kept by upsert()
    Origin origin = Origin::Local;

    bool operator==(const Credential &) const = default;
};

class CredentialRepository
{
    Q_DECLARE_TR_FUNCTIONS(CredentialRepository)

public:
    explicit CredentialRepository(Database &database);

    Result<QList<Credential>> list();
    Result<QList<Credential>> listByOrigin(Origin origin);
    Result<Credential> get(const QString &name);
    Status create(const Credential &credential);
    // Replaces every field except lastUsedAt, which only markUsed() changes once a row exists.
    Status upsert(const Credential &credential);
    Status markUsed(const QString &name, const QDateTime &when);
    // Refused with Conflict while a server or tool override still uses the credential.
    Status remove(const QString &name);

private:
    Status save(const Credential &credential, bool replace);
    Result<QList<Credential>> select(const QString &where, const QVariant &value);

    Database &m_database;
};

} // namespace gatehouse::store
