#include "ToolOverrideRepository.h"

#include "Database.h"
#include "Logging.h"
#include "Query.h"

using namespace Qt::StringLiterals;

namespace gatehouse::store {

namespace {

const QString columns = u"server, override_key, name, description, hide_params, response_fields, "
                        "credential, cost, action, resource, enabled, origin, fixed_params, "
                        "param_defaults, cost_argument, cost_factor, refund_on_failure, scopes"_s;
const QStringList actions = {u"read"_s, u"create"_s, u"update"_s, u"delete"_s};

std::optional<nlohmann::json> encodeParams(const std::optional<ParamValues> &values)
{
    if (!values)
        return std::nullopt;
    nlohmann::json out = nlohmann::json::object();
    for (auto it = values->cbegin(); it != values->cend(); ++it)
        out[it.key().toStdString()] = it.value();
    return out;
}

std::optional<ParamValues> decodeParams(const std::optional<nlohmann::json> &json)
{
    if (!json)
        return std::nullopt;
    if (!json->is_object()) {
        qCWarning(lcStore) << "a tool override's parameter values are not a JSON object";
        return std::nullopt;
    }
    ParamValues out;
    for (auto it = json->begin(); it != json->end(); ++it)
        out.insert(QString::fromStdString(it.key()), it.value());
    return out;
}

ToolOverride fromRow(const Query &q)
{
    ToolOverride o;
    o.server = q.text(0);
    o.key = q.text(1);
    o.name = q.optionalText(2);
    o.description = q.optionalText(3);
    o.hideParams = q.optionalList(4);
    o.responseFields = q.optionalList(5);
    o.credential = q.optionalText(6);
    o.cost = q.optionalReal(7);
    o.action = q.optionalText(8);
    o.resource = q.optionalText(9);
    o.enabled = q.optionalFlag(10);
    o.origin = originFromName(q.text(11)).value_or(Origin::Local);
    o.fixedParams = decodeParams(q.optionalJson(12));
    o.paramDefaults = decodeParams(q.optionalJson(13));
    o.costArgument = q.optionalText(14);
    o.costFactor = q.optionalReal(15);
    o.refundOnFailure = q.optionalFlag(16);
    o.scopes = q.optionalList(17);
    return o;
}

} // namespace

ToolOverrideRepository::ToolOverrideRepository(Database &database)
    : m_database(database)
{}

Result<QList<ToolOverride>> ToolOverrideRepository::select(const QString &where,
                                                           const QVariantMap &values)
{
    auto conn = m_database.connection();
    if (!conn.ok())
        return conn.error();
    Query q(m_database, *conn,
            u"SELECT "_s + columns + u" FROM tool_overrides"_s + where +
                u" ORDER BY server, sort_order"_s);
    for (auto it = values.begin(); it != values.end(); ++it)
        q.bind(it.key(), it.value());
    if (auto s = q.exec(tr("Reading tool overrides")); !s.ok())
        return s.error();
    QList<ToolOverride> result;
    while (q.next())
        result.append(fromRow(q));
    return result;
}

Result<QList<ToolOverride>> ToolOverrideRepository::list()
{
    return select(QString(), {});
}

Result<QList<ToolOverride>> ToolOverrideRepository::listByOrigin(Origin origin)
{
    return select(u" WHERE origin = :origin"_s, {{u":origin"_s, originName(origin)}});
}

Result<QList<ToolOverride>> ToolOverrideRepository::listForServer(const QString &server)
{
    return select(u" WHERE server = :server"_s, {{u":server"_s, server}});
}

Result<ToolOverride> ToolOverrideRepository::get(const QString &server, const QString &key)
{
    auto rows = select(u" WHERE server = :server AND override_key = :key"_s,
                       {{u":server"_s, server}, {u":key"_s, key}});
    if (!rows.ok())
        return rows.error();
    if (rows->isEmpty())
        return Error(ErrorCode::NotFound,
                     tr("Server '%1' has no tool override '%2'.").arg(server, key));
    return rows->first();
}

Status ToolOverrideRepository::create(const ToolOverride &override_)
{
    return m_database.write([&](QSqlDatabase &db) -> Status { return save(db, override_, false); });
}

Status ToolOverrideRepository::upsert(const ToolOverride &override_)
{
    return m_database.write([&](QSqlDatabase &db) -> Status { return save(db, override_, true); });
}

Status ToolOverrideRepository::replaceForServer(const QString &server,
                                                const QList<ToolOverride> &overrides)
{
    return m_database.write([&](QSqlDatabase &db) -> Status {
        Query clear(m_database, db, u"DELETE FROM tool_overrides WHERE server = :server"_s);
        clear.bind(u":server"_s, server);
        if (auto s = clear.exec(tr("Replacing the tool overrides of server '%1'").arg(server));
            !s.ok())
            return s;
        for (ToolOverride o : overrides) {
            o.server = server;
            if (auto s = save(db, o, false); !s.ok())
                return s;
        }
        return {};
    });
}

Status ToolOverrideRepository::save(QSqlDatabase &db, const ToolOverride &o, bool replace)
{
    if (o.server.isEmpty() || o.key.isEmpty())
        return Error(ErrorCode::InvalidArgument,
                     tr("A tool override needs a server and a key (an operationId or "
                        "\"METHOD /path\")."));
    if (o.action && !actions.contains(*o.action))
        return Error(ErrorCode::InvalidArgument,
                     tr("Tool override '%1' of server '%2': action '%3' is not one of %4.")
                         .arg(o.key, o.server, *o.action, actions.join(u", "_s)));
    // A parameter is hidden, fixed or visible with a default: never two of these.
    const QStringList hidden = o.hideParams.value_or(QStringList());
    const ParamValues fixed = o.fixedParams.value_or(ParamValues());
    const ParamValues defaults = o.paramDefaults.value_or(ParamValues());
    for (const QString &name : fixed.keys() + defaults.keys()) {
        const bool isFixed = fixed.contains(name);
        const QString other = hidden.contains(name)                ? u"hide_params"_s
                              : isFixed && defaults.contains(name) ? u"param_defaults"_s
                                                                   : QString();
        if (!other.isEmpty())
            return Error(ErrorCode::InvalidArgument,
                         tr("Tool override '%1' of server '%2': parameter '%3' is in both %4 and "
                            "%5; a parameter is hidden, fixed or visible with a default, so keep "
                            "it in one of them.")
                             .arg(o.key, o.server, name,
                                  isFixed ? u"fixed_params"_s : u"param_defaults"_s, other));
    }
    QString sql =
        u"INSERT INTO tool_overrides (sort_order, "_s + columns +
        u") VALUES ((SELECT COALESCE(MAX(sort_order), 0) + 1 FROM tool_overrides WHERE server "
        "= :server), :server, :key, :name, :description, :hide_params, :response_fields, "
        ":credential, :cost, :action, :resource, :enabled, :origin, :fixed_params, "
        ":param_defaults, :cost_argument, :cost_factor, :refund_on_failure, :scopes)"_s;
    if (replace)
        sql += u" ON CONFLICT (server, override_key) DO UPDATE SET name = excluded.name, "
               "description = excluded.description, hide_params = excluded.hide_params, "
               "response_fields = excluded.response_fields, credential = excluded.credential, "
               "cost = excluded.cost, action = excluded.action, resource = excluded.resource, "
               "enabled = excluded.enabled, origin = excluded.origin, "
               "fixed_params = excluded.fixed_params, param_defaults = excluded.param_defaults, "
               "cost_argument = excluded.cost_argument, cost_factor = excluded.cost_factor, "
               "refund_on_failure = excluded.refund_on_failure, scopes = excluded.scopes"_s;
    Query q(m_database, db, sql);
    q.bind(u":server"_s, o.server)
        .bind(u":key"_s, o.key)
        .bind(u":name"_s, Query::fromText(o.name))
        .bind(u":description"_s, Query::fromText(o.description))
        .bind(u":hide_params"_s, Query::fromList(o.hideParams))
        .bind(u":response_fields"_s, Query::fromList(o.responseFields))
        .bind(u":credential"_s, Query::fromText(o.credential))
        .bind(u":cost"_s, Query::fromReal(o.cost))
        .bind(u":action"_s, Query::fromText(o.action))
        .bind(u":resource"_s, Query::fromText(o.resource))
        .bind(u":enabled"_s, Query::fromFlag(o.enabled))
        .bind(u":origin"_s, originName(o.origin))
        .bind(u":fixed_params"_s, Query::fromJson(encodeParams(o.fixedParams)))
        .bind(u":param_defaults"_s, Query::fromJson(encodeParams(o.paramDefaults)))
        .bind(u":cost_argument"_s, Query::fromText(o.costArgument))
        .bind(u":cost_factor"_s, Query::fromReal(o.costFactor))
        .bind(u":refund_on_failure"_s, Query::fromFlag(o.refundOnFailure))
        .bind(u":scopes"_s, Query::fromList(o.scopes));
    Status s = q.exec(tr("Saving tool override '%1' of server '%2'").arg(o.key, o.server));
    if (q.failure() == SqlDialect::Failure::UniqueViolation)
        return Error(ErrorCode::AlreadyExists,
                     tr("Server '%1' already has a tool override '%2'; edit that one instead.")
                         .arg(o.server, o.key));
    if (q.failure() == SqlDialect::Failure::ForeignKeyViolation)
        return Error(
            ErrorCode::NotFound,
            tr("Tool override '%1' refers to server '%2'%3, which does not exist; add "
               "it first.")
                .arg(o.key, o.server,
                     o.credential ? tr(" or credential '%1'").arg(*o.credential) : QString()));
    return s;
}

Status ToolOverrideRepository::remove(const QString &server, const QString &key)
{
    return m_database.write([&](QSqlDatabase &db) -> Status {
        Query q(m_database, db,
                u"DELETE FROM tool_overrides WHERE server = :server AND override_key = :key"_s);
        q.bind(u":server"_s, server).bind(u":key"_s, key);
        if (auto s = q.exec(tr("Removing tool override '%1' of server '%2'").arg(key, server));
            !s.ok())
            return s;
        if (q.rowsAffected() == 0)
            return Error(ErrorCode::NotFound,
                         tr("Cannot remove tool override '%1': server '%2' has no such override.")
                             .arg(key, server));
        return {};
    });
}

} // namespace gatehouse::store
