#include "CredentialRepository.h"

#include "Database.h"
#include "Query.h"

using namespace Qt::StringLiterals;

namespace gatehouse::store {

namespace {

const QString columns = u"name, type, location, param, scopes, per_user, secret_kind, secret_ref, "
                        "token_url, client_id, resource, last_used_at, origin"_s;
const QStringList types = {u"api_key"_s, u"bearer"_s, u"basic"_s, u"oauth2_client_credentials"_s,
                           u"oauth2_refresh_token"_s};
const QStringList locations = {u"header"_s, u"query"_s, u"cookie"_s};
const QStringList secretKinds = {u"keychain"_s, u"env"_s, u"file"_s, u"sealed"_s};

Credential fromRow(const Query &q)
{
    Credential c;
    c.name = q.text(0);
    c.type = q.text(1);
    c.location = q.optionalText(2);
    c.param = q.optionalText(3);
    c.scopes = q.optionalList(4);
    c.perUser = q.flag(5);
    if (const auto kind = q.optionalText(6))
        c.secret = SecretReference{*kind, q.text(7)};
    c.tokenUrl = q.optionalText(8);
    c.clientId = q.optionalText(9);
    c.resource = q.optionalText(10);
    c.lastUsedAt = q.optionalTime(11);
    c.origin = originFromName(q.text(12)).value_or(Origin::Local);
    return c;
}

} // namespace

CredentialRepository::CredentialRepository(Database &database)
    : m_database(database)
{}

Result<QList<Credential>> CredentialRepository::select(const QString &where, const QVariant &value)
{
    auto conn = m_database.connection();
    if (!conn.ok())
        return conn.error();
    Query q(m_database, *conn,
            u"SELECT "_s + columns + u" FROM credentials"_s + where + u" ORDER BY name"_s);
    if (value.isValid())
        q.bind(u":v"_s, value);
    if (auto s = q.exec(tr("Reading credentials")); !s.ok())
        return s.error();
    QList<Credential> result;
    while (q.next())
        result.append(fromRow(q));
    return result;
}

Result<QList<Credential>> CredentialRepository::list()
{
    return select(QString(), QVariant());
}

Result<QList<Credential>> CredentialRepository::listByOrigin(Origin origin)
{
    return select(u" WHERE origin = :v"_s, originName(origin));
}

Result<Credential> CredentialRepository::get(const QString &name)
{
    auto rows = select(u" WHERE name = :v"_s, name);
    if (!rows.ok())
        return rows.error();
    if (rows->isEmpty())
        return Error(ErrorCode::NotFound, tr("There is no credential named '%1'.").arg(name));
    return rows->first();
}

Status CredentialRepository::create(const Credential &credential)
{
    return save(credential, false);
}

Status CredentialRepository::upsert(const Credential &credential)
{
    return save(credential, true);
}

Status CredentialRepository::save(const Credential &c, bool replace)
{
    if (c.name.isEmpty())
        return Error(ErrorCode::InvalidArgument, tr("A credential needs a name."));
    if (!types.contains(c.type))
        return Error(ErrorCode::InvalidArgument, tr("Credential '%1': type '%2' is not one of %3.")
                                                     .arg(c.name, c.type, types.join(u", "_s)));
    if (c.location && !locations.contains(*c.location))
        return Error(ErrorCode::InvalidArgument,
                     tr("Credential '%1': 'in' is '%2', but must be one of %3.")
                         .arg(c.name, *c.location, locations.join(u", "_s)));
    if (c.secret && !secretKinds.contains(c.secret->kind))
        return Error(ErrorCode::InvalidArgument,
                     tr("Credential '%1': secret kind '%2' is not one of %3.")
                         .arg(c.name, c.secret->kind, secretKinds.join(u", "_s)));
    return m_database.write([&](QSqlDatabase &db) -> Status {
        QString sql =
            u"INSERT INTO credentials ("_s + columns +
            u") VALUES (:name, :type, :location, :param, :scopes, :per_user, "
            ":secret_kind, :secret_ref, :token_url, :client_id, :resource, :last_used_at, "
            ":origin)"_s;
        if (replace)
            sql += u" ON CONFLICT (name) DO UPDATE SET type = excluded.type, "
                   "location = excluded.location, param = excluded.param, "
                   "scopes = excluded.scopes, per_user = excluded.per_user, "
                   "secret_kind = excluded.secret_kind, secret_ref = excluded.secret_ref, "
                   "token_url = excluded.token_url, client_id = excluded.client_id, "
                   "resource = excluded.resource, origin = excluded.origin"_s;
        Query q(m_database, db, sql);
        q.bind(u":name"_s, c.name)
            .bind(u":type"_s, c.type)
            .bind(u":location"_s, Query::fromText(c.location))
            .bind(u":param"_s, Query::fromText(c.param))
            .bind(u":scopes"_s, Query::fromList(c.scopes))
            .bind(u":per_user"_s, Query::fromFlag(c.perUser))
            .bind(u":secret_kind"_s,
                  Query::fromText(c.secret ? std::optional(c.secret->kind) : std::nullopt))
            .bind(u":secret_ref"_s,
                  Query::fromText(c.secret ? std::optional(c.secret->value) : std::nullopt))
            .bind(u":token_url"_s, Query::fromText(c.tokenUrl))
            .bind(u":client_id"_s, Query::fromText(c.clientId))
            .bind(u":resource"_s, Query::fromText(c.resource))
            .bind(u":last_used_at"_s, Query::fromTime(c.lastUsedAt))
            .bind(u":origin"_s, originName(c.origin));
        Status s = q.exec(tr("Saving credential '%1'").arg(c.name));
        if (q.failure() == SqlDialect::Failure::UniqueViolation)
            return Error(ErrorCode::AlreadyExists,
                         tr("A credential named '%1' already exists; choose another name or "
                            "edit the existing credential.")
                             .arg(c.name));
        return s;
    });
}

Status CredentialRepository::markUsed(const QString &name, const QDateTime &when)
{
    return m_database.write([&](QSqlDatabase &db) -> Status {
        Query q(m_database, db, u"UPDATE credentials SET last_used_at = :at WHERE name = :name"_s);
        q.bind(u":at"_s, Query::fromTime(when)).bind(u":name"_s, name);
        if (auto s = q.exec(tr("Recording the use of credential '%1'").arg(name)); !s.ok())
            return s;
        if (q.rowsAffected() == 0)
            return Error(ErrorCode::NotFound, tr("There is no credential named '%1'.").arg(name));
        return {};
    });
}

Status CredentialRepository::remove(const QString &name)
{
    return m_database.write([&](QSqlDatabase &db) -> Status {
        Query users(m_database, db,
                    u"SELECT 'server ''' || name || '''' FROM servers WHERE credential = :name "
                    "UNION SELECT 'tool override ''' || override_key || ''' of server ''' || "
                    "server || '''' FROM tool_overrides WHERE credential = :name2 UNION SELECT "
                    "'server ''' || server || '''' FROM server_credentials WHERE credential = "
                    ":name3 ORDER BY 1"_s);
        users.bind(u":name"_s, name).bind(u":name2"_s, name).bind(u":name3"_s, name);
        if (auto s = users.exec(tr("Finding what uses credential '%1'").arg(name)); !s.ok())
            return s;
        QStringList usedBy;
        while (users.next())
            usedBy.append(users.text(0));
        if (!usedBy.isEmpty())
            return Error(ErrorCode::Conflict,
                         tr("Credential '%1' is still used by %2; choose another credential "
                            "there first.")
                             .arg(name, usedBy.join(u", "_s)));
        Query q(m_database, db, u"DELETE FROM credentials WHERE name = :name"_s);
        q.bind(u":name"_s, name);
        if (auto s = q.exec(tr("Removing credential '%1'").arg(name)); !s.ok())
            return s;
        if (q.rowsAffected() == 0)
            return Error(ErrorCode::NotFound,
                         tr("Cannot remove credential '%1': there is no credential by that name.")
                             .arg(name));
        return {};
    });
}

} // namespace gatehouse::store
