#include "ConsentRepository.h"

#include "Database.h"
#include "Query.h"

using namespace Qt::StringLiterals;

namespace gatehouse::store {

namespace {
QStringList normalized(QStringList scopes)
{
    scopes.sort();
    scopes.removeDuplicates();
    return scopes;
}
} // namespace

ConsentRepository::ConsentRepository(Database &database)
    : m_database(database)
{}

Status ConsentRepository::grant(const Consent &c)
{
    return m_database.write([&](QSqlDatabase &db) -> Status {
        Query q(m_database, db,
                u"INSERT INTO oauth_consents (user_name, client_id, redirect_uri, resource, "
                "scopes, granted_at) VALUES (:user, :client, :redirect, :resource, :scopes, "
                ":at) ON CONFLICT (user_name, client_id, redirect_uri, resource, scopes) DO "
                "UPDATE SET granted_at = excluded.granted_at"_s);
        q.bind(u":user"_s, c.user)
            .bind(u":client"_s, c.clientId)
            .bind(u":redirect"_s, c.redirectUri)
            .bind(u":resource"_s, c.resource)
            .bind(u":scopes"_s, Query::fromList(normalized(c.scopes)))
            .bind(u":at"_s,
                  Query::fromTime(c.grantedAt.isValid() ? c.grantedAt
                                                        : QDateTime::currentDateTimeUtc()));
        Status s = q.exec(
            tr("Remembering the consent of user '%1' for client '%2'").arg(c.user, c.clientId));
        if (q.failure() == SqlDialect::Failure::ForeignKeyViolation)
            return Error(ErrorCode::NotFound,
                         tr("Cannot remember the consent: user '%1' or client '%2' does not exist.")
                             .arg(c.user, c.clientId));
        return s;
    });
}

Result<bool> ConsentRepository::has(const Consent &c)
{
    auto conn = m_database.connection();
    if (!conn.ok())
        return conn.error();
    Query q(m_database, *conn,
            u"SELECT 1 FROM oauth_consents WHERE user_name = :user AND client_id = :client AND "
            "redirect_uri = :redirect AND resource = :resource AND scopes = :scopes"_s);
    q.bind(u":user"_s, c.user)
        .bind(u":client"_s, c.clientId)
        .bind(u":redirect"_s, c.redirectUri)
        .bind(u":resource"_s, c.resource)
        .bind(u":scopes"_s, Query::fromList(normalized(c.scopes)));
    if (auto s = q.exec(tr("Reading remembered consents")); !s.ok())
        return s.error();
    return q.next();
}

Result<QList<Consent>> ConsentRepository::listForUser(const QString &user)
{
    auto conn = m_database.connection();
    if (!conn.ok())
        return conn.error();
    Query q(m_database, *conn,
            u"SELECT user_name, client_id, redirect_uri, resource, scopes, granted_at FROM "
            "oauth_consents WHERE user_name = :user ORDER BY granted_at"_s);
    q.bind(u":user"_s, user);
    if (auto s = q.exec(tr("Reading remembered consents")); !s.ok())
        return s.error();
    QList<Consent> result;
    while (q.next())
        result.append(Consent{q.text(0), q.text(1), q.text(2), q.text(3), q.list(4), q.time(5)});
    return result;
}

Result<int> ConsentRepository::removeForClient(const QString &clientId)
{
    int removed = 0;
    Status s = m_database.write([&](QSqlDatabase &db) -> Status {
        Query q(m_database, db, u"DELETE FROM oauth_consents WHERE client_id = :client"_s);
        q.bind(u":client"_s, clientId);
        Status st = q.exec(tr("Forgetting the consents given to client '%1'").arg(clientId));
        removed = q.rowsAffected();
        return st;
    });
    if (!s.ok())
        return s.error();
    return removed;
}

} // namespace gatehouse::store
