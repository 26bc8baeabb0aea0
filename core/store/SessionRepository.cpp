#include "SessionRepository.h"

#include "Database.h"
#include "Query.h"

using namespace Qt::StringLiterals;

namespace gatehouse::store {

SessionRepository::SessionRepository(Database &database)
    : m_database(database)
{}

Result<QByteArray> SessionRepository::key(const QString &name, const QByteArray &generate)
{
    QByteArray result;
    const Status written = m_database.write([&](QSqlDatabase &db) -> Status {
        Query insert(m_database, db,
                     u"INSERT INTO gateway_keys (name, secret, created_at) VALUES (:n, :s, :t) "
                     u"ON CONFLICT (name) DO NOTHING"_s);
        insert.bind(u":n"_s, name)
            .bind(u":s"_s, QString::fromLatin1(generate.toBase64()))
            .bind(u":t"_s, Query::fromTime(QDateTime::currentDateTimeUtc()));
        if (Status s = insert.exec(tr("Storing the gateway key '%1'").arg(name)); !s.ok())
            return s;
        Query select(m_database, db, u"SELECT secret FROM gateway_keys WHERE name = :n"_s);
        select.bind(u":n"_s, name);
        if (Status s = select.exec(tr("Reading the gateway key '%1'").arg(name)); !s.ok())
            return s;
        if (!select.next())
            return Error(ErrorCode::Internal, tr("The gateway key '%1' vanished.").arg(name));
        result = QByteArray::fromBase64(select.text(0).toLatin1());
        return {};
    });
    if (!written.ok())
        return written.error();
    return result;
}

Status SessionRepository::markEnded(const QByteArray &nonce, const QDateTime &expiresAt)
{
    return m_database.write([&](QSqlDatabase &db) -> Status {
        Query q(m_database, db,
                u"INSERT INTO ended_sessions (nonce, expires_at) VALUES (:n, :e) "
                u"ON CONFLICT (nonce) DO NOTHING"_s);
        q.bind(u":n"_s, QString::fromLatin1(nonce.toBase64()))
            .bind(u":e"_s, Query::fromTime(expiresAt));
        return q.exec(tr("Recording an ended session"));
    });
}

Result<QList<QByteArray>> SessionRepository::ended(const QDateTime &now)
{
    auto conn = m_database.connection();
    if (!conn.ok())
        return conn.error();
    Query q(m_database, *conn, u"SELECT nonce FROM ended_sessions WHERE expires_at > :now"_s);
    q.bind(u":now"_s, Query::fromTime(now));
    if (Status s = q.exec(tr("Reading ended sessions")); !s.ok())
        return s.error();
    QList<QByteArray> result;
    while (q.next())
        result.append(QByteArray::fromBase64(q.text(0).toLatin1()));
    return result;
}

Result<int> SessionRepository::purgeExpired(const QDateTime &now)
{
    int removed = 0;
    const Status written = m_database.write([&](QSqlDatabase &db) -> Status {
        Query q(m_database, db, u"DELETE FROM ended_sessions WHERE expires_at <= :now"_s);
        q.bind(u":now"_s, Query::fromTime(now));
        if (Status s = q.exec(tr("Removing expired sessions")); !s.ok())
            return s;
        removed = q.rowsAffected();
        return {};
    });
    if (!written.ok())
        return written.error();
    return removed;
}

} // namespace gatehouse::store
