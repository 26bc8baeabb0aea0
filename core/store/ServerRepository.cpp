#include "ServerRepository.h"

#include "Database.h"
#include "Logging.h"
#include "Query.h"

#include <QHash>
#include <QRegularExpression>

#include <type_traits>

using namespace Qt::StringLiterals;

namespace gatehouse::store {

namespace {

const QString columns = u"name, title, openapi, mcp_url, base_url, discovery, credential, "
                        "tool_excludes, enabled, origin, tool_includes, heuristics, "
                        "openapi_remote_refs, identity_headers"_s;
const QStringList discoveryModes = {u"flat"_s, u"hierarchical"_s, u"search"_s};

// RFC 9110 §5.1, §5.6.2: a field name is a token.
bool isHeaderName(const QString &name)
{
    static const QRegularExpression token(u"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$"_s);
    return token.match(name).hasMatch();
}

template <typename T>
void put(nlohmann::json &object, const char *key, const std::optional<T> &value)
{
    if (value)
        object[key] = *value;
}

template <typename T>
void take(const nlohmann::json &object, const char *key, std::optional<T> &value)
{
    const auto it = object.find(key);
    if (it == object.end())
        return;
    if (std::is_same_v<T, bool> ? it->is_boolean() : it->is_number_integer())
        value = it->template get<T>();
    else
        qCWarning(lcStore) << "ignoring the heuristic" << key << "of unexpected type"
                           << it->dump().c_str();
}

std::optional<nlohmann::json> encodeHeuristics(const std::optional<ServerHeuristics> &h)
{
    if (!h)
        return std::nullopt;
    nlohmann::json out = nlohmann::json::object();
    put(out, "drop_deprecated", h->dropDeprecated);
    put(out, "hide_pagination", h->hidePagination);
    put(out, "max_description_chars", h->maxDescriptionChars);
    put(out, "shape_responses", h->shapeResponses);
    put(out, "drop_list_with_read", h->dropListWithRead);
    put(out, "compact_schemas", h->compactSchemas);
    return out;
}

std::optional<ServerHeuristics> decodeHeuristics(const std::optional<nlohmann::json> &json)
{
    if (!json)
        return std::nullopt;
    if (!json->is_object()) {
        qCWarning(lcStore) << "a server's heuristics are not a JSON object; using the defaults";
        return std::nullopt;
    }
    // Keys a newer Gatehouse added are skipped, so an older one still reads the row.
    ServerHeuristics h;
    take(*json, "drop_deprecated", h.dropDeprecated);
    take(*json, "hide_pagination", h.hidePagination);
    take(*json, "max_description_chars", h.maxDescriptionChars);
    take(*json, "shape_responses", h.shapeResponses);
    take(*json, "drop_list_with_read", h.dropListWithRead);
    take(*json, "compact_schemas", h.compactSchemas);
    return h;
}

std::optional<nlohmann::json> encodeIdentityHeaders(const std::optional<ServerIdentityHeaders> &h)
{
    if (!h)
        return std::nullopt;
    nlohmann::json out = nlohmann::json::object();
    if (h->user)
        out["user"] = h->user->toStdString();
    if (h->client)
        out["client"] = h->client->toStdString();
    return out;
}

std::optional<ServerIdentityHeaders>
decodeIdentityHeaders(const std::optional<nlohmann::json> &json)
{
    if (!json)
        return std::nullopt;
    if (!json->is_object()) {
        qCWarning(lcStore) << "a server's identity headers are not a JSON object; none are sent";
        return std::nullopt;
    }
    ServerIdentityHeaders h;
    const auto text = [&](const char *key, std::optional<QString> &value) {
        const auto it = json->find(key);
        if (it == json->end())
            return;
        if (it->is_string())
            value = QString::fromStdString(it->get<std::string>());
        else
            qCWarning(lcStore) << "ignoring the identity header" << key << "of unexpected type"
                               << it->dump().c_str();
    };
    // Keys a newer Gatehouse added are skipped, so an older one still reads the row.
    text("user", h.user);
    text("client", h.client);
    return h;
}

Server fromRow(const Query &q)
{
    Server s;
    s.name = q.text(0);
    s.title = q.optionalText(1);
    s.openapi = q.optionalText(2);
    s.mcpUrl = q.optionalText(3);
    s.baseUrl = q.optionalText(4);
    s.discovery = q.text(5);
    s.credential = q.optionalText(6);
    s.toolExcludes = q.list(7);
    s.enabled = q.flag(8);
    s.origin = originFromName(q.text(9)).value_or(Origin::Local);
    s.toolIncludes = q.list(10);
    s.heuristics = decodeHeuristics(q.optionalJson(11));
    s.openapiRemoteRefs = q.flag(12);
    s.identityHeaders = decodeIdentityHeaders(q.optionalJson(13));
    return s;
}

} // namespace

ServerRepository::ServerRepository(Database &database)
    : m_database(database)
{}

Result<QList<Server>> ServerRepository::select(const QString &where, const QVariant &value)
{
    auto conn = m_database.connection();
    if (!conn.ok())
        return conn.error();
    Query q(m_database, *conn,
            u"SELECT "_s + columns + u" FROM servers"_s + where + u" ORDER BY name"_s);
    if (value.isValid())
        q.bind(u":v"_s, value);
    if (auto s = q.exec(tr("Reading servers")); !s.ok())
        return s.error();
    QList<Server> result;
    QHash<QString, qsizetype> byName;
    while (q.next()) {
        result.append(fromRow(q));
        byName.insert(result.constLast().name, result.size() - 1);
    }
    if (result.isEmpty())
        return result;
    Query candidates(m_database, *conn,
                     u"SELECT server, credential FROM server_credentials WHERE server IN (SELECT "
                     "name FROM servers"_s +
                         where + u") ORDER BY server, sort_order"_s);
    if (value.isValid())
        candidates.bind(u":v"_s, value);
    if (auto s = candidates.exec(tr("Reading the servers' credentials")); !s.ok())
        return s.error();
    while (candidates.next()) {
        const auto it = byName.constFind(candidates.text(0));
        if (it != byName.cend())
            result[*it].credentials.append(candidates.text(1));
    }
    return result;
}

Result<QList<Server>> ServerRepository::list()
{
    return select(QString(), QVariant());
}

Result<QList<Server>> ServerRepository::listByOrigin(Origin origin)
{
    return select(u" WHERE origin = :v"_s, originName(origin));
}

Result<Server> ServerRepository::get(const QString &name)
{
    auto rows = select(u" WHERE name = :v"_s, name);
    if (!rows.ok())
        return rows.error();
    if (rows->isEmpty())
        return Error(ErrorCode::NotFound, tr("There is no server named '%1'.").arg(name));
    return rows->first();
}

Status ServerRepository::create(const Server &server)
{
    return save(server, false);
}

Status ServerRepository::upsert(const Server &server)
{
    return save(server, true);
}

Status ServerRepository::save(const Server &server, bool replace)
{
    if (server.name.isEmpty())
        return Error(ErrorCode::InvalidArgument, tr("A server needs a name."));
    if (!discoveryModes.contains(server.discovery))
        return Error(ErrorCode::InvalidArgument,
                     tr("Server '%1': discovery '%2' is not one of %3.")
                         .arg(server.name, server.discovery, discoveryModes.join(u", "_s)));
    if (server.heuristics && server.heuristics->maxDescriptionChars.value_or(0) < 0)
        return Error(ErrorCode::InvalidArgument,
                     tr("Server '%1': the description limit must be 0 (no limit) or more, not %2.")
                         .arg(server.name)
                         .arg(*server.heuristics->maxDescriptionChars));
    if (const auto &h = server.identityHeaders) {
        for (const std::optional<QString> &header : {h->user, h->client})
            if (header && !isHeaderName(*header))
                return Error(ErrorCode::InvalidArgument,
                             tr("Server '%1': identity header '%2' is not an HTTP header name; "
                                "use letters, digits and -, such as X-Gatehouse-User.")
                                 .arg(server.name, *header));
        if (h->user && h->client && h->user->compare(*h->client, Qt::CaseInsensitive) == 0)
            return Error(ErrorCode::InvalidArgument,
                         tr("Server '%1': the user and the client identity headers are both "
                            "'%2'; give each its own header.")
                             .arg(server.name, *h->user));
    }
    for (qsizetype i = 0; i < server.credentials.size(); ++i)
        if (server.credentials.indexOf(server.credentials.at(i)) != i)
            return Error(ErrorCode::InvalidArgument,
                         tr("Server '%1' lists credential '%2' twice among its credentials; "
                            "list each once, in the order they are tried.")
                             .arg(server.name, server.credentials.at(i)));
    return m_database.write([&](QSqlDatabase &db) -> Status {
        QString sql =
            u"INSERT INTO servers ("_s + columns +
            u") VALUES (:name, :title, :openapi, :mcp_url, :base_url, :discovery, "
            ":credential, :tool_excludes, :enabled, :origin, :tool_includes, :heuristics, "
            ":openapi_remote_refs, :identity_headers)"_s;
        if (replace)
            sql += u" ON CONFLICT (name) DO UPDATE SET title = excluded.title, "
                   "openapi = excluded.openapi, mcp_url = excluded.mcp_url, "
                   "base_url = excluded.base_url, discovery = excluded.discovery, "
                   "credential = excluded.credential, tool_excludes = excluded.tool_excludes, "
                   "enabled = excluded.enabled, origin = excluded.origin, "
                   "tool_includes = excluded.tool_includes, heuristics = excluded.heuristics, "
                   "openapi_remote_refs = excluded.openapi_remote_refs, "
                   "identity_headers = excluded.identity_headers"_s;
        Query q(m_database, db, sql);
        q.bind(u":name"_s, server.name)
            .bind(u":title"_s, Query::fromText(server.title))
            .bind(u":openapi"_s, Query::fromText(server.openapi))
            .bind(u":mcp_url"_s, Query::fromText(server.mcpUrl))
            .bind(u":base_url"_s, Query::fromText(server.baseUrl))
            .bind(u":discovery"_s, server.discovery)
            .bind(u":credential"_s, Query::fromText(server.credential))
            .bind(u":tool_excludes"_s, Query::fromList(server.toolExcludes))
            .bind(u":enabled"_s, Query::fromFlag(server.enabled))
            .bind(u":origin"_s, originName(server.origin))
            .bind(u":tool_includes"_s, Query::fromList(server.toolIncludes))
            .bind(u":heuristics"_s, Query::fromJson(encodeHeuristics(server.heuristics)))
            .bind(u":openapi_remote_refs"_s, Query::fromFlag(server.openapiRemoteRefs))
            .bind(u":identity_headers"_s,
                  Query::fromJson(encodeIdentityHeaders(server.identityHeaders)));
        Status s = q.exec(tr("Saving server '%1'").arg(server.name));
        if (q.failure() == SqlDialect::Failure::UniqueViolation)
            return Error(ErrorCode::AlreadyExists,
                         tr("A server named '%1' already exists; choose another name or edit "
                            "the existing server.")
                             .arg(server.name));
        if (q.failure() == SqlDialect::Failure::ForeignKeyViolation)
            return Error(ErrorCode::NotFound,
                         tr("Server '%1' uses credential '%2', which does not exist; add the "
                            "credential first.")
                             .arg(server.name, server.credential.value_or(QString())));
        if (!s.ok())
            return s;
        return saveCredentials(db, server);
    });
}

// The candidates are replaced as a whole, in the server's transaction.
Status ServerRepository::saveCredentials(QSqlDatabase &db, const Server &server)
{
    Query clear(m_database, db, u"DELETE FROM server_credentials WHERE server = :server"_s);
    clear.bind(u":server"_s, server.name);
    if (auto s = clear.exec(tr("Saving the credentials of server '%1'").arg(server.name)); !s.ok())
        return s;
    for (qsizetype i = 0; i < server.credentials.size(); ++i) {
        const QString &credential = server.credentials.at(i);
        Query q(m_database, db,
                u"INSERT INTO server_credentials (server, credential, sort_order) VALUES "
                "(:server, :credential, :sort_order)"_s);
        q.bind(u":server"_s, server.name)
            .bind(u":credential"_s, credential)
            .bind(u":sort_order"_s, qint64(i));
        Status s = q.exec(tr("Saving the credentials of server '%1'").arg(server.name));
        if (q.failure() == SqlDialect::Failure::ForeignKeyViolation)
            return Error(ErrorCode::NotFound,
                         tr("Server '%1' lists credential '%2' among its credentials, which does "
                            "not exist; add the credential first.")
                             .arg(server.name, credential));
        if (!s.ok())
            return s;
    }
    return {};
}

Status ServerRepository::remove(const QString &name)
{
    return m_database.write([&](QSqlDatabase &db) -> Status {
        Query q(m_database, db, u"DELETE FROM servers WHERE name = :name"_s);
        q.bind(u":name"_s, name);
        if (auto s = q.exec(tr("Removing server '%1'").arg(name)); !s.ok())
            return s;
        if (q.rowsAffected() == 0)
            return Error(
                ErrorCode::NotFound,
                tr("Cannot remove server '%1': there is no server by that name.").arg(name));
        return {};
    });
}

} // namespace gatehouse::store
