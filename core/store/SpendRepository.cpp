#include "SpendRepository.h"

#include "Database.h"
#include "Query.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace gatehouse::store {

namespace {
// Costs are sums of decimal fractions: 0.1 + 0.2 must fit a cap of 0.3.
constexpr double kTolerance = 1e-9;
} // namespace

SpendRepository::SpendRepository(Database &database)
    : m_database(database)
{}

Result<SpendOutcome> SpendRepository::reserve(const SpendRequest &request)
{
    if (!std::isfinite(request.cost) || request.cost < 0)
        return Error(
            ErrorCode::InvalidArgument,
            tr("A call's cost must be a number of zero or more, not %1.").arg(request.cost));
    SpendOutcome outcome;
    const Status written = m_database.write([&](QSqlDatabase &db) -> Status {
        if (!request.tokenHash.isEmpty()) {
            Query q(m_database, db,
                    u"UPDATE oauth_tokens SET spent = spent + :cost WHERE token_hash = :hash "
                    "AND (spend_cap IS NULL OR spent + :cost2 <= spend_cap + :tolerance)"_s);
            q.bind(u":cost"_s, request.cost)
                .bind(u":cost2"_s, request.cost)
                .bind(u":hash"_s, request.tokenHash)
                .bind(u":tolerance"_s, kTolerance);
            if (auto s = q.exec(tr("Reserving a call's cost against its token")); !s.ok())
                return s;
            if (q.rowsAffected() == 0) {
                Query read(m_database, db,
                           u"SELECT spent, spend_cap FROM oauth_tokens WHERE token_hash = :hash"_s);
                read.bind(u":hash"_s, request.tokenHash);
                if (auto s = read.exec(tr("Reading a token's spend")); !s.ok())
                    return s;
                if (!read.next())
                    return Error(ErrorCode::NotFound,
                                 tr("The token this call was made with no longer exists; sign "
                                    "in again."));
                outcome = {SpendOutcome::Limit::Token, read.optionalReal(1).value_or(0.0),
                           read.real(0)};
                return {};
            }
        }
        if (!request.user.isEmpty()) {
            // A call over the whole cap is refused without touching the row; otherwise the upsert
            // adds the cost only where the sum stays within the cap (a new row starts below it).
            bool refused = request.monthly && request.cost > *request.monthly + kTolerance;
            if (!refused) {
                QString sql =
                    u"INSERT INTO usage_counters (user_name, server, period, calls, cost) "
                    "VALUES (:user, :server, :period, 0, :cost) "
                    "ON CONFLICT (user_name, server, period) DO UPDATE SET "
                    "cost = usage_counters.cost + excluded.cost"_s;
                if (request.monthly)
                    sql += u" WHERE usage_counters.cost + excluded.cost <= :cap"_s;
                Query q(m_database, db, sql);
                q.bind(u":user"_s, request.user)
                    .bind(u":server"_s, request.server)
                    .bind(u":period"_s, request.period)
                    .bind(u":cost"_s, request.cost);
                if (request.monthly)
                    q.bind(u":cap"_s, *request.monthly + kTolerance);
                if (auto s = q.exec(tr("Reserving a call's cost against the monthly cap of user "
                                       "'%1' on server '%2'")
                                        .arg(request.user, request.server));
                    !s.ok())
                    return s;
                refused = q.rowsAffected() == 0;
            }
            if (refused) {
                Query read(m_database, db,
                           u"SELECT cost FROM usage_counters WHERE user_name = :user AND "
                           "server = :server AND period = :period"_s);
                read.bind(u":user"_s, request.user)
                    .bind(u":server"_s, request.server)
                    .bind(u":period"_s, request.period);
                if (auto s = read.exec(tr("Reading a user's monthly spend")); !s.ok())
                    return s;
                outcome = {SpendOutcome::Limit::Monthly, *request.monthly,
                           read.next() ? read.real(0) : 0.0};
            }
        }
        if (!outcome.reserved())
            return Error(ErrorCode::Conflict, tr("spend cap reached; nothing reserved"));
        return {};
    });
    if (!written && !(written.error().code() == ErrorCode::Conflict && !outcome.reserved()))
        return written.error();
    return outcome;
}

Status SpendRepository::refund(const SpendRequest &request)
{
    if (!std::isfinite(request.cost) || request.cost <= 0)
        return {};
    return m_database.write([&](QSqlDatabase &db) -> Status {
        if (!request.tokenHash.isEmpty()) {
            Query q(m_database, db,
                    u"UPDATE oauth_tokens SET spent = CASE WHEN spent > :cost THEN spent - :cost2 "
                    "ELSE 0 END WHERE token_hash = :hash"_s);
            q.bind(u":cost"_s, request.cost)
                .bind(u":cost2"_s, request.cost)
                .bind(u":hash"_s, request.tokenHash);
            if (auto s = q.exec(tr("Refunding a call's cost to its token")); !s.ok())
                return s;
        }
        if (!request.user.isEmpty()) {
            Query q(
                m_database, db,
                u"UPDATE usage_counters SET cost = CASE WHEN cost > :cost THEN cost - :cost2 "
                "ELSE 0 END WHERE user_name = :user AND server = :server AND period = :period"_s);
            q.bind(u":cost"_s, request.cost)
                .bind(u":cost2"_s, request.cost)
                .bind(u":user"_s, request.user)
                .bind(u":server"_s, request.server)
                .bind(u":period"_s, request.period);
            if (auto s = q.exec(tr("Refunding a call's cost to user '%1'").arg(request.user));
                !s.ok())
                return s;
        }
        return {};
    });
}

Result<double> SpendRepository::spentByToken(const QString &tokenHash)
{
    auto conn = m_database.connection();
    if (!conn.ok())
        return conn.error();
    Query q(m_database, *conn, u"SELECT spent FROM oauth_tokens WHERE token_hash = :hash"_s);
    q.bind(u":hash"_s, tokenHash);
    if (auto s = q.exec(tr("Reading a token's spend")); !s.ok())
        return s.error();
    if (!q.next())
        return Error(ErrorCode::NotFound, tr("No such token."));
    return q.real(0);
}

} // namespace gatehouse::store
