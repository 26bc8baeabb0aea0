#include "AuditRepository.h"

#include "Database.h"
#include "Query.h"

using namespace Qt::StringLiterals;

namespace gatehouse::store {

namespace {

// The WHERE clause of a filter (its limit and order aside) and the values it binds.
struct Conditions
{
    QString sql; // empty, or " WHERE ..."
    QList<std::pair<QString, QVariant>> values;

    void bindTo(Query &q) const
    {
        for (const auto &[placeholder, value] : values)
            q.bind(placeholder, value);
    }
};

Conditions conditionsOf(const AuditFilter &filter)
{
    QStringList where;
    Conditions c;
    const auto add = [&](const QString &clause, const QString &placeholder, QVariant value) {
        where << clause;
        c.values.append({placeholder, std::move(value)});
    };
    if (filter.user)
        add(u"user_name = :user"_s, u":user"_s, *filter.user);
    if (filter.tool)
        add(u"tool = :tool"_s, u":tool"_s, *filter.tool);
    if (filter.decision)
        add(u"decision = :decision"_s, u":decision"_s, *filter.decision);
    if (filter.since)
        add(u"at_ms >= :since"_s, u":since"_s, Query::fromTime(*filter.since));
    if (filter.before)
        add(u"at_ms < :before"_s, u":before"_s, Query::fromTime(*filter.before));
    if (filter.server)
        add(u"server = :server"_s, u":server"_s, *filter.server);
    if (filter.client)
        add(u"client_id = :client"_s, u":client"_s, *filter.client);
    if (filter.afterId)
        add(u"id > :after"_s, u":after"_s, *filter.afterId);
    if (filter.throughId)
        add(u"id <= :through"_s, u":through"_s, *filter.throughId);
    if (!where.isEmpty())
        c.sql = u" WHERE "_s + where.join(u" AND "_s);
    return c;
}

} // namespace

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
    // One statement prepared for the whole batch: the writer thread stores every call the
    // gateway answers, so preparing per row cost as much as the rows themselves.
    const QString action = tr("Writing an audit row");
    return m_database.write([&](QSqlDatabase &db) -> Status {
        Query q(m_database, db,
                u"INSERT INTO audit_log (at_ms, user_name, client_id, server, tool, decision, "
                "reason, upstream_status, latency_ms, cost, repeats) VALUES (:at, :user, :client, "
                ":server, :tool, :decision, :reason, :status, :latency, :cost, :repeats)"_s);
        for (const AuditRow &r : rows) {
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
                .bind(u":cost"_s, Query::fromReal(r.cost))
                .bind(u":repeats"_s, r.repeats);
            if (auto s = q.exec(action); !s.ok())
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
    const Conditions conditions = conditionsOf(filter);
    QString sql = u"SELECT id, at_ms, user_name, client_id, server, tool, decision, reason, "
                  "upstream_status, latency_ms, cost, repeats FROM audit_log"_s +
                  conditions.sql;
    sql += filter.afterId ? u" ORDER BY id ASC"_s : u" ORDER BY at_ms DESC, id DESC"_s;
    sql += u" LIMIT %1"_s.arg(filter.limit);
    Query q(m_database, *conn, sql);
    conditions.bindTo(q);
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
        r.repeats = q.integer(11);
        result.append(r);
    }
    return result;
}

Result<qint64> AuditRepository::count(const AuditFilter &filter)
{
    auto conn = m_database.connection();
    if (!conn.ok())
        return conn.error();
    const Conditions conditions = conditionsOf(filter);
    Query q(m_database, *conn,
            u"SELECT COALESCE(SUM(1 + repeats), 0) FROM audit_log"_s + conditions.sql);
    conditions.bindTo(q);
    if (auto s = q.exec(tr("Counting the calls in the audit log")); !s.ok())
        return s.error();
    return q.next() ? q.integer(0) : qint64(0);
}

Result<QList<AuditSample>> AuditRepository::samples(const QDateTime &since, qint64 throughId)
{
    auto conn = m_database.connection();
    if (!conn.ok())
        return conn.error();
    Query q(m_database, *conn,
            u"SELECT id, at_ms, decision, latency_ms, repeats FROM audit_log WHERE at_ms >= "
            ":since AND id <= :through ORDER BY id ASC"_s);
    q.bind(u":since"_s, Query::fromTime(since)).bind(u":through"_s, throughId);
    if (auto s = q.exec(tr("Reading the audit log")); !s.ok())
        return s.error();
    QList<AuditSample> result;
    while (q.next())
        result.append(
            AuditSample{q.integer(0), q.time(1), q.text(2), q.optionalInteger(3), q.integer(4)});
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
    // In short transactions of at most 5,000 rows, so a first prune of a large log never holds
    // the write lock long enough to stall the gateway's own writes.
    constexpr int kChunk = 5000;
    int removed = 0;
    while (true) {
        int chunk = 0;
        Status s = m_database.write([&](QSqlDatabase &db) -> Status {
            Query q(m_database, db,
                    u"DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log WHERE at_ms < "
                    ":t ORDER BY id LIMIT %1)"_s.arg(kChunk));
            q.bind(u":t"_s, Query::fromTime(time));
            Status st = q.exec(tr("Pruning the audit log"));
            chunk = q.rowsAffected();
            return st;
        });
        if (!s.ok())
            return s.error();
        removed += std::max(chunk, 0);
        if (chunk < kChunk)
            return removed;
    }
}

} // namespace gatehouse::store
