#include "UsageRepository.h"

#include "Database.h"
#include "Query.h"

#include <QRegularExpression>

#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

namespace gatehouse::store {

UsageRepository::UsageRepository(Database &database)
    : m_database(database)
{}

Status UsageRepository::addBatch(const QList<UsageCounter> &increments)
{
    static const QRegularExpression periodPattern(u"^\\d{4}-(0[1-9]|1[0-2])$"_s);
    for (const UsageCounter &c : increments) {
        if (!periodPattern.match(c.period).hasMatch())
            return Error(ErrorCode::InvalidArgument,
                         tr("Usage period '%1' (user '%2', server '%3') is not a month written "
                            "as YYYY-MM.")
                             .arg(c.period, c.user, c.server));
    }
    if (increments.isEmpty())
        return {};
    // Every batch takes its counters' row locks in one order, so that two instances adding
    // overlapping batches on PostgreSQL wait for each other instead of deadlocking. Stable: the
    // increments of one counter are still added in the caller's order.
    QList<UsageCounter> ordered = increments;
    std::stable_sort(
        ordered.begin(), ordered.end(), [](const UsageCounter &a, const UsageCounter &b) {
            return std::tie(a.user, a.server, a.period) < std::tie(b.user, b.server, b.period);
        });
    return m_database.write([&](QSqlDatabase &db) -> Status {
        for (const UsageCounter &c : std::as_const(ordered)) {
            Query q(m_database, db,
                    u"INSERT INTO usage_counters (user_name, server, period, calls, cost) "
                    "VALUES (:user, :server, :period, :calls, :cost) "
                    "ON CONFLICT (user_name, server, period) DO UPDATE SET "
                    "calls = usage_counters.calls + excluded.calls, "
                    "cost = usage_counters.cost + excluded.cost"_s);
            q.bind(u":user"_s, c.user)
                .bind(u":server"_s, c.server)
                .bind(u":period"_s, c.period)
                .bind(u":calls"_s, c.calls)
                .bind(u":cost"_s, c.cost);
            if (auto s =
                    q.exec(tr("Counting usage of user '%1' on server '%2'").arg(c.user, c.server));
                !s.ok())
                return s;
        }
        return {};
    });
}

Result<UsageCounter> UsageRepository::get(const QString &user, const QString &server,
                                          const QString &period)
{
    auto conn = m_database.connection();
    if (!conn.ok())
        return conn.error();
    Query q(m_database, *conn,
            u"SELECT calls, cost FROM usage_counters WHERE user_name = :user AND server = :server "
            "AND period = :period"_s);
    q.bind(u":user"_s, user).bind(u":server"_s, server).bind(u":period"_s, period);
    if (auto s = q.exec(tr("Reading usage of user '%1' on server '%2'").arg(user, server)); !s.ok())
        return s.error();
    UsageCounter c{user, server, period, 0, 0.0};
    if (q.next()) {
        c.calls = q.integer(0);
        c.cost = q.real(1);
    }
    return c;
}

Result<QList<UsageCounter>> UsageRepository::listForPeriod(const QString &period)
{
    auto conn = m_database.connection();
    if (!conn.ok())
        return conn.error();
    Query q(m_database, *conn,
            u"SELECT user_name, server, calls, cost FROM usage_counters WHERE period = :period "
            "ORDER BY user_name, server"_s);
    q.bind(u":period"_s, period);
    if (auto s = q.exec(tr("Reading usage for %1").arg(period)); !s.ok())
        return s.error();
    QList<UsageCounter> result;
    while (q.next())
        result.append(UsageCounter{q.text(0), q.text(1), period, q.integer(2), q.real(3)});
    return result;
}

} // namespace gatehouse::store
