#include "PlanRepository.h"

#include "Database.h"
#include "Query.h"

using namespace Qt::StringLiterals;

namespace gatehouse::store {

namespace {

Plan fromRow(const Query &q)
{
    Plan p;
    p.name = q.text(0);
    p.callsPerMonth = q.optionalInteger(1);
    p.ratePerMinute = q.optionalInteger(2);
    p.spendPerMonth = q.optionalReal(3);
    p.origin = originFromName(q.text(4)).value_or(Origin::Local);
    return p;
}

} // namespace

PlanRepository::PlanRepository(Database &database)
    : m_database(database)
{}

Result<QList<Plan>> PlanRepository::select(const QString &where, const QVariant &value)
{
    auto conn = m_database.connection();
    if (!conn.ok())
        return conn.error();
    Query q(m_database, *conn,
            u"SELECT name, calls_per_month, rate_per_minute, spend_per_month, origin FROM plans"_s +
                where + u" ORDER BY name"_s);
    if (value.isValid())
        q.bind(u":v"_s, value);
    if (auto s = q.exec(tr("Reading plans")); !s.ok())
        return s.error();
    QList<Plan> result;
    while (q.next())
        result.append(fromRow(q));
    return result;
}

Result<QList<Plan>> PlanRepository::list()
{
    return select(QString(), QVariant());
}

Result<QList<Plan>> PlanRepository::listByOrigin(Origin origin)
{
    return select(u" WHERE origin = :v"_s, originName(origin));
}

Result<Plan> PlanRepository::get(const QString &name)
{
    auto rows = select(u" WHERE name = :v"_s, name);
    if (!rows.ok())
        return rows.error();
    if (rows->isEmpty())
        return Error(ErrorCode::NotFound, tr("There is no plan named '%1'.").arg(name));
    return rows->first();
}

Status PlanRepository::create(const Plan &plan)
{
    return save(plan, false);
}

Status PlanRepository::upsert(const Plan &plan)
{
    return save(plan, true);
}

Status PlanRepository::save(const Plan &plan, bool replace)
{
    if (plan.name.isEmpty())
        return Error(ErrorCode::InvalidArgument, tr("A plan needs a name."));
    if ((plan.callsPerMonth && *plan.callsPerMonth < 0) ||
        (plan.ratePerMinute && *plan.ratePerMinute < 0))
        return Error(ErrorCode::InvalidArgument,
                     tr("Plan '%1': limits cannot be negative.").arg(plan.name));
    return m_database.write([&](QSqlDatabase &db) -> Status {
        QString sql =
            u"INSERT INTO plans (name, calls_per_month, rate_per_minute, spend_per_month, "
            "origin) VALUES (:name, :calls, :rate, :spend, :origin)"_s;
        if (replace)
            sql += u" ON CONFLICT (name) DO UPDATE SET calls_per_month = excluded.calls_per_month, "
                   "rate_per_minute = excluded.rate_per_minute, "
                   "spend_per_month = excluded.spend_per_month, origin = excluded.origin"_s;
        Query q(m_database, db, sql);
        q.bind(u":name"_s, plan.name)
            .bind(u":calls"_s, Query::fromInteger(plan.callsPerMonth))
            .bind(u":rate"_s, Query::fromInteger(plan.ratePerMinute))
            .bind(u":spend"_s, Query::fromReal(plan.spendPerMonth))
            .bind(u":origin"_s, originName(plan.origin));
        Status s = q.exec(tr("Saving plan '%1'").arg(plan.name));
        if (q.failure() == SqlDialect::Failure::UniqueViolation)
            return Error(ErrorCode::AlreadyExists,
                         tr("A plan named '%1' already exists; choose another name or edit the "
                            "existing plan.")
                             .arg(plan.name));
        return s;
    });
}

Status PlanRepository::remove(const QString &name)
{
    return m_database.write([&](QSqlDatabase &db) -> Status {
        Query users(m_database, db, u"SELECT name FROM users WHERE plan = :name ORDER BY name"_s);
        users.bind(u":name"_s, name);
        if (auto s = users.exec(tr("Finding the users of plan '%1'").arg(name)); !s.ok())
            return s;
        QStringList names;
        while (users.next())
            names.append(users.text(0));
        if (!names.isEmpty())
            return Error(ErrorCode::Conflict,
                         tr("Plan '%1' cannot be removed: users %2 are on it; move them to "
                            "another plan first.")
                             .arg(name, names.join(u", "_s)));
        Query q(m_database, db, u"DELETE FROM plans WHERE name = :name"_s);
        q.bind(u":name"_s, name);
        if (auto s = q.exec(tr("Removing plan '%1'").arg(name)); !s.ok())
            return s;
        if (q.rowsAffected() == 0)
            return Error(ErrorCode::NotFound,
                         tr("Cannot remove plan '%1': there is no plan by that name.").arg(name));
        return {};
    });
}

} // namespace gatehouse::store
