#include "ClientRepository.h"

#include "Database.h"
#include "Query.h"

using namespace Qt::StringLiterals;

namespace gatehouse::store {

namespace {

const QString columns = u"client_id, client_secret_hash, user_name, name, redirect_uris, kind, "
                        "created_at, revoked, origin, metadata"_s;
const QStringList kinds = {u"issued"_s, u"registered"_s, u"document"_s};

} // namespace

ClientRepository::ClientRepository(Database &database)
    : m_database(database)
{}

Result<QList<Client>> ClientRepository::select(const QString &where, const QVariant &value)
{
    auto conn = m_database.connection();
    if (!conn.ok())
        return conn.error();
    Query q(m_database, *conn,
            u"SELECT "_s + columns + u" FROM oauth_clients"_s + where + u" ORDER BY client_id"_s);
    if (value.isValid())
        q.bind(u":v"_s, value);
    if (auto s = q.exec(tr("Reading OAuth clients")); !s.ok())
        return s.error();
    QList<Client> result;
    while (q.next()) {
        Client c;
        c.clientId = q.text(0);
        c.clientSecretHash = q.optionalText(1);
        c.user = q.optionalText(2);
        c.name = q.optionalText(3);
        c.redirectUris = q.list(4);
        c.kind = q.text(5);
        c.createdAt = q.time(6);
        c.revoked = q.flag(7);
        c.origin = originFromName(q.text(8)).value_or(Origin::Local);
        c.metadata = q.optionalText(9);
        result.append(c);
    }
    return result;
}

Result<QList<Client>> ClientRepository::list()
{
    return select(QString(), QVariant());
}

Result<QList<Client>> ClientRepository::listByOrigin(Origin origin)
{
    return select(u" WHERE origin = :v"_s, originName(origin));
}

Result<QList<Client>> ClientRepository::listForUser(const QString &user)
{
    return select(u" WHERE user_name = :v"_s, user);
}

Result<Client> ClientRepository::get(const QString &clientId)
{
    auto rows = select(u" WHERE client_id = :v"_s, clientId);
    if (!rows.ok())
        return rows.error();
    if (rows->isEmpty())
        return Error(ErrorCode::NotFound,
                     tr("There is no OAuth client with client_id '%1'.").arg(clientId));
    return rows->first();
}

Status ClientRepository::create(const Client &client)
{
    return save(client, false);
}

Status ClientRepository::upsert(const Client &client)
{
    return save(client, true);
}

Status ClientRepository::save(const Client &c, bool replace)
{
    if (c.clientId.isEmpty())
        return Error(ErrorCode::InvalidArgument, tr("An OAuth client needs a client_id."));
    if (!kinds.contains(c.kind))
        return Error(ErrorCode::InvalidArgument,
                     tr("OAuth client '%1': kind '%2' is not one of %3.")
                         .arg(c.clientId, c.kind, kinds.join(u", "_s)));
    const Status written = m_database.write([&](QSqlDatabase &db) -> Status {
        QString sql = u"INSERT INTO oauth_clients ("_s + columns +
                      u") VALUES (:client_id, :secret, :user, :name, :redirect_uris, :kind, "
                      ":created_at, :revoked, :origin, :metadata)"_s;
        if (replace)
            sql += u" ON CONFLICT (client_id) DO UPDATE SET "
                   "client_secret_hash = excluded.client_secret_hash, "
                   "user_name = excluded.user_name, name = excluded.name, "
                   "redirect_uris = excluded.redirect_uris, kind = excluded.kind, "
                   "revoked = excluded.revoked, origin = excluded.origin, "
                   "metadata = excluded.metadata"_s;
        Query q(m_database, db, sql);
        q.bind(u":client_id"_s, c.clientId)
            .bind(u":secret"_s, Query::fromText(c.clientSecretHash))
            .bind(u":user"_s, Query::fromText(c.user))
            .bind(u":name"_s, Query::fromText(c.name))
            .bind(u":redirect_uris"_s, Query::fromList(c.redirectUris))
            .bind(u":kind"_s, c.kind)
            .bind(u":created_at"_s,
                  Query::fromTime(c.createdAt.isValid() ? c.createdAt
                                                        : QDateTime::currentDateTimeUtc()))
            .bind(u":revoked"_s, Query::fromFlag(c.revoked))
            .bind(u":origin"_s, originName(c.origin))
            .bind(u":metadata"_s, Query::fromText(c.metadata));
        Status s = q.exec(tr("Saving OAuth client '%1'").arg(c.clientId));
        if (q.failure() == SqlDialect::Failure::UniqueViolation)
            return Error(ErrorCode::AlreadyExists,
                         tr("An OAuth client with client_id '%1' already exists; issue a new "
                            "client_id.")
                             .arg(c.clientId));
        if (q.failure() == SqlDialect::Failure::ForeignKeyViolation)
            return Error(ErrorCode::NotFound,
                         tr("OAuth client '%1' is issued to user '%2', who does not exist; add "
                            "the user first.")
                             .arg(c.clientId, c.user.value_or(QString())));
        return s;
    });
    // A replaced user or client may now be disabled or revoked: verified-token caches must see
    // it now. A new one changes nothing they hold.
    if (replace)
        m_database.noteAuthChange();
    return written;
}

Status ClientRepository::revoke(const QString &clientId)
{
    const Status written = m_database.write([&](QSqlDatabase &db) -> Status {
        Query q(m_database, db, u"UPDATE oauth_clients SET revoked = 1 WHERE client_id = :id"_s);
        q.bind(u":id"_s, clientId);
        if (auto s = q.exec(tr("Revoking OAuth client '%1'").arg(clientId)); !s.ok())
            return s;
        if (q.rowsAffected() == 0)
            return Error(ErrorCode::NotFound,
                         tr("Cannot revoke OAuth client '%1': there is no client with that "
                            "client_id.")
                             .arg(clientId));
        Query tokens(m_database, db,
                     u"UPDATE oauth_tokens SET revoked = 1 WHERE client_id = :id"_s);
        tokens.bind(u":id"_s, clientId);
        return tokens.exec(tr("Revoking the tokens of OAuth client '%1'").arg(clientId));
    });
    // Verified-token caches must see a disabled or removed user, a revoked client, now.
    m_database.noteAuthChange();
    return written;
}

Status ClientRepository::remove(const QString &clientId)
{
    const Status written = m_database.write([&](QSqlDatabase &db) -> Status {
        Query q(m_database, db, u"DELETE FROM oauth_clients WHERE client_id = :id"_s);
        q.bind(u":id"_s, clientId);
        if (auto s = q.exec(tr("Removing OAuth client '%1'").arg(clientId)); !s.ok())
            return s;
        if (q.rowsAffected() == 0)
            return Error(ErrorCode::NotFound,
                         tr("Cannot remove OAuth client '%1': there is no client with that "
                            "client_id.")
                             .arg(clientId));
        return {};
    });
    // Verified-token caches must see a disabled or removed user, a revoked client, now.
    m_database.noteAuthChange();
    return written;
}

} // namespace gatehouse::store
