#pragma once

#include "Origin.h"
#include "Result.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <optional>

class QSqlDatabase;

namespace gatehouse::store {

class Database;

// The editorial heuristics a server sets for its generated tools; an absent field takes the
// generator's default. Stored as one JSON object with the configuration's key names.
struct ServerHeuristics
{
    std::optional<bool> dropDeprecated;
    std::optional<bool> hidePagination;
    std::optional<int> maxDescriptionChars; // 0: descriptions are not cut
    std::optional<bool> shapeResponses;
    std::optional<bool> dropListWithRead;
    std::optional<bool> compactSchemas;

    bool operator==(const ServerHeuristics &) const = default;
};

// The headers a server's upstream receives to say who is calling (header names; an absent one is
// not sent). Stored as one JSON object with the configuration's key names (user, client).
struct ServerIdentityHeaders
{
    std::optional<QString> user;   // carries the caller's user name
    std::optional<QString> client; // carries the OAuth client_id the caller came through

    bool operator==(const ServerIdentityHeaders &) const = default;
};

struct Server
{
    QString name; // unique; the MCP endpoint is {public_url}/mcp/{name}
    std::optional<QString> title;
    std::optional<QString> openapi; // file path or URL, as written
    std::optional<QString> mcpUrl;  // an upstream MCP server instead of an OpenAPI spec
    std::optional<QString> baseUrl;
    QString discovery = QStringLiteral("flat"); // flat | hierarchical | search
    std::optional<QString> credential;          // default credential name
    // Further candidate credentials, in order, for tools that need upstream scopes the default
    // lacks (table server_credentials).
    QStringList credentials;
    QStringList toolExcludes;
    QStringList toolIncludes;                             // empty: every operation
    std::optional<ServerHeuristics> heuristics;           // absent: every heuristic at its default
    bool openapiRemoteRefs = false;                       // the spec may pull in http(s) $refs
    std::optional<ServerIdentityHeaders> identityHeaders; // absent: none are sent
    bool enabled = true;
    Origin origin = Origin::Local;

    bool operator==(const Server &) const = default;
};

class ServerRepository
{
    Q_DECLARE_TR_FUNCTIONS(ServerRepository)

public:
    explicit ServerRepository(Database &database);

    Result<QList<Server>> list();
    Result<QList<Server>> listByOrigin(Origin origin);
    Result<Server> get(const QString &name);
    // Fails with AlreadyExists when the name is taken.
    Status create(const Server &server);
    // Inserts, or replaces every field of the server with that name.
    Status upsert(const Server &server);
    // Also removes the server's tool overrides.
    Status remove(const QString &name);

private:
    Status save(const Server &server, bool replace);
    Status saveCredentials(QSqlDatabase &db, const Server &server);
    Result<QList<Server>> select(const QString &where, const QVariant &value);

    Database &m_database;
};

} // namespace gatehouse::store
