#include "AuditRepository.h"

#include "Database.h"
#include "Query.h"

using namespace Qt::StringLiterals;

namespace gatehouse::store {

AuditRepository::AuditRepository(Database &database)
    : m_database(database)
{}

Status AuditRepository::append(const QList<AuditRow> &rows)
{
    for (const AuditRow &r : rows) {
        if (!r.time.isValid() || r.decision.isEmpty())
            return Error(ErrorCode::InvalidArgument,
                         tr("An audit row needs a time and a decision (tool '%1').")
                             .arg(r.tool.value_or(QString())));
    }
    if (rows.isEmpty())
        return {};
    return m_database.write([&](QSqlDatabase &db) -> Status {
        for (const AuditRow &r : rows) {
            Query q(m_database, db,
                    u"INSERT INTO audit_log (at_ms, user_name, client_id, server, tool, decision, "
                    "reason, upstream_status, latency_ms, cost) VALUES (:at, :user, :client, "
                    ":server, :tool, :decision, :reason, :status, :latency, :cost)"_s);
            q.bind(u":at"_s, Query::fromTime(r.time))
                .bind(u":user"_s, Query::fromText(r.user))
                .bind(u":client"_s, Query::fromText(r.client))
                .bind(u":server"_s, Query::fromText(r.server))
                .bind(u":tool"_s, Query::fromText(r.tool))
                .bind(u":decision"_s, r.decision)
                .bind(u":reason"_s, Query::fromText(r.reason))
                .bind(u":status"_s,
                      Query::fromInteger(r.upstreamStatus ? std::optional<qint64>(*r.upstreamStatus)
                                                          : std::nullopt))
                .bind(u":latency"_s, Query::fromInteger(r.latencyMs))
                .bind(u":cost"_s, Query::fromReal(r.cost));
            if (auto s = q.exec(tr("Writing an audit row")); !s.ok())
                return s;
        }
        return {};
    });
}

Result<QList<AuditRow>> AuditRepository::query(const AuditFilter &filter)
{
    if (filter.limit <= 0)
        return Error(ErrorCode::InvalidArgument,
                     tr("An audit query needs a positive limit, not %1.").arg(filter.limit));
    auto conn = m_database.connection();
    if (!conn.ok())
        return conn.error();
    QStringList where;
    if (filter.user)
        where << u"user_name = :user"_s;
    if (filter.tool)
        where << u"tool = :tool"_s;
    if (filter.decision)
        where << u"decision = :decision"_s;
    if (filter.since)
        where << u"at_ms >= :since"_s;
    if (filter.server)
        where << u"server = :server"_s;
    if (filter.client)
        where << u"client_id = :client"_s;
    if (filter.afterId)
        where << u"id > :after"_s;
    if (filter.throughId)
        where << u"id <= :through"_s;
    QString sql = u"SELECT id, at_ms, user_name, client_id, server, tool, decision, reason, "
                  "upstream_status, latency_ms, cost FROM audit_log"_s;
    if (!where.isEmpty())
        sql += u" WHERE "_s + where.join(u" AND "_s);
    sql += filter.afterId ? u" ORDER BY id ASC"_s : u" ORDER BY at_ms DESC, id DESC"_s;
    sql += u" LIMIT %1"_s.arg(filter.limit);
    Query q(m_database, *conn, sql);
    if (filter.user)
        q.bind(u":user"_s, *filter.user);
    if (filter.tool)
        q.bind(u":tool"_s, *filter.tool);
    if (filter.decision)
        q.bind(u":decision"_s, *filter.decision);
    if (filter.since)
        q.bind(u":since"_s, Query::fromTime(*filter.since));
    if (filter.server)
        q.bind(u":server"_s, *filter.server);
    if (filter.client)
        q.bind(u":client"_s, *filter.client);
    if (filter.afterId)
        q.bind(u":after"_s, *filter.afterId);
    if (filter.throughId)
        q.bind(u":through"_s, *filter.throughId);
    if (auto s = q.exec(tr("Reading the audit log")); !s.ok())
        return s.error();
    QList<AuditRow> result;
    while (q.next()) {
        AuditRow r;
        r.id = q.integer(0);
        r.time = q.time(1);
        r.user = q.optionalText(2);
        r.client = q.optionalText(3);
        r.server = q.optionalText(4);
        r.tool = q.optionalText(5);
        r.decision = q.text(6);
        r.reason = q.optionalText(7);
        if (const auto status = q.optionalInteger(8))
            r.upstreamStatus = static_cast<int>(*status);
        r.latencyMs = q.optionalInteger(9);
        r.cost = q.optionalReal(10);
        result.append(r);
    }
    return result;
}

Result<qint64> AuditRepository::lastId()
{
    auto conn = m_database.connection();
    if (!conn.ok())
        return conn.error();
    Query q(m_database, *conn, u"SELECT MAX(id) FROM audit_log"_s);
    if (auto s = q.exec(tr("Reading the audit log's last id")); !s.ok())
        return s.error();
    return q.next() ? q.optionalInteger(0).value_or(0) : qint64(0);
}

Result<int> AuditRepository::pruneOlderThan(const QDateTime &time)
{
    int removed = 0;
    Status s = m_database.write([&](QSqlDatabase &db) -> Status {
        Query q(m_database, db, u"DELETE FROM audit_log WHERE at_ms < :t"_s);
        q.bind(u":t"_s, Query::fromTime(time));
        Status st = q.exec(tr("Pruning the audit log"));
        removed = q.rowsAffected();
        return st;
    });
    if (!s.ok())
        return s.error();
    return removed;
}

} // namespace gatehouse::store
