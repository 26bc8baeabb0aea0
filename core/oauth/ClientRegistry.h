#pragma once

#include "AuthServerOptions.h"
#include "Result.h"
#include "store/ClientRepository.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHostAddress>

#include <nlohmann/json.hpp>

namespace gatehouse::store {
class Database;
}

namespace gatehouse::oauth {

// The clients the authorization server knows: issued by the owner, registered by MCP clients
// (RFC 7591), or named by an https URL whose Client ID Metadata Document is fetched
// (draft-ietf-oauth-client-id-metadata-document) and cached in the store.
class ClientRegistry
{
    Q_DECLARE_TR_FUNCTIONS(ClientRegistry)

public:
    static constexpr int maxRedirectUris = 10;
    static constexpr qint64 maxDocumentBytes = 5 * 1024;
    static constexpr std::chrono::milliseconds documentTimeout{2500};
    static constexpr std::chrono::seconds documentCacheTime{3600};

    static QString clientIdPrefix() { return QStringLiteral("gh_ci_"); }
    static QString clientSecretPrefix() { return QStringLiteral("gh_cs_"); }

    struct Client
    {
        store::Client row;
        QStringList grantTypes;
        QString authMethod; // none | client_secret_basic | client_secret_post
        QString displayName;

        bool confidential() const { return row.clientSecretHash.has_value(); }
        bool allows(const QString &grantType) const { return grantTypes.contains(grantType); }
    };

    struct Registration
    {
        nlohmann::json response; // RFC 7591 section 3.2.1, with the secret when one was issued
        QString clientId;
    };

    ClientRegistry(store::Database &database, AuthServerOptions options);

    // The client with this id, fetching its metadata document when the id is an https URL.
    // NotFound: no such client; PermissionDenied: revoked; Validation/Unavailable: a document
    // that cannot be used (the message says why).
    Result<Client> find(const QString &clientId, const QDateTime &now) const;

    // RFC 7591 section 2 metadata to a stored client. Validation: a redirect URI is refused
    // (invalid_redirect_uri); InvalidArgument: other metadata (invalid_client_metadata).
    Result<Registration> registerClient(const nlohmann::json &metadata, const QDateTime &now) const;

    // What the store keeps of a client secret: "sha256$" and the hex SHA-256 (the secrets carry
    // 256 random bits). secretMatches also takes "scrypt$..." hashes written in a config file.
    static QString hashSecret(const QString &secret);
    static bool secretMatches(const QString &secret, const QString &stored);

    // Whether the client_id is a metadata document URL this server would fetch.
    static bool isDocumentUrl(const QString &clientId);

private:
    Result<Client> fetchDocument(const QString &clientId, const QDateTime &now) const;
    static Client describe(const store::Client &row);

    store::Database &m_database;
    AuthServerOptions m_options;
};

} // namespace gatehouse::oauth
